"""axe-core finds no WCAG A/AA violations on the main pages, for a visitor and a signed-in member."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_BROWSER
from tests.support import ROOT, register, set_role

AXE_CANDIDATES = [os.environ.get("AXE_CORE_JS", ""), str(ROOT / "node_modules/axe-core/axe.min.js")]


def axe_path() -> str:
    for candidate in AXE_CANDIDATES:
        if candidate and Path(candidate).exists():
            return candidate
    if REQUIRE_BROWSER:
        pytest.fail("axe-core is required in this run: use the README's test command, which installs it")
    pytest.skip("needs axe-core: use the README's test command (npm install --prefix . --no-save axe-core@4)")


async def violations(page, url: str, axe: str) -> list[str]:
    await page.goto(url)
    await page.add_script_tag(path=axe)
    found = await page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
              .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    return found


async def test_pages_have_no_axe_violations(browser, live_server) -> None:
    axe = axe_path()
    member = register(live_server.url)
    set_role(live_server, member["handle"], "admin")  # sees every page, /mod and admin links included
    r = __import__("httpx").post(live_server.url + "/api/rooms/healing-together/threads", headers=member["headers"],
                                 json={"title": "A11y thread", "body": "Some *text* and a [link](https://example.org)."})
    thread_url = f"/threads/{r.json()['id']}"
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 900}):
        context = await browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe only
        page = await context.new_page()
        try:
            for path in ["/", "/rooms/anxious-attachment", thread_url, "/signup", "/signin", "/recover", "/help",
                         "/nope"]:
                assert await violations(page, live_server.url + path, axe) == [], (viewport, path)
            await page.goto(live_server.url + "/signin")
            await page.get_by_label("Handle").fill(member["handle"])
            await page.get_by_label("Password").fill(member["password"])
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url(live_server.url + "/")
            for path in ["/", "/rooms/anxious-attachment", thread_url, "/settings", "/recovery-codes",
                         f"/u/{member['handle']}", "/notifications", "/mod", "/welcome", "/settings/notifications"]:
                assert await violations(page, live_server.url + path, axe) == [], (viewport, path)
        finally:
            await context.close()
