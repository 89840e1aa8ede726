"""Read-path benchmark: the pages and API reads members open most, against a bare Starlette app.

    apt-get install wrk                         # the load generator (Debian's package)
    python bench/pages.py                       # SQLite, one and two workers, 3 s per endpoint
    python bench/pages.py --db both --duration 5 --connections 32
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python bench/pages.py --db postgres

Starts `securebase serve` on a fresh data folder (a fresh PostgreSQL database, dropped
after, with ``--db postgres``), fills it with realistic content — the seeded rooms (six),
200 threads across them, one thread of 50 replies, 30 members, the reply notifications
that follow — then, for each endpoint, runs wrk against the site and, right after, against
a bare Starlette app (same uvicorn settings and worker count) that serves the very bytes
the site answered, from memory. Everything listens on 127.0.0.1 only; each endpoint runs
``--duration`` seconds per side, so a whole run takes about a minute per configuration.

Endpoints: home signed out and signed in, a room page, the 50-reply thread page signed in,
``GET /api/threads/{id}``, ``GET /api/search``, ``/healthz`` (the floor). Prints one JSON
line per (database, workers): requests/s, p50 and p99 ms for the site and the bare app,
their ratio, and the page-weight check (each page's HTML under 30 KB, its CSS and JS
under 50 KB, uncompressed). Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tests.support import TEST_ENV, LiveServer, free_port, register  # noqa: E402

HTML_LIMIT, ASSET_LIMIT = 30 * 1024, 50 * 1024
THREADS, LONG_REPLIES, MEMBERS = 200, 50, 30
WRK_COOKIE_LUA = """
-- One session cookie (or bearer token) on every request: set by the benchmark.
wrk.headers["%s"] = "%s"
"""


# ---------------------------------------------------------------- content


def seed(base: str) -> dict:
    """Members, threads and replies through the public API (the writes are screened like any)."""
    members = [register(base) for _ in range(MEMBERS)]
    with httpx.Client(base_url=base, timeout=60) as c:
        rooms = [r["slug"] for r in c.get("/api/rooms").json()["rooms"]]
        threads: list[int] = []
        for i in range(THREADS):
            author = members[i % MEMBERS]
            r = c.post(f"/api/rooms/{rooms[i % len(rooms)]}/threads", headers=author["headers"], json={
                "title": f"Noticing the pull to check my phone ({i})",
                "body": "When they don't answer I start **rehearsing** the worst. What helps you "
                        "stay with the feeling instead of chasing reassurance? " * 2})
            assert r.status_code == 201, r.text
            threads.append(r.json()["id"])
            for k in range(i % 3):  # a few short replies here and there
                c.post(f"/api/threads/{threads[-1]}/posts", headers=members[(i + k + 1) % MEMBERS]["headers"],
                       json={"body": "Naming it out loud helps me. I write down what I'm afraid of."})
        long_thread = threads[0]
        for k in range(LONG_REPLIES):
            r = c.post(f"/api/threads/{long_thread}/posts", headers=members[1 + k % (MEMBERS - 1)]["headers"],
                       json={"body": f"Reply {k}: I notice it most in the evenings. Breathing first, then "
                                     "a walk, and *then* I decide whether to text. It gets easier."})
            assert r.status_code == 201, r.text
    return {"member": members[0], "room": rooms[0], "thread": long_thread}


def endpoints(content: dict) -> list[tuple[str, str, tuple[str, str] | None]]:
    """(name, path, header) — the header is the cookie or bearer token wrk sends."""
    token = content["member"]["token"]
    cookie = ("Cookie", f"sb_session={token}")
    bearer = ("Authorization", f"Bearer {token}")
    return [
        ("home_signed_out", "/", None),
        ("home_signed_in", "/", cookie),
        ("room_page", f"/rooms/{content['room']}", cookie),
        ("thread_page", f"/threads/{content['thread']}", cookie),
        ("thread_api", f"/api/threads/{content['thread']}", bearer),
        ("search_api", "/api/search?q=evenings", bearer),
        ("healthz", "/healthz", None),
    ]


# ---------------------------------------------------------------- page weight


ASSET_RE = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css)[^"]*)"')
IMPORT_RE = re.compile(r'''(?:import|from)\s*["']([^"']+\.js)["']''')


def page_weight(base: str, path: str, header: tuple[str, str] | None) -> dict:
    """A page's HTML size and the CSS and JS it loads (following ES module imports)."""
    headers = dict([header]) if header else {}
    with httpx.Client(base_url=base, timeout=30) as c:
        html = c.get(path, headers=headers).content
        seen: set[str] = set()
        todo = [urljoin(path, u) for u in ASSET_RE.findall(html.decode(errors="replace"))]
        assets = 0
        while todo:
            url = todo.pop()
            if url in seen or not url.startswith("/"):
                continue
            seen.add(url)
            body = c.get(url).content
            assets += len(body)
            if ".js" in url:
                todo.extend(urljoin(url, u) for u in IMPORT_RE.findall(body.decode(errors="replace")))
    return {"html_kb": round(len(html) / 1024, 1), "assets_kb": round(assets / 1024, 1),
            "ok": len(html) < HTML_LIMIT and assets < ASSET_LIMIT}


# ---------------------------------------------------------------- bare app


def capture(base: str, eps: list[tuple[str, str, tuple[str, str] | None]], out: Path) -> None:
    """Save each endpoint's status, content type and body for the bare app to replay."""
    bodies = {}
    with httpx.Client(base_url=base, timeout=30) as c:
        for _name, path, header in eps:
            r = c.get(path, headers=dict([header]) if header else {})
            bodies[path] = {"status": r.status_code, "type": r.headers.get("content-type", "text/plain"),
                            "body": r.text}
    out.write_text(json.dumps(bodies))


def bare_app():
    """A Starlette app answering each captured path with its captured bytes, from memory."""
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    bodies = json.loads(Path(os.environ["SB_BARE_BODIES"]).read_text())
    by_path = {p.partition("?")[0]: (b["status"], b["type"], b["body"].encode()) for p, b in bodies.items()}

    def endpoint(path: str):
        status, ctype, body = by_path[path]

        async def answer(_request):
            return Response(body, status_code=status, headers={"content-type": ctype})
        return answer

    return Starlette(routes=[Route(p, endpoint(p)) for p in by_path])


class BareServer:
    def __init__(self, bodies: Path, workers: int) -> None:
        self.port = free_port()
        env = {**os.environ, "SB_BARE_BODIES": str(bodies), "PYTHONPATH": str(ROOT)}
        # The same uvicorn protocol and keep-alive as `securebase serve`, so only the app differs.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "bench.pages:bare_app", "--factory", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers), "--log-level", "warning", "--no-access-log",
             "--http", "server.http_protocol:HeaderTimeoutProtocol", "--timeout-keep-alive", "5"],
            cwd=ROOT, env=env, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the bare app did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            self.proc.wait(10)


# ---------------------------------------------------------------- wrk


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    assert m, text
    return float(m.group(1)) * UNITS[m.group(2)]


def wrk(url: str, header: tuple[str, str] | None, seconds: float, connections: int, tmp: Path) -> dict:
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "5s"]
    if header:
        script = tmp / f"h{secrets.token_hex(3)}.lua"
        script.write_text(WRK_COOKIE_LUA % header)
        cmd += ["-s", str(script)]
    done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 30)
    out = done.stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if found is None:
        raise RuntimeError(f"wrk {url} gave no figures:\n{out}\n{done.stderr}")
    rps = float(found.group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": round(rps), "p50_ms": round(p50, 2), "p99_ms": round(p99, 2),
            **({"non_2xx": int(non2xx.group(1))} if non2xx else {}),
            **({"socket_errors": errors.group(0)} if errors else {})}


# ---------------------------------------------------------------- runs


async def _pg(url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1).rpartition("/")[0] + "/postgres")
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def run_config(db: str, workers_list: list[int], args: argparse.Namespace) -> None:
    env = {**{k: v for k, v in TEST_ENV.items() if k != "SECUREBASE_PUBLIC_READ"},
           "SECUREBASE_PUBLIC_READ": "1", "SECUREBASE_LOG_LEVEL": "warning"}
    pg_name = None
    if db == "postgres":
        base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        base_url = base_url.replace("postgresql://", "postgres://", 1)
        pg_name = f"sb_bench_{secrets.token_hex(4)}"
        asyncio.run(_pg(base_url, f'CREATE DATABASE "{pg_name}"'))
        env["DATABASE_URL"] = base_url.rpartition("/")[0] + "/" + pg_name
    else:
        env["DATABASE_URL"] = ""
    tmp = Path(tempfile.mkdtemp(prefix="sb-pages-"))
    site = Path(args.keep) if args.keep and db == "sqlite" else tmp / "site"
    try:
        saved = site / "bench-content.json"
        if saved.exists():  # --keep: the content seeded by an earlier run
            content = json.loads(saved.read_text())
        else:
            server = LiveServer(site, env=env).start(timeout=180)
            try:
                content = seed(server.url)
            finally:
                server.stop()
            saved.write_text(json.dumps(content))
        eps = endpoints(content)
        for workers in workers_list:
            server = LiveServer(site, env=env, workers=workers).start(timeout=180)
            try:
                time.sleep(1)
                bodies = tmp / "bodies.json"
                capture(server.url, eps, bodies)
                bare = BareServer(bodies, workers)
                try:
                    results = {}
                    for name, path, header in eps:
                        # Warm both (templates, caches, connections), then measure, alternating.
                        wrk(server.url + path, header, 1, args.connections, tmp)
                        wrk(bare.url + path, header, 1, args.connections, tmp)
                        app = wrk(server.url + path, header, args.duration, args.connections, tmp)
                        base = wrk(bare.url + path, header, args.duration, args.connections, tmp)
                        results[name] = {"app": app, "bare": base,
                                         "ratio": round(app["rps"] / base["rps"], 3) if base["rps"] else None}
                    weights = {name: page_weight(server.url, path, header)
                               for name, path, header in eps if not path.startswith(("/api/", "/healthz"))}
                finally:
                    bare.stop()
            finally:
                server.stop()
            print(json.dumps({"date": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), "database": db,
                              "workers": workers, "connections": args.connections, "seconds": args.duration,
                              "cores": os.cpu_count(), "endpoints": results, "page_weight": weights}),
                  flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if pg_name:
            asyncio.run(_pg(env["DATABASE_URL"], f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    p.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    p.add_argument("--duration", type=int, default=3, help="seconds of load per endpoint and side")
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--keep", metavar="DIR", help="SQLite only: keep the seeded site in DIR and reuse it next time")
    args = p.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    workers = [int(w) for w in args.workers.split(",")]
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        run_config(db, workers, args)


if __name__ == "__main__":
    main()
