#!/usr/bin/env bash
# Creates .venv (Python 3.11 or newer) and installs reviewtool into it with the given extra.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "reviewtool needs Python 3.11 or newer ($python is $("$python" --version))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check ${1:+--editable} ".${1:+[$1]}"
