"""Headless Chromium, signed out, on a members-only site: home is open; rooms and threads ask to sign in."""
from __future__ import annotations

import httpx

from tests.support import register


async def test_signed_out_visitor_is_sent_to_sign_in(browser, make_server) -> None:
    server = make_server(SECUREBASE_PUBLIC_READ="")
    member = register(server.url)
    thread = httpx.post(server.url + "/api/rooms/anxious-attachment/threads", headers=member["headers"],
                        json={"title": "Quiet evenings", "body": "My words for members only"}).json()
    context = await browser.new_context()
    page = await context.new_page()
    try:
        response = await page.goto(server.url + "/")
        assert response is not None and response.status == 200
        assert await page.get_by_role("link", name="Anxious attachment").is_visible()

        await page.get_by_role("link", name="Anxious attachment").click()
        await page.wait_for_url("**/signin?next=/rooms/anxious-attachment")
        assert await page.get_by_label("Handle").is_visible()

        await page.goto(f"{server.url}/threads/{thread['id']}")
        await page.wait_for_url(f"**/signin?next=/threads/{thread['id']}")
        assert "My words for members only" not in await page.content()
    finally:
        await context.close()
    # Signing in from there lands on the thread.
    context = await browser.new_context()
    page = await context.new_page()
    try:
        await page.goto(f"{server.url}/threads/{thread['id']}")
        await page.get_by_label("Handle").fill(member["handle"])
        await page.get_by_label("Password").fill(member["password"])
        await page.get_by_role("button", name="Sign in").click()
        await page.wait_for_url(f"{server.url}/threads/{thread['id']}")
        assert await page.get_by_text("My words for members only").is_visible()
    finally:
        await context.close()
