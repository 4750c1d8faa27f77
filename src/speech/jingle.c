/* jingle.c - a sound from the user's own audio file, ready to go between
 * the speech. */
#include "speech/jingle.h"

#include "speech/loudness.h"
#include "speech/resample.h"
#include "text/file.h"

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 4096

/* Mono float frames to 16-bit samples appended to out. */
static nb_status add_frames(struct nb_pcm *out, const float *f, size_t n, struct nb_error *err)
{
    int16_t s[CHUNK];
    while (n) {
        size_t k = n < CHUNK ? n : CHUNK;
        for (size_t i = 0; i < k; i++) {
            float v = f[i] > 1.0f ? 1.0f : f[i] < -1.0f ? -1.0f : f[i];
            s[i] = (int16_t)lrintf(v * 32767.0f);
        }
        if (nb_pcm_add(out, s, k) != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        f += k;
        n -= k;
    }
    return NB_OK;
}

/* Why libsndfile could not read a file, in our words: "format not
 * recognised" for the common case, else its own text with a lower-case
 * first letter and without the full stop ("Error in WAV file. No 'data'
 * chunk marker." as "error in WAV file. No 'data' chunk marker"). */
static void sndfile_reason(char *out, size_t size)
{
    if (sf_error(NULL) == SF_ERR_UNRECOGNISED_FORMAT) {
        snprintf(out, size, "format not recognised");
        return;
    }
    snprintf(out, size, "%s", sf_strerror(NULL));
    size_t n = strlen(out);
    while (n && (out[n - 1] == '.' || out[n - 1] == ' '))
        out[--n] = '\0';
    if (n && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
        out[0] = (char)(out[0] - 'A' + 'a');
}

/* Opens `path` once and checks what was opened (text/file.h): a
 * descriptor of a regular file, or -1 with the reason in err, in our
 * words rather than libsndfile's "System error : No such file or
 * directory.". */
static int open_regular(const char *path, struct nb_error *err)
{
    enum nb_open_failure failure;
    int e;
    int fd = nb_file_open_regular(path, &failure, &e);
    if (failure == NB_OPEN_FOLDER)
        nb_error_set(err, NB_EINPUT, "'%s': a folder, not an audio file", path);
    else if (failure == NB_OPEN_NOT_REGULAR)
        nb_error_set(err, NB_EINPUT, "'%s': not a regular file", path);
    else if (failure == NB_OPEN_ERRNO && (e == ENOENT || e == ENOTDIR))
        nb_error_set(err, NB_EINPUT, "'%s': no such file", path);
    else if (failure == NB_OPEN_ERRNO && (e == EACCES || e == EPERM))
        nb_error_set(err, NB_EINPUT, "'%s': permission denied", path);
    else if (failure == NB_OPEN_ERRNO)
        nb_error_set(err, NB_EINPUT, "'%s': cannot be opened (%s)", path, strerror(e));
    return fd;
}

/* Opens path and checks what a jingle must be. */
static SNDFILE *open_jingle(const char *path, SF_INFO *info, struct nb_error *err)
{
    memset(info, 0, sizeof(*info));
    int fd = open_regular(path, err);
    if (fd < 0)
        return NULL;
    SNDFILE *sf = sf_open_fd(fd, SFM_READ, info, 1);
    if (!sf) {
        char why[256];
        sndfile_reason(why, sizeof(why));
        nb_error_set(err, NB_EINPUT, "'%s': not an audio file (%s)", path, why);
        return NULL;
    }
    if (info->channels < 1 || info->samplerate < 1000 ||
        (double)info->frames / info->samplerate > NB_JINGLE_MAX_SECONDS) {
        sf_close(sf);
        nb_error_set(err, NB_EINPUT, "'%s': a jingle must be audio of at most %d seconds", path,
                     NB_JINGLE_MAX_SECONDS);
        return NULL;
    }
    return sf;
}

nb_status nb_jingle_check(const char *path, struct nb_error *err)
{
    SF_INFO info;
    SNDFILE *sf = open_jingle(path, &info, err);
    if (!sf)
        return NB_EINPUT;
    sf_close(sf);
    return NB_OK;
}

nb_status nb_jingle_load(const char *path, unsigned rate, struct nb_pcm *out, double *lufs,
                         struct nb_error *err)
{
    nb_pcm_release(out);
    nb_pcm_init(out, rate);
    SF_INFO info;
    SNDFILE *sf = open_jingle(path, &info, err);
    if (!sf)
        return NB_EINPUT;
    unsigned ch = (unsigned)info.channels;
    struct nb_resampler *rs = NULL;
    nb_status rc = nb_resampler_new(&rs, (unsigned)info.samplerate, rate, 1, err);
    float *in = malloc((size_t)CHUNK * ch * sizeof(float)), *mono = malloc(CHUNK * sizeof(float));
    size_t cap = rs ? nb_resampler_out_max(rs, CHUNK) + CHUNK : 0;
    float *res = malloc((cap ? cap : 1) * sizeof(float));
    if (rc == NB_OK && (!in || !mono || !res))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    sf_count_t n;
    while (rc == NB_OK && (n = sf_readf_float(sf, in, CHUNK)) > 0) {
        for (sf_count_t i = 0; i < n; i++) {
            float sum = 0;
            for (unsigned c = 0; c < ch; c++)
                sum += in[(size_t)i * ch + c];
            mono[i] = sum / (float)ch;
        }
        size_t got = 0;
        rc = nb_resampler_process(rs, mono, (size_t)n, res, cap, &got, err);
        if (rc == NB_OK)
            rc = add_frames(out, res, got, err);
    }
    for (size_t got = 1; rc == NB_OK && got;) {
        rc = nb_resampler_flush(rs, res, cap, &got, err);
        if (rc == NB_OK)
            rc = add_frames(out, res, got, err);
    }
    sf_close(sf);
    nb_resampler_free(rs);
    free(in);
    free(mono);
    free(res);
    struct nb_loudness_meter *m = NULL;
    if (rc == NB_OK)
        rc = nb_loudness_meter_new(&m, rate, 1, err);
    if (rc == NB_OK)
        rc = nb_loudness_meter_add_s16(m, out->samples, out->n, err);
    if (rc == NB_OK)
        rc = nb_loudness_meter_result(m, lufs, NULL, err);
    nb_loudness_meter_free(m);
    if (rc != NB_OK)
        nb_pcm_release(out);
    return rc;
}
