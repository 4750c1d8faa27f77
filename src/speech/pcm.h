/* pcm.h - a growable buffer of 16-bit mono samples. */
#ifndef NB_SPEECH_PCM_H
#define NB_SPEECH_PCM_H

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
/* 0 on success, -1 when out of memory. */
int nb_pcm_add(struct nb_pcm *p, const int16_t *samples, size_t n);
int nb_pcm_add_silence_ms(struct nb_pcm *p, unsigned ms);
double nb_pcm_seconds(const struct nb_pcm *p);

#endif
