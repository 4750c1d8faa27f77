#include "article/article.h"

#include "article/cleanup.h"
#include "article/reader.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/file.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void nb_article_init(struct nb_article *a)
{
    memset(a, 0, sizeof(*a));
    nb_strv_init(&a->paragraphs);
    nb_strv_init(&a->sentences);
    nb_strv_init(&a->removed);
    nb_strv_init(&a->warnings);
}

void nb_speaker_release(struct nb_speaker *s)
{
    free(s->name);
    free(s->short_name);
    free(s->role);
    free(s->organisation);
    free(s->title);
    memset(s, 0, sizeof(*s));
}

void nb_article_release(struct nb_article *a)
{
    free(a->source);
    free(a->headline);
    free(a->byline);
    free(a->date);
    nb_strv_release(&a->paragraphs);
    nb_strv_release(&a->sentences);
    for (size_t i = 0; i < a->nquotes; i++) {
        free(a->quotes[i].text);
        free(a->quotes[i].speaker);
        free(a->quotes[i].role);
    }
    free(a->quotes);
    for (size_t i = 0; i < a->nspeakers; i++)
        nb_speaker_release(&a->speakers[i]);
    free(a->speakers);
    nb_strv_release(&a->removed);
    nb_strv_release(&a->warnings);
    free(a->publication);
    free(a->language);
    nb_article_init(a);
}

typedef nb_status (*reader_fn)(struct nb_article *a, const char *data, size_t len,
                               const char *name, struct nb_error *err);

/* One row per input format; a new format is one new file and one row. */
static const struct {
    const char *extension;
    reader_fn read;
} readers[] = {
    {".txt", nb_article_parse_text},
    {".text", nb_article_parse_text},
    {".md", nb_article_parse_markdown},
    {".markdown", nb_article_parse_markdown},
};

/* The reader for the extension of `name` (a path or URL: the last path
 * segment, before any query or fragment); NULL when it has none known. */
static reader_fn reader_by_name(const char *name)
{
    if (!name)
        return NULL;
    size_t end = strcspn(name, "?#");
    const char *base = name;
    for (size_t i = 0; i < end; i++)
        if (name[i] == '/')
            base = name + i + 1;
    const char *dot = NULL;
    for (const char *p = base; p < name + end; p++)
        if (*p == '.')
            dot = p;
    if (!dot)
        return NULL;
    size_t elen = (size_t)(name + end - dot);
    for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++)
        if (strlen(readers[i].extension) == elen &&
            nb_ascii_ncasecmp(dot, readers[i].extension, elen) == 0)
            return readers[i].read;
    return NULL;
}

nb_status nb_article_parse_file_bytes(struct nb_article *a, const char *data, size_t len,
                                      const char *name, struct nb_error *err)
{
    reader_fn read = reader_by_name(name);
    return (read ? read : nb_article_parse_text)(a, data, len, name, err);
}

nb_status nb_article_read_file(struct nb_article *a, const char *path, struct nb_error *err)
{
    struct nb_buf raw;
    nb_buf_init(&raw, NB_ARTICLE_MAX_BYTES + 1);
    nb_article_init(a); /* left empty, and safe to release, whatever fails */
    nb_status rc = nb_file_read(path, NB_ARTICLE_MAX_BYTES, &raw, err);
    if (rc == NB_OK)
        rc = nb_article_parse_file_bytes(a, raw.data, raw.len, path, err);
    nb_buf_release(&raw);
    return rc;
}

/* Collapses the whitespace of every paragraph (readers keep line breaks
 * for the clean-up rules) and drops paragraphs left empty. */
static nb_status collapse_paragraphs(struct nb_article *a, struct nb_error *err)
{
    size_t kept = 0;
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        char *p = a->paragraphs.v[i];
        struct nb_buf b;
        nb_buf_init(&b, 0);
        if (nb_text_collapse_space(p, strlen(p), &b) != NB_OK) {
            nb_buf_release(&b);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        free(p);
        a->paragraphs.v[i] = NULL;
        if (b.len)
            a->paragraphs.v[kept++] = nb_buf_detach(&b, NULL);
        nb_buf_release(&b);
        if (kept && !a->paragraphs.v[kept - 1])
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    a->paragraphs.n = kept;
    if (a->paragraphs.v)
        a->paragraphs.v[kept] = NULL;
    return NB_OK;
}

nb_status nb_article_import(struct nb_article *a, const char *data, size_t len, const char *file,
                            size_t file_len, const char *name, struct nb_buf *text,
                            struct nb_error *err)
{
    nb_article_init(a);
    if (nb_text_check(data, len, name, err) != NB_OK)
        return NB_EINPUT;
    size_t mark = text->len;
    enum nb_text_encoding enc;
    char warning[128];
    if (nb_text_import(data, len, text, &enc) != NB_OK ||
        (name && !(a->source = nb_strdup(name))) ||
        (enc == NB_TEXT_CP1252 &&
         nb_strv_pushs(&a->warnings,
                       nb_text_cp1252_warning(file ? file : data, file ? file_len : len, warning,
                                              sizeof(warning))) != NB_OK)) {
        nb_buf_truncate(text, mark);
        nb_article_release(a);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

/* Whether the token s[0..len) is a word: it holds a letter, and inside it
 * (leading and trailing punctuation aside) at most two ASCII characters
 * that are neither letters nor digits ("don't", "e-mail", "12/03/2026"
 * are words; "daemon:x:1:1:/usr/sbin", "https://a.example/b" and
 * "a=b;c=d" are not).  Every character beyond ASCII counts as a letter,
 * as the vowel signs and marks of many scripts are not letters. */
static int is_word(const char *s, size_t len)
{
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = nb_char_at(s, len, i, &n);
        if (cp >= 0x80 || nb_ascii_is_alnum((int)cp)) {
            if (first == SIZE_MAX)
                first = i;
            last = i + n;
        }
        i += n;
    }
    if (first == SIZE_MAX)
        return 0;
    int letter = 0;
    size_t other = 0;
    for (size_t i = first; i < last;) {
        size_t n;
        uint32_t cp = nb_char_at(s, len, i, &n);
        if (cp >= 0x80 || nb_ascii_is_alpha((int)cp))
            letter = 1;
        else if (!nb_ascii_is_digit((int)cp))
            other++;
        i += n;
    }
    return letter && other <= 2;
}

/* Whether a sentence reads as prose: three or more words closed by a full
 * stop, question or exclamation mark (perhaps inside a closing quote), a
 * long run of words, or a long run of a script written without spaces
 * (Chinese, Japanese, Thai).  Menus ("Home | News | Sport"), lists of
 * links, lone captions and the lines of a configuration or data file are
 * not. */
static int is_prose_sentence(const char *s)
{
    size_t words = 0, unspaced = 0, len = strlen(s), start = 0;
    for (size_t i = 0; i <= len;) {
        size_t n = 1;
        uint32_t cp = i < len ? nb_char_at(s, len, i, &n) : ' ';
        if (nb_char_is_space(cp)) {
            words += i > start && is_word(s + start, i - start);
            start = i + n;
        }
        if ((cp >= 0x3040 && cp < 0xA000) || (cp >= 0x0E00 && cp < 0x0E80))
            unspaced++;
        i += n;
    }
    int closed = nb_sentence_ends(s, len);
    return (closed && words >= 3) || words >= 12 || unspaced >= 20;
}

/* Whether s holds a letter of any script. */
static int has_letter(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t n;
        if (nb_char_is_letter(nb_char_at(s, len, i, &n)))
            return 1;
        i += n;
    }
    return 0;
}

/* Paragraphs without a letter ("0", "|", "* * *": counters, separators)
 * say nothing a listener can use: they move to a->removed. */
static nb_status drop_letterless(struct nb_article *a, struct nb_error *err)
{
    size_t kept = 0;
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        char *p = a->paragraphs.v[i];
        a->paragraphs.v[i] = NULL;
        if (has_letter(p))
            a->paragraphs.v[kept++] = p;
        else if (nb_strv_push_owned(&a->removed, p) != NB_OK) {
            for (size_t j = i + 1; j < a->paragraphs.n; j++)
                a->paragraphs.v[kept++] = a->paragraphs.v[j];
            a->paragraphs.n = kept;
            a->paragraphs.v[kept] = NULL;
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
    }
    a->paragraphs.n = kept;
    if (a->paragraphs.v)
        a->paragraphs.v[kept] = NULL;
    return NB_OK;
}

nb_status nb_article_finish_as_is(struct nb_article *a, struct nb_error *err)
{
    nb_status rc = collapse_paragraphs(a, err);
    if (rc == NB_OK)
        rc = drop_letterless(a, err);
    for (size_t i = 0; rc == NB_OK && i < a->paragraphs.n; i++) {
        const char *p = a->paragraphs.v[i];
        rc = nb_sentences_split(p, strlen(p), &a->sentences, err);
    }
    if (rc != NB_OK)
        return rc;
    if (a->sentences.n == 0)
        return nb_error_set(err, NB_EINPUT, "no body text after the headline");
    size_t prose = 0;
    for (size_t i = 0; i < a->sentences.n && !prose; i++)
        prose = is_prose_sentence(a->sentences.v[i]);
    if (!prose)
        return nb_error_set(err, NB_EINPUT,
                            "no paragraph of prose after the headline (only short lines such as "
                            "menus, lists or captions)");
    return NB_OK;
}

nb_status nb_article_finish(struct nb_article *a, struct nb_error *err)
{
    nb_status rc = nb_article_clean(a, err);
    return rc == NB_OK ? nb_article_finish_as_is(a, err) : rc;
}
