/* speaker_voices.c - which voice reads each person quoted. */
#include "script/speaker_voices.h"

#include <stdlib.h>
#include <string.h>

const char *nb_voice_pool_name(const struct nb_voice_pool *pool, size_t index)
{
    if (index < pool->nfemale)
        return pool->female[index];
    if (index - pool->nfemale < pool->nmale)
        return pool->male[index - pool->nfemale];
    return NULL;
}

/* The voices of `kind` in the order they are offered: a list, or for
 * either kind both lists in turn (f0, m0, f1, m1, ...).  Returns how many. */
static size_t candidates(const struct nb_voice_pool *pool, enum nb_voice_kind kind, size_t *out)
{
    size_t n = 0;
    if (kind == NB_VOICE_FEMALE) {
        for (size_t i = 0; i < pool->nfemale; i++)
            out[n++] = i;
    } else if (kind == NB_VOICE_MALE) {
        for (size_t i = 0; i < pool->nmale; i++)
            out[n++] = pool->nfemale + i;
    } else {
        size_t most = pool->nfemale > pool->nmale ? pool->nfemale : pool->nmale;
        for (size_t i = 0; i < most; i++) {
            if (i < pool->nfemale)
                out[n++] = i;
            if (i < pool->nmale)
                out[n++] = pool->nfemale + i;
        }
    }
    return n;
}

/* Marks in taken[] the voice of every assigned speaker read right before
 * or right after s somewhere in order[0..norder): one pass over the
 * order, not one for each speaker. */
static void mark_neighbours(const size_t *order, size_t norder, size_t nspeakers, size_t s,
                            const size_t *voice, unsigned char *taken)
{
    for (size_t k = 1; k < norder; k++) {
        size_t t;
        if (order[k - 1] == s)
            t = order[k];
        else if (order[k] == s)
            t = order[k - 1];
        else
            continue;
        if (t != s && t < nspeakers && voice[t] != NB_VOICE_NONE)
            taken[voice[t]] = 1;
    }
}

/* Of cand[0..n), the least used voice that no assigned neighbour of s has
 * (taken[v] set); NB_VOICE_NONE when every one is taken. */
static size_t least_used(const size_t *cand, size_t n, const unsigned char *taken,
                         const size_t *uses, int ignore_taken)
{
    size_t best = NB_VOICE_NONE;
    for (size_t i = 0; i < n; i++) {
        size_t v = cand[i];
        if (!ignore_taken && taken[v])
            continue;
        if (best == NB_VOICE_NONE || uses[v] < uses[best])
            best = v;
    }
    return best;
}

static void assign_one(const struct nb_voice_pool *pool, const enum nb_voice_kind *kinds,
                       size_t nspeakers, const size_t *order, size_t norder, size_t s,
                       size_t *voice, size_t *uses, unsigned char *taken, size_t *cand)
{
    size_t total = pool->nfemale + pool->nmale;
    memset(taken, 0, total);
    mark_neighbours(order, norder, nspeakers, s, voice, taken);
    size_t n = candidates(pool, kinds[s], cand);
    size_t v = least_used(cand, n, taken, uses, 0);
    if (v == NB_VOICE_NONE) {
        size_t all = candidates(pool, NB_VOICE_EITHER, cand);
        v = least_used(cand, all, taken, uses, 0);
    }
    if (v == NB_VOICE_NONE) {
        n = candidates(pool, kinds[s], cand);
        if (n == 0)
            n = candidates(pool, NB_VOICE_EITHER, cand);
        v = least_used(cand, n, taken, uses, 1);
    }
    voice[s] = v;
    uses[v]++;
}

nb_status nb_speaker_voices_assign(const struct nb_voice_pool *pool,
                                   const enum nb_voice_kind *kinds, size_t nspeakers,
                                   const size_t *order, size_t norder, size_t *voice,
                                   struct nb_error *err)
{
    for (size_t s = 0; s < nspeakers; s++)
        voice[s] = NB_VOICE_NONE;
    size_t total = pool->nfemale + pool->nmale;
    if (total == 0 || nspeakers == 0)
        return NB_OK;
    size_t *uses = calloc(total, sizeof(*uses));
    size_t *cand = calloc(total, sizeof(*cand));
    unsigned char *taken = calloc(total, 1);
    if (!uses || !cand || !taken) {
        free(uses);
        free(cand);
        free(taken);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    /* in the order they are first heard, then those never heard */
    for (size_t k = 0; k < norder; k++)
        if (order[k] < nspeakers && voice[order[k]] == NB_VOICE_NONE)
            assign_one(pool, kinds, nspeakers, order, norder, order[k], voice, uses, taken, cand);
    for (size_t s = 0; s < nspeakers; s++)
        if (voice[s] == NB_VOICE_NONE)
            assign_one(pool, kinds, nspeakers, order, norder, s, voice, uses, taken, cand);
    free(uses);
    free(cand);
    free(taken);
    return NB_OK;
}
