"""`bilat user`: accounts of the web app and the API (add, list, role, disable, enable, passwd)
and personal API tokens (token create, list, revoke). Thin commands over bilat.auth.accounts."""

from __future__ import annotations

import json
import sys

import typer

from bilat.auth import accounts
from bilat.cli.common import State, console, console_err
from bilat.errors import BilatError
from bilat.store import accounts as store_accounts
from bilat.store.accounts import ROLES

app = typer.Typer(
    help="Manage users (viewer, editor, admin) and their personal API tokens.", no_args_is_help=True
)
tokens = typer.Typer(
    help="Personal API tokens of a user: create (shown once), list, revoke.", no_args_is_help=True
)
app.add_typer(tokens, name="token")

ROLE_HELP = f"One of: {', '.join(ROLES)} (viewers read, editors curate, admins also manage users)."


class UsageError(BilatError):
    code = "usage_error"


def _password(password_stdin: bool, prompt: bool) -> str | None:
    """The password: the first line of standard input, a prompt, or None (to generate one)."""
    if password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UsageError(
                "no password on standard input", "pipe one line: echo 'a long passphrase' | bilat user ..."
            )
        return line
    if prompt:
        value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        return value
    return None


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}", f"use one of: {', '.join(ROLES)}")
    return role


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user's sign-in name (no spaces)."),
    role: str = typer.Option("viewer", "--role", help=ROLE_HELP),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    prompt: bool = typer.Option(False, "--prompt", help="Ask for the password (typed twice, not shown)."),
) -> None:
    """Add a user. Without --password-stdin or --prompt a password is generated and printed once."""
    state: State = ctx.obj
    password = _password(password_stdin, prompt)
    with state.store() as store:
        record, generated = accounts.add_user(store, name, _check_role(role), password)
    console.print(f"added {record['name']} ({record['role']})", markup=False)
    if generated:
        console.print(f"password (shown once): {generated}", markup=False)


@app.command("list")
def list_users(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the users: name, role, whether disabled."""
    state: State = ctx.obj
    with state.store() as store, store.reader() as session:
        users = store_accounts.list_users(session)
    if as_json:
        console.print_json(json.dumps(users))
        return
    for user in users:
        flag = "  disabled" if user["disabled"] else ""
        console.print(f"{user['name']}  {user['role']}{flag}", markup=False)


@app.command("role")
def set_role(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user."),
    role: str = typer.Argument(..., help=ROLE_HELP),
) -> None:
    """Give a user another role."""
    state: State = ctx.obj
    with state.store() as store, store.session() as session:
        store_accounts.set_role(session, name, _check_role(role))
    console.print(f"{name} is now {role}", markup=False)


@app.command("disable")
def disable(ctx: typer.Context, name: str = typer.Argument(..., help="The user.")) -> None:
    """Disable a user: its sessions end, its tokens stop working, it cannot sign in."""
    state: State = ctx.obj
    with state.store() as store, store.session() as session:
        store_accounts.set_disabled(session, name, True)
    console.print(f"{name} is disabled", markup=False)


@app.command("enable")
def enable(ctx: typer.Context, name: str = typer.Argument(..., help="The user.")) -> None:
    """Enable a disabled user again."""
    state: State = ctx.obj
    with state.store() as store, store.session() as session:
        store_accounts.set_disabled(session, name, False)
    console.print(f"{name} is enabled", markup=False)


@app.command("passwd")
def passwd(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
    prompt: bool = typer.Option(False, "--prompt", help="Ask for the password (typed twice, not shown)."),
) -> None:
    """Set a user's password (its sessions end). Without options one is generated and printed once."""
    state: State = ctx.obj
    password = _password(password_stdin, prompt)
    with state.store() as store:
        generated = accounts.set_password(store, name, password)
    console.print(f"password of {name} changed", markup=False)
    if generated:
        console.print(f"password (shown once): {generated}", markup=False)


@tokens.command("create")
def token_create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user the token acts as."),
    label: str = typer.Option("token", "--name", help="What the token is for (shown on the account page)."),
) -> None:
    """Create a personal API token; it is printed once (send it as `Authorization: Bearer <token>`)."""
    state: State = ctx.obj
    with state.store() as store:
        token, record = accounts.create_token(store, name, label)
    console_err.print(f"token {record['id']} ({record['name']}) for {name}, shown once:", markup=False)
    console.print(token, markup=False)


@tokens.command("list")
def token_list(ctx: typer.Context, name: str = typer.Argument(..., help="The user.")) -> None:
    """List a user's tokens (id, name, first characters, state), never the tokens themselves."""
    state: State = ctx.obj
    with state.store() as store:
        rows = accounts.list_tokens(store, name)
    for t in rows:
        flag = "revoked" if t["revoked"] else "active"
        console.print(f"{t['id']}  {t['name']}  {t['prefix']}…  {t['created_at'][:19]}  {flag}", markup=False)


@tokens.command("revoke")
def token_revoke(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The user."),
    token_id: int = typer.Argument(..., help="The token's id (see `bilat user token list NAME`)."),
) -> None:
    """Revoke one of a user's tokens."""
    state: State = ctx.obj
    with state.store() as store:
        if not accounts.revoke_token(store, name, token_id):
            raise UsageError(
                f"{name} has no live token {token_id}", f"list them: bilat user token list {name}"
            )
    console.print(f"token {token_id} of {name} revoked", markup=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="user")
