#!/usr/bin/env bash
# The --fetch-media benchmark (issue 15; target: under a minute): a generated
# Blogger export of POSTS posts showing IMAGES pictures in all, each linked
# the way Blogger does (`<a href=…/s1600/x.jpg><img src=…/s320/x.jpg></a>`),
# served by a local HTTP server (Python's, threaded) under Blogger's path
# shapes, imported into a fresh data directory by the release binary with
# `--fetch-media --allow-private-addresses`, timed with /usr/bin/time -v.
# Each picture is fetched once at its largest size and kept as an upload:
# decoded, cleaned and resized (320/640 px, and 1280 px when wide enough, in
# its own format and WebP), so the time is mostly the pictures' processing.
#
#   bench/fetch.sh                          # 1,000 pictures of 1024x768
#   IMAGES=200 SIZE=1600x1200 bench/fetch.sh
#   TIDINGS_DATABASE_URL=postgres://… bench/fetch.sh   # an empty database
#
# The pictures are DISTINCT (20 by default) JPEGs made by ImageMagick, each
# served under many addresses; every address is a picture of its own to
# Tidings (nothing is shared between uploads). Not a test: nothing fails on
# time.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGES=${IMAGES:-1000}
PER_POST=${PER_POST:-10}
SIZE=${SIZE:-1024x768}
DISTINCT=${DISTINCT:-20}
WORK=${WORK:-$(mktemp -d /tmp/tidings-bench-fetch.XXXXXX)}
mkdir -p "$WORK/files"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (Debian's time package)" >&2
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if ! convert -version 2>/dev/null | grep -q ImageMagick; then
  echo "installing ImageMagick (Debian's imagemagick package), which draws the pictures" >&2
  apt-get install -y imagemagick >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y imagemagick >/dev/null; }
fi

# BIN=path/to/tidings measures that binary instead of a fresh release build.
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked -p tidings >&2
  BIN=${CARGO_TARGET_DIR:-$PWD/target}/release/tidings
fi

for i in $(seq 0 $((DISTINCT - 1))); do
  [ -s "$WORK/files/$i.jpg" ] && continue
  convert -size "$SIZE" "plasma:fractal" -seed "$i" -quality 85 "$WORK/files/$i.jpg"
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/serve.py" <<PY
import http.server, os, re, sys
files = sys.argv[1]
n = len([f for f in os.listdir(files) if f.endswith(".jpg")])
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        m = re.fullmatch(r"/-bench/(\d+)/s0/picture-\d+\.jpg", self.path)
        if not m:
            self.send_error(404)
            return
        with open(os.path.join(files, "%d.jpg" % (int(m.group(1)) % n)), "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), H).serve_forever()
PY
python3 "$WORK/serve.py" "$WORK/files" "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT

EXPORT=$WORK/blogger-$IMAGES.xml
python3 - "$EXPORT" "$IMAGES" "$PER_POST" "http://127.0.0.1:$PORT" <<'PY'
import sys
from xml.sax.saxutils import escape
out, images, per_post, origin = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
entries = []
for post in range((images + per_post - 1) // per_post):
    body = "".join(
        f'<p><a href="{origin}/-bench/{i}/s1600/picture-{i}.jpg">'
        f'<img src="{origin}/-bench/{i}/s320/picture-{i}.jpg" width="320"></a></p>'
        for i in range(post * per_post, min(images, (post + 1) * per_post))
    )
    day = f"20{10 + post // 365:02d}-{1 + post // 31 % 12:02d}-{1 + post % 28:02d}"
    entries.append(
        f"<entry><id>tag:blogger.com,1999:blog-1.post-{post + 1}</id>"
        f"<published>{day}T10:00:00.000Z</published><updated>{day}T10:00:00.000Z</updated>"
        "<category scheme='http://schemas.google.com/g/2005#kind' "
        "term='http://schemas.google.com/blogger/2008/kind#post'/>"
        f"<title type='text'>Pictures {post + 1}</title>"
        f"<content type='html'>{escape(body)}</content>"
        f"<link rel='alternate' type='text/html' href='https://bench.blogspot.com/{day[:4]}/{day[5:7]}/pictures-{post + 1}.html'/>"
        "<author><name>Bench</name></author></entry>\n"
    )
with open(out, "w") as f:
    f.write("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
            "<id>tag:blogger.com,1999:blog-1.archive</id><title type='text'>Bench</title>\n")
    f.writelines(entries)
    f.write("</feed>\n")
PY

DATA=$WORK/data
rm -rf "$DATA"
CMD=("$BIN" --data "$DATA" import blogger --fetch-media --allow-private-addresses "$EXPORT")
echo "command: /usr/bin/time -v ${CMD[*]}"
/usr/bin/time -v -o "$WORK/time.txt" "${CMD[@]}" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" || {
  cat "$WORK/stderr.txt" >&2
  exit 1
}
tail -n 1 "$WORK/stdout.txt"
grep 'pictures: fetched' "$WORK/stderr.txt" | sed 's/^.*pictures: /pictures: /'
echo "pictures: $IMAGES of $SIZE ($(du -h "$WORK/files/0.jpg" | cut -f1) each, $DISTINCT distinct), $PER_POST a post"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$WORK/time.txt" | sed 's/^\s*//'
echo "date: $(date -u +%Y-%m-%d)"
echo "machine: nproc=$(nproc), $(free -h | awk '/^Mem:/ {print "memory " $2 " total, " $7 " available"}')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "files kept in $WORK"
