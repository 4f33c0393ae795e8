#!/usr/bin/env bash
# Regenerates the tiny media fixtures under samples/pass, samples/warn and samples/fail.
#
# Every clip is a black picture with a silent mono AAC track, encoded so that each frame after the first
# costs a few dozen bytes: that keeps 3-10 minute 4K files in the low hundreds of kilobytes. The output
# is deterministic for a given FFmpeg build (bit-exact muxing, single-threaded encoders, no dates), so
# re-running the script reproduces the committed files byte for byte.
#
# Usage: samples/make-samples.sh            regenerate everything (about 7 minutes on 2 cores)
#        samples/make-samples.sh JOB…       regenerate only the named jobs (see jobs_list), e.g. f_mov
# Needs the ffmpeg and ffprobe CLIs (FFmpeg 5.1 was used for the committed files).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

FFMPEG=${FFMPEG:-ffmpeg}
FFPROBE=${FFPROBE:-ffprobe}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
work=.work   # scratch space, git-ignored

if [ $# -eq 0 ]; then rm -rf pass warn fail "$work"; fi
mkdir -p pass warn fail "$work"

quiet=(-hide_banner -nostdin -loglevel error -y)
# No version strings, dates or random ids in the output.
exact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)
# A static picture: one IDR frame, then all-skip P frames; no B frames (so no ctts box) and no
# scene cuts. One thread, because x264/x265 record the thread count in the stream and their output
# may depend on it.
h264=(-c:v libx264 -threads 1 -preset ultrafast -tune stillimage -crf 51 -g 9999 -bf 0
      -x264-params scenecut=0 -pix_fmt yuv420p)
h265=(-c:v libx265 -preset ultrafast -crf 51 -tag:v hvc1 -pix_fmt yuv420p
      -x265-params "log-level=error:pools=none:frame-threads=1:wpp=0:keyint=-1:bframes=0:scenecut=0:sao=0:info=0:rc-lookahead=0:ref=1:temporal-mvp=0:ctu=64:min-cu-size=32:max-tu-size=32")
vp9=(-c:v libvpx-vp9 -threads 1 -row-mt 0 -tile-columns 0 -deadline realtime -cpu-used 8 -crf 63 -b:v 0
     -g 9999 -auto-alt-ref 0 -lag-in-frames 0 -aq-mode 0 -pix_fmt yuv420p)
aac=(-c:a aac -ac 1 -ar 8000 -b:a 8k)
# moov in front. Ten-second chunks: with the default interleaving every tiny audio packet starts a new
# chunk, and the stsc/stco tables would outweigh the media itself.
faststart=(-movflags +faststart -chunk_duration 10000000)

# clip OUT WIDTH HEIGHT FPS SECONDS CODEC [more output options…]
# A black WIDTHxHEIGHT picture at FPS (CODEC: h264, h265 or vp9) with silent mono AAC, cut to exactly
# SECONDS. MP4/MOV outputs get the moov box in front. Set AUDIO=none for no audio track.
clip() {
    local out=$1 w=$2 h=$3 fps=$4 secs=$5 codec=$6
    shift 6
    local -a video audio=() inputs=(-f lavfi -i "color=c=black:s=${w}x${h}:r=${fps}") maps=(-map 0:v) mux=()
    case $codec in
        h264) video=("${h264[@]}") ;;
        h265) video=("${h265[@]}") ;;
        vp9) video=("${vp9[@]}") ;;
        *) echo "clip: unknown codec $codec" >&2; return 1 ;;
    esac
    if [ "${AUDIO:-aac}" != none ]; then
        inputs+=(-f lavfi -i "anullsrc=r=8000:cl=mono")
        maps+=(-map 1:a)
        audio=("${aac[@]}")
    fi
    case $out in *.mp4 | *.mov) mux=("${faststart[@]}") ;; esac
    "$FFMPEG" "${quiet[@]}" "${inputs[@]}" -t "$secs" "${maps[@]}" \
        "${video[@]}" "${audio[@]}" "${mux[@]}" "${exact[@]}" "$@" "$out"
}

# rotate IN OUT DEGREES — stream-copies IN to OUT with a display matrix for DEGREES. (FFmpeg 5.1 has no
# -display_rotation; it honours the `rotate` stream tag only when copying, not when encoding.)
rotate() {
    "$FFMPEG" "${quiet[@]}" -i "$1" -map 0 -c copy -metadata:s:v:0 rotate="$3" \
        "${faststart[@]}" "${exact[@]}" "$2"
}

# truncate_mdat IN OUT — copies IN, keeping the ftyp/moov boxes whole but only half of the mdat payload,
# as an interrupted download or copy of a faststart file would.
truncate_mdat() {
    local in=$1 out=$2 size offset=0 box_size box_type cut=""
    size=$(stat -c %s "$in")
    while [ "$offset" -lt "$size" ]; do
        box_size=$(od -An -tu4 --endian=big -j "$offset" -N4 "$in" | tr -d ' ')
        box_type=$(dd if="$in" bs=1 skip=$((offset + 4)) count=4 status=none)
        if [ "$box_type" = mdat ]; then
            cut=$((offset + 8 + (box_size - 8) / 2))
            break
        fi
        [ "$box_size" -ge 8 ] || { echo "truncate_mdat: unexpected box size in $in" >&2; return 1; }
        offset=$((offset + box_size))
    done
    [ -n "$cut" ] || { echo "truncate_mdat: no mdat box in $in" >&2; return 1; }
    head -c "$cut" "$in" >"$out"
}

# --- the fixtures, one function each (run in parallel below) ---------------------------------------------
# Pass, no warnings.
p_landscape_1080p() { clip pass/landscape-1080p-h264.mp4 1920 1080 30 200 h264; }
p_portrait_1080p()  { clip pass/portrait-1080p-h264.mp4 1080 1920 25 190 h264; }
p_landscape_4k()    { clip pass/landscape-4k-h264.mp4 3840 2160 25 181 h264; }
p_portrait_4k()     { clip pass/portrait-4k-h264.mp4 2160 3840 30 185 h264; }
p_rotated_90() {
    clip "$work/rotated-90-source.mp4" 1920 1080 25 195 h264
    rotate "$work/rotated-90-source.mp4" pass/rotated-90-1080p-h264.mp4 90
}
p_rotated_270() {
    clip "$work/rotated-270-source.mp4" 1920 1080 30 183 h264
    rotate "$work/rotated-270-source.mp4" pass/rotated-270-1080p-h264.mp4 270
}
p_h265()            { clip pass/landscape-1080p-h265.mp4 1920 1080 25 182 h265; }
p_boundary_180()    { clip pass/boundary-180s.mp4 1920 1080 25 180 h264; }
p_boundary_600()    { clip pass/boundary-600s.mp4 1920 1080 25 600 h264; }

# Pass with warnings.
w_no_audio()        { AUDIO=none clip warn/no-audio.mp4 1920 1080 25 181 h264; }
w_fps_24()          { clip warn/fps-24.mp4 1920 1080 24 182 h264; }
w_vfr() {
    # 50 fps source; the first 90 s keep every other frame (25 fps), the rest keep all (50 fps).
    clip warn/variable-frame-rate.mp4 1920 1080 50 181 h264 \
        -vf "select='gte(t,90)+not(mod(n,2))'" -fps_mode vfr
}
w_vp9()             { clip warn/vp9-in-mp4.mp4 1920 1080 25 183 vp9; }
w_mp4_named_mov()   { clip warn/mp4-named.mov 1920 1080 25 184 h264 -f mp4; }

# Fail.
f_mov()             { clip fail/mov-qt-brand.mov 1920 1080 25 185 h264 -f mov; }
f_mkv()             { clip fail/matroska.mkv 1920 1080 25 186 h264 -f matroska; }
f_webm() {
    clip fail/webm-vp9.webm 1920 1080 25 181 vp9 -c:a libopus -b:a 6k -frame_duration 60 -f webm
}
f_avi()             { clip fail/avi-h264.avi 1920 1080 25 181 h264 -f avi; }
f_audio_only() {
    "$FFMPEG" "${quiet[@]}" -f lavfi -i "anullsrc=r=8000:cl=mono" -t 187 \
        "${aac[@]}" "${faststart[@]}" "${exact[@]}" fail/audio-only.mp4
}
f_720p()            { clip fail/resolution-1280x720.mp4 1280 720 25 188 h264; }
f_1088()            { clip fail/resolution-1920x1088.mp4 1920 1088 25 189 h264; }
# Anamorphic: 1440x1080 coded pixels shown 16:9 through a 4:3 sample aspect ratio. Coded pixels count.
f_1440()            { clip fail/resolution-1440x1080-anamorphic.mp4 1440 1080 25 181 h264 -aspect 16:9; }
f_short_one_frame() { clip fail/duration-179.96s.mp4 1920 1080 25 179.96 h264; }
f_short()           { clip fail/duration-10s.mp4 1920 1080 25 10 h264; }
f_long_one_frame()  { clip fail/duration-600.04s.mp4 1920 1080 25 600.04 h264; }
f_several()         { AUDIO=none clip fail/720p-60s-no-audio.mp4 1280 720 30 60 h264; }
# The picture stops at 170 s while the sound runs on to 200 s: format.duration is 200 s, the video stream's 170 s.
# Each input is cut to its own length (input -t), so neither stream stops the other.
f_picture_short() {
    "$FFMPEG" "${quiet[@]}" -f lavfi -t 170 -i "color=c=black:s=1920x1080:r=25" \
        -f lavfi -t 200 -i "anullsrc=r=8000:cl=mono" -map 0:v -map 1:a \
        "${h264[@]}" "${aac[@]}" "${faststart[@]}" "${exact[@]}" fail/picture-170s-sound-200s.mp4
}
f_truncated() {
    clip "$work/truncated-source.mp4" 1920 1080 25 190 h264
    truncate_mdat "$work/truncated-source.mp4" fail/truncated.mp4
}
f_empty()           { : >fail/empty.mp4; }
f_text()            { printf 'This is a text file, not a video.\n' >fail/text-file.mp4; }

jobs_list=(
    p_landscape_4k p_portrait_4k p_boundary_600 f_long_one_frame p_h265
    p_landscape_1080p p_portrait_1080p p_rotated_90 p_rotated_270 p_boundary_180
    w_no_audio w_fps_24 w_vfr w_vp9 w_mp4_named_mov
    f_mov f_mkv f_webm f_avi f_audio_only f_720p f_1088 f_1440 f_short_one_frame f_short f_several f_picture_short
    f_truncated f_empty f_text
)

# A small job pool: at most $JOBS encoders at once; any failure fails the script.
running=()
failed=0
reap_one() {
    local pid=${running[0]}
    running=("${running[@]:1}")
    wait "$pid" || failed=1
}
[ $# -eq 0 ] || jobs_list=("$@")
for job in "${jobs_list[@]}"; do
    declare -F "$job" >/dev/null || { echo "make-samples: no job named $job" >&2; exit 2; }
done
for job in "${jobs_list[@]}"; do
    while [ "${#running[@]}" -ge "$JOBS" ]; do reap_one; done
    ( set -euo pipefail; "$job" ) || { echo "make-samples: $job failed" >&2; exit 1; } &
    running+=("$!")
done
while [ "${#running[@]}" -gt 0 ]; do reap_one; done
rm -rf "$work"
[ "$failed" -eq 0 ] || { echo "make-samples: some fixtures failed" >&2; exit 1; }

# A summary to eyeball: container, brand, duration and each video stream's codec/size/rate/rotation.
for f in pass/* warn/* fail/*; do
    printf '%-45s %8s  ' "$f" "$(stat -c %s "$f")"
    "$FFPROBE" -v error -show_entries \
        format=format_name,duration:format_tags=major_brand:stream=codec_name,width,height,avg_frame_rate:stream_side_data=rotation \
        -of compact=nk=1 "$f" 2>/dev/null | tr '\n' ' ' || true
    echo
done
du -sh "$here"
