#!/usr/bin/env bash
# The benchmark of issue 7: Tidings beside nginx serving the same bytes.
#
#   bench/run.sh            # everything (about 15 minutes on 2 cores)
#   ROUNDS=1 DURATION=3s bench/run.sh   # a quicker look
#   ONLY=render bench/run.sh            # one part: serve, flood, postgres, views, gadgets, import, fetch, render, media or mail
#
# Builds the release binary, makes a blog of 1,000 invented posts over ten
# years with labels and 10 comments each, starts Tidings twice on that data
# (as configured, and with --no-cache), saves the exact bytes of its home
# page, one post page, the Atom feed and a search result, serves those files
# with nginx, and drives all three with wrk (-t2 -c64) in turns: Tidings,
# nginx, Tidings without cache, Tidings, nginx… Prints the median requests
# per second and p50/p99 latency of each, and Tidings/nginx; then each
# server's memory idle and under load, the time to start, the import of a
# generated 10,000-post Blogger export (bench/import.sh), and `tidings
# render` beside `hugo` on 10,000 posts. The flood row: on a generated
# 10,000-post blog, the cached home page's requests/s alone, then while 8
# clients send distinct searches from random addresses through a trusted
# proxy (bench/flood.lua); its ratio should stay at least 0.6 and the
# searches' p99 under 50 ms. The PostgreSQL rows: the same 1,000-post blog
# imported into a fresh database on the local server (PG_URL, default
# postgres://postgres@127.0.0.1:5432/postgres; the database tidings_bench is
# made and dropped), every page rendered for every request (--no-cache,
# UNCACHED_CONNECTIONS clients), beside the same pages on SQLite, in turns;
# the ratio PostgreSQL/SQLite should be at least 0.5. The views row: the
# cached post page with page views counted (the default) and with
# --no-view-counts, in turns, each request a browser's arriving from another
# site (so its referrer is counted too); counting should cost at most 5% of
# the requests per second. The media rows: a 200 KB photo uploaded, then
# served by Tidings from the data directory (SQLite) and from the database
# (a fresh PostgreSQL database, tidings_media_bench), after a first request,
# beside nginx serving the same file; then the variants of a 24-megapixel
# JPEG timed (the tidings-media example, and one upload's answer), and the
# server's peak memory while 2 such uploads run at once and its memory idle
# 5 s after.
# The gadgets row: the uncached home page (--no-cache) of the 1,000-post blog
# with the default sidebar beside the same blog with 30 gadgets of every kind
# (bench/gadgets.py: Popular Posts, link lists, text, pictures, labels…), in
# turns; 30 gadgets should cost at most 10% of the requests per second.
# The mail row: MAIL_SUBSCRIBERS (10,000) confirmed
# subscribers of the 1,000-post blog mailed one new post through a local SMTP
# server (tests/smtp_sink.py, aiosmtpd from tests/requirements.txt), timed
# from the API's answer to the last message taken (target under 2 minutes),
# while wrk reads the cached home page; its requests/s during the mailing
# over alone should be at least 0.8. Everything runs on 127.0.0.1 and stops
# by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
RENDER_POSTS=${RENDER_POSTS:-10000}
ONLY=${ONLY:-all}
FLOOD_POSTS=${FLOOD_POSTS:-10000}
MAIL_SUBSCRIBERS=${MAIL_SUBSCRIBERS:-10000}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
# Clients for pages nothing kept answers: the server renders twice its cores
# at once and lets as many wait, and refuses the rest with 503 (by design,
# see --max-renders), so more clients would measure refusals, not pages.
UNCACHED_CONNECTIONS=${UNCACHED_CONNECTIONS:-8}
case $ONLY in all | serve | flood | postgres | views | gadgets | import | fetch | render | media | mail) ;; *)
    echo "bench: ONLY must be all, serve, flood, postgres, views, gadgets, import, fetch, render, media or mail, not $ONLY" >&2
    exit 2
    ;;
esac
part() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

need() { # command, Debian package
    command -v "$1" >/dev/null 2>&1 && return
    echo "bench: installing $2"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
part serve && need wrk wrk
part flood && need wrk wrk
part postgres && need wrk wrk
part views && need wrk wrk
part gadgets && need wrk wrk
part mail && need wrk wrk
part postgres && need psql postgresql-client
part serve && need nginx nginx
part media && need wrk wrk
part media && need nginx nginx
part media && need psql postgresql-client
part render && need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time

# BIN=path/to/tidings measures that binary instead (e.g. a build from before a change).
if [ -z "${BIN:-}" ]; then
    echo "bench: building the release binary"
    cargo build --release --locked -p tidings --quiet
    BIN=${CARGO_TARGET_DIR:-$PWD/target}/release/tidings
fi

WORK=$(mktemp -d /tmp/tidings-bench.XXXXXX)
# nginx started by root serves as `nobody`, which may not enter a private
# directory: every answer was a 403, measured as nginx's speed.
chmod 755 "$WORK"
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    [ -f "$WORK/nginx-media.pid" ] && kill "$(cat "$WORK/nginx-media.pid")" 2>/dev/null || true
    [ -n "${PG_BENCH_DB:-}" ] && psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_BENCH_DB" 2>/dev/null
    [ -n "${PG_MEDIA_DB:-}" ] && psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_MEDIA_DB" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts `tidings serve` with extra flags, waits for its first answer, and
# sets PORT, PID and START_MS (start to first answered request). DATA: the
# data directory (default $WORK/data).
start_tidings() { # name, flags…
    local name=$1
    shift
    PORT=$(free_port)
    local t0
    t0=$(date +%s%N)
    "$BIN" --data "${DATA:-$WORK/data}" serve --listen "127.0.0.1:$PORT" "$@" >"$WORK/$name.log" 2>&1 &
    PID=$!
    PIDS+=("$PID")
    until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.005; done
    START_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
rss_kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; } # pid, VmRSS|VmHWM

# wrk prints "Requests/sec: N" and, with --latency, "50% Xms" and "99% Yms".
measure() { # url [connections [wrk options…]] -> "rps p50_ms p99_ms refused"
    local url=$1 connections=${2:-$CONNECTIONS}
    shift $(($# < 2 ? $# : 2))
    wrk -t2 -c"$connections" -d"$DURATION" --latency "$@" "$url" 2>/dev/null | awk '
        function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { refused = $NF }
        / requests in / { requests = $1 }
        END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, refused, requests }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # pid: its user + system CPU, in clock ticks
# measure, then the server PID's CPU per request in microseconds (what the
# server spends on a page, apart from wrk's share of the same cores):
# "rps p50_ms p99_ms refused requests cpu_us"
measure_cpu() { # pid url connections
    local before after result
    before=$(cpu_ticks "$1")
    result=$(measure "$2" "$3")
    after=$(cpu_ticks "$1")
    awk -v r="$result" -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { split(r, f, " "); printf "%s %.0f\n", r, (f[5] > 0 ? t * 1e6 / hz / f[5] : 0) }'
}
nginx_serves() { # url: stop unless nginx answers it with the file
    local i
    for i in $(seq 50); do
        curl -fs -o /dev/null "$1" && return
        sleep 0.1
    done
    echo "bench: nginx does not serve $1 (see its error log in $WORK)" >&2
    exit 1
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
col() { cut -d' ' -f"$2" "$1" | median; } # file of "rps p50 p99" lines, field
row() { # label, bytes, tidings results file, nginx results file
    local t_rps n_rps ratio
    t_rps=$(col "$3" 1)
    n_rps=$(col "$4" 1)
    ratio=$(awk -v t="$t_rps" -v n="$n_rps" 'BEGIN { printf "%.3f", (n > 0 ? t / n : 0) }')
    printf '| %-16s | %7s B | %8s | %6s | %6s | %8s | %6s | %6s | %6s |' \
        "$1" "$2" "$t_rps" "$(col "$3" 2)" "$(col "$3" 3)" "$n_rps" "$(col "$4" 2)" "$(col "$4" 3)" "$ratio"
}

serve_bench() {
    echo "bench: generating 1,000 posts with 10 comments each"
    python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
    "$BIN" --data "$WORK/data" import tidings "$WORK/site.jsonl" >/dev/null

    start_tidings tidings
    local tport=$PORT tpid=$PID startup_ms=$START_MS
    local idle_kb
    idle_kb=$(rss_kb "$tpid" VmRSS)
    # The same data, rendering every page for every request.
    start_tidings tidings-no-cache --no-cache
    local uport=$PORT upid=$PID
    local idle_u_kb
    idle_u_kb=$(rss_kb "$upid" VmRSS)

    # The pages, saved byte for byte for nginx.
    local post search="/search?q=orchard+lantern"
    post=$(curl -fs "http://127.0.0.1:$tport/" | grep -o 'class="post-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
    mkdir -p "$WORK/www"
    curl -fs "http://127.0.0.1:$tport/" -o "$WORK/www/home.html"
    curl -fs "http://127.0.0.1:$tport$post" -o "$WORK/www/post.html"
    curl -fs "http://127.0.0.1:$tport/feeds/posts/default" -o "$WORK/www/feed.xml"
    curl -fs "http://127.0.0.1:$tport$search" -o "$WORK/www/search.html"

    local nport
    nport=$(free_port)
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
        listen 127.0.0.1:$nport;
        root $WORK/www;
    }
}
CONF
    nginx -c "$WORK/nginx.conf" -p "$WORK"
    nginx_serves "http://127.0.0.1:$nport/home.html"

    local rows=() rows_u=() page tpath npath bytes
    for page in home post feed search; do
        case $page in
            home) tpath=/; npath=/home.html ;;
            post) tpath=$post; npath=/post.html ;;
            feed) tpath=/feeds/posts/default; npath=/feed.xml ;;
            search) tpath=$search; npath=/search.html ;;
        esac
        : >"$WORK/t.$page"; : >"$WORK/n.$page"; : >"$WORK/u.$page"
        for _ in $(seq "$ROUNDS"); do
            measure "http://127.0.0.1:$tport$tpath" >>"$WORK/t.$page"
            measure "http://127.0.0.1:$nport$npath" >>"$WORK/n.$page"
            measure "http://127.0.0.1:$uport$tpath" "$UNCACHED_CONNECTIONS" >>"$WORK/u.$page"
        done
        bytes=$(stat -c %s "$WORK/www/${npath#/}")
        rows+=("$(row "$page" "$bytes" "$WORK/t.$page" "$WORK/n.$page")")
        rows_u+=("$(row "$page, no cache" "$bytes" "$WORK/u.$page" "$WORK/n.$page")")
    done
    # VmHWM is the most each server has held: its peak under the load above.
    local peak_kb peak_u_kb
    peak_kb=$(rss_kb "$tpid" VmHWM)
    peak_u_kb=$(rss_kb "$upid" VmHWM)
    SERVE_REPORT="
Tidings beside nginx on the same bytes: wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each, medians
(each round: Tidings, nginx, Tidings --no-cache with $UNCACHED_CONNECTIONS clients; ratio is Tidings/nginx requests per second)

| page             |   size    | tidings r/s | p50 ms | p99 ms | nginx r/s | p50 ms | p99 ms | ratio |
|------------------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(printf '%s\n' "${rows[@]}" "${rows_u[@]}")

start to first answer: ${startup_ms} ms (1,000 posts, 10,000 comments)
memory: idle $((idle_kb / 1024)) MB, peak under load $((peak_kb / 1024)) MB; with --no-cache: idle $((idle_u_kb / 1024)) MB, peak $((peak_u_kb / 1024)) MB"
}

flood_bench() {
    echo "bench: generating $FLOOD_POSTS posts for the flood"
    python3 bench/gen_site.py tidings "$WORK/flood.jsonl" --posts "$FLOOD_POSTS" --comments 2
    "$BIN" --data "$WORK/flood-data" import tidings "$WORK/flood.jsonl" >/dev/null
    DATA="$WORK/flood-data" start_tidings flood --trusted-proxies 127.0.0.1
    local home="http://127.0.0.1:$PORT/"
    curl -fs "$home" >/dev/null # kept from now on
    local alone flooded searches
    alone=$(measure "$home")
    # The searches run alongside, from start to end of the home page's run.
    wrk -t1 -c8 -d"$DURATION" --latency -s bench/flood.lua "http://127.0.0.1:$PORT" >"$WORK/searches.out" 2>&1 &
    local searcher=$!
    flooded=$(measure "$home")
    wait "$searcher"
    searches=$(awk '
        function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { refused = $NF }
        END { printf "%.0f %.2f %d\n", rps, p99, refused }' "$WORK/searches.out")
    local a_rps f_rps s_rps s_p99 s_refused ratio
    a_rps=${alone%% *}
    f_rps=${flooded%% *}
    read -r s_rps s_p99 s_refused <<<"$searches"
    ratio=$(awk -v f="$f_rps" -v a="$a_rps" 'BEGIN { printf "%.2f", (a > 0 ? f / a : 0) }')
    FLOOD_REPORT="
the flood: $FLOOD_POSTS posts, the cached home page with wrk -t2 -c$CONNECTIONS -d$DURATION, alone and while
wrk -t1 -c8 sends uncached searches for a common word, each at its own address, from random client addresses (bench/flood.lua, --trusted-proxies 127.0.0.1)

| home alone r/s | home in the flood r/s | ratio (target >= 0.6) | searches r/s | search p99 ms (target < 50) | searches refused |
|----------------|-----------------------|-----------------------|--------------|-----------------------------|------------------|
| $a_rps | $f_rps | $ratio | $s_rps | $s_p99 | ${s_refused:-0} |"
}

postgres_bench() {
    echo "bench: the same 1,000 posts on SQLite and on PostgreSQL, nothing kept"
    [ -f "$WORK/site.jsonl" ] || python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
    PG_BENCH_DB=tidings_bench
    psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_BENCH_DB" -c "CREATE DATABASE $PG_BENCH_DB"
    local pg_db=${PG_URL%/*}/$PG_BENCH_DB
    "$BIN" --data "$WORK/pg-sqlite" import tidings "$WORK/site.jsonl" >/dev/null
    "$BIN" --data "$WORK/pg-data" --database-url "$pg_db" import tidings "$WORK/site.jsonl" >/dev/null
    DATA="$WORK/pg-sqlite" start_tidings sqlite-no-cache --no-cache
    local sport=$PORT
    DATA="$WORK/pg-data" start_tidings postgres-no-cache --no-cache --database-url "$pg_db"
    local pport=$PORT
    # Searches are limited per address, so a label's page stands for the
    # lists here (the flood row measures searches).
    local post label rows=() page path refused
    post=$(curl -fs "http://127.0.0.1:$sport/" | grep -o 'class="post-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
    label=$(curl -fs "http://127.0.0.1:$sport/" | grep -o 'href="/search/label/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
    for page in home post feed label; do
        case $page in
            home) path=/ ;;
            post) path=$post ;;
            feed) path=/feeds/posts/default ;;
            label) path=$label ;;
        esac
        : >"$WORK/s.$page"; : >"$WORK/p.$page"
        for _ in $(seq "$ROUNDS"); do
            measure "http://127.0.0.1:$sport$path" "$UNCACHED_CONNECTIONS" >>"$WORK/s.$page"
            measure "http://127.0.0.1:$pport$path" "$UNCACHED_CONNECTIONS" >>"$WORK/p.$page"
        done
        refused=$(cat "$WORK/s.$page" "$WORK/p.$page" | awk '{ n += $4 } END { print n + 0 }')
        [ "$refused" = 0 ] || echo "bench: $page: $refused answers were not 200; the rows measure refusals" >&2
        rows+=("$(row "$page" "$(curl -fs "http://127.0.0.1:$sport$path" | wc -c)" "$WORK/p.$page" "$WORK/s.$page")")
    done
    POSTGRES_REPORT="
PostgreSQL beside SQLite, every page rendered (--no-cache), 1,000 posts: wrk -t2 -c$UNCACHED_CONNECTIONS -d$DURATION, $ROUNDS rounds each, medians
(ratio is PostgreSQL/SQLite requests per second; target >= 0.5)

| page             |   size    | postgres r/s | p50 ms | p99 ms | sqlite r/s | p50 ms | p99 ms | ratio |
|------------------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(printf '%s\n' "${rows[@]}")"
}

views_bench() {
    echo "bench: the cached post page, page views counted and not"
    [ -f "$WORK/site.jsonl" ] || python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
    "$BIN" --data "$WORK/views-data" import tidings "$WORK/site.jsonl" >/dev/null
    DATA="$WORK/views-data" start_tidings views-on
    local on=$PORT
    DATA="$WORK/views-data" start_tidings views-off --no-view-counts
    local off=$PORT post
    post=$(curl -fs "http://127.0.0.1:$on/" | grep -o 'class="post-title"><a href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//')
    local browser=(-H "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
        -H "Referer: https://news.example.org/item?id=1")
    curl -fs "http://127.0.0.1:$on$post" >/dev/null
    curl -fs "http://127.0.0.1:$off$post" >/dev/null
    : >"$WORK/v.on"; : >"$WORK/v.off"
    for _ in $(seq "$ROUNDS"); do
        measure "http://127.0.0.1:$on$post" "$CONNECTIONS" "${browser[@]}" >>"$WORK/v.on"
        measure "http://127.0.0.1:$off$post" "$CONNECTIONS" "${browser[@]}" >>"$WORK/v.off"
    done
    VIEWS_REPORT="
page views: the cached post page, counted (default) and --no-view-counts, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each in turns, medians
(ratio is counted/not counted requests per second; target >= 0.95)

| page             |   size    | counted r/s | p50 ms | p99 ms | not counted r/s | p50 ms | p99 ms | ratio |
|------------------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(row post "$(curl -fs "http://127.0.0.1:$off$post" | wc -c)" "$WORK/v.on" "$WORK/v.off")"
}

gadgets_bench() {
    echo "bench: the uncached home page, the default sidebar and 30 gadgets"
    [ -f "$WORK/site.jsonl" ] || python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
    local kind
    for kind in default gadgets; do
        "$BIN" --data "$WORK/$kind-data" import tidings "$WORK/site.jsonl" >/dev/null
    done
    DATA="$WORK/default-data" start_tidings sidebar-default --no-cache
    local dport=$PORT dpid=$PID
    DATA="$WORK/gadgets-data" start_tidings sidebar-gadgets --no-cache
    local gport=$PORT gpid=$PID
    python3 bench/gadgets.py 30 | curl -fs -X PUT -H "Authorization: Bearer $(admin_token --data "$WORK/gadgets-data")" \
        -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$gport/api/v1/layout" >/dev/null
    : >"$WORK/g.default"; : >"$WORK/g.gadgets"
    for _ in $(seq "$ROUNDS"); do
        measure_cpu "$dpid" "http://127.0.0.1:$dport/" "$UNCACHED_CONNECTIONS" >>"$WORK/g.default"
        measure_cpu "$gpid" "http://127.0.0.1:$gport/" "$UNCACHED_CONNECTIONS" >>"$WORK/g.gadgets"
    done
    local cpu_d cpu_g
    cpu_d=$(col "$WORK/g.default" 6)
    cpu_g=$(col "$WORK/g.gadgets" 6)
    GADGETS_REPORT="
the sidebar: the home page rendered for every request (--no-cache), 1,000 posts, 30 gadgets (bench/gadgets.py) beside the default sidebar,
wrk -t2 -c$UNCACHED_CONNECTIONS -d$DURATION, $ROUNDS rounds each in turns, medians (ratio is 30 gadgets/default requests per second; target >= 0.9)

| page             |   size    | 30 gadgets r/s | p50 ms | p99 ms | default r/s | p50 ms | p99 ms | ratio |
|------------------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(row home "$(curl -fs "http://127.0.0.1:$gport/" | wc -c)" "$WORK/g.gadgets" "$WORK/g.default")

the server's own CPU per page (user + system, over the same runs; wrk shares the cores and reads the larger page too):
30 gadgets $cpu_g µs, default $cpu_d µs: ratio default/30 gadgets $(awk -v d="$cpu_d" -v g="$cpu_g" 'BEGIN { printf "%.3f", (g > 0 ? d / g : 0) }') (target >= 0.9)"
}

import_bench() {
    echo "bench: importing a generated Blogger export of ${POSTS:-10000} posts (bench/import.sh)"
    WORK="$WORK/import" bench/import.sh >"$WORK/import.out" 2>"$WORK/import.err" || {
        cat "$WORK/import.err" >&2
        exit 1
    }
    IMPORT_REPORT="
import of a generated Blogger export (bench/import.sh, SQLite):
$(grep -E '^(imported|export):|Elapsed|User time|System time|Maximum resident' "$WORK/import.out" | sed 's/^/  /')"
}

fetch_bench() {
    echo "bench: importing a Blogger export of 1,000 pictures with --fetch-media (bench/fetch.sh)"
    WORK="$WORK/fetch" bench/fetch.sh >"$WORK/fetch.out" 2>"$WORK/fetch.err" || {
        cat "$WORK/fetch.err" >&2
        exit 1
    }
    FETCH_REPORT="
--fetch-media of a generated Blogger export of 1,000 pictures from a local server (bench/fetch.sh, SQLite; goal: under a minute):
$(grep -E '^(imported|pictures):|Elapsed|User time|System time|Maximum resident' "$WORK/fetch.out" | sed 's/^/  /')"
}

render_bench() {
    echo "bench: rendering $RENDER_POSTS posts with tidings and with hugo"
    python3 bench/gen_site.py markdown "$WORK/md" --posts "$RENDER_POSTS"
    "$BIN" --data "$WORK/render-data" import markdown "$WORK/md" >/dev/null
    tidings_render=$( { /usr/bin/time -f '%e s (user %U s, sys %S s)' "$BIN" --data "$WORK/render-data" render "$WORK/out-tidings" >/dev/null; } 2>&1 | tail -1)
    hugo new site "$WORK/hugo" --quiet >/dev/null 2>&1 || hugo new site "$WORK/hugo" >/dev/null
    mkdir -p "$WORK/hugo/content/posts" "$WORK/hugo/layouts/_default"
    cp "$WORK"/md/*.md "$WORK/hugo/content/posts/"
    # A theme as plain as ours: one template for lists and one for pages.
    printf '<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n' >"$WORK/hugo/layouts/_default/single.html"
    printf '<!doctype html><title>{{ .Title }}</title>{{ range .Paginator.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Content }}{{ end }}\n' >"$WORK/hugo/layouts/_default/list.html"
    hugo_render=$( { /usr/bin/time -f '%e s (user %U s, sys %S s)' hugo --source "$WORK/hugo" --destination "$WORK/out-hugo" --quiet >/dev/null; } 2>&1 | tail -1)

    RENDER_REPORT="
render of $RENDER_POSTS posts: tidings ${tidings_render}; hugo ${hugo_render}
  files: tidings $(find "$WORK/out-tidings" -type f | wc -l), hugo $(find "$WORK/out-hugo" -type f | wc -l) ($(hugo version | cut -d' ' -f2))"
}

# An admin's API token on the instance of `tidings ARGS…` (data, database).
admin_token() {
    "$BIN" "$@" user add --email bench@example.org --name Bench --role admin --password-stdin \
        <<<"a long enough password" >/dev/null
    "$BIN" "$@" token create --email bench@example.org | tail -1
}
# Uploads FILE to the server on PORT with TOKEN; prints the original's path.
upload() { # port, token, file
    curl -fs -H "Authorization: Bearer $2" -F "file=@$3;type=image/jpeg" \
        "http://127.0.0.1:$1/api/v1/media" | python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])'
}

media_bench() {
    echo "bench: pictures (the tidings-media example writes them)"
    mkdir -p "$WORK/pictures" "$WORK/www-media"
    cargo run --release --locked --quiet -p tidings-media --example variants -- --save "$WORK/pictures"
    local photo=$WORK/pictures/200k.jpg big=$WORK/pictures/24mp.jpg
    cp "$photo" "$WORK/www-media/photo.jpg"

    # The directory store (SQLite's default) and the database store (PostgreSQL's).
    DATA=$WORK/media-dir start_tidings media-dir
    local dport=$PORT dpath
    dpath=$(upload "$dport" "$(admin_token --data "$WORK/media-dir")" "$photo")
    PG_MEDIA_DB=tidings_media_bench
    psql -q "$PG_URL" -c "DROP DATABASE IF EXISTS $PG_MEDIA_DB" -c "CREATE DATABASE $PG_MEDIA_DB"
    local pg_media_url=${PG_URL%/*}/$PG_MEDIA_DB
    DATA=$WORK/media-db start_tidings media-db --database-url "$pg_media_url"
    local bport=$PORT bpath
    bpath=$(upload "$bport" "$(admin_token --data "$WORK/media-db" --database-url "$pg_media_url")" "$photo")
    curl -fs "http://127.0.0.1:$bport$bpath" -o /dev/null # the first request reads the database

    local nport
    nport=$(free_port)
    cat >"$WORK/nginx-media.conf" <<CONF
worker_processes auto;
pid $WORK/nginx-media.pid;
error_log $WORK/nginx-media-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    types { image/jpeg jpg; }
    server {
        listen 127.0.0.1:$nport;
        root $WORK/www-media;
    }
}
CONF
    nginx -c "$WORK/nginx-media.conf" -p "$WORK"
    nginx_serves "http://127.0.0.1:$nport/photo.jpg"
    : >"$WORK/md"; : >"$WORK/mb"; : >"$WORK/mn"
    for _ in $(seq "$ROUNDS"); do
        measure "http://127.0.0.1:$dport$dpath" >>"$WORK/md"
        measure "http://127.0.0.1:$bport$bpath" >>"$WORK/mb"
        measure "http://127.0.0.1:$nport/photo.jpg" >>"$WORK/mn"
    done
    local bytes
    bytes=$(stat -c %s "$photo")

    # 24 megapixels: the variants alone, then uploads to a fresh server.
    local alone
    alone=$(cargo run --release --locked --quiet -p tidings-media --example variants | tail -n +2 | cut -d: -f1 | paste -sd' ')
    DATA=$WORK/media-big start_tidings media-big
    local gport=$PORT gpid=$PID gtoken one two peak_kb idle_kb
    gtoken=$(admin_token --data "$WORK/media-big")
    one=$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $gtoken" \
        -F "file=@$big;type=image/jpeg" "http://127.0.0.1:$gport/api/v1/media")
    local uploads=()
    for n in 1 2; do
        curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $gtoken" \
            -F "file=@$big;type=image/jpeg" "http://127.0.0.1:$gport/api/v1/media" >"$WORK/two.$n" &
        uploads+=($!)
    done
    # The two uploads only: a bare `wait` would wait for the servers too.
    wait "${uploads[@]}"
    two=$(cat "$WORK/two.1" "$WORK/two.2" | paste -sd' ')
    peak_kb=$(rss_kb "$gpid" VmHWM)
    sleep 5
    idle_kb=$(rss_kb "$gpid" VmRSS)
    local idle_anon_kb idle_file_kb
    idle_anon_kb=$(rss_kb "$gpid" RssAnon)
    idle_file_kb=$(rss_kb "$gpid" RssFile)
    MEDIA_REPORT="
A $((bytes / 1024)) KB photo served (after a first request), beside nginx serving the same file: wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each, medians
(ratio is Tidings/nginx requests per second; goal >= 0.5)

| store            |   size    | tidings r/s | p50 ms | p99 ms | nginx r/s | p50 ms | p99 ms | ratio |
|------------------|-----------|----------|--------|--------|----------|--------|--------|--------|
$(row "directory" "$bytes" "$WORK/md" "$WORK/mn")
$(row "database (PG)" "$bytes" "$WORK/mb" "$WORK/mn")

24-megapixel JPEG ($(($(stat -c %s "$big") / 1024)) KB): variants made in $alone (tidings-media example, 3 runs; goal < 2 s)
  one upload answered in ${one} s; two at once in ${two} s
  server memory: peak $((peak_kb / 1024)) MB with 2 uploads at once (goal < 400 MB), idle $((idle_kb / 1024)) MB 5 s after (goal < 30 MB): $((idle_anon_kb / 1024)) MB its own (anonymous), $((idle_file_kb / 1024)) MB file-backed (the binary's pages it ran, and the SQLite file's it read through the map)"
}


mail_bench() {
    echo "bench: mailing one post to $MAIL_SUBSCRIBERS subscribers through a local SMTP server"
    python3 -c 'import aiosmtpd' 2>/dev/null || pip install -q -r tests/requirements.txt
    [ -f "$WORK/site.jsonl" ] || python3 bench/gen_site.py tidings "$WORK/site.jsonl" --posts 1000 --comments 10
    local data="$WORK/mail-data" token
    "$BIN" --data "$data" import tidings "$WORK/site.jsonl" >/dev/null
    printf 'bench-password-0123\n' | "$BIN" --data "$data" user add --email owner@example.org \
        --name Owner --role admin --password-stdin >/dev/null
    token=$("$BIN" --data "$data" token create --email owner@example.org --label bench | tail -1)
    # The subscribers are written straight into the table: how they came is
    # not what is measured (the admin's CSV import is the way in).
    python3 - "$data/tidings.db" "$MAIL_SUBSCRIBERS" <<'PY'
import sqlite3, sys, time
db, n = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
blog = db.execute("SELECT id FROM blogs ORDER BY id LIMIT 1").fetchone()[0]
now = int(time.time() * 1e6) - 60_000_000
db.executemany(
    "INSERT INTO subscribers (blog_id, email, state, created_at, asked_at, confirmed_at) "
    "VALUES (?, ?, 'confirmed', ?, ?, ?)",
    ((blog, f"reader{i}@example.org", now, now, now) for i in range(n)))
db.commit()
PY
    local sport
    sport=$(free_port)
    mkdir -p "$WORK/sink"
    python3 tests/smtp_sink.py "$sport" "$WORK/sink" >"$WORK/sink.log" 2>&1 &
    PIDS+=("$!")
    until grep -q ready "$WORK/sink.log"; do sleep 0.05; done
    DATA="$data" start_tidings mail --smtp-url "smtp://127.0.0.1:$sport" --mail-from "Bench <blog@example.org>"
    local base="http://127.0.0.1:$PORT"
    curl -fs "$base/" >/dev/null
    local alone t0 t1
    alone=$(measure "$base/")
    t0=$(date +%s%N)
    curl -fs -o /dev/null -X POST "$base/api/v1/posts" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' \
        -d '{"title": "News for everyone", "body": "A post *every* subscriber gets.", "status": "published"}'
    # Messages taken, counted twice a second in the background.
    (
        until [ "$(find "$WORK/sink" -name '*.json' | wc -l)" -ge "$MAIL_SUBSCRIBERS" ]; do sleep 0.5; done
        date +%s%N >"$WORK/mail.done"
    ) &
    local watcher=$!
    curl -fs "$base/" >/dev/null # the home page shows the new post: kept again
    : >"$WORK/m.during"
    while [ ! -f "$WORK/mail.done" ] && [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 600 ]; do
        measure "$base/" >>"$WORK/m.during"
    done
    [ -f "$WORK/mail.done" ] || kill "$watcher" 2>/dev/null || true
    local sent elapsed during ratio
    sent=$(find "$WORK/sink" -name '*.json' | wc -l)
    if [ -f "$WORK/mail.done" ]; then
        t1=$(cat "$WORK/mail.done")
        elapsed=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f s", d / 1e9 }')
    else
        elapsed="not finished in 600 s"
    fi
    during=$(col "$WORK/m.during" 1)
    ratio=$(awk -v d="$during" -v a="${alone%% *}" 'BEGIN { printf "%.2f", (a > 0 ? d / a : 0) }')
    MAIL_REPORT="
mail: one new post to $MAIL_SUBSCRIBERS confirmed subscribers (SQLite, tests/smtp_sink.py on 127.0.0.1), timed from the API's
answer to the last message taken; meanwhile the cached home page with wrk -t2 -c$CONNECTIONS -d$DURATION, in runs until the mailing ended, median

| subscribers | messages taken | time (target < 120 s) | home alone r/s | home while mailing r/s | ratio (target >= 0.8) |
|-------------|----------------|-----------------------|----------------|------------------------|-----------------------|
| $MAIL_SUBSCRIBERS | $sent | $elapsed | ${alone%% *} | $during | $ratio |"
}

SERVE_REPORT= FLOOD_REPORT= POSTGRES_REPORT= VIEWS_REPORT= GADGETS_REPORT= IMPORT_REPORT= FETCH_REPORT= RENDER_REPORT= MEDIA_REPORT= MAIL_REPORT=
part serve && serve_bench
part flood && flood_bench
part postgres && postgres_bench
part views && views_bench
part gadgets && gadgets_bench
part import && import_bench
part fetch && fetch_bench
part render && render_bench
part media && media_bench
part mail && mail_bench

cat <<OUT

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)), $(free -h | awk '/Mem:/ {print $2}') memory, $(uname -srm)
command: ONLY=$ONLY ROUNDS=$ROUNDS DURATION=$DURATION CONNECTIONS=$CONNECTIONS RENDER_POSTS=$RENDER_POSTS FLOOD_POSTS=$FLOOD_POSTS MAIL_SUBSCRIBERS=$MAIL_SUBSCRIBERS bench/run.sh
$SERVE_REPORT
$FLOOD_REPORT
$POSTGRES_REPORT
$VIEWS_REPORT
$GADGETS_REPORT
$IMPORT_REPORT
$FETCH_REPORT
$RENDER_REPORT
$MEDIA_REPORT
$MAIL_REPORT
OUT
