#!/usr/bin/env bash
# Drive the frozen program headless, the way a script would: new → export (.json/.docx/.pdf) → list → check.
#
#   scripts/smoke_frozen.sh [EXECUTABLE]      (default dist/nianbao/nianbao, or nianbao.exe)
#
# Runs on Linux and in Git Bash on Windows (.github/workflows/windows.yml). Needs a Python
# with python-docx ($PYTHON, default python3/python) to look inside the exported files.
# Exports .docx when the build's exporter supports it; until the .docx exporter lands, the
# program's "暂不支持导出为 .docx" message is accepted and the .json export is checked alone.
set -euo pipefail
cd "$(dirname "$0")/.."

exe=${1:-dist/nianbao/nianbao}
[ -f "$exe" ] || exe="$exe.exe"
[ -f "$exe" ] || { echo "smoke: no frozen executable at ${1:-dist/nianbao/nianbao}; build it first" >&2; exit 1; }
python=${PYTHON:-$(command -v python3 || command -v python)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
work=$(cd "$work" && { pwd -W 2>/dev/null || pwd; })  # Git Bash: C:/… so the .exe and Python agree
export NIANBAO_HOME="$work/home"  # never the real app-data folder
export QT_QPA_PLATFORM=offscreen
db="$work/library.db"
issuer="测试局"

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
# A windowed Windows build shows a dialog on a start-up crash: never wait for it forever.
run() { timeout 120 "$exe" "$@"; }
step() { echo "smoke: $*"; }

step "new"
id=$(run new --year 2024 --issuer "$issuer" --db "$db" | tr -d '\r')
[[ "$id" =~ ^[0-9]+$ ]] || fail "new printed '$id' instead of a report id"

step "export .json"
run export "$id" -o "$work/x.json" --db "$db" >/dev/null
"$python" - "$work/x.json" "$issuer" <<'PY' || fail "exported .json is wrong"
import json, sys
data = json.loads(open(sys.argv[1], encoding="utf-8").read())
assert data["format"] == "nianbao-report", data.get("format")
assert data["meta"]["year"] == 2024 and data["meta"]["issuer"] == sys.argv[2], data["meta"]
assert data["body"], "empty body"
print(f"smoke:   {len(data['body'])} top-level nodes, title {data['meta']['title']}")
PY

step "export .docx"
if run export "$id" -o "$work/x.docx" --db "$db" >/dev/null 2>"$work/docx.err"; then
  title=$(run show "$id" --json --db "$db" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["meta"]["title"])')
  "$python" - "$work/x.docx" "$title" <<'PY' || fail "exported .docx does not open or lacks the title"
import sys
import docx
document = docx.Document(sys.argv[1])
text = "".join("".join(p.text.split()) for p in document.paragraphs)  # a long title may be broken
assert "".join(sys.argv[2].split()) in text, f"title {sys.argv[2]!r} not in the document"
print(f"smoke:   {len(document.paragraphs)} paragraphs, title found")
PY
elif grep -q "暂不支持导出为 .docx" "$work/docx.err"; then
  step "  (this build has no .docx exporter yet: $(tr -d '\r' <"$work/docx.err"))"
else
  cat "$work/docx.err" >&2
  fail "export .docx"
fi

step "export .pdf (fonts subset by the bundled HarfBuzz)"
if command -v pdftotext >/dev/null && command -v fc-match >/dev/null; then
  # The tests' font set maps the GB font names onto Noto CJK / AR PL UKai (scripts/install-system-deps.sh).
  FONTCONFIG_FILE="$PWD/tests/fonts/fonts.conf" run export "$id" -o "$work/x.pdf" --db "$db" >/dev/null 2>"$work/pdf.err" || {
    cat "$work/pdf.err" >&2
    fail "export .pdf"
  }
  pdftotext "$work/x.pdf" "$work/x.txt"
  tr -d ' \n' <"$work/x.txt" | grep -q "$issuer" || fail "the PDF's text does not read back"
  step "  $(pdfinfo "$work/x.pdf" | grep -E '^Pages:' | tr -s ' '), text reads back"
else
  step "  (no poppler or fontconfig here: PDF export not checked)"
fi

step "list"
run list --db "$db" | grep -q "$issuer" || fail "list does not show the new report"
if [ "$(uname -s)" = Linux ]; then
  step "  the command line loads no Qt library"
  if LD_DEBUG=libs run list --db "$db" 2>&1 >/dev/null | grep -q "calling init: .*libQt6Core"; then
    fail "the command line loaded Qt"
  fi
fi

step "check"
set +e
run check "$id" --db "$db" >"$work/check.out" 2>"$work/check.err"
rc=$?
set -e
if grep -q "没有“check”这个命令" "$work/check.err"; then
  step "  (this build has no check command yet)"
elif [ "$rc" -gt 1 ] || grep -q "程序内部出错" "$work/check.err"; then
  cat "$work/check.err" >&2
  fail "check crashed (exit $rc)"
else
  step "  exit $rc, $(wc -l <"$work/check.out") lines of findings"
fi

step "bad input gets a one-line Chinese error, exit 1"
set +e
run export 9999 -o "$work/y.json" --db "$db" 2>"$work/err.txt"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "missing report: exit $rc instead of 1"
grep -q "^错误：" "$work/err.txt" || fail "missing report: no Chinese error ($(cat "$work/err.txt"))"
! grep -q "Traceback" "$work/err.txt" || fail "missing report: traceback on stderr"

step "desktop window starts and shows (offscreen)"
NIANBAO_EXIT_AFTER_SHOWN=1 timeout 60 "$exe" --db "$db" 2>"$work/gui.err" || {
  cat "$work/gui.err" >&2
  fail "the desktop program did not start"
}

echo "smoke: OK ($exe)"
