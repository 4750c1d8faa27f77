#include "speech/pcm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void nb_pcm_init(struct nb_pcm *p, unsigned rate)
{
    p->samples = NULL;
    p->n = 0;
    p->alloc = 0;
    p->rate = rate;
}

void nb_pcm_release(struct nb_pcm *p)
{
    free(p->samples);
    nb_pcm_init(p, p->rate);
}

/* Room for `extra` more samples; grows geometrically. */
static nb_status pcm_grow(struct nb_pcm *p, size_t extra)
{
    if (extra > SIZE_MAX / sizeof(int16_t) - p->n)
        return NB_ENOMEM;
    size_t need = p->n + extra;
    if (need <= p->alloc)
        return NB_OK;
    size_t alloc = p->alloc ? p->alloc : 4096;
    while (alloc < need)
        alloc = alloc > SIZE_MAX / sizeof(int16_t) / 2 ? need : alloc * 2;
    int16_t *s = realloc(p->samples, alloc * sizeof(int16_t));
    if (!s)
        return NB_ENOMEM;
    p->samples = s;
    p->alloc = alloc;
    return NB_OK;
}

nb_status nb_pcm_add(struct nb_pcm *p, const int16_t *samples, size_t n)
{
    if (!n)
        return NB_OK;
    if (pcm_grow(p, n) != NB_OK)
        return NB_ENOMEM;
    memcpy(p->samples + p->n, samples, n * sizeof(int16_t));
    p->n += n;
    return NB_OK;
}

nb_status nb_pcm_add_silence_ms(struct nb_pcm *p, unsigned ms)
{
    uint64_t n = (uint64_t)p->rate * ms / 1000u;
    if (!n)
        return NB_OK;
    if (n > SIZE_MAX || pcm_grow(p, (size_t)n) != NB_OK)
        return NB_ENOMEM;
    memset(p->samples + p->n, 0, (size_t)n * sizeof(int16_t));
    p->n += (size_t)n;
    return NB_OK;
}

double nb_pcm_seconds(const struct nb_pcm *p)
{
    return p->rate ? (double)p->n / (double)p->rate : 0.0;
}
