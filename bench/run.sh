#!/usr/bin/env bash
# The benchmark of issue 7: Tidings beside nginx serving the same bytes.
#
#   bench/run.sh            # everything (about 10 minutes on 2 cores)
#   ROUNDS=1 DURATION=5s bench/run.sh   # a quicker look
#
# Builds the release binary, makes a blog of 1,000 invented posts over ten
# years with labels and 10 comments each, starts Tidings, saves the exact bytes
# of its home page, one post page, the Atom feed and a search result, serves
# those files with nginx, and drives both with wrk (-t2 -c64) in turns:
# Tidings, nginx, Tidings, nginx… Prints the median requests per second and
# p50/p99 latency of each, and Tidings/nginx; then the server's memory idle
# and under load, the time to start, and `tidings render` beside `hugo` on
# 10,000 posts. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
RENDER_POSTS=${RENDER_POSTS:-10000}

need() { # command, Debian package
    command -v "$1" >/dev/null 2>&1 && return
    echo "bench: installing $2"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk
need nginx nginx
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "bench: building the release binary"
cargo build --release --locked -p tidings --quiet
BIN=$PWD/target/release/tidings

WORK=$(mktemp -d /tmp/tidings-bench.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "bench: generating 1,000 posts with 10 comments each"
python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
"$BIN" --data "$WORK/data" import tidings "$WORK/site.jsonl" >/dev/null

TPORT=$(free_port)
start_ns=$(date +%s%N)
"$BIN" --data "$WORK/data" --listen "127.0.0.1:$TPORT" serve >"$WORK/tidings.log" 2>&1 &
TPID=$!
PIDS+=("$TPID")
until curl -fs "http://127.0.0.1:$TPORT/healthz" >/dev/null 2>&1; do sleep 0.005; done
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
idle_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$TPID/status")

# The pages, saved byte for byte for nginx.
POST=$(curl -fs "http://127.0.0.1:$TPORT/" | grep -o 'class="post-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
SEARCH="/search?q=orchard+lantern"
mkdir -p "$WORK/www"
curl -fs "http://127.0.0.1:$TPORT/" -o "$WORK/www/home.html"
curl -fs "http://127.0.0.1:$TPORT$POST" -o "$WORK/www/post.html"
curl -fs "http://127.0.0.1:$TPORT/feeds/posts/default" -o "$WORK/www/feed.xml"
curl -fs "http://127.0.0.1:$TPORT$SEARCH" -o "$WORK/www/search.html"

NPORT=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    types { text/html html; application/atom+xml xml; }
    server {
        listen 127.0.0.1:$NPORT;
        root $WORK/www;
    }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

# wrk prints "Requests/sec: N" and, with --latency, "50% Xms" and "99% Yms".
measure() { # url -> "rps p50_ms p99_ms"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" 2>/dev/null | awk '
        function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

peak_load_kb=0
report=()
for page in home post feed search; do
    case $page in
        home) tpath=/; npath=/home.html ;;
        post) tpath=$POST; npath=/post.html ;;
        feed) tpath=/feeds/posts/default; npath=/feed.xml ;;
        search) tpath=$SEARCH; npath=/search.html ;;
    esac
    : >"$WORK/t.$page"; : >"$WORK/n.$page"
    for _ in $(seq "$ROUNDS"); do
        measure "http://127.0.0.1:$TPORT$tpath" >>"$WORK/t.$page"
        rss=$(awk '/VmHWM/ {print $2}' "/proc/$TPID/status")
        [ "$rss" -gt "$peak_load_kb" ] && peak_load_kb=$rss
        measure "http://127.0.0.1:$NPORT$npath" >>"$WORK/n.$page"
    done
    t_rps=$(cut -d' ' -f1 "$WORK/t.$page" | median); n_rps=$(cut -d' ' -f1 "$WORK/n.$page" | median)
    t50=$(cut -d' ' -f2 "$WORK/t.$page" | median); t99=$(cut -d' ' -f3 "$WORK/t.$page" | median)
    n50=$(cut -d' ' -f2 "$WORK/n.$page" | median); n99=$(cut -d' ' -f3 "$WORK/n.$page" | median)
    bytes=$(stat -c %s "$WORK/www/${npath#/}")
    ratio=$(awk -v t="$t_rps" -v n="$n_rps" 'BEGIN { printf "%.3f", (n > 0 ? t / n : 0) }')
    report+=("$(printf '| %-6s | %7s B | %8s | %6s | %6s | %8s | %6s | %6s | %6s |' \
        "$page" "$bytes" "$t_rps" "$t50" "$t99" "$n_rps" "$n50" "$n99" "$ratio")")
done

echo "bench: rendering $RENDER_POSTS posts with tidings and with hugo"
python3 bench/gen_site.py markdown "$WORK/md" --posts "$RENDER_POSTS"
"$BIN" --data "$WORK/render-data" import markdown "$WORK/md" >/dev/null
tidings_render=$( { /usr/bin/time -f '%e' "$BIN" --data "$WORK/render-data" render "$WORK/out-tidings" >/dev/null; } 2>&1 | tail -1)
hugo new site "$WORK/hugo" --quiet >/dev/null 2>&1 || hugo new site "$WORK/hugo" >/dev/null
mkdir -p "$WORK/hugo/content/posts" "$WORK/hugo/layouts/_default"
cp "$WORK"/md/*.md "$WORK/hugo/content/posts/"
# A theme as plain as ours: one template for lists and one for pages.
printf '<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n' >"$WORK/hugo/layouts/_default/single.html"
printf '<!doctype html><title>{{ .Title }}</title>{{ range .Paginator.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Content }}{{ end }}\n' >"$WORK/hugo/layouts/_default/list.html"
hugo_render=$( { /usr/bin/time -f '%e' hugo --source "$WORK/hugo" --destination "$WORK/out-hugo" --quiet >/dev/null; } 2>&1 | tail -1)

cat <<OUT

Tidings beside nginx on the same bytes: wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each, medians
$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') memory, $(uname -srm)

| page   |   size    | tidings r/s | p50 ms | p99 ms | nginx r/s | p50 ms | p99 ms | ratio |
|--------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(printf '%s\n' "${report[@]}")

start to first answer: ${startup_ms} ms (1,000 posts, 10,000 comments)
memory: idle $((idle_rss_kb / 1024)) MB, peak under load $((peak_load_kb / 1024)) MB
render of $RENDER_POSTS posts: tidings ${tidings_render} s, hugo ${hugo_render} s
OUT
