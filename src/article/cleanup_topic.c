/* cleanup_topic.c - what the story is about, as a bag of its words.
 *
 * Teasers of other stories, notices to the reader and comment threads are
 * prose too; what gives them away is that they do not go on with the
 * story's subject.  The story's vocabulary is the content words (four
 * bytes or more, not among the commonest words of English) of its main run
 * of prose, each with the number of lines it is used in; a line continues
 * the story as far as its own content words are used elsewhere in it.
 */
#include "article/cleanup_lines.h"

#include "text/chars.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words too common to tell one story from another.  Sorted by strcmp. */
static const char *const common[] = {
    "about", "after", "again",  "against", "also",   "been", "before", "being", "both",
    "could", "does",  "doing",  "down",    "during", "each", "even",   "every", "first",
    "from",  "have",  "having", "here",    "into",   "just", "last",   "like",  "made",
    "make",  "many",  "more",   "most",    "much",   "must", "need",   "only",  "other",
    "over",  "said",  "same",   "says",    "should", "some", "such",   "than",  "that",
    "their", "them",  "then",   "there",   "these",  "they", "this",   "those", "through",
    "time",  "under", "very",   "want",    "were",   "what", "when",   "where", "which",
    "while", "will",  "with",   "without", "would",  "year", "years",  "your",
};

/* Where the words of each first letter start in common[]: those of letter
 * c are common[common_from[c - 'a']] up to common[common_from[c - 'a' + 1]]
 * (excluded); no word is longer than COMMON_LONGEST bytes.  A key is
 * searched among the words of its letter only (nb_clean_common_sorted()
 * checks the index). */
static const unsigned char common_from[27] = {
    0,  5,  9,  10, 14, 17, 19, 19, 22, 23, 24, 24, 26, 33,
    34, 37, 37, 37, 37, 43, 55, 56, 57, 68, 68, 71, 71,
};
#define COMMON_LONGEST 7

#define NCOMMON (sizeof(common) / sizeof(common[0]))

int nb_clean_common_sorted(void)
{
    if (common_from[0] != 0 || common_from[26] != NCOMMON)
        return 0;
    for (size_t i = 0; i < NCOMMON; i++)
        if (strlen(common[i]) > COMMON_LONGEST || (i && strcmp(common[i - 1], common[i]) >= 0))
            return 0;
    for (unsigned c = 0; c < 26; c++) {
        if (common_from[c] > common_from[c + 1])
            return 0;
        for (size_t i = common_from[c]; i < common_from[c + 1]; i++)
            if ((unsigned char)common[i][0] != 'a' + c)
                return 0;
    }
    return 1;
}

/* Whether key (k bytes) is one of the common words. */
static int is_common(const char *key, size_t k)
{
    unsigned c = (unsigned)(unsigned char)key[0] - 'a';
    if (k > COMMON_LONGEST || c >= 26)
        return 0;
    return nb_clean_in_list_from(key, common + common_from[c],
                                 (size_t)(common_from[c + 1] - common_from[c]), 1);
}

/* What a byte is in a word: 0 for ASCII that is no letter or digit (it
 * parts words), else the byte as the key has it (ASCII lower-cased; every
 * byte of a multi-byte character as it is). */
static const unsigned char key_byte[256] = {
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
    '0',  '1',  '2',  '3',  '4',  '5',  '6',  '7',  '8',  '9',  0,    0,    0,    0,    0,    0,
    0,    'a',  'b',  'c',  'd',  'e',  'f',  'g',  'h',  'i',  'j',  'k',  'l',  'm',  'n',  'o',
    'p',  'q',  'r',  's',  't',  'u',  'v',  'w',  'x',  'y',  'z',  0,    0,    0,    0,    0,
    0,    'a',  'b',  'c',  'd',  'e',  'f',  'g',  'h',  'i',  'j',  'k',  'l',  'm',  'n',  'o',
    'p',  'q',  'r',  's',  't',  'u',  'v',  'w',  'x',  'y',  'z',  0,    0,    0,    0,    0,
    0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F,
    0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
    0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,
    0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF,
    0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF,
    0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
};

/* FNV-1a, a byte at a time. */
#define FNV_OFFSET 1469598103934665603u
#define FNV_PRIME 1099511628211u

/* Reads the next content word of s[0..len) from *pos: its key (ASCII
 * lower-cased, other bytes as they are) goes to key, and the key's
 * FNV-1a hash, made as the key is, to *hash (with its lowest bit set: 0
 * marks an empty slot); 0 at the end. */
static int next_word(const char *s, size_t len, size_t *pos, char key[NB_CLEAN_KEY_MAX],
                     uint64_t *hash)
{
    for (;;) {
        size_t p = *pos;
        while (p < len && !key_byte[(unsigned char)s[p]])
            p++;
        if (p >= len) {
            *pos = p;
            return 0;
        }
        size_t k = 0, q = p;
        uint64_t h = FNV_OFFSET;
        unsigned char b;
        while (q < len && (b = key_byte[(unsigned char)s[q]]) != 0) {
            /* a curly apostrophe ends the word, as ' does */
            if (b == 0xE2 && q + 2 < len && (unsigned char)s[q + 1] == 0x80 &&
                ((unsigned char)s[q + 2] == 0x99 || (unsigned char)s[q + 2] == 0x98))
                break;
            if (k + 1 < NB_CLEAN_KEY_MAX) {
                key[k++] = (char)b;
                h = (h ^ b) * FNV_PRIME;
            }
            q++;
        }
        *pos = q > p ? q : p + 1;
        key[k] = '\0';
        if (k >= 4 && !nb_ascii_is_digit((unsigned char)key[0]) && !is_common(key, k)) {
            *hash = h | 1;
            return 1;
        }
    }
}

void nb_clean_topic_init(struct nb_clean_topic *t)
{
    memset(t, 0, sizeof(*t));
}

void nb_clean_topic_release(struct nb_clean_topic *t)
{
    free(t->hash);
    free(t->count);
    nb_clean_topic_init(t);
}

/* The slot of word h: where it is, or the empty slot where it would go. */
static size_t slot_for(const uint64_t *hash, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (hash[i] && hash[i] != h)
        i = (i + 1) & (cap - 1);
    return i;
}

/* Makes the table hold `need` words at most half full: the capacity is
 * doubled from what it is (16 at first) until it does.  Only the hashes
 * are cleared: a slot's counts are set when it is taken. */
static nb_status grow_to(struct nb_clean_topic *t, size_t need)
{
    size_t cap = t->cap ? t->cap : 16;
    while (need * 2 > cap)
        cap *= 2;
    if (cap == t->cap)
        return NB_OK;
    uint64_t *hash = calloc(cap, sizeof(*hash));
    struct nb_clean_word *count = malloc(cap * sizeof(*count));
    if (!hash || !count) {
        free(hash);
        free(count);
        return NB_ENOMEM;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->hash[i]) {
            size_t j = slot_for(hash, cap, t->hash[i]);
            hash[j] = t->hash[i];
            count[j] = t->count[i];
        }
    size_t n = t->n;
    nb_clean_topic_release(t);
    t->hash = hash;
    t->count = count;
    t->cap = cap;
    t->n = n;
    return NB_OK;
}

nb_status nb_clean_topic_reserve(struct nb_clean_topic *t, size_t words)
{
    return grow_to(t, t->n + words);
}

nb_status nb_clean_topic_words(struct nb_clean_line *v, size_t n, uint64_t **words)
{
    uint64_t *h = NULL;
    size_t nh = 0, alloc = 0;
    char key[NB_CLEAN_KEY_MAX];
    uint64_t hash;
    for (size_t i = 0; i < n; i++) {
        size_t pos = 0, from = nh;
        while (next_word(v[i].s, v[i].len, &pos, key, &hash)) {
            if (nh == alloc) {
                size_t na = alloc ? alloc * 2 : 256;
                uint64_t *p = realloc(h, na * sizeof(*p));
                if (!p) {
                    free(h);
                    return NB_ENOMEM;
                }
                h = p;
                alloc = na;
            }
            h[nh++] = hash;
        }
        v[i].ntopic = (unsigned)(nh - from);
    }
    for (size_t i = 0, at = 0; i < n; i++) {
        v[i].topic = h ? h + at : NULL;
        at += v[i].ntopic;
    }
    *words = h;
    return NB_OK;
}

nb_status nb_clean_topic_add(struct nb_clean_topic *t, const struct nb_clean_line *ln,
                             unsigned line)
{
    for (unsigned k = 0; k < ln->ntopic; k++) {
        if ((t->n + 1) * 2 > t->cap && grow_to(t, t->n + 1) != NB_OK)
            return NB_ENOMEM;
        uint64_t h = ln->topic[k];
        size_t i = slot_for(t->hash, t->cap, h);
        struct nb_clean_word *w = &t->count[i];
        if (!t->hash[i]) {
            t->hash[i] = h;
            w->lines = 0;
            w->last = 0;
            t->n++;
        }
        /* lines, not uses: the last line that counted it is remembered */
        if (!w->lines || w->last != line) {
            w->lines++;
            w->last = line;
        }
    }
    return NB_OK;
}

void nb_clean_topic_overlap(const struct nb_clean_topic *t, const struct nb_clean_line *ln,
                            int inside, unsigned *content, unsigned *shared)
{
    for (unsigned k = 0; k < ln->ntopic; k++) {
        (*content)++;
        if (!t->cap)
            continue;
        size_t i = slot_for(t->hash, t->cap, ln->topic[k]);
        *shared += t->hash[i] && t->count[i].lines > (unsigned)(inside != 0);
    }
}

unsigned nb_clean_topic_salient(const struct nb_clean_topic *t, const struct nb_clean_line *ln)
{
    unsigned n = 0;
    for (unsigned k = 0; t->cap && k < ln->ntopic; k++) {
        size_t i = slot_for(t->hash, t->cap, ln->topic[k]);
        n += t->hash[i] && t->count[i].lines >= 2;
    }
    return n;
}
