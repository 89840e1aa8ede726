"""Headless Chromium, crisis care end to end: the writer of an imminent post keeps the help and
sees where their post stands; a moderator on an ordinary page gets the badge and the notice,
says "I'm on it", checks in; the writer reads the check-in and can answer."""
from __future__ import annotations

import re

from tests.e2e.test_mod_browser import sign_in
from tests.support import register, set_role

ROOM = "anxious-attachment"
IMMINENT = "I have my dad's sleeping pills counted out and I'm taking all of them tonight."


async def test_writer_keeps_help_and_moderator_checks_in(browser, live_server) -> None:
    writer, mod = register(live_server.url), register(live_server.url)
    set_role(live_server, mod["handle"], "moderator")
    contexts = []
    try:
        # The moderator is on the home page, not /mod.
        mctx, mpage = await sign_in(browser, live_server, mod, viewport={"width": 390, "height": 844})
        contexts.append(mctx)
        await mpage.wait_for_selector("body[data-site-socket=open]")

        wctx, wpage = await sign_in(browser, live_server, writer, viewport={"width": 390, "height": 844},
                                    locale="en-US", extra_http_headers={"Accept-Language": "en-US"})
        contexts.append(wctx)
        await wpage.goto(f"{live_server.url}/rooms/{ROOM}")
        await wpage.get_by_label("Title").fill("Tonight")
        await wpage.get_by_label("What's on your mind?").fill(IMMINENT)
        await wpage.get_by_role("button", name="Post thread").click()
        panel = wpage.locator("section.help-panel")
        await panel.wait_for()
        assert await panel.get_by_role("link", name="Call 988", exact=True).get_attribute("href") == "tel:988"
        await wpage.get_by_role("link", name="Continue to your post").click()
        await wpage.wait_for_url(re.compile(r".*/threads/\d+"))
        # Still there after continuing: the help, and the state of the post.
        assert await wpage.locator("section.help-panel").is_visible()
        assert await wpage.get_by_role("link", name="Call 988", exact=True).count() >= 1
        state = wpage.locator(".care-box .care-state")
        assert "waiting for a moderator" in (await state.inner_text())
        thread_url = wpage.url

        # The moderator's badge and notice arrive live, on the home page.
        badge = mpage.locator("#crisis-badge")
        await badge.wait_for(state="visible")
        assert int(await badge.get_attribute("data-count")) >= 1
        notice = mpage.locator(".site-notice.crisis").last
        await notice.wait_for()
        assert "needs a moderator now" in await notice.inner_text()
        await notice.get_by_role("button", name="I'm on it").click()
        await notice.get_by_text("is on it").wait_for()

        # The writer's page says a moderator is reading it (on reload).
        await wpage.reload()
        assert "A moderator is reading your post now." in await wpage.locator(".care-box .care-state").inner_text()

        # The moderator checks in from the queue; check-in is offered first.
        await mpage.locator(".site-notice.crisis").last.get_by_role("link", name="Open the item").click()
        await mpage.wait_for_url(re.compile(r".*/mod#item-\d+"))
        item = mpage.locator(".queue-item.crisis", has_text="sleeping pills").first
        assert "is on it" in await item.inner_text()
        box = item.get_by_label(re.compile("Your message"))
        await box.fill("Hi, I'm one of the moderators. Are you safe right now? I'm here.")
        await item.get_by_role("button", name="Send check-in").click()
        await mpage.wait_for_url(re.compile(r".*/mod$"))

        # The writer is told at once, and reads it on their post.
        await wpage.goto(thread_url)
        await wpage.wait_for_selector("body[data-site-socket=open]")
        assert "A moderator wrote to you." in await wpage.locator(".care-box .care-state").inner_text()
        assert "Are you safe right now?" in await wpage.locator(".care-messages").inner_text()
        await wpage.get_by_label(re.compile("Answer the moderator")).fill("I'm scared but I'm still here.")
        await wpage.get_by_role("button", name="Send to the moderator").click()
        await wpage.wait_for_url(re.compile(r".*/care/\d+"))
        assert "I'm scared but I'm still here." in await wpage.locator(".care-messages").inner_text()
        assert await wpage.locator("section.help-panel").is_visible()
    finally:
        for ctx in contexts:
            await ctx.close()
