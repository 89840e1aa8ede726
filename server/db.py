"""Tortoise configuration, start-up and migrations.

Schema changes are migrations in ``server/migrations`` (Tortoise's own
migration framework), made with::

    tortoise -c server.db.TORTOISE_ORM makemigrations
"""
from __future__ import annotations

import logging
import os
from typing import Any, cast

from tortoise import Tortoise, connections
from tortoise.queryset import QuerySet

from server.models import MODEL_MODULES

log = logging.getLogger("securebase.db")


def _normalize_url(url: str) -> str:
    # Tortoise spells it postgres://; libpq users often write postgresql://.
    if url.startswith("postgresql://"):
        return "postgres://" + url[len("postgresql://"):]
    return url


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _normalize_url(database_url)},
        "apps": {
            "models": {
                "models": list(MODEL_MODULES),
                "default_connection": "default",
                "migrations": "server.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


# For the `tortoise` CLI (makemigrations) only; the app builds its config from Settings.
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL") or "sqlite://securebase-dev.sqlite3")


async def migrate(database_url: str) -> None:
    """Apply pending migrations, then leave Tortoise uninitialised."""
    from tortoise.migrations.api import migrate as run_migrations

    try:
        await run_migrations(config=tortoise_config(database_url))
    finally:
        await connections.close_all()


async def init(database_url: str) -> None:
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close() -> None:
    """Close connections and drop the global context, so a later init() in this process works."""
    await Tortoise.close_connections()


async def ping() -> bool:
    try:
        conn = connections.get("default")
        await conn.execute_query("SELECT 1")
        return True
    except Exception:  # readiness reports, the log says why
        log.warning("database ping failed", exc_info=True)
        return False


async def column(query: QuerySet[Any], field: str) -> list[Any]:
    """One field of every row, ``await query.values_list(field, flat=True)``: Tortoise's stubs
    type that as a list of tuples whatever ``flat`` says, so the list is typed here, once."""
    return cast("list[Any]", await query.values_list(field, flat=True))
