"""`desk-app db grant` is for PostgreSQL: on the embedded file it says so and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.cli import main


def test_db_grant_on_sqlite_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert main(["db", "grant", "--db", url]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
    assert main(["db", "check", "--db", url]) == 0
    assert "connected as" not in capsys.readouterr().out
