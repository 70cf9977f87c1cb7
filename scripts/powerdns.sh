#!/usr/bin/env bash
# An authoritative PowerDNS for the panel's reverse zones, without systemd: its own config
# directory, a SQLite database, the HTTP API on 127.0.0.1 (key in DIR/api-key), DNS on
# 127.0.0.1. Idempotent: a running instance with the same settings is left alone.
#   scripts/powerdns.sh start [DIR] [DNS_PORT] [API_PORT]   prints "api-url api-key dns-port"
#   scripts/powerdns.sh stop  [DIR]
# Defaults come from PANEL_DNS_DIR (/var/lib/virtpanel/powerdns), PANEL_DNS_PORT (8053) and
# PANEL_DNS_API_PORT (8081). Port 53 is never used: the host's resolver may hold it.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

cmd=${1:-}
DIR=${2:-${PANEL_DNS_DIR:-/var/lib/virtpanel/powerdns}}
DNS_PORT=${3:-${PANEL_DNS_PORT:-8053}}
API_PORT=${4:-${PANEL_DNS_API_PORT:-8081}}

die() { echo "powerdns.sh: $*" >&2; exit 1; }

running() {
    [ -f "$DIR/pdns.pid" ] && kill -0 "$(cat "$DIR/pdns.pid")" 2>/dev/null
}

port_taken() { # $1 port, $2 protocol letter (t or u)
    ss -H -ln"$2" "sport = :$1" 2>/dev/null | grep -q .
}

schema() {
    for f in /usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql; do
        [ -f "$f" ] && { echo "$f"; return; }
    done
    die "no SQLite schema found: install pdns-backend-sqlite3"
}

start() {
    command -v pdns_server >/dev/null || die "pdns_server not found: install pdns-server pdns-backend-sqlite3"
    mkdir -p "$DIR"
    [ -s "$DIR/api-key" ] || (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$DIR/api-key")
    local key; key=$(cat "$DIR/api-key")
    local conf
    conf=$(cat <<CONF
launch=gsqlite3
gsqlite3-database=$DIR/pdns.sqlite3
local-address=127.0.0.1
local-port=$DNS_PORT
api=yes
api-key=$key
webserver=yes
webserver-address=127.0.0.1
webserver-port=$API_PORT
webserver-allow-from=127.0.0.1/32
socket-dir=$DIR
daemon=yes
guardian=no
disable-syslog=yes
loglevel=4
cache-ttl=0
negquery-cache-ttl=0
query-cache-ttl=0
zone-cache-refresh-interval=0
CONF
)
    if running; then
        if [ "$conf" = "$(cat "$DIR/pdns.conf" 2>/dev/null)" ]; then
            echo "http://127.0.0.1:$API_PORT $key $DNS_PORT"
            return
        fi
        stop
    fi
    for p in "$DNS_PORT:u" "$DNS_PORT:t" "$API_PORT:t"; do
        port_taken "${p%:*}" "${p#*:}" && die "port ${p%:*} is in use (choose PANEL_DNS_PORT / PANEL_DNS_API_PORT)"
    done
    echo "$conf" > "$DIR/pdns.conf"
    if [ ! -s "$DIR/pdns.sqlite3" ]; then
        sqlite3 "$DIR/pdns.sqlite3" < "$(schema)"
    fi
    pdns_server --config-dir="$DIR" >>"$DIR/pdns.log" 2>&1 </dev/null
    for _ in $(seq 1 50); do
        if running && curl -fsS -o /dev/null -H "X-API-Key: $key" "http://127.0.0.1:$API_PORT/api/v1/servers/localhost" 2>/dev/null; then
            echo "http://127.0.0.1:$API_PORT $key $DNS_PORT"
            return
        fi
        sleep 0.1
    done
    die "PowerDNS did not answer on 127.0.0.1:$API_PORT (see $DIR/pdns.log)"
}

stop() {
    if running; then
        local pid; pid=$(cat "$DIR/pdns.pid")
        kill "$pid"
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$DIR/pdns.pid"
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: scripts/powerdns.sh start|stop [DIR] [DNS_PORT] [API_PORT]" >&2; exit 2 ;;
esac
