#!/usr/bin/env bash
# Installs what reviewtool needs and starts the desktop application on the default local
# database (or on --db URL). Arguments are passed to reviewtool.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh app
scripts/python-env.sh
if [ "$(uname)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$#" -eq 0 ]; then
  echo "No screen found: starting reviewtool on a virtual screen (Xvfb). Use the command line" \
       "(.venv/bin/reviewtool --help) or run this on a desktop to see the window."
  exec xvfb-run -a .venv/bin/reviewtool
fi
exec .venv/bin/reviewtool "$@"
