"""securebase serve | migrate | create-admin | set-role"""
from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys

from server import db
from server.settings import LOG_LEVELS, Settings, SettingsError

log = logging.getLogger("securebase.cli")


async def prepare(settings: Settings) -> None:
    """Apply pending migrations and seed what a fresh site needs (idempotent)."""
    from server.actions.rooms import seed_rooms, seed_watched_words

    await db.migrate(settings.database_url)
    await db.init(settings.database_url)
    try:
        await seed_rooms(settings.report_threshold)
        await seed_watched_words()
    finally:
        await db.close()


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = Settings.from_env()
    # Migrate once here, before workers start, so they never race on the schema.
    asyncio.run(prepare(settings))
    # Workers read settings from the environment; make sure they find the same ones.
    os.environ.setdefault("DATABASE_URL", settings.database_url)
    os.environ.setdefault("SECUREBASE_DATA_DIR", str(settings.data_dir))
    print(f"SecureBase on http://{args.host}:{args.port} ({'SQLite' if settings.is_sqlite else 'PostgreSQL'}"
          f", {'Redis' if settings.redis_url else 'in-process'} fan-out)", flush=True)
    from server.access_log import uvicorn_log_config
    log_level = args.log_level or settings.log_level
    uvicorn.run("server.app:app_factory", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=log_level, proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips, ws="auto", ws_max_size=64 * 1024,
                # Short chat frames gain little from deflate; it doubled p99 at 1,000 members (bench/).
                ws_per_message_deflate=False,
                # Slow or partial requests are dropped: headers within header_timeout, idle
                # keep-alive connections after 5 s, and at most this many connections at once.
                http="server.http_protocol:HeaderTimeoutProtocol", timeout_keep_alive=5,
                h11_max_incomplete_event_size=16 * 1024, limit_concurrency=args.limit_concurrency,
                # uvicorn's access lines hold query strings (?ticket=, ?token=) and client addresses:
                # off, and its websocket lines filtered; server/access_log.py writes our own.
                server_header=False, access_log=False, log_config=uvicorn_log_config(log_level))
    return 0


def cmd_migrate(_args: argparse.Namespace) -> int:
    asyncio.run(prepare(Settings.from_env()))
    print("Database is up to date.")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise SystemExit("The passwords don't match.")
    return first


async def _create_admin(settings: Settings, handle: str, password: str, email: str | None) -> str:
    from server.actions import accounts
    from server.actions.context import Services
    from server.errors import AppError
    from server.events import InProcessBroker
    from server.ratelimit import RateLimiter

    await prepare(settings)
    await db.init(settings.database_url)
    try:
        svc = Services(settings, InProcessBroker(), RateLimiter())
        try:
            user = await accounts.do_register(svc, handle=handle, password=password, email=email,
                                              address="cli", role="admin")
        except AppError as exc:
            raise SystemExit(exc.message) from None
        return user.handle
    finally:
        await db.close()


def cmd_create_admin(args: argparse.Namespace) -> int:
    password = _read_password(args)
    handle = asyncio.run(_create_admin(Settings.from_env(), args.handle, password, args.email))
    print(f"Admin {handle} created.")
    return 0


async def _set_role(settings: Settings, handle: str, role: str) -> None:
    from server.actions.accounts import do_set_role
    from server.errors import AppError
    from server.models.accounts import User

    await db.init(settings.database_url)
    try:
        from server.passwords import handle_key

        key = handle_key(handle)
        user = await User.get_or_none(handle_lower=key, deleted=False) if key else None
        if user is None:
            raise SystemExit(f"No account with handle {handle}.")
        try:
            await do_set_role(user, role)
        except AppError as exc:
            raise SystemExit(exc.message) from None
    finally:
        await db.close()


def cmd_set_role(args: argparse.Namespace) -> int:
    asyncio.run(_set_role(Settings.from_env(), args.handle, args.role))
    print(f"{args.handle} is now {args.role}.")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="securebase", description="SecureBase peer-support community")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the web server (migrates and seeds first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", type=str.lower, choices=LOG_LEVELS,
                       help="overrides SECUREBASE_LOG_LEVEL (whose default is info)")
    serve.add_argument("--limit-concurrency", type=int, default=2000,
                       help="connections (sockets included) per worker before new ones get 503")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies trusted for X-Forwarded-Proto/For")
    serve.set_defaults(func=cmd_serve)
    mig = sub.add_parser("migrate", help="apply database migrations and seed rooms")
    mig.set_defaults(func=cmd_migrate)
    admin = sub.add_parser("create-admin", help="create an admin account")
    admin.add_argument("handle")
    admin.add_argument("--email")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    admin.set_defaults(func=cmd_create_admin)
    role = sub.add_parser("set-role", help="make an account member, moderator or admin")
    role.add_argument("handle")
    role.add_argument("role", choices=["member", "moderator", "admin"])
    role.set_defaults(func=cmd_set_role)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:
        # A bad value stops start-up with what to fix, not a traceback.
        print("securebase: cannot start, fix these settings:\n  " + "\n  ".join(exc.problems), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
