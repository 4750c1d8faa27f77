#include "speech/resample.h"

#include <soxr.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct nb_resampler {
    soxr_t soxr; /* NULL for a plain copy (same rate) */
    unsigned in_rate, out_rate, channels;
    int flushed;
    /* a plain copy keeps here what did not fit in the caller's buffer */
    float *held;
    size_t nheld, alloc; /* frames */
};

nb_status nb_resampler_new(struct nb_resampler **out, unsigned in_rate, unsigned out_rate,
                           unsigned channels, struct nb_error *err)
{
    *out = NULL;
    if (in_rate < 1000 || in_rate > 384000 || out_rate < 1000 || out_rate > 384000)
        return nb_error_set(err, NB_EINPUT,
                            "cannot resample from %u Hz to %u Hz (use 1000 to "
                            "384000 Hz)",
                            in_rate, out_rate);
    if (channels < 1 || channels > 8)
        return nb_error_set(err, NB_EINPUT, "cannot resample %u channels (use 1 to 8)", channels);
    struct nb_resampler *r = calloc(1, sizeof(*r));
    if (!r)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    r->in_rate = in_rate;
    r->out_rate = out_rate;
    r->channels = channels;
    if (in_rate != out_rate) {
        soxr_error_t e = NULL;
        soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        soxr_quality_spec_t q = soxr_quality_spec(SOXR_VHQ, 0);
        r->soxr = soxr_create(in_rate, out_rate, channels, &e, &io, &q, NULL);
        if (!r->soxr || e) {
            soxr_delete(r->soxr);
            free(r);
            return nb_error_set(err, NB_EINTERNAL, "cannot resample from %u Hz to %u Hz: %s",
                                in_rate, out_rate, soxr_strerror(e));
        }
    }
    *out = r;
    return NB_OK;
}

void nb_resampler_free(struct nb_resampler *r)
{
    if (!r)
        return;
    soxr_delete(r->soxr);
    free(r->held);
    free(r);
}

size_t nb_resampler_out_max(const struct nb_resampler *r, size_t nin)
{
    if (!r->soxr)
        return r->nheld + nin;
    double held = soxr_delay(r->soxr);
    return (size_t)ceil((double)nin * r->out_rate / r->in_rate + (held > 0 ? held : 0)) + 16;
}

/* Plain copy: what was held first, then the new frames; the rest is held. */
static nb_status copy_through(struct nb_resampler *r, const float *in, size_t nin, float *out,
                              size_t cap, size_t *nout)
{
    size_t ch = r->channels;
    size_t n = r->nheld < cap ? r->nheld : cap;
    if (n) {
        memcpy(out, r->held, n * ch * sizeof(float));
        memmove(r->held, r->held + n * ch, (r->nheld - n) * ch * sizeof(float));
        r->nheld -= n;
    }
    size_t m = r->nheld == 0 ? (nin < cap - n ? nin : cap - n) : 0;
    if (m)
        memcpy(out + n * ch, in, m * ch * sizeof(float));
    *nout = n + m;
    size_t rest = nin - m;
    if (rest) {
        if (r->nheld + rest > r->alloc) {
            size_t want = (r->nheld + rest) * 2;
            float *p = realloc(r->held, want * ch * sizeof(float));
            if (!p)
                return NB_ENOMEM;
            r->held = p;
            r->alloc = want;
        }
        memcpy(r->held + r->nheld * ch, in + m * ch, rest * ch * sizeof(float));
        r->nheld += rest;
    }
    return NB_OK;
}

nb_status nb_resampler_process(struct nb_resampler *r, const float *in, size_t nin, float *out,
                               size_t cap, size_t *nout, struct nb_error *err)
{
    *nout = 0;
    if (r->flushed)
        return nb_error_set(err, NB_EINTERNAL, "audio given to the resampler after its end");
    if (!r->soxr) {
        if (copy_through(r, in, nin, out, cap, nout) != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        return NB_OK;
    }
    static const float none[1];
    /* idone NULL: libsoxr takes all the input (it limits the input to the
     * output room only when asked how much it used); in NULL would mean the
     * end of the input. */
    soxr_error_t e = soxr_process(r->soxr, in && nin ? in : none, nin, NULL, out, cap, nout);
    if (e)
        return nb_error_set(err, NB_EINTERNAL, "cannot resample: %s", e);
    return NB_OK;
}

nb_status nb_resampler_flush(struct nb_resampler *r, float *out, size_t cap, size_t *nout,
                             struct nb_error *err)
{
    *nout = 0;
    r->flushed = 1;
    if (!r->soxr)
        return copy_through(r, NULL, 0, out, cap, nout); /* cannot fail: nothing to hold */
    soxr_error_t e = soxr_process(r->soxr, NULL, 0, NULL, out, cap, nout);
    if (e)
        return nb_error_set(err, NB_EINTERNAL, "cannot resample: %s", e);
    return NB_OK;
}
