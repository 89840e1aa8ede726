"""The migrations in server/migrations describe the models exactly, and apply on a fresh database.

Both checks run in a child process: Tortoise keeps its state in a contextvar, and these must
not touch the test session's own initialised ORM.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

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
