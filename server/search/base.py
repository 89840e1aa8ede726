"""The search index's interface: one small protocol, one implementation per database.

The index holds, per post, the words a member may find it by (its thread's title for a
first post, and its body) with its room, keyed by the post's id. It decides nothing about
who may see a post: ``server.access`` does, at query time, on the posts the index names.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from server.search.query import Terms

TABLE = "post_search"


@dataclass(frozen=True)
class Doc:
    post_id: int
    room_id: int
    title: str  # the thread's title for its first post, "" for replies
    body: str


class SearchBackend(Protocol):
    """Every method takes the connection to run on, so index writes join the caller's
    transaction (inside ``in_transaction()``, ``Model._meta.db`` is the transaction)."""

    def placeholders(self, count: int) -> str:
        """Bound-parameter markers for ``count`` values, numbered from 1 where the database
        numbers them."""
        ...

    async def create(self, client: BaseDBAsyncClient) -> None:
        """Create the index table (the migration)."""
        ...

    async def drop(self, client: BaseDBAsyncClient) -> None: ...

    async def remove(self, client: BaseDBAsyncClient, post_ids: Sequence[int]) -> None: ...

    async def add(self, client: BaseDBAsyncClient, docs: Sequence[Doc]) -> None:
        """Add documents whose post ids are not in the index (``remove`` them first)."""
        ...

    async def match(self, client: BaseDBAsyncClient, terms: Terms, *, room_id: int | None,
                    before: int | None, limit: int) -> list[int]:
        """Ids of posts matching every term, newest first, below ``before`` when given."""
        ...

    async def snippets(self, client: BaseDBAsyncClient, terms: Terms, post_ids: Sequence[int]) -> dict[int, str]:
        """A short extract of each post around its matches, matches between the markers of
        ``server.search.highlight``. Only for posts already chosen for a viewer."""
        ...
