/* lexicon.c - a pronunciation lexicon: buckets by the first two bytes
 * (ASCII folded, hashed; one-byte words apart by their byte), each kept
 * sorted most specific first, so that a match is the first entry that
 * fits.  The words that may match at a place share its first two bytes:
 * they are all in its bucket, and the one-byte words come after them.
 * Bit sets of the first two and three bytes of the words skip the
 * bucket at most places. */
#include "spoken/lexicon.h"

#include "spoken/phonemes.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

/* One allocation: the entry, then its strings. */
struct entry {
    char *written;
    size_t wlen;
    char *spoken;
    char *source; /* NULL for none */
    unsigned flags;
    int layer;
    size_t order; /* later entries win ties */
};

struct bucket {
    struct entry **v;
    size_t n, alloc;
};

#define PAIR_BUCKETS 1024
#define STARTS_BITS 65536

struct nb_lexicon {
    struct bucket pairs[PAIR_BUCKETS]; /* words of two bytes or more */
    /* Most places in a text start no word, and these say so without
     * reading a bucket (bytes ASCII folded): bit a * 256 + b of two_bytes
     * is set when a word of two bytes is a, b; bit starts_bit(a, b, c) of
     * starts when a longer word starts with a, b, c. */
    unsigned char two_bytes[256 * 256 / 8];
    unsigned char starts[STARTS_BITS / 8];
    struct bucket buckets[256];        /* words of one byte */
    size_t count;
    size_t npartial;
};

struct nb_lexicon *nb_lexicon_new(void)
{
    return calloc(1, sizeof(struct nb_lexicon));
}

static void bucket_release(struct bucket *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->v[i]);
    free(b->v);
}

void nb_lexicon_free(struct nb_lexicon *lex)
{
    if (!lex)
        return;
    for (size_t b = 0; b < 256; b++)
        bucket_release(&lex->buckets[b]);
    for (size_t b = 0; b < PAIR_BUCKETS; b++)
        bucket_release(&lex->pairs[b]);
    free(lex);
}

/* The bit of two_bytes for the word s[0], s[1]. */
static size_t two_bytes_bit(const char *s)
{
    return (size_t)nb_ascii_lower((unsigned char)s[0]) * 256 +
           (size_t)nb_ascii_lower((unsigned char)s[1]);
}

/* The bit of starts for the words that start as s[0], s[1], s[2]. */
static size_t starts_bit(const char *s)
{
    size_t h = two_bytes_bit(s) * 131 + (size_t)nb_ascii_lower((unsigned char)s[2]);
    return (h ^ (h >> 16)) & (STARTS_BITS - 1);
}

static void set_bit(unsigned char *bits, size_t bit)
{
    bits[bit / 8] |= (unsigned char)(1u << (bit % 8));
}

static int has_bit(const unsigned char *bits, size_t bit)
{
    return (bits[bit / 8] >> (bit % 8)) & 1;
}

/* The bucket of the words of two bytes or more that start as s[0], s[1]. */
static size_t pair_bucket(const char *s)
{
    unsigned a = (unsigned)nb_ascii_lower((unsigned char)s[0]);
    unsigned b = (unsigned)nb_ascii_lower((unsigned char)s[1]);
    return (a * 31u + b) & (PAIR_BUCKETS - 1);
}

size_t nb_lexicon_count(const struct nb_lexicon *lex)
{
    return lex ? lex->count : 0;
}

int nb_lexicon_has_partial(const struct nb_lexicon *lex)
{
    return lex && lex->npartial > 0;
}

/* Negative when a is more specific than b (it comes first). */
static int specificity(const struct entry *a, const struct entry *b)
{
    if (a->wlen != b->wlen)
        return a->wlen > b->wlen ? -1 : 1;
    int ac = (a->flags & NB_LEXICON_CASE) != 0, bc = (b->flags & NB_LEXICON_CASE) != 0;
    if (ac != bc)
        return ac ? -1 : 1;
    if (a->layer != b->layer)
        return a->layer > b->layer ? -1 : 1;
    return a->order > b->order ? -1 : 1;
}

static nb_status check_entry(const char *written, const char *spoken, unsigned flags,
                             struct nb_error *err)
{
    size_t wl = strlen(written);
    if (wl == 0 || wl > NB_LEXICON_MAX_WRITTEN)
        return nb_error_set(err, NB_EINPUT, "lexicon word '%.60s' must be 1 to %d bytes", written,
                            NB_LEXICON_MAX_WRITTEN);
    if (!nb_utf8_valid(written, wl, NULL) || !nb_utf8_valid(spoken, strlen(spoken), NULL))
        return nb_error_set(err, NB_EINPUT, "lexicon entry '%.60s' is not valid UTF-8", written);
    if (!nb_char_is_word(nb_char_at(written, wl, 0, NULL)) ||
        !nb_char_is_word(nb_char_before(written, wl, NULL)))
        return nb_error_set(err, NB_EINPUT,
                            "lexicon word '%.60s' must start and end with a letter or digit",
                            written);
    if (spoken[0] == '\0')
        return nb_error_set(err, NB_EINPUT, "lexicon word '%.60s' has an empty pronunciation",
                            written);
    for (const char *p = spoken; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '[' || c == ']')
            return nb_error_set(err, NB_EINPUT, "pronunciation of '%.60s' may not contain '%c'%s",
                                written, c < 0x20 ? '?' : c,
                                (flags & NB_LEXICON_PHONEMES) ? ""
                                                              : " (phonemes go under 'phonemes')");
    }
    if ((flags & NB_LEXICON_PHONEMES) && !nb_phonemes_ok(spoken, strlen(spoken)))
        return nb_error_set(err, NB_EINPUT,
                            "phonemes of '%.60s' must be 1 to %d printable ASCII characters "
                            "without '.' or '_^_', no word over %d (eSpeak NG would misread or "
                            "crash on them)",
                            written, NB_PHONEMES_MAX, NB_PHONEMES_MAX_WORD);
    return NB_OK;
}

nb_status nb_lexicon_add(struct nb_lexicon *lex, const char *written, const char *spoken,
                         unsigned flags, int layer, const char *source, struct nb_error *err)
{
    nb_status rc = check_entry(written, spoken, flags, err);
    if (rc != NB_OK)
        return rc;
    if (lex->count >= NB_LEXICON_MAX_ENTRIES)
        return nb_error_set(err, NB_EINPUT, "lexicon has more than %d entries",
                            NB_LEXICON_MAX_ENTRIES);
    size_t wlen = strlen(written);
    struct bucket *b = wlen >= 2 ? &lex->pairs[pair_bucket(written)]
                                 : &lex->buckets[nb_ascii_lower((unsigned char)written[0])];
    if (b->n == b->alloc) {
        size_t na = b->alloc ? b->alloc * 2 : 8;
        struct entry **v = realloc(b->v, na * sizeof(*v));
        if (!v)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        b->v = v;
        b->alloc = na;
    }
    /* phonemes are sent as [[...]] */
    int phonemes = (flags & NB_LEXICON_PHONEMES) != 0;
    size_t slen = strlen(spoken), srclen = source ? strlen(source) : 0;
    size_t size =
        sizeof(struct entry) + wlen + 1 + slen + (phonemes ? 4 : 0) + 1 + (source ? srclen + 1 : 0);
    struct entry *e = malloc(size);
    if (!e)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    char *p = (char *)(e + 1);
    e->written = p;
    memcpy(p, written, wlen + 1);
    p += wlen + 1;
    e->spoken = p;
    if (phonemes) {
        memcpy(p, "[[", 2);
        memcpy(p + 2, spoken, slen);
        memcpy(p + 2 + slen, "]]", 3);
        p += slen + 5;
    } else {
        memcpy(p, spoken, slen + 1);
        p += slen + 1;
    }
    e->source = NULL;
    if (source) {
        e->source = p;
        memcpy(p, source, srclen + 1);
    }
    e->wlen = wlen;
    e->flags = flags;
    e->layer = layer;
    e->order = lex->count;
    /* insertion keeps the bucket most specific first */
    size_t at = 0;
    while (at < b->n && specificity(b->v[at], e) < 0)
        at++;
    memmove(b->v + at + 1, b->v + at, (b->n - at) * sizeof(*b->v));
    b->v[at] = e;
    b->n++;
    if (wlen == 2)
        set_bit(lex->two_bytes, two_bytes_bit(written));
    else if (wlen > 2)
        set_bit(lex->starts, starts_bit(written));
    lex->count++;
    if (flags & NB_LEXICON_PARTIAL)
        lex->npartial++;
    return NB_OK;
}

static int same(const struct entry *e, const char *s)
{
    if (e->flags & NB_LEXICON_CASE)
        return memcmp(e->written, s, e->wlen) == 0;
    for (size_t k = 0; k < e->wlen; k++)
        if (nb_ascii_lower((unsigned char)e->written[k]) != nb_ascii_lower((unsigned char)s[k]))
            return 0;
    return 1;
}

/* The first entry of bucket b that fits text[i..len): its length, 0 when none. */
static size_t bucket_match(const struct bucket *b, const char *text, size_t len, size_t i,
                           int inside_word, struct nb_lexicon_match *m)
{
    for (size_t k = 0; k < b->n; k++) {
        const struct entry *e = b->v[k];
        int partial = (e->flags & NB_LEXICON_PARTIAL) != 0;
        /* the last letters first: most entries of a bucket differ there */
        if ((inside_word && !partial) || e->wlen > len - i ||
            nb_ascii_lower((unsigned char)e->written[e->wlen - 1]) !=
                nb_ascii_lower((unsigned char)text[i + e->wlen - 1]) ||
            !same(e, text + i))
            continue;
        size_t end = i + e->wlen;
        if (!partial && end < len && nb_char_is_word(nb_char_at(text, len, end, NULL)))
            continue;
        m->spoken = e->spoken;
        m->source = e->source;
        m->written = e->written;
        return e->wlen;
    }
    return 0;
}

size_t nb_lexicon_match(const struct nb_lexicon *lex, const char *text, size_t len, size_t i,
                        int inside_word, struct nb_lexicon_match *m)
{
    if (!lex || i >= len)
        return 0;
    size_t n = 0;
    if (i + 1 < len && (has_bit(lex->two_bytes, two_bytes_bit(text + i)) ||
                        (i + 2 < len && has_bit(lex->starts, starts_bit(text + i)))))
        n = bucket_match(&lex->pairs[pair_bucket(text + i)], text, len, i, inside_word, m);
    const struct bucket *one = &lex->buckets[nb_ascii_lower((unsigned char)text[i])];
    return n || !one->n ? n : bucket_match(one, text, len, i, inside_word, m);
}
