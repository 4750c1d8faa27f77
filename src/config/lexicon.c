/* lexicon.c - pronunciation lexicon files into a lexicon. */
#include "config/lexicon.h"

#include "text/chars.h"
#include "text/data_path.h"
#include "text/yaml_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const file_keys[] = {"language", "entries", NULL};
static const char *const entry_keys[] = {"say", "phonemes", "case-sensitive", "whole-word", NULL};

/* "PATH:LINE" into out[size], cut to fit as snprintf() would cut it (it
 * runs for every entry: no format to parse). */
static void entry_source(char *out, size_t size, const char *path, unsigned line)
{
    char digits[16];
    size_t nd = 0;
    do {
        digits[sizeof(digits) - ++nd] = (char)('0' + line % 10);
        line /= 10;
    } while (line);
    size_t n = strlen(path);
    if (n > size - 1)
        n = size - 1;
    memcpy(out, path, n);
    if (n < size - 1)
        out[n++] = ':';
    size_t d = nd < size - 1 - n ? nd : size - 1 - n;
    memcpy(out + n, digits + sizeof(digits) - nd, d);
    out[n + d] = '\0';
}

/* One entry into lex; `e` (cleared by the caller once: nb_lexicon_add()
 * writes it only when it fails, and then the reading stops) gets its
 * message. */
static nb_status read_entry(const struct nb_yaml_doc *doc, struct nb_lexicon *lex,
                            const struct nb_yaml_node *key, const struct nb_yaml_node *value,
                            int layer, struct nb_error *e, struct nb_error *err)
{
    char *spoken = NULL;
    unsigned flags = 0;
    nb_status rc;
    if (value->kind == NB_YAML_SCALAR) {
        rc = nb_yaml_string(doc, value, key->scalar, &spoken, err);
    } else if (value->kind == NB_YAML_MAPPING) {
        rc = nb_yaml_check_keys(doc, value, entry_keys, err);
        const struct nb_yaml_node *say = nb_yaml_get(value, "say");
        const struct nb_yaml_node *ph = nb_yaml_get(value, "phonemes");
        if (rc == NB_OK && (!say) == (!ph))
            rc = nb_yaml_error(doc, value, err,
                               "lexicon entry '%.60s' needs exactly one of 'say' or 'phonemes'",
                               key->scalar);
        if (rc == NB_OK)
            rc = nb_yaml_string(doc, say ? say : ph, say ? "say" : "phonemes", &spoken, err);
        if (ph)
            flags |= NB_LEXICON_PHONEMES;
        const struct nb_yaml_node *cs = nb_yaml_get(value, "case-sensitive");
        const struct nb_yaml_node *ww = nb_yaml_get(value, "whole-word");
        int b;
        if (rc == NB_OK && cs && (rc = nb_yaml_bool(doc, cs, "case-sensitive", &b, err)) == NB_OK && b)
            flags |= NB_LEXICON_CASE;
        if (rc == NB_OK && ww && (rc = nb_yaml_bool(doc, ww, "whole-word", &b, err)) == NB_OK && !b)
            flags |= NB_LEXICON_PARTIAL;
    } else {
        rc = nb_yaml_error(doc, value, err,
                           "lexicon entry '%.60s' must be a respelling or a mapping", key->scalar);
    }
    if (rc == NB_OK) {
        char source[600];
        entry_source(source, sizeof(source), doc->path ? doc->path : "", key->mark.line);
        rc = nb_lexicon_add(lex, key->scalar, spoken, flags, layer, source, e);
        if (rc == NB_EINPUT)
            rc = nb_yaml_error(doc, key, err, "%s", e->message);
        else if (rc != NB_OK)
            rc = nb_error_set(err, rc, "%s", e->message);
    }
    free(spoken);
    return rc;
}

static nb_status read_doc(const struct nb_yaml_doc *doc, struct nb_lexicon *lex, int layer,
                          struct nb_error *err)
{
    const struct nb_yaml_node *root = doc->root;
    if (!root)
        return NB_OK;
    if (root->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, root, err, "a lexicon must be a mapping with 'entries'");
    nb_status rc = nb_yaml_check_keys(doc, root, file_keys, err);
    if (rc != NB_OK)
        return rc;
    const struct nb_yaml_node *lang = nb_yaml_get(root, "language");
    if (lang && lang->kind != NB_YAML_SCALAR)
        return nb_yaml_error(doc, lang, err, "'language' must be a language tag like 'en'");
    const struct nb_yaml_node *entries = nb_yaml_get(root, "entries");
    if (!entries || nb_yaml_is_null(entries))
        return NB_OK;
    if (entries->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, entries, err,
                             "'entries' must map each word to its pronunciation");
    struct nb_error e;
    nb_error_init(&e);
    for (size_t k = 0; rc == NB_OK && k + 1 < entries->nitems; k += 2)
        rc = read_entry(doc, lex, entries->items[k], entries->items[k + 1], layer, &e, err);
    return rc;
}

nb_status nb_lexicon_parse(struct nb_lexicon *lex, const char *path, const char *text,
                           size_t len, int layer, struct nb_error *err)
{
    struct nb_yaml_doc doc;
    nb_status rc = nb_yaml_doc_parse(&doc, path, text, len, err);
    if (rc == NB_OK)
        rc = read_doc(&doc, lex, layer, err);
    nb_yaml_doc_release(&doc);
    return rc;
}

nb_status nb_lexicon_load(struct nb_lexicon *lex, const char *path, int layer,
                          struct nb_error *err)
{
    struct nb_yaml_doc doc;
    nb_status rc = nb_yaml_doc_load(&doc, path, err);
    if (rc == NB_OK)
        rc = read_doc(&doc, lex, layer, err);
    nb_yaml_doc_release(&doc);
    return rc;
}

nb_status nb_lexicon_shipped_path(const char *language, const char *base_dir, struct nb_buf *out,
                                  int *found)
{
    char primary[16];
    size_t n = 0;
    *found = 0;
    if (!language)
        language = "en";
    while (language[n] && language[n] != '-' && language[n] != '_' && language[n] != '+' &&
           n + 1 < sizeof(primary)) {
        char ch = language[n];
        if (!nb_ascii_is_alpha((unsigned char)ch))
            return NB_OK;
        primary[n] = (char)nb_ascii_lower((unsigned char)ch);
        n++;
    }
    primary[n] = '\0';
    if (n == 0)
        return NB_OK;
    char file[40];
    snprintf(file, sizeof(file), "lexicon-%s.yaml", primary);
    return nb_data_find(NB_DATA_VOICES, file, base_dir, out, found);
}

nb_status nb_lexicon_open(struct nb_lexicon **out, const char *language, int shipped,
                          const char *base_dir, const char *const *own, size_t nown,
                          struct nb_error *err)
{
    struct nb_lexicon *lex = nb_lexicon_new();
    if (!lex)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = NB_OK;
    if (shipped) {
        struct nb_buf path;
        nb_buf_init(&path, 0);
        int found;
        if (nb_lexicon_shipped_path(language, base_dir, &path, &found) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (found)
            rc = nb_lexicon_load(lex, path.data, NB_LEXICON_SHIPPED, err);
        nb_buf_release(&path);
    }
    for (size_t i = 0; rc == NB_OK && i < nown; i++)
        if (own[i])
            rc = nb_lexicon_load(lex, own[i], NB_LEXICON_BRIEFING, err);
    if (rc != NB_OK) {
        nb_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return NB_OK;
}
