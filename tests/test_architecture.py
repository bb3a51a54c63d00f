"""The layering the house style promises: domain and services never touch Qt,
only ui/ imports ui/, and ui/ never talks SQL itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "desk_app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["domain", "services", "db", "printing"])
def test_core_imports_no_qt(package: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _modules(package)
        for name in _imports(p)
        if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph"}
    ]
    assert offenders == []


def test_domain_is_pure() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _modules("domain")
        for name in _imports(p)
        if name.split(".")[0] in {"sqlalchemy", "alembic", "psycopg"}
        or name.startswith(("desk_app.db", "desk_app.services"))
    ]
    assert offenders == []


def test_only_ui_imports_ui() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in ROOT.rglob("*.py")
        if "ui" not in p.relative_to(ROOT).parts[:1] and p.name != "cli.py"
        for name in _imports(p)
        if name.startswith("desk_app.ui")
    ]
    assert offenders == []


def test_ui_does_not_import_sqlalchemy() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _modules("ui")
        for name in _imports(p)
        if name.split(".")[0] in {"sqlalchemy", "psycopg"} or name.startswith("desk_app.db")
    ]
    assert offenders == []
