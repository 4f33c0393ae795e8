#!/usr/bin/env bash
# Lint benchmark: how fast `preflight lint` checks a batch of realistic training videos, compared with
# mediainfo and with a per-file ffprobe loop, and how many bytes it reads from one large file.
#
# Usage: Benchmarks/lint-benchmark.sh
#   Build first: swift build -c release --product preflight --static-swift-stdlib
#   Environment: PREFLIGHT (default .build/release/preflight), RUNS (timed runs of preflight and of
#                mediainfo, default 10), FILES (size of the batch, default 200), QUIET_WAIT (seconds to wait
#                for an idle machine before timing, default 300), NO_RESULTS=1 to leave RESULTS.md alone.
#
# The data set is generated once into Benchmarks/.data/ (git-ignored, about 10 GB; a few minutes) and reused:
# short masters are encoded, then every long file is a stream copy of a looped master (no re-encoding).
# Prints the numbers, rewrites the "## Lint" section of Benchmarks/RESULTS.md, and exits 0 even when a
# target is missed. Needs ffmpeg, ffprobe, mediainfo, hyperfine, strace, jq, python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

PREFLIGHT=${PREFLIGHT:-$root/.build/release/preflight}
RUNS=${RUNS:-10}
FILES=${FILES:-200}
data=$root/Benchmarks/.data
masters=$data/masters
set_dir=$data/set
big_front=$data/big-4k-10min-faststart.mp4
big_end=$data/big-4k-10min-moov-at-end.mp4
out=$data/out
results=$root/Benchmarks/RESULTS.md

mkdir -p "$masters" "$set_dir" "$out"
ff=(ffmpeg -hide_banner -nostdin -loglevel error -y)

# --- 1. Masters: 10 s of moving test pattern, and 10 min of a stereo 48 kHz tone ---------------------------
# Video and audio masters are separate files, so that looping the video is seamless: 10 s of video is a whole
# number of frames, while 10 s of AAC is not a whole number of 1024-sample frames, and looping a file with
# both would leave a gap in the video at every loop (and a variable frame rate).
audio_master=$masters/tone-600s.m4a
if [ ! -s "$audio_master" ]; then
    echo "encoding the audio master" >&2
    "${ff[@]}" -f lavfi -i "sine=f=440:sample_rate=48000,aformat=channel_layouts=stereo" -t 601 \
        -c:a aac -b:a 128k "$audio_master.tmp.m4a"
    mv "$audio_master.tmp.m4a" "$audio_master"
fi

# master NAME WIDTH HEIGHT FPS CODEC VIDEO_BITRATE — 10 s, keyframe every 2 s, B-frames as the encoder
# likes (so the index has a ctts box, as real exports do).
master() {
    local name=$1 w=$2 h=$3 fps=$4 codec=$5 rate=$6 file=$masters/$1.mp4
    [ -s "$file" ] && return 0
    local -a video
    case $codec in
        h264) video=(-c:v libx264 -preset veryfast -profile:v high) ;;
        h265) video=(-c:v libx265 -preset ultrafast -tag:v hvc1 -x265-params log-level=error) ;;
    esac
    echo "encoding master $name (${w}x${h} ${fps} fps $codec $rate)" >&2
    "${ff[@]}" -f lavfi -i "testsrc2=s=${w}x${h}:r=${fps}" -t 10 "${video[@]}" \
        -b:v "$rate" -maxrate "$rate" -bufsize "$rate" -g $((2 * fps)) -pix_fmt yuv420p "$file.tmp.mp4"
    mv "$file.tmp.mp4" "$file"
}

master l1080-25-h264 1920 1080 25 h264 600k
master l1080-30-h264 1920 1080 30 h264 600k
master p1080-25-h264 1080 1920 25 h264 600k
master p1080-30-h264 1080 1920 30 h264 600k
master l2160-25-h264 3840 2160 25 h264 1500k
master p2160-30-h264 2160 3840 30 h264 1500k
master l1080-25-h265 1920 1080 25 h265 500k
master l2160-30-h265 3840 2160 30 h265 1200k
master big-l2160-25-h264 3840 2160 25 h264 20M

# loop MASTER SECONDS OUT [extra muxer options…] — OUT is the video MASTER looped to SECONDS with the
# audio master beside it, both stream-copied.
loop() {
    local src=$1 secs=$2 dst=$3
    shift 3
    [ -s "$dst" ] && return 0
    "${ff[@]}" -stream_loop -1 -i "$src" -i "$audio_master" -t "$secs" -map 0:v -map 1:a -c copy \
        "$@" "$dst.tmp.mp4"
    mv "$dst.tmp.mp4" "$dst"
}

# --- 2. The batch: FILES files of 3-10 minutes ----------------------------------------------------------
# Mostly 1080p H.264; every 7th file 4K, every 20th H.265. Two files in three have the moov box in front
# (web exports); the rest keep it at the end, as cameras write it.
set_files=()
for ((i = 1; i <= FILES; i++)); do
    case $((i % 4)) in
        0) m=l1080-25-h264 ;; 1) m=l1080-30-h264 ;; 2) m=p1080-25-h264 ;; 3) m=p1080-30-h264 ;;
    esac
    if ((i % 7 == 0)); then
        if ((i % 2 == 0)); then m=l2160-25-h264; else m=p2160-30-h264; fi
    fi
    if ((i % 20 == 0)); then
        if ((i % 40 == 0)); then m=l2160-30-h265; else m=l1080-25-h265; fi
    fi
    secs=$((180 + (i * 211) % 421))   # spread over 180..600 s
    f=$(printf '%s/%03d-%s-%ds.mp4' "$set_dir" "$i" "$m" "$secs")
    if ((i % 3 == 0)); then
        loop "$masters/$m.mp4" "$secs" "$f"
    else
        loop "$masters/$m.mp4" "$secs" "$f" -movflags +faststart
    fi
    set_files+=("$f")
done
echo "data set: ${#set_files[@]} files, $(du -sh "$set_dir" | cut -f1)" >&2

loop "$masters/big-l2160-25-h264.mp4" 600 "$big_front" -movflags +faststart
loop "$masters/big-l2160-25-h264.mp4" 600 "$big_end"
big_rate=$(ffprobe -v error -show_entries format=bit_rate -of default=nw=1:nk=1 "$big_front")

# The commands run from a list file, so the shell commands below stay short and identical between tools.
list=$out/files.txt
printf '%s\n' "${set_files[@]}" >"$list"

# --- 3. Timings ---------------------------------------------------------------------------------------------
preflight_ok=0 binary_date=""
if [ -x "$PREFLIGHT" ] && "$PREFLIGHT" lint --help >/dev/null 2>&1; then
    preflight_ok=1
    binary_date=$(date -u -r "$PREFLIGHT" '+%Y-%m-%d %H:%M UTC')
else
    echo "note: $PREFLIGHT lint is not available; build it with: swift build -c release --product preflight --static-swift-stdlib" >&2
fi

cmd_mediainfo="xargs -d '\n' mediainfo --ParseSpeed=-1 --Output=JSON <'$list' >/dev/null"
cmd_ffprobe="while IFS= read -r f; do ffprobe -v error -show_format -show_streams -print_format json \"\$f\" >/dev/null; done <'$list'"
cmd_preflight="xargs -d '\n' '$PREFLIGHT' lint --format json <'$list' >/dev/null"

# Check that xargs really makes one call per tool (the batch fits in one command line).
calls=$(xargs -d '\n' sh -c 'echo x' sh <"$list" | wc -l)
[ "$calls" -eq 1 ] || echo "warning: the file list was split over $calls command lines" >&2

# The machine may be shared (other builds running): wait up to QUIET_WAIT seconds (default 300) for the
# 1-minute load average to drop below 0.5, and record the load average with the numbers.
quiet_wait=${QUIET_WAIT:-300}
for ((waited = 0; waited < quiet_wait; waited += 10)); do
    awk '{ exit !($1 < 0.5) }' /proc/loadavg && break
    sleep 10
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# hyperfine's median wall time, in seconds, over all runs in the given exports.
median() { jq -s -r '[.[].results[0].times[]] | sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end' "$@"; }
one_run() { hyperfine --style none --runs 1 --ignore-failure --export-json "$1" -n "$2" "$3" >/dev/null 2>&1; }

# mediainfo and preflight alternate, one run each per round, so that a burst of load from elsewhere hits
# both alike; one untimed round first warms the page cache.
one_run "$out/warm-mediainfo.json" mediainfo "$cmd_mediainfo"
if ((preflight_ok)); then one_run "$out/warm-preflight.json" preflight "$cmd_preflight"; fi
rm -f "$out"/round-*.json
for ((r = 1; r <= RUNS; r++)); do
    one_run "$out/round-$r-mediainfo.json" mediainfo "$cmd_mediainfo"
    if ((preflight_ok)); then one_run "$out/round-$r-preflight.json" preflight "$cmd_preflight"; fi
done
t_mediainfo=$(median "$out"/round-*-mediainfo.json)
echo "mediainfo: median $t_mediainfo s over $RUNS runs" >&2
# The ffprobe loop takes seconds, far from any threshold; fewer runs are enough.
hyperfine --style basic --warmup 1 --runs "$(( RUNS < 3 ? RUNS : 3 ))" --ignore-failure \
    --export-json "$out/ffprobe.json" -n ffprobe-loop "$cmd_ffprobe" >&2
t_ffprobe=$(median "$out/ffprobe.json")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

t_preflight="" bytes_front="" bytes_end="" lint_status="" t_startup=""
if ((preflight_ok)); then
    t_preflight=$(median "$out"/round-*-preflight.json)
    echo "preflight: median $t_preflight s over $RUNS runs" >&2
    set +e
    xargs -d '\n' "$PREFLIGHT" lint --format json <"$list" >"$out/preflight-report.json" 2>"$out/preflight-stderr.txt"
    lint_status=$?
    set -e

    # --- 4. Bytes read from the 10-minute 4K file --------------------------------------------------------
    # strace -y annotates each descriptor with its path, so only reads on the media file are summed.
    # bytes_read FILE — prints the bytes preflight lint reads from FILE.
    bytes_read() {
        local target trace=$out/strace-$(basename "$1").txt
        target=$(realpath "$1")
        strace -f -y -e trace=read,pread64,readv,preadv,preadv2 -o "$trace" \
            "$PREFLIGHT" lint --format json "$target" >/dev/null 2>&1 || true
        TARGET=$target python3 - "$trace" <<'EOF'
import os, re, sys
target = os.environ["TARGET"]
# With -f, a call can be split into "<unfinished ...>" and "<... read resumed>" lines; the descriptor's
# path is only on the first, so remember which pids are mid-read on the target.
call = re.compile(r'^(\d+\s+)?(read|pread64|readv|preadv|preadv2)\((\d+)<([^>]*)>')
done = re.compile(r'.*\)\s+=\s+(-?\d+)')  # greedy: the last ") = N" on the line
resumed = re.compile(r'^(\d+\s+)?<\.\.\. (read|pread64|readv|preadv|preadv2) resumed>')
pending = set()
total = 0
with open(sys.argv[1], errors="replace") as trace:
    for line in trace:
        line = line.rstrip("\n")
        m = call.match(line)
        r = None
        if m:
            if m.group(4) != target:
                continue
            if line.endswith("<unfinished ...>"):
                pending.add((m.group(1) or "").strip())
                continue
            r = done.search(line)
        else:
            m = resumed.match(line)
            pid = (m.group(1) or "").strip() if m else None
            if m and pid in pending:
                pending.discard(pid)
                r = done.search(line)
        if r and int(r.group(1)) > 0:
            total += int(r.group(1))
print(total)
EOF
    }
    bytes_front=$(bytes_read "$big_front")
    bytes_end=$(bytes_read "$big_end")

    # --- 5. Where the time goes ----------------------------------------------------------------------------
    # Fixed cost: starting the binary (dynamic linking, Swift runtime) without linting anything.
    hyperfine --style basic -N --warmup 2 --runs 20 --export-json "$out/startup.json" -n startup \
        "$PREFLIGHT --version" >&2
    t_startup=$(median "$out/startup.json")
    # CPU profile of the batch run, by shared object and by symbol.
    : >"$out/profile.txt"
    if command -v perf >/dev/null && perf record -F 4999 -o "$out/perf.data" -- sh -c "$cmd_preflight" >/dev/null 2>&1; then
        {
            echo "perf, share of CPU samples by shared object:"
            perf report -i "$out/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep '%' | grep -v '^#' | head -8 || true
            echo
            echo "perf, top symbols:"
            perf report -i "$out/perf.data" --no-children --sort dso,sym --stdio 2>/dev/null | grep '%' | grep -v '^#' | head -12 || true
        } >"$out/profile.txt"
    fi
    # System calls of the batch run.
    strace -c -f -o "$out/strace-c.txt" sh -c "$cmd_preflight" >/dev/null 2>&1 || true
    {
        echo
        echo "strace -c -f, top system calls (wait4 is the shell waiting for the tool):"
        head -9 "$out/strace-c.txt" 2>/dev/null || echo "(strace -c failed)"
    } >>"$out/profile.txt"
fi

# --- 6. Report --------------------------------------------------------------------------------------------
report=$out/lint-section.md
python3 - "$report" <<EOF
import sys
t_mi, t_fp = float("$t_mediainfo"), float("$t_ffprobe")
t_pf = float("$t_preflight") if "$t_preflight" else None
b_front = int("$bytes_front") if "$bytes_front" else None
b_end = int("$bytes_end") if "$bytes_end" else None
def verdict(ok): return "**met**" if ok else "**missed**"
lines = []
add = lines.append
add("## Lint")
add("")
add("Generated by \`Benchmarks/lint-benchmark.sh\`; re-run it to refresh this section.")
add("")
add("- Date: $(date -u '+%Y-%m-%d %H:%M UTC')")
add("- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(uname -sr)")
add("- Tools: $(ffprobe -version | head -1 | cut -d' ' -f1-3), MediaInfo $(mediainfo --Version | sed -n 's/.* v//p'), $(hyperfine --version), preflight release binary built $binary_date (checkout at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))")
add("- Data set: ${#set_files[@]} MP4 files, 180-600 s each ($(du -sh "$set_dir" | cut -f1) in all): 1080p and 4K, landscape and portrait, 25/30 fps, H.264 (every 20th H.265), AAC 48 kHz stereo, GOP 2 s; two in three with the moov box in front, the rest with it at the end. Built by looping 10 s masters with stream copy.")
add("- Large file: 10 min 4K H.264 at $((big_rate / 1000000)) Mb/s ($(du -h "$big_front" | cut -f1)), once with the moov box in front and once at the end.")
add("- Timing: median wall time (hyperfine). One untimed round to warm the page cache, then $RUNS rounds of one mediainfo run and one preflight run, alternating; the ffprobe loop $(( RUNS < 3 ? RUNS : 3 )) runs after a warm-up. Load average (1/5/15 min) before timing: $load_before; after: $load_after.")
add("")
add("Commands (\`files.txt\` lists the ${#set_files[@]} files, one per line):")
add("")
add("\`\`\`sh")
add("xargs -d '\\\\n' .build/release/preflight lint --format json <files.txt >/dev/null")
add("xargs -d '\\\\n' mediainfo --ParseSpeed=-1 --Output=JSON <files.txt >/dev/null")
add("while IFS= read -r f; do ffprobe -v error -show_format -show_streams -print_format json \"\$f\" >/dev/null; done <files.txt")
add("strace -f -y -e trace=read,pread64,readv,preadv,preadv2 .build/release/preflight lint --format json BIG.mp4   # sum of reads on BIG.mp4")
add("\`\`\`")
add("")
add("| Measurement | Value |")
add("|---|---|")
add(f"| preflight lint, ${#set_files[@]} files, one run | " + (f"{t_pf:.3f} s" if t_pf is not None else "not measured (lint command not available)") + " |")
add(f"| mediainfo, same files, one call | {t_mi:.3f} s |")
add(f"| ffprobe loop, same files | {t_fp:.3f} s |")
if t_pf is not None:
    add(f"| preflight / mediainfo | {t_pf / t_mi:.3f}× |")
    add(f"| ffprobe loop / preflight | {t_fp / t_pf:.1f}× |")
    add(f"| bytes read from the 10 min 4K file, moov in front | {b_front:,} B ({b_front / 1048576:.2f} MiB) |")
    add(f"| bytes read from the 10 min 4K file, moov at end | {b_end:,} B ({b_end / 1048576:.2f} MiB) |")
    add(f"| preflight exit status on the batch | $lint_status |")
add("")
add("| Target | Result |")
add("|---|---|")
if t_pf is not None:
    add(f"| preflight ≤ 0.5× mediainfo's wall time | {t_pf / t_mi:.3f}× — {verdict(t_pf <= 0.5 * t_mi)} |")
    add(f"| preflight ≥ 20× faster than the ffprobe loop | {t_fp / t_pf:.1f}× — {verdict(t_fp >= 20 * t_pf)} |")
    worst = max(b_front, b_end)
    add(f"| ≤ 2 MB (2,000,000 B) read from the 10 min 4K file | {worst:,} B at most — {verdict(worst <= 2_000_000)} |")
else:
    add("| all three | not measured: \`preflight lint\` was not available |")
add("")
if t_pf is not None:
    t_st = float("$t_startup")
    add("### Where the time goes")
    add("")
    add(f"- Starting the binary without linting (\`preflight --version\`) takes {t_st * 1000:.1f} ms, "
        f"{t_st / t_pf:.0%} of the batch run; the other {(t_pf - t_st) * 1000:.0f} ms lint the {len(open('$list').read().split())} files "
        f"({(t_pf - t_st) / len(open('$list').read().split()) * 1000:.2f} ms per file, on $(nproc) cores).")
    add(f"- For the 0.5× target the whole run would have to fit in {0.5 * t_mi * 1000:.0f} ms.")
    add("")
    add("\`\`\`text")
    add(open("$out/profile.txt").read().rstrip("\n"))
    add("\`\`\`")
    add("")
open(sys.argv[1], "w").write("\n".join(lines))
EOF

cat "$report"

# Replace (or add) the "## Lint" section of RESULTS.md, leaving any other section as it is.
if [ "${NO_RESULTS:-0}" != 1 ]; then
    python3 - "$results" "$report" <<'EOF'
import os, sys
path, section = sys.argv[1], open(sys.argv[2]).read().rstrip("\n") + "\n"
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
lines = text.splitlines(keepends=True)
start = next((i for i, l in enumerate(lines) if l.rstrip("\n") == "## Lint"), None)
if start is None:
    # New section: above the first other "## " section, so Lint comes first.
    first = next((i for i, l in enumerate(lines) if l.startswith("## ")), None)
    if first is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        text = "".join(lines[:first]) + section + "\n" + "".join(lines[first:])
else:
    end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith("## ")), len(lines))
    after = "".join(lines[end:])
    text = "".join(lines[:start]) + section + ("\n" + after if after else "")
open(path, "w").write(text)
EOF
    echo "updated $results" >&2
fi
exit 0
