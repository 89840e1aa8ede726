"""Full-text search over threads and replies (issue 8).

One interface (``base.SearchBackend``), two indexes: SQLite FTS5 on the embedded default,
PostgreSQL full-text (a stored tsvector with a GIN index) when ``DATABASE_URL`` names one.
The actions that write posts call ``sync_posts`` in their transactions; migration 0005
builds the index for existing posts. Who may see a result is decided by ``server.access``
at query time, never here.
"""
from __future__ import annotations

from collections.abc import Iterable

from server.models.posts import Post
from server.search import index
from server.search.query import Terms, parse_query
from server.search.results import Hit, Results, parse_cursor, search

__all__ = ["Hit", "Results", "Terms", "parse_cursor", "parse_query", "search", "sync_posts"]


async def sync_posts(post_ids: Iterable[int]) -> None:
    """Bring the index in line with these posts as they are now. Call inside the writing
    transaction, after the write, so the index commits or rolls back with it."""
    await index.sync_posts(Post._meta.db, post_ids)
