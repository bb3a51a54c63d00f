"""Finds, checks and registers the TrueType fonts for the printed forms, once per process.

One main CJK font sets every text; a chain of fallback fonts (other CJK fonts, then
fonts with wide coverage: CJK Extension B, symbols and emoji) sets the characters it
lacks, run by run. A character no font has is printed as a visible marker such as
``[U+1F600]`` and recorded, so the caller can tell the clerk (``replaced_characters``).
Printing never refuses for a character.
"""

from __future__ import annotations

import contextvars
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from desk_app.printing.errors import FontNotFound
from desk_app.printing.labels import TEXT

ENV_VAR = "DESK_PRINT_FONT"

# Characters every form prints: all captions in both languages plus the most common
# hanzi of names and addresses. A font missing any of them is refused outright.
_COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再"
    "采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况"
    "今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素"
    "技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型"
    "眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "李刘陈杨黄赵吴周徐孙胡朱高林何郭罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏"
    "钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
    "省市区县镇乡村街道路号楼栋单元室小区花园广场大厦"
    "空调冰箱洗衣热水器燃气灶油烟机电视微波炉净饮扫地压缩漏制冷不开显示故障噪音滴"
)
_STRIP_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_SAMPLE = frozenset(
    c
    for c in "".join(t for table in TEXT.values() for t in table.values())
    + _COMMON_HANZI
    + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    + "¥,.:;()-/#*×–…·、，。：；（）“”"
    if unicodedata.category(c) not in _STRIP_CATEGORIES
)


@dataclass(frozen=True)
class FontCandidate:
    """A font file (and face within a .ttc) worth trying, and where the idea came from."""

    path: str
    subfont_index: int = 0
    source: str = ""
    bold_path: str | None = None
    bold_index: int = 0


@dataclass(eq=False)  # identity-hashed: styles are cached per PrintFonts
class PrintFonts:
    """The registered fonts the forms use and their character coverage.

    Built by ``load_fonts``; read-only afterwards except for fallback fonts,
    which are registered lazily (under the module's lock) the first time a text
    needs them.
    """

    regular: str
    bold: str
    path: str
    subfont_index: int
    source: str
    _cmap: frozenset[int]
    _fallbacks: list[tuple[str, frozenset[int]]] = field(default_factory=list)
    _fallbacks_loaded: bool = False

    def missing(self, text: str) -> str:
        """Characters of ``text`` the main font cannot draw (control characters ignored)."""
        cmap = self._cmap
        return "".join(sorted({c for c in text if ord(c) not in cmap and not _ignorable(c)}))

    def markup(self, text: str) -> str:
        """``text`` escaped for a reportlab Paragraph, line breaks kept.

        Runs of characters the main font lacks are set in a fallback font; a
        character no font has becomes ``marker(c)`` in the main font and is recorded
        (see ``replaced_characters``).
        """
        text = text.replace("\t", " ")
        cmap = self._cmap
        if all(ord(c) in cmap or c == "\n" for c in text):
            return escape(text).replace("\n", "<br/>")
        return self._markup_with_fallbacks(text)

    def plain(self, text: str) -> str:
        """``text`` as the canvas may draw it directly with the main font.

        Canvas strings (captions, numbers, the company's name on a tag) are drawn in
        one font: a character the main font lacks becomes ``marker(c)`` and is
        recorded (see ``replaced_characters``).
        """
        cmap = self._cmap
        out: list[str] = []
        for c in text:
            if _ignorable(c):
                continue
            if ord(c) in cmap:
                out.append(c)
            else:
                _record(c)
                out.append(marker(c))
        return "".join(out)

    def _markup_with_fallbacks(self, text: str) -> str:
        out: list[str] = []
        run_font: str | None = None
        run: list[str] = []

        def flush() -> None:
            if not run:
                return
            chunk = escape("".join(run)).replace("\n", "<br/>")
            out.append(chunk if run_font is None else f'<font face="{run_font}">{chunk}</font>')
            run.clear()

        for c in text:
            if c != "\n" and _ignorable(c):
                continue
            font: str | None = None
            shown = c
            if c != "\n" and ord(c) not in self._cmap:
                font = self._fallback_for(ord(c))
                if font is None:
                    _record(c)
                    shown = marker(c)
            if font != run_font:
                flush()
                run_font = font
            run.append(shown)
        flush()
        return "".join(out)

    def _fallback_for(self, codepoint: int) -> str | None:
        with _lock:  # the one lock around reportlab's font registry
            if not self._fallbacks_loaded:
                self._fallbacks_loaded = True
                for cand in _fallback_candidates():
                    if (os.path.normcase(cand.path), cand.subfont_index) == (
                        os.path.normcase(self.path),
                        self.subfont_index,
                    ):
                        continue
                    try:
                        name, _bold, cmap = _register(cand, require_sample=False)
                    except (OSError, ValueError, FontNotFound):
                        continue
                    self._fallbacks.append((name, cmap))
            for name, cmap in self._fallbacks:
                if codepoint in cmap:
                    return name
        return None


def _ignorable(c: str) -> bool:
    return unicodedata.category(c) in _STRIP_CATEGORIES or c in "\ufe0e\ufe0f"


def marker(c: str) -> str:
    """What is printed for a character no font has: its code point, e.g. [U+1F600]."""
    return f"[U+{ord(c):04X}]"


_replaced: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "desk_print_replaced", default=None
)


def _record(c: str) -> None:
    seen = _replaced.get()
    if seen is not None:
        seen.add(c)


@contextmanager
def replaced_characters() -> Iterator[set[str]]:
    """Collect the characters printed as a marker (no font has them) while rendering.

    ``with replaced_characters() as chars: render...``; afterwards ``chars`` holds
    each such character once. Per thread/context, so background renders do not mix.
    """
    chars: set[str] = set()
    token = _replaced.set(chars)
    try:
        yield chars
    finally:
        _replaced.reset(token)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF (CJK Extension B,
    emoji) written as UTF-16 surrogate pairs as the PDF format requires, so a PDF
    reader can copy or search them (reportlab writes ``<20BB7>``, which readers refuse)."""

    def utf16(v: int) -> str:
        return chr(v).encode("utf-16-be", "surrogatepass").hex().upper()

    text: str = _reportlab_to_unicode(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return text
    lines = [
        f"<{i:02X}> <{utf16(v)}>" if line.startswith(f"<{i:02X}> ") else line
        for i, v, line in _numbered(subset, text.split("\n"))
    ]
    return "\n".join(lines)


def _numbered(subset: list[int], lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """Each line of the CMap with the subset entry it maps (-1, 0 for the others)."""
    first = next(n for n, line in enumerate(lines) if line.endswith("beginbfchar")) + 1
    for n, line in enumerate(lines):
        i = n - first
        yield (i, subset[i], line) if 0 <= i < len(subset) else (-1, 0, line)


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap

_lock = threading.RLock()
_loaded: dict[str, PrintFonts] = {}
_registered: dict[tuple[str, int], tuple[str, str, frozenset[int]]] = {}


def load_fonts(path: str | os.PathLike[str] | None = None) -> PrintFonts:
    """The fonts for printing, registered with reportlab on first use and cached.

    Order: ``path`` (the caller's setting), else $DESK_PRINT_FONT, else a font shipped
    in ``resources/fonts``, else the operating system's Chinese TrueType fonts
    (Windows: Microsoft YaHei, SimHei, SimSun; macOS: STHeiti, Arial Unicode, Songti;
    Linux: WenQuanYi, AR PL, Droid, then whatever ``fc-list :lang=zh`` reports).
    A path may end in ``#N`` to pick face N of a .ttc collection. An explicit path
    (argument or environment) that fails is an error, never silently replaced.
    Thread-safe.
    """
    explicit = os.fspath(path) if path is not None else os.environ.get(ENV_VAR, "").strip()
    key = explicit or "<auto>"
    cached = _loaded.get(key)
    if cached is not None:
        return cached
    with _lock:
        cached = _loaded.get(key)
        if cached is not None:
            return cached
        fonts = _load_explicit(explicit) if explicit else _load_auto()
        _loaded[key] = fonts
        return fonts


def _load_explicit(spec: str) -> PrintFonts:
    file, index = _split_spec(spec)
    source = "argument" if spec != os.environ.get(ENV_VAR, "").strip() else ENV_VAR
    if not Path(file).is_file():
        raise FontNotFound(
            f"The print font {file!r} (from {source}) does not exist.", ((file, "no such file"),)
        )
    cand = FontCandidate(file, index, source)
    try:
        return _fonts_from(cand)
    except (OSError, ValueError) as exc:
        raise FontNotFound(
            f"The print font {file!r} (from {source}) cannot be used.", ((file, _reason(exc)),)
        ) from exc


def _load_auto() -> PrintFonts:
    tried: list[tuple[str, str]] = []
    for cand in _auto_candidates():
        try:
            return _fonts_from(cand)
        except (OSError, ValueError) as exc:
            tried.append((f"{cand.path}#{cand.subfont_index}", _reason(exc)))
        except FontNotFound as exc:
            tried.extend(exc.tried)
    raise FontNotFound("No TrueType font with Chinese characters was found.", tuple(tried))


def _fonts_from(cand: FontCandidate) -> PrintFonts:
    regular, bold, cmap = _register(cand, require_sample=True)
    return PrintFonts(
        regular=regular,
        bold=bold,
        path=cand.path,
        subfont_index=cand.subfont_index,
        source=cand.source,
        _cmap=cmap,
    )


def _register(cand: FontCandidate, *, require_sample: bool) -> tuple[str, str, frozenset[int]]:
    """Register ``cand`` (and its bold face) with reportlab; return names and coverage."""
    key = (os.path.abspath(cand.path), cand.subfont_index)
    done = _registered.get(key)
    if done is None:
        name = f"DeskCJK{len(_registered) + 1}"
        try:
            font = TTFont(name, cand.path, subfontIndex=cand.subfont_index)
        except Exception as exc:  # reportlab raises TTFError, struct.error, IndexError...
            raise ValueError(_reason(exc)) from exc
        # format/control characters are left out so markup() drops them, drawn or not
        cmap = frozenset(c for c in font.face.charToGlyph if not _ignorable(chr(c)))
        if require_sample:
            lacking = "".join(sorted(c for c in _SAMPLE if ord(c) not in cmap))
            if lacking:
                raise FontNotFound(
                    f"{cand.path} lacks characters the forms need",
                    ((f"{cand.path}#{cand.subfont_index}", f"no glyphs for {lacking[:30]!r}"),),
                )
        pdfmetrics.registerFont(font)
        bold = name
        if cand.bold_path and Path(cand.bold_path).is_file():
            try:
                pdfmetrics.registerFont(
                    TTFont(name + "-Bold", cand.bold_path, subfontIndex=cand.bold_index)
                )
                bold = name + "-Bold"
            except Exception:  # a broken bold face only costs the bold look
                bold = name
        pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
        done = (name, bold, cmap)
        _registered[key] = done
    return done


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "postscript" in text.lower() or "cff" in text.lower():
        return "CFF/PostScript outlines (e.g. .otf): reportlab embeds TrueType outlines only"
    return text


def _split_spec(spec: str) -> tuple[str, int]:
    file, sep, index = spec.rpartition("#")
    if sep and index.isdigit():
        return file, int(index)
    return spec, 0


def _auto_candidates() -> Iterator[FontCandidate]:
    seen: set[tuple[str, int]] = set()
    for cand in _candidate_list():
        key = (os.path.normcase(os.path.abspath(cand.path)), cand.subfont_index)
        if key in seen or not Path(cand.path).is_file():
            continue
        seen.add(key)
        yield cand


def _fallback_candidates() -> Iterator[FontCandidate]:
    """Fonts for the characters the main font lacks, best first: the other CJK fonts,
    then fonts with wide coverage (Extension B ideographs, symbols, emoji)."""
    seen: set[tuple[str, int]] = set()
    for cand in (*_candidate_list(), *_wide_coverage()):
        key = (os.path.normcase(os.path.abspath(cand.path)), cand.subfont_index)
        if key in seen or not Path(cand.path).is_file():
            continue
        seen.add(key)
        yield cand


def _wide_coverage() -> Iterator[FontCandidate]:
    """TrueType fonts with outline glyphs beyond the common CJK set.

    Colour-only emoji fonts (bitmap CBDT such as Noto Color Emoji) have no outlines
    reportlab can embed and are not listed; Segoe UI Emoji and Symbola have
    monochrome outlines.
    """
    if sys.platform.startswith("win"):
        d = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name in (
            "simsunb.ttf",  # SimSun-ExtB: CJK Extension B
            "mingliub.ttc",  # MingLiU-ExtB
            "SimsunExtG.ttf",  # SimSun-ExtG (Windows 11): Extensions G and later
            "seguisym.ttf",  # Segoe UI Symbol
            "seguiemj.ttf",  # Segoe UI Emoji (its monochrome outlines)
            "arialuni.ttf",  # Arial Unicode MS (Office)
            "ARIALUNI.TTF",
        ):
            yield FontCandidate(str(d / name), 0, "windows")
    elif sys.platform == "darwin":
        yield FontCandidate("/System/Library/Fonts/Apple Symbols.ttf", 0, "macos")
    for d in ("/usr/share/fonts/truetype/hanazono", "/usr/share/fonts/hanazono"):
        yield FontCandidate(f"{d}/HanaMinA.ttf", 0, "linux")  # Debian fonts-hanazono
        yield FontCandidate(f"{d}/HanaMinB.ttf", 0, "linux")  # CJK Extension B and later
    for d in ("/usr/share/fonts/truetype/ancient-scripts", "/usr/share/fonts/gdouros-symbola"):
        yield FontCandidate(f"{d}/Symbola_hint.ttf", 0, "linux")
        yield FontCandidate(f"{d}/Symbola.ttf", 0, "linux")
    for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"):
        yield FontCandidate(f"{d}/DejaVuSans.ttf", 0, "linux")  # has the emoticons block
    yield from _fontconfig(
        ":family=HanaMinB", ":family=Symbola", ":family=Noto Sans Symbols2", ":family=DejaVu Sans"
    )
    for d in ("/usr/share/fonts/truetype/unifont", "/usr/share/fonts/unifont"):
        yield FontCandidate(f"{d}/unifont.ttf", 0, "linux")
        yield FontCandidate(f"{d}/unifont_upper.ttf", 0, "linux")


def _candidate_list() -> Iterator[FontCandidate]:
    yield from _bundled()
    if sys.platform.startswith("win"):
        yield from _windows()
    elif sys.platform == "darwin":
        yield from _macos()
    yield from _linux_known()
    yield from _fontconfig()


def _bundled() -> Iterator[FontCandidate]:
    roots = [Path(__file__).resolve().parents[2] / "resources" / "fonts"]
    frozen_root = getattr(sys, "_MEIPASS", None)  # inside a PyInstaller bundle
    if frozen_root:
        roots.insert(0, Path(frozen_root) / "resources" / "fonts")
    for root in roots:
        if root.is_dir():
            for file in sorted(root.iterdir()):
                if file.suffix.lower() in (".ttf", ".ttc"):
                    yield FontCandidate(str(file), 0, "bundled")


def _windows() -> Iterator[FontCandidate]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    for d in dirs:
        yield FontCandidate(str(d / "msyh.ttc"), 0, "windows", str(d / "msyhbd.ttc"), 0)
        yield FontCandidate(str(d / "msyh.ttf"), 0, "windows", str(d / "msyhbd.ttf"), 0)
        yield FontCandidate(str(d / "simhei.ttf"), 0, "windows")
        yield FontCandidate(str(d / "simsun.ttc"), 0, "windows", str(d / "simhei.ttf"), 0)
        yield FontCandidate(str(d / "Deng.ttf"), 0, "windows", str(d / "Dengb.ttf"), 0)


def _macos() -> Iterator[FontCandidate]:
    # PingFang and Hiragino are CFF-based on most macOS versions; they are tried last
    # and refused with a clear reason if reportlab cannot embed them.
    sys_fonts = Path("/System/Library/Fonts")
    supplemental = sys_fonts / "Supplemental"
    yield FontCandidate(
        str(sys_fonts / "STHeiti Light.ttc"), 0, "macos", str(sys_fonts / "STHeiti Medium.ttc"), 0
    )
    yield FontCandidate(str(sys_fonts / "STHeiti Medium.ttc"), 0, "macos")
    yield FontCandidate(str(supplemental / "Arial Unicode.ttf"), 0, "macos")
    yield FontCandidate("/Library/Fonts/Arial Unicode.ttf", 0, "macos")
    yield FontCandidate(str(supplemental / "Songti.ttc"), 0, "macos")
    yield FontCandidate(str(sys_fonts / "PingFang.ttc"), 0, "macos")
    yield FontCandidate(str(sys_fonts / "Hiragino Sans GB.ttc"), 0, "macos")


def _linux_known() -> Iterator[FontCandidate]:
    for d in (
        "/usr/share/fonts/truetype/wqy",  # Debian, Ubuntu
        "/usr/share/fonts/wqy-microhei",  # Fedora
        "/usr/share/fonts/wqy-zenhei",
        "/usr/share/fonts/wenquanyi/wqy-microhei",  # Arch
        "/usr/share/fonts/wenquanyi/wqy-zenhei",
    ):
        yield FontCandidate(f"{d}/wqy-microhei.ttc", 0, "linux")
        yield FontCandidate(f"{d}/wqy-zenhei.ttc", 0, "linux")
    yield FontCandidate("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "linux")
    yield FontCandidate("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "linux")
    yield FontCandidate("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0, "linux")


def _fontconfig(*patterns: str) -> Iterator[FontCandidate]:
    """The TrueType files fontconfig lists for each pattern (default: Chinese fonts)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return
    for pattern in patterns or (":lang=zh",):
        try:
            out = subprocess.run(
                [fc_list, "-f", "%{file}\t%{index}\n", pattern],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return
        for line in sorted(out.splitlines()):
            file, _, index = line.partition("\t")
            if file.lower().endswith((".ttf", ".ttc")):
                yield FontCandidate(file, int(index) if index.isdigit() else 0, "fontconfig")
