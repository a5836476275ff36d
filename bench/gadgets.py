#!/usr/bin/env python3
"""A sidebar of N gadgets of every kind, as `PUT /api/v1/layout` takes it,
for the gadgets row of bench/run.sh: today's default sidebar first, then
Popular Posts over each period, link lists, text, pictures, a profile and
labels as a cloud, repeated until there are N.

    python3 bench/gadgets.py 30 > layout.json
"""
import json
import sys


def extra(i):
    """The i-th gadget after the default ones."""
    kinds = [
        ("popular_posts", {"count": 5 + i % 10, "period": ["7d", "30d", "all"][i % 3]}),
        ("link_list", {"links": [{"text": f"Friend {n}", "url": f"https://friend{n}.example.org/"}
                                 for n in range(10)], "sort": "alpha"}),
        ("text", {"html": f"<p>Notes <b>{i}</b>: " + "about the orchard, " * 20 + "</p>"}),
        ("image", {"url": f"https://pictures.example.org/{i}.jpg", "alt": f"Picture {i}",
                   "link": "/p/about.html", "caption": "An orchard in spring"}),
        ("profile", {"name": "Quince Keeper", "about": "Apples, pears and the odd quince.",
                     "picture": "https://pictures.example.org/me.jpg", "url": "/p/about.html"}),
        ("labels", {"display": "cloud", "sort": "count", "min": 1}),
        ("archive", {"style": "flat"}),
    ]
    kind, settings = kinds[i % len(kinds)]
    return {"type": kind, "title": f"Gadget {i}", "settings": settings}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    items = [{"type": t} for t in ["search", "pages", "labels", "archive", "follow_by_email", "subscribe"]]
    items += [extra(i) for i in range(max(0, n - len(items)))]
    json.dump({"items": items[:n]}, sys.stdout)


if __name__ == "__main__":
    main()
