"""Download my data: gather what one member wrote and chose, and nothing of anyone else's.

Only rows the member authored or owns are read (their threads, posts and earlier versions,
chat messages, reactions, answers to check-ins, reports they made, RSVPs, rooms they follow,
threads they read, notifications and their settings, blocks and account settings). What surrounds
them is named only as far as any member may read it:
a room's name, a thread's title as a plain member sees it (``server.access``), a session's
title. Never who moderated, what was reported, or other members' held or removed text.
Reads only; the one write is the rate-limit hit, counted before any lookup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from server.actions.context import Services
from server.actions.notifications import prefs_for
from server.actions.recovery import codes_left
from server.errors import Unauthenticated
from server.models.accounts import Block, User
from server.models.chat import ChatMessage
from server.models.live import Rsvp
from server.models.membership import RoomFollow, ThreadRead
from server.models.moderation import CheckIn, Notification, Report
from server.models.posts import Post, PostRevision, Thread
from server.models.reactions import Reaction
from server.notify_settings import Prefs

# Notifications of a moderator's work name the members it was about: they stay on the site.
STAFF_NOTIFICATION_KINDS = ("checkin_answer", "crisis_escalated")


@dataclass
class ExportRows:
    """What ``export_format`` turns into the JSON file and its readable twin."""

    user: User
    threads: list[Thread] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    revisions: dict[int, list[PostRevision]] = field(default_factory=dict)
    messages: list[ChatMessage] = field(default_factory=list)
    checkin_answers: list[CheckIn] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    rsvps: list[Rsvp] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    blocked_handles: list[str] = field(default_factory=list)
    recovery_codes_left: int = 0
    follows: list[RoomFollow] = field(default_factory=list)
    thread_reads: list[ThreadRead] = field(default_factory=list)
    notification_settings: Prefs = field(default_factory=Prefs)


async def do_export(svc: Services, user: User) -> ExportRows:
    """Everything of ``user``'s own, limited per member. A deleted account has nothing to export."""
    if user.deleted:
        raise Unauthenticated()
    await svc.limiter.check(svc.settings.export_rate, f"export:{user.id}",
                            message="You downloaded your data several times recently. Please try again later.")
    rows = ExportRows(user=user)
    rows.threads = await Thread.filter(author_id=user.id).order_by("id").prefetch_related("room")
    rows.posts = await Post.filter(author_id=user.id).order_by("id").prefetch_related("thread", "thread__room")
    for revision in await PostRevision.filter(post__author_id=user.id).order_by("id"):
        rows.revisions.setdefault(revision.post_id, []).append(revision)
    rows.messages = await ChatMessage.filter(author_id=user.id).order_by("id").prefetch_related("room")
    # Answers the member wrote to a moderator's check-in; the moderators' side names them.
    rows.checkin_answers = await CheckIn.filter(writer_id=user.id, sender_id=user.id,
                                                from_staff=False).order_by("id")
    rows.reports = await Report.filter(reporter_id=user.id).order_by("id")
    rows.rsvps = await Rsvp.filter(user_id=user.id).order_by("id").prefetch_related("session", "session__room")
    rows.notifications = await Notification.filter(user_id=user.id).exclude(
        kind__in=STAFF_NOTIFICATION_KINDS).order_by("id")
    # Their own reactions: the kind and what it was on (an id and the room), not the item's text.
    rows.reactions = await Reaction.filter(user_id=user.id).order_by("id").prefetch_related(
        "post", "post__thread", "post__thread__room", "message", "message__room")
    blocks = await Block.filter(blocker_id=user.id).order_by("id").prefetch_related("blocked")
    rows.blocked_handles = [b.blocked.handle for b in blocks if not b.blocked.deleted]
    rows.recovery_codes_left = await codes_left(user)
    rows.follows = await RoomFollow.filter(user_id=user.id).order_by("id").prefetch_related("room")
    rows.thread_reads = await ThreadRead.filter(user_id=user.id).order_by("id").prefetch_related("thread")
    rows.notification_settings = await prefs_for(user.id)
    return rows
