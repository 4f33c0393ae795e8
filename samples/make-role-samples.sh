#!/usr/bin/env bash
# Regenerates the fixtures for the non-video upload roles under samples/roles/: cover, ID-card and beauty images,
# grant files (authorisation letters) and audio ZIPs, each meant to pass or to fail a named rule.
# samples/roles/expected.json lists every file with its role, verdict and rule ids.
# Deterministic: bit-exact FFmpeg output, ZIP entries with a fixed date. Needs ffmpeg and python3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here/roles"
rm -rf pass warn fail .work
mkdir -p pass warn fail .work

ff=(ffmpeg -hide_banner -nostdin -loglevel error -y)
exact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

# picture OUT SIZE: one frame of FFmpeg's test pattern, format from the extension.
picture() { "${ff[@]}" -f lavfi -i "testsrc2=s=$2:d=1" -frames:v 1 "${exact[@]}" "$1"; }
# tone OUT SECONDS: a quiet sine, format from the extension.
tone() { "${ff[@]}" -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=$2" "${exact[@]}" "$1"; }
# zipped OUT NAME=FILE…: a ZIP whose entries are the given files under the given names (fixed timestamps).
zipped() {
    local out=$1
    shift
    python3 - "$out" "$@" <<'PY'
import sys, zipfile
out, pairs = sys.argv[1], sys.argv[2:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
    for pair in pairs:
        name, source = pair.split("=", 1)
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        data = open(source, "rb").read() if source else b""
        archive.writestr(info, data)
PY
}

picture pass/cover.jpg 320x180
picture pass/id-card-front.png 214x135
picture pass/id-card-back.jpg 428x270
picture pass/pre-beauty.jpg 180x320
picture pass/post-beauty.png 180x320
picture pass/grant-photo.jpg 310x438
# Two objects, the cross-reference table giving their byte offsets (9 and 58), the trailer, and startxref (110).
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer << /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%%%EOF\n' >pass/grant.pdf
tone .work/take-1.wav 2
tone .work/take-2.mp3 2
zipped pass/audio.zip take-1.wav=.work/take-1.wav take-2.mp3=.work/take-2.mp3

printf '' >.work/empty
printf 'Not a recording, just notes.\n' >.work/notes.txt
zipped warn/audio-with-clutter.zip take-1.wav=.work/take-1.wav "__MACOSX/._take-1.wav=.work/empty" ".DS_Store=.work/empty"

picture fail/cover.bmp 160x90
head -c 300 pass/cover.jpg >fail/cover-cut.jpg
: >fail/id-card-empty.png
printf 'I hereby authorise …\n' >fail/grant.txt
head -c 60 pass/grant.pdf >fail/grant-cut.pdf
zipped fail/audio-with-text.zip take-1.wav=.work/take-1.wav notes.txt=.work/notes.txt
zipped fail/audio-text-only.zip notes.txt=.work/notes.txt
zipped fail/audio-unsafe-name.zip ../take-1.wav=.work/take-1.wav
printf 'PK but not really a ZIP\n' >fail/audio-not-a-zip.zip

rm -rf .work
ls -l pass warn fail
