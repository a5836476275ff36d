#!/usr/bin/env python3
"""Generates an invented blog for the benchmark, with a fixed seed.

  gen_site.py tidings OUT.jsonl [--posts N] [--comments M]
      a `tidings import tidings` file: posts over several years, labels,
      M published comments per post (some replies).
  gen_site.py markdown OUT_DIR [--posts N]
      the same posts as Hugo/Jekyll Markdown files with YAML front matter,
      for timing `tidings render` beside `hugo`.
"""
import argparse
import datetime as dt
import json
import os
import random

WORDS = (
    "garden orchard river morning evening lantern harbour meadow pepper "
    "kettle window letter bicycle market village autumn winter summer spring "
    "bread butter honey apple pear plum cherry walnut chestnut barley "
    "notebook pencil ladder basket candle thread needle button pocket "
    "quiet bright gentle rapid slow early late tall narrow wide warm cool "
    "walks reads writes builds mends plants gathers carries finds keeps"
).split()
LABELS = ["Garden", "Kitchen", "Travel", "Books", "Workshop", "Notes", "Family", "Weather", "Café", "Town"]


def sentence(rng, lo=6, hi=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, n=5):
    return " ".join(sentence(rng) for _ in range(n))


def body_markdown(rng):
    parts = []
    for i in range(8):
        if i == 3:
            parts.append("## " + sentence(rng, 2, 5).rstrip("."))
        parts.append(paragraph(rng, rng.randint(4, 7)))
    parts.append("- " + "\n- ".join(sentence(rng, 3, 6) for _ in range(4)))
    return "\n\n".join(parts)


def markdown_to_html(md):
    """Just enough HTML for the generated Markdown (headings, lists, paragraphs)."""
    out = []
    for block in md.split("\n\n"):
        if block.startswith("## "):
            out.append(f"<h2>{block[3:]}</h2>")
        elif block.startswith("- "):
            items = "".join(f"<li>{l[2:]}</li>" for l in block.splitlines())
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{block}</p>")
    return "\n".join(out)


def posts(n, seed=7):
    rng = random.Random(seed)
    start = dt.datetime(2016, 1, 1, 8, 0, tzinfo=dt.timezone.utc)
    step = dt.timedelta(days=3650 / max(n, 1))
    seen = set()
    for i in range(n):
        title = sentence(rng, 3, 7).rstrip(".")
        when = start + step * i + dt.timedelta(minutes=rng.randint(0, 600))
        slug = "-".join(title.lower().split())[:40].rstrip("-")
        base = slug
        k = 2
        while (when.year, when.month, slug) in seen:
            slug = f"{base}-{k}"
            k += 1
        seen.add((when.year, when.month, slug))
        yield {
            "id": i + 1,
            "title": title,
            "slug": slug,
            "when": when,
            "labels": rng.sample(LABELS, rng.randint(1, 3)),
            "markdown": body_markdown(rng),
        }


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_tidings(path, n, per_post):
    rng = random.Random(11)
    count_c = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({
            "type": "blog", "tidings": 1, "exported_at": iso(dt.datetime.now(dt.timezone.utc)),
            "host": "localhost", "title": "The Benchmark Orchard",
            "description": "An invented blog for measuring Tidings.", "timezone": "UTC",
            "posts_per_page": 7, "comments_allowed": "anyone", "comment_moderation": "never",
            "moderation_days": 14, "comment_min_seconds": 3,
        }) + "\n")
        all_posts = list(posts(n))
        for p in all_posts:
            f.write(json.dumps({
                "type": "post", "id": p["id"], "kind": "post", "title": p["title"], "slug": p["slug"],
                "path": f"/{p['when'].year:04d}/{p['when'].month:02d}/{p['slug']}.html",
                "status": "published", "published_at": iso(p["when"]), "updated_at": iso(p["when"]),
                "author": "Orchard Keeper", "labels": p["labels"], "body_markdown": p["markdown"],
                "body_html": markdown_to_html(p["markdown"]),
            }) + "\n")
        cid = 0
        for p in all_posts:
            first = None
            for j in range(per_post):
                cid += 1
                parent = first if (j % 4 == 3 and first) else None
                if j == 0:
                    first = cid
                f.write(json.dumps({
                    "type": "comment", "id": cid, "post_id": p["id"], "parent": parent,
                    "author": rng.choice(["Ada", "Bo", "Chen", "Dara", "Émile", "Farah"]),
                    "author_email": None, "author_url": None,
                    "body": paragraph(rng, rng.randint(1, 3)), "status": "published",
                    "created_at": iso(p["when"] + dt.timedelta(hours=j + 1)),
                }) + "\n")
                count_c += 1
        f.write(json.dumps({"type": "end", "posts": n, "comments": count_c}) + "\n")


def write_markdown(out, n):
    os.makedirs(out, exist_ok=True)
    for p in posts(n):
        tags = ", ".join(json.dumps(l) for l in p["labels"])
        with open(os.path.join(out, f"{p['when']:%Y-%m-%d}-{p['slug']}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {json.dumps(p['title'])}\ndate: {iso(p['when'])}\n"
                    f"tags: [{tags}]\nslug: {p['slug']}\n---\n\n{p['markdown']}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("format", choices=["tidings", "markdown"])
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--comments", type=int, default=10)
    a = ap.parse_args()
    if a.format == "tidings":
        write_tidings(a.out, a.posts, a.comments)
    else:
        write_markdown(a.out, a.posts)


if __name__ == "__main__":
    main()
