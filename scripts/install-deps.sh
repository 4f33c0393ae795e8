#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing:
#   build: pkg-config and FFmpeg's development files (libavformat-dev, libavcodec-dev, libavfilter-dev, libavutil-dev);
#   test:  the ffmpeg/ffprobe command-line tools, Python's venv module (for the official SDK oracle) and Chromium
#          (the HTML report is checked in a real browser, headless).
# Usage: scripts/install-deps.sh [build|test]   (default: build). Uses sudo when not root.
set -euo pipefail

want="${1:-build}"
packages=()

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: the Swift toolchain (swift) is not on PATH; install Swift 6 first (https://www.swift.org/install/)." >&2
    exit 2
fi
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
if ! pkg-config --exists libavformat libavcodec libavfilter libavutil 2>/dev/null; then
    packages+=(libavformat-dev libavcodec-dev libavfilter-dev libavutil-dev)
fi
if [ "$want" = test ]; then
    command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || packages+=(ffmpeg)
    python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || packages+=(python3-venv)
    command -v chromium >/dev/null 2>&1 || packages+=(chromium)
fi

if [ ${#packages[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: missing ${packages[*]}, and this system has no apt-get; install them with your package manager." >&2
    exit 2
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install ${packages[*]}" >&2; exit 2; }
    sudo=(sudo)
fi
echo "install-deps: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
