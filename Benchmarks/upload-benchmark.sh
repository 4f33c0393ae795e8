#!/usr/bin/env bash
# Upload benchmark: `preflight update` sending a ~2 GiB training video in 64 parts, 4 at a time, to the loopback
# emulator, beside curl sending the same 64 byte ranges (pre-split part files) to fresh upload URLs of the same
# emulator with the same parallelism. Reports peak RSS (/usr/bin/time -v) and wall time. Not a test.
#
# Usage: Benchmarks/upload-benchmark.sh [work-dir]   (default /tmp/upload-bench; needs ~5 GiB free there)
# curl runs with "Expect:" cleared, so it does not wait a second per part for a 100-continue.
# Needs: ffmpeg, curl, python3, GNU time (apt-get install -y time), xargs.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/upload-bench}"
PARTS=64
PARALLEL=4
PROJECT=benchproject
TOKEN=bench-token
mkdir -p "$WORK"
cd "$WORK"

echo "== release build"
(cd "$ROOT" && swift build -c release --product preflight --static-swift-stdlib 2>&1 | tail -1)
BIN="$ROOT/.build/release/preflight"

# A training video that passes lint: a 2 s 1080p clip of noise at 60 Mbit/s, looped by stream copy to 232 s
# (about 2.0 GiB), with a noise audio track.
if [ ! -f big.mp4 ]; then
  echo "== making big.mp4"
  ffmpeg -v error -y -f lavfi -i "nullsrc=s=1920x1080:r=25:d=2,geq=lum='random(1)*255':cb=128:cr=128" \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -b:v 60M -maxrate 60M -bufsize 60M -g 50 clip.mp4
  ffmpeg -v error -y -stream_loop 115 -i clip.mp4 -f lavfi -i anoisesrc=d=232:a=0.3:r=48000 \
    -map 0:v -map 1:a -c:v copy -c:a aac -b:a 128k -t 232 big.mp4
  rm -f clip.mp4
fi
SIZE=$(stat -c %s big.mp4)
PART_SIZE=$(( (SIZE + PARTS - 1) / PARTS ))
echo "big.mp4: $SIZE bytes; part size $PART_SIZE bytes -> $(( (SIZE + PART_SIZE - 1) / PART_SIZE )) parts"

EMU_PID=""
cleanup() { if [ -n "$EMU_PID" ]; then kill "$EMU_PID" 2>/dev/null || true; wait "$EMU_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

start_emulator() {
  rm -rf storage && mkdir storage
  "$BIN" emulator --project-id "$PROJECT" --ak BENCHAK --sk BENCHSK --token "$TOKEN" \
    --job bench-a=AUTO_VERIFY_FAILED --job bench-b=AUTO_VERIFY_FAILED --storage "$WORK/storage" >emulator.url 2>emulator.log &
  EMU_PID=$!
  for _ in $(seq 1 100); do [ -s emulator.url ] && break; sleep 0.1; done
  BASE=$(head -1 emulator.url | cut -d' ' -f1)   # the line also carries the control token
}

# Prints "<seconds since epoch> <line>" for each stderr line, to time the upload phase.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }

# --no-deep: the looped noise clip is a still picture by the content rules' measure (it repeats every 2 s), and this
# measures the upload; Benchmarks/deep-benchmark.sh times the content checks.
echo "== preflight update (release), $PARALLEL parts at a time"
start_emulator
cat big.mp4 > /dev/null   # both runs read from the page cache
CLOUD_SDK_AK=BENCHAK CLOUD_SDK_SK=BENCHSK CLOUD_SDK_PROJECT_ID=$PROJECT \
  /usr/bin/time -v -o preflight.time "$BIN" update --endpoint "$BASE" --job-id bench-a --training-video big.mp4 \
  --part-size "$PART_SIZE" --parallel "$PARALLEL" --no-deep 2> >(stamp > preflight.stderr) > preflight.stdout
sleep 0.5
UP_START=$(grep -m1 'Uploading' preflight.stderr | cut -d' ' -f1)
UP_END=$(grep -m1 'Sending CONFIRM_MULTIPART_UPLOADED' preflight.stderr | cut -d' ' -f1)
PF_UPLOAD=$(python3 -c "print(f'{$UP_END - $UP_START:.2f}')")
PF_WALL=$(grep 'Elapsed (wall clock)' preflight.time | awk '{print $NF}')
PF_RSS=$(grep 'Maximum resident set size' preflight.time | awk '{print $NF}')
cmp <(cat storage/bench-a/training_video.mp4) big.mp4 && echo "stored file identical"

echo "== curl -T, same 64 ranges, $PARALLEL at a time"
rm -rf parts && mkdir parts
split -b "$PART_SIZE" -d -a 3 big.mp4 parts/p.
curl -sf -X PUT -H "X-Auth-Token: $TOKEN" -H "Content-Type: application/json" \
  --data-binary "{\"video_multipart_count\": $(ls parts | wc -l)}" \
  "$BASE/v1/$PROJECT/digital-human-training-manage/user/jobs/bench-b" > urls.json
python3 - <<'EOF' > jobs.txt
import json, os
urls = json.load(open("urls.json"))["training_video_upload_url"]
parts = sorted(os.listdir("parts"))
for url, part in zip(urls, parts):
    print(f"parts/{part} {url}")
EOF
cat parts/* > /dev/null
/usr/bin/time -v -o curl.time xargs -P "$PARALLEL" -L 1 sh -c \
  'curl -sf -o /dev/null -X PUT -H "Expect:" -H "Content-Type: application/octet-stream" -T "$0" "$1"' < jobs.txt
CURL_WALL=$(grep 'Elapsed (wall clock)' curl.time | awk '{print $NF}')
CURL_RSS=$(grep 'Maximum resident set size' curl.time | awk '{print $NF}')
rm -rf parts

echo
echo "preflight update: total wall $PF_WALL (lint, show, update, upload, confirm/assembly); upload phase ${PF_UPLOAD} s; peak RSS ${PF_RSS} KiB"
echo "curl -T x$PARALLEL: wall $CURL_WALL; peak RSS of the largest single process ${CURL_RSS} KiB"
