#!/usr/bin/env bash
# Build the one-folder application with PyInstaller into dist/reviewtool/.
# Run on the platform you are building for (Linux here; Windows: see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/python-env.sh
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.0"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/reviewtool.spec
echo "Built dist/reviewtool/reviewtool"
