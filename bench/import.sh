#!/usr/bin/env bash
# The import benchmark (issue 5; target of issue 7: under 10 s): a generated
# Blogger export of 10,000 posts and 50,000 comments imported into a fresh
# data directory by the release binary, timed with /usr/bin/time -v.
#
#   bench/import.sh                 # SQLite, the "Back up content" format
#   FORMAT=takeout bench/import.sh  # Google Takeout's feed.atom instead
#   POSTS=1000 COMMENTS=5000 bench/import.sh
#   TIDINGS_DATABASE_URL=postgres://… bench/import.sh   # an empty database
#
# It prints the summary line, wall time and peak RSS, and the machine, for
# the README's "Performance" section. Not a test: nothing fails on time.
#
#   MOVES=1 bench/import.sh         # then every move of that blog, each timed:
#                                   # exports (blogger, wxr, tidings), render,
#                                   # and imports of the WXR and tidings exports
#                                   # into fresh data directories
#   BIN=path/to/tidings bench/import.sh   # another build (no cargo build)
set -euo pipefail
cd "$(dirname "$0")/.."

POSTS=${POSTS:-10000}
COMMENTS=${COMMENTS:-50000}
FORMAT=${FORMAT:-backup}
WORK=${WORK:-$(mktemp -d /tmp/tidings-bench-import.XXXXXX)}
mkdir -p "$WORK"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (Debian's time package)" >&2
  apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

if [ -z "${BIN:-}" ]; then
  cargo build --release -p tidings >&2
  BIN=$PWD/target/release/tidings
fi

EXPORT=$WORK/blogger-$FORMAT-$POSTS-$COMMENTS.xml
if [ ! -s "$EXPORT" ]; then
  python3 bench/gen_blogger.py "$EXPORT" --posts "$POSTS" --comments "$COMMENTS" --format "$FORMAT"
fi
DATA=$WORK/data
rm -rf "$DATA"

CMD=("$BIN" --data "$DATA" import blogger "$EXPORT")
echo "command: /usr/bin/time -v ${CMD[*]}"
/usr/bin/time -v -o "$WORK/time.txt" "${CMD[@]}" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" || {
  cat "$WORK/stderr.txt" >&2
  exit 1
}
tail -n 1 "$WORK/stdout.txt"
echo "export: $(du -h "$EXPORT" | cut -f1) ($FORMAT), $POSTS posts, $COMMENTS comments"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time' "$WORK/time.txt" | sed 's/^\s*//'

# One line per move: what it is, wall time, peak RSS (GNU time's maximum
# resident set size, in MB).
measure() {
  local what=$1
  shift
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" || {
    cat "$WORK/stderr.txt" >&2
    exit 1
  }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
  printf '%-16s wall %8s  peak RSS %5d MB\n' "$what" "$wall" $((rss / 1024))
}

if [ -n "${MOVES:-}" ]; then
  echo "moves of that blog:"
  measure "export blogger" "$BIN" --data "$DATA" export --format blogger "$WORK/out-blogger.xml"
  measure "export wxr" "$BIN" --data "$DATA" export --format wxr "$WORK/out-wxr.xml"
  measure "export tidings" "$BIN" --data "$DATA" export --format tidings "$WORK/out.jsonl"
  rm -rf "$WORK/site"
  measure "render" "$BIN" --data "$DATA" render "$WORK/site"
  rm -rf "$WORK/data-wxr" "$WORK/data-tidings" "$WORK/data-blogger"
  measure "import blogger" "$BIN" --data "$WORK/data-blogger" import blogger "$EXPORT"
  measure "import wxr" "$BIN" --data "$WORK/data-wxr" import wordpress "$WORK/out-wxr.xml"
  measure "import tidings" "$BIN" --data "$WORK/data-tidings" import tidings "$WORK/out.jsonl"
fi
echo "date: $(date -u +%Y-%m-%d)"
echo "machine: nproc=$(nproc), $(free -h | awk '/^Mem:/ {print "memory " $2 " total, " $7 " available"}')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "files kept in $WORK"
