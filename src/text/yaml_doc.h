/* yaml_doc.h - a YAML document as a small tree with source positions.
 *
 * libyaml parses; this module keeps every scalar, sequence and mapping with
 * its line:column so that every later error can say where it is.  Anchors
 * and aliases are refused (a briefing has no use for them and they allow
 * "billion laughs").  The document owns all nodes.
 */
#ifndef NB_TEXT_YAML_DOC_H
#define NB_TEXT_YAML_DOC_H

#include "text/error.h"

#include <stddef.h>

/* Limits that keep a hostile or mistaken file from costing much: a config
 * file is a few hundred bytes. */
#define NB_YAML_MAX_BYTES ((size_t)1 << 20) /* input size */
#define NB_YAML_MAX_DEPTH 64                /* nested sequences and mappings */
#define NB_YAML_MAX_KEYS 1000               /* keys in one mapping */

struct nb_mark {
    unsigned line;   /* 1-based; 0 when unknown */
    unsigned column; /* 1-based */
};

enum nb_yaml_kind { NB_YAML_SCALAR, NB_YAML_SEQUENCE, NB_YAML_MAPPING };

struct nb_yaml_node {
    enum nb_yaml_kind kind;
    struct nb_mark mark;
    char *scalar;        /* NUL-terminated, valid UTF-8; SCALAR only */
    size_t scalar_len;
    int quoted;          /* SCALAR written in quotes: never a number or null */
    struct nb_yaml_node **items; /* SEQUENCE: items; MAPPING: key, value, key, value... */
    size_t nitems;       /* number of entries in items */
};

struct nb_yaml_doc {
    char *path;                /* owned copy, for messages */
    struct nb_yaml_node *root; /* NULL for an empty document */
};

/* An empty document (no allocation, cannot fail); release is then safe. */
void nb_yaml_doc_init(struct nb_yaml_doc *doc);

/* Parses text[0..len) of file `path` (used in messages).  Syntax errors,
 * anchors, aliases, tags other than !!str, invalid UTF-8, NUL or control
 * characters in values, keys that are not scalars, duplicate mapping keys,
 * a second document, and input over the limits above give NB_EINPUT with
 * path:line:column.  `doc` need not be initialised; on failure it is left
 * empty (release is still safe).  A file with no content (or only
 * comments, or only "---") gives root == NULL. */
nb_status nb_yaml_doc_parse(struct nb_yaml_doc *doc, const char *path, const char *text,
                            size_t len, struct nb_error *err);
/* Reads and parses the file at `path` (at most NB_YAML_MAX_BYTES). */
nb_status nb_yaml_doc_load(struct nb_yaml_doc *doc, const char *path, struct nb_error *err);
void nb_yaml_doc_release(struct nb_yaml_doc *doc);

/* 1 when `node` is a plain (unquoted) null: empty, "~" or "null". */
int nb_yaml_is_null(const struct nb_yaml_node *node);

/* The value for `key` in a MAPPING node, or NULL (also when map is NULL or
 * not a mapping). */
const struct nb_yaml_node *nb_yaml_get(const struct nb_yaml_node *map, const char *key);

/* Checks every key of `map` is in the NULL-terminated `known` list; an
 * unknown key gives "unknown key 'voise' (did you mean 'voice'?)" at its
 * position. */
nb_status nb_yaml_check_keys(const struct nb_yaml_doc *doc, const struct nb_yaml_node *map,
                             const char *const *known, struct nb_error *err);

/* Typed reads: each fails with NB_EINPUT at the node's position when the
 * node has the wrong type or value ("'stories' must be a whole number from
 * 1 to 100, not 'five'"). `key` names the value in messages.
 * nb_yaml_string: any scalar but a plain null; *out is a malloc'd copy the
 * caller frees.  nb_yaml_int: a plain decimal integer. */
nb_status nb_yaml_string(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                         const char *key, char **out, struct nb_error *err);
nb_status nb_yaml_int(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                      const char *key, long min, long max, long *out, struct nb_error *err);
/* A duration: "350ms", "1.2s", "3m", "90s", "1m30s", "2d" (units d, h, m, s, ms, each
 * at most once and largest first), or a bare number in `bare_unit_ms`
 * milliseconds (1 = ms, 1000 = s).  Result in milliseconds rounded to the
 * nearest, 0..max_ms; negatives, junk and values over max_ms are refused. */
nb_status nb_yaml_duration_ms(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                              const char *key, unsigned bare_unit_ms, unsigned long max_ms,
                              unsigned long *out, struct nb_error *err);
/* Boolean: true/false/yes/no/on/off (any case, unquoted). */
nb_status nb_yaml_bool(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                       const char *key, int *out, struct nb_error *err);

/* The value as a message shows it: "'five'" (quoted, cut after 60 bytes
 * without splitting a UTF-8 sequence, line breaks as spaces), "an empty
 * value", "a list" or "a mapping".  Writes into out[size] and returns out. */
const char *nb_yaml_describe(const struct nb_yaml_node *node, char *out, size_t size);

/* Reports an error at `node`'s position (NB_EINPUT). */
nb_status nb_yaml_error(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                        struct nb_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
