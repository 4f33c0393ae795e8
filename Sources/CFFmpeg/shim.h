#ifndef PREFLIGHT_CFFMPEG_SHIM_H
#define PREFLIGHT_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/channel_layout.h>
#include <stdarg.h>

// Swift cannot import function-like macros; these wrap the ones MediaProbe needs.
static inline int cffmpeg_averror(int errnum) { return AVERROR(errnum); }
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
static inline int cffmpeg_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline int cffmpeg_time_base(void) { return AV_TIME_BASE; }
static inline int cffmpeg_averror_exit(void) { return AVERROR_EXIT; }
static inline int cffmpeg_log_quiet(void) { return AV_LOG_QUIET; }
static inline int cffmpeg_disposition_attached_pic(void) { return AV_DISPOSITION_ATTACHED_PIC; }
static inline int cffmpeg_index_discard_frame(void) { return AVINDEX_DISCARD_FRAME; }
static inline int cffmpeg_ctx_no_header(void) { return AVFMTCTX_NOHEADER; }
static inline int cffmpeg_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int cffmpeg_buffersrc_keep_ref(void) { return AV_BUFFERSRC_FLAG_KEEP_REF; }
static inline int cffmpeg_pkt_flag_key(void) { return AV_PKT_FLAG_KEY; }

// Swift cannot write a C function taking a va_list on every platform, so the do-nothing log callback lives here.
static inline void cffmpeg_discard_log_line(void *context, int level, const char *format, va_list arguments) {
    (void)context; (void)level; (void)format; (void)arguments;
}
static inline void cffmpeg_silence_logging(void) {
    av_log_set_level(AV_LOG_QUIET);
    av_log_set_callback(cffmpeg_discard_log_line);
}

#endif
