"""render_markdown: what a reader's browser receives must never run code.

Outputs are checked with html.parser (real tags and attributes), not only with
substring searches, because escaped text such as "&lt;div style=..." is harmless.
"""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation import render_markdown

DATA = Path(__file__).resolve().parents[2] / "data"
ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "del",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "hr",
}
FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "img",
    "form",
    "input",
    "style",
    "math",
    "base",
    "link",
    "meta",
    "frame",
    "frameset",
    "video",
    "audio",
    "source",
    "textarea",
    "button",
}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "livescript:")
REL = "nofollow ugc noopener"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def problems(html: str) -> list[str]:
    """Every way `html` could run code or restyle the page; empty when safe."""
    found = []
    if re.search(r"<\s*script", html, re.I):
        found.append("<script")
    for name in re.findall(r"<\s*/?\s*([a-zA-Z][\w:-]*)", html):
        if name.lower() not in ALLOWED_TAGS:
            found.append(f"tag <{name}>")
    for tag, attrs in tags_of(html):
        if tag in FORBIDDEN_TAGS or tag not in ALLOWED_TAGS:
            found.append(f"tag {tag}")
        for attr, value in attrs.items():
            if attr.startswith("on") or attr in (
                "style",
                "src",
                "srcdoc",
                "formaction",
                "xlink:href",
                "action",
            ):
                found.append(f"attribute {attr}")
            if attr == "href" and value is not None:
                compact = re.sub(r"[\x00-\x20]", "", value).lower()
                if compact.startswith(BAD_SCHEMES):
                    found.append(f"href {value!r}")
        if tag == "a" and attrs.get("rel") != REL:
            found.append(f"a without rel: {attrs}")
    if re.search(r"<[^>]*\son\w+\s*=", html, re.I):
        found.append("on*= inside a tag")
    return found


def xss_lines() -> list[str]:
    return (DATA / "xss.txt").read_text("utf-8").splitlines()


def naughty_strings() -> list[str]:
    strings: list[str] = json.loads((DATA / "naughty.json").read_text("utf-8"))
    return strings


# ----------------------------------------------------------------- behaviour


def test_bare_links_get_rel() -> None:
    html = render_markdown("see https://example.org/page and www.example.com")
    links = [attrs for tag, attrs in tags_of(html) if tag == "a"]
    assert [a["href"] for a in links] == ["https://example.org/page", "http://www.example.com"]
    assert all(a["rel"] == REL for a in links)


def test_markdown_links_get_rel_and_keep_title() -> None:
    [(_tag, attrs)] = [
        t for t in tags_of(render_markdown('[guide](https://example.org "A guide")')) if t[0] == "a"
    ]
    assert attrs == {"href": "https://example.org", "title": "A guide", "rel": REL}


def test_mailto_links_survive() -> None:
    html = render_markdown("[write to us](mailto:help@example.org)")
    assert 'href="mailto:help@example.org"' in html


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "[x](java\tscript:alert(1))",
        "<a href='javascript:alert(1)'>x</a>",
        "[x](&#106;avascript:alert(1))",
        "[x]( javascript:alert(1))",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_urls_never_become_links(source: str) -> None:
    html = render_markdown(source)
    assert problems(html) == []
    assert not any(tag == "a" and "href" in attrs for tag, attrs in tags_of(html))


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<iframe src=//evil></iframe>",
        "<img src=x onerror=alert(1)>",
        '<p style="color:red" onclick="x()">hi</p>',
        "<svg onload=alert(1)>",
        "<style>body{}</style>",
        "<object data=x></object>",
        "<embed src=x>",
        "<form><input name=x></form>",
    ],
)
def test_raw_html_is_shown_as_text(source: str) -> None:
    html = render_markdown(source)
    assert problems(html) == []
    assert "&lt;" in html  # the member sees what they typed


def test_images_are_not_embedded() -> None:
    html = render_markdown("![cat](https://example.org/cat.png)")
    assert "<img" not in html
    assert problems(html) == []


def test_code_blocks_keep_their_text_escaped_once() -> None:
    html = render_markdown("```python\n<b>bold?</b> & https://example.org\n```")
    assert "<pre><code>&lt;b&gt;bold?&lt;/b&gt; &amp; https://example.org\n</code></pre>" in html
    assert "<a" not in html  # not linkified inside code


def test_inline_code_is_not_linkified() -> None:
    html = render_markdown("run `curl https://example.org` then visit https://example.org")
    assert "<code>curl https://example.org</code>" in html
    assert html.count("<a ") == 1


def test_allowed_formatting_survives() -> None:
    html = render_markdown("**bold** *em* ~~gone~~\n\n> quote\n\n- one\n- two\n\n1. first\n\n---")
    for fragment in (
        "<strong>bold</strong>",
        "<em>em</em>",
        "<s>gone</s>",
        "<blockquote>",
        "<ul>",
        "<ol>",
        "<hr>",
    ):
        assert fragment in html


def test_headings_become_bold_paragraphs() -> None:
    assert render_markdown("# Shouting") == "<p><strong>Shouting</strong></p>\n"


def test_nul_and_lone_surrogates_are_dropped() -> None:
    assert render_markdown("a\x00b\ud800c\udfff") == "<p>abc</p>\n"


def test_huge_and_deeply_nested_input() -> None:
    assert render_markdown("word " * 100_000).startswith("<p>word")
    for nested in (">" * 5000 + " deep", "- " * 5000 + "x", "[" * 5000 + "x" + "]" * 5000, "*" * 20000):
        assert problems(render_markdown(nested)) == []


def test_failure_falls_back_to_escaped_text_and_logs_without_content(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("sanitizer exploded")

    monkeypatch.setattr("bleach.clean", broken)
    secret = "my secret <script>alert(1)</script>"
    with caplog.at_level(logging.WARNING, logger="moderation.render"):
        html = render_markdown(secret)
    assert html == "<p>my secret &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert caplog.records and all("secret" not in r.getMessage() for r in caplog.records)


# ----------------------------------------------------------------- corpora


def test_corpora_are_present() -> None:
    assert len(xss_lines()) == 3000
    assert len(naughty_strings()) > 500


@pytest.mark.parametrize("corpus", ["xss", "naughty"])
def test_every_corpus_line_renders_safely(corpus: str) -> None:
    lines = xss_lines() if corpus == "xss" else naughty_strings()
    failures = {}
    for number, line in enumerate(lines, start=1):
        html = render_markdown(line)
        assert isinstance(html, str)
        found = problems(html)
        if found:
            failures[number] = (line, found)
    assert failures == {}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_renders_to_a_safe_string(text: str) -> None:
    html = render_markdown(text)
    assert isinstance(html, str)
    assert problems(html) == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "[",
                "]",
                "(",
                ")",
                "`",
                "*",
                "!",
                "javascript:",
                "data:",
                "on",
                "error=",
                '"',
                "'",
                " ",
                "\n",
                "http://x.org",
                "&#",
                "x",
                "=",
                "<a href=",
                "<script",
                "<img src=",
                "style=",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_markup_soup_renders_safely(text: str) -> None:
    assert problems(render_markdown(text)) == []


@pytest.mark.parametrize(
    "bad",
    [
        "<script>x</script>",
        "<p onclick=x>a</p>",
        '<a href="javascript:x" rel="nofollow ugc noopener">a</a>',
        '<a href=" data:text/html,x" rel="nofollow ugc noopener">a</a>',
        "<p style=color:red>a</p>",
        "<img src=x>",
        '<a href="https://x.org">no rel</a>',
        "<iframe></iframe>",
        "<svg></svg>",
    ],
)
def test_the_checker_itself_catches_bad_html(bad: str) -> None:
    assert problems(bad) != []
