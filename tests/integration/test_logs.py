"""The server's output after a full session holds no secrets, addresses or member text.

A real server at log level info: cookie and API sign-ins, a thread, chat over
websockets (ticket, bearer header, the deprecated ?token=), a crisis message;
then the captured output is scanned.
"""
from __future__ import annotations

import asyncio
import json
import re
import time

import httpx
import pytest
import websockets

from tests.support import LiveServer, register, set_role, unique

pytestmark = pytest.mark.real_server  # websockets, several processes or the server's own output

ROOM = "anxious-attachment"
SECRET_BODY = "my neighbour Priscilla Vandermeer keeps the spare key under the blue pot"
CRISIS = "I want to kill myself tonight"
CHAT_BODY = "quiet evening here, the kettle sings and Wenceslas naps"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, server_env: dict[str, str], site_template):  # type: ignore[no-untyped-def]
    s = LiveServer(tmp_path_factory.mktemp("logs"), env=dict(server_env), log_level="info",
                   template=site_template).start()
    yield s
    s.stop()


def cookie_sign_in(server: LiveServer, handle: str, password: str) -> httpx.Client:
    c = httpx.Client(base_url=server.url, timeout=20)
    token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/signin").text).group(1)  # type: ignore[union-attr]
    r = c.post("/signin", data={"handle": handle, "password": password, "csrf_token": token})
    assert r.status_code == 303, r.text
    return c


async def chat(url: str, frames: list[dict], headers: dict | None = None) -> list[dict]:
    got: list[dict] = []
    async with websockets.connect(url, additional_headers=headers or {}, open_timeout=10) as ws:
        got.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        if got[0].get("room") and any(f["type"] == "send" for f in frames):
            # Join the stream first, so our own message is surely echoed (Redis subscribes async).
            await ws.send(json.dumps({"type": "resume", "after": None}))
            while got[-1].get("type") != "synced":
                got.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        for frame in frames:
            await ws.send(json.dumps(frame))
        deadline = time.monotonic() + 10
        # Wait for the echo of each body sent (the backfill may hold other tests' messages first).
        want = {f["body"] for f in frames if f["type"] == "send"}

        def seen() -> set:
            return {f.get("body") for f in got if f.get("type") in ("message", "error", "help")} | {
                f.get("client_id") for f in got if f.get("type") == "error"}

        while not want <= seen() and not any(f.get("type") == "error" for f in got) and time.monotonic() < deadline:
            got.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
    return got


def ticket(client: httpx.Client, **kwargs: object) -> str:
    r = client.post("/api/ws-ticket", **kwargs)  # type: ignore[arg-type]
    assert r.status_code == 201, r.text
    assert r.json()["expires_in"] <= 60
    return r.json()["ticket"]


async def test_full_session_leaves_no_secrets_in_the_log(server: LiveServer) -> None:
    member = register(server.url)
    browser_member = register(server.url)
    admin = register(server.url)
    set_role(server, admin["handle"], "admin")
    api = httpx.Client(base_url=server.url, timeout=20)
    r = api.post(f"/api/rooms/{ROOM}/threads", headers=member["headers"],
                 json={"title": "A quiet question", "body": SECRET_BODY})
    assert r.status_code == 201, r.text
    thread_id = r.json()["id"]
    assert api.get(f"/api/threads/{thread_id}", headers=member["headers"]).status_code == 200

    browser = cookie_sign_in(server, browser_member["handle"], browser_member["password"])
    assert browser.get(f"/threads/{thread_id}").status_code == 200
    assert browser.get(f"/u/{member['handle']}").status_code in (200, 404)
    session_cookie = browser.cookies["sb_session"]
    cookie_ticket = ticket(browser, headers={"X-CSRF-Token": browser.cookies["sb_csrf"]})
    api_ticket = ticket(api, headers=member["headers"])

    ws = f"{server.ws_url}/ws/rooms/{ROOM}"
    got = await chat(f"{ws}?ticket={cookie_ticket}",
                     [{"type": "send", "body": CHAT_BODY}])
    assert any(f.get("body") == CHAT_BODY for f in got)
    got = await chat(f"{ws}?ticket={api_ticket}", [{"type": "send", "body": CHAT_BODY + " too"}])
    assert got[0]["type"] == "hello"
    got = await chat(ws, [{"type": "send", "body": CRISIS}], headers=member["headers"])
    assert any(f.get("type") == "help" for f in got) or got[0]["type"] == "hello"
    got = await chat(f"{ws}?token={member['token']}&after=0", [{"type": "ping"}])  # deprecated, still works
    assert got[0]["type"] == "hello"
    # A spent ticket is refused; the refusal is logged without it.
    with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
        await chat(f"{ws}?ticket={api_ticket}", [{"type": "ping"}, {"type": "ping"}])
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    site = await chat(f"{server.ws_url}/ws/site?ticket={ticket(api, headers=admin['headers'])}", [])
    assert site[0]["staff"] is True
    r = api.get("/api/mod/queue", headers=admin["headers"])
    assert r.status_code == 200
    browser.close()
    api.close()

    time.sleep(0.5)  # let the log handlers flush
    assert server.log_path is not None
    out = server.log_path.read_text(errors="replace")
    secrets = {"member token": member["token"], "admin token": admin["token"], "session cookie": session_cookie,
               "password": member["password"], "cookie ticket": cookie_ticket, "api ticket": api_ticket,
               "post body": SECRET_BODY, "chat body": CHAT_BODY, "crisis text": CRISIS,
               "crisis fragment": "kill myself"}
    for name, value in secrets.items():
        assert value not in out, f"the {name} is in the server output"
    # The listen address is announced at start; any other 127.0.0.1 would be a client's.
    without_banner = out.replace(f"http://127.0.0.1:{server.port}", "")
    assert "127.0.0.1" not in without_banner, "a client address is in the server output"
    assert "?ticket=" not in out and "?token=" not in out and "after=" not in out
    # Our own access log is there, with route templates, not paths.
    assert "access method=GET route=/threads/{id} status=200" in out
    assert "access method=WS route=/ws/rooms/{slug} status=101" in out
    assert "access method=POST route=/api/ws-ticket status=201" in out
    assert f"/threads/{thread_id}" not in out and member["handle"] not in out
    assert unique() not in out  # sanity: the helper makes fresh names
