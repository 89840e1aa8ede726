"""@mentions through the one sanitizing renderer: known handles link to the profile, anything
else stays text, and the output stays as safe as bleach makes it."""
from __future__ import annotations

from html.parser import HTMLParser

import moderation
from tests.support import ROOT

KNOWN = {"ana": "Ana", "ben_2": "ben_2"}


def test_known_handles_link_and_unknown_stay_text() -> None:
    html = moderation.render_markdown("hi @ana, @ANA and @nobody", KNOWN)
    assert html.count('<a href="/u/Ana" class="mention" rel="nofollow ugc noopener">') == 2
    assert "@nobody" in html and "/u/nobody" not in html
    assert ">@ANA</a>" in html  # shown as typed, linked to the member's own spelling


def test_not_in_code_links_or_email_addresses() -> None:
    text = "`@ana` and\n\n    @ana\n\n[see @ana](https://example.org) x@ana.com"
    html = moderation.render_markdown(text, KNOWN)
    assert 'class="mention"' not in html
    assert moderation.find_mentions(text) == []
    assert moderation.find_mentions("@ana @ben_2 @ana @x") == ["ana", "ben_2"]  # 3+ characters, once each


def test_without_a_directory_nothing_links() -> None:
    assert 'class="mention"' not in moderation.render_markdown("hello @ana")


def test_class_is_allowed_only_as_the_mention_marker() -> None:
    # A member can't smuggle other classes or attributes: raw HTML is text, and bleach drops the rest.
    html = moderation.render_markdown('<a class="mention" href="javascript:alert(1)">x</a> @ana', KNOWN)
    assert "javascript:" not in html.replace("&lt;", "<").split("<p>")[0]
    assert '<a class="mention" href="javascript' not in html
    # A handle that could break out of the href is never linked.
    html = moderation.render_markdown("@ana", {"ana": 'Ana" onclick="x'})
    assert "onclick" not in html and 'class="mention"' not in html


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


def test_xss_corpus_with_mentions_stays_safe() -> None:
    lines = [line for line in (ROOT / "tests" / "data" / "xss.txt").read_text("utf-8").splitlines() if line.strip()]
    assert len(lines) > 50
    from moderation.render import ALLOWED_TAGS

    for sample in lines[:300]:
        parser = Tags()
        parser.feed(moderation.render_markdown(f"{sample} @ana @ben_2", KNOWN))
        for tag, attrs in parser.seen:
            assert tag in ALLOWED_TAGS, (sample, tag)
            for name, value in attrs:
                assert name in ("href", "title", "rel", "class"), (sample, name)
                if name == "class":
                    assert value == "mention"
                if name == "href":
                    assert (value or "").split(":")[0].lower() in ("http", "https", "mailto") \
                        or (value or "").startswith("/u/"), (sample, value)
