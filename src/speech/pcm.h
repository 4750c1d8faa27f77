/* pcm.h - a growable buffer of 16-bit mono samples. */
#ifndef NB_SPEECH_PCM_H
#define NB_SPEECH_PCM_H

#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

struct nb_pcm {
    int16_t *samples;
    size_t n;
    size_t alloc;
    unsigned rate; /* samples per second */
};

void nb_pcm_init(struct nb_pcm *p, unsigned rate);
void nb_pcm_release(struct nb_pcm *p);
/* NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_pcm_add(struct nb_pcm *p, const int16_t *samples, size_t n);
nb_status nb_pcm_add_silence_ms(struct nb_pcm *p, unsigned ms);
double nb_pcm_seconds(const struct nb_pcm *p);

#endif
