"""The index on PostgreSQL: a table with a stored tsvector and a GIN index on it."""
from __future__ import annotations

from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient

from server.search.base import TABLE, Doc
from server.search.highlight import START, STOP
from server.search.query import Terms

CONFIG = "english"  # the same stemming as SQLite's porter tokenizer

CREATE = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        post_id INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
        room_id INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', body), 'B')
        ) STORED
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING GIN (document)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_room ON {TABLE} (room_id, post_id)",
]

HEADLINE = (f'StartSel="{START}", StopSel="{STOP}", MaxWords=40, MinWords=15, ShortWord=2, '
            'MaxFragments=2, FragmentDelimiter=" … "')


class PostgresSearch:
    def placeholders(self, count: int) -> str:
        return ", ".join(f"${n}" for n in range(1, count + 1))

    async def create(self, client: BaseDBAsyncClient) -> None:
        for statement in CREATE:
            await client.execute_query(statement)

    async def drop(self, client: BaseDBAsyncClient) -> None:
        await client.execute_query(f"DROP TABLE IF EXISTS {TABLE}")

    async def remove(self, client: BaseDBAsyncClient, post_ids: Sequence[int]) -> None:
        if post_ids:
            await client.execute_query(f"DELETE FROM {TABLE} WHERE post_id = ANY($1::integer[])", [list(post_ids)])

    async def add(self, client: BaseDBAsyncClient, docs: Sequence[Doc]) -> None:
        for doc in docs:
            await client.execute_query(f"INSERT INTO {TABLE} (post_id, room_id, title, body) VALUES ($1, $2, $3, $4)",
                                       [doc.post_id, doc.room_id, doc.title, doc.body])

    async def match(self, client: BaseDBAsyncClient, terms: Terms, *, room_id: int | None,
                    before: int | None, limit: int) -> list[int]:
        # plainto_tsquery reads its text as plain words: no operator in it is syntax.
        sql = f"SELECT post_id FROM {TABLE} WHERE document @@ plainto_tsquery('{CONFIG}', $1)"
        values: list[object] = [terms.text()]
        if room_id is not None:
            values.append(room_id)
            sql += f" AND room_id = ${len(values)}"
        if before is not None:
            values.append(before)
            sql += f" AND post_id < ${len(values)}"
        values.append(limit)
        sql += f" ORDER BY post_id DESC LIMIT ${len(values)}"
        rows = await client.execute_query_dict(sql, values)
        return [int(row["post_id"]) for row in rows]

    async def snippets(self, client: BaseDBAsyncClient, terms: Terms, post_ids: Sequence[int]) -> dict[int, str]:
        if not post_ids:
            return {}
        sql = (f"SELECT post_id, ts_headline('{CONFIG}', body, plainto_tsquery('{CONFIG}', $1), $2) AS snippet "
               f"FROM {TABLE} WHERE post_id = ANY($3::integer[])")
        rows = await client.execute_query_dict(sql, [terms.text(), HEADLINE, list(post_ids)])
        return {int(row["post_id"]): str(row["snippet"] or "") for row in rows}
