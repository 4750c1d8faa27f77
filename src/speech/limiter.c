#include "speech/limiter.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define MAX_CHANNELS 2
#define PHASES 4
#define TAPS 12
/* libebur128's interpolator (a 49-tap Hann-windowed sinc, 4x) whose first
 * phase is the samples themselves: 3 phases of 12 taps that matter. */
#define METER_PHASES 3
#define METER_TAPS 49
#define PI 3.14159265358979323846
/* With y = sum h[k] x[n - k], the phases of both interpolators give points
 * between frames n - 6 and n - 5: the peaks around frame k are known
 * FIR_DELAY frames after it. */
#define FIR_DELAY 6
/* Frames either side of a peak held at its gain, so that the whole reach
 * of an interpolator (this one or a meter's) sees one gain. */
#define HOLD 8
/* Within this of the gain it is heading to, the release has arrived (so
 * that it ends, and unlimited audio is multiplied by exactly 1). */
#define RELEASE_SNAP 1e-9

/* ITU-R BS.1770-4 Annex 2: the 48-tap interpolating filter as 4 phases of
 * 12 taps, h[p][k] multiplying x[n - k].  Phases 3 and 2 are phases 0 and 1
 * reversed. */
static const double annex2[PHASES][TAPS] = {
    {0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875,
     0.1373291015625, 0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250,
     0.0148925781250, -0.0083007812500},
    {-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500,
     0.4650878906250, 0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625,
     0.0330810546875, -0.0189208984375},
    {-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125,
     0.7797851562500, 0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000,
     0.0292968750000, -0.0291748046875},
    {-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750,
     0.9721679687500, 0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125,
     0.0109863281250, 0.0017089843750},
};

struct nb_limiter {
    unsigned channels;
    /* the interpolators: annex2 reversed (coef[p][i] multiplies frame
     * n - 11 + i), then libebur128's */
    double coef[PHASES + METER_PHASES][TAPS];
    double gain;      /* linear */
    double threshold; /* linear: the ceiling less the margin */
    double release;   /* per-frame factor of the exponential release */
    size_t attack;    /* frames of the gain's ramp down (W) */
    size_t window;    /* frames over which the least needed gain is taken */
    size_t latency;

    /* The gained input, delayed: frame i at delay[(i & mask) * channels]. */
    double *delay;
    size_t mask;
    /* The interpolator's input, twice over so that the last TAPS frames are
     * contiguous: fir[c][pos + 1 .. pos + TAPS], oldest first. */
    double fir[MAX_CHANNELS][2 * TAPS];
    size_t fir_pos;
    double prev_between; /* peak between frames n - 7 and n - 6 */
    /* No oversampled point is more than `bound` times the largest sample
     * it is made from (the largest sum of a phase's |taps|): while the
     * last TAPS frames are all under threshold / bound, their points are
     * under the threshold and need not be computed.  `hot` counts the
     * steps whose interpolator still holds a frame over that. */
    double quiet;
    unsigned hot;

    /* The gains needed, as a monotonic deque (indices rising, gains rising
     * from the front), for the least over the window. */
    uint64_t *dq_index;
    double *dq_gain;
    size_t dq_mask, dq_head, dq_len; /* room for dq_mask + 1, a power of 2 */

    double env; /* the least gain needed, released */
    /* The last `attack` values of 1 - env, for their mean. */
    double *box;
    size_t box_pos, box_nonzero;
    double box_sum;

    uint64_t pushed; /* frames through the pipeline, flushing silence included */
    uint64_t taken;  /* frames of input */
    uint64_t given;  /* frames of output */
    int flushing;
};

/* libebur128 1.2's true-peak interpolator (ebur128.c, interp_create(49,
 * 4, ...)): tap j of the 49 is sinc((j - 24) / 4) under a Hann window and
 * belongs to phase j % 4 at delay j / 4.  Phases 1 to 3 interpolate the
 * points a quarter, a half and three quarters of a frame after frame
 * n - 6, as annex2 does; phase 0 is frame n - 6 itself.  Its readings of
 * content near the Nyquist frequency can be 0.2 dB above the Annex 2
 * filter's (and the other way round): the limiter keeps both under the
 * ceiling, so that this project's own meter never reads over it. */
static void meter_phases(double coef[METER_PHASES][TAPS])
{
    for (int j = 0; j < METER_TAPS; j++) {
        int phase = j % 4, delay = j / 4;
        if (phase == 0)
            continue;
        double m = (j - (METER_TAPS - 1) / 2.0) * PI / 4.0;
        double c = sin(m) / m * 0.5 * (1.0 - cos(2.0 * PI * j / (METER_TAPS - 1)));
        coef[phase - 1][TAPS - 1 - delay] = c;
    }
}

nb_status nb_limiter_new(struct nb_limiter **out, unsigned rate, unsigned channels, double gain_db,
                         double ceiling_dbtp, struct nb_error *err)
{
    *out = NULL;
    if (channels < 1 || channels > MAX_CHANNELS)
        return nb_error_set(err, NB_EINTERNAL, "limiter: %u channels is not supported (1 or 2)",
                            channels);
    if (rate < 8000 || rate > 384000)
        return nb_error_set(err, NB_EINTERNAL,
                            "limiter: a rate of %u Hz is not supported (8000 to 384000)", rate);
    if (!(gain_db >= -120.0 && gain_db <= 60.0))
        return nb_error_set(err, NB_EINTERNAL, "limiter: a gain of %g dB is out of range", gain_db);
    if (!(ceiling_dbtp >= -30.0 && ceiling_dbtp <= 0.0))
        return nb_error_set(err, NB_EINTERNAL, "limiter: a ceiling of %g dBTP is out of range",
                            ceiling_dbtp);

    struct nb_limiter *l = calloc(1, sizeof(*l));
    if (!l)
        return nb_error_set(err, NB_ENOMEM, "out of memory starting the limiter");
    l->channels = channels;
    l->gain = pow(10.0, gain_db / 20.0);
    l->threshold = pow(10.0, (ceiling_dbtp - NB_LIMITER_MARGIN_DB) / 20.0);
    l->release = exp(-1.0 / (NB_LIMITER_RELEASE_MS / 1000.0 * rate));
    l->attack = (size_t)lround(NB_LIMITER_ATTACK_MS / 1000.0 * rate);
    if (l->attack < 1)
        l->attack = 1;
    l->window = l->attack + 2 * HOLD;
    /* frame j leaves once the gains needed up to j + attack - 1 + HOLD are
     * known, FIR_DELAY frames later */
    l->latency = FIR_DELAY + l->attack - 1 + HOLD;

    size_t ring = 1;
    while (ring < l->latency + 1)
        ring <<= 1;
    l->mask = ring - 1;
    size_t dq_cap = 1;
    while (dq_cap < l->window + 1)
        dq_cap <<= 1;
    l->dq_mask = dq_cap - 1;
    l->delay = calloc(ring * channels, sizeof(*l->delay));
    l->dq_index = calloc(dq_cap, sizeof(*l->dq_index));
    l->dq_gain = calloc(dq_cap, sizeof(*l->dq_gain));
    l->box = calloc(l->attack, sizeof(*l->box));
    if (!l->delay || !l->dq_index || !l->dq_gain || !l->box) {
        nb_limiter_free(l);
        return nb_error_set(err, NB_ENOMEM, "out of memory starting the limiter");
    }
    for (int p = 0; p < PHASES; p++)
        for (int i = 0; i < TAPS; i++)
            l->coef[p][i] = annex2[p][TAPS - 1 - i];
    meter_phases(l->coef + PHASES);
    double bound = 0.0;
    for (int p = 0; p < PHASES + METER_PHASES; p++) {
        double sum = 0.0;
        for (int i = 0; i < TAPS; i++)
            sum += fabs(l->coef[p][i]);
        if (sum > bound)
            bound = sum;
    }
    l->quiet = l->threshold / bound;
    l->env = 1.0;
    *out = l;
    return NB_OK;
}

void nb_limiter_free(struct nb_limiter *l)
{
    if (!l)
        return;
    free(l->delay);
    free(l->dq_index);
    free(l->dq_gain);
    free(l->box);
    free(l);
}

size_t nb_limiter_latency(const struct nb_limiter *l)
{
    return l->latency;
}

/* The largest magnitude of the oversampled points between frames n - 6 and
 * n - 5, over the channels, once frame n is in the interpolator. */
static double peak_between(const struct nb_limiter *l)
{
    double peak = 0.0;
    for (unsigned c = 0; c < l->channels; c++) {
        const double *x = l->fir[c] + l->fir_pos + 1; /* x[i] is frame n - 11 + i */
        for (int p = 0; p < PHASES + METER_PHASES; p++) {
            double y = 0.0;
            for (int i = 0; i < TAPS; i++)
                y += l->coef[p][i] * x[i];
            y = fabs(y);
            if (y > peak)
                peak = y;
        }
    }
    return peak;
}

/* Adds the gain needed by frame k to the window's deque, drops what has
 * left the window, and returns the least gain in it. */
static double least_gain(struct nb_limiter *l, uint64_t k, double needed)
{
    while (l->dq_len > 0 && l->dq_gain[(l->dq_head + l->dq_len - 1) & l->dq_mask] >= needed)
        l->dq_len--;
    size_t back = (l->dq_head + l->dq_len) & l->dq_mask;
    l->dq_index[back] = k;
    l->dq_gain[back] = needed;
    l->dq_len++;
    while (l->dq_index[l->dq_head] + l->window <= k) {
        l->dq_head = (l->dq_head + 1) & l->dq_mask;
        l->dq_len--;
    }
    return l->dq_gain[l->dq_head];
}

/* The gain for the next frame out, from the least gain needed over its
 * window: attack at once, release exponentially, then the mean over the
 * attack time (a linear ramp down ending at the peak). */
static double smooth_gain(struct nb_limiter *l, double least)
{
    if (least < l->env)
        l->env = least;
    else if (least - l->env < RELEASE_SNAP)
        l->env = least;
    else
        l->env = least + (l->env - least) * l->release;

    double deficit = 1.0 - l->env;
    double old = l->box[l->box_pos];
    l->box[l->box_pos] = deficit;
    l->box_pos = l->box_pos + 1 == l->attack ? 0 : l->box_pos + 1;
    l->box_nonzero += (deficit != 0.0) - (old != 0.0);
    /* a running sum drifts: when every deficit is 0 it is 0 exactly */
    l->box_sum = l->box_nonzero ? l->box_sum + deficit - old : 0.0;
    double g = 1.0 - l->box_sum / (double)l->attack;
    return g < 0.0 ? 0.0 : g > 1.0 ? 1.0 : g;
}

/* Pushes one frame (NULL: silence) through; writes the frame that leaves,
 * if one does, to out and returns 1, else 0. */
static int step(struct nb_limiter *l, const float *frame, float *out)
{
    unsigned nch = l->channels;
    uint64_t n = l->pushed++;
    double *slot = l->delay + (size_t)(n & l->mask) * nch;
    l->fir_pos = l->fir_pos + 1 == TAPS ? 0 : l->fir_pos + 1;
    for (unsigned c = 0; c < nch; c++) {
        double x = frame && isfinite(frame[c]) ? frame[c] * l->gain : 0.0;
        slot[c] = x;
        l->fir[c][l->fir_pos] = x;
        l->fir[c][l->fir_pos + TAPS] = x;
        if (fabs(x) >= l->quiet)
            l->hot = TAPS;
    }

    /* 0 stands for points known to be under the threshold: the gain
     * needed is 1 either way */
    double between = 0.0;
    if (l->hot > 0) {
        l->hot--;
        between = peak_between(l);
    }
    if (n < FIR_DELAY) {
        l->prev_between = between;
        return 0;
    }
    uint64_t k = n - FIR_DELAY;
    const double *xk = l->delay + (size_t)(k & l->mask) * nch;
    double peak = between > l->prev_between ? between : l->prev_between;
    for (unsigned c = 0; c < nch; c++)
        if (fabs(xk[c]) > peak)
            peak = fabs(xk[c]);
    l->prev_between = between;
    double needed = peak > l->threshold ? l->threshold / peak : 1.0;
    /* the gain for frame j = k - (attack - 1 + HOLD), which is before the
     * first frame for the first frames: their gain ramps down for what
     * follows */
    double g = smooth_gain(l, least_gain(l, k, needed));
    if (k < l->attack - 1 + HOLD)
        return 0;
    uint64_t j = k - (l->attack - 1 + HOLD);
    const double *xj = l->delay + (size_t)(j & l->mask) * nch;
    for (unsigned c = 0; c < nch; c++) {
        double y = xj[c] * g;
        out[c] = (float)(y > 1.0 ? 1.0 : y < -1.0 ? -1.0 : y);
    }
    return 1;
}

nb_status nb_limiter_process(struct nb_limiter *l, const float *in, size_t nframes, float *out,
                             size_t *nout)
{
    *nout = 0;
    if (l->flushing)
        return NB_EINTERNAL;
    size_t made = 0;
    for (size_t i = 0; i < nframes; i++)
        made += (size_t)step(l, in + i * l->channels, out + made * l->channels);
    l->taken += nframes;
    l->given += made;
    *nout = made;
    return NB_OK;
}

nb_status nb_limiter_flush(struct nb_limiter *l, float *out, size_t cap_frames, size_t *nout)
{
    l->flushing = 1;
    size_t made = 0;
    while (made < cap_frames && l->given < l->taken) {
        if (step(l, NULL, out + made * l->channels)) {
            made++;
            l->given++;
        }
    }
    *nout = made;
    return NB_OK;
}
