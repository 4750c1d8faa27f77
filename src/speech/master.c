/* master.c - the bulletin's audio made ready for air, in two passes. */
#include "speech/master.h"

#include "speech/limiter.h"
#include "speech/resample.h"
#include "text/buf.h"
#include "text/file.h"

#include <sndfile.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 8192 /* samples read back from the spool at a time */

struct nb_master_spool {
    int fd;
    char *path;
    unsigned rate;
    size_t frames;
    struct nb_loudness_meter *meter;
    struct nb_temp_hook temp; /* told of path */
    unsigned channels;        /* as measured */
    int16_t buf[BLOCK];
    size_t nbuf; /* samples waiting in buf */
    /* jingles: spooled, not measured with the speech, brought to its
     * loudness in pass 2 */
    struct jingle_range {
        size_t from, to;
        double lufs; /* as measured, mono */
    } * jingles;
    size_t njingles;
};

nb_status nb_master_spool_open(struct nb_master_spool **out, const char *path, unsigned rate,
                               unsigned channels, int measure, const struct nb_temp_hook *temp,
                               struct nb_error *err)
{
    *out = NULL;
    struct nb_master_spool *s = calloc(1, sizeof(*s));
    struct nb_buf dir, tmp;
    nb_buf_init(&dir, 0);
    nb_buf_init(&tmp, 0);
    if (!s || nb_path_dirname(path, &dir) != NB_OK ||
        nb_buf_addf(&tmp, "%s/.%s.tmp-XXXXXX", dir.data, nb_path_basename(path)) != NB_OK) {
        free(s);
        nb_buf_release(&dir);
        nb_buf_release(&tmp);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    s->rate = rate;
    s->channels = channels;
    s->temp = temp ? *temp : (struct nb_temp_hook){NULL, NULL, NULL};
    s->fd = nb_temp_create(tmp.data, &s->temp);
    nb_status rc = NB_OK;
    if (s->fd < 0)
        rc = nb_error_set(err, NB_EIO, "cannot write in the folder '%s': %s", dir.data,
                          strerror(errno));
    else if (!(s->path = nb_buf_detach(&tmp, NULL)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK && measure) /* the loudness alone: nothing reads its true peak */
        rc = nb_loudness_meter_new_lufs(&s->meter, rate, channels, err);
    nb_buf_release(&dir);
    if (rc != NB_OK) {
        if (s->fd >= 0) {
            unlink(s->path ? s->path : tmp.data);
            nb_temp_tell(&s->temp, s->path ? s->path : tmp.data, 0);
            close(s->fd);
        }
        nb_buf_release(&tmp);
        free(s->path);
        nb_loudness_meter_free(s->meter);
        free(s);
        return rc;
    }
    *out = s;
    return NB_OK;
}

static nb_status spool_write(struct nb_master_spool *s, const int16_t *samples, size_t n,
                             struct nb_error *err);

/* Writes the samples waiting in the buffer to the file and the meter. */
static nb_status spool_flush(struct nb_master_spool *s, struct nb_error *err)
{
    if (!s->nbuf)
        return NB_OK;
    if (!s->meter) {
        /* not measured */
    } else if (s->channels == 2) {
        int16_t two[2 * 1024];
        for (size_t i = 0; i < s->nbuf;) {
            size_t n = s->nbuf - i < 1024 ? s->nbuf - i : 1024;
            for (size_t k = 0; k < n; k++)
                two[2 * k] = two[2 * k + 1] = s->buf[i + k];
            nb_status rc = nb_loudness_meter_add_s16(s->meter, two, n, err);
            if (rc != NB_OK)
                return rc;
            i += n;
        }
    } else {
        nb_status rc = nb_loudness_meter_add_s16(s->meter, s->buf, s->nbuf, err);
        if (rc != NB_OK)
            return rc;
    }
    nb_status rc = spool_write(s, s->buf, s->nbuf, err);
    if (rc != NB_OK)
        return rc;
    s->nbuf = 0;
    return NB_OK;
}

nb_status nb_master_spool_add(struct nb_master_spool *s, const int16_t *samples, size_t n,
                              struct nb_error *err)
{
    while (n) {
        size_t k = BLOCK - s->nbuf < n ? BLOCK - s->nbuf : n;
        memcpy(s->buf + s->nbuf, samples, k * sizeof(*samples));
        s->nbuf += k;
        s->frames += k;
        samples += k;
        n -= k;
        if (s->nbuf == BLOCK) {
            nb_status rc = spool_flush(s, err);
            if (rc != NB_OK)
                return rc;
        }
    }
    return NB_OK;
}

size_t nb_master_spool_frames(const struct nb_master_spool *s)
{
    return s->frames;
}

unsigned nb_master_spool_rate(const struct nb_master_spool *s)
{
    return s->rate;
}

const char *nb_master_spool_path(const struct nb_master_spool *s)
{
    return s->path;
}

nb_status nb_master_spool_loudness(struct nb_master_spool *s, double *lufs, double *true_peak,
                                   struct nb_error *err)
{
    if (!s->meter)
        return nb_error_set(err, NB_EINTERNAL, "the spool's loudness was not measured");
    nb_status rc = spool_flush(s, err);
    return rc == NB_OK ? nb_loudness_meter_result(s->meter, lufs, true_peak, err) : rc;
}

void nb_master_spool_free(struct nb_master_spool *s)
{
    if (!s)
        return;
    if (s->fd >= 0) {
        unlink(s->path);
        nb_temp_tell(&s->temp, s->path, 0);
        close(s->fd);
    }
    free(s->path);
    free(s->jingles);
    nb_loudness_meter_free(s->meter);
    free(s);
}

/* Writes samples to the spool's file, unmeasured. */
static nb_status spool_write(struct nb_master_spool *s, const int16_t *samples, size_t n,
                             struct nb_error *err)
{
    const char *p = (const char *)samples;
    size_t left = n * sizeof(int16_t);
    while (left) {
        ssize_t w = write(s->fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return nb_error_set(err, NB_EIO, "cannot write the audio being made to '%s': %s",
                                s->path, w < 0 ? strerror(errno) : "nothing written");
        p += w;
        left -= (size_t)w;
    }
    return NB_OK;
}

nb_status nb_master_spool_add_jingle(struct nb_master_spool *s, const int16_t *samples, size_t n,
                                     double lufs, struct nb_error *err)
{
    nb_status rc = spool_flush(s, err);
    if (rc != NB_OK || !n)
        return rc;
    struct jingle_range *j = realloc(s->jingles, (s->njingles + 1) * sizeof(*j));
    if (!j)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    s->jingles = j;
    rc = spool_write(s, samples, n, err);
    if (rc != NB_OK)
        return rc;
    s->jingles[s->njingles++] = (struct jingle_range){s->frames, s->frames + n, lufs};
    s->frames += n;
    return NB_OK;
}

/* ---- pass 2 ---- */

/* The stages of pass 2, each optional but the writer. */
struct chain {
    struct nb_resampler *resampler; /* NULL: same rate */
    struct nb_limiter *limiter;     /* NULL: loudness off */
    struct nb_loudness_meter *meter;
    struct nb_audio_writer *writer;
    unsigned channels;
    float *a, *b, *c; /* work buffers */
    size_t cap;       /* frames each holds */
    size_t frames;    /* made, when only measuring */
};

/* Mono frames at the output rate, after the limiter: made stereo as
 * asked, measured, written. */
static nb_status emit(struct chain *ch, const float *mono, size_t n, struct nb_error *err)
{
    const float *frames = mono;
    if (ch->channels == 2) {
        for (size_t i = 0; i < n; i++)
            ch->c[2 * i] = ch->c[2 * i + 1] = mono[i];
        frames = ch->c;
    }
    nb_status rc = ch->meter ? nb_loudness_meter_add_float(ch->meter, frames, n, err) : NB_OK;
    if (rc == NB_OK && !ch->writer)
        ch->frames += n; /* only measuring */
    return rc == NB_OK && ch->writer ? nb_audio_writer_write(ch->writer, frames, n, err) : rc;
}

/* Mono frames at the output rate, before the limiter. */
static nb_status limit(struct chain *ch, const float *in, size_t n, struct nb_error *err)
{
    if (!ch->limiter)
        return emit(ch, in, n, err);
    size_t got = 0;
    if (nb_limiter_process(ch->limiter, in, n, ch->b, &got) != NB_OK)
        return nb_error_set(err, NB_EINTERNAL, "the limiter was used after its end");
    return got ? emit(ch, ch->b, got, err) : NB_OK;
}

/* Mono frames at the synthesiser's rate (NULL, 0: the end). */
static nb_status resample(struct chain *ch, const float *in, size_t n, struct nb_error *err)
{
    if (!ch->resampler)
        return in ? limit(ch, in, n, err) : NB_OK;
    size_t got = 0;
    nb_status rc;
    if (in) {
        if (nb_resampler_out_max(ch->resampler, n) > ch->cap)
            return nb_error_set(err, NB_EINTERNAL, "resampling buffer too small");
        rc = nb_resampler_process(ch->resampler, in, n, ch->a, ch->cap, &got, err);
        return rc == NB_OK && got ? limit(ch, ch->a, got, err) : rc;
    }
    /* the end: until the resampler gives nothing more */
    do {
        rc = nb_resampler_flush(ch->resampler, ch->a, ch->cap, &got, err);
        if (rc == NB_OK && got)
            rc = limit(ch, ch->a, got, err);
    } while (rc == NB_OK && got);
    return rc;
}

static nb_status drain_limiter(struct chain *ch, struct nb_error *err)
{
    if (!ch->limiter)
        return NB_OK;
    size_t got;
    do {
        nb_limiter_flush(ch->limiter, ch->b, ch->cap, &got);
        if (got) {
            nb_status rc = emit(ch, ch->b, got, err);
            if (rc != NB_OK)
                return rc;
        }
    } while (got == ch->cap);
    return NB_OK;
}

/* 1, or for a sample of a jingle the gain that brings the jingle to the
 * loudness of the speech (at most +12 dB). */
static float jingle_gain(const struct nb_master_spool *s, size_t at, double speech_lufs)
{
    for (size_t j = 0; j < s->njingles; j++)
        if (at >= s->jingles[j].from && at < s->jingles[j].to) {
            /* the speech was measured as the output's channels */
            double jingle = s->jingles[j].lufs + (s->channels == 2 ? 3.0103 : 0.0);
            if (!isfinite(jingle) || !isfinite(speech_lufs))
                return 1.0f;
            double db = speech_lufs - jingle;
            return (float)pow(10.0, (db > 12.0 ? 12.0 : db) / 20.0);
        }
    return 1.0f;
}

/* Reads up to `n` samples of the spool from sample `at` into block: *got
 * how many (at least 1).  Errors: NB_EIO naming the spool. */
static nb_status read_spool(const struct nb_master_spool *s, size_t at, int16_t *block, size_t n,
                            size_t *got, struct nb_error *err)
{
    for (;;) {
        ssize_t r = pread(s->fd, block, n * sizeof(int16_t), (off_t)(at * sizeof(int16_t)));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || (size_t)r % sizeof(int16_t))
            return nb_error_set(err, NB_EIO, "cannot read back the audio made in '%s': %s", s->path,
                                r < 0 ? strerror(errno) : "it is shorter than written");
        *got = (size_t)r / sizeof(int16_t);
        return NB_OK;
    }
}

static nb_status run_chain(struct nb_master_spool *s, const struct nb_master_output *o,
                           struct chain *ch, struct nb_error *err)
{
    double speech_lufs = -HUGE_VAL;
    if (s->njingles) {
        if (!s->meter)
            return nb_error_set(err, NB_EINTERNAL, "the spool's loudness was not measured");
        nb_status rc = nb_loudness_meter_result(s->meter, &speech_lufs, NULL, err);
        if (rc != NB_OK)
            return rc;
    }
    size_t to = o->to && o->to < s->frames ? o->to : s->frames;
    int16_t block[BLOCK];
    float in[BLOCK];
    for (size_t at = o->from; at < to;) {
        size_t n = 0;
        nb_status rc = read_spool(s, at, block, to - at < BLOCK ? to - at : BLOCK, &n, err);
        if (rc != NB_OK)
            return rc;
        for (size_t i = 0; i < n; i++)
            in[i] = (float)block[i] / 32768.0f * jingle_gain(s, at + i, speech_lufs);
        rc = resample(ch, in, n, err);
        if (rc != NB_OK)
            return rc;
        at += n;
    }
    nb_status rc = resample(ch, NULL, 0, err);
    return rc == NB_OK ? drain_limiter(ch, err) : rc;
}

/* The spool's samples as they are (same rate, no gain, no limiter, no
 * jingle to bring up): copied to the writer as 16-bit samples, never
 * through floats, made stereo as asked, measured. */
static nb_status copy_chain(struct nb_master_spool *s, const struct nb_master_output *o,
                            struct chain *ch, struct nb_error *err)
{
    size_t to = o->to && o->to < s->frames ? o->to : s->frames;
    int16_t block[BLOCK], two[2 * BLOCK];
    for (size_t at = o->from; at < to;) {
        size_t n = 0;
        nb_status rc = read_spool(s, at, block, to - at < BLOCK ? to - at : BLOCK, &n, err);
        if (rc != NB_OK)
            return rc;
        const int16_t *frames = block;
        if (ch->channels == 2) {
            for (size_t i = 0; i < n; i++)
                two[2 * i] = two[2 * i + 1] = block[i];
            frames = two;
        }
        rc = ch->meter ? nb_loudness_meter_add_s16(ch->meter, frames, n, err) : NB_OK;
        if (rc == NB_OK && ch->writer)
            rc = nb_audio_writer_write_s16(ch->writer, frames, n, err);
        else if (rc == NB_OK)
            ch->frames += n; /* only measuring */
        if (rc != NB_OK)
            return rc;
        at += n;
    }
    return NB_OK;
}

nb_status nb_master_write(struct nb_master_spool *s, const struct nb_master_output *o,
                          const struct nb_loudness_target *target, double gain_db,
                          struct nb_master_result *res, struct nb_error *err)
{
    nb_status rc = spool_flush(s, err);
    if (rc != NB_OK)
        return rc;
    const struct nb_audio_format *f = &o->format;
    struct chain ch = {.channels = f->channels};
    /* room for a block resampled up to 48 kHz and a little */
    ch.cap = 2 * (size_t)((double)BLOCK * ((double)f->rate / (double)s->rate)) + 4096;
    ch.a = malloc(ch.cap * sizeof(float));
    ch.b = malloc(ch.cap * sizeof(float));
    ch.c = malloc(2 * ch.cap * sizeof(float));
    if (!ch.a || !ch.b || !ch.c)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK && f->rate != s->rate)
        rc = nb_resampler_new(&ch.resampler, s->rate, f->rate, 1, err);
    if (rc == NB_OK && target && !target->off)
        rc = nb_limiter_new(&ch.limiter, f->rate, 1, gain_db, target->ceiling_dbtp, err);
    /* measured only for a result; a dry run, or a file written with the
     * loudness off (nothing is held to a ceiling), for the loudness alone */
    if (rc == NB_OK && res && o->path && target && !target->off)
        rc = nb_loudness_meter_new(&ch.meter, f->rate, f->channels, err);
    else if (rc == NB_OK && res)
        rc = nb_loudness_meter_new_lufs(&ch.meter, f->rate, f->channels, err);
    if (rc == NB_OK && o->path)
        rc = nb_audio_writer_open(&ch.writer, o->path, f, &o->meta, o->chapters, o->nchapters,
                                  o->temp, err);
    if (rc == NB_OK && !ch.resampler && !ch.limiter && !s->njingles)
        rc = copy_chain(s, o, &ch, err);
    else if (rc == NB_OK)
        rc = run_chain(s, o, &ch, err);
    if (rc == NB_OK && res) {
        size_t frames = ch.writer ? nb_audio_writer_frames(ch.writer) : ch.frames;
        res->seconds = (double)frames / (double)f->rate;
        rc = nb_loudness_meter_result(ch.meter, &res->lufs, &res->true_peak, err);
    }
    if (rc == NB_OK && ch.writer) {
        rc = nb_audio_writer_commit(ch.writer, err);
        ch.writer = NULL;
    }
    nb_audio_writer_abort(ch.writer);
    nb_loudness_meter_free(ch.meter);
    nb_limiter_free(ch.limiter);
    nb_resampler_free(ch.resampler);
    free(ch.a);
    free(ch.b);
    free(ch.c);
    return rc;
}

/* Loudness and true peak of a written file, decoded by libsndfile. */
nb_status nb_master_measure_file(const char *path, double *lufs, double *peak, struct nb_error *err)
{
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    if (!f)
        return nb_error_set(err, NB_EIO, "cannot read back '%s': %s", path, sf_strerror(NULL));
    struct nb_loudness_meter *m = NULL;
    nb_status rc =
        nb_loudness_meter_new(&m, (unsigned)info.samplerate, (unsigned)info.channels, err);
    float buf[4096 * 2];
    sf_count_t n;
    while (rc == NB_OK && (n = sf_readf_float(f, buf, 4096)) > 0)
        rc = nb_loudness_meter_add_float(m, buf, (size_t)n, err);
    sf_close(f);
    if (rc == NB_OK)
        rc = nb_loudness_meter_result(m, lufs, peak, err);
    nb_loudness_meter_free(m);
    return rc;
}

static int lossy(enum nb_audio_container c)
{
    return c == NB_AUDIO_MP3 || c == NB_AUDIO_OGG_VORBIS || c == NB_AUDIO_OGG_OPUS;
}

/* Up to this long, the whole bulletin is encoded to measure the codec;
 * longer, PROBE_WINDOWS stretches of PROBE_WINDOW_S seconds spread over
 * it (a codec's effect is local: the level moves alike everywhere, the
 * peaks are sampled). */
#define PROBE_WHOLE_S 360
#define PROBE_WINDOWS 6
#define PROBE_WINDOW_S 20

/* Encodes [from, to) of the spool to `probe`, decodes and measures it;
 * the same stretch's loudness before the codec in *before. */
static nb_status probe_stretch(struct nb_master_spool *s, const struct nb_audio_format *format,
                               const struct nb_loudness_target *target, double gain,
                               const char *probe, size_t from, size_t to, double *before,
                               double *lufs, double *peak, struct nb_error *err)
{
    struct nb_master_output o = {.path = NULL, .format = *format, .from = from, .to = to};
    struct nb_master_result r;
    nb_status rc = nb_master_write(s, &o, target, gain, &r, err);
    *before = r.lufs;
    o.path = probe;
    o.temp = &s->temp; /* the spool's caller is told of the probe's own temporary file */
    if (rc == NB_OK)
        rc = nb_master_write(s, &o, target, gain, NULL, err);
    if (rc == NB_OK)
        rc = nb_master_measure_file(probe, lufs, peak, err);
    unlink(probe);
    return rc;
}

/* The loudness and true peak the codec gives the bulletin at this gain. */
static nb_status probe_codec(struct nb_master_spool *s, const struct nb_audio_format *format,
                             const struct nb_loudness_target *target, double gain,
                             const char *probe, double *lufs, double *peak, struct nb_error *err)
{
    size_t total = s->frames, window = (size_t)s->rate * PROBE_WINDOW_S;
    double before;
    if (total <= (size_t)s->rate * PROBE_WHOLE_S)
        return probe_stretch(s, format, target, gain, probe, 0, 0, &before, lufs, peak, err);
    /* the whole before the codec, then what the codec does to stretches */
    const struct nb_master_output all = {.path = NULL, .format = *format};
    struct nb_master_result r;
    nb_status rc = nb_master_write(s, &all, target, gain, &r, err);
    double shift = 0, worst = -HUGE_VAL;
    int counted = 0;
    for (int w = 0; rc == NB_OK && w < PROBE_WINDOWS; w++) {
        size_t from = (total - window) / (PROBE_WINDOWS - 1) * (size_t)w;
        double b, l, p;
        rc = probe_stretch(s, format, target, gain, probe, from, from + window, &b, &l, &p, err);
        if (rc == NB_OK && isfinite(b) && isfinite(l)) {
            shift += l - b;
            counted++;
        }
        if (rc == NB_OK && p > worst)
            worst = p;
    }
    *lufs = r.lufs + (counted ? shift / counted : 0);
    *peak = worst;
    return rc;
}

nb_status nb_master_gain(struct nb_master_spool *s, const struct nb_audio_format *format,
                         struct nb_loudness_target *target, const char *probe, double *gain_db,
                         struct nb_error *err)
{
    *gain_db = 0;
    if (!target || target->off)
        return NB_OK;
    double lufs;
    nb_status rc = nb_master_spool_loudness(s, &lufs, NULL, err);
    if (rc != NB_OK)
        return rc;
    double gain = nb_loudness_gain_db(lufs, target);
    if (!isfinite(lufs)) {
        *gain_db = gain;
        return NB_OK;
    }
    const struct nb_master_output dry = {.path = NULL, .format = *format};
    for (int round = 0; round < 3; round++) {
        struct nb_master_result r;
        rc = nb_master_write(s, &dry, target, gain, &r, err);
        if (rc != NB_OK)
            return rc;
        double off = target->lufs - r.lufs;
        if (!isfinite(off) || fabs(off) <= 0.1)
            break;
        gain += off;
        if (gain > NB_LOUDNESS_MAX_GAIN_DB) {
            gain = NB_LOUDNESS_MAX_GAIN_DB;
            break;
        }
    }
    /* a lossy codec moves the level and raises the peaks: encode, decode,
     * measure, and correct the gain and the ceiling the limiter aims at */
    const double ceiling = target->ceiling_dbtp;
    double last_gain = gain, last_lufs = NAN;
    for (int round = 0; probe && lossy(format->container) && round < 6; round++) {
        double got_lufs, got_peak;
        rc = probe_codec(s, format, target, gain, probe, &got_lufs, &got_peak, err);
        if (rc != NB_OK)
            return rc;
        /* meters' true peaks differ by a tenth of a dB: aim that far under */
        double off = target->lufs - got_lufs, over = got_peak - (ceiling - 0.15);
        if ((!isfinite(off) || fabs(off) <= 0.2) && (!isfinite(over) || over <= 0))
            break;
        /* past the limiter's knee a dB of gain adds less than a dB of
         * loudness: step by the slope seen between the last two rounds */
        double slope = 1.0;
        if (round > 0 && fabs(gain - last_gain) > 0.01 && isfinite(last_lufs))
            slope = (got_lufs - last_lufs) / (gain - last_gain);
        slope = slope < 0.15 ? 0.15 : slope > 1.0 ? 1.0 : slope;
        last_gain = gain;
        last_lufs = got_lufs;
        if (isfinite(off))
            gain = gain + off / slope > NB_LOUDNESS_MAX_GAIN_DB ? NB_LOUDNESS_MAX_GAIN_DB
                                                                : gain + off / slope;
        if (isfinite(over) && over > 0)
            target->ceiling_dbtp -= over + 0.1;
        if (target->ceiling_dbtp < -30)
            target->ceiling_dbtp = -30;
    }
    *gain_db = gain;
    return NB_OK;
}
