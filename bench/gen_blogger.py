#!/usr/bin/env python3
"""Writes an invented Blogger export for the import benchmark (bench/import.sh).

    python3 bench/gen_blogger.py OUT.xml [--posts 10000] [--comments 50000]
                                         [--pages 10] [--seed 2014]
                                         [--format backup|takeout]

The same arguments always give the same bytes (a fixed seed, no clock). The
text is made up from a small word list: no real blog, no real people. Sizes
follow what real blogs look like: post bodies of a few hundred bytes to ~12 KB
of HTML (median about 3 KB), 0-4 labels from a pool of 80 (some with spaces
and non-ASCII), comments of one to a few sentences, a fifth of them replies,
spread unevenly (a few posts draw many comments, most draw few), 2% drafts,
posts over 2006-2024.

`backup` is Blogger's "Back up content" Atom export (the default);
`takeout` is Google Takeout's feed.atom.
"""

import argparse
import random
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

BLOG_ID = "4815162342000000001"
HOST = "https://lantern-ledger.blogspot.com"

WORDS = (
    "lantern ledger orchard quince wick paraffin column street dusk evening "
    "market harbour bridge river garden kettle letter window chestnut winter "
    "summer autumn spring morning ferry tram bakery cellar attic notebook "
    "pencil ink margin chapter recipe journey village station platform signal "
    "copper brass timber stone meadow hedge sparrow heron fox badger moth "
    "candle shadow ember frost thaw harvest cider bread butter honey pepper "
    "the a of and to in on with for under over by near after before quietly "
    "slowly again always never often every small old new bright dim long short "
    "café naïve über smörgåsbord façade crème jalapeño"
).split()

LABELS = [
    "travel", "recipes", "night walks", "getting started", "books", "garden",
    "Küche & Keller", "旅行", "Fêtes d'hiver", "trains", "letters", "maps",
    "weather", "markets", "bridges", "rivers", "photography", "drawing",
    "Zahlen & Bücher", "harbours", "lanterns", "ledgers", "cider", "bread",
] + [f"topic {i}" for i in range(56)]

AUTHORS = ["Wick Trimmer", "Ledger Lena", "Zoë Lampwright", "Marron Glacé",
           "Pip Gardener", "Anonymous", "Heron Watcher", "Tram Spotter"]


def sentence(rng, lo=6, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))


def post_body(rng):
    # Log-normal-ish: most posts a few KB, some short, a few long.
    n = max(1, min(40, int(rng.lognormvariate(2.0, 0.6))))
    parts = []
    for i in range(n):
        p = paragraph(rng)
        if i % 5 == 2:
            parts.append(f"<h3>{escape(sentence(rng, 2, 5))}</h3>")
        if i % 7 == 3:
            parts.append(
                f'<div class="separator"><a href="https://blogger.googleusercontent.com/img/b/{rng.getrandbits(40):x}/s1600/photo.jpg">'
                f'<img border="0" src="https://blogger.googleusercontent.com/img/b/{rng.getrandbits(40):x}/s320/photo.jpg" '
                f'width="320" height="240" /></a></div>'
            )
        parts.append(f"<p>{escape(p)}</p>")
    return "".join(parts)


def slug_of(title, used, prefix):
    base = "-".join(w for w in title.lower().split() if w.isascii() and w.isalnum())[:40].strip("-") or "blog-post"
    slug, n = base, 1
    while f"{prefix}{slug}" in used:
        slug = f"{base}_{n}"
        n += 1
    used.add(f"{prefix}{slug}")
    return slug


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000+00:00")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--posts", type=int, default=10_000)
    ap.add_argument("--comments", type=int, default=50_000)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--seed", type=int, default=2014)
    ap.add_argument("--format", choices=["backup", "takeout"], default="backup")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    takeout = a.format == "takeout"

    ids = set()

    def new_id():
        while True:
            n = rng.randrange(10**18, 9 * 10**18)
            if n not in ids:
                ids.add(n)
                return str(n)

    start = datetime(2006, 1, 1, tzinfo=timezone.utc)
    span = (datetime(2024, 12, 31, tzinfo=timezone.utc) - start).total_seconds()
    used = set()
    posts = []
    for i in range(a.posts + a.pages):
        page = i >= a.posts
        t = start + timedelta(seconds=rng.random() * span)
        title = sentence(rng, 2, 7).rstrip(".")
        prefix = "/p/" if page else t.strftime("/%Y/%m/")
        slug = slug_of(title, used, prefix)
        posts.append({
            "id": new_id(), "page": page, "t": t, "title": title,
            "path": f"{prefix}{slug}.html", "body": post_body(rng),
            "labels": [] if page else rng.sample(LABELS, rng.choice([0, 1, 1, 2, 2, 3, 4])),
            "draft": rng.random() < 0.02,
        })
    # Comments go unevenly: weight ~ 1/rank.
    weights = [1.0 / (1 + k) ** 0.8 for k in range(len(posts))]
    rng.shuffle(weights)
    targets = rng.choices(range(len(posts)), weights=weights, k=a.comments)
    comments = []
    by_post = {}
    for k in targets:
        p = posts[k]
        earlier = by_post.setdefault(k, [])
        parent = rng.choice(earlier) if earlier and rng.random() < 0.2 else None
        t = p["t"] + timedelta(minutes=rng.randint(5, 60 * 24 * 400))
        text = " ".join(sentence(rng, 4, 22) for _ in range(rng.choice([1, 1, 2, 2, 3, 5])))
        c = {"id": new_id(), "post": k, "parent": parent, "t": t,
             "author": rng.choice(AUTHORS), "html": escape(text).replace(". ", ".<br /><br />", 1)}
        earlier.append(c)
        comments.append(c)

    tag = f"tag:blogger.com,1999:blog-{BLOG_ID}"
    out = open(a.out, "w", encoding="utf-8")
    w = out.write
    if takeout:
        w("<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
          "xmlns:blogger='http://schemas.google.com/blogger/2018'>\n")
        w(f"<id>{tag}</id>\n<title>Lantern &amp; Ledger (benchmark)</title>\n")
        for p in posts:
            status = "DRAFT" if p["draft"] else "LIVE"
            w(f"<entry>\n<id>{tag}.{'page' if p['page'] else 'post'}-{p['id']}</id>\n"
              f"<blogger:type>{'PAGE' if p['page'] else 'POST'}</blogger:type>\n"
              f"<blogger:status>{status}</blogger:status>\n"
              "<author><name>Wick Trimmer</name><uri>https://www.blogger.com/profile/00000000000000000042</uri>"
              "<blogger:type>BLOGGER</blogger:type></author>\n"
              f"<title>{escape(p['title'])}</title>\n<content type='html'>{escape(p['body'])}</content>\n"
              f"<blogger:created>{iso(p['t'])}</blogger:created>\n<published>{iso(p['t'])}</published>\n"
              f"<updated>{iso(p['t'])}</updated>\n")
            for label in p["labels"]:
                w(f"<category scheme='{tag}' term={quoteattr(label)}/>\n")
            w(f"<blogger:filename>{p['path']}</blogger:filename>\n<blogger:trashed/>\n</entry>\n")
        for c in comments:
            p = posts[c["post"]]
            reply = f"{tag}.post-{c['parent']['id']}" if c["parent"] else ""
            w(f"<entry>\n<id>{tag}.post-{c['id']}</id>\n"
              f"<blogger:parent>{tag}.{'page' if p['page'] else 'post'}-{p['id']}</blogger:parent>\n"
              f"<blogger:inReplyTo>{reply}</blogger:inReplyTo>\n"
              "<blogger:type>COMMENT</blogger:type>\n<blogger:status>LIVE</blogger:status>\n"
              f"<author><name>{escape(c['author'])}</name><uri></uri><blogger:type>ANONYMOUS</blogger:type></author>\n"
              f"<content type='html'>{escape(c['html'])}</content>\n"
              f"<published>{iso(c['t'])}</published>\n<updated>{iso(c['t'])}</updated>\n</entry>\n")
        w("</feed>\n")
        out.close()
        return

    w("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
      "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd='http://schemas.google.com/g/2005' "
      "xmlns:thr='http://purl.org/syndication/thread/1.0'>\n")
    w(f"<id>{tag}.archive</id>\n<updated>2025-01-01T00:00:00.000+00:00</updated>\n"
      "<title type='text'>Lantern &amp; Ledger (benchmark)</title>\n"
      f"<link rel='alternate' type='text/html' href='{HOST}/'/>\n"
      "<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>\n")
    kind = "http://schemas.google.com/blogger/2008/kind#"
    for name, value in [("BLOG_NAME", "Lantern &amp; Ledger (benchmark)"), ("BLOG_TIME_ZONE", "Europe/Berlin"),
                        ("BLOG_MAX_NUM", "7"), ("BLOG_MAX_UNIT", "POSTS"), ("BLOG_COMMENT_MODERATION", "NEVER")]:
        w(f"<entry>\n<id>{tag}.settings.{name}</id>\n<published>2006-01-01T00:00:00.000+00:00</published>\n"
          f"<category scheme='http://schemas.google.com/g/2005#kind' term='{kind}settings'/>\n"
          f"<title type='text'>{name}</title>\n<content type='text'>{value}</content>\n</entry>\n")
    for p in posts:
        what = "page" if p["page"] else "post"
        w(f"<entry>\n<id>{tag}.{what}-{p['id']}</id>\n<published>{iso(p['t'])}</published>\n"
          f"<updated>{iso(p['t'])}</updated>\n"
          f"<category scheme='http://schemas.google.com/g/2005#kind' term='{kind}{what}'/>\n")
        for label in p["labels"]:
            w(f"<category scheme='http://www.blogger.com/atom/ns#' term={quoteattr(label)}/>\n")
        w(f"<title type='text'>{escape(p['title'])}</title>\n<content type='html'>{escape(p['body'])}</content>\n"
          f"<link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/{BLOG_ID}/{what}s/default/{p['id']}'/>\n")
        if not p["draft"]:
            w(f"<link rel='alternate' type='text/html' href='{HOST}{p['path']}' title={quoteattr(p['title'])}/>\n")
        w("<author><name>Wick Trimmer</name><uri>https://www.blogger.com/profile/00000000000000000042</uri>"
          "<email>noreply@blogger.com</email></author>\n")
        if p["draft"]:
            w("<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>\n")
        w("</entry>\n")
    for c in comments:
        p = posts[c["post"]]
        feed = f"https://www.blogger.com/feeds/{BLOG_ID}/{p['id']}/comments/default"
        ms = int(c["t"].timestamp() * 1000)
        w(f"<entry>\n<id>{tag}.post-{c['id']}</id>\n<published>{iso(c['t'])}</published>\n"
          f"<updated>{iso(c['t'])}</updated>\n"
          f"<category scheme='http://schemas.google.com/g/2005#kind' term='{kind}comment'/>\n"
          f"<title type='text'>{escape(c['html'][:30])}</title>\n<content type='html'>{escape(c['html'])}</content>\n"
          f"<link rel='edit' type='application/atom+xml' href='{feed}/{c['id']}'/>\n"
          f"<link rel='alternate' type='text/html' href='{HOST}{p['path']}?showComment={ms}#c{c['id']}' title=''/>\n")
        if c["parent"]:
            w(f"<link rel='related' type='application/atom+xml' href='{feed}/{c['parent']['id']}'/>\n")
        w(f"<author><name>{escape(c['author'])}</name><email>noreply@blogger.com</email></author>\n"
          f"<thr:in-reply-to href='{HOST}{p['path']}' ref='{tag}.post-{p['id']}' type='text/html'/>\n</entry>\n")
    w("</feed>\n")
    out.close()


if __name__ == "__main__":
    main()
