"""SecureBase moderation: a pure library (it imports nothing from `server/`).

Text in, safe HTML and one normalized `Decision` out:

- `render_markdown(text, mentions)`: member Markdown → sanitized HTML, known @handles linked (render.py)
- `find_mentions(text)`: the @handles a text mentions (mentions.py)
- `review(text, context)`: detectors (signals.py, crisis.py) + policy (policy.py) → `Decision`
- `help_for(country)` / `directory()`: reviewed professional-help directory (resources.py)
"""

from __future__ import annotations

from .model import Decision, ReviewContext, Signal, WatchedWord
from .policy import review
from .render import find_mentions, render_markdown
from .resources import SUPPORTED_COUNTRIES, country_from_accept_language, directory, help_for
from .watchwords import load_default_watched_words

__all__ = [
    "SUPPORTED_COUNTRIES",
    "Decision",
    "ReviewContext",
    "Signal",
    "WatchedWord",
    "country_from_accept_language",
    "directory",
    "find_mentions",
    "help_for",
    "load_default_watched_words",
    "render_markdown",
    "review",
]
