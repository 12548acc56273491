#!/usr/bin/env bash
# Creates Benchmarks/davbench/.venv with the pinned peers (Radicale, Xandikos)
# that the CalDAV and CardDAV benchmarks run beside Almanac (their HTTP client
# is the standard library's http.client). Safe to rerun.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
if [ ! -x "$here/.venv/bin/python" ]; then
    "$python" -m venv "$here/.venv"
fi
"$here/.venv/bin/python" -m pip install --quiet --upgrade pip
"$here/.venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
"$here/.venv/bin/python" -m pip freeze > "$here/.venv/freeze.txt"
echo "venv ready: $here/.venv ($(grep -iE '^(radicale|xandikos)==' "$here/.venv/freeze.txt" | tr '\n' ' '))"
