#!/usr/bin/env bash
# Builds the Debian package (`cargo deb -p tidings`, a release build) and
# checks what it holds: the binary, the hardened systemd unit, and
# /etc/tidings/tidings.toml as a conffile readable by root and its group
# only. Then runs the packaged binary from an unpacked copy: `--version`,
# and `doctor` with the packaged settings on a scratch data directory.
# Then, as root on a machine where the package is not installed, installs
# it for real with dpkg (the system user, the conffile's owner and mode),
# runs the installed /usr/bin/tidings (`--version`, and `doctor` as the
# service's user with /etc/tidings/tidings.toml), and purges it again.
# Installs cargo-deb into ~/.cargo/bin only when it is missing.
#
# `--dev` packages the debug binary the tests built instead of making a
# release build (CI: the package's layout, unit and conffile are what is
# checked; a release build would add minutes to every run).
set -euo pipefail
cd "$(dirname "$0")/.."
build=(--locked)
if [ "${1:-}" = --dev ]; then
    cargo build --locked --quiet -p tidings
    build=(--profile dev --no-build)
fi

if ! command -v cargo-deb >/dev/null 2>&1; then
    cargo install --locked cargo-deb
fi
cargo deb -p tidings "${build[@]}"
deb=$(ls -t "${CARGO_TARGET_DIR:-target}"/debian/tidings_*.deb | head -1)
echo "check-deb: $deb"
dpkg-deb -I "$deb"
contents=$(dpkg-deb -c "$deb")
echo "$contents"

fail() { echo "check-deb: $*" >&2; exit 1; }
has() { grep -qE "$1" <<<"$contents" || fail "the package lacks $2"; }
has '^-rwxr-xr-x (root/root|0/0) .* \./usr/bin/tidings$' "/usr/bin/tidings, executable"
has '^-rw-r----- (root/root|0/0) .* \./etc/tidings/tidings\.toml$' "/etc/tidings/tidings.toml, mode 640"
has '\./(usr/)?lib/systemd/system/tidings\.service$' "the systemd unit"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/tidings/tidings.toml "$work/control/conffiles" \
    || fail "/etc/tidings/tidings.toml is not a conffile"
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst makes no system user"
dpkg-deb -x "$deb" "$work/root"
unit="$work/root/usr/lib/systemd/system/tidings.service"
[ -f "$unit" ] || unit="$work/root/lib/systemd/system/tidings.service"
for line in 'User=tidings' 'StateDirectory=tidings' 'ProtectSystem=strict' \
    'NoNewPrivileges=yes' 'AmbientCapabilities=CAP_NET_BIND_SERVICE' \
    'ExecStart=/usr/bin/tidings --config /etc/tidings/tidings.toml serve'; do
    grep -qx "$line" "$unit" || fail "the unit lacks $line"
done
if command -v systemd-analyze >/dev/null 2>&1; then
    # Only the binary's absence from /usr/bin may be reported.
    if systemd-analyze verify "$unit" 2>&1 | grep -v 'is not executable' | grep .; then
        fail "systemd-analyze finds fault with the unit"
    fi
fi

"$work/root/usr/bin/tidings" --version
TIDINGS_LISTEN=127.0.0.1:0 "$work/root/usr/bin/tidings" --config "$work/root/etc/tidings/tidings.toml" \
    doctor --data "$work/data"

if [ "$(id -u)" != 0 ]; then
    echo "check-deb: not root: the package is not installed on this machine"
elif dpkg -s tidings >/dev/null 2>&1; then
    echo "check-deb: a tidings package is installed here already: left as it is"
else
    made_state=
    cleanup() {
        dpkg --purge tidings >/dev/null 2>&1 || true
        [ -z "$made_state" ] || rm -rf /var/lib/tidings
        rm -rf "$work"
    }
    trap cleanup EXIT
    dpkg -i "$deb"
    [ -x /usr/bin/tidings ] || fail "dpkg -i did not install /usr/bin/tidings"
    getent passwd tidings >/dev/null || fail "installing made no tidings user"
    [ "$(stat -c '%U:%G %a' /etc/tidings/tidings.toml)" = "root:tidings 640" ] \
        || fail "/etc/tidings/tidings.toml is not root:tidings, mode 640"
    /usr/bin/tidings --version
    # systemd makes the StateDirectory when the service starts; without it
    # (a container), make it as the unit would.
    if [ ! -d /var/lib/tidings ]; then
        install -d -o tidings -g tidings -m 0750 /var/lib/tidings
        made_state=1
    fi
    # The packaged settings as the service reads them, but on a free port:
    # this machine may be serving 8080 already.
    runuser -u tidings -- env TIDINGS_LISTEN=127.0.0.1:0 \
        /usr/bin/tidings --config /etc/tidings/tidings.toml doctor
    dpkg --purge tidings
    [ ! -e /usr/bin/tidings ] || fail "dpkg --purge left /usr/bin/tidings"
    [ ! -e /etc/tidings/tidings.toml ] || fail "dpkg --purge left the conffile"
    echo "check-deb: installed, ran and purged"
fi
echo "check-deb: ok"
