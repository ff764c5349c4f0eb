#!/usr/bin/env bash
# Starts a PostgreSQL 15 server on 127.0.0.1:5432 with trust authentication when none runs.
set -euo pipefail
if ls /etc/postgresql/*/main >/dev/null 2>&1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
else
  # initdb refuses to run as root: run it as the postgres user.
  data=/var/lib/postgresql/accord-test
  su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $data -A trust -U postgres" >/dev/null
  su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $data -o '-h 127.0.0.1 -p 5432' -l $data/log -w start" >/dev/null
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
exit 1
