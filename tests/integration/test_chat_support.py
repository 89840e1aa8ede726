"""Helpers for the live-chat tests (no tests here): a websocket chat client and direct DB edits.

Direct DB edits stand in for moderator tools that live in another part of the
code (mutes, bans, blocks): the chat must honour whatever the database says.
"""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from collections.abc import Callable
from typing import Any

import websockets

from tests.support import LiveServer
from tests.support.actions import block_action, sanction_action

ROOM = "anxious-attachment"
WAIT = 10.0


class ChatClient:
    """A member's websocket in a room. Frames are read in order; ``expect`` skips what it isn't after."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.seen: list[dict[str, Any]] = []

    @classmethod
    async def open(cls, server: LiveServer, member: dict | None = None, room: str = ROOM, *,
                   after: int | None = None, resume: bool = True, headers: dict | None = None,
                   **kwargs: Any) -> ChatClient:
        url = f"{server.ws_url}/ws/rooms/{room}"
        if after is not None:
            url += f"?after={after}"
        hdrs = dict(headers or {})
        if member is not None:
            hdrs.update(member["headers"])
        ws = await websockets.connect(url, additional_headers=hdrs, open_timeout=WAIT, **kwargs)
        client = cls(ws)
        hello = await client.expect("hello")
        assert hello["room"] == room
        if resume and after is None:
            await client.send_json({"type": "resume", "after": None})
        if resume:
            await client.expect("synced")
        return client

    async def send_json(self, frame: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(frame))

    async def say(self, body: str, client_id: str | None = None) -> None:
        frame: dict[str, Any] = {"type": "send", "body": body}
        if client_id is not None:
            frame["client_id"] = client_id
        await self.send_json(frame)

    async def recv(self, timeout: float = WAIT) -> dict[str, Any]:
        frame = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
        self.seen.append(frame)
        return frame

    async def expect(self, kind: str, pred: Callable[[dict[str, Any]], bool] | None = None,
                     timeout: float = WAIT) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError(f"no {kind} frame; saw {[f.get('type') for f in self.seen[-10:]]}")
            frame = await self.recv(left)
            if frame.get("type") == kind and (pred is None or pred(frame)):
                return frame

    async def messages(self, count: int, timeout: float = WAIT) -> list[dict[str, Any]]:
        return [await self.expect("message", timeout=timeout) for _ in range(count)]

    async def quiet(self, seconds: float = 0.5) -> list[dict[str, Any]]:
        """Frames that arrive within ``seconds`` (used only to check that nothing more came)."""
        out = []
        try:
            while True:
                out.append(await self.recv(seconds))
        except TimeoutError:
            return out

    async def closed(self, timeout: float = WAIT) -> int | None:
        """Read until the server closes the socket; the close code."""
        try:
            while True:
                await self.recv(timeout)
        except websockets.ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None

    async def close(self) -> None:
        await self.ws.close()


# --- direct database edits ---------------------------------------------------------------

def _sqlite_path(server: LiveServer) -> str:
    return str(server.data_dir / "securebase.sqlite3")


async def db_exec(server: LiveServer, sql: str, *params: Any) -> list[tuple]:
    """Run one statement against the server's database (``?`` placeholders on both backends)."""
    url = server.env.get("DATABASE_URL") or os.environ.get("DATABASE_URL")
    if server.env.get("DATABASE_URL"):
        import asyncpg

        n = 0

        def number(_: Any) -> str:
            nonlocal n
            n += 1
            return f"${n}"

        import re
        pg_sql = re.sub(r"\?", number, sql)
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        try:
            rows = await conn.fetch(pg_sql, *params)
            return [tuple(r) for r in rows]
        finally:
            await conn.close()

    def run() -> list[tuple]:
        db = sqlite3.connect(_sqlite_path(server), timeout=10)
        try:
            cur = db.execute(sql, params)
            rows = cur.fetchall()
            db.commit()
            return rows
        finally:
            db.close()
    return await asyncio.to_thread(run)


async def user_id(server: LiveServer, handle: str) -> int:
    rows = await db_exec(server, "SELECT id FROM users WHERE handle_lower = ?", handle.lower())
    return int(rows[0][0])


async def room_id(server: LiveServer, slug: str = ROOM) -> int:
    rows = await db_exec(server, "SELECT id FROM rooms WHERE slug = ?", slug)
    return int(rows[0][0])


async def mute(server: LiveServer, handle: str, slug: str = ROOM) -> None:
    """Mute ``handle`` in one room through the moderation action that records sanctions."""
    await asyncio.to_thread(server.run_action, lambda: sanction_action(handle, "mute", room_slug=slug))


async def ban(server: LiveServer, handle: str) -> None:
    """Flip the banned flag with no event and no session revocation: the one state change no
    action makes (the ban action also signs the member out, closing sockets with 4401), kept to
    test that the server's periodic recheck alone closes a banned member's sockets with 4003."""
    await db_exec(server, "UPDATE users SET banned = TRUE WHERE handle_lower = ?", handle.lower())


async def block(server: LiveServer, blocker: str, blocked: str) -> None:
    """``blocker`` blocks ``blocked`` through the members action."""
    await asyncio.to_thread(server.run_action, lambda: block_action(blocker, blocked))
