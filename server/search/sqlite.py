"""The index on SQLite: an FTS5 table whose rowid is the post id."""
from __future__ import annotations

from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient

from server.search.base import TABLE, Doc
from server.search.highlight import START, STOP
from server.search.query import Terms

# Porter stemming over Unicode words, accents folded: "Calm", "calming" and "calmé" meet.
CREATE = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, body, room_id UNINDEXED, "
          "tokenize = 'porter unicode61 remove_diacritics 2')")


def fts_query(terms: Terms) -> str:
    """Every word as a quoted FTS5 string, so none is read as syntax (``NEAR``, ``*``, ``-``)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in terms.words)


class SQLiteSearch:
    def placeholders(self, count: int) -> str:
        return ", ".join("?" for _ in range(count))

    async def create(self, client: BaseDBAsyncClient) -> None:
        await client.execute_query(CREATE)

    async def drop(self, client: BaseDBAsyncClient) -> None:
        await client.execute_query(f"DROP TABLE IF EXISTS {TABLE}")

    async def remove(self, client: BaseDBAsyncClient, post_ids: Sequence[int]) -> None:
        if post_ids:
            await client.execute_query(f"DELETE FROM {TABLE} WHERE rowid IN ({self.placeholders(len(post_ids))})",
                                       list(post_ids))

    async def add(self, client: BaseDBAsyncClient, docs: Sequence[Doc]) -> None:
        for doc in docs:
            await client.execute_query(f"INSERT INTO {TABLE} (rowid, title, body, room_id) VALUES (?, ?, ?, ?)",
                                       [doc.post_id, doc.title, doc.body, doc.room_id])

    async def match(self, client: BaseDBAsyncClient, terms: Terms, *, room_id: int | None,
                    before: int | None, limit: int) -> list[int]:
        sql = f"SELECT rowid AS post_id FROM {TABLE} WHERE {TABLE} MATCH ?"
        values: list[object] = [fts_query(terms)]
        if room_id is not None:
            sql += " AND room_id = ?"
            values.append(room_id)
        if before is not None:
            sql += " AND rowid < ?"
            values.append(before)
        sql += " ORDER BY rowid DESC LIMIT ?"
        values.append(limit)
        rows = await client.execute_query_dict(sql, values)
        return [int(row["post_id"]) for row in rows]

    async def snippets(self, client: BaseDBAsyncClient, terms: Terms, post_ids: Sequence[int]) -> dict[int, str]:
        if not post_ids:
            return {}
        # Column 1 is the body; a match only in the title gives the body's opening words.
        sql = (f"SELECT rowid AS post_id, snippet({TABLE}, 1, ?, ?, '…', 24) AS snippet FROM {TABLE} "
               f"WHERE {TABLE} MATCH ? AND rowid IN ({self.placeholders(len(post_ids))})")
        rows = await client.execute_query_dict(sql, [START, STOP, fts_query(terms), *post_ids])
        return {int(row["post_id"]): str(row["snippet"] or "") for row in rows}
