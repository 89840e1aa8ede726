"""Fan-out benchmark: M members in one room, one sender at a fixed rate.

    python bench/fanout.py                      # M = 100 and 1000, K = 200 messages at 20 msg/s
    python bench/fanout.py --members 1000 --messages 400 --rate 50 --no-compression
    REDIS_URL=redis://127.0.0.1:6379/0 python bench/fanout.py   # through Redis pub/sub
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sbbench python bench/fanout.py

Starts `securebase serve` itself (one process) on a fresh data folder, connects
M websocket members (spread over a few accounts: fan-out cost is per socket),
sends K messages from one more member at the given rate and measures, for
every delivery, the time from the sender's `send` to the member's receipt.
Prints one JSON line per run: latency p50/p95/p99/max in ms, deliveries per
second, and the server's RSS (now and peak). Not a test: nothing is asserted.

The same run then measures a bare Starlette broadcast (``bare_app`` below: no accounts,
no screening, no database; each frame encoded once and sent to every socket in turn) on the
same uvicorn websocket settings, with the same clients and schedule, and the JSON line
carries its figures under ``bare`` and the ratio of the p99s (``p99_ratio``; SecureBase's
aim is at most 1.5). ``--no-bare`` skips it.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402

from tests.support import LiveServer, free_port, register  # noqa: E402

ROOM = "anxious-attachment"


def raise_open_files(need: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, need))
    if want > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set size of the server process, in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Member:
    def __init__(self, ws: websockets.ClientConnection, sent: dict[str, float], latencies: list[float]) -> None:
        self.ws, self.sent, self.latencies = ws, sent, latencies
        self.got = 0

    async def listen(self, expected: int) -> None:
        # Cheap parsing on purpose: the client shares the machine with the server.
        marker = '"client_id":"bench-'
        async for text in self.ws:
            at = time.perf_counter()
            i = text.find(marker)
            if i < 0 or not text.startswith('{"type":"message"'):
                continue
            start_at = i + len('"client_id":"')
            cid = text[start_at:text.index('"', start_at)]
            start = self.sent.get(cid)
            if start is not None:
                self.latencies.append(at - start)
                self.got += 1
                if self.got >= expected:
                    return


def bare_app():
    """The stack's own floor: a Starlette websocket room that broadcasts every ``send``, speaking
    just enough of the protocol (hello, resume → synced, message) for the same clients."""
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    sockets: set[WebSocket] = set()
    seq = 0

    async def room(ws: WebSocket) -> None:
        nonlocal seq
        await ws.accept()
        await ws.send_text(json.dumps({"type": "hello", "room": ROOM, "resume_expected": True}))
        sockets.add(ws)
        try:
            while True:
                frame = json.loads(await ws.receive_text())
                if frame.get("type") == "resume":
                    await ws.send_text(json.dumps({"type": "synced", "room": ROOM, "last_id": seq}))
                elif frame.get("type") == "send":
                    seq += 1
                    text = json.dumps({"type": "message", "id": seq, "seq": seq, "message_id": seq, "room": ROOM,
                                       "author": {"handle": "sender", "role": "member"}, "body": frame["body"],
                                       "body_html": f"<p>{frame['body']}</p>\n",
                                       "created_at": "2026-12-02T00:00:00.000Z", "client_id": frame["client_id"],
                                       "status": "visible", "session_id": None, "content_note": None},
                                      separators=(",", ":"))  # compact, as frames.py encodes
                    for other in list(sockets):
                        try:
                            await other.send_text(text)
                        except Exception:
                            sockets.discard(other)
        except WebSocketDisconnect:
            pass
        finally:
            sockets.discard(ws)

    async def ready(_request):
        return PlainTextResponse("ok")

    return Starlette(routes=[WebSocketRoute(f"/ws/rooms/{ROOM}", room), Route("/readyz", ready)])


class BareServer:
    """``bare_app`` under uvicorn with the websocket settings ``securebase serve`` uses."""

    def __init__(self) -> None:
        self.port = free_port()
        self.proc: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bench.fanout:bare_app", "--factory", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning", "--no-access-log", "--ws", "auto",
             "--ws-max-size", str(64 * 1024), "--ws-per-message-deflate", "false"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                import httpx
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except Exception:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the bare broadcast did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            self.proc.wait(10)


async def connect(server: LiveServer | BareServer, token: str, compression: bool) -> websockets.ClientConnection:
    ws = await websockets.connect(f"{server.ws_url}/ws/rooms/{ROOM}", additional_headers={
        "Authorization": f"Bearer {token}"}, compression="deflate" if compression else None,
        max_queue=None, open_timeout=60, ping_interval=None)
    await ws.recv()  # hello
    await ws.send(json.dumps({"type": "resume", "after": None}))
    while True:
        frame = json.loads(await ws.recv())
        if frame["type"] == "synced":
            return ws


async def run(server: LiveServer | BareServer, members: int, messages: int, rate: float, compression: bool,
              accounts: int) -> dict:
    bare = isinstance(server, BareServer)
    tokens = ["bare"] if bare else [register(server.url)["token"] for _ in range(min(accounts, members))]
    sent: dict[str, float] = {}
    latencies: list[float] = []
    gate = asyncio.Semaphore(50)

    async def one(i: int) -> Member:
        async with gate:
            return Member(await connect(server, tokens[i % len(tokens)], compression), sent, latencies)

    crowd = await asyncio.gather(*(one(i) for i in range(members)))
    sender = await connect(server, "bare" if bare else register(server.url)["token"], compression)
    await asyncio.sleep(1.5)  # let presence settle
    gc.collect()
    gc.freeze()  # keep this process's collector pauses out of the figures
    listeners = [asyncio.create_task(m.listen(messages)) for m in crowd]

    async def drain_sender() -> None:
        async for _ in sender:
            pass
    drain = asyncio.create_task(drain_sender())
    t0 = time.perf_counter()
    for k in range(messages):
        # Absolute schedule: a slow send does not push every later one back.
        delay = t0 + k / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        cid = f"bench-{k}"
        sent[cid] = time.perf_counter()
        await sender.send(json.dumps({"type": "send", "body": f"message {k} of the benchmark", "client_id": cid}))
    _done, pending = await asyncio.wait(listeners, timeout=60)
    t_end = time.perf_counter()
    rss, peak = rss_mb(server.proc.pid) if server.proc else (0.0, 0.0)
    for task in pending:
        task.cancel()
    drain.cancel()
    await asyncio.gather(*(m.ws.close() for m in crowd), sender.close(), return_exceptions=True)
    ms = [x * 1000 for x in latencies]
    return {
        "members": members, "messages": messages, "rate_per_s": rate, "compression": compression,
        "database": "postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
        "broker": "redis" if os.environ.get("REDIS_URL") else "in-process",
        "deliveries": len(ms), "expected": members * messages,
        "p50_ms": round(statistics.median(ms), 2) if ms else None,
        "p95_ms": round(percentile(ms, 0.95), 2) if ms else None,
        "p99_ms": round(percentile(ms, 0.99), 2) if ms else None,
        "max_ms": round(max(ms), 2) if ms else None,
        "deliveries_per_s": round(len(ms) / (t_end - t0), 1),
        "server_rss_mb": round(rss, 1), "server_peak_rss_mb": round(peak, 1),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", default="100,1000", help="comma-separated member counts (default 100,1000)")
    p.add_argument("--messages", type=int, default=200, help="K messages per run (default 200)")
    p.add_argument("--rate", type=float, default=20.0, help="messages per second (default 20)")
    p.add_argument("--accounts", type=int, default=20, help="accounts the members are spread over")
    p.add_argument("--no-compression", action="store_true", help="members don't negotiate permessage-deflate")
    p.add_argument("--no-bare", action="store_true", help="skip the bare Starlette broadcast baseline")
    args = p.parse_args()
    counts = [int(x) for x in args.members.split(",")]
    raise_open_files(2 * max(counts) + 256)  # the server inherits the limit: both ends of every socket
    env = {"SECUREBASE_CHAT_RATE": "1000000/minute", "SECUREBASE_LOG_LEVEL": "warning"}
    for url in ("DATABASE_URL", "REDIS_URL"):
        if os.environ.get(url):
            env[url] = os.environ[url]
    for members in counts:
        with tempfile.TemporaryDirectory(prefix="sb-bench-") as data:
            server = LiveServer(Path(data), env=env).start()
            try:
                result = asyncio.run(run(server, members, args.messages, args.rate, not args.no_compression,
                                         args.accounts))
            finally:
                server.stop()
        if not args.no_bare:
            bare = BareServer()
            try:
                base = asyncio.run(run(bare, members, args.messages, args.rate, not args.no_compression, 1))
            finally:
                bare.stop()
            result["bare"] = {k: base[k] for k in ("deliveries", "p50_ms", "p95_ms", "p99_ms", "max_ms",
                                                   "deliveries_per_s", "server_rss_mb")}
            if base["p99_ms"] and result["p99_ms"]:
                result["p99_ratio"] = round(result["p99_ms"] / base["p99_ms"], 2)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
