#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine and runs them all:
# type check, lint, unit, integration on SQLite and PostgreSQL, the web app build, end-to-end in
# Chromium (screenshots in test-artifacts/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "system packages (Chromium, fonts, LibreOffice Writer, Poppler, PostgreSQL client) from Debian"
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need_apt+=(fonts-noto-core)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
command -v pg_isready >/dev/null 2>&1 || need_apt+=(postgresql-15)
# LibreOffice opens the report's DOCX as a word processor would (test/integration/report-word-processor.test.ts).
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

step "node packages"
npm config set nodedir /usr >/dev/null 2>&1 || true
npm ci --no-audit --no-fund

step "PostgreSQL"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    bash scripts/start-postgres.sh
  fi
fi
echo "using ${TEST_DATABASE_URL%%@*}@… (password, if any, not shown)" | sed -E 's#//[^:@]+:[^@]+@#//***@#'

step "type check (server, tests, web app)"
npx tsc --noEmit -p .
npx tsc --noEmit -p web

step "lint and format check (Biome)"
npx biome ci --error-on-warnings .

step "OpenAPI document is up to date"
node --import tsx scripts/write-openapi.ts --check

step "compiled CLI and server in dist/ (npm ci built them; again only if src/ changed since)"
node scripts/build.js --if-stale

step "unit and integration tests (SQLite and PostgreSQL)"
mapfile -t unit < <(ls test/unit/*.test.ts test/integration/*.test.ts)
node --import tsx --test --test-concurrency=2 "${unit[@]}"

step "web app build (npm ci built it too; this makes sure it matches the sources)"
npm run build:web

step "end-to-end tests (Chromium)"
mapfile -t e2e < <(ls test/e2e/*.test.ts)
node --import tsx --test --test-concurrency=1 "${e2e[@]}"
