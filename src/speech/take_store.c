/* take_store.c - takes in an unlinked temporary file, found by key. */
#define _POSIX_C_SOURCE 200809L
#include "speech/take_store.h"

#include "text/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct entry {
    uint64_t hash;
    char *key; /* NULL: empty slot */
    size_t keylen;
    struct nb_stored_take take;
};

struct nb_take_store {
    int fd;
    off_t end; /* bytes written */
    struct entry *slots;
    size_t nslots, used;
    size_t samples;
};

static uint64_t hash_key(const char *key, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211u;
    }
    return h;
}

nb_status nb_take_store_open(struct nb_take_store **out, const char *dir,
                             const struct nb_temp_hook *temp, struct nb_error *err)
{
    *out = NULL;
    if (!dir) {
        dir = getenv("TMPDIR");
        if (!dir || !*dir)
            dir = "/tmp";
    }
    struct nb_take_store *s = calloc(1, sizeof(*s));
    struct nb_buf path;
    nb_buf_init(&path, 0);
    if (!s || nb_buf_addf(&path, "%s/.newsbrief-takes.tmp-XXXXXX", dir) != NB_OK) {
        free(s);
        nb_buf_release(&path);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    s->nslots = 64;
    s->slots = calloc(s->nslots, sizeof(*s->slots));
    s->fd = s->slots ? nb_temp_create(path.data, temp) : -1;
    int e = errno;
    if (s->fd >= 0) {
        unlink(path.data); /* nothing to leave behind: the descriptor keeps it */
        nb_temp_tell(temp, path.data, 0);
    }
    nb_buf_release(&path);
    if (!s->slots) {
        free(s);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (s->fd < 0) {
        free(s->slots);
        free(s);
        return nb_error_set_at(err, NB_EIO, dir, 0, 0, "cannot make a temporary file: %s",
                               strerror(e));
    }
    *out = s;
    return NB_OK;
}

void nb_take_store_free(struct nb_take_store *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nslots; i++) {
        free(s->slots[i].key);
        free((uint32_t *)s->slots[i].take.lengths);
    }
    free(s->slots);
    close(s->fd);
    free(s);
}

static struct entry *slot_for(const struct nb_take_store *s, uint64_t h, const char *key,
                              size_t len)
{
    size_t i = (size_t)h & (s->nslots - 1);
    for (;;) {
        struct entry *e = &s->slots[i];
        if (!e->key || (e->hash == h && e->keylen == len && memcmp(e->key, key, len) == 0))
            return e;
        i = (i + 1) & (s->nslots - 1);
    }
}

const struct nb_stored_take *nb_take_store_find(const struct nb_take_store *s, const char *key,
                                                size_t len)
{
    struct entry *e = slot_for(s, hash_key(key, len), key, len);
    return e->key ? &e->take : NULL;
}

static nb_status rehash(struct nb_take_store *s)
{
    size_t n = s->nslots * 2;
    struct entry *old = s->slots, *slots = calloc(n, sizeof(*slots));
    if (!slots)
        return NB_ENOMEM;
    size_t oldn = s->nslots;
    s->slots = slots;
    s->nslots = n;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].key)
            *slot_for(s, old[i].hash, old[i].key, old[i].keylen) = old[i];
    free(old);
    return NB_OK;
}

static int write_at(int fd, const void *p, size_t n, off_t at)
{
    const char *c = p;
    while (n) {
        ssize_t k = pwrite(fd, c, n, at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        c += k;
        n -= (size_t)k;
        at += k;
    }
    return 0;
}

nb_status nb_take_store_put(struct nb_take_store *s, const char *key, size_t len,
                            const struct nb_speech_take *take, struct nb_error *err)
{
    if ((s->used + 1) * 2 > s->nslots && rehash(s) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    uint64_t h = hash_key(key, len);
    struct entry *e = slot_for(s, h, key, len);
    if (e->key)
        return NB_OK;
    char *k = malloc(len ? len : 1);
    uint32_t *lengths = malloc((take->nlengths ? take->nlengths : 1) * sizeof(*lengths));
    if (!k || !lengths) {
        free(k);
        free(lengths);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (write_at(s->fd, take->samples, take->nsamples * sizeof(int16_t), s->end) < 0) {
        int er = errno;
        free(k);
        free(lengths);
        return nb_error_set(err, NB_EIO, "cannot keep the speech in a temporary file: %s",
                            strerror(er));
    }
    memcpy(k, key, len);
    if (take->nlengths)
        memcpy(lengths, take->lengths, take->nlengths * sizeof(*lengths));
    *e = (struct entry){h, k, len, {lengths, take->nlengths, take->nsamples, (long long)s->end}};
    s->end += (off_t)(take->nsamples * sizeof(int16_t));
    s->used++;
    s->samples += take->nsamples;
    return NB_OK;
}

nb_status nb_take_store_read(const struct nb_take_store *s, const struct nb_stored_take *t,
                             size_t from, int16_t *out, size_t n, struct nb_error *err)
{
    if (from > t->nsamples || n > t->nsamples - from)
        return nb_error_set(err, NB_EINTERNAL, "reading past the end of a take");
    off_t at = (off_t)t->offset + (off_t)(from * sizeof(int16_t));
    char *c = (char *)out;
    size_t left = n * sizeof(int16_t);
    while (left) {
        ssize_t k = pread(s->fd, c, left, at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return nb_error_set(err, NB_EIO, "cannot read back the speech kept: %s",
                                k < 0 ? strerror(errno) : "file too short");
        c += k;
        left -= (size_t)k;
        at += k;
    }
    return NB_OK;
}

size_t nb_take_store_count(const struct nb_take_store *s)
{
    return s->used;
}

size_t nb_take_store_samples(const struct nb_take_store *s)
{
    return s->samples;
}
