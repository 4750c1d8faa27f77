/* wordset.c - the distinct words of a text, sorted once, compared by a
 * merge; an index of them by word. */
#include "summary/wordset.h"

#include "text/chars.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- words ---------------------------------------------------------- */

/* Bytes of a word: ASCII letters and digits, and every byte of a non-ASCII
 * character (so a word is never cut inside one). */
static int is_word_byte(unsigned char c)
{
    return nb_ascii_is_alnum(c) || c >= 0x80;
}

/* nb_wordset_next_word()'s body, inlined where sets are made (a call a
 * word cost as much as reading it). */
static inline size_t next_word(const char *text, size_t *pos, size_t *start)
{
    size_t i = *pos;
    for (;;) {
        unsigned char c = (unsigned char)text[i];
        if (!c) {
            *pos = i;
            return 0;
        }
        /* U+2000..U+203F (dashes, quotes, ellipsis) are punctuation */
        if (c == 0xE2 && (unsigned char)text[i + 1] == 0x80 && text[i + 2]) {
            i += 3;
            continue;
        }
        if (is_word_byte(c))
            break;
        i++;
    }
    *start = i;
    /* ASCII letters and digits, most of a word, with one test each */
    while (nb_ascii_is_alnum((unsigned char)text[i]))
        i++;
    while (text[i] && is_word_byte((unsigned char)text[i]) &&
           !((unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80))
        i++;
    *pos = i;
    return i - *start;
}

size_t nb_wordset_next_word(const char *text, size_t *pos, size_t *start)
{
    return next_word(text, pos, start);
}

/* ---- sets ----------------------------------------------------------- */

void nb_wordset_init(struct nb_wordset *w)
{
    memset(w, 0, sizeof(*w));
}

void nb_wordset_release(struct nb_wordset *w)
{
    free(w->words);
    free(w->copy);
    nb_wordset_init(w);
}

/* The order of a set's words: by hash, and by bytes when two words share
 * a hash, so that sets compare exactly. */
static int word_cmp(const struct nb_wordset_word *a, const struct nb_wordset_word *b)
{
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return memcmp(a->text, b->text, a->len);
}

/* Sorts w[0..n) by word_cmp() by insertion: linear when few words are out
 * of order. */
static void insertion_sort(struct nb_wordset_word *w, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct nb_wordset_word x = w[i];
        size_t k = i;
        for (; k > 0 && word_cmp(&w[k - 1], &x) > 0; k--)
            w[k] = w[k - 1];
        w[k] = x;
    }
}

/* w[0..n) (n > 1) into out[0..n) by word_cmp(): the hashes are uniform, so
 * their top bits spread the words evenly over `nbuckets` (a power of two,
 * at least n) buckets, which are counted (in count[0..nbuckets]) and
 * filled in order; the few words sharing a bucket are then put in order by
 * insertion.  Equal words are the same bytes, so any sort gives qsort()'s
 * order. */
static void sort_words(const struct nb_wordset_word *w, struct nb_wordset_word *out, size_t n,
                       uint32_t *count, size_t nbuckets, unsigned bits)
{
    memset(count, 0, (nbuckets + 1) * sizeof(*count));
    for (size_t i = 0; i < n; i++)
        count[(w[i].hash >> (64 - bits)) + 1]++;
    for (size_t b = 1; b <= nbuckets; b++)
        count[b] += count[b - 1];
    for (size_t i = 0; i < n; i++)
        out[count[w[i].hash >> (64 - bits)]++] = w[i];
    insertion_sort(out, n);
}

/* The words[0..n) (n > 0, not taken) sorted and without repeats into w,
 * which takes `copy` (freed on failure).  NB_OK or NB_ENOMEM. */
static nb_status keep_sorted(struct nb_wordset *w, const struct nb_wordset_word *from, size_t n,
                             char *copy)
{
    struct nb_wordset_word *words = malloc(n * sizeof(*words));
    if (!words) {
        free(copy);
        return NB_ENOMEM;
    }
    if (n <= 12) {
        memcpy(words, from, n * sizeof(*words));
        insertion_sort(words, n);
    } else {
        unsigned bits = 1;
        while (((size_t)1 << bits) < n)
            bits++;
        size_t nbuckets = (size_t)1 << bits;
        uint32_t small[1025], *count = nbuckets < 1024 ? small : NULL;
        if (!count && n < UINT32_MAX)
            count = malloc((nbuckets + 1) * sizeof(*count));
        if (!count) {
            free(words);
            free(copy);
            return NB_ENOMEM;
        }
        sort_words(from, words, n, count, nbuckets, bits);
        if (count != small)
            free(count);
    }
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (word_cmp(&words[i], &words[m - 1]) != 0)
            words[m++] = words[i];
    w->words = words;
    w->n = m;
    w->copy = copy;
    return NB_OK;
}

/* Words of a set read before it is sorted, without an allocation. */
#define WORDS_ON_STACK 256

/* FNV-1a's bytes, finished with a multiply-xorshift so that the low bits
 * (the index's slots) depend on every byte. */
static uint64_t finish_hash(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

#define FNV_START 0xCBF29CE484222325ull
#define FNV_PRIME 0x100000001B3ull

/* The hash of word[0..len) in ASCII lower case, as the set's words have. */
static uint64_t word_hash(const char *word, size_t len)
{
    uint64_t h = FNV_START;
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)nb_ascii_lower((unsigned char)word[k])) * FNV_PRIME;
    return finish_hash(h);
}

nb_status nb_wordset_make(struct nb_wordset *w, const char *text)
{
    nb_wordset_init(w);
    size_t len = strlen(text), n = 0, alloc = WORDS_ON_STACK, at = 0, pos = 0, start, wl;
    char *copy = malloc(len + 1);
    /* the words as read, on the stack for a text of a few sentences (the
     * set gets them sorted in an allocation of its own) */
    struct nb_wordset_word stack[WORDS_ON_STACK], *words = stack;
    if (!copy)
        return NB_ENOMEM;
    while ((wl = next_word(text, &pos, &start))) {
        if (n == alloc) {
            struct nb_wordset_word *p =
                realloc(words == stack ? NULL : words, 2 * alloc * sizeof(*p));
            if (!p) {
                if (words != stack)
                    free(words);
                free(copy);
                return NB_ENOMEM;
            }
            if (words == stack)
                memcpy(p, stack, sizeof(stack));
            words = p;
            alloc *= 2;
        }
        /* copied in lower case and hashed in one pass (word_hash()'s bytes) */
        uint64_t h = FNV_START;
        for (size_t k = 0; k < wl; k++) {
            unsigned char c = (unsigned char)nb_ascii_lower((unsigned char)text[start + k]);
            copy[at + k] = (char)c;
            h = (h ^ c) * FNV_PRIME;
        }
        words[n++] = (struct nb_wordset_word){finish_hash(h), copy + at, wl};
        at += wl;
    }
    nb_status rc = NB_OK;
    if (n)
        rc = keep_sorted(w, words, n, copy);
    else
        free(copy);
    if (words != stack)
        free(words);
    return rc;
}

/* word_cmp() of a set's word and a word not yet in lower case. */
static int word_cmp_raw(const struct nb_wordset_word *a, uint64_t hash, const char *word,
                        size_t len)
{
    if (a->hash != hash)
        return a->hash < hash ? -1 : 1;
    if (a->len != len)
        return a->len < len ? -1 : 1;
    for (size_t k = 0; k < len; k++) {
        unsigned char x = (unsigned char)a->text[k];
        unsigned char y = (unsigned char)nb_ascii_lower((unsigned char)word[k]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

int nb_wordset_has(const struct nb_wordset *w, const char *word, size_t len)
{
    uint64_t hash = word_hash(word, len);
    size_t lo = 0, hi = w->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = word_cmp_raw(&w->words[mid], hash, word, len);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

size_t nb_wordset_common(const struct nb_wordset *a, const struct nb_wordset *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        int r = word_cmp(&a->words[i], &b->words[j]);
        i += r <= 0;
        j += r >= 0;
        common += r == 0;
    }
    return common;
}

double nb_wordset_similarity(const struct nb_wordset *a, const struct nb_wordset *b)
{
    size_t common = nb_wordset_common(a, b);
    size_t all = a->n + b->n - common;
    return all ? (double)common / (double)all : 0.0;
}

/* ---- the index ------------------------------------------------------ */

/* Why the index gives the plain comparison's answer.  A pair with
 * similarity >= t (0 < t <= 1) shares common >= t * n of the n words of
 * the set looked for (common / (n + other - common) <= common / n).  Every
 * set is listed under each of its words, so looking up any n - need + 1 of
 * the n words, need <= t * n, finds every set that alike: those words
 * include one it shares.  The words looked up are those the fewest sets
 * are listed under ("the" and "said" only when nothing rarer is left).
 * `need` is taken one lower than the bound so that rounding cannot hide a
 * set the plain comparison finds. */

/* The sets listed under words of one hash (two words of one hash share a
 * list: a set found through the other word is compared in full anyway).
 * Most words are in one set only: a list of one is kept in `one`, and
 * `sets` is allocated (alloc > 1) only for a second.  A list with alloc 0
 * is empty (its word is in no set yet). */
struct nb_wordset_posting {
    uint64_t hash;
    uint32_t *sets; /* alloc > 1: the list; else NULL */
    uint32_t one;   /* alloc 1: the list */
    uint32_t n, alloc;
};

static uint32_t *posting_sets(struct nb_wordset_posting *p)
{
    return p->alloc > 1 ? p->sets : &p->one;
}

static const uint32_t *posting_sets_const(const struct nb_wordset_posting *p)
{
    return p->alloc > 1 ? p->sets : &p->one;
}

/* One list to look through: how many sets it holds, and how many of the
 * words looked for it stands for. */
struct nb_wordset_probe {
    const struct nb_wordset_posting *list;
    size_t words;
};

void nb_wordset_index_init(struct nb_wordset_index *x, double at_least)
{
    memset(x, 0, sizeof(*x));
    x->at_least = at_least;
}

void nb_wordset_index_release(struct nb_wordset_index *x)
{
    for (size_t i = 0; i < x->n; i++)
        nb_wordset_release(&x->sets[i]);
    free(x->sets);
    for (size_t i = 0; i < x->used; i++)
        free(x->lists[i].sets);
    free(x->lists);
    free(x->slots);
    free(x->seen);
    free(x->probe);
    nb_wordset_index_init(x, x->at_least);
}

/* The slot of `hash`: its list's number + 1, or the free slot (0) where
 * it would go. */
static uint32_t *slot_of(const struct nb_wordset_index *x, uint64_t hash)
{
    size_t mask = x->nslots - 1, i = (size_t)hash & mask;
    while (x->slots[i] && x->lists[x->slots[i] - 1].hash != hash)
        i = (i + 1) & mask;
    return &x->slots[i];
}

/* The list of `hash`, or NULL. */
static const struct nb_wordset_posting *list_of(const struct nb_wordset_index *x, uint64_t hash)
{
    uint32_t s = *slot_of(x, hash);
    return s ? &x->lists[s - 1] : NULL;
}

/* Room for `more` new hashes: lists, a table at most half full, and a
 * probe entry for every hash. */
static nb_status reserve_slots(struct nb_wordset_index *x, size_t more)
{
    if (x->used + more >= UINT32_MAX)
        return NB_ENOMEM;
    /* both grown by doubling: a set added at a time would copy them often */
    if (x->lists_alloc < x->used + more) {
        size_t grown = x->lists_alloc ? x->lists_alloc : 32;
        while (grown < x->used + more)
            grown *= 2;
        struct nb_wordset_probe *p = realloc(x->probe, grown * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        x->probe = p;
        x->probe_alloc = grown;
        struct nb_wordset_posting *l = realloc(x->lists, grown * sizeof(*l));
        if (!l)
            return NB_ENOMEM;
        x->lists = l;
        x->lists_alloc = grown;
    }
    size_t want = x->nslots ? x->nslots : 64;
    while (want / 2 < x->used + more)
        want *= 2;
    if (want == x->nslots)
        return NB_OK;
    uint32_t *slots = calloc(want, sizeof(*slots));
    if (!slots)
        return NB_ENOMEM;
    free(x->slots);
    x->slots = slots;
    x->nslots = want;
    for (size_t i = 0; i < x->used; i++)
        *slot_of(x, x->lists[i].hash) = (uint32_t)i + 1;
    return NB_OK;
}

/* Room for one more set in the list of every word of w (a word new to the
 * index gets an empty list), so that listing cannot fail half-way. */
static nb_status reserve_lists(struct nb_wordset_index *x, const struct nb_wordset *w)
{
    for (size_t i = 0; i < w->n; i++) {
        uint32_t *slot = slot_of(x, w->words[i].hash);
        if (!*slot) { /* a new word: room for one in its list */
            x->lists[x->used] = (struct nb_wordset_posting){w->words[i].hash, NULL, 0, 0, 1};
            *slot = (uint32_t)++x->used;
            continue;
        }
        struct nb_wordset_posting *p = &x->lists[*slot - 1];
        if (p->n < p->alloc)
            continue;
        uint32_t grown = p->alloc == 1 ? 4 : 2 * p->alloc;
        uint32_t *sets = realloc(p->sets, grown * sizeof(*sets));
        if (!sets)
            return NB_ENOMEM;
        if (p->alloc == 1)
            sets[0] = p->one;
        p->sets = sets;
        p->alloc = grown;
    }
    return NB_OK;
}

nb_status nb_wordset_index_add(struct nb_wordset_index *x, struct nb_wordset *w)
{
    if (x->n >= UINT32_MAX)
        return NB_ENOMEM;
    if (x->n == x->alloc) {
        size_t grown = x->alloc ? 2 * x->alloc : 16;
        struct nb_wordset *sets = realloc(x->sets, grown * sizeof(*sets));
        if (!sets)
            return NB_ENOMEM;
        x->sets = sets;
        uint32_t *seen = realloc(x->seen, grown * sizeof(*seen));
        if (!seen)
            return NB_ENOMEM;
        x->seen = seen;
        x->alloc = grown;
    }
    if (reserve_slots(x, w->n) != NB_OK || reserve_lists(x, w) != NB_OK)
        return NB_ENOMEM;
    uint32_t id = (uint32_t)x->n;
    for (size_t i = 0; i < w->n; i++) {
        struct nb_wordset_posting *p = &x->lists[*slot_of(x, w->words[i].hash) - 1];
        uint32_t *sets = posting_sets(p);
        if (!p->n || sets[p->n - 1] != id) /* two words of one hash: once */
            sets[p->n++] = id;
    }
    x->seen[id] = 0;
    x->sets[x->n++] = *w;
    nb_wordset_init(w);
    return NB_OK;
}

/* Whether nb_wordset_similarity(a, b) >= at_least (0 < at_least <= 1),
 * merging only while enough words are left to get there: a pair that
 * alike shares common >= at_least * (a->n + b->n) / (1 + at_least) words.
 * The bound is taken one lower so that rounding cannot stop a merge the
 * plain comparison would accept; a merge that runs to its end answers
 * with the plain comparison's own arithmetic. */
static int alike(const struct nb_wordset *a, const struct nb_wordset *b, double at_least)
{
    double bound = floor(at_least * (double)(a->n + b->n) / (1.0 + at_least));
    size_t need = bound > 1 ? (size_t)bound - 1 : 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        size_t left = a->n - i < b->n - j ? a->n - i : b->n - j;
        if (common + left < need)
            return 0;
        int r = word_cmp(&a->words[i], &b->words[j]);
        i += r <= 0;
        j += r >= 0;
        common += r == 0;
    }
    size_t all = a->n + b->n - common;
    return (all ? (double)common / (double)all : 0.0) >= at_least;
}

static int probe_cmp(const void *a, const void *b)
{
    uint32_t x = ((const struct nb_wordset_probe *)a)->list->n;
    uint32_t y = ((const struct nb_wordset_probe *)b)->list->n;
    return x < y ? -1 : x > y;
}

/* The lists by how many sets they hold, fewest first, keeping the order of
 * equals as qsort()'s merge sort does: by insertion when they are few (a
 * set of a few sentences), the call through a pointer a comparison costs
 * more than the sort. */
static void sort_probes(struct nb_wordset_probe *p, size_t n)
{
    if (n > 64) {
        qsort(p, n, sizeof(*p), probe_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        struct nb_wordset_probe x = p[i];
        size_t k = i;
        for (; k > 0 && p[k - 1].list->n > x.list->n; k--)
            p[k] = p[k - 1];
        p[k] = x;
    }
}

/* Compares w with the sets of one list not compared yet. */
static int alike_in(struct nb_wordset_index *x, const struct nb_wordset_posting *list,
                    const struct nb_wordset *w)
{
    const uint32_t *sets = posting_sets_const(list);
    for (uint32_t k = 0; k < list->n; k++) {
        uint32_t id = sets[k];
        if (x->seen[id] == x->search)
            continue;
        x->seen[id] = x->search;
        if (alike(w, &x->sets[id], x->at_least))
            return 1;
    }
    return 0;
}

int nb_wordset_index_has_alike(struct nb_wordset_index *x, const struct nb_wordset *w)
{
    double t = x->at_least;
    if (!x->n || !(t <= 1.0)) /* no set, or more alike than alike can be */
        return 0;
    if (t <= 0) /* every set is alike enough */
        return 1;
    size_t need = (size_t)floor(t * (double)w->n);
    need = need > 1 ? need - 1 : 1;
    if (!w->n || !x->nslots)
        return 0; /* no word in common with anything: 0 */
    /* the lists of w's words in the index (words of one hash: one list;
     * w's words are in hash order), the shortest first: words in none
     * count towards the w->n - need + 1 words looked up at no cost */
    size_t lookup = w->n - need + 1, absent = 0, nprobe = 0;
    int present = 0;
    for (size_t i = 0; i < w->n; i++) {
        if (i && w->words[i].hash == w->words[i - 1].hash) {
            if (present)
                x->probe[nprobe - 1].words++;
            else
                absent++;
            continue;
        }
        const struct nb_wordset_posting *p = list_of(x, w->words[i].hash);
        present = p && p->n > 0;
        if (present)
            x->probe[nprobe++] = (struct nb_wordset_probe){p, 1};
        else
            absent++;
    }
    if (absent >= lookup)
        return 0;
    sort_probes(x->probe, nprobe);
    if (++x->search == 0) { /* wrapped: no set may look compared already */
        memset(x->seen, 0, x->n * sizeof(*x->seen));
        x->search = 1;
    }
    for (size_t i = 0, done = absent; i < nprobe && done < lookup; i++) {
        if (alike_in(x, x->probe[i].list, w))
            return 1;
        done += x->probe[i].words;
    }
    return 0;
}
