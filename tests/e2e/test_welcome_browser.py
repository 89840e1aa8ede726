"""A newcomer in headless Chromium: sign up, save the codes, agree to the guidelines, pick rooms
(by keyboard), and find them first on the home page; an unfollowed room's page offers to follow."""
from __future__ import annotations

from tests.support import unique


async def test_new_member_agrees_picks_rooms_and_sees_them_first(browser, live_server) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        await page.goto(live_server.url + "/signup")
        handle = unique("New")
        await page.get_by_label("Handle").fill(handle)
        await page.get_by_label("Password").fill("a calm long password")
        await page.get_by_role("button", name="Create account").click()
        await page.wait_for_url("**/recovery-codes?next=*")
        await page.get_by_role("link", name="I've saved them, continue").click()
        await page.wait_for_url("**/welcome?next=*")

        assert await page.get_by_role("heading", name="Peer support, not a crisis service").is_visible()
        assert await page.get_by_role("heading", name="Community guidelines").is_visible()
        assert await page.locator("main a[href='/help']").count() >= 1
        # Without agreeing, the form says what is missing, beside the box.
        await page.get_by_role("button", name="Agree and continue").click()
        await page.wait_for_selector("#agree-error")
        assert "Please tick" in await page.locator("#agree-error").inner_text()
        # By keyboard: focus a room's box and press space; tick the agreement; submit with Enter.
        await page.get_by_label("Healing together").focus()
        await page.keyboard.press("Space")
        await page.get_by_label("Avoidant attachment").check()
        await page.get_by_label("I agree to the community guidelines").check()
        await page.get_by_role("button", name="Agree and continue").focus()
        await page.keyboard.press("Enter")
        await page.wait_for_url(live_server.url + "/")

        yours = page.get_by_role("list", name="Your rooms")
        names = await yours.get_by_role("link").all_inner_texts()
        assert sorted(names) == ["Avoidant attachment", "Healing together"]
        # Followed rooms come before every other room on the page.
        html = await page.content()
        assert html.index("/rooms/healing-together") < html.index("/rooms/anxious-attachment")

        # A room they don't follow offers to follow it; following puts it with theirs.
        await page.goto(live_server.url + "/rooms/anxious-attachment")
        await page.get_by_role("button", name="Follow this room").click()
        await page.wait_for_url("**/rooms/anxious-attachment")
        assert await page.get_by_role("button", name="Unfollow this room").is_visible()
        await page.goto(live_server.url + "/")
        names = await page.get_by_role("list", name="Your rooms").get_by_role("link").all_inner_texts()
        assert "Anxious attachment" in names
        # And now they can post.
        await page.goto(live_server.url + "/rooms/anxious-attachment")
        assert await page.get_by_role("button", name="Post thread").is_visible()
        assert not errors
    finally:
        await context.close()
