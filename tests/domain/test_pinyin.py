"""Pinyin keys: Chinese names are found by initials and full pinyin, as the database searches."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.pinyin import (
    MAX_ALTERNATIVES,
    NameKeys,
    matches,
    name_keys,
    normalize_query,
)

# What a stored key column may hold: alternatives of [a-z0-9] joined by single spaces.
KEY_SHAPE = re.compile(r"([a-z0-9]+( [a-z0-9]+)*)?")


def alternatives(column: str) -> list[str]:
    return column.split(" ") if column else []


# --- real names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("李四", "lisi", "ls"),
        ("重庆", "chongqing", "cq"),  # phrase reading, not 重 zhong
        ("皇甫嵩", "huangfusong", "hfs"),  # compound surname read as one
        ("于谦", "yuqian", "yq"),
    ],
)
def test_unambiguous_names(name: str, full: str, initials: str) -> None:
    assert name_keys(name) == NameKeys(full=full, initials=initials)


def test_u_umlaut_is_stored_as_v_then_u() -> None:
    keys = name_keys("吕布")
    assert keys == NameKeys(full="lvbu lubu", initials="lb")
    assert matches(keys, "lv")
    assert matches(keys, "lü")


def test_common_surname_does_not_take_rare_readings() -> None:
    # 王 also reads yu in the dictionary; as a surname it never does, so a search for
    # 于 must not bring up every 王.
    keys = name_keys("王小明")
    assert alternatives(keys.full)[0] == "wangxiaoming"
    assert all(a.startswith("wang") for a in alternatives(keys.full))
    assert keys.initials == "wxm"
    assert not matches(keys, "yu")


def test_given_name_polyphones_are_kept_after_the_best_reading() -> None:
    keys = name_keys("欧阳娜娜")
    full = alternatives(keys.full)
    assert full[0] == "ouyangnana"
    assert "ouyangnuona" in full
    assert len(full) == MAX_ALTERNATIVES
    assert keys.initials == "oynn"


@pytest.mark.parametrize(
    ("name", "surname_first", "everyday"),
    [
        ("曾志伟", "zengzhiwei", "cengzhiwei"),
        ("单田芳", "shantianfang", "dantianfang"),
        ("解晓东", "xiexiaodong", "jiexiaodong"),
        ("仇英", "qiuying", "chouying"),
        ("区志强", "ouzhiqiang", "quzhiqiang"),
        ("朴树", "piaoshu", "pushu"),
    ],
)
def test_polyphonic_surnames_read_as_surnames_first(
    name: str, surname_first: str, everyday: str
) -> None:
    full = alternatives(name_keys(name).full)
    assert full[0] == surname_first
    # A clerk who does not know the surname types the everyday reading; it still finds.
    assert everyday in full


def test_surname_initials_follow_the_surname_reading() -> None:
    keys = name_keys("曾志伟")
    assert keys.initials == "zzw czw"
    assert matches(keys, "zzw")
    assert matches(keys, "czw")


def test_surname_reading_only_applies_at_the_start() -> None:
    # 曾 after the first character is read as pypinyin reads it in context.
    assert alternatives(name_keys("未曾").full)[0] == "weiceng"


def test_surname_rule_applies_to_titles_clerks_write() -> None:
    keys = name_keys("曾先生")
    assert alternatives(keys.full)[0] == "zengxiansheng"
    assert matches(keys, "zxs")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("zs", True),
        ("z", True),
        ("zhangsan", True),
        ("zhang san", True),
        ("zhang'san", True),
        ("Zhang San", True),
        ("ＺＨＡＮＧ", True),
        ("zhangs", True),
        ("zhangsanfeng", False),
        ("san", False),
        ("ls", False),
        ("zsx", False),
    ],
)
def test_matches_zhang_san(query: str, found: bool) -> None:
    assert matches(name_keys("张三"), query) is found


# --- non-Chinese and mixed names -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("John Smith", "johnsmith", "js"),
        ("  JOHN   smith ", "johnsmith", "js"),
        ("José García", "josegarcia", "jg"),
        ("O'Brien", "obrien", "ob"),
        ("Ｊｏｈｎ", "john", "j"),
        ("张三ABC", "zhangsanabc", "zsa"),
        ("李4", "li4", "l4"),
        ("3M公司", "3mgongsi", "3mgs"),
        ("Tony 张", "tonyzhang", "tz"),
        ("张Tony", "zhangtony", "zt"),
        ("张 三", "zhangsan", "zs"),
        ("张·三", "zhangsan", "zs"),
        ("A-1 Service 2024", "a1service2024", "a1s2024"),
    ],
)
def test_latin_and_mixed_names(name: str, full: str, initials: str) -> None:
    keys = name_keys(name)
    assert alternatives(keys.full)[0] == full
    assert alternatives(keys.initials)[0] == initials


@pytest.mark.parametrize("name", ["", " ", "\u3000\t\n", "!!!", "·-·", "🙂"])
def test_names_without_letters_give_empty_keys(name: str) -> None:
    assert name_keys(name) == NameKeys(full="", initials="")


def test_empty_keys_match_only_the_empty_query() -> None:
    keys = name_keys("")
    assert matches(keys, "")
    assert not matches(keys, "a")


# --- query normalisation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Zhang San", "zhangsan"),
        ("  zs  ", "zs"),
        ("xi'an", "xian"),
        ("xi’an", "xian"),
        ("ＺＨＡＮＧ　ＳＡＮ", "zhangsan"),
        ("José", "jose"),
        ("lü", "lu"),
        ("", ""),
        ("张三", "张三"),
    ],
)
def test_normalize_query(text: str, normalized: str) -> None:
    assert normalize_query(text) == normalized


# --- the stored strings work with the database's LIKE ----------------------------------


@pytest.fixture
def customers() -> Iterator[sqlite3.Connection]:
    """A throwaway table holding keys exactly as the service stores them."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE customer (name TEXT, pinyin_full TEXT, pinyin_initials TEXT)")
    for name in ["张三", "李四", "王小明", "欧阳娜娜", "曾志伟", "单田芳", "重庆", "John Smith"]:
        keys = name_keys(name)
        conn.execute("INSERT INTO customer VALUES (?, ?, ?)", (name, keys.full, keys.initials))
    yield conn
    conn.close()


def like_search(conn: sqlite3.Connection, query: str) -> set[str]:
    q = normalize_query(query)
    rows = conn.execute(
        """
        SELECT name FROM customer
        WHERE pinyin_full LIKE :q || '%' OR pinyin_full LIKE '% ' || :q || '%'
           OR pinyin_initials LIKE :q || '%' OR pinyin_initials LIKE '% ' || :q || '%'
        """,
        {"q": q},
    )
    return {name for (name,) in rows}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", {"张三"}),
        ("zhang san", {"张三"}),
        ("zeng", {"曾志伟"}),
        ("ceng", {"曾志伟"}),
        ("czw", {"曾志伟"}),
        ("shantian", {"单田芳"}),
        ("dtf", {"单田芳"}),
        ("ouyang", {"欧阳娜娜"}),
        ("oynn", {"欧阳娜娜"}),
        ("cq", {"重庆"}),
        ("js", {"John Smith"}),
        ("john smith", {"John Smith"}),
        ("w", {"王小明"}),
        ("xiaoming", set()),  # keys match from the start of a reading only
        ("ngsan", set()),
    ],
)
def test_like_search_over_stored_keys(
    customers: sqlite3.Connection, query: str, expected: set[str]
) -> None:
    assert like_search(customers, query) == expected


# --- properties ------------------------------------------------------------------------

# Common characters, including polyphonic ones, so names exercise the alternatives.
HANZI = "张王李赵刘陈杨黄曾单解仇区朴欧阳司马乐长重行发明娜伟志芳田小国华英红军平还的了和"
names = st.text(
    alphabet=st.sampled_from(list(HANZI) + list("abcXYZ019 ·-'")), min_size=0, max_size=8
)


@given(names)
def test_keys_have_the_stored_shape(name: str) -> None:
    keys = name_keys(name)
    for column in (keys.full, keys.initials):
        assert KEY_SHAPE.fullmatch(column), column
        assert len(alternatives(column)) <= MAX_ALTERNATIVES
        assert len(set(alternatives(column))) == len(alternatives(column))


@given(names)
def test_every_alternative_and_its_prefixes_match(name: str) -> None:
    keys = name_keys(name)
    for alternative in alternatives(keys.full) + alternatives(keys.initials):
        for end in range(1, len(alternative) + 1):
            assert matches(keys, alternative[:end])


@given(names)
def test_first_initials_are_the_first_letters_of_the_first_reading(name: str) -> None:
    keys = name_keys(name)
    if not keys.full:
        assert keys.initials == ""
        return
    # Every name's initials are never longer than its full reading.
    assert len(alternatives(keys.initials)[0]) <= len(alternatives(keys.full)[0])
    assert alternatives(keys.full)[0][0] == alternatives(keys.initials)[0][0]


@given(names, st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=8))
def test_matches_agrees_with_the_like_search(name: str, query: str) -> None:
    keys = name_keys(name)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE customer (name TEXT, pinyin_full TEXT, pinyin_initials TEXT)")
        conn.execute("INSERT INTO customer VALUES (?, ?, ?)", (name, keys.full, keys.initials))
        assert (like_search(conn, query) == {name}) is matches(keys, query)
    finally:
        conn.close()


@given(st.text(max_size=20))
def test_normalize_query_is_idempotent(text: str) -> None:
    once = normalize_query(text)
    assert normalize_query(once) == once
    assert " " not in once


@given(st.text(max_size=20))
def test_any_text_gives_lowercase_ascii_keys(text: str) -> None:
    keys = name_keys(text)
    assert KEY_SHAPE.fullmatch(keys.full)
    assert KEY_SHAPE.fullmatch(keys.initials)
