#!/usr/bin/env bash
# Creates <repo>/.venv-sdk with Huawei Cloud's official MetaStudio Python SDK, used by the
# emulator's oracle test (Tests/MetaStudioEmulatorTests) and by Tests/Oracles/sdk_probe.py.
# Idempotent: does nothing when the SDK already imports. Exits non-zero if it cannot be set up.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SDK_VENV:-$repo/.venv-sdk}"
python="${PYTHON:-python3}"
packages=(huaweicloudsdkcore==3.1.219 huaweicloudsdkmetastudio==3.1.219)

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import huaweicloudsdkmetastudio' 2>/dev/null; then
    exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "sdk-venv: creating $venv" >&2
    "$python" -m venv "$venv"
fi
echo "sdk-venv: installing ${packages[*]}" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${packages[@]}"
"$venv/bin/python" -c 'import huaweicloudsdkmetastudio' \
    || { echo "sdk-venv: huaweicloudsdkmetastudio still does not import" >&2; exit 1; }
echo "sdk-venv: ready" >&2
