#!/usr/bin/env bash
# Install what the program needs (Debian/Ubuntu packages for Qt, a .venv with the pinned
# run-time requirements) and start it. Arguments go to the program (e.g. --db PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh --run
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
exec .venv/bin/python main.py "$@"
