"""Two members chat live in headless Chromium; the server crashes and comes back; the pages catch up."""
from __future__ import annotations

import httpx
from playwright.async_api import Page, expect

from tests.support import LiveServer, register

ROOM = "avoidant-attachment"


async def open_room(browser, server: LiveServer, member: dict) -> tuple[object, Page, list[str]]:
    context = await browser.new_context()
    await context.add_cookies([{"name": "sb_session", "value": member["token"], "url": server.url}])
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    await page.goto(f"{server.url}/rooms/{ROOM}")
    await expect(page.locator("#chat")).to_have_attribute("data-state", "live")  # socket open and synced
    return context, page, errors


async def say(page: Page, text: str) -> None:
    box = page.get_by_label("Message", exact=True)
    await box.fill(text)
    await box.press("Enter")


def line(page: Page, text: str):
    return page.locator("#chat-log li.chat-msg", has_text=text)


async def test_two_members_chat_live_and_survive_a_server_restart(browser, make_server) -> None:
    server: LiveServer = make_server()
    a, b, c = register(server.url), register(server.url), register(server.url)
    ctx_a, page_a, errors_a = await open_room(browser, server, a)
    ctx_b, page_b, errors_b = await open_room(browser, server, b)
    try:
        await expect(page_a.locator("#chat-presence-count")).to_have_text("2")
        await say(page_a, "Is anyone else awake? **Couldn't sleep.**")
        await expect(line(page_b, "Is anyone else awake?")).to_have_count(1)
        await expect(line(page_b, "Couldn't sleep.").locator(".prose strong")).to_have_text("Couldn't sleep.")
        await say(page_b, "I'm here. <img src=x onerror=alert(1)>")
        await expect(line(page_a, "I'm here.")).to_have_count(1)
        assert await page_a.locator("#chat-log img").count() == 0
        # The composer is cleared once sent, and reports are one keyboard step away.
        assert await page_a.get_by_label("Message", exact=True).input_value() == ""
        await line(page_a, "I'm here.").get_by_role("button", name="Report message").focus()

        server.kill()  # a crash, not a clean shutdown
        await expect(page_a.locator("#chat")).to_have_attribute("data-state", "reconnecting")
        await expect(page_b.locator("#chat")).to_have_attribute("data-state", "reconnecting")
        await say(page_a, "typed while the server was down")  # kept in the page's outbox

        server.start()  # same port, same data
        # Someone else talks before the pages are back.
        with httpx.Client(base_url=server.url, headers=c["headers"]) as api:
            for i in range(3):
                r = api.post(f"/api/rooms/{ROOM}/messages", json={"body": f"meanwhile {i}", "client_id": f"mw-{i}"})
                assert r.status_code == 201, r.text

        for page in (page_a, page_b):
            await expect(page.locator("#chat")).to_have_attribute("data-state", "live", timeout=20_000)
            for i in range(3):
                await expect(line(page, f"meanwhile {i}")).to_have_count(1)
            await expect(line(page, "typed while the server was down")).to_have_count(1)
            # Nothing shown twice, and in the order it happened.
            texts = await page.locator("#chat-log li.chat-msg .prose").all_inner_texts()
            assert len(texts) == len(set(texts))
            order = [t for t in texts if t.startswith("meanwhile")]
            assert order == ["meanwhile 0", "meanwhile 1", "meanwhile 2"]
        assert not errors_a and not errors_b
    finally:
        await ctx_a.close()
        await ctx_b.close()
