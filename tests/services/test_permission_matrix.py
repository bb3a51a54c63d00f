"""The permission matrix, tested from the code's own table: every protected service call
as every role (and a user holding two roles), on both engines. A call is refused with
``permission.denied``, writing nothing, exactly when ``ROLE_PERMISSIONS`` says the roles
lack its permission; otherwise it does its work.

The calls and their data are the registry in ``tests/services/permission_calls.py``.
``test_every_service_use_case_checks_a_permission`` reads the services' source: a
public function taking ``db`` first and an ``actor`` must call ``require(...)`` itself
or pass its actor on to a function that does, and one taking ``db`` without an actor
must be listed in ``OPEN`` with the reason it needs none. So a new, unprotected use
case fails here, and so does a use case or a permission with no call in the registry.

Speed: one database per engine for the whole module (``world``), the data of each call
built fresh by its ``prepare``.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.db.models import AuditLog
from desk_app.domain.enums import Role
from desk_app.domain.errors import PermissionDenied
from desk_app.domain.permissions import Perm, perms_of
from desk_app.services.admin import users
from desk_app.services.core.database import Database
from tests.conftest import FakeClock, _empty_pg
from tests.services import factories
from tests.services.permission_calls import CALLS, ROLE_SETS, Call, World, label

SERVICES = Path(__file__).resolve().parents[2] / "desk_app" / "services"

# Public service functions taking a database but no actor, and why they need none.
# Use cases on the signed-in user's own record only, open to every role: the actor is
# who they act on, so no permission can be missing.
SELF: dict[str, str] = {
    "admin.users.change_own_password": "the signed-in user's own password",
    "admin.users.must_change_password": "asked of the signed-in user after sign-in",
}
OPEN: dict[str, str] = {
    "admin.settings.version": "a settings tab's save counter, read before its values",
    "admin.settings.complaint_standards": "standards every desk computes deadlines from",
    "admin.settings.working_calendar": "the calendar every desk computes clocks from",
    "admin.settings.get_setting": "shop-wide settings every desk reads",
    "admin.settings.get_default_area_code": "the area code phones are typed in",
    "admin.settings.get_charge_standard": "the charge standard customers have a right to see",
    "admin.settings.get_company_header": "the letterhead of every printed form",
    "admin.settings.shop_settings": "every shop-wide setting, read at start-up",
    "admin.settings.shop_timezone": "the shop's time zone, needed before sign-in",
    "admin.users.count_users": "the first-run check: is the database empty of users",
    "admin.settings.get_print_languages": "which language each printed form is in",
    "admin.settings.get_sign_in_policy": "the sign-in policy, needed before anybody signs in",
    "core.identity.connection_identity": "who the desk's own connection is (status bar warning)",
    "core.identity.connection_warning": "the warning for a superuser or owner connection",
    "paperwork.paperwork.print_language": "the language a form prints in",
    "admin.users.authenticate": "signing in: it is what makes an actor",
    "core.audit.last_change_id": "the change feed: ids only, which screens reload",
    "core.audit.changes_since": "the change feed: kinds and ids, no content",
    "core.consistency.check": "desk-app db check, run by the administrator",
    "customers.lookup.charge_standard": "the charge standard customers have a right to see",
    "paperwork.paperwork.company_header": "the letterhead of every printed form",
    "stock.stock.check_stock": "desk-app stock check, run by the administrator",
}
# Permissions no service refuses with: none checks it yet (its screen is still to
# come), or it refuses nothing and only changes what is shown.
UNUSED: dict[Perm, str] = {
    Perm.VIEW_KPI: "the KPI screens are not built yet",
    Perm.VIEW_CONTACT_DETAILS: "masks contacts, refuses nothing: test_confidential_contacts.py",
}


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path_factory.mktemp("matrix") / "desk.sqlite3"
        shutil.copyfile(template, target)
        url = f"sqlite:///{target}"
    else:
        url = request.getfixturevalue("pg_database_url")
        _empty_pg(url)
    db = Database(url, clock=FakeClock())
    users.create_user(db, None, "boss", "secret-1", Role.MANAGER, "王经理")
    w = World(db, users.authenticate(db, "boss", "secret-1"), tmp_path_factory.mktemp("files"))
    w.setup()
    yield w
    db.dispose()


# ------------------------------------------------------------------ the tests


@pytest.mark.parametrize("roles", ROLE_SETS, ids=label)
@pytest.mark.parametrize("call", CALLS, ids=str)
def test_each_call_is_refused_exactly_when_the_roles_lack_its_permission(
    world: World, call: Call, roles: frozenset[Role]
) -> None:
    actor = world.actors[roles]
    data = call.prepare(world)
    audit_rows = factories.count(world.db, AuditLog)
    if call.perm in perms_of(roles):
        call.run(world, actor, data)  # does its work: no refusal, no other error
        return
    with pytest.raises(PermissionDenied) as refused:
        call.run(world, actor, data)
    assert refused.value.code == "permission.denied"
    assert factories.count(world.db, AuditLog) == audit_rows  # nothing was written


def test_every_permission_has_a_call_in_the_registry() -> None:
    covered = {c.perm for c in CALLS}
    assert covered | set(UNUSED) == set(Perm)
    assert not covered & set(UNUSED)


# ------------------------------------------------------------------ reading the services


@dataclass(frozen=True)
class _Function:
    qualname: str  # "stock.stock.receive"
    node: ast.FunctionDef
    params: tuple[str, ...]


def _service_functions() -> dict[str, _Function]:
    found: dict[str, _Function] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        module = ".".join(path.relative_to(SERVICES).with_suffix("").parts)
        if module.startswith("demo"):
            continue  # the demo loader writes through the services' in-session forms
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                params = tuple(a.arg for a in (*node.args.args, *node.args.kwonlyargs))
                found[f"{module}.{node.name}"] = _Function(f"{module}.{node.name}", node, params)
    return found


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _passes_actor(call: ast.Call) -> bool:
    values = [*call.args, *(k.value for k in call.keywords)]
    return any(isinstance(v, ast.Name) and v.id == "actor" for v in values)


def _protected(functions: dict[str, _Function]) -> set[str]:
    """Functions that call ``require(...)``, or pass their ``actor`` to one that does
    (by name: ``tickets.complete`` → ``apply_transition``), to a fixed point."""
    by_name: dict[str, set[str]] = {}
    for f in functions.values():
        by_name.setdefault(f.node.name, set()).add(f.qualname)
    calls = {
        q: [c for c in ast.walk(f.node) if isinstance(c, ast.Call)] for q, f in functions.items()
    }
    done = {q for q, cs in calls.items() if any(_callee(c) == "require" for c in cs)}
    while True:
        more = {
            q
            for q, cs in calls.items()
            if q not in done
            and any(_passes_actor(c) and by_name.get(_callee(c) or "", set()) & done for c in cs)
        }
        if not more:
            return done
        done |= more


def test_every_service_use_case_checks_a_permission() -> None:
    functions = _service_functions()
    protected = _protected(functions)
    public = {q: f for q, f in functions.items() if not f.node.name.startswith("_")}
    # A use case: takes the database first, and the acting user (in-session forms
    # take a session first and are called by a use case that checked).
    unprotected = sorted(
        q
        for q, f in public.items()
        if f.params[:1] == ("db",) and "actor" in f.params and q not in protected | set(SELF)
    )
    assert unprotected == [], "use cases that check no permission: add require(...)"
    without_actor = sorted(
        q for q, f in public.items() if f.params[:1] == ("db",) and "actor" not in f.params
    )
    assert without_actor == sorted(OPEN), (
        "a public service function taking no actor: give it one and require a permission, "
        "or list it in OPEN with the reason it needs none"
    )


def test_the_registry_names_real_protected_functions() -> None:
    """Every registered call names a service function that checks a permission."""
    functions = _service_functions()
    protected = _protected(functions)
    short = {q.split(".", 1)[1] if q.count(".") > 1 else q: q for q in protected}
    for call in CALLS:
        name = call.name.split("(")[0]
        assert name in short, f"{call.name}: no protected service function of that name"


def test_every_protected_use_case_is_in_the_registry() -> None:
    """Not only one call per permission: every use case, so a permission check moved
    or changed in any of them shows here."""
    functions = _service_functions()
    registered = {c.name.split("(")[0] for c in CALLS}
    missing = sorted(
        q
        for q in _protected(functions)
        if not functions[q].node.name.startswith("_")
        and functions[q].params[:1] == ("db",)
        and q.split(".", 1)[1] not in registered
    )
    assert missing == [], "add these to tests/services/permission_calls.py"
