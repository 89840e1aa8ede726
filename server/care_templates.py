"""Check-in templates a moderator starts from, then edits before sending.

Written along Samaritans' guidance for online platforms and #chatsafe: warm and
plain, ask directly about suicide (asking does not put the idea in anyone's
head), no judgement, no promises that can't be kept, and always a way to reach
help right now. ``{handle}`` is replaced with the writer's handle.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckInTemplate:
    id: str
    title: str
    text: str


TEMPLATES: tuple[CheckInTemplate, ...] = (
    CheckInTemplate(
        "checking_in", "Checking in",
        "Hi {handle}, I'm one of the moderators here. I read what you wrote and I wanted to check in "
        "with you. How are you doing right now?\n\nYou can answer here: only you and the moderators "
        "can see this conversation. If you are in danger right now, please call your local emergency "
        "number. The crisis lines shown with your post are free and open now."),
    CheckInTemplate(
        "asking_directly", "Asking directly",
        "Hi {handle}, thank you for trusting us with this. I'd like to ask you directly, because it "
        "matters: are you thinking about ending your life right now?\n\nWhatever your answer, you are "
        "not in trouble and nobody here will judge you. Would you be willing to call or text one of the "
        "crisis lines shown with your post while we talk?"),
    CheckInTemplate(
        "safe_for_now", "Are you safe for now?",
        "Hi {handle}, I'm a moderator and I've read your post. Are you somewhere safe right now?\n\n"
        "If there is anything nearby you could hurt yourself with, could you put it somewhere harder to "
        "reach, or give it to someone you trust, just for tonight? The people at the crisis lines shown "
        "with your post are there right now, and you can write back to me here."),
    CheckInTemplate(
        "after_edit", "After editing out details",
        "Hi {handle}, your post is up now, behind a content note so people can choose when to read it. "
        "I took out a detail about method, because those can hurt others who are struggling. Your "
        "feelings are welcome here, all of them. How are you doing today?"),
)


def for_writer(handle: str) -> list[dict[str, str]]:
    return [{"id": t.id, "title": t.title, "text": t.text.format(handle=handle)} for t in TEMPLATES]
