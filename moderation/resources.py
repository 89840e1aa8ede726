"""Professional-help directory: crisis lines, emergency numbers and therapy finders.

The data is reviewed by hand (`data/resources.json`, see its "note"): showing a
wrong number to someone in crisis is worse than showing none, so nothing here is
generated and unknown countries fall back to international directories.
Everything returned is plain JSON-serializable data and a fresh copy, so callers
may mutate what they get without changing the directory.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

FALLBACK = "INTL"
_ALIASES = {"UK": "GB"}
_MAX_HEADER = 1024


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        resources.files("moderation").joinpath("data/resources.json").read_text("utf-8")
    )
    return raw


SUPPORTED_COUNTRIES: tuple[str, ...] = tuple(c for c in _data()["countries"] if c != FALLBACK)


def _code(country: str | None) -> str:
    """Canonical country code for `country`, or the international fallback."""
    if not isinstance(country, str):
        return FALLBACK
    code = country.strip().upper()
    code = _ALIASES.get(code, code)
    return code if code in SUPPORTED_COUNTRIES else FALLBACK


def help_for(country: str | None) -> dict[str, Any]:
    """Help to show a member in `country` (ISO 3166 code, case-insensitive; "UK" works).

    Unknown or missing countries get the international directories. Always
    includes the therapy finders and the path of the full help page.
    """
    data = _data()
    code = _code(country)
    entry = data["countries"][code]
    return copy.deepcopy(
        {
            "country": code,
            "country_name": entry["name"],
            "emergency": entry["emergency"],
            "crisis_lines": entry["crisis_lines"],
            "international": data["international"],
            "therapy": data["therapy"],
            "page": data["page"],
            "reviewed": data["reviewed"],
        }
    )


def directory() -> dict[str, Any]:
    """The whole directory, for the /help page."""
    return copy.deepcopy(_data())


_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def _region(tag: str) -> str | None:
    """Region subtag of a language tag: "en-GB" → "GB", "zh-Hant-TW" → "TW", "en" → None."""
    for sub in re.split(r"[-_]", tag)[1:]:
        if len(sub) == 2 and sub.isalpha():
            return sub.upper()
    return None


def _weighted_tags(header: str) -> list[tuple[float, int, str]]:
    tags = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                continue
        if quality > 0 and _TAG.match(tag):
            tags.append((-quality, position, tag))
    return sorted(tags)


def country_from_accept_language(header: str | None) -> str | None:
    """Guess a supported country from an Accept-Language header. Never raises.

    Uses the most preferred tag that names a region: "en-GB,en;q=0.9" → "GB".
    If that region is not one we have local lines for (e.g. "fr-FR"), returns
    None rather than guessing from a less preferred tag: showing UK lines to
    someone in France would be worse than showing the international directory.
    """
    try:
        if not isinstance(header, str) or not header.strip():
            return None
        for _, _, tag in _weighted_tags(header[:_MAX_HEADER]):
            region = _region(tag)
            if region is not None:
                region = _ALIASES.get(region, region)
                return region if region in SUPPORTED_COUNTRIES else None
        return None
    except Exception:
        return None
