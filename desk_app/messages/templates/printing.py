"""Refusals and warnings of printing: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "print.no_font": (
        "No TrueType font with Chinese characters was found, so nothing can be printed. "
        "Install one (for example Microsoft YaHei) or set DESK_PRINT_FONT to a .ttf/.ttc file.",
        "未找到含中文字符的 TrueType 字体，无法打印。请安装一种（例如微软雅黑），"
        "或将 DESK_PRINT_FONT 设为一个 .ttf/.ttc 字体文件。",
    ),
    "print.characters_replaced": (
        "Printed, but no installed font has these characters, so each was printed as "
        "its code: {chars}.",
        "已打印，但已安装的字体都没有以下字符，每个都以其代码代替打印：{chars}。",
    ),
    "print.printer_not_found": (
        "The printer {printer} is not installed on this computer.",
        "本机没有安装打印机 {printer}。",
    ),
    "print.failed": (
        "Printing failed; nothing was printed.\n{detail}",
        "打印失败，没有打印任何内容。\n{detail}",
    ),
}
