"""Where the desk connects: sslmode passed to the server connection, passwords from the
credential store and never from or into the config file, the sign-in kind."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from desk_app import credentials
from desk_app.cli import main
from desk_app.config import load_config
from desk_app.domain.errors import DeskError
from tests.memory_keyring import MemoryKeyring, memory_keyring


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    yield from memory_keyring()


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("DESK_CONFIG", str(path))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    return path


def test_a_url_naming_just_server_and_database_with_sslmode(config_file: Path) -> None:
    config_file.write_text(
        '[database]\nurl = "postgresql://shopserver/shop"\nsslmode = "verify-full"\n'
        'sign_in = "database"\n',
        encoding="utf-8",
    )
    config = load_config()
    url = make_url(config.database_url)
    assert (url.host, url.database, url.username, url.password) == (
        "shopserver",
        "shop",
        None,
        None,
    )
    assert url.query["sslmode"] == "verify-full"
    assert config.own_logins and config.gate_login == "desk_shop__gate"
    assert not config.password_in_file
    # --db wins for the address; the file's sslmode still applies, unless the URL says.
    assert make_url(load_config("postgresql://other/db").database_url).query["sslmode"] == (
        "verify-full"
    )
    explicit = load_config("postgresql://other/db?sslmode=disable").database_url
    assert make_url(explicit).query["sslmode"] == "disable"


def test_an_unknown_sslmode_or_sign_in_is_refused_by_name(config_file: Path) -> None:
    config_file.write_text('[database]\nsslmode = "yes please"\n', encoding="utf-8")
    with pytest.raises(DeskError) as refused:
        load_config()
    assert refused.value.code == "config.not_a_choice"
    assert refused.value.values["key"] == "sslmode"
    config_file.write_text('[database]\nsign_in = "ldap"\n', encoding="utf-8")
    with pytest.raises(DeskError):
        load_config()


def test_the_stored_password_is_used_and_never_written_to_the_config(
    config_file: Path,
    store: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = '[database]\nurl = "postgresql://desk@shopserver:5433/shop"\n'
    config_file.write_text(text, encoding="utf-8")
    config = load_config()
    assert make_url(config.connect_url()).password is None  # nothing stored yet
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret pass\n"))
    assert main(["db", "password"]) == 0
    assert "stored" in capsys.readouterr().out
    assert store.entries == {("desk-app", "desk@shopserver:5433/shop"): "s3cret pass"}
    assert config_file.read_text(encoding="utf-8") == text
    assert make_url(load_config().connect_url()).password == "s3cret pass"
    # Another login's password is its own entry; a typed password wins over the stored one.
    assert make_url(config.connect_url(user="wang")).password is None
    assert make_url(config.connect_url(user="desk", password="typed")).password == "typed"
    assert main(["db", "password", "--forget"]) == 0
    assert store.entries == {}


def test_the_gate_is_the_default_login_whose_password_is_stored(
    config_file: Path, store: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file.write_text(
        '[database]\nurl = "postgresql://shopserver/shop"\nsign_in = "database"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("gate-pass\n"))
    assert main(["db", "password"]) == 0
    assert store.entries == {("desk-app", "desk_shop__gate@shopserver:5432/shop"): "gate-pass"}
    config = load_config()
    assert make_url(config.connect_url(user=config.gate_login)).password == "gate-pass"


def test_a_password_left_in_the_config_file_is_warned_about(
    config_file: Path, store: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.write_text(
        '[database]\nurl = "postgresql://desk:plain@127.0.0.1:1/shop"\n', encoding="utf-8"
    )
    assert load_config().password_in_file
    main(["db", "check"])
    err = capsys.readouterr().err
    assert "warning: The config file" in err and "desk-app db password" in err
    assert "plain" not in err


def test_no_credential_store_on_this_pc_is_a_clear_refusal(
    config_file: Path, store: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert credentials.stored_password("postgresql://desk@h/db", "desk") is None
    with pytest.raises(DeskError) as refused:
        credentials.store_password("postgresql://desk@h/db", "desk", "x")
    assert refused.value.code == "credentials.store_unavailable"


@pytest.mark.postgres_only
def test_sslmode_reaches_the_server_connection(pg_url: str, config_file: Path) -> None:
    from sqlalchemy import text

    from desk_app.services.core.database import Database

    config_file.write_text(f'[database]\nurl = "{pg_url}"\nsslmode = "disable"\n', "utf-8")
    plain = Database(load_config().connect_url())
    try:
        raw = plain.engine.raw_connection()
        try:
            assert raw.driver_connection.info.get_parameters()["sslmode"] == "disable"  # type: ignore[union-attr]
        finally:
            raw.close()
        server_ssl = plain.read(lambda s: s.scalar(text("SHOW ssl")))
    finally:
        plain.dispose()
    config_file.write_text(f'[database]\nurl = "{pg_url}"\nsslmode = "require"\n', "utf-8")
    tls = Database(load_config().connect_url())
    try:
        if server_ssl == "on":
            used = tls.read(
                lambda s: s.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
            )
            assert used is True
        else:  # a server without TLS: "require" makes the client refuse to go on
            assert not tls.ping()
    finally:
        tls.dispose()
