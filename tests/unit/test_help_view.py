"""The help component's content: tap-to-call and tap-to-text links, the country first, a short list."""
from __future__ import annotations

import moderation
from server.help_view import SHOWN, call_link, help_view, text_link


def test_links_dial_the_first_number_and_never_double_text() -> None:
    assert call_link("988, then press 1") == {"label": "Call 988, then press 1", "href": "tel:988", "kind": "call"}
    assert call_link("+44 20 7946 0958")["href"] == "tel:+442079460958"
    assert text_link("Text SHOUT to 85258") == {"label": "Text SHOUT to 85258", "href": "sms:85258?body=SHOUT",
                                                "kind": "text"}
    assert text_link("Text START to 678-678")["href"] == "sms:678678?body=START"
    assert text_link("88247") == {"label": "Text 88247", "href": "sms:88247", "kind": "text"}
    odd = text_link("text us on WhatsApp")
    assert odd is not None and odd["label"] == "text us on WhatsApp" and odd["href"] == ""


def test_country_lines_first_at_most_four_then_more() -> None:
    hv = help_view(moderation.help_for("US"))
    assert [n["href"] for n in hv["emergency_numbers"]] == ["tel:911"]
    assert len(hv["shown"]) == SHOWN == 4
    assert hv["shown"][0]["name"].startswith("988")
    assert {w["href"] for w in hv["shown"][0]["ways"]} == {"tel:988", "sms:988"}
    assert hv["more"] and hv["more"][-1]["name"] == "Befrienders Worldwide"  # international ones after
    labels = [w["label"] for e in hv["shown"] + hv["more"] for w in e["ways"]]
    assert not any(label.lower().startswith("text text") for label in labels)


def test_unknown_country_gets_the_international_directories() -> None:
    hv = help_view(moderation.help_for("ZZ"))
    assert hv["emergency_numbers"] == [] and hv["emergency_note"]
    assert hv["shown"] and not hv["more"] and hv["country_name"] == "Anywhere"
