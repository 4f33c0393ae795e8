#!/usr/bin/env bash
# Creates <repo>/.venv-tools with the consumers the interoperability tests drive (Tests/EndToEndTests/InteropTests):
# sarif-tools (`sarif summary`), junitparser and pre-commit, at pinned versions.
# Idempotent: does nothing when all three are already installed at those versions. Exits non-zero if it cannot.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${TOOLS_VENV:-$repo/.venv-tools}"
python="${PYTHON:-python3}"
packages=(sarif-tools==3.0.5 junitparser==5.0.3 pre-commit==4.7.0)

installed() {
    "$venv/bin/python" - "${packages[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
for spec in sys.argv[1:]:
    name, wanted = spec.split("==")
    if version(name) != wanted:
        sys.exit(1)
PY
}

if [ -x "$venv/bin/python" ] && installed; then
    exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "tools-venv: creating $venv" >&2
    "$python" -m venv "$venv"
fi
echo "tools-venv: installing ${packages[*]}" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${packages[@]}"
installed || { echo "tools-venv: ${packages[*]} are still not all installed" >&2; exit 1; }
for tool in sarif pre-commit; do
    [ -x "$venv/bin/$tool" ] || { echo "tools-venv: $venv/bin/$tool is missing" >&2; exit 1; }
done
echo "tools-venv: ready" >&2
