#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for the store tests.
#   eval "$(bash .ci/postgres.sh)"     # sets RASD_TEST_POSTGRES, and RASD_PG_STOP (the command that stops it)
# Installs PostgreSQL from Debian when no server binary is found. All progress goes to
# stderr; stdout carries only the export line. The cluster lives in a temp dir and listens
# on 127.0.0.1 only, trust auth, so it needs no password.
set -euo pipefail
PORT="${RASD_PG_PORT:-54329}"
# the first port from there on that nothing listens on
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; fi
  done | sort -V | tail -n 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  echo "postgres.sh: installing PostgreSQL from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
[ -n "$BIN" ] || { echo "postgres.sh: no PostgreSQL server binaries found" >&2; exit 1; }

RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  RUN_AS=(runuser -u postgres --)
fi

DIR="$(mktemp -d /tmp/rasd-pg.XXXXXX)"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 \
  || "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C >&2
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >&2
"${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres rasd_test >&2
echo "postgres.sh: PostgreSQL running on 127.0.0.1:$PORT (data in $DIR; stop: ${RUN_AS[*]} $BIN/pg_ctl -D $DIR/data stop)" >&2
echo "export RASD_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$PORT/rasd_test"
printf 'export RASD_PG_STOP=%q\n' "${RUN_AS[*]} $BIN/pg_ctl -D $DIR/data -m fast stop"
