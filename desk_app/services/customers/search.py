"""How a search-box query finds customers: each kind of match one index lookup, on either engine.

A customer matches a query (stripped, at most 100 characters) when one of these holds:

- name: the query, normalised as ``domain.pinyin.normalize_query`` does, is a prefix
  of one of the customer's ``CustomerNameKey`` rows: the normalised name itself and
  every pinyin and initials alternative;
- address: an address contains the query (``LIKE '%q%'``, the clerk's ``%`` and
  ``_`` taken literally; ASCII letters ignore case on SQLite, as its LIKE does);
- phone: if the query looks like (part of) a phone number, a normalised number
  contains its digits, or, for exactly four digits, ends in them;
- serial: an appliance's serial equals the query, ignoring case;
- ticket: a ticket's number equals the query in upper case.

Merged duplicates never match. Results are ordered by name, then id, and paged with
``limit`` and ``offset``.

How each match stays an index lookup:

- name keys: one range ``key >= q AND key < successor(q)`` on
  ``ix_customer_name_keys_key`` (keys compare byte by byte on both engines), which
  also holds the name, so a page comes from sorting index entries without visiting
  the customers. A one-character query (``z``, ``王``: up to a quarter of all keys)
  walks ``ix_customer_name_keys_initial`` (first character, name, id) instead,
  already in name order, and stops when the page is full.
- address and phone infixes: on PostgreSQL pg_trgm GIN indexes, plus a GIN index on
  the address's characters for queries of one or two characters (too short for
  trigrams). On SQLite FTS5 trigram tables kept by triggers; an address is indexed
  ASCII-lowercased and followed by two U+0001 characters, so that a one- or
  two-character query is the set of indexed trigrams starting with it, read from
  the FTS5 vocabulary.
- serial: the expression index on ``upper(serial)``; ticket number: its unique index.

An infix that matches thousands of customers (``1``, a district's name) would cost
more to collect and sort than to find in name order, so it is first counted up to
``DENSE_MATCHES``; beyond that the customers are walked in name order and each one
tested, which stops as soon as the page is full.
"""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    String,
    Text,
    cast,
    column,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    table,
    union,
    union_all,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from desk_app.db.models import Appliance, Customer, CustomerAddress, CustomerPhone, Ticket
from desk_app.db.models.people import CustomerNameKey
from desk_app.domain.errors import ValidationError
from desk_app.domain.phones import normalize_phone, phone_query_digits
from desk_app.domain.pinyin import MAX_ALTERNATIVES, NameKeys, name_keys, normalize_query

#: Length of ``customer_name_keys.key``; longer keys are cut (queries are at most 100).
KEY_LENGTH = 400
#: Key rows of one customer that can start with the same query: the normalised
#: name and each full and initials alternative.
KEYS_PER_CUSTOMER = 2 * MAX_ALTERNATIVES + 1
#: Address and phone rows matched by an infix from which on the customers are walked
#: in name order instead of collected and sorted. Collecting costs about 2 µs per
#: candidate, walking about 4 µs per customer passed; measured at 200,000 customers,
#: both take 15-20 ms around this count, and far less away from it.
DENSE_MATCHES = 8000

# The SQLite FTS5 tables made by migration 0002 (no models: see db.models.people).
_ADDRESS_FTS = table("customer_addresses_fts", column("rowid", Integer))
_ADDRESS_FTS_MATCH = column("customer_addresses_fts", String)
_ADDRESS_VOCAB = table("customer_addresses_fts_vocab", column("term", String))
_PHONE_FTS = table("customer_phones_fts", column("rowid", Integer))
_PHONE_FTS_MATCH = column("customer_phones_fts", String)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def name_search_keys(name: str, keys: NameKeys | None = None) -> list[str]:
    """The ``CustomerNameKey.key`` values of a name, without repeats: the name as the
    search box normalises a query, then its pinyin and initials alternatives."""
    keys = keys or name_keys(name)
    candidates = [normalize_query(name), *keys.full.split(" "), *keys.initials.split(" ")]
    return list(dict.fromkeys(k[:KEY_LENGTH] for k in candidates if k))


def matching_customer_ids(
    s: Session, dialect: str, text: str, *, limit: int, offset: int, contacts: bool = True
) -> list[int]:
    """Ids of the customers ``text`` finds (see the module docstring), one page.

    ``contacts=False``, for a searcher who sees contact details masked
    (``domain.contacts``): no address or partial-phone matches, which would let
    repeated searches spell out an address or a number the screen hides; a complete
    phone number the searcher already has still finds its customer, exactly."""
    if limit <= 0:
        return []
    wanted = offset + limit
    sqlite = dialect == "sqlite"
    prefix = normalize_query(text)
    digits = phone_query_digits(text) if contacts else None
    infix = [part for part in [_address_ids(text, sqlite=sqlite)] if part is not None]
    tests = [_address_test(text)]
    if not contacts:
        infix, tests = [], []
    if digits and len(digits) != 4:
        infix.append(_phone_ids(digits, sqlite=sqlite))
        tests.append(_phone_test(digits))
    exact = [
        select(Appliance.customer_id).where(func.upper(Appliance.serial) == text.upper()),
        select(Ticket.customer_id).where(Ticket.number == text.upper()),
    ]
    if digits and len(digits) == 4:
        exact.append(select(CustomerPhone.customer_id).where(CustomerPhone.last4 == digits))
    whole = None if contacts else _whole_number(text)
    if whole is not None:
        exact.append(select(CustomerPhone.customer_id).where(CustomerPhone.normalized == whole))

    dense = False
    if infix:  # count the infix matches, up to the threshold
        rows = union_all(*infix).limit(DENSE_MATCHES).subquery()
        dense = (s.scalar(select(func.count()).select_from(rows)) or 0) >= DENSE_MATCHES

    members = [_other_hits(infix, exact, tests, wanted, dense=dense)]
    if prefix:
        members.append(_name_key_hits(prefix, wanted))
    # Each member is its own derived table with its own ORDER BY ... LIMIT: then
    # neither engine pushes the final one into a member (which would make PostgreSQL
    # walk every customer in name order looking for, say, pinyin starting with z).
    parts = [m.subquery() for m in members]
    hits = union(*(select(p.c.id, p.c.name) for p in parts)).subquery()
    stmt = select(hits.c.id).order_by(hits.c.name, hits.c.id).limit(limit).offset(offset)
    return list(s.scalars(stmt))


def _whole_number(text: str) -> str | None:
    """The normalised form of ``text`` if it is one complete phone number."""
    try:
        return normalize_phone(text).normalized
    except ValidationError:
        return None


def _other_hits(
    infix: list[Select[int]],
    exact: list[Select[int]],
    tests: list[ColumnElement[bool]],
    wanted: int,
    *,
    dense: bool,
) -> Select[int, str]:
    """The first ``wanted`` customers (id, name) by name found by address, phone,
    serial or ticket number."""
    if dense:
        # Walk customers in name order and test each one: stops when the page is full.
        # (No condition on merged_into_id's own index here: SQLite would scan that
        # index instead and sort everyone.)
        return (
            select(Customer.id, Customer.name)
            .where(_not_merged(Customer.id), or_(*tests, Customer.id.in_(union(*exact))))
            .order_by(Customer.name, Customer.id)
            .limit(wanted)
        )
    # Look each candidate's name up by id: a join would let PostgreSQL read the whole
    # customers table for a few thousand candidates.
    found = union(*infix, *exact).subquery()
    name = (
        select(Customer.name).where(Customer.id == found.c.customer_id).scalar_subquery()
    ).label("name")
    return (
        select(found.c.customer_id.label("id"), name)
        .where(_not_merged(found.c.customer_id))
        .order_by(name, found.c.customer_id)
        .limit(wanted)
    )


def _name_key_hits(prefix: str, wanted: int) -> Select[int, str]:
    """The first ``wanted`` customers (id, name) by name whose key starts with ``prefix``.

    A customer has at most ``KEYS_PER_CUSTOMER`` rows starting with the prefix, so
    that many times ``wanted`` rows in name order hold the first ``wanted`` customers;
    the caller's UNION drops the repeats. A one-character prefix, which can match a
    quarter of all keys, walks ``ix_customer_name_keys_initial`` in name order and
    stops there; a longer one reads its range of ``ix_customer_name_keys_key`` and
    sorts it (its matches cluster by name, so a walk could pass many before them).
    """
    k = CustomerNameKey
    if len(prefix) == 1:
        # Literal numbers: only the very expression of the index, substr(key, 1, 1),
        # makes SQLite use it.
        one = literal_column("1", Integer)
        condition = func.substr(k.key, one, one, type_=String) == prefix
    else:
        condition = k.key >= prefix
        upper = _after_prefix(prefix)
        if upper is not None:
            condition &= k.key < upper
    return (
        select(k.customer_id.label("id"), k.name)
        .where(condition, _not_merged(k.customer_id))
        .order_by(k.name, k.customer_id)
        .limit(wanted * KEYS_PER_CUSTOMER)
    )


def _not_merged(customer_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
    """The customer is no merged duplicate (few are: a short list, read once)."""
    return customer_id.not_in(select(Customer.id).where(Customer.merged_into_id.is_not(None)))


def _address_ids(text: str, *, sqlite: bool) -> Select[int] | None:
    """Customer ids with an address containing ``text``, through an index."""
    if sqlite:
        if "\x01" in text:  # the padding character; addresses never hold control characters
            return None
        lowered = text.translate(_ASCII_LOWER)
        if len(lowered) >= 3:
            match: ColumnElement[str] | str = _fts_phrase(lowered)
        else:
            # The indexed trigrams starting with the query, as '"t1" OR "t2" ...'.
            quoted = '"' + func.replace(_ADDRESS_VOCAB.c.term, '"', '""', type_=String) + '"'
            terms = select(func.group_concat(quoted, " OR "))
            upper = _after_prefix(lowered)
            terms = terms.where(_ADDRESS_VOCAB.c.term >= lowered)
            if upper is not None:
                terms = terms.where(_ADDRESS_VOCAB.c.term < upper)
            # No such trigram: '""' is an empty phrase, which matches nothing.
            match = func.coalesce(terms.scalar_subquery(), '""')
        return (
            select(CustomerAddress.customer_id)
            .select_from(_ADDRESS_FTS)
            .join(CustomerAddress, CustomerAddress.id == _ADDRESS_FTS.c.rowid)
            .where(_ADDRESS_FTS_MATCH.match(match))
        )
    contains: ColumnElement[bool] = CustomerAddress.text.like(f"%{_escape(text)}%", escape="\\")
    if len(text) < 3:  # too short for trigrams: the addresses holding its characters
        chars = cast(postgresql.array(list(text)), postgresql.ARRAY(Text))
        contains = func.string_to_array(CustomerAddress.text, null()).op("@>")(chars) & contains
    return select(CustomerAddress.customer_id).where(contains)


def _address_test(text: str) -> ColumnElement[bool]:
    """Whether the customer of the enclosing query has an address containing ``text``."""
    return _per_customer(
        select(CustomerAddress.id).where(
            CustomerAddress.customer_id == Customer.id,
            CustomerAddress.text.like(f"%{_escape(text)}%", escape="\\"),
        )
    )


def _phone_ids(digits: str, *, sqlite: bool) -> Select[int]:
    """Customer ids with a normalised phone number containing ``digits`` (3 or more)."""
    if sqlite:
        return (
            select(CustomerPhone.customer_id)
            .select_from(_PHONE_FTS)
            .join(CustomerPhone, CustomerPhone.id == _PHONE_FTS.c.rowid)
            .where(_PHONE_FTS_MATCH.match(_fts_phrase(digits)))
        )
    return select(CustomerPhone.customer_id).where(CustomerPhone.normalized.like(f"%{digits}%"))


def _phone_test(digits: str) -> ColumnElement[bool]:
    return _per_customer(
        select(CustomerPhone.id).where(
            CustomerPhone.customer_id == Customer.id,
            CustomerPhone.normalized.like(f"%{digits}%"),
        )
    )


def _per_customer(rows: Select[int]) -> ColumnElement[bool]:
    """EXISTS, tested customer by customer as the walk reaches them.

    The OFFSET 0 keeps PostgreSQL from turning it into a hashed subplan, which would
    first collect every matching row of the whole table: the very cost the walk
    avoids. (SQLite tests correlated EXISTS row by row anyway.)
    """
    return exists(rows.offset(0))


def _fts_phrase(text: str) -> str:
    """An FTS5 phrase: with the trigram tokenizer, 'contains ``text``' (3+ characters)."""
    return '"' + text.replace('"', '""') + '"'


def _after_prefix(prefix: str) -> str | None:
    """The least string above every string that starts with ``prefix`` (by code point),
    or None if there is none."""
    chars = list(prefix)
    while chars:
        code = ord(chars.pop()) + 1
        if 0xD800 <= code <= 0xDFFF:  # surrogates cannot be stored
            code = 0xE000
        if code <= 0x10FFFF:
            return "".join(chars) + chr(code)
    return None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
