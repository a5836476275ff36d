#!/usr/bin/env bash
# Follows docs/install.md on this machine, as root, step by step, with the
# two things a machine without a public name cannot have stood in for:
# DNS (pebble-challtestsrv answers 127.0.0.1 for every name, to Pebble
# alone) and Let's Encrypt (Debian's Pebble, checking its challenges for
# real on ports 80 and 443). The service runs as install.md's unit would
# (user tidings, CAP_NET_BIND_SERVICE), started by hand where systemd is
# absent. Purges the package at the end.
#
#   scripts/follow-install.sh target/debian/tidings_VERSION_amd64.deb
set -euo pipefail
deb=$(realpath "${1:?usage: follow-install.sh PACKAGE.deb}")
[ "$(id -u)" = 0 ] || { echo "follow-install: run as root" >&2; exit 1; }
if dpkg -s tidings >/dev/null 2>&1; then
    echo "follow-install: a tidings package is installed already" >&2
    exit 1
fi
host=blog.example.com
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    dpkg --purge tidings >/dev/null 2>&1 || true
    rm -rf /var/lib/tidings /var/backups/tidings /etc/cron.daily/tidings-backup "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "1. DNS: pebble-challtestsrv answers 127.0.0.1 for $host (to Pebble only)"
pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 127.0.0.1:8053 \
    -http01 "" -https01 "" -tlsalpn01 "" -management 127.0.0.1:8055 >"$work/dns.log" 2>&1 &
pids+=($!)
cd "$work"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key \
    -out ca.pem -days 2 -subj "/CN=follow-install CA" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout leaf.key \
    -out leaf.csr -subj /CN=127.0.0.1 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' >leaf.ext
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 2 \
    -extfile leaf.ext -out leaf.pem 2>/dev/null
cat >pebble.json <<JSON
{"pebble": {"listenAddress": "127.0.0.1:14000", "managementListenAddress": "127.0.0.1:15000",
 "certificate": "$work/leaf.pem", "privateKey": "$work/leaf.key",
 "httpPort": 80, "tlsPort": 443, "ocspResponderURL": "", "externalAccountBindingRequired": false}}
JSON
chmod 644 ca.pem
PEBBLE_VA_NOSLEEP=1 pebble -config pebble.json -dnsserver 127.0.0.1:8053 >"$work/pebble.log" 2>&1 &
pids+=($!)
sleep 2

step "2. The package"
apt-get install -y -qq "$deb" >/dev/null 2>&1 || dpkg -i "$deb"
ls -l /usr/bin/tidings /etc/tidings/tidings.toml

step "3. The settings (tidings.toml), as install.md writes them, with Pebble for Let's Encrypt"
install -m 0644 "$work/ca.pem" /etc/tidings/pebble-ca.pem
cat >/etc/tidings/tidings.toml <<'TOML'
data = "/var/lib/tidings"

# Readers come from everywhere, on port 80 ...
listen = "0.0.0.0:80"
# ... and on 443, with a certificate for each blog's name.
tls_acme = true
listen_https = "0.0.0.0:443"
# Let's Encrypt writes here if a certificate is about to expire unrenewed.
acme_email = "you@example.com"

# Answer 404 to names that are not one of your blogs.
strict_hosts = true

# Not in install.md: this check's stand-in for Let's Encrypt.
acme_directory = "https://127.0.0.1:14000/dir"
acme_ca_root = "/etc/tidings/pebble-ca.pem"
TOML
# systemd makes the StateDirectory when the service starts.
[ -d /var/lib/tidings ] || install -d -o tidings -g tidings -m 0750 /var/lib/tidings
tidings() { runuser -u tidings -- /usr/bin/tidings --config /etc/tidings/tidings.toml "$@"; }
tidings blog add --host "$host" --title "My Blog"
echo 'a long password only you know' | tidings user add --blog "$host" \
    --email you@example.com --name "Your Name" --role admin --password-stdin
tidings doctor || true # HTTPS ports are not bound yet: doctor says so
tidings config | grep -E 'tls_acme|listen|acme_directory'

step "4. HTTPS, by itself (the service as its unit runs it)"
setpriv --reuid=tidings --regid=tidings --init-groups \
    --inh-caps=+net_bind_service --ambient-caps=+net_bind_service \
    /usr/bin/tidings --config /etc/tidings/tidings.toml serve >"$work/serve.log" 2>&1 &
pids+=($!)
t0=$(date +%s.%N)
curl -s --retry 20 --retry-connrefused --retry-delay 1 -o /dev/null http://127.0.0.1/healthz
curl -s https://127.0.0.1:15000/roots/0 --cacert "$work/ca.pem" >"$work/root.pem"
for _ in $(seq 1 120); do
    if curl -sf --resolve "$host:443:127.0.0.1" --cacert "$work/root.pem" \
        -o "$work/home.html" "https://$host/"; then break; fi
    sleep 0.5
done
python3 -c "import sys; print(f'first HTTPS answer {float(sys.argv[1]) - float(sys.argv[2]):.1f} s after the start')" "$(date +%s.%N)" "$t0"
grep -o '<title>[^<]*' "$work/home.html"
grep https: "$work/serve.log" | cut -c1-160
curl -sI --resolve "$host:80:127.0.0.1" "http://$host/2026/01/a.html" | grep -iE '^(HTTP|location)'
curl -sI --resolve "$host:443:127.0.0.1" --cacert "$work/root.pem" "https://$host/admin" \
    | grep -iE '^(HTTP|strict-transport)'

step "5. Backups, the nightly script as written"
install -d -o tidings -g tidings -m 0750 /var/backups/tidings
day=$(date +%F)
tidings backup "/var/backups/tidings/tidings-$day.db"
if [ -d /var/lib/tidings/media ]; then
    tar -C /var/lib/tidings -czf "/var/backups/tidings/media-$day.tar.gz" media
fi
ls -l /var/backups/tidings
echo "follow-install: ok"
