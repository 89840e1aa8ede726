"""The help directory: every required country has reviewed, reachable help."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moderation import SUPPORTED_COUNTRIES, country_from_accept_language, directory, help_for

REQUIRED = ("US", "GB", "IE", "CA", "AU", "NZ", "IN")
EMERGENCY = {"US": "911", "GB": "999", "IE": "112", "CA": "911", "AU": "000", "NZ": "111", "IN": "112"}


def test_required_countries_are_supported() -> None:
    assert set(REQUIRED) <= set(SUPPORTED_COUNTRIES)
    assert "INTL" not in SUPPORTED_COUNTRIES


@pytest.mark.parametrize("code", REQUIRED)
def test_country_has_crisis_lines_and_emergency_number(code: str) -> None:
    found = help_for(code)
    assert found["country"] == code and found["country_name"]
    assert EMERGENCY[code] in found["emergency"]["numbers"]
    assert found["crisis_lines"], code
    for line in found["crisis_lines"]:
        assert line["name"] and line["source_url"].startswith("https://")
        assert any(line.get(k) for k in ("phone", "text", "web")), line["name"]
        assert line.get("hours")
    assert found["page"] == "/help"
    assert found["therapy"] and found["international"]


@pytest.mark.parametrize(
    ("code", "name", "reach"),
    [
        ("US", "988 Suicide & Crisis Lifeline", "988"),
        ("GB", "Samaritans", "116 123"),
        ("IE", "Samaritans Ireland", "116 123"),
        ("CA", "9-8-8 Suicide Crisis Helpline", "988"),
        ("AU", "Lifeline", "13 11 14"),
        ("NZ", "1737 Need to talk?", "1737"),
        ("IN", "Tele-MANAS", "14416 or 1-800-891-4416"),
    ],
)
def test_primary_lines(code: str, name: str, reach: str) -> None:
    assert {"name": name, "phone": reach}.items() <= help_for(code)["crisis_lines"][0].items()


@pytest.mark.parametrize("alias", ["UK", "uk", "gb", " Gb "])
def test_uk_alias_and_case(alias: str) -> None:
    assert help_for(alias)["country"] == "GB"


@pytest.mark.parametrize("unknown", [None, "", "ZZ", "FR", "united kingdom", "INTL", "intl", "x" * 10_000])
def test_unknown_falls_back_to_international(unknown: str | None) -> None:
    found = help_for(unknown)
    assert found["country"] == "INTL"
    assert found["crisis_lines"] == []
    urls = {entry["web"] for entry in found["international"]}
    assert {"https://findahelpline.com", "https://www.iasp.info/crisis-centres-helplines/"} <= urls
    assert found["emergency"]["note"]


def test_therapy_finders_cover_the_named_approaches() -> None:
    therapy = {t["kind"]: t for t in help_for("US")["therapy"]}
    assert {"cbt", "eft", "attachment", "peer_support"} <= set(therapy)
    urls = {d["web"] for t in therapy.values() for d in t["directories"]}
    assert {
        "https://www.findcbt.org",
        "https://www.cbtregisteruk.com",
        "https://iceeft.com/find-a-therapist/",
        "https://www.psychologytoday.com",
    } <= urls
    for t in therapy.values():
        assert t["description"].endswith(".")
        assert all(d["source_url"].startswith("https://") for d in t["directories"])


def test_directory_is_reviewed_json_data() -> None:
    everything = directory()
    assert everything["reviewed"] == "2026-11"
    assert "not generated" in everything["note"]
    json.dumps(everything)
    json.dumps(help_for("GB"))


def test_results_are_copies() -> None:
    help_for("GB")["crisis_lines"].clear()
    directory()["countries"].clear()
    assert help_for("GB")["crisis_lines"]


@pytest.mark.parametrize(
    ("header", "country"),
    [
        ("en-GB,en;q=0.9", "GB"),
        ("en-IE", "IE"),
        ("en", None),
        ("en-US,en;q=0.9", "US"),
        ("en-us", "US"),
        ("en-AU;q=0.5, en-NZ", "NZ"),
        ("fr-CA,fr;q=0.9,en-CA;q=0.8", "CA"),
        ("hi-IN,hi;q=0.9,en;q=0.8", "IN"),
        ("fr-FR,en-GB;q=0.8", None),  # top region has no local lines: international, not a guess
        ("en-UK", "GB"),
        ("zh-Hant-TW", None),
        ("en-GB;q=0", None),
        ("*", None),
        ("", None),
        (None, None),
        ("garbage;;;q=x", None),
        ("en-GB;q=abc", "GB"),  # a malformed weight is ignored, not fatal
        ("en_GB", "GB"),
        (",,,;;;===", None),
    ],
)
def test_country_from_accept_language(header: str | None, country: str | None) -> None:
    assert country_from_accept_language(header) == country


@given(st.one_of(st.none(), st.text(), st.integers(), st.binary()))
def test_accept_language_never_raises(header: object) -> None:
    result = country_from_accept_language(header)  # type: ignore[arg-type]
    assert result is None or result in SUPPORTED_COUNTRIES


@given(st.one_of(st.none(), st.text()))
def test_help_for_never_raises(country: str | None) -> None:
    assert help_for(country)["country"] in (*SUPPORTED_COUNTRIES, "INTL")
