#include "speech/loudness.h"

#include <ebur128.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The integrated loudness is gated as BS.1770-4 says, over blocks of 400
 * ms every 100 ms.  libebur128 keeps every block (memory growing with the
 * length) or, in its histogram mode, reads 0.1 LU bins by their lower edge
 * (a steady tone reads 0.04 LU low).  So the meter feeds libebur128 100 ms
 * at a time, reads each block's loudness as its momentary loudness, and
 * keeps the count and the energy sum of the blocks in 0.01 LU bins: fixed
 * memory, and exact but for the blocks in the bin of the relative gate. */
#define GATE_ABSOLUTE_LUFS (-70.0)
#define GATE_RELATIVE_LU (-10.0)
#define BIN_LU 0.01
#define BIN_TOP_LUFS 10.0 /* louder blocks go in the top bin, energy and all */
#define NBINS ((size_t)((BIN_TOP_LUFS - GATE_ABSOLUTE_LUFS) / BIN_LU + 0.5))
#define LUFS_OFFSET (-0.691) /* BS.1770: loudness = -0.691 + 10 log10(energy) */

struct bin {
    uint64_t blocks;
    double energy; /* the sum of their mean squares, channel-weighted */
};

struct nb_loudness_meter {
    ebur128_state *st;
    unsigned channels;
    size_t step;      /* frames in 100 ms, as libebur128 counts them */
    size_t in_step;   /* frames of the current 100 ms added so far */
    uint64_t steps;   /* complete 100 ms steps */
    struct bin *bins; /* NBINS */
    int true_peak;    /* the true peak is measured too */
};

struct preset {
    const char *name;
    double lufs;
    double ceiling_dbtp;
};

static const struct preset presets[] = {
    {"podcast", -16.0, -1.0},
    {"broadcast", -23.0, -1.0},
    {"atsc", -24.0, -2.0},
    {"alexa", -14.0, -2.0},
};

#define CUSTOM_CEILING_DBTP (-1.0)
/* How much of a rejected value a message quotes. */
#define QUOTE_MAX 60

void nb_loudness_target_init(struct nb_loudness_target *t)
{
    t->off = 0;
    t->lufs = presets[0].lufs;
    t->ceiling_dbtp = presets[0].ceiling_dbtp;
    t->name = presets[0].name;
}

const char *nb_loudness_presets(void)
{
    return "podcast, broadcast, atsc, alexa, off";
}

const char *nb_loudness_presets_help(void)
{
    return "podcast    -16 LUFS, true peak at most -1 dBTP (the default)\n"
           "broadcast  EBU R128: -23 LUFS, -1 dBTP\n"
           "atsc       ATSC A/85: -24 LKFS, -2 dBTP\n"
           "alexa      -14 LUFS, -2 dBTP\n"
           "off        leave the loudness as it is\n"
           "-40 to -5  that many LUFS, -1 dBTP\n";
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 when s[0..len) is `word`, ignoring ASCII case. */
static int word_is(const char *s, size_t len, const char *word)
{
    if (strlen(word) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (ascii_lower((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A decimal number ("-18", "+3", "-18.5", ".5") optionally followed by
 * "LUFS" or "LKFS": 1 and *v, or 0.  Parsed by hand: no locale, no "inf",
 * "nan" or hexadecimal. */
static int parse_lufs(const char *s, size_t len, double *v)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    double x = 0.0;
    int digits = 0;
    for (; i < len && is_digit(s[i]) && digits < 10; i++, digits++)
        x = x * 10.0 + (s[i] - '0');
    if (i < len && s[i] == '.') {
        double scale = 1.0;
        int frac = 0;
        for (i++; i < len && is_digit(s[i]) && frac < 10; i++, frac++) {
            scale *= 10.0;
            x += (s[i] - '0') / scale;
        }
        digits += frac;
    }
    if (digits == 0 || (i < len && is_digit(s[i])))
        return 0;
    while (i < len && is_space(s[i]))
        i++;
    if (i < len && !word_is(s + i, len - i, "lufs") && !word_is(s + i, len - i, "lkfs"))
        return 0;
    *v = neg ? -x : x;
    return 1;
}

nb_status nb_loudness_target_parse(const char *s, struct nb_loudness_target *t,
                                   struct nb_error *err)
{
    const char *text = s ? s : "";
    size_t len = strlen(text);
    const char *p = text;
    while (len > 0 && is_space(*p)) {
        p++;
        len--;
    }
    while (len > 0 && is_space(p[len - 1]))
        len--;

    if (word_is(p, len, "off")) {
        t->off = 1;
        t->lufs = 0.0;
        t->ceiling_dbtp = 0.0;
        t->name = "off";
        return NB_OK;
    }
    for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++) {
        if (word_is(p, len, presets[i].name)) {
            t->off = 0;
            t->lufs = presets[i].lufs;
            t->ceiling_dbtp = presets[i].ceiling_dbtp;
            t->name = presets[i].name;
            return NB_OK;
        }
    }
    double v;
    if (!parse_lufs(p, len, &v))
        return nb_error_set(err, NB_EINPUT,
                            "loudness '%.*s' is not a preset (%s) or a number of LUFS such as -16",
                            QUOTE_MAX, text, nb_loudness_presets());
    if (v < NB_LOUDNESS_MIN_LUFS || v > NB_LOUDNESS_MAX_LUFS) {
        if (-v >= NB_LOUDNESS_MIN_LUFS && -v <= NB_LOUDNESS_MAX_LUFS)
            return nb_error_set(err, NB_EINPUT,
                                "loudness '%.*s' is out of range (%g to %g LUFS; did you mean %g?)",
                                QUOTE_MAX, text, NB_LOUDNESS_MIN_LUFS, NB_LOUDNESS_MAX_LUFS, -v);
        return nb_error_set(err, NB_EINPUT, "loudness '%.*s' is out of range (%g to %g LUFS)",
                            QUOTE_MAX, text, NB_LOUDNESS_MIN_LUFS, NB_LOUDNESS_MAX_LUFS);
    }
    t->off = 0;
    t->lufs = v;
    t->ceiling_dbtp = CUSTOM_CEILING_DBTP;
    t->name = "custom";
    return NB_OK;
}

double nb_loudness_gain_db(double measured_lufs, const struct nb_loudness_target *t)
{
    if (t->off || isnan(measured_lufs) || isinf(measured_lufs))
        return 0.0;
    double g = t->lufs - measured_lufs;
    return g > NB_LOUDNESS_MAX_GAIN_DB ? NB_LOUDNESS_MAX_GAIN_DB : g;
}

static nb_status ebur128_status(int rc, const char *what, struct nb_error *err)
{
    if (rc == EBUR128_SUCCESS)
        return NB_OK;
    if (rc == EBUR128_ERROR_NOMEM)
        return nb_error_set(err, NB_ENOMEM, "out of memory %s", what);
    return nb_error_set(err, NB_EINTERNAL, "libebur128 failed %s (error %d)", what, rc);
}

static nb_status meter_new(struct nb_loudness_meter **out, unsigned rate, unsigned channels,
                           int true_peak, struct nb_error *err)
{
    *out = NULL;
    if (channels < 1 || channels > 2)
        return nb_error_set(err, NB_EINTERNAL,
                            "loudness meter: %u channels is not supported (1 or 2)", channels);
    if (rate < 8000 || rate > 384000)
        return nb_error_set(err, NB_EINTERNAL,
                            "loudness meter: a rate of %u Hz is not supported (8000 to 384000)",
                            rate);
    struct nb_loudness_meter *m = calloc(1, sizeof(*m));
    if (!m)
        return nb_error_set(err, NB_ENOMEM, "out of memory starting the loudness meter");
    m->bins = calloc(NBINS, sizeof(*m->bins));
    /* momentary loudness only: no MODE_I, whose blocks pile up */
    int mode = true_peak ? EBUR128_MODE_M | EBUR128_MODE_TRUE_PEAK : EBUR128_MODE_M;
    m->st = m->bins ? ebur128_init(channels, rate, mode) : NULL;
    if (!m->st) {
        nb_loudness_meter_free(m);
        /* the arguments were checked: only memory is left to fail */
        return nb_error_set(err, NB_ENOMEM, "out of memory starting the loudness meter");
    }
    m->channels = channels;
    m->step = (rate + 5) / 10; /* libebur128's samples_in_100ms */
    m->true_peak = true_peak;
    *out = m;
    return NB_OK;
}

nb_status nb_loudness_meter_new(struct nb_loudness_meter **out, unsigned rate, unsigned channels,
                                struct nb_error *err)
{
    return meter_new(out, rate, channels, 1, err);
}

nb_status nb_loudness_meter_new_lufs(struct nb_loudness_meter **out, unsigned rate,
                                     unsigned channels, struct nb_error *err)
{
    return meter_new(out, rate, channels, 0, err);
}

/* Counts the block of the last 400 ms. */
static nb_status add_block(struct nb_loudness_meter *m, struct nb_error *err)
{
    double lufs;
    nb_status rc =
        ebur128_status(ebur128_loudness_momentary(m->st, &lufs), "measuring the loudness", err);
    if (rc != NB_OK || !(lufs >= GATE_ABSOLUTE_LUFS))
        return rc; /* -HUGE_VAL, NaN, or under the absolute gate */
    size_t i = (size_t)((lufs - GATE_ABSOLUTE_LUFS) / BIN_LU);
    if (i >= NBINS)
        i = NBINS - 1;
    m->bins[i].blocks++;
    m->bins[i].energy += pow(10.0, (lufs - LUFS_OFFSET) / 10.0);
    return NB_OK;
}

/* Feeds libebur128 up to each 100 ms boundary, and counts a block there.
 * `frames` are int16_t, or float when is_float. */
static nb_status add_frames(struct nb_loudness_meter *m, const void *frames, int is_float,
                            size_t nframes, struct nb_error *err)
{
    const char *p = frames;
    size_t frame_size = m->channels * (is_float ? sizeof(float) : sizeof(int16_t));
    size_t done = 0;
    while (done < nframes) {
        size_t k = m->step - m->in_step;
        if (k > nframes - done)
            k = nframes - done;
        const void *chunk = p + done * frame_size;
        int erc = is_float ? ebur128_add_frames_float(m->st, chunk, k)
                           : ebur128_add_frames_short(m->st, chunk, k);
        nb_status rc = ebur128_status(erc, "measuring the loudness", err);
        if (rc != NB_OK)
            return rc;
        done += k;
        m->in_step += k;
        if (m->in_step == m->step) {
            m->in_step = 0;
            /* the first block ends at 400 ms, then one every 100 ms */
            if (++m->steps >= 4 && (rc = add_block(m, err)) != NB_OK)
                return rc;
        }
    }
    return NB_OK;
}

nb_status nb_loudness_meter_add_s16(struct nb_loudness_meter *m, const int16_t *frames,
                                    size_t nframes, struct nb_error *err)
{
    return add_frames(m, frames, 0, nframes, err);
}

nb_status nb_loudness_meter_add_float(struct nb_loudness_meter *m, const float *frames,
                                      size_t nframes, struct nb_error *err)
{
    return add_frames(m, frames, 1, nframes, err);
}

/* The gated loudness of the blocks counted: the mean energy of the blocks
 * over the absolute gate, then of those over the relative gate. */
static double integrated(const struct nb_loudness_meter *m)
{
    uint64_t blocks = 0;
    double energy = 0.0;
    for (size_t i = 0; i < NBINS; i++) {
        blocks += m->bins[i].blocks;
        energy += m->bins[i].energy;
    }
    if (blocks == 0)
        return -HUGE_VAL;
    double gate = LUFS_OFFSET + 10.0 * log10(energy / (double)blocks) + GATE_RELATIVE_LU;
    blocks = 0;
    energy = 0.0;
    for (size_t i = 0; i < NBINS; i++) {
        /* the bin the gate falls in counts when its middle is over it */
        if (GATE_ABSOLUTE_LUFS + ((double)i + 0.5) * BIN_LU >= gate) {
            blocks += m->bins[i].blocks;
            energy += m->bins[i].energy;
        }
    }
    if (blocks == 0)
        return -HUGE_VAL;
    return LUFS_OFFSET + 10.0 * log10(energy / (double)blocks);
}

nb_status nb_loudness_meter_result(struct nb_loudness_meter *m, double *integrated_lufs,
                                   double *true_peak_dbtp, struct nb_error *err)
{
    if (integrated_lufs)
        *integrated_lufs = integrated(m);
    if (true_peak_dbtp && !m->true_peak)
        *true_peak_dbtp = NAN;
    else if (true_peak_dbtp) {
        double peak = 0.0;
        for (unsigned c = 0; c < m->channels; c++) {
            double p;
            nb_status rc =
                ebur128_status(ebur128_true_peak(m->st, c, &p), "reading the true peak", err);
            if (rc != NB_OK)
                return rc;
            if (p > peak)
                peak = p;
        }
        *true_peak_dbtp = peak > 0.0 ? 20.0 * log10(peak) : -HUGE_VAL;
    }
    return NB_OK;
}

void nb_loudness_meter_free(struct nb_loudness_meter *m)
{
    if (!m)
        return;
    if (m->st)
        ebur128_destroy(&m->st);
    free(m->bins);
    free(m);
}
