"""Headless Chromium: A reacts to B's chat message and B sees the count change live; the
@-autocomplete in the chat input works from the keyboard alone."""
from __future__ import annotations

import httpx
from playwright.async_api import expect

from tests.e2e.test_mod_browser import sign_in
from tests.support import register, unique

ROOM = "healing-together"


async def open_chat(browser, live_server, member):
    ctx, page = await sign_in(browser, live_server, member)
    await page.goto(f"{live_server.url}/rooms/{ROOM}")
    await expect(page.locator("#chat")).to_have_attribute("data-state", "live")  # socket open and synced
    return ctx, page


async def test_a_reacts_to_bs_chat_message_and_b_sees_it_live(browser, live_server) -> None:
    a, b = register(live_server.url), register(live_server.url)
    contexts = []
    try:
        ctx, page_b = await open_chat(browser, live_server, b)
        contexts.append(ctx)
        ctx, page_a = await open_chat(browser, live_server, a)
        contexts.append(ctx)
        text = f"Today is the anniversary {unique('m')}"
        await page_b.get_by_label("Message", exact=True).fill(text)
        await page_b.get_by_label("Message", exact=True).press("Enter")
        line_a = page_a.locator("li.chat-msg", has_text=text)
        await line_a.wait_for()
        support = line_a.get_by_role("button", name="sending support 0", exact=True)
        await expect(support).to_have_attribute("aria-pressed", "false")
        await support.focus()
        await page_a.keyboard.press("Enter")  # a real button: the keyboard works
        await expect(line_a.get_by_role("button", name="sending support 1", exact=True)).to_have_attribute("aria-pressed", "true")
        # B's page, never reloaded, shows the count.
        line_b = page_b.locator("li.chat-msg", has_text=text)
        await expect(line_b.get_by_role("button", name="sending support 1", exact=True)).to_be_visible()
        await expect(line_b.get_by_role("button", name="sending support 1", exact=True)).to_have_attribute("aria-pressed", "false")
        # B, the writer, can see who reacted.
        await line_b.get_by_role("button", name="Who reacted").click()
        await expect(line_b.locator(".reactors")).to_contain_text(a["handle"])
        # Taking it back goes live too.
        await line_a.get_by_role("button", name="sending support 1", exact=True).click()
        await expect(line_b.get_by_role("button", name="sending support 0", exact=True)).to_be_visible()
    finally:
        for ctx in contexts:
            await ctx.close()


async def test_autocomplete_from_the_keyboard(browser, live_server) -> None:
    stem = unique("ac")[:10].lower()
    first, second = register(live_server.url, handle=f"{stem}_one"), register(live_server.url, handle=f"{stem}_two")
    # "two" wrote in the room: suggested first.
    r = httpx.post(f"{live_server.url}/api/rooms/{ROOM}/messages", headers=second["headers"], json={"body": "hello all"})
    assert r.status_code == 201, r.text
    me = register(live_server.url)
    contexts = []
    try:
        ctx, page = await open_chat(browser, live_server, me)
        contexts.append(ctx)
        box = page.get_by_label("Message", exact=True)
        await box.focus()
        await page.keyboard.type(f"thinking of @{stem}")
        listbox = page.get_by_role("listbox", name="Members to mention")
        await expect(listbox.get_by_role("option")).to_have_count(2)
        options = listbox.get_by_role("option")
        await expect(options.nth(0)).to_have_text(f"@{second['handle']}")
        await expect(options.nth(0)).to_have_attribute("aria-selected", "true")
        await expect(box).to_have_attribute("aria-activedescendant", await options.nth(0).get_attribute("id"))
        await page.keyboard.press("ArrowDown")
        await expect(options.nth(1)).to_have_attribute("aria-selected", "true")
        await page.keyboard.press("Enter")  # picks, does not send
        await expect(box).to_have_value(f"thinking of @{first['handle']} ")
        await expect(listbox).to_be_hidden()
        # Escape closes without picking.
        await page.keyboard.type(f"and @{stem}")
        await expect(listbox.get_by_role("option")).to_have_count(2)
        await page.keyboard.press("Escape")
        await expect(listbox).to_be_hidden()
        await expect(box).to_have_value(f"thinking of @{first['handle']} and @{stem}")
        # Enter now sends; the mention links to the profile.
        await page.keyboard.press("Enter")
        line = page.locator("li.chat-msg", has_text="thinking of")
        await expect(line.locator("a.mention")).to_have_attribute("href", f"/u/{first['handle']}")
    finally:
        for ctx in contexts:
            await ctx.close()
