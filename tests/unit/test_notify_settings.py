"""Notification settings as the gate reads them: kinds, quiet hours in the member's own zone
(over midnight too), crisis care never held back, and input parsing."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from server.errors import Invalid
from server.notify_settings import (
    ALWAYS_ON,
    GROUPS,
    Prefs,
    group_of,
    parse_kinds,
    parse_quiet,
    parse_time,
    parse_zone,
)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 7, 1, hour, minute, tzinfo=UTC)  # summer: London is UTC+1


def test_every_kind_has_one_group_and_crisis_care_has_none() -> None:
    kinds = [k for _, ks in GROUPS.values() for k in ks]
    assert len(kinds) == len(set(kinds))
    assert all(group_of(k) is None for k in ALWAYS_ON)
    assert group_of("reply") == "reply" and group_of("session_soon") == "sessions"
    assert group_of("something_new") is None  # an unknown kind is delivered


def test_kinds_turned_off() -> None:
    prefs = Prefs(off=frozenset({"reply", "decisions"}))
    assert not prefs.wants("reply") and not prefs.wants("decision_remove")
    assert prefs.wants("session_started") and prefs.wants("checkin")
    assert Prefs(off=frozenset(GROUPS)).wants("checkin")


def test_quiet_hours_over_midnight_in_the_members_zone() -> None:
    prefs = Prefs(quiet_start=22 * 60, quiet_end=7 * 60, time_zone="Europe/London")
    assert prefs.quiet_now("reply", at(21, 30))  # 22:30 in London
    assert prefs.quiet_now("reply", at(5, 59))  # 06:59 in London
    assert not prefs.quiet_now("reply", at(6, 0))  # 07:00 in London: over
    assert not prefs.quiet_now("reply", at(20, 59))  # 21:59 in London
    assert not prefs.quiet_now("checkin", at(23, 0))  # crisis care is never held back
    same_day = Prefs(quiet_start=9 * 60, quiet_end=17 * 60)
    assert same_day.quiet_now("reply", at(9)) and not same_day.quiet_now("reply", at(17))
    assert not Prefs().quiet_now("reply", at(3))
    # A zone the system no longer knows reads as UTC rather than failing the notification.
    assert Prefs(quiet_start=0, quiet_end=60, time_zone="Gone/Away").quiet_now("reply", at(0, 30))


def test_parsing() -> None:
    assert parse_time("07:05", "start") == 425 and parse_time("23:59", "end") == 1439
    for bad in ("7:05", "24:00", "12:60", "１２:００", "12:00:00", 1200, None, "ab:cd"):
        with pytest.raises(Invalid):
            parse_time(bad, "start")
    assert parse_quiet(None) == (None, None)
    assert parse_quiet({"start": "22:00", "end": "07:00"}) == (1320, 420)
    for bad in ({"start": "22:00"}, {"start": "22:00", "end": "22:00"}, [], "22-07"):
        with pytest.raises(Invalid):
            parse_quiet(bad)
    assert parse_zone("America/New_York") == "America/New_York"
    for bad in ("Mars/Base", "", None, "../etc/passwd", "x" * 100):
        with pytest.raises(Invalid):
            parse_zone(bad)
    assert parse_kinds({"reply": False}, frozenset({"reports"})) == frozenset({"reply", "reports"})
    assert parse_kinds({"reports": True}, frozenset({"reports"})) == frozenset()
    with pytest.raises(Invalid) as exc:
        parse_kinds({"checkin": False}, frozenset())
    assert exc.value.code == "always_on"
