#!/usr/bin/env bash
# Runs the whole test suite: the README's test command, and what CI runs.
#
# Every crate's tests run on SQLite. When TIDINGS_TEST_DATABASE_URL names a
# PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test), the
# integration suite then runs a second time on PostgreSQL, each test in a fresh
# database of its own that is dropped afterwards.
#
# The integration tests use real clients beside our own code: Python's
# feedparser reads every feed the way many feed readers do, and schemathesis
# (`st`) tests the API against its OpenAPI document. This script installs
# what is missing first.
#
# `--media-store s3://…` is tested against a real S3-compatible server,
# s3s-fs (scripts/s3-test-server.sh, installed with cargo the first time):
# unless TIDINGS_TEST_S3_URL already names one, this script starts one for
# the run and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TIDINGS_TEST_S3_URL:-}" ]; then
    echo "test.sh: starting a test S3 server (scripts/s3-test-server.sh)"
    s3_env=$(scripts/s3-test-server.sh)
    eval "$s3_env"
    trap 'kill "$TIDINGS_TEST_S3_PID" 2>/dev/null || true' EXIT
fi

if ! python3 -c 'import feedparser, schemathesis' 2>/dev/null; then
    echo "test.sh: installing the Python packages the tests use (tests/requirements.txt)"
    python3 -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
fi

if cargo nextest --version >/dev/null 2>&1; then
    run=(cargo nextest run --locked)
else
    run=(cargo test --locked)
fi

pg_url=${TIDINGS_TEST_DATABASE_URL:-}
echo "test.sh: every crate, integration tests on SQLite"
env -u TIDINGS_TEST_DATABASE_URL "${run[@]}" --workspace "$@"
if [ -n "$pg_url" ]; then
    echo "test.sh: integration tests on PostgreSQL ($pg_url)"
    TIDINGS_TEST_DATABASE_URL=$pg_url "${run[@]}" -p tidings --test it "$@"
else
    echo "test.sh: TIDINGS_TEST_DATABASE_URL is not set, so the PostgreSQL half did not run"
fi

# Browser tests: the real binary in Debian's Chromium, driven by playwright-core
# (tests/browser/, Node's built-in test runner). They never download a browser,
# so a missing Chromium is a failure here, not a skip.
echo "test.sh: browser tests (tests/browser/, Chromium)"
chromium_bin=${TIDINGS_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium_bin" ]; then
    echo "test.sh: $chromium_bin is missing: the browser tests need Debian's chromium (apt-get install -y chromium)" >&2
    exit 1
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: node and npm are missing: the browser tests need Node 20 (apt-get install -y nodejs npm)" >&2
    exit 1
fi
if [ ! -d tests/browser/node_modules ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts)
fi
# The tests run target/debug/tidings: build it (a no-op when it is fresh).
cargo build --locked --quiet -p tidings
node --test tests/browser/
