"""Count the SQL statements a block of code sends, on SQLite and PostgreSQL alike.

Every Tortoise backend logs each statement it runs at DEBUG on the ``tortoise.db_client``
logger (connections and transactions share it), so a handler there sees every query
whatever the driver. Pool and connection messages are not statements and are skipped.
Only statements sent from the counting context (and tasks it starts) count: a background
loop's queries (the crisis escalation check) never land in a request's count.
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator

LOGGER = "tortoise.db_client"
VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE")
_counting: contextvars.ContextVar[QueryLog | None] = contextvars.ContextVar("queries_counted", default=None)


class QueryLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if _counting.get() is not self:
            return
        text = record.getMessage().lstrip()
        if text[:8].upper().startswith(VERBS):
            self.statements.append(text)

    @property
    def count(self) -> int:
        return len(self.statements)

    def report(self) -> str:
        return "\n".join(f"  {i + 1}. {s[:200]}" for i, s in enumerate(self.statements))


@contextlib.contextmanager
def count_queries() -> Iterator[QueryLog]:
    """``with count_queries() as q: ...`` then ``q.count`` and ``q.statements``."""
    logger = logging.getLogger(LOGGER)
    handler = QueryLog()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # the statements hold post bodies: never to the test log
    token = _counting.set(handler)
    try:
        yield handler
    finally:
        _counting.reset(token)
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
