"""`bilat user`: accounts and tokens from the command line, checked against the store and the app."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from bilat.auth.accounts import sign_in, token_principal
from bilat.cli import app
from bilat.config import settings
from bilat.store.db import open_store

from .helpers import BILAT, NARROW


def _run(db: Path, *args: str, stdin: str | None = None) -> Result:
    settings.cache_clear()
    try:
        return CliRunner().invoke(app, ["--db", str(db), *args], input=stdin, env=NARROW)
    finally:
        settings.cache_clear()


def _password(result: Result) -> str:
    line = next(line for line in result.output.splitlines() if line.startswith("password (shown once): "))
    return line.split(": ", 1)[1]


def test_add_with_a_generated_password_that_signs_in(tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    added = _run(db, "user", "add", "amina", "--role", "editor")
    assert added.exit_code == 0, added.output
    password = _password(added)
    with open_store(str(db)) as store:
        _token, user = sign_in(store, "amina", password, "127.0.0.1", 1)
    assert (user.name, user.role) == ("amina", "editor")


def test_password_from_stdin_role_disable_and_list(tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    assert _run(db, "user", "add", "bob", "--password-stdin", stdin="a long passphrase\n").exit_code == 0
    with open_store(str(db)) as store:
        assert sign_in(store, "bob", "a long passphrase", "127.0.0.1", 1)[1].role == "viewer"
    assert _run(db, "user", "role", "bob", "admin").exit_code == 0
    assert _run(db, "user", "disable", "bob").exit_code == 0
    listed = _run(db, "user", "list", "--json")
    assert '"role": "admin"' in listed.output and '"disabled": true' in listed.output
    refused = _run(db, "user", "add", "carl", "--password-stdin", stdin="short\n")
    assert refused.exit_code != 0 and "at least 10" in str(refused.exception)


def test_tokens_create_list_revoke(tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    _run(db, "user", "add", "amina", "--role", "editor")
    created = _run(db, "user", "token", "create", "amina", "--name", "notebook")
    token = next(line for line in created.stdout.splitlines() if line.startswith("bilat_"))
    with open_store(str(db)) as store:
        assert token_principal(store, token).name == "amina"  # type: ignore[union-attr]
    listed = _run(db, "user", "token", "list", "amina")
    assert "notebook" in listed.output and token not in listed.output
    token_id = listed.output.split()[0]
    assert _run(db, "user", "token", "revoke", "amina", token_id).exit_code == 0
    with open_store(str(db)) as store:
        assert token_principal(store, token) is None


def test_errors_say_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "bilat.db"
    _run(db, "user", "add", "amina")
    done = subprocess.run(
        [str(BILAT), "--db", str(db), "user", "add", "amina"],
        capture_output=True,
        text=True,
        env=NARROW | {"PATH": ""},
    )
    assert done.returncode == 2
    assert "a user named 'amina' exists already" in done.stderr and "set its role" in done.stderr
    help_text = _run(db, "user", "add", "--help").output
    assert "--password-stdin" in help_text and "--role" in help_text
