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


@pytest.mark.parametrize("package", ["domain", "services", "db", "printing", "messages"])
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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, *wherever* the import statement sits
    (top level, inside a function, under ``if TYPE_CHECKING``): a cycle hidden in a
    function is still a cycle."""
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_between_modules() -> None:
    assert _cycles(_import_graph()) == []


def test_the_cycle_check_finds_a_hidden_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_services_import_no_reportlab() -> None:
    """Printing is the only place that knows reportlab (logo decoding included)."""
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in [*_modules("services"), *_modules("domain")]
        for name in _imports(p)
        if name.split(".")[0] in {"reportlab", "PIL"}
    ]
    assert offenders == []


AREAS = {"customers", "tickets", "dispatch", "stock", "care", "admin", "paperwork"}


def test_one_package_per_business_area_in_both_layers() -> None:
    for layer in ("services", "ui"):
        packages = {p.name for p in (ROOT / layer).iterdir() if (p / "__init__.py").exists()}
        assert packages >= AREAS, layer
        loose = [p.name for p in (ROOT / layer).glob("*.py") if p.name != "__init__.py"]
        assert loose == [], f"{layer}/ holds modules outside any package: {loose}"
    tests = Path(__file__).resolve().parent
    for layer in ("services", "ui"):
        mirrored = {p.name for p in (tests / layer).iterdir() if p.is_dir() and p.name in AREAS}
        assert mirrored == AREAS & {
            p.name for p in (ROOT / layer).iterdir() if (p / "__init__.py").exists()
        }


def test_every_package_says_what_lives_there() -> None:
    for init in ROOT.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init.relative_to(ROOT)} has no docstring"
