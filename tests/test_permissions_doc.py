"""docs/permissions.md is the code's own permission table, written by
scripts/permissions_doc.py: it fails here the moment a role or permission changes
without the document being written again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from desk_app.domain.enums import Role
from desk_app.domain.permissions import ROLE_PERMISSIONS, Perm
from desk_app.messages.permissions import PERM_NAMES, ROLE_NAMES

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "permissions_doc", ROOT / "scripts" / "permissions_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_permissions_md_is_up_to_date() -> None:
    written = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert written == _script().render(), (
        "docs/permissions.md is out of date: run `python scripts/permissions_doc.py`"
    )


def test_every_role_and_permission_has_names_in_both_languages() -> None:
    assert set(ROLE_NAMES) == set(Role) == set(ROLE_PERMISSIONS)
    assert set(PERM_NAMES) == set(Perm)
    for en, zh in [*ROLE_NAMES.values(), *PERM_NAMES.values()]:
        assert en.strip() and zh.strip() and en != zh


def test_the_document_marks_exactly_the_roles_of_the_table() -> None:
    """Read the matrix back out of the file: one line per permission, a mark in the
    column of each role that holds it and nowhere else."""
    lines = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8").splitlines()
    roles = list(Role)
    for perm in Perm:
        (line,) = [x for x in lines if x.startswith(f"| `{perm.value}`:")]
        cells = [c.strip() for c in line.strip("|").split("|")][2:]
        assert len(cells) == len(roles)
        marked = {r for r, c in zip(roles, cells, strict=True) if c == "✓"}
        assert marked == {r for r in roles if perm in ROLE_PERMISSIONS[r]}


def test_check_mode_reports_a_stale_document(tmp_path: Path) -> None:
    script = _script()
    script.DOC = tmp_path / "permissions.md"
    script.DOC.write_text("old\n", encoding="utf-8")
    script.ROOT = tmp_path
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert script.main(["--check"]) == 0


def test_a_refusal_says_what_the_missing_permission_allows_in_the_clerks_language() -> None:
    from desk_app.domain.errors import PermissionDenied
    from desk_app.messages import render

    refused = PermissionDenied("li", Perm.MOVE_STOCK.value)
    assert PERM_NAMES[Perm.MOVE_STOCK][0] in render(refused, language="en")
    assert PERM_NAMES[Perm.MOVE_STOCK][1] in render(refused, language="zh_CN")
    assert "move_stock" not in render(refused, language="zh_CN")
