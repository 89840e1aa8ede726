"""The migrations in server/migrations describe the models exactly, and apply on a fresh database.

Both checks run in a child process: Tortoise keeps its state in a contextvar, and these must
not touch the test session's own initialised ORM.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

PENDING = """
import asyncio, json
from tortoise.cli.cli import tortoise_cli_context
from tortoise.migrations.autodetector import MigrationAutodetector
from server.db import tortoise_config

async def main():
    config = tortoise_config("sqlite://:memory:")
    async with tortoise_cli_context(config) as ctx:
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
        print(json.dumps([[type(op).__name__ + " " + str(getattr(op, "model_name", "")) for op in w.operations] for w in writers]))

asyncio.run(main())
"""


def _python(*args: str, **env: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_models_have_no_changes_without_a_migration() -> None:
    pending = json.loads(_python("-c", PENDING).strip().splitlines()[-1])
    assert pending == [], "edit a model, then: tortoise -c server.db.TORTOISE_ORM makemigrations"


def test_securebase_migrate_indexes_reports_by_target(tmp_path: Path) -> None:
    """Counting an item's reporters uses an index on (target_type, target_id), made by a migration."""
    env = {"SECUREBASE_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite://{tmp_path}/fresh.sqlite3"}
    _python("-m", "server.cli", "migrate", **env)
    conn = sqlite3.connect(tmp_path / "fresh.sqlite3")
    try:
        indexes = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reports'")]
        columns = {name: [col[2] for col in conn.execute(f"PRAGMA index_info('{name}')")] for name in indexes}
    finally:
        conn.close()
    assert ["target_type", "target_id"] in columns.values(), columns


UPGRADE = """
import asyncio, json, sys
from tortoise import connections
from tortoise.migrations.api import migrate
from server.db import tortoise_config

SEED = [
    "INSERT INTO rooms (id, slug, name, description, guidelines, guidelines_html, kind, position, archived,"
    " premoderate_new, report_threshold, event_seq, created_at, crisis_hold)"
    " VALUES (1, 'r', 'R', 'd', 'g', 'g', 'forum', 0, false, false, 3, 0, '2026-01-01 00:00:00+00', 'none')",
    "INSERT INTO threads (id, room_id, title, status, reply_count, created_at, last_activity_at)"
    " VALUES (1, 1, 'Hello', 'visible', 7, '2026-01-01 00:00:00+00', '2026-01-01 00:00:00+00')",
    "INSERT INTO posts (id, thread_id, is_first, body, body_html, status, created_at)"
    " VALUES (1, 1, true, 'b', 'b', 'visible', '2026-01-01 00:00:00+00')",
]
if sys.argv[1].startswith("sqlite"):
    INDEXES = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'threads'"
    COLUMNS = "SELECT name FROM pragma_table_info('threads')"
else:
    INDEXES = "SELECT indexdef FROM pg_indexes WHERE tablename = 'threads'"
    COLUMNS = "SELECT column_name FROM information_schema.columns WHERE table_name = 'threads'"

async def main(url):
    config = tortoise_config(url)
    await migrate(config=config, target="models.0005_search")
    conn = connections.get("default")
    for sql in SEED:
        await conn.execute_script(sql)
    await connections.close_all()
    await migrate(config=config)
    conn = connections.get("default")
    out = {
        "posts": (await conn.execute_query_dict("SELECT count(*) AS n FROM posts"))[0]["n"],
        "threads": (await conn.execute_query_dict("SELECT count(*) AS n FROM threads"))[0]["n"],
        "columns": sorted(row[0] for row in (await conn.execute_query(COLUMNS))[1]),
        "indexes": [row[0] for row in (await conn.execute_query(INDEXES))[1]],
    }
    await connections.close_all()
    print(json.dumps(out))

asyncio.run(main(sys.argv[1]))
"""


async def _pg_admin(url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _upgrade_from_0005(url: str) -> dict:
    return json.loads(_python("-c", UPGRADE, url).strip().splitlines()[-1])


def _assert_reply_count_dropped_in_place(after: dict) -> None:
    assert "reply_count" not in after["columns"], after
    assert after["threads"] == 1
    assert after["posts"] == 1, "dropping the column must not rebuild threads (the drop cascades to posts)"
    assert any("last_activity_at" in sql for sql in after["indexes"]), after["indexes"]


def test_dropping_reply_count_keeps_posts_and_indexes_on_sqlite(tmp_path: Path) -> None:
    """0006 on a database with content: the column goes, every post and the activity index stay."""
    _assert_reply_count_dropped_in_place(_upgrade_from_0005(f"sqlite://{tmp_path}/old.sqlite3"))


def test_dropping_reply_count_keeps_posts_and_indexes_on_postgresql(database_url: str | None) -> None:
    if not database_url:
        pytest.skip("needs DATABASE_URL (PostgreSQL)")
    name = f"sb_mig_{secrets.token_hex(4)}"
    asyncio.run(_pg_admin(database_url, f'CREATE DATABASE "{name}"'))
    try:
        after = _upgrade_from_0005(database_url.rpartition("/")[0] + "/" + name)
    finally:
        asyncio.run(_pg_admin(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _assert_reply_count_dropped_in_place(after)


def test_securebase_migrate_indexes_reactions_by_item(tmp_path: Path) -> None:
    """Reaction counts are read per post and per message: indexes on real columns (a name
    SQLite doesn't know would quietly index a constant string)."""
    env = {"SECUREBASE_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite://{tmp_path}/fresh.sqlite3"}
    _python("-m", "server.cli", "migrate", **env)
    conn = sqlite3.connect(tmp_path / "fresh.sqlite3")
    try:
        indexes = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reactions'")]
        columns = {name: [col[2] for col in conn.execute(f"PRAGMA index_info('{name}')")] for name in indexes}
    finally:
        conn.close()
    assert ["post_id", "kind"] in columns.values(), columns
    assert ["message_id", "kind"] in columns.values(), columns
    assert ["user_id", "post_id", "kind"] in columns.values(), columns
