"""Headless Chromium: a member reports a post; a moderator removes it from /mod; the author sees why."""
from __future__ import annotations

import httpx

from tests.e2e.test_accessibility import axe_path, violations
from tests.support import register, set_role


async def sign_in(browser, server, member, **options):
    context = await browser.new_context(**options)
    page = await context.new_page()
    await page.goto(server.url + "/signin")
    await page.get_by_label("Handle").fill(member["handle"])
    await page.get_by_label("Password").fill(member["password"])
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(server.url + "/")
    return context, page


async def test_report_remove_author_sees_reason(browser, live_server) -> None:
    author, reporter, mod = (register(live_server.url) for _ in range(3))
    set_role(live_server, mod["handle"], "moderator")
    thread = httpx.post(live_server.url + "/api/rooms/avoidant-attachment/threads", headers=author["headers"],
                        json={"title": "Mean words", "body": "Something hurtful about another member"}).json()
    url = f"{live_server.url}/threads/{thread['id']}"
    contexts = []
    try:
        ctx, page = await sign_in(browser, live_server, reporter)
        contexts.append(ctx)
        await page.goto(url)
        await page.get_by_text("Report", exact=True).click()
        await page.get_by_label("What's wrong?").select_option("harassment")
        await page.get_by_label("Anything the moderators should know?").fill("Targets someone")
        await page.get_by_role("button", name="Send report").click()
        assert await page.get_by_role("heading", name="Thank you for reporting").is_visible()

        ctx, page = await sign_in(browser, live_server, mod)
        contexts.append(ctx)
        await page.goto(live_server.url + "/mod")
        # The queue announces new items live (crisis ones loudly) without a reload.
        await page.wait_for_selector("body[data-mod-socket=open]")
        crisis = httpx.post(live_server.url + "/api/rooms/avoidant-attachment/threads", headers=author["headers"],
                            json={"title": "Tonight", "body": "I want to end my life tonight"}).json()
        assert crisis["status"] == "held"
        live = page.locator("#mod-live")
        await live.get_by_text("A crisis item just arrived").wait_for()
        assert await live.get_attribute("aria-live") == "polite"
        item = page.locator(".queue-item", has_text="Something hurtful about another member")
        assert await item.count() == 1
        assert "Targets someone" in await item.inner_text()
        await item.get_by_label("Decision").select_option("remove")
        await item.get_by_label("Reason (the author sees it)").fill("Please speak about your own experience.")
        await item.get_by_role("button", name="Decide", exact=True).click()
        await page.wait_for_url(live_server.url + "/mod")
        assert await page.locator(".queue-item", has_text="Something hurtful about another member").count() == 0

        ctx, page = await sign_in(browser, live_server, author)
        contexts.append(ctx)
        await page.goto(url)
        notice = page.locator("article .notice").first
        assert "Please speak about your own experience." in await notice.inner_text()
        await page.goto(live_server.url + "/notifications")
        assert await page.get_by_text("was removed by a moderator: Please speak about your own experience.").is_visible()
    finally:
        for ctx in contexts:
            await ctx.close()


async def test_moderation_pages_have_no_axe_violations(browser, live_server) -> None:
    axe = axe_path()
    admin, author, reporter = (register(live_server.url) for _ in range(3))
    set_role(live_server, admin["handle"], "admin")
    thread = httpx.post(live_server.url + "/api/rooms/healing-together/threads", headers=author["headers"],
                        json={"title": "Axe", "body": "Reported words with a [link](https://example.org)"}).json()
    httpx.post(live_server.url + "/api/reports", headers=reporter["headers"],
               json={"target_type": "post", "target_id": thread["post_id"], "reason": "other", "note": "hmm"})
    context, page = await sign_in(browser, live_server, admin, viewport={"width": 390, "height": 844},
                                  bypass_csp=True)  # to inject axe only
    try:
        for path in ["/mod", "/mod/audit", "/mod/audit?action=remove", "/notifications", "/help?country=NZ"]:
            assert await violations(page, live_server.url + path, axe) == [], path
    finally:
        await context.close()
