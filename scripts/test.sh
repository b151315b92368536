#!/usr/bin/env bash
# Installs everything the tests need (Debian and Python packages), checks the code and runs
# the whole test suite, including the PostgreSQL tests against a server it starts itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh test
scripts/python-env.sh test
# axe-core checks the HTML twins (tests/accessibility); it needs Node.js, which is optional.
if command -v npm >/dev/null && [ ! -d .cache/axe/node_modules/axe-core ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4 jsdom@29 >/dev/null \
    || echo "axe-core could not be installed: the HTML accessibility test will be skipped" >&2
fi
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check src tests db scripts benchmarks
echo "== mypy"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
status=0
# Both cores: each worker gets its own databases (copies of one migrated template).
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist worksteal "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
