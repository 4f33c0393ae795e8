#!/usr/bin/env bash
# Deep-lint benchmark: `preflight lint --deep` beside one ffmpeg pass running the equivalent filters over the same
# file (the issue's reference), wall time and peak RSS of each.
#
# Usage: Benchmarks/deep-benchmark.sh
#   Build first: swift build -c release --product preflight
#   Environment: PREFLIGHT (default .build/release/preflight), SECONDS_LONG (length of the takes, default 600),
#                PRESET (x264 preset of the masters, default veryfast),
#                SIZES (default "3840x2160 1920x1080"), BATCH (files in the batch, default 20; 0 skips it).
#
# The takes are made once into Benchmarks/.data/deep/ (git-ignored): a 10 s master per size with a moving picture,
# a 2 s GOP and a stereo tone, looped by stream copy to the full length. Prints one line per measurement; paste
# the figures into RESULTS.md. Needs ffmpeg and GNU time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PREFLIGHT=${PREFLIGHT:-$root/.build/release/preflight}
LENGTH=${SECONDS_LONG:-600}
SIZES=${SIZES:-"3840x2160 1920x1080"}
data=$root/Benchmarks/.data/deep
mkdir -p "$data"
ff=(ffmpeg -hide_banner -nostdin -loglevel error -y)

take() {
    local size=$1 master=$data/master-$1.mp4 file=$data/take-$1-${LENGTH}s.mp4
    if [ ! -s "$master" ]; then
        "${ff[@]}" -f lavfi -i "testsrc2=s=$size:r=30" -f lavfi -i "sine=f=220:sample_rate=48000,aformat=channel_layouts=stereo" \
            -t 10 -c:v libx264 -preset "${PRESET:-veryfast}" -b:v 20M -g 60 -pix_fmt yuv420p -c:a aac -b:a 128k "$master"
    fi
    if [ ! -s "$file" ]; then
        "${ff[@]}" -stream_loop $((LENGTH / 10)) -i "$master" -t "$LENGTH" -c copy -movflags +faststart "$file"
    fi
    echo "$file"
}

# measure LABEL COMMAND… — a line with wall seconds and peak RSS (MiB) from GNU time on stderr, "WALL RSS_KIB" on stdout.
measure() {
    local label=$1
    shift
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>&1 || true
    # GNU time puts "Command exited with non-zero status N" first when the command fails (lint exits 1 on a
    # failing take); the figures are on the last line.
    read -r wall rss < <(tail -n 1 "$log")
    rm -f "$log"
    printf '%-40s %8.2f s %8.1f MiB\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" >&2
    echo "$wall $rss"
}

for size in $SIZES; do
    file=$(take "$size")
    cat "$file" >/dev/null  # warm the page cache
    deep=$(measure "preflight lint --deep ($size)" "$PREFLIGHT" lint --deep --format json "$file")
    pass=$(measure "ffmpeg filter pass ($size)" ffmpeg -hide_banner -nostdin -loglevel error -i "$file" \
        -vf blackdetect,cropdetect,freezedetect -af silencedetect,ebur128=peak=true -f null -)
    read -r deep_wall deep_rss <<<"$deep"
    read -r pass_wall _ <<<"$pass"
    printf '%-40s %8.1f×   peak RSS %.1f MiB\n' "speed-up ($size)" "$(echo "$pass_wall / $deep_wall" | bc -l)" \
        "$(echo "$deep_rss / 1024" | bc -l)"
done

# A batch: BATCH 1080p files of LENGTH / BATCH seconds each (10 minutes in all by default), linted in one run beside
# the ffmpeg pass over each of them in turn.
count=${BATCH:-20}
if [ "$count" -gt 0 ]; then
    each=$((LENGTH / count))
    master=$data/master-1920x1080.mp4
    [ -s "$master" ] || take 1920x1080 >/dev/null
    files=()
    for i in $(seq 1 "$count"); do
        file=$data/batch-$i-${each}s.mp4
        [ -s "$file" ] || "${ff[@]}" -stream_loop $((each / 10)) -i "$master" -t "$each" -c copy -movflags +faststart "$file"
        files+=("$file")
    done
    cat "${files[@]}" >/dev/null
    deep=$(measure "preflight lint --deep (batch of $count × ${each} s)" "$PREFLIGHT" lint --deep --format json "${files[@]}" \
       )
    pass=$(measure "ffmpeg filter pass (batch, one by one)" bash -c 'for f in "$@"; do ffmpeg -hide_banner -nostdin -loglevel error -i "$f" -vf blackdetect,cropdetect,freezedetect -af silencedetect,ebur128=peak=true -f null - || exit 1; done' _ "${files[@]}" \
       )
    read -r deep_wall deep_rss <<<"$deep"
    read -r pass_wall _ <<<"$pass"
    printf '%-40s %8.1f×   peak RSS %.1f MiB\n' "speed-up (batch)" "$(echo "$pass_wall / $deep_wall" | bc -l)" \
        "$(echo "$deep_rss / 1024" | bc -l)"
fi
