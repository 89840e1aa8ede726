"""Notification settings: which kinds a member may turn off, quiet hours, and their shapes.

Every notification kind belongs to a group a member can turn off, or to none: crisis care
(a moderator's check-in to the writer, their answer to the moderator, an escalation to the
admins) is always delivered, live, whatever the settings — someone in crisis at 3 a.m. is
told at once. ``server.actions.notifications.notify`` is the one gate that reads these.
"""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from server.errors import Invalid

# group → (label on the settings page, the kinds in it). A kind is in one group at most.
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "reply": ("Replies to your threads", ("reply",)),
    "mentions": ("When someone mentions you (@handle) or quotes you", ("mention", "quote")),
    "reactions": ("Support reactions to what you wrote (“3 people sent support”)",
                  ("reaction_support", "reaction_me_too", "reaction_thanks", "reaction_helped")),
    "sessions": ("Live sessions you said you'd join: 15 minutes before, and when they start",
                 ("session_soon", "session_started")),
    "reports": ("When a moderator has reviewed something you reported", ("report_reviewed",)),
    "decisions": ("Moderator decisions on what you wrote (approved, removed, warnings)",
                  ("decision_approve", "decision_edit_approve", "decision_remove", "decision_warn",
                   "decision_mute", "decision_suspend", "decision_ban")),
}
# Never turned off, never held back by quiet hours.
ALWAYS_ON = ("checkin", "checkin_answer", "crisis_escalated")
GROUP_OF = {kind: group for group, (_, kinds) in GROUPS.items() for kind in kinds}
DEFAULT_ZONE = "UTC"
_HHMM = re.compile(r"([0-9]{2}):([0-9]{2})")


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted (the settings page's list)."""
    return tuple(sorted(zoneinfo.available_timezones()))


def group_of(kind: str) -> str | None:
    """The group a kind can be turned off with; None: it is always delivered."""
    return None if kind in ALWAYS_ON else GROUP_OF.get(kind)


@dataclass(frozen=True)
class Prefs:
    """A member's settings as the gate reads them (the defaults when they never chose)."""

    off: frozenset[str] = field(default_factory=frozenset)
    quiet_start: int | None = None  # minutes after local midnight
    quiet_end: int | None = None
    time_zone: str = DEFAULT_ZONE

    def wants(self, kind: str) -> bool:
        group = group_of(kind)
        return group is None or group not in self.off

    def quiet_now(self, kind: str, now: datetime) -> bool:
        """Whether the live push of ``kind`` waits (quiet hours); crisis care never waits."""
        if kind in ALWAYS_ON or self.quiet_start is None or self.quiet_end is None \
                or self.quiet_start == self.quiet_end:
            return False
        local = now.astimezone(_zone(self.time_zone))
        minute = local.hour * 60 + local.minute
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= minute < self.quiet_end
        return minute >= self.quiet_start or minute < self.quiet_end  # over midnight, 22:00-07:00


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_ZONE)  # a zone the system lost since it was chosen


def hhmm(minutes: int | None) -> str | None:
    return None if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"


def as_json(prefs: Prefs) -> dict[str, Any]:
    """The settings as ``GET /api/me/notification-settings`` answers them."""
    quiet = None
    if prefs.quiet_start is not None and prefs.quiet_end is not None:
        quiet = {"start": hhmm(prefs.quiet_start), "end": hhmm(prefs.quiet_end)}
    return {"kinds": {group: group not in prefs.off for group in GROUPS},
            "labels": {group: label for group, (label, _) in GROUPS.items()},
            "always_on": list(ALWAYS_ON), "quiet_hours": quiet, "time_zone": prefs.time_zone}


# --- parsing -----------------------------------------------------------------------------

def parse_time(value: object, field_name: str) -> int:
    """"HH:MM" (24-hour, ASCII digits) → minutes after midnight."""
    match = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise Invalid(f"{field_name.capitalize()} must be a time like 22:00.", code="invalid_time",
                      field=field_name)
    return int(match[1]) * 60 + int(match[2])


def parse_zone(value: object) -> str:
    if not isinstance(value, str) or len(value) > 64 or value not in zone_names():
        raise Invalid("Please choose a time zone from the list (for example Europe/London).",
                      code="invalid_time_zone", field="time_zone")
    return value


def parse_kinds(value: object, current: frozenset[str]) -> frozenset[str]:
    """``{"reply": false, ...}`` → the groups turned off (groups not named keep their setting)."""
    if not isinstance(value, dict):
        raise Invalid("kinds must be an object of true/false per kind.", code="wrong_type", field="kinds")
    off = set(current)
    for group, on in value.items():
        if group not in GROUPS:
            if group in ALWAYS_ON:
                raise Invalid("Messages from moderators about your safety can't be turned off.",
                              code="always_on", field="kinds")
            raise Invalid("Unknown kind: choose from " + ", ".join(GROUPS) + ".", code="unknown_kind",
                          field="kinds")
        if not isinstance(on, bool):
            raise Invalid("Each kind is true (on) or false (off).", code="wrong_type", field="kinds")
        (off.discard if on else off.add)(group)
    return frozenset(off)


def parse_quiet(value: object) -> tuple[int | None, int | None]:
    """``{"start": "22:00", "end": "07:00"}`` or null (no quiet hours)."""
    if value is None:
        return None, None
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        raise Invalid("quiet_hours is null or {\"start\": \"22:00\", \"end\": \"07:00\"}.", code="wrong_type",
                      field="quiet_hours")
    start, end = parse_time(value["start"], "start"), parse_time(value["end"], "end")
    if start == end:
        raise Invalid("Quiet hours need different start and end times.", code="invalid_time", field="quiet_hours")
    return start, end
