"""The community guidelines every member agrees to before posting (the seed's common guidelines,
which every room's own guidelines also end with)."""
from __future__ import annotations

from functools import lru_cache

import moderation


@lru_cache(maxsize=1)
def community_guidelines_html() -> str:
    from server.actions.rooms import seed_material

    return moderation.render_markdown(seed_material()["common_guidelines"])
