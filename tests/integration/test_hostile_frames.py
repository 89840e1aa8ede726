"""Hostile websocket frames: each is answered with an error frame or a clean close, never a crash.

The hostile-input table (test_hostile_input.py) covers HTTP; this sends frames built from the same
corpora (tests/data/naughty.json, tests/data/xss.txt) down a real socket in a room: malformed
JSON, wrong types, huge integers, Unicode digits in ``after``, unknown frame types and oversized
bodies. After each frame a ``ping`` must still get its ``pong`` (the reader survived), and no
answer may be a ``server_error``; a frame that ends the socket must end it with a close frame and
a code that says why. Afterwards the room still works for a member, and the server log shows no
traceback.
"""
from __future__ import annotations

import asyncio
import json
import random
from typing import Any

import httpx
import pytest
import websockets

from tests.integration.test_chat_support import ChatClient
from tests.integration.test_hostile_input import NAUGHTY, SPECIALS, XSS
from tests.support import LiveServer, register, set_role, unique

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output

WAIT = 10.0
MAX_FRAME = 64 * 1024
# Close codes that say why: normal, policy, unreadable data, too big, try again, the app's own.
CLEAN_CLOSES = {1000, 1001, 1003, 1007, 1008, 1009, 1013}
AFTERS: list[Any] = ["²", "１２", "٣", "٠", "9" * 30, "9" * 19, str(2**63), 2**63, 2**64, -1, "-1", "+1", " 1",
                     "1\n", "1.5", 1.5, "1e3", "0x10", True, False, [], {}, ["1"], {"id": 1}, "", "null",
                     float("inf"), "Infinity", "NaN", "\x00", "\ud800"]
WRONG: list[Any] = [1, 2**64, -1, 1.5, True, None, [], {}, ["send"], {"$gt": ""}, "\ud800", "\x00", "a" * 5000]


@pytest.fixture(scope="module")
def room(live_server: LiveServer) -> str:
    admin = register(live_server.url)
    set_role(live_server, admin["handle"], "admin")
    slug = unique("frames").replace("_", "-")
    r = httpx.post(live_server.url + "/api/rooms", json={"slug": slug, "name": "Hostile frames room"},
                   headers=admin["headers"])
    assert r.status_code == 201, r.text
    return slug


def _frame(**fields: Any) -> str:
    return json.dumps(fields)


def hostile_frames(seed: str = "frames") -> list[tuple[str, str | bytes, bool]]:
    """(label, frame, must be an error): every frame except sends of ordinary text must be refused."""
    rng = random.Random(seed)
    naughty, xss = rng.sample(NAUGHTY, 40), rng.sample(XSS, 15)
    frames: list[tuple[str, str | bytes, bool]] = []
    for text in naughty + xss:
        try:
            parsed = json.loads(text)
        except (ValueError, RecursionError):
            parsed = None
        frames.append(("raw text", text, not (isinstance(parsed, dict) and isinstance(parsed.get("type"), str))))
    frames += [("malformed", text, True) for text in [
        "", " ", "{", '{"type":"send"', '{"type":"send","body":}', "{type: 'ping'}", "{'type': 'ping'}",
        '{"type":"ping",}', '{"type":"ping"}{"type":"ping"}', "[" * 40_000, '{"a":' * 10_000,
        "NaN", "null", "true", "1", '"ping"', "[]", "{}", '{"type":"send","body":"\\ud800"',
        '{"type":"resume","after":' + "9" * 5000 + "}", '{"type":"send","body":"x","client_id":' + "1" * 4400 + "}",
    ]]
    frames += [("binary", data, True) for data in [b"\x00\xff\xfe", b'{"type":"ping"}', b""]]
    frames += [("wrong type", _frame(type=value), True) for value in [*WRONG, SPECIALS[0], 0]]
    unknown = ["SEND", "Send", "send ", " ping", "ping\n", "", "\x00", "type", "ｓｅｎｄ", "resume\u200b",
               "\ud800", "\udfff" * 100, "x" * 60_000]
    frames += [("unknown type", _frame(type=kind), True) for kind in unknown + naughty[:10] + xss[:5]]
    for name in ("body", "client_id", "content_note"):
        base = {"type": "send", "body": "hello there"}
        frames += [(f"send {name}", _frame(**{**base, name: value}), True) for value in WRONG if value is not None]
    frames += [("oversized body", _frame(type="send", body=body), True) for body in
               ["a" * 4001, "💔" * 4001, "a" * 60_000, " " * 60_000, "\u0301" * 10_000]]
    frames += [("naughty body", _frame(type="send", body=text), False) for text in naughty[:15] + xss[:10]]
    return frames


async def _answers_until_pong(ws: Any) -> list[dict[str, Any]]:
    """Send a ping; the frames that arrive up to its pong."""
    await ws.send(json.dumps({"type": "ping"}))
    seen: list[dict[str, Any]] = []
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
        if frame.get("type") == "pong":
            return seen
        seen.append(frame)


def _close_code(exc: websockets.ConnectionClosed) -> int | None:
    return exc.rcvd.code if exc.rcvd else None  # None: dropped without a close frame


async def _open(server: LiveServer, member: dict, room: str) -> Any:
    return (await ChatClient.open(server, member, room)).ws


async def test_hostile_frames_are_refused_and_the_socket_survives(live_server: LiveServer, room: str) -> None:
    log_start = live_server.log_path.stat().st_size if live_server.log_path else 0
    member = register(live_server.url)
    ws = await _open(live_server, member, room)
    problems: list[str] = []
    try:
        for label, frame, must_fail in hostile_frames():
            where = f"{label} {str(frame)[:60]!r}"
            await ws.send(frame)
            try:
                answers = await _answers_until_pong(ws)
            except websockets.ConnectionClosed as exc:
                if _close_code(exc) not in CLEAN_CLOSES:
                    problems.append(f"{where}: closed with {_close_code(exc)}")
                ws = await _open(live_server, member, room)
                continue
            except TimeoutError:
                problems.append(f"{where}: no pong")
                await ws.close()
                ws = await _open(live_server, member, room)
                continue
            errors = [f for f in answers if f.get("type") == "error"]
            if [f for f in errors if f.get("code") == "server_error"]:
                problems.append(f"{where}: server_error")
            elif must_fail and not errors:
                problems.append(f"{where}: no error frame, got {[f.get('type') for f in answers]}")
    finally:
        await ws.close()
    assert problems == [], "\n".join(problems)
    await _room_still_works(live_server, room)
    log = live_server.log_path.read_bytes()[log_start:].decode("utf-8", "replace") if live_server.log_path else ""
    assert "Traceback" not in log and "Exception in ASGI" not in log, log[-3000:]


async def test_hostile_after_values_are_refused(live_server: LiveServer, room: str) -> None:
    """``after`` on resume frames and in the URL: Unicode digits, huge and wrong-typed ids."""
    member = register(live_server.url)
    problems: list[str] = []
    for start in range(0, len(AFTERS), 4):  # resume frames are limited to 5 per 10 s per socket
        ws = await _open(live_server, member, room)
        try:
            for value in AFTERS[start:start + 4]:
                await ws.send(json.dumps({"type": "resume", "after": value}))
                try:
                    answers = await _answers_until_pong(ws)
                except (websockets.ConnectionClosed, TimeoutError) as exc:
                    problems.append(f"after={value!r}: {exc!r}")
                    ws = await _open(live_server, member, room)
                    continue
                codes = [f.get("code") for f in answers if f.get("type") == "error"]
                if codes != ["invalid_after"]:
                    problems.append(f"after={value!r}: {codes} {[f.get('type') for f in answers]}")
        finally:
            await ws.close()
    for value in ["²", "１２", "9" * 30, str(2**63), "-1", "1\n", "%00"]:
        url = f"{live_server.ws_url}/ws/rooms/{room}?after={value}"
        async with websockets.connect(url, additional_headers=member["headers"], open_timeout=WAIT) as ws:
            hello = json.loads(await asyncio.wait_for(ws.recv(), WAIT))
            assert hello["type"] == "hello", value
            answers = await _answers_until_pong(ws)  # an unusable ?after= is ignored: no resume yet
            assert [f for f in answers if f.get("code") == "server_error"] == [], value
    assert problems == [], "\n".join(problems)
    await _room_still_works(live_server, room)


async def test_oversized_frames_close_with_1009(live_server: LiveServer, room: str) -> None:
    member = register(live_server.url)
    for frame in [_frame(type="send", body="a" * MAX_FRAME), _frame(type="send", body="💔" * (MAX_FRAME // 4 + 10)),
                  b"\x00" * (MAX_FRAME + 1)]:
        ws = await _open(live_server, member, room)
        await ws.send(frame)
        with pytest.raises(websockets.ConnectionClosed) as closed:  # noqa: PT012 - read until the close
            while True:  # read only: anything sent after it would reset the connection before the close frame
                await asyncio.wait_for(ws.recv(), WAIT)
        assert _close_code(closed.value) == 1009
    await _room_still_works(live_server, room)


async def _room_still_works(server: LiveServer, room: str) -> None:
    """A fresh member chats normally, and plain HTTP answers."""
    other = register(server.url)
    client = await ChatClient.open(server, other, room)
    try:
        await client.say("still here after the noise", client_id="after-noise")
        got = await client.expect("message", lambda f: f["body"] == "still here after the noise")
        assert got["author"]["handle"] == other["handle"]
    finally:
        await client.close()
    assert httpx.get(server.url + "/healthz", timeout=10).json() == {"status": "ok"}
