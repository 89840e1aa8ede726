"""Static assets: fingerprinted URLs in pages, cached for a year; anything else revalidates."""
from __future__ import annotations

import re

import pytest

from tests.support import Site

# Checked on the wire, as a browser receives it.
pytestmark = pytest.mark.real_server


def test_fingerprinted_assets_are_immutable_and_others_revalidate(server: Site) -> None:
    with server.client() as c:
        home = c.get("/").text
        found = re.search(r'href="(/static/css/site\.css\?v=([0-9a-f]{8}))"', home)
        assert found, "the stylesheet link carries its fingerprint"
        url = found.group(1)
        fresh = c.get(url)
        assert fresh.status_code == 200
        assert fresh.headers["cache-control"] == "public, max-age=31536000, immutable"
        stale = c.get("/static/css/site.css?v=00000000")  # an old page's link: not immutable
        assert stale.headers["cache-control"] == "no-cache"
        plain = c.get("/static/js/time.js")  # imported by other modules by its plain name
        assert plain.status_code == 200 and plain.headers["cache-control"] == "no-cache"
        again = c.get("/static/js/time.js", headers={"If-None-Match": plain.headers["etag"]})
        assert again.status_code == 304
        assert c.get("/static/css/nothing.css?v=abc").status_code == 404
