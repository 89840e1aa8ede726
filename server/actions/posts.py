"""Threads and replies: create, edit, delete. Every text goes through screening."""
from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from moderation import Decision
from server import access, search
from server.actions import screening
from server.actions.context import Services
from server.actions.members import has_blocked
from server.actions.mentions import notify_mentions, render
from server.actions.notifications import notify_reply
from server.auth import Viewer, can_edit_post, require_active, require_agreed, utcnow
from server.errors import Forbidden, Invalid, NotFound
from server.events import EventBuffer
from server.models.moderation import QueueItem
from server.models.posts import Post, PostRevision, Thread
from server.models.rooms import Room
from server.validation import MAX_BODY, MAX_TITLE, clean_text, content_note, one_line

# What a thread's title becomes when its writer deletes their account (the title can name someone).
DELETED_TITLE = "[deleted]"


@dataclass
class Written:
    """What a write produced, and what the writer must be shown."""

    post: Post
    thread: Thread
    decision: Decision


def reject_if_refused(decision: Decision) -> None:
    if decision.action == "reject":
        reason = " ".join(decision.reasons) or "That can't be posted here."
        raise Invalid(reason, code="rejected", field="body")


async def check_can_write_in(svc: Services, viewer: Viewer, room: Room) -> None:
    user = require_agreed(require_active(viewer))
    if room.archived:
        raise Forbidden("This room is archived: it can be read but not written in.", code="room_archived")
    mute = await screening.active_sanction(user, "mute", room)
    if mute is not None:
        raise Forbidden("You are muted in this room for now.", code="muted")
    await svc.limiter.check(svc.settings.post_rate, f"post:{user.id}",
                            message="You're posting very quickly. Please wait a moment.")


async def _first_in_room(user_id: int, room: Room) -> bool:
    return not await Post.filter(author_id=user_id, thread__room_id=room.id).exists()


def _escalate_after(svc: Services) -> float:
    return svc.settings.crisis_escalate_after


async def do_create_thread(svc: Services, viewer: Viewer, room: Room, *, title: object,
                           body: object, note: object = None) -> Written:
    title_text = one_line(clean_text(title, "title", max_len=MAX_TITLE))
    body_text = clean_text(body, "body", max_len=MAX_BODY)
    member_note = content_note(note)
    await check_can_write_in(svc, viewer, room)
    user = viewer.user
    assert user is not None
    # One review of title and body together (a crisis can be in either); the
    # title is one line, so the censored text splits back at the first blank line.
    decision = await screening.screen(user, room, f"{title_text}\n\n{body_text}",
                                      first_in_room=await _first_in_room(user.id, room))
    reject_if_refused(decision)
    stored_title, _, stored_body = decision.text.partition("\n\n")
    events = EventBuffer()
    status = screening.status_for(decision)
    async with in_transaction():
        thread = await Thread.create(room=room, author=user, title=stored_title, status=status)
        post = await Post.create(thread=thread, author=user, is_first=True, body=stored_body,
                                 body_html=await render(stored_body), status=status,
                                 content_note=screening.content_note_for(decision, member_note))
        await screening.enqueue(decision, target_type="post", target_id=post.id, room=room,
                                author=user, events=events, escalate_after=_escalate_after(svc))
        await search.sync_posts([post.id])
        await notify_mentions(post, user, events, room=room, thread=thread)  # held: on approval
    await events.flush(svc.broker)
    return Written(post, thread, decision)


async def do_reply(svc: Services, viewer: Viewer, thread: Thread, *, body: object,
                   note: object = None) -> Written:
    body_text = clean_text(body, "body", max_len=MAX_BODY)
    member_note = content_note(note)
    room = await thread.room
    await check_can_write_in(svc, viewer, room)
    if thread.status in ("removed", "deleted"):
        raise Forbidden("This thread is closed to replies.", code="thread_closed")
    user = viewer.user
    assert user is not None
    if await has_blocked(thread.author_id, user.id):
        # Neutral on purpose: it doesn't say who blocked whom.
        raise Forbidden("You can't reply in this thread.", code="cannot_reply")
    decision = await screening.screen(user, room, body_text,
                                      first_in_room=await _first_in_room(user.id, room))
    reject_if_refused(decision)
    events = EventBuffer()
    status = screening.status_for(decision)
    async with in_transaction():
        post = await Post.create(thread=thread, author=user, body=decision.text,
                                 body_html=await render(decision.text), status=status,
                                 content_note=screening.content_note_for(decision, member_note))
        if status == "visible":
            await Thread.filter(id=thread.id).update(last_activity_at=utcnow())
        await screening.enqueue(decision, target_type="post", target_id=post.id, room=room,
                                author=user, events=events, escalate_after=_escalate_after(svc))
        await search.sync_posts([post.id])
        await notify_reply(post, thread, user, events)  # a held reply waits for its approval
        await notify_mentions(post, user, events, room=room, thread=thread)
    await events.flush(svc.broker)
    await thread.refresh_from_db()
    return Written(post, thread, decision)


async def access_own_post(viewer: Viewer, post_id: int) -> Post:
    """Fetch a post the viewer may change. Others' posts are 403, missing ones 404."""
    post = await Post.get_or_none(id=post_id).prefetch_related("thread", "thread__room", "author")
    # What the viewer can't read in full is missing for them; deleted posts are gone for edits.
    if post is None or post.status == "deleted" or access.show(access.Kind.POST, post, viewer) is not access.Shown.FULL:
        raise NotFound("We couldn't find that post.")
    require_active(viewer)
    if not can_edit_post(viewer, post.author_id):
        raise Forbidden("You can only change your own posts.", code="not_author")
    return post


async def do_edit_post(svc: Services, viewer: Viewer, post: Post, *, body: object,
                       title: object = None, note: object = None) -> Written:
    """Edit a post. ``note`` None keeps the content note; "" removes the writer's own one
    (a note moderation added to crisis content stays)."""
    body_text = clean_text(body, "body", max_len=MAX_BODY)
    member_note = content_note(note) if note is not None else post.content_note
    title_text = one_line(clean_text(title, "title", max_len=MAX_TITLE)) if title is not None else None
    if title_text is not None and not post.is_first:
        raise Invalid("Only a thread's first post has a title.", code="unknown_field", field="title")
    if post.status == "removed":
        raise Forbidden("A moderator removed this post; it can't be edited.", code="post_removed")
    thread: Thread = post.thread
    room: Room = thread.room
    await check_can_write_in(svc, viewer, room)
    user = viewer.user
    assert user is not None
    text = f"{title_text}\n\n{body_text}" if title_text is not None else body_text
    decision = await screening.screen(user, room, text)
    reject_if_refused(decision)
    if title_text is not None:
        title_text, _, new_body = decision.text.partition("\n\n")
    else:
        new_body = decision.text
    events = EventBuffer()
    async with in_transaction():
        await PostRevision.create(post=post, body=post.body)
        post.body = new_body
        post.body_html = await render(new_body)
        post.edited_at = utcnow()
        post.content_note = screening.content_note_for(decision, member_note)
        if decision.action == "hold" and post.status == "visible":
            post.status = "held"
        await post.save()
        if title_text is not None:
            thread.title = title_text
            await thread.save(update_fields=["title"])
        if post.is_first and post.status == "held" and thread.status == "visible":
            thread.status = "held"
            await thread.save(update_fields=["status"])
        await screening.enqueue(decision, target_type="post", target_id=post.id, room=room,
                                author=user, events=events, escalate_after=_escalate_after(svc))
        await search.sync_posts([post.id])
        await notify_mentions(post, user, events, room=room, thread=thread)  # members newly named
    await events.flush(svc.broker)
    return Written(post, thread, decision)


async def do_set_content_note(post: Post, note: object) -> Post:
    """The writer adds (or changes) a content note on their own post, e.g. after the offer."""
    post.content_note = content_note(note)
    await post.save(update_fields=["content_note"])
    return post


async def do_delete_post(post: Post) -> Post:
    """The author deletes a post: shown as deleted; the text is kept for moderators only."""
    async with in_transaction():
        post.status = "deleted"
        await post.save(update_fields=["status"])
        thread: Thread = post.thread
        if post.is_first:
            thread.status = "deleted"
            await thread.save(update_fields=["status"])
        await resolve_open_items("post", [post.id])
        await search.sync_posts([post.id])
    return post


async def resolve_open_items(target_type: str, target_ids: list[int]) -> None:
    """Close the queue items on content its writer deleted, so no later decision can
    publish it. Call inside a transaction."""
    if target_ids:
        await QueueItem.filter(target_type=target_type, target_id__in=target_ids, state="open").update(
            state="resolved", resolution="deleted", resolved_at=utcnow())
