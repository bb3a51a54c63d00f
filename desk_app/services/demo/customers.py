"""Demo customers: Chinese names with pinyin keys, phones as people type them, addresses
with their service area, and appliances with model, serial, purchase date and warranty."""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import accumulate

from desk_app.db.models import Appliance, Customer, CustomerAddress, CustomerPhone
from desk_app.db.models.people import CustomerNameKey
from desk_app.domain.phones import PhoneKind, normalize_phone
from desk_app.domain.pinyin import NameKeys, name_keys
from desk_app.domain.warranty import add_years
from desk_app.services.customers.search import name_search_keys
from desk_app.services.demo import vocabulary as V
from desk_app.services.demo.bulk import Batch, Ids, LocalTime, Row, utc
from desk_app.services.demo.world import DAY, CustomerBook, Staff, Weighted

_SURNAMES = [s for s, _w in V.SURNAMES]
_SURNAME_CUM = list(accumulate(w for _s, w in V.SURNAMES))
_DISTRICTS = Weighted([(d, d.weight) for d in V.DISTRICTS])
_CATEGORIES = Weighted([(i, c.weight) for i, c in enumerate(V.CATEGORIES)])
_APPLIANCE_COUNT = Weighted([(1, 50), (2, 30), (3, 15), (4, 5)])

CUSTOMER_COLUMNS = (
    "id",
    "name",
    "name_pinyin",
    "name_initials",
    "company",
    "service_area",
    "notes",
    "merged_into_id",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
)
PHONE_COLUMNS = (
    "id",
    "customer_id",
    "position",
    "raw",
    "normalized",
    "last4",
    "extension",
    "label",
)
NAME_KEY_COLUMNS = ("customer_id", "key", "name")
ADDRESS_COLUMNS = ("id", "customer_id", "position", "text", "area")
APPLIANCE_COLUMNS = (
    "id",
    "customer_id",
    "category",
    "brand",
    "model",
    "serial",
    "purchase_date",
    "warranty_end",
    "installed_on",
    "notes",
    "created_at",
)


def person_name(rng: random.Random, *, male: bool) -> str:
    """A common surname (now and then a compound one) and a one- or two-character name."""
    surname = rng.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0]
    pool = V.GIVEN_MALE if male else V.GIVEN_FEMALE
    given = rng.choice(pool)
    if rng.random() < (0.5 if len(surname) == 2 else 0.7):
        given += rng.choice(pool)
    return surname + given


def mobile(rng: random.Random) -> str:
    """A mainland mobile number written the ways clerks write them."""
    prefix = rng.choice(V.MOBILE_PREFIXES)
    mid, tail = f"{rng.randrange(10**4):04d}", f"{rng.randrange(10**4):04d}"
    style = rng.random()
    if style < 0.6:
        return f"{prefix}{mid}{tail}"
    if style < 0.8:
        return f"{prefix} {mid} {tail}"
    if style < 0.92:
        return f"{prefix}-{mid}-{tail}"
    return f"+86 {prefix} {mid} {tail}"


def landline(rng: random.Random, district: V.District) -> str:
    """A landline with the district's area code, sometimes with an extension."""
    code = district.area_code
    digits = 8 if len(code) == 3 else 7
    local = str(rng.randint(2, 9)) + "".join(str(rng.randrange(10)) for _ in range(digits - 1))
    style = rng.random()
    if style < 0.5:
        text = f"{code}-{local}"
    elif style < 0.75:
        text = f"({code}){local}"
    else:
        text = f"{code} {local[:4]} {local[4:]}"
    if rng.random() < 0.1:
        text += f" 转{rng.randint(100, 8999)}"
    return text


def address(rng: random.Random, d: V.District) -> str:
    """E.g. 北京市朝阳区建国路88号3栋2单元501室."""
    head = f"{d.province}{d.city}{d.name}"
    building, unit = rng.randint(1, 24), rng.randint(1, 6)
    room = f"{rng.randint(1, 28)}{rng.randint(1, 4):02d}"
    style = rng.random()
    if style < 0.45:
        number = rng.randint(1, 300)
        return f"{head}{rng.choice(d.streets)}{number}号{building}栋{unit}单元{room}室"
    if style < 0.75:
        number = rng.randint(1, 300)
        return f"{head}{rng.choice(d.streets)}{number}号院{building}号楼{unit}单元{room}"
    return f"{head}{rng.choice(V.COMMUNITIES)}{building}号楼{unit}-{room}"


class CustomerMaker:
    """Makes customers in batches and records in ``book`` what tickets need later."""

    def __init__(
        self,
        rng: random.Random,
        ids: Ids,
        local: LocalTime,
        now: int,
        staff: Staff,
        book: CustomerBook,
    ) -> None:
        self.rng, self.ids, self.local, self.now = rng, ids, local, now
        self.staff, self.book = staff, book
        self._keys: dict[str, tuple[NameKeys, list[str]]] = {}

    def batch(self, count: int) -> Batch:
        rng, ids, local, book = self.rng, self.ids, self.local, self.book
        first = ids.take(Customer, count)
        if not book.address:
            book.first_id = first
            book.app_first_id = ids.take(Appliance, 0)
        customers: list[Row] = []
        name_keys_rows: list[Row] = []
        phones: list[Row] = []
        addresses: list[Row] = []
        appliances: list[Row] = []
        today = local.local_date(self.now)
        for cid in range(first, first + count):
            name = person_name(rng, male=rng.random() < 0.5)
            known = self._keys.get(name)
            if known is None:
                keys = name_keys(name)
                known = self._keys[name] = (keys, name_search_keys(name, keys))
            keys, search_keys = known
            district = _DISTRICTS.pick(rng)
            home = address(rng, district)
            created_ts = self.now - 730 * DAY - rng.randrange(400 * DAY)
            created = utc(created_ts)
            clerk = rng.choice(self.staff.clerks)
            company = None
            if rng.random() < 0.03:
                company = (
                    district.city + rng.choice(V.COMPANY_WORDS) + rng.choice(V.COMPANY_SUFFIXES)
                )
            notes = rng.choice(V.CUSTOMER_NOTES) if rng.random() < 0.03 else None
            customers.append(
                (
                    cid,
                    name,
                    keys.full,
                    keys.initials,
                    company,
                    district.name,
                    notes,
                    None,
                    created,
                    clerk,
                    created,
                    clerk,
                    1,
                )
            )
            # The search keys, as services.customers._set_name writes them.
            name_keys_rows.extend((cid, key, name) for key in search_keys)
            numbers = [mobile(rng) if rng.random() < 0.93 else landline(rng, district)]
            if rng.random() < 0.25:
                numbers.append(landline(rng, district) if rng.random() < 0.6 else mobile(rng))
            for position, raw in enumerate(numbers):
                phone = normalize_phone(raw)
                label = "手机" if phone.kind is PhoneKind.MOBILE else "单位" if company else "家庭"
                phones.append(
                    (
                        ids.take(CustomerPhone),
                        cid,
                        position,
                        phone.raw,
                        phone.normalized,
                        phone.last4,
                        phone.extension,
                        label,
                    )
                )
            addresses.append((ids.take(CustomerAddress), cid, 0, home, district.name))
            if rng.random() < 0.08:
                other = _DISTRICTS.pick(rng)
                addresses.append(
                    (ids.take(CustomerAddress), cid, 1, address(rng, other), other.name)
                )
            book.address.append(home)
            book.area.append(district.name)
            book.phone.append(numbers[0])
            book.first_appliance.append(len(book.app_category))
            napp = _APPLIANCE_COUNT.pick(rng)
            book.appliance_count.append(napp)
            for _ in range(napp):
                ci = _CATEGORIES.pick(rng)
                cat = V.CATEGORIES[ci]
                brand, model = rng.choice(cat.models)
                bought = today - timedelta(days=rng.randrange(8 * 365))
                bought_ts = local.midnight(bought)
                ends = add_years(bought, cat.warranty_years)
                installed = None
                if cat.needs_installation:
                    installed = min(today, bought + timedelta(days=rng.randint(0, 7)))
                serial = f"{cat.serial_prefix}{bought:%y%m}{rng.randrange(10**9):09d}"
                registered = created if bought_ts < created_ts else utc(bought_ts + 10 * 3600)
                appliances.append(
                    (
                        ids.take(Appliance),
                        cid,
                        cat.name,
                        brand,
                        model,
                        serial,
                        bought,
                        ends,
                        installed,
                        None,
                        registered,
                    )
                )
                book.app_category.append(ci)
                book.app_model.append(model)
                book.app_purchase.append(bought_ts)
                book.app_warranty_end.append(ends)
        batch = Batch()
        batch.rows(Customer, CUSTOMER_COLUMNS, customers)
        batch.rows(CustomerNameKey, NAME_KEY_COLUMNS, name_keys_rows)
        batch.rows(CustomerPhone, PHONE_COLUMNS, phones)
        batch.rows(CustomerAddress, ADDRESS_COLUMNS, addresses)
        batch.rows(Appliance, APPLIANCE_COLUMNS, appliances)
        return batch
