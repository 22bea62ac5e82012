#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1:5432 with trust auth when the machine does not already run one.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if ls /etc/postgresql/*/main >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  sleep 1
  pg_isready -h 127.0.0.1 -p 5432 -q && exit 0
fi
DIR=/tmp/pro-health-ci-pg
rm -rf "$DIR" && mkdir -p "$DIR/run" && chown -R postgres:postgres "$DIR"
su postgres -c "$BIN/initdb -D $DIR/data -A trust -U postgres >/dev/null"
su postgres -c "$BIN/pg_ctl -D $DIR/data -l $DIR/log -o '-p 5432 -k $DIR/run -c listen_addresses=127.0.0.1' -w start"
