"""Headless Chromium: a reply reaches the thread's writer live (the nav count) and the
notification leads to the reply; quote-reply and the live preview from the keyboard."""
from __future__ import annotations

import httpx

from tests.e2e.test_mod_browser import sign_in
from tests.support import register, unique

ROOM = "self-reflection-mindfulness"


async def count_of(page) -> int:
    return int(await page.locator("#notification-count").get_attribute("data-notification-count") or 0)


async def test_reply_bumps_the_nav_count_live_and_leads_to_the_reply(browser, live_server) -> None:
    writer, replier = register(live_server.url), register(live_server.url)
    thread = httpx.post(f"{live_server.url}/api/rooms/{ROOM}/threads", headers=writer["headers"],
                        json={"title": unique("t"), "body": "Line one of my story.\n\nLine **two** of it."}).json()
    url = f"{live_server.url}/threads/{thread['id']}"
    contexts = []
    try:
        ctx, writer_page = await sign_in(browser, live_server, writer)
        contexts.append(ctx)
        await writer_page.wait_for_selector("body[data-site-socket=open]")
        assert await count_of(writer_page) == 0
        assert not await writer_page.locator("#notification-count").is_visible()

        ctx, page = await sign_in(browser, live_server, replier)
        contexts.append(ctx)
        await page.goto(url)
        # Quote from the keyboard: focus the button, press Enter; nothing selected = the whole post.
        quote = page.get_by_role("button", name=f"Quote {writer['handle']}'s post")
        await quote.focus()
        await page.keyboard.press("Enter")
        box = page.get_by_label("Your reply")
        value = await box.input_value()
        assert value.startswith(f"> @{writer['handle']} wrote:\n>\n> Line one of my story.")
        assert "> Line two of it." in value
        assert await page.evaluate("document.activeElement.id") == "body"
        await box.press("End")
        await page.keyboard.type("Thank you for writing this. **You are not alone.**")
        preview = page.locator("#reply-preview")
        await preview.locator("blockquote").wait_for()
        await preview.locator("strong", has_text="You are not alone.").wait_for()
        await page.get_by_role("button", name="Post reply").click()
        await page.wait_for_url(f"{url}#post-*")
        reply_id = page.url.rpartition("#post-")[2]

        # The writer's page, never reloaded, shows 1 unread.
        badge = writer_page.locator("#notification-count")
        await badge.wait_for(state="visible")
        assert await count_of(writer_page) == 1
        assert await badge.text_content() == "1 unread"
        await writer_page.locator("#site-notices").get_by_text("replied to your thread").wait_for()

        await writer_page.get_by_role("link", name="Notifications").click()
        await writer_page.wait_for_url(live_server.url + "/notifications")
        await writer_page.get_by_role("link", name="View the reply").click()
        await writer_page.wait_for_url(f"{url}#post-{reply_id}")
        target = writer_page.locator(f"#post-{reply_id}")
        await target.get_by_text("You are not alone.").wait_for()
        assert await target.is_visible()
        # Opening it marked it read.
        for _ in range(50):
            me = httpx.get(f"{live_server.url}/api/me", headers=writer["headers"]).json()
            if me["unread_notifications"] == 0:
                break
            await writer_page.wait_for_timeout(100)
        assert me["unread_notifications"] == 0
    finally:
        for ctx in contexts:
            await ctx.close()


async def test_quote_takes_the_selected_words_only(browser, live_server) -> None:
    writer, replier = register(live_server.url), register(live_server.url)
    thread = httpx.post(f"{live_server.url}/api/rooms/{ROOM}/threads", headers=writer["headers"],
                        json={"title": unique("t"), "body": "The first sentence. The part worth quoting."}).json()
    contexts = []
    try:
        ctx, page = await sign_in(browser, live_server, replier)
        contexts.append(ctx)
        await page.goto(f"{live_server.url}/threads/{thread['id']}")
        await page.evaluate("""() => {
            const p = document.querySelector("article.post .prose p");
            const text = p.firstChild;
            const start = text.data.indexOf("The part");
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, text.data.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
        }""")
        await page.get_by_role("button", name=f"Quote {writer['handle']}'s post").click()
        value = await page.get_by_label("Your reply").input_value()
        assert value == f"> @{writer['handle']} wrote:\n>\n> The part worth quoting.\n\n"
        await page.locator("#reply-preview blockquote", has_text="The part worth quoting.").wait_for()
    finally:
        for ctx in contexts:
            await ctx.close()
