#!/usr/bin/env python3
"""Fetch a feed and parse it with feedparser, the way a real feed reader would.

Usage: feedcheck.py URL

Prints one JSON document on stdout:
  {"status", "content_type", "bozo", "bozo_exception", "version",
   "feed": {"title", "link", "links"},
   "entries": [{"id", "title", "link", "tags", "published", "updated",
                "summary", "content", "author"}]}

Exits 2 with a message on stderr when feedparser is not installed, so the Rust
test that calls this fails with a clear reason instead of skipping.
"""

import json
import sys
import urllib.request

try:
    import feedparser
except ImportError:
    sys.stderr.write(
        "feedcheck.py: the Python package feedparser is not installed; "
        "run `pip install feedparser`\n"
    )
    sys.exit(2)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: feedcheck.py URL\n")
        sys.exit(2)
    url = sys.argv[1]
    with urllib.request.urlopen(url, timeout=30) as response:
        status = response.status
        content_type = response.headers.get("Content-Type", "")
        data = response.read()
    parsed = feedparser.parse(
        data,
        response_headers={"content-type": content_type, "content-location": url},
    )
    entries = []
    for e in parsed.entries:
        entries.append(
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "tags": [t.get("term") for t in e.get("tags", [])],
                "published": e.get("published"),
                "updated": e.get("updated"),
                "summary": e.get("summary"),
                "content": [c.get("value") for c in e.get("content", [])],
                "author": e.get("author"),
            }
        )
    exc = parsed.get("bozo_exception")
    out = {
        "status": status,
        "content_type": content_type,
        "bozo": bool(parsed.bozo),
        "bozo_exception": str(exc) if exc is not None else None,
        "version": parsed.version,
        "feed": {
            "title": parsed.feed.get("title"),
            "link": parsed.feed.get("link"),
            "links": [
                {"rel": l.get("rel"), "href": l.get("href")}
                for l in parsed.feed.get("links", [])
            ],
        },
        "entries": entries,
    }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
