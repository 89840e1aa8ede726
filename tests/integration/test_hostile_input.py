"""Hostile values in every path, query and body field: never a 5xx, never unsafe stored HTML.

The table is generated: JSON operations and their body fields come from the
running server's ``/openapi.json``; page routes, their form fields and query
parameters come from the app's routes (the names each view reads). Values are
a fixed set of known troublemakers plus a seeded sample of tests/data/naughty.json
and tests/data/xss.txt, so a run is repeatable and stays well under a minute.
"""
from __future__ import annotations

import inspect
import json
import random
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.support import Site, register, set_role, unique

DATA = Path(__file__).resolve().parents[1] / "data"
NAUGHTY: list[str] = json.loads((DATA / "naughty.json").read_text("utf-8"))
XSS = [line for line in (DATA / "xss.txt").read_text("utf-8").splitlines() if line.strip()]

SPECIALS: list[Any] = [
    "²", "１２", "٣", "9" * 30, str(2**63), str(2**31), "-1", "0", "1\n", " 1", "1.5", "1e3", "0x10",
    "İ" * 40, "a" * 5000, "\x00", "%00", "../../etc/passwd", "room\n", "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00", 2**63, 2**31, -1, 1.5, True, None, [], {}, ["²"], [2**63],
]
QUERY_NAMES = ("cursor", "limit", "after", "room", "target_id", "target_type", "actor", "action", "country",
               "next", "token")
# Flows whose success would disturb the shared server for other tests (sign out, delete the account).
SKIP = {("post", "/api/auth/logout"), ("post", "/signout"), ("post", "/settings/delete")}
# Creating rooms with hostile names would leave extra rooms for other tests to trip on; the same
# fields are parsed by PATCH /api/rooms/{slug}, which runs on this test's own room.
SKIP_FIELDS = {("post", "/api/rooms"): {"name", "description", "guidelines"}}
# Markup that would run: a script that isn't ours, an event handler or a javascript: URL inside a real tag
# (escaped text such as "&lt;img onerror=...&gt;" is safe and does not match).
class _UnsafeMarkup(HTMLParser):
    """What a browser would run, read the way a browser reads the page: a script that is not
    ours, an event-handler attribute, a javascript: URL. Parsing (not a regex over the text)
    so that an attribute *value* that merely contains the words, safely escaped, such as an
    input's value="x &#34; onerror=...", is not mistaken for an attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and not (values.get("src") or "").startswith("/static/"):
            self.found.append(f"<script {attrs}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and \
                    (value or "").strip().lower().replace("\t", "").replace("\n", "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def unsafe_markup(html: str) -> list[str]:
    parser = _UnsafeMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


def hostile_values(seed: str, naughty: int = 20, xss: int = 10) -> list[Any]:
    rng = random.Random(seed)
    return SPECIALS + rng.sample(NAUGHTY, naughty) + rng.sample(XSS, xss)


def page_inputs(endpoint: Any) -> tuple[set[str], set[str]]:
    """(form fields, query parameters) a page view reads, found in its source."""
    try:
        source = inspect.getsource(endpoint)
    except (OSError, TypeError):
        return set(), set()
    form = set(re.findall(r"form\.get\(\s*[\"'](\w+)", source)) | set(re.findall(r"form\[[\"'](\w+)", source))
    query = set(re.findall(r"query_params\.get\(\s*[\"'](\w+)", source))
    return form, query


@pytest.fixture(scope="module")
def world(server: Site) -> dict[str, Any]:
    member = register(server.url)
    other = register(server.url)
    staff = register(server.url)
    set_role(server, staff["handle"], "admin")
    slug = f"hostile-{unique('r')[2:]}"
    with server.client(timeout=30) as c:
        r = c.post("/api/rooms", json={"slug": slug, "name": "Hostile input room"}, headers=staff["headers"])
        assert r.status_code == 201, r.text
        r = c.post(f"/api/rooms/{slug}/threads", json={"title": "A thread", "body": "First post"},
                   headers=member["headers"])
        assert r.status_code == 201, r.text
        thread = r.json()
    start = datetime.now(UTC) + timedelta(days=1)
    return {"member": member, "other": other, "staff": staff, "slug": slug, "thread": thread,
            "path": {"slug": slug, "id": str(thread["id"]), "handle": other["handle"], "kind": "support"},
            "body": {"handle": unique(), "password": "a calm long password", "title": "A title",
                     "body": "A body", "slug": f"h-{unique('s')[2:]}", "name": "", "facilitator": staff["handle"],
                     "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=1)).isoformat(),
                     "target_type": "post", "target_id": thread["id"], "reason": "spam", "action": "not-an-action",
                     "ids": [], "word": "x", "note": "a note"}}


def _default(name: str, kind: str, world: dict[str, Any]) -> Any:
    if name in world["body"]:
        return world["body"][name]
    return {"integer": 1, "boolean": False, "array": []}.get(kind, "x")


def _cases(doc: dict[str, Any], world: dict[str, Any], app_routes: list[Any]) -> list[dict[str, Any]]:
    """Every (request, field, value) to send: one field hostile, the rest valid."""
    cases: list[dict[str, Any]] = []
    for path, ops in doc["paths"].items():
        params = re.findall(r"{(\w+)}", path)
        for method, op in ops.items():
            if (method, path) in SKIP:
                continue
            who = "staff" if re.match(r"/api/(mod|admin)|/api/rooms$", path) else "member"
            schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            props = schema.get("properties", {})
            base_body = {n: _default(n, p["type"], world) for n, p in props.items()
                         if n in schema.get("required", []) or n in world["body"]}
            cases.append({"method": method, "path": path, "params": params, "body": base_body, "who": who,
                          "fields": [("path", p) for p in params] + [("json", n) for n in props
                                                                     if n not in SKIP_FIELDS.get((method, path), ())]
                          + ([("query", "*")] if method == "get" else [])})
    for route in app_routes:
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", None) or set()
        if path.startswith(("/api/", "/ws/")) or not methods:
            continue
        params = re.findall(r"{(\w+)}", path)
        form, query = page_inputs(route.endpoint)
        for method in ("get", "post"):
            if method.upper() not in methods or (method, path) in SKIP:
                continue
            fields = [("path", p) for p in params]
            fields += [("query", "*")] if method == "get" or query else []
            fields += [("form", f) for f in sorted(form)] if method == "post" else []
            who = "staff" if path.startswith(("/mod", "/admin")) else "member"
            cases.append({"method": method, "path": path, "params": params, "who": who, "fields": fields,
                          "body": {f: "x" for f in form}, "query_names": query})
    return cases


def _send(client: httpx.Client, case: dict[str, Any], where: str, name: str, value: Any,
          world: dict[str, Any], who: str) -> tuple[str, int, str]:
    path_values = dict(world["path"])
    text = value if isinstance(value, str) else json.dumps(value)
    if where == "path":
        path_values[name] = text
    url = case["path"]
    for p in case["params"]:
        url = url.replace("{" + p + "}", quote(path_values[p], safe=""))
    headers = dict(world[who]["headers"])
    query: dict[str, str] = {}
    if where == "query":
        query = {q: text for q in (*QUERY_NAMES, *case.get("query_names", ()))}
    kwargs: dict[str, Any] = {"params": query, "headers": headers}
    if case["path"].startswith("/api/"):
        if case["method"] in ("post", "patch", "put", "delete") and (case["body"] or where == "json"):
            body = dict(case["body"])
            if where == "json":
                body[name] = value
            kwargs["json"] = body
    elif case["method"] == "post":
        form = dict(case["body"])
        if where == "form":
            form[name] = text
        kwargs["data"] = form
    try:
        r = client.request(case["method"].upper(), url, **kwargs)
    except httpx.InvalidURL:
        return url, 0, ""
    return f"{who} {case['method'].upper()} {url} {where}:{name}={text[:40]!r}", r.status_code, r.text[:300]


def test_no_server_error_on_hostile_input(server: Site, world: dict[str, Any]) -> None:
    from server.views import routes

    with server.client(timeout=30) as c:
        doc = c.get("/openapi.json").json()
    cases = _cases(doc, world, routes())
    assert len(cases) > 60  # the table really covers the API and the pages
    jobs = []
    for case in cases:
        for where, name in case["fields"]:
            values = hostile_values(f"{case['method']} {case['path']} {name}")
            whos = ["member", "staff"] if where in ("path", "query") else [case["who"]]
            jobs += [(case, where, name, v, who) for v in values for who in whos]
    failures: list[str] = []
    print(f"{len(cases)} operations, {len(jobs)} requests")

    def run(batch: list[tuple]) -> list[str]:
        out = []
        with server.client(timeout=30) as c:
            for case, where, name, value, who in batch:
                what, status, text = _send(c, case, where, name, value, world, who)
                if status >= 500:
                    out.append(f"{status} {what}: {text}")
        return out

    batches = [jobs[i::8] for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        for result in pool.map(run, batches):
            failures += result
    assert not failures, f"{len(failures)} server errors of {len(jobs)} requests:\n" + "\n".join(failures[:30])


def test_nothing_stored_renders_unsafe_html(server: Site, world: dict[str, Any]) -> None:
    """Store the XSS sample through every text field members and staff write, then read the pages back."""
    member, staff, slug, thread = world["member"], world["staff"], world["slug"], world["thread"]
    payloads = hostile_values("stored", naughty=10, xss=40)[-50:]
    with server.client(timeout=30) as c:
        for p in payloads:
            if not isinstance(p, str):
                continue
            c.post(f"/api/threads/{thread['id']}/posts", json={"body": p, "content_note": p[:60]},
                   headers=member["headers"])
            c.post(f"/api/rooms/{slug}/threads", json={"title": p[:200], "body": p}, headers=member["headers"])
            c.post(f"/api/rooms/{slug}/messages", json={"body": p[:4000]}, headers=member["headers"])
        c.patch("/api/me", json={"bio": payloads[-1]}, headers=member["headers"])
        c.patch(f"/api/rooms/{slug}", json={"description": payloads[-2], "guidelines": payloads[-3]},
                headers=staff["headers"])
        pages = ["/", f"/rooms/{slug}", f"/threads/{thread['id']}", f"/u/{member['handle']}", "/notifications",
                 "/settings", "/help"]
        threads = c.get(f"/api/rooms/{slug}/threads", params={"limit": 100}).json()["threads"]
        pages += [f"/threads/{t['id']}" for t in threads[:10]]
        seen = 0
        for who, extra in (("member", []), ("staff", ["/mod", "/mod/audit", "/admin/rooms", f"/admin/rooms/{slug}"])):
            for page in pages + extra:
                r = c.get(page, headers=world[who]["headers"])
                assert r.status_code < 500, (page, r.text[:300])
                if "text/html" in r.headers.get("content-type", ""):
                    seen += 1
                    assert unsafe_markup(r.text) == [], (who, page)
        assert seen >= 10
