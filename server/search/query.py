"""What a member typed, turned into search terms both backends read the same way.

Nothing a member types reaches a full-text parser as syntax: quotes, ``*``, ``NEAR(``,
``-``, ``AND``/``OR`` are words or nothing. Each backend quotes every term itself, so a
query is a plain AND of its words (stemmed by the backend's tokenizer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from server.errors import BadRequest

MAX_QUERY = 200  # characters: a search box, not a document
MAX_TERMS = 12
MAX_TERM = 64  # characters in one word; longer ones are cut (no tokenizer keeps them whole anyway)

# Letters and digits in any script; "_" and every punctuation or operator character separate words.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Terms:
    words: tuple[str, ...]

    def text(self) -> str:
        return " ".join(self.words)


def parse_query(raw: object) -> Terms:
    """The words of a query, or a 400 that says what to change. Call before any lookup."""
    if not isinstance(raw, str) or not raw.strip():
        raise BadRequest("Type a word or two to search for.", code="missing_query")
    if len(raw) > MAX_QUERY:
        raise BadRequest(f"Searches are limited to {MAX_QUERY} characters.", code="query_too_long")
    words = tuple(dict.fromkeys(w[:MAX_TERM] for w in WORD.findall(raw)))
    if not words:
        raise BadRequest("Search for words with at least one letter or number.", code="invalid_query")
    if len(words) > MAX_TERMS:
        raise BadRequest(f"Please search for at most {MAX_TERMS} words.", code="too_many_words")
    return Terms(words)
