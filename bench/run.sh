#!/usr/bin/env bash
# Runs the engine benchmark on SQLite and on a throwaway PostgreSQL cluster (Debian's postgresql package),
# then the policy-rules benchmark. Figures, not pass/fail: see docs/benchmarks.md.
#   bash bench/run.sh [--seconds 10] [--workers 4]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
D=$(mktemp -d); PORT=5499
as_pg() { if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$D"; su postgres -c "$1"; else bash -c "$1"; fi; }
as_pg "$PGBIN/initdb -D $D/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "$PGBIN/pg_ctl -D $D/data -l $D/pg.log -o '-p $PORT -c listen_addresses=127.0.0.1 -k $D' -w start >/dev/null"
trap 'as_pg "$PGBIN/pg_ctl -D $D/data -m immediate stop >/dev/null" || true; rm -rf "$D"' EXIT
as_pg "$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -c 'CREATE DATABASE bench' >/dev/null"

dotnet build -c Release bench/Engine.Bench >/dev/null
dotnet run -c Release --no-build --project bench/Engine.Bench -- \
  --postgres "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench" "$@"
# P3 over HTTP: the real Host on Kestrel, 100,000 stored instances, complete + next inbox page (its own PostgreSQL).
dotnet run -c Release --project bench/Inbox.Bench -- --scenario p3 --db both
