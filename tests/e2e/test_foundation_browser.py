"""A newcomer in headless Chromium: sign up, open the Anxious attachment room, start a thread, see it."""
from __future__ import annotations

from tests.support import unique


async def test_signup_and_start_thread(browser, live_server) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        await page.goto(live_server.url + "/")
        await page.get_by_role("link", name="Join", exact=True).click()
        handle = unique("Web")
        await page.get_by_label("Handle").fill(handle)
        await page.get_by_label("Password").fill("a calm long password")
        await page.get_by_role("button", name="Create account").click()
        # The recovery codes come first, shown once; then where the newcomer was going.
        await page.wait_for_url("**/recovery-codes?next=*")
        assert await page.get_by_role("list", name="Recovery codes").locator("li").count() == 10
        await page.get_by_role("link", name="I've saved them, continue").click()
        # Then the welcome: the guidelines to agree to (rooms to follow are a choice, none here).
        await page.wait_for_url("**/welcome?next=*")
        await page.get_by_label("I agree to the community guidelines").check()
        await page.get_by_role("button", name="Agree and continue").click()
        await page.wait_for_url(live_server.url + "/")
        assert await page.get_by_role("link", name=handle).is_visible()

        await page.get_by_role("link", name="Anxious attachment").click()
        await page.wait_for_url("**/rooms/anxious-attachment")
        await page.get_by_label("Title").fill("When they don't text back")
        await page.get_by_label("What's on your mind?").fill(
            "The silence feels **so loud**.\n\n- breathe\n- wait\n\n<script>window.pwned=1</script>")
        await page.get_by_role("button", name="Post thread").click()
        await page.wait_for_url("**/threads/*")

        assert await page.get_by_role("heading", name="When they don't text back").is_visible()
        strong = page.locator("article .prose strong")
        assert await strong.inner_text() == "so loud"
        assert await page.locator("article .prose li").count() == 2
        assert await page.evaluate("window.pwned === undefined")
        assert "<script>window.pwned=1</script>" in await page.locator("article .prose").inner_text()
        assert not errors
    finally:
        await context.close()
