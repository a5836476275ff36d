#!/usr/bin/env bash
# A real S3-compatible server for the tests of `--media-store s3://…`:
# s3s-fs (a test service only, never linked into Tidings), on 127.0.0.1 at a
# free port, keeping its buckets in a temporary directory, with one bucket,
# `tidings-test`.
#
#   scripts/s3-test-server.sh --install   installs s3s-fs if it is missing
#   eval "$(scripts/s3-test-server.sh)"   starts it and exports
#       TIDINGS_TEST_S3_URL (s3://tidings-test?endpoint=http://127.0.0.1:PORT),
#       TIDINGS_TEST_S3_KEY_ID, TIDINGS_TEST_S3_SECRET and TIDINGS_TEST_S3_PID
#       (stop it with `kill $TIDINGS_TEST_S3_PID`; its directory goes with it).
#
# `cargo install s3s-fs --version $S3S_FS_VERSION --features binary --locked`
# builds it once into ~/.cargo/bin (about 3 minutes of CPU; 12 minutes on two
# cores shared with other builds); later runs find it there.
set -euo pipefail

# The newest that builds on our toolchain (0.15 and later ask for Rust 1.96).
S3S_FS_VERSION=0.14.1

# Where `cargo install` puts it, whether or not that is on PATH.
PATH=${CARGO_HOME:-$HOME/.cargo}/bin:$PATH

install() {
    if ! command -v s3s-fs >/dev/null 2>&1; then
        echo "s3-test-server.sh: installing s3s-fs $S3S_FS_VERSION (cargo install)" >&2
        cargo install --quiet s3s-fs --version "$S3S_FS_VERSION" --features binary --locked >&2
    fi
}

install
if [ "${1:-}" = "--install" ]; then
    exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-s3.XXXXXX")
mkdir "$dir/tidings-test"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
key_id=tidingstest
secret=tidings-test-secret
# Started in its own session so the caller's shell can go on; the wrapper
# removes the directory once the server is stopped.
setsid bash -c '
    s3s-fs --host 127.0.0.1 --port "$1" --access-key "$2" --secret-key "$3" "$4" \
        >"$4.log" 2>&1 &
    server=$!
    trap "kill $server 2>/dev/null; wait $server; rm -rf \"$4\" \"$4.log\"" TERM INT
    wait $server
    rm -rf "$4" "$4.log"
' s3-test-server "$port" "$key_id" "$secret" "$dir" </dev/null >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if ! python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
    echo "s3-test-server.sh: s3s-fs did not start on 127.0.0.1:$port; its log:" >&2
    cat "$dir.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    exit 1
fi
echo "export TIDINGS_TEST_S3_URL='s3://tidings-test?endpoint=http://127.0.0.1:$port'"
echo "export TIDINGS_TEST_S3_KEY_ID='$key_id' TIDINGS_TEST_S3_SECRET='$secret'"
echo "export TIDINGS_TEST_S3_PID=$pid"
