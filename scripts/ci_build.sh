#!/usr/bin/env bash
# CI stage after the tests (.ci/run): build the distribution once, smoke-test the frozen
# program headless (new → export → list → check, window shown offscreen), write the portable
# zip, compile the installer, and check what came out. About 2–3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
export PYTHON=${PYTHON:-.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3

bash scripts/build.sh --smoke

version=$("$PYTHON" scripts/make_version_info.py --print version)
zip_file=$(ls dist/nianbao-"$version"-portable-*.zip)
"$PYTHON" - "$zip_file" <<'PY'
import sys
import zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
assert "nianbao/portable.txt" in names, "portable marker missing"
assert {"nianbao/nianbao", "nianbao/nianbao.exe"} & names, "executable missing"
assert any(n.startswith("nianbao/_internal/resources/templates/") for n in names), "templates missing"
print(f"ci_build: portable zip has {len(names)} entries, marker and templates present")
PY
ls dist/nianbao-"$version"-setup*.exe >/dev/null
echo "ci_build: OK in $(( $(date +%s) - start ))s"
