"""Languages: pick Simplified Chinese or English, load the translation, set the locale.

The translations live in ``resources/i18n/desk_app_<lang>.ts`` and one catalog per
area, ``desk_app_<area>_<lang>.ts`` (the sources of truth, in git); all are loaded.
The compiled ``.qm`` is generated: if it is missing or older than the ``.ts`` it is
compiled with ``pyside6-lrelease`` into the same folder
(or the per-user cache when that folder is read-only). Without the tool (a
frozen build, a fresh checkout without the Qt tools) the ``.ts`` XML is read
into ``TsTranslator``, a dictionary-backed QTranslator that answers the same.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOG = "desk_app"
CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)


def i18n_dir() -> Path:
    """``resources/i18n`` of the source tree, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[3]
    return base / "resources" / "i18n"


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """``setting`` ("zh_CN", "zh", "en", ...) wins; otherwise the system locale.

    Any Chinese locale gets Simplified Chinese (the only Chinese shipped);
    everything else gets English.
    """
    wanted = (setting or "").strip()
    if not wanted:
        wanted = (system or QLocale.system()).name()
    return CHINESE if wanted.lower().startswith("zh") else ENGLISH


def ts_path(language: str, directory: Path | None = None) -> Path:
    return (directory or i18n_dir()) / f"{CATALOG}_{language}.ts"


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).parent / (
        "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    )
    return str(beside) if beside.exists() else None


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime


def compiled_qm(ts: Path, *, tool: str | None = None) -> Path | None:
    """An up-to-date ``.qm`` for ``ts``, compiling it if needed; None if that is impossible."""
    qm = ts.with_suffix(".qm")
    if _fresh(qm, ts):
        return qm
    cached = platformdirs.user_cache_path("desk-app", "DeskApp") / "i18n" / qm.name
    if _fresh(cached, ts):
        return cached
    tool = tool or _lrelease()
    if tool is None:
        return None
    for target in (qm, cached):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [tool, "-silent", str(ts), "-qm", str(target)],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as error:
            log.info("could not compile %s into %s: %s", ts, target, error)
            continue
        if target.exists():
            return target
    return None


def parse_ts(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation for every finished message of a .ts file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            # Plural messages hold <numerusform>s; Chinese has one form.
            text = node.findtext("numerusform") if message.get("numerus") == "yes" else node.text
            if text:
                table[(name, source)] = text
    return table


class TsTranslator(QTranslator):
    """A QTranslator answering from a parsed .ts file (fallback without lrelease)."""

    def __init__(self, table: dict[tuple[str, str], str], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._table = table

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is Qt's null string: "no translation here, ask the next translator".
        # An empty string would be taken as the translation.
        return self._table.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self._table


def catalogs(language: str, directory: Path | None = None) -> list[Path]:
    """Every catalog for ``language``: ``desk_app_zh_CN.ts`` (the main window, lookup,
    intake) and the areas' own, such as ``desk_app_board_zh_CN.ts``."""
    folder = directory or i18n_dir()
    main = ts_path(language, folder)
    areas = sorted(p for p in folder.glob(f"{CATALOG}_*_{language}.ts") if p != main)
    return ([main] if main.exists() else []) + areas


def load_catalog(ts: Path, *, compile_qm: bool = True) -> QTranslator:
    """One catalog as a translator: the compiled .qm if possible, else read from the .ts."""
    qm = compiled_qm(ts) if compile_qm else None
    if qm is not None:
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
        log.warning("could not load %s; reading %s instead", qm, ts)
    return TsTranslator(parse_ts(ts))


def load_translator(
    language: str, *, directory: Path | None = None, compile_qm: bool = True
) -> QTranslator | None:
    """The main catalog's translator for ``language`` (None for English, the source)."""
    if language == ENGLISH:
        return None
    ts = ts_path(language, directory)
    if not ts.exists():
        log.warning("no translation file %s", ts)
        return None
    return load_catalog(ts, compile_qm=compile_qm)


def load_translators(
    language: str, *, directory: Path | None = None, compile_qm: bool = True
) -> list[QTranslator]:
    """Translators for every catalog of ``language`` (none for English)."""
    if language == ENGLISH:
        return []
    return [load_catalog(ts, compile_qm=compile_qm) for ts in catalogs(language, directory)]


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's own translations and make ``language`` the default locale.

    Returns the installed translators; the caller keeps them alive.
    """
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == CHINESE
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    installed: list[QTranslator] = []
    if language == ENGLISH:
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    for translator in load_translators(language):
        app.installTranslator(translator)
        installed.append(translator)
    return installed
