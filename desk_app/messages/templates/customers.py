"""Refusal templates of the customers area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ phone numbers
    "phone.empty": ("Please enter a phone number.", "请填写电话号码。"),
    "phone.at_least_one": ("Please enter at least one phone number.", "请至少填写一个电话号码。"),
    "phone.too_many": ("At most {limit} phone numbers.", "最多 {limit} 个电话号码。"),
    "phone.entered_twice": ("{phone} is entered twice.", "{phone} 重复录入了。"),
    "phone.one_at_a_time": ("Please enter one phone number at a time.", "每栏只填一个电话号码。"),
    "phone.bad_characters": (
        "A phone number may only contain digits, spaces and the signs - / . ( ) +.",
        "电话号码只能包含数字、空格和符号 - / . ( ) +。",
    ),
    "phone.not_mainland": (
        "Only mainland China numbers (+86) can be saved.",
        "只能保存中国大陆的号码（+86）。",
    ),
    "phone.mobile_extension": ("A mobile number has no extension.", "手机号码没有分机号。"),
    "phone.mobile_prefix": (
        "Mobile numbers start with 13 to 19; please check the first digits.",
        "手机号码以 13 至 19 开头，请检查前几位。",
    ),
    "phone.mobile_length": (
        "A mobile number has 11 digits; this one has {digits}.",
        "手机号码应为 11 位，此号码为 {digits} 位。",
    ),
    "phone.service_length": (
        "400 and 800 numbers have 10 digits.",
        "400 和 800 号码为 10 位数字。",
    ),
    "phone.area_code_missing": (
        "Please add the area code, for example 010 or 0755.",
        "请加上区号，例如 010 或 0755。",
    ),
    "phone.bad_area_code": (
        "An area code is 010, 02X or four digits starting with 0, e.g. 0755.",
        "区号为 010、02X 或以 0 开头的四位数字，例如 0755。",
    ),
    "phone.area_code_unknown": (
        "That area code does not exist; only Beijing (010) starts with 01.",
        "该区号不存在；只有北京（010）以 01 开头。",
    ),
    "phone.too_short": ("The phone number is too short.", "电话号码太短。"),
    "phone.too_long": (
        "The phone number is too long. A landline with its area code starts with 0.",
        "电话号码太长。带区号的固定电话以 0 开头。",
    ),
    "phone.local_too_short": (
        "The number after area code {area} is too short; it needs {digits} digits.",
        "区号 {area} 后的号码太短，应为 {digits} 位。",
    ),
    "phone.local_too_long": (
        "The number after area code {area} is too long; it needs {digits} digits.",
        "区号 {area} 后的号码太长，应为 {digits} 位。",
    ),
    "phone.local_too_short_7_or_8": (
        "The number after area code {area} is too short; it needs 7 or 8 digits.",
        "区号 {area} 后的号码太短，应为 7 或 8 位。",
    ),
    "phone.local_too_long_7_or_8": (
        "The number after area code {area} is too long; it needs 7 or 8 digits.",
        "区号 {area} 后的号码太长，应为 7 或 8 位。",
    ),
    "phone.local_first_digit": (
        "A landline number cannot start with 0 or 1 after the area code.",
        "固定电话号码在区号之后不能以 0 或 1 开头。",
    ),
    # ------------------------------------------------------------ addresses, appliances
    "address.too_many": ("At most {limit} addresses.", "最多 {limit} 个地址。"),
    "appliance.purchase_in_future": ("The purchase date is in the future.", "购买日期晚于今天。"),
    "appliance.warranty_before_purchase": (
        "The warranty ends before the purchase date.",
        "保修截止日期早于购买日期。",
    ),
    # ------------------------------------------------------------ merging duplicates
    "merge.into_itself": ("A customer cannot be merged into itself.", "客户不能并入自己。"),
    "merge.survivor_already_merged": (
        "The customer to keep was itself merged into another customer.",
        "要保留的客户本身已并入另一位客户。",
    ),
    "merge.duplicate_already_merged": (
        "This customer is already merged into another one.",
        "此客户已并入另一位客户。",
    ),
    "merge.too_many_phones": (
        "Together they would have more than {limit} phone numbers; remove some first.",
        "合并后电话将超过 {limit} 个，请先删除一些。",
    ),
    "merge.too_many_addresses": (
        "Together they would have more than {limit} addresses; remove some first.",
        "合并后地址将超过 {limit} 个，请先删除一些。",
    ),
    "merge.already_undone": ("This merge was already undone.", "此合并已被撤销。"),
    "merge.survivor_merged_later": (
        "The customer kept in this merge was merged into another customer later; "
        "undo that merge first.",
        "此次合并保留的客户后来又并入了另一位客户，请先撤销那次合并。",
    ),
    "merge.duplicate_changed": (
        "The merged customer was changed since; this merge cannot be undone.",
        "被合并的客户此后已有变动，此合并无法撤销。",
    ),
    "merge.records_moved_since": (
        "Some records this merge moved are no longer with the customer kept; it cannot be undone.",
        "此次合并转移的部分记录已不在保留的客户名下，无法撤销。",
    ),
    "merge.would_split_records": (
        "A ticket or complaint entered after the merge links records of both customers; "
        "undoing the merge would split them.",
        "合并后录入的工单或投诉同时关联了两位客户的记录，撤销合并会把它们拆开。",
    ),
}
