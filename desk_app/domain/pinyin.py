"""Pinyin search keys, so a customer named 张三 is found by typing zs, zhangsan or zhang san."""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin, pinyin

# Polyphonic names produce many readings; the best few are enough to find a
# customer and keep the stored columns short.
MAX_ALTERNATIVES = 4

_HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SYLLABLE = re.compile(r"[a-z]+")
_APOSTROPHES = dict.fromkeys(map(ord, "'`´‘’′"), None)

# How a leading character reads as a surname, best first; a first character not
# listed gets all of pypinyin's readings. pypinyin (0.55) has no surname mode, hence
# the tables. Polyphonic surnames clerks misread (曾 is zeng, pypinyin says ceng)
# keep the everyday reading second, because a clerk who does not know the surname
# will type that.
_SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "解": ("xie", "jie"),
    "仇": ("qiu", "chou"),
    "区": ("ou", "qu"),
    "朴": ("piao", "pu"),
    "查": ("zha", "cha"),
    "盖": ("ge", "gai"),
    "翟": ("zhai", "di"),
    "缪": ("miao", "mou"),
    "覃": ("qin", "tan"),
    "种": ("chong", "zhong"),
    "祭": ("zhai", "ji"),
    "秘": ("bi", "mi"),
    "繁": ("po", "fan"),
    "召": ("shao", "zhao"),
    "隗": ("wei", "kui"),
    "薄": ("bo", "bao"),
    "卜": ("bu", "bo"),
    "乐": ("yue", "le"),
    "员": ("yun", "yuan"),
    "能": ("nai", "neng"),
    "折": ("she", "zhe"),
    "句": ("gou", "ju"),
    "长": ("chang", "zhang"),
    "藏": ("zang", "cang"),
    "粘": ("nian", "zhan"),
    "蕃": ("pi", "fan"),
    "阚": ("kan", "han"),
    "都": ("du", "dou"),
    "洗": ("xian", "xi"),
    "便": ("pian", "bian"),
    "圈": ("juan", "quan"),
    "角": ("jue", "jiao"),
    "率": ("shuai", "lv"),
    "乜": ("nie", "mie"),
    "佴": ("nai", "er"),
    "牟": ("mou", "mu"),
}

# Common surnames read one way only. Their characters' other dictionary readings
# (王 yu, 邓 shan) would make every 王 turn up in a search for 于.
_ONE_READING_SURNAMES: dict[str, str] = {
    "ai": "艾",
    "bai": "白柏",
    "bao": "包",
    "bian": "卞",
    "cai": "蔡",
    "chai": "柴",
    "che": "车",
    "chi": "池",
    "chu": "褚",
    "deng": "邓",
    "ding": "丁",
    "dong": "董",
    "du": "杜",
    "fang": "方房",
    "feng": "冯",
    "gan": "甘",
    "gu": "谷古",
    "hao": "郝",
    "he": "和",
    "huo": "霍",
    "jia": "贾",
    "jiao": "焦",
    "jing": "景",
    "ji": "姬",
    "lan": "蓝",
    "leng": "冷",
    "lu": "陆路芦",
    "ming": "明",
    "mo": "莫",
    "ni": "倪",
    "ning": "宁",
    "pan": "潘",
    "pei": "裴",
    "peng": "彭",
    "pu": "蒲",
    "qi": "齐祁戚",
    "qu": "屈瞿",
    "ran": "冉",
    "ren": "任",
    "ruan": "阮",
    "sha": "沙",
    "shang": "尚",
    "shen": "沈",
    "sheng": "盛",
    "shi": "石施",
    "shu": "舒",
    "si": "司",
    "sui": "隋",
    "tang": "汤",
    "tao": "陶",
    "tong": "童",
    "tu": "涂",
    "wan": "万",
    "wang": "王汪",
    "wei": "尉",
    "wen": "温",
    "wu": "吴",
    "xia": "夏",
    "xing": "邢",
    "xu": "许",
    "yao": "姚",
    "ye": "叶",
    "yin": "尹殷",
    "you": "游",
    "yu": "于余俞",
    "yuan": "苑",
    "zang": "臧",
    "zhan": "詹",
    "zhen": "甄",
    "zhu": "朱祝",
    "zhuang": "庄",
}

_SURNAMES.update(
    (char, (reading,)) for reading, chars in _ONE_READING_SURNAMES.items() for char in chars
)

# Two-character surnames, read as one unit so their characters' other readings
# (皇 wang, 甫 pu) do not crowd out the given name's alternatives. 单于 is left
# out on purpose: today 单 + a given name starting with 于 is far more common.
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "夏侯": ("xia", "hou"),
    "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"),
    "司空": ("si", "kong"),
    "端木": ("duan", "mu"),
    "呼延": ("hu", "yan"),
    "南宫": ("nan", "gong"),
    "轩辕": ("xuan", "yuan"),
    "钟离": ("zhong", "li"),
    "拓跋": ("tuo", "ba"),
    "百里": ("bai", "li"),
    "西门": ("xi", "men"),
    "鲜于": ("xian", "yu"),
    "赫连": ("he", "lian"),
    "淳于": ("chun", "yu"),
    "濮阳": ("pu", "yang"),
    "申屠": ("shen", "tu"),
    "闻人": ("wen", "ren"),
    "左丘": ("zuo", "qiu"),
    "太叔": ("tai", "shu"),
    "夹谷": ("jia", "gu"),
    "谷梁": ("gu", "liang"),
    "段干": ("duan", "gan"),
    "漆雕": ("qi", "diao"),
}

# One written unit of a name (a Chinese character, a compound surname, a Latin
# word, a run of digits) and its candidate (full, initials) readings, best first.
_Unit = list[tuple[str, str]]


@dataclass(frozen=True)
class NameKeys:
    """The pinyin search keys stored next to a name.

    Each field holds up to ``MAX_ALTERNATIVES`` alternatives of lowercase ASCII
    letters and digits, joined by single spaces with no leading or trailing
    space, most likely reading first. A query (without spaces) is a prefix of
    some alternative exactly when ``col LIKE q || '%' OR col LIKE '% ' || q || '%'``
    holds, which is how the database searches them.
    """

    full: str
    initials: str


def name_keys(name: str) -> NameKeys:
    """Build the search keys for a customer, contact or place name.

    Chinese characters become pinyin without tones (ü is written v, as input
    methods do, then u); a leading surname is read as a surname (曾 zeng, 单 shan).
    Latin words are kept as lowercase letters with accents removed and count as
    one initial each; digits are kept whole in both keys; everything else is
    ignored. An empty or blank name gives empty keys.
    """
    units = _units(unicodedata.normalize("NFKC", name))
    full = _alternatives([_distinct(f for f, _ in unit) for unit in units])
    initials = _alternatives([_distinct(i for _, i in unit) for unit in units])
    return NameKeys(full=" ".join(full), initials=" ".join(initials))


def normalize_query(text: str) -> str:
    """Bring a search-box entry into the form of the stored keys.

    Lowercase, full-width folded to half-width, accents dropped as in the keys
    ("José" finds José), spaces and apostrophes removed (``zhang san`` and
    ``xi'an`` as typed). Any other character is kept, so a caller building a
    LIKE pattern must still escape % and _.
    """
    folded = _ascii_fold(unicodedata.normalize("NFKC", text)).translate(_APOSTROPHES)
    # NFC so that a second pass changes nothing (the fold leaves e.g. Hangul decomposed).
    return unicodedata.normalize("NFC", "".join(folded.split()))


def matches(name_keys: NameKeys, query: str) -> bool:
    """Whether ``query`` finds the name: the same test as the database's LIKE search.

    An empty query is a prefix of everything, as ``LIKE '%'`` matches every row.
    """
    q = normalize_query(query)
    alternatives = itertools.chain(name_keys.full.split(" "), name_keys.initials.split(" "))
    return any(alternative.startswith(q) for alternative in alternatives)


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    for kind, chars in itertools.groupby(text, key=_char_kind):
        run = "".join(chars)
        if kind == "han":
            units.extend(_han_units(run, at_start=not units))
        elif kind == "latin":
            word = _ascii_fold(run)
            units.append([(word, word[0])])
        elif kind == "digit":
            units.append([(run, run)])
    return units


def _char_kind(char: str) -> str:
    if _HAN.match(char):
        return "han"
    if "0" <= char <= "9":
        return "digit"
    folded = _ascii_fold(char)
    if folded and folded.isascii() and folded.isalpha():
        return "latin"
    return "other"


def _ascii_fold(text: str) -> str:
    # "José" -> "jose": drop accents so Latin names match what a clerk types.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _han_units(run: str, *, at_start: bool) -> list[_Unit]:
    units: list[_Unit] = []
    rest = run
    if at_start:
        compound = _COMPOUND_SURNAMES.get(run[:2])
        if compound is not None:
            units.append(_syllable_unit([compound, tuple(lazy_pinyin(run[:2]))]))
            rest = run[2:]
        elif run[0] in _SURNAMES:
            units.append(_syllable_unit([(r,) for r in _SURNAMES[run[0]]]))
            rest = run[1:]
    # The rest goes to pypinyin in one piece: its phrase dictionary reads 重庆 as
    # chongqing, where reading 重 alone would put zhong first.
    units.extend(_syllable_unit([(r,) for r in readings]) for readings in _readings(rest))
    for unit in units:
        # ü is stored as v, as input methods type it (吕 lv); some clerks type u.
        unit.extend(
            (full.replace("v", "u"), initials) for full, initials in list(unit) if "v" in full
        )
    return [unit for unit in units if unit]


def _readings(run: str) -> list[list[str]]:
    if not run:
        return []
    # Characters pypinyin cannot read are skipped rather than kept as raw Chinese,
    # so the keys stay ASCII.
    result: list[list[str]] = pinyin(run, style=Style.NORMAL, heteronym=True, errors="ignore")
    return result


def _syllable_unit(candidates: Iterable[Sequence[str]]) -> _Unit:
    unit: _Unit = []
    for syllables in candidates:
        if syllables and all(_SYLLABLE.fullmatch(s) for s in syllables):
            unit.append(("".join(syllables), "".join(s[0] for s in syllables)))
    return unit


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _alternatives(choices: list[list[str]]) -> list[str]:
    """The ``MAX_ALTERNATIVES`` most likely spellings, one choice per unit.

    A spelling's cost is how far down each unit's list its choices are; cheaper
    first, and on a tie the one that varies an earlier unit wins, because the
    surname is the character clerks most often misread. Best-first search, as a
    long polyphonic name has too many combinations to list.
    """
    if not choices:
        return []
    start = (0,) * len(choices)
    heap = [(0, start, start)]
    seen = {start}
    found: list[str] = []
    while heap and len(found) < MAX_ALTERNATIVES:
        cost, _, picks = heapq.heappop(heap)
        spelling = "".join(options[i] for options, i in zip(choices, picks, strict=True))
        if spelling not in found:
            found.append(spelling)
        for position, options in enumerate(choices):
            if picks[position] + 1 < len(options):
                step = (*picks[:position], picks[position] + 1, *picks[position + 1 :])
                if step not in seen:
                    seen.add(step)
                    # Negated picks order ties so a change to an earlier unit comes first.
                    heapq.heappush(heap, (cost + 1, tuple(-i for i in step), step))
    return found
