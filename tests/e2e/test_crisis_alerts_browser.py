"""Headless Chromium: a crisis alert reaches a moderator on the home page; "I'm on it" reaches the writer."""
from __future__ import annotations

import httpx

from tests.e2e.test_accessibility import axe_path
from tests.e2e.test_mod_browser import sign_in
from tests.integration.test_crisis_alerts import IMMINENT, ROOM
from tests.support import register, set_role, unique


async def test_crisis_notice_on_any_page_badge_and_ack(browser, live_server) -> None:
    mod, writer = register(live_server.url), register(live_server.url)
    set_role(live_server, mod["handle"], "moderator")
    contexts = []
    try:
        ctx, staff_page = await sign_in(browser, live_server, mod, bypass_csp=True)  # for axe; the writer keeps CSP
        contexts.append(ctx)
        ctx, writer_page = await sign_in(browser, live_server, writer)
        contexts.append(ctx)
        for page in (staff_page, writer_page):
            await page.wait_for_selector("body[data-site-socket=open]")
        badge = staff_page.locator("#crisis-badge")
        before = int(await badge.get_attribute("data-count") or 0)

        r = httpx.post(f"{live_server.url}/api/rooms/{ROOM}/threads", headers=writer["headers"],
                       json={"title": unique("tonight"), "body": IMMINENT})
        assert r.status_code == 201 and r.json()["status"] == "held"

        # On the home page, not /mod: a live notice with a keyboard-reachable link and a dismiss button.
        notices = staff_page.locator("#site-notices")
        assert await notices.get_attribute("role") == "status"
        notice = notices.locator(".site-notice.crisis").last
        await notice.get_by_text("needs a moderator now").wait_for()
        link = notice.get_by_role("link", name="Open the item")
        href = await link.get_attribute("href")
        assert href is not None and href.startswith("/mod#item-")
        for _ in range(50):  # the badge refreshes from /api/mod/crisis (page CSP forbids wait_for_function)
            if int(await badge.get_attribute("data-count") or 0) > before:
                break
            await staff_page.wait_for_timeout(100)
        assert int(await badge.get_attribute("data-count") or 0) > before
        assert await badge.is_visible()
        assert "pills" not in await notices.inner_text()

        await staff_page.add_script_tag(path=axe_path())
        found = await staff_page.evaluate(
            """async () => (await axe.run(document.getElementById('site-notices'), {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id)""")
        assert found == []

        await notice.get_by_role("button", name="I'm on it").click()
        await notice.get_by_text(f"{mod['handle']} is on it").wait_for()
        await writer_page.get_by_text("A moderator is reading your post").wait_for()

        await notice.get_by_role("button", name="Dismiss this notice").click()
        assert await notices.locator(".site-notice.crisis").count() == 0
    finally:
        for ctx in contexts:
            await ctx.close()
