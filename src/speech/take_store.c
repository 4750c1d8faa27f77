/* take_store.c - takes in an unlinked temporary file, found by key. */
#define _POSIX_C_SOURCE 200809L
#include "speech/take_store.h"

#include "text/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A take kept, under its key. */
struct record {
    char *key;
    size_t keylen;
    size_t *ends; /* where each sentence's part of the key ends; NULL: only at keylen */
    struct nb_stored_take take;
};

/* A slot of the table: the key of record `rec` up to its sentence `k`
 * (1-based; the whole key when k == its number of sentences) hashes to
 * `hash`. */
struct slot {
    uint64_t hash;
    size_t rec; /* 0: empty; else the record's index + 1 */
    size_t k;
};

struct nb_take_store {
    int fd;
    off_t end; /* bytes written */
    struct record *recs;
    size_t nrecs, alloc_recs;
    struct slot *slots;
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
    for (size_t i = 0; i < s->nrecs; i++) {
        free(s->recs[i].key);
        free(s->recs[i].ends);
        free((uint32_t *)s->recs[i].take.lengths);
    }
    free(s->recs);
    free(s->slots);
    close(s->fd);
    free(s);
}

/* Where the key of record r ends after its sentence k. */
static size_t end_at(const struct record *r, size_t k)
{
    return r->ends && k < r->take.nlengths ? r->ends[k - 1] : r->keylen;
}

/* The slot of the take kept under key[0..len), else (unless `exact`) one
 * of a take whose key begins with it up to a sentence end, else NULL. */
static const struct slot *find_slot(const struct nb_take_store *s, const char *key, size_t len,
                                    int exact)
{
    uint64_t h = hash_key(key, len);
    const struct slot *found = NULL;
    for (size_t i = (size_t)h & (s->nslots - 1); s->slots[i].rec; i = (i + 1) & (s->nslots - 1)) {
        const struct slot *e = &s->slots[i];
        const struct record *r = &s->recs[e->rec - 1];
        if (e->hash != h || end_at(r, e->k) != len || memcmp(r->key, key, len) != 0)
            continue;
        if (e->k == r->take.nlengths)
            return e; /* the whole take: the best there is */
        if (!exact && !found)
            found = e;
    }
    return found;
}

static void insert_slot(struct nb_take_store *s, uint64_t h, size_t rec, size_t k)
{
    size_t i = (size_t)h & (s->nslots - 1);
    while (s->slots[i].rec)
        i = (i + 1) & (s->nslots - 1);
    s->slots[i] = (struct slot){h, rec, k};
    s->used++;
}

/* Room for `more` slots (the table at most half full) and a record. */
static nb_status make_room(struct nb_take_store *s, size_t more)
{
    if (s->nrecs == s->alloc_recs) {
        size_t n = s->alloc_recs ? 2 * s->alloc_recs : 64;
        struct record *r = realloc(s->recs, n * sizeof(*r));
        if (!r)
            return NB_ENOMEM;
        s->recs = r;
        s->alloc_recs = n;
    }
    if ((s->used + more) * 2 <= s->nslots)
        return NB_OK;
    size_t n = s->nslots;
    while ((s->used + more) * 2 > n)
        n *= 2;
    struct slot *old = s->slots, *slots = calloc(n, sizeof(*slots));
    if (!slots)
        return NB_ENOMEM;
    size_t oldn = s->nslots;
    s->slots = slots;
    s->nslots = n;
    s->used = 0;
    for (size_t i = 0; i < oldn; i++)
        if (old[i].rec)
            insert_slot(s, old[i].hash, old[i].rec, old[i].k);
    free(old);
    return NB_OK;
}

const struct nb_stored_take *nb_take_store_find(const struct nb_take_store *s, const char *key,
                                                size_t len)
{
    const struct slot *e = find_slot(s, key, len, 1);
    return e ? &s->recs[e->rec - 1].take : NULL;
}

nb_status nb_take_store_find_head(struct nb_take_store *s, const char *key, size_t len,
                                  const struct nb_stored_take **out, struct nb_error *err)
{
    *out = NULL;
    const struct slot *e = find_slot(s, key, len, 0);
    if (!e)
        return NB_OK;
    size_t rec = e->rec - 1, k = e->k;
    if (k == s->recs[rec].take.nlengths) {
        *out = &s->recs[rec].take;
        return NB_OK;
    }
    /* the first k sentences, kept under this key: the same samples */
    if (make_room(s, 1) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    const struct record *from = &s->recs[rec];
    char *copy = malloc(len ? len : 1);
    uint32_t *lengths = malloc(k * sizeof(*lengths));
    if (!copy || !lengths) {
        free(copy);
        free(lengths);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    memcpy(copy, key, len);
    memcpy(lengths, from->take.lengths, k * sizeof(*lengths));
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += lengths[i];
    s->recs[s->nrecs] = (struct record){copy, len, NULL, {lengths, k, n, from->take.offset}};
    s->nrecs++;
    insert_slot(s, hash_key(key, len), s->nrecs, k);
    *out = &s->recs[s->nrecs - 1].take;
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
                            const size_t *ends, const struct nb_speech_take *take,
                            struct nb_error *err)
{
    if (find_slot(s, key, len, 1))
        return NB_OK;
    size_t n = take->nlengths;
    if (ends && n && ends[n - 1] != len)
        return nb_error_set(err, NB_EINTERNAL, "a take's sentence ends do not end its key");
    if (make_room(s, ends && n ? n : 1) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    char *k = malloc(len ? len : 1);
    uint32_t *lengths = malloc((n ? n : 1) * sizeof(*lengths));
    size_t *e = ends && n ? malloc(n * sizeof(*e)) : NULL;
    if (!k || !lengths || (ends && n && !e)) {
        free(k);
        free(lengths);
        free(e);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (write_at(s->fd, take->samples, take->nsamples * sizeof(int16_t), s->end) < 0) {
        int er = errno;
        free(k);
        free(lengths);
        free(e);
        return nb_error_set(err, NB_EIO, "cannot keep the speech in a temporary file: %s",
                            strerror(er));
    }
    memcpy(k, key, len);
    if (n)
        memcpy(lengths, take->lengths, n * sizeof(*lengths));
    if (e)
        memcpy(e, ends, n * sizeof(*e));
    s->recs[s->nrecs++] =
        (struct record){k, len, e, {lengths, n, take->nsamples, (long long)s->end}};
    const struct record *r = &s->recs[s->nrecs - 1];
    if (e) /* each start that ends a sentence, the whole key last */
        for (size_t i = 1; i <= n; i++)
            insert_slot(s, hash_key(key, end_at(r, i)), s->nrecs, i);
    else
        insert_slot(s, hash_key(key, len), s->nrecs, n);
    s->end += (off_t)(take->nsamples * sizeof(int16_t));
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
    return s->nrecs;
}

size_t nb_take_store_samples(const struct nb_take_store *s)
{
    return s->samples;
}
