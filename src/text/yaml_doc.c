/* yaml_doc.c - libyaml events to a small tree with 1-based source marks. */
#include "text/yaml_doc.h"

#include "text/buf.h"
#include "text/chars.h"
#include "text/file.h"
#include "text/suggest.h"
#include "text/utf8.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#define YAML_STR_TAG "tag:yaml.org,2002:str"

struct builder {
    yaml_parser_t parser;
    const char *path;
    const char *text;
    size_t len;
    struct nb_error *err;
};

void nb_yaml_doc_init(struct nb_yaml_doc *doc)
{
    doc->path = NULL;
    doc->root = NULL;
}

static void node_free(struct nb_yaml_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nitems; i++)
        node_free(n->items[i]);
    free(n->items);
    free(n->scalar);
    free(n);
}

void nb_yaml_doc_release(struct nb_yaml_doc *doc)
{
    if (!doc)
        return;
    node_free(doc->root);
    free(doc->path);
    nb_yaml_doc_init(doc);
}

static struct nb_mark mark_of(yaml_mark_t m)
{
    struct nb_mark r = {(unsigned)m.line + 1, (unsigned)m.column + 1};
    return r;
}

/* Line and column (in characters, like libyaml) of byte `offset`. */
static struct nb_mark mark_at_offset(const char *text, size_t len, size_t offset)
{
    struct nb_mark m = {1, 1};
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (offset > len)
        offset = len;
    while (i < offset) {
        if (text[i] == '\n') {
            m.line++;
            m.column = 1;
            i++;
            continue;
        }
        uint32_t cp;
        i += nb_utf8_decode(text + i, len - i, &cp);
        m.column++;
    }
    return m;
}

static nb_status error_at(struct builder *b, struct nb_mark m, nb_status status, const char *fmt,
                          ...) __attribute__((format(printf, 4, 5)));

static nb_status error_at(struct builder *b, struct nb_mark m, nb_status status, const char *fmt,
                          ...)
{
    va_list ap;
    va_start(ap, fmt);
    nb_error_vset_at(b->err, status, b->path, m.line, m.column, fmt, ap);
    va_end(ap);
    return status;
}

static nb_status syntax_error(struct builder *b)
{
    yaml_parser_t *p = &b->parser;
    if (p->error == YAML_MEMORY_ERROR)
        return nb_error_set(b->err, NB_ENOMEM, "out of memory parsing '%s'", b->path);
    const char *problem = p->problem ? p->problem : "cannot parse the file";
    if (p->error == YAML_READER_ERROR) {
        struct nb_mark m = mark_at_offset(b->text, b->len, p->problem_offset);
        if (p->problem_value >= 0)
            return error_at(b, m, NB_EINPUT, "%s (character 0x%02x)", problem,
                            (unsigned)p->problem_value);
        return error_at(b, m, NB_EINPUT, "%s", problem);
    }
    struct nb_mark m = mark_of(p->problem_mark);
    if (p->context) {
        struct nb_mark c = mark_of(p->context_mark);
        return error_at(b, m, NB_EINPUT, "%s (%s that starts at %u:%u)", problem, p->context,
                        c.line, c.column);
    }
    return error_at(b, m, NB_EINPUT, "%s", problem);
}

static nb_status next_event(struct builder *b, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&b->parser, ev))
        return syntax_error(b);
    return NB_OK;
}

/* Tags change how a scalar reads; only "!!str" (and the bare "!") have a use
 * here, anything else would be silently ignored, so it is refused. */
static nb_status check_props(struct builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
                             const yaml_char_t *tag, int implicit)
{
    struct nb_mark m = mark_of(ev->start_mark);
    if (anchor)
        return error_at(b, m, NB_EINPUT,
                        "anchors are not supported ('&%s'); write the value out in full",
                        (const char *)anchor);
    if (tag && !implicit && strcmp((const char *)tag, YAML_STR_TAG) != 0 &&
        strcmp((const char *)tag, "!") != 0)
        return error_at(b, m, NB_EINPUT, "tag '%s' is not supported; remove it", (const char *)tag);
    return NB_OK;
}

static nb_status check_scalar_text(struct builder *b, struct nb_mark m, const char *s, size_t len)
{
    size_t bad;
    if (!nb_utf8_valid(s, len, &bad))
        return error_at(b, m, NB_EINPUT, "value is not valid UTF-8 (byte %zu of the value)",
                        bad + 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return error_at(b, m, NB_EINPUT,
                            "value holds control character 0x%02x, which is not allowed", c);
    }
    return NB_OK;
}

static struct nb_yaml_node *node_new(enum nb_yaml_kind kind, struct nb_mark m)
{
    struct nb_yaml_node *n = calloc(1, sizeof(*n));
    if (n) {
        n->kind = kind;
        n->mark = m;
    }
    return n;
}

static nb_status node_push(struct nb_yaml_node *parent, struct nb_yaml_node *child, size_t *alloc)
{
    if (parent->nitems == *alloc) {
        size_t n = *alloc ? *alloc * 2 : 8;
        struct nb_yaml_node **p = realloc(parent->items, n * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        parent->items = p;
        *alloc = n;
    }
    parent->items[parent->nitems++] = child;
    return NB_OK;
}

static const char *kind_words(enum nb_yaml_kind k)
{
    return k == NB_YAML_SEQUENCE ? "a list" : k == NB_YAML_MAPPING ? "a mapping" : "a value";
}

static nb_status parse_node(struct builder *b, yaml_event_t *ev, unsigned depth,
                            struct nb_yaml_node **out);

static nb_status parse_scalar(struct builder *b, yaml_event_t *ev, struct nb_yaml_node **out)
{
    struct nb_mark m = mark_of(ev->start_mark);
    const char *v = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    nb_status rc = check_props(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
                               ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit);
    if (rc == NB_OK)
        rc = check_scalar_text(b, m, v, len);
    if (rc != NB_OK)
        return rc;
    struct nb_yaml_node *n = node_new(NB_YAML_SCALAR, m);
    if (!n || !(n->scalar = nb_strndup(v, len))) {
        free(n);
        return nb_error_set(b->err, NB_ENOMEM, "out of memory");
    }
    n->scalar_len = len;
    n->quoted =
        ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
        (ev->data.scalar.tag && (strcmp((const char *)ev->data.scalar.tag, YAML_STR_TAG) == 0 ||
                                 strcmp((const char *)ev->data.scalar.tag, "!") == 0));
    *out = n;
    return NB_OK;
}

static const struct nb_yaml_node *find_key(const struct nb_yaml_node *map, const char *key,
                                           size_t len)
{
    for (size_t i = 0; i + 1 < map->nitems; i += 2) {
        const struct nb_yaml_node *k = map->items[i];
        if (k->scalar_len == len && memcmp(k->scalar, key, len) == 0)
            return k;
    }
    return NULL;
}

/* Reads items until the end event; a mapping alternates key and value. */
static nb_status parse_collection(struct builder *b, struct nb_yaml_node *n, unsigned depth)
{
    yaml_event_type_t end =
        n->kind == NB_YAML_MAPPING ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    size_t alloc = 0;
    for (;;) {
        yaml_event_t ev;
        nb_status rc = next_event(b, &ev);
        if (rc != NB_OK)
            return rc;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            return NB_OK;
        }
        int is_key = n->kind == NB_YAML_MAPPING && n->nitems % 2 == 0;
        if (is_key && n->nitems / 2 >= NB_YAML_MAX_KEYS) {
            rc = error_at(b, mark_of(ev.start_mark), NB_EINPUT,
                          "too many keys in one mapping (over %d)", NB_YAML_MAX_KEYS);
            yaml_event_delete(&ev);
            return rc;
        }
        struct nb_yaml_node *child = NULL;
        rc = parse_node(b, &ev, depth + 1, &child);
        if (rc != NB_OK)
            return rc;
        if (is_key && (child->kind != NB_YAML_SCALAR || nb_yaml_is_null(child))) {
            rc = error_at(b, child->mark, NB_EINPUT, "a key must be a name, not %s",
                          child->kind == NB_YAML_SCALAR ? "an empty value"
                                                        : kind_words(child->kind));
            node_free(child);
            return rc;
        }
        if (is_key) {
            const struct nb_yaml_node *first = find_key(n, child->scalar, child->scalar_len);
            if (first) {
                rc = error_at(b, child->mark, NB_EINPUT,
                              "duplicate key '%s' (first at line %u); keep only one", child->scalar,
                              first->mark.line);
                node_free(child);
                return rc;
            }
        }
        if (node_push(n, child, &alloc) != NB_OK) {
            node_free(child);
            return nb_error_set(b->err, NB_ENOMEM, "out of memory");
        }
    }
}

/* Takes ownership of *ev (already read) and builds the node it starts. */
static nb_status parse_node(struct builder *b, yaml_event_t *ev, unsigned depth,
                            struct nb_yaml_node **out)
{
    struct nb_mark m = mark_of(ev->start_mark);
    nb_status rc = NB_OK;
    struct nb_yaml_node *n = NULL;
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        rc = parse_scalar(b, ev, out);
        yaml_event_delete(ev);
        return rc;
    case YAML_ALIAS_EVENT:
        rc = error_at(b, m, NB_EINPUT,
                      "aliases are not supported ('*%s'); write the value out in full",
                      (const char *)ev->data.alias.anchor);
        yaml_event_delete(ev);
        return rc;
    case YAML_SEQUENCE_START_EVENT:
        rc = check_props(b, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag,
                         ev->data.sequence_start.implicit);
        n = node_new(NB_YAML_SEQUENCE, m);
        break;
    case YAML_MAPPING_START_EVENT:
        rc = check_props(b, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
                         ev->data.mapping_start.implicit);
        n = node_new(NB_YAML_MAPPING, m);
        break;
    default:
        rc = error_at(b, m, NB_EINTERNAL, "unexpected yaml event %d", (int)ev->type);
        break;
    }
    yaml_event_delete(ev);
    if (rc == NB_OK && !n)
        rc = nb_error_set(b->err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK && depth >= NB_YAML_MAX_DEPTH)
        rc = error_at(b, m, NB_EINPUT, "nesting is too deep (over %d levels)", NB_YAML_MAX_DEPTH);
    if (rc == NB_OK)
        rc = parse_collection(b, n, depth);
    if (rc != NB_OK) {
        node_free(n);
        return rc;
    }
    *out = n;
    return NB_OK;
}

/* Expects an event of `type`; anything else is an internal error since
 * libyaml guarantees the stream's shape. */
static nb_status expect(struct builder *b, yaml_event_type_t type)
{
    yaml_event_t ev;
    nb_status rc = next_event(b, &ev);
    if (rc != NB_OK)
        return rc;
    if (ev.type != type)
        rc = error_at(b, mark_of(ev.start_mark), NB_EINTERNAL, "unexpected yaml event %d",
                      (int)ev.type);
    yaml_event_delete(&ev);
    return rc;
}

static nb_status parse_stream(struct builder *b, struct nb_yaml_node **root)
{
    nb_status rc = expect(b, YAML_STREAM_START_EVENT);
    if (rc != NB_OK)
        return rc;
    yaml_event_t ev;
    if ((rc = next_event(b, &ev)) != NB_OK)
        return rc;
    if (ev.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&ev);
        return NB_OK;
    }
    yaml_event_delete(&ev); /* DOCUMENT_START */
    if ((rc = next_event(b, &ev)) != NB_OK)
        return rc;
    if ((rc = parse_node(b, &ev, 0, root)) != NB_OK)
        return rc;
    if ((rc = expect(b, YAML_DOCUMENT_END_EVENT)) != NB_OK)
        return rc;
    if ((rc = next_event(b, &ev)) != NB_OK)
        return rc;
    if (ev.type == YAML_DOCUMENT_START_EVENT)
        rc = error_at(b, mark_of(ev.start_mark), NB_EINPUT,
                      "a second document starts here; a file holds only one (remove this '---')");
    yaml_event_delete(&ev);
    return rc;
}

nb_status nb_yaml_doc_parse(struct nb_yaml_doc *doc, const char *path, const char *text, size_t len,
                            struct nb_error *err)
{
    nb_yaml_doc_init(doc);
    if (!(doc->path = nb_strdup(path)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (len > NB_YAML_MAX_BYTES)
        return nb_error_set_at(err, NB_EINPUT, path, 0, 0, "file is too large (over %zu bytes)",
                               NB_YAML_MAX_BYTES);
    size_t bad;
    if (!nb_utf8_valid(text, len, &bad)) {
        struct nb_mark m = mark_at_offset(text, len, bad);
        return nb_error_set_at(err, NB_EINPUT, path, m.line, m.column,
                               "not valid UTF-8 (byte 0x%02x); save the file as UTF-8",
                               (unsigned)(unsigned char)text[bad]);
    }
    /* libyaml skips a BOM only when it guesses the encoding itself */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    struct builder b = {.path = path, .text = text, .len = len, .err = err};
    if (!yaml_parser_initialize(&b.parser))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
    struct nb_yaml_node *root = NULL;
    nb_status rc = parse_stream(&b, &root);
    yaml_parser_delete(&b.parser);
    if (rc != NB_OK) {
        node_free(root);
        return rc;
    }
    /* "---" alone, or "~", is a document with nothing in it */
    if (root && nb_yaml_is_null(root)) {
        node_free(root);
        root = NULL;
    }
    doc->root = root;
    return NB_OK;
}

nb_status nb_yaml_doc_load(struct nb_yaml_doc *doc, const char *path, struct nb_error *err)
{
    struct nb_buf text;
    nb_buf_init(&text, NB_YAML_MAX_BYTES + 1);
    nb_yaml_doc_init(doc);
    nb_status rc = nb_file_read(path, NB_YAML_MAX_BYTES, &text, err);
    if (rc == NB_OK)
        rc = nb_yaml_doc_parse(doc, path, text.data, text.len, err);
    nb_buf_release(&text);
    return rc;
}

int nb_yaml_is_null(const struct nb_yaml_node *node)
{
    if (!node || node->kind != NB_YAML_SCALAR || node->quoted)
        return 0;
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
        if (strcmp(node->scalar, nulls[i]) == 0)
            return 1;
    return 0;
}

const struct nb_yaml_node *nb_yaml_get(const struct nb_yaml_node *map, const char *key)
{
    if (!map || map->kind != NB_YAML_MAPPING)
        return NULL;
    for (size_t i = 0; i + 1 < map->nitems; i += 2) {
        const struct nb_yaml_node *k = map->items[i];
        if (strlen(key) == k->scalar_len && memcmp(k->scalar, key, k->scalar_len) == 0)
            return map->items[i + 1];
    }
    return NULL;
}

nb_status nb_yaml_error(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                        struct nb_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nb_error_vset_at(err, NB_EINPUT, doc ? doc->path : NULL, node ? node->mark.line : 0,
                     node ? node->mark.column : 0, fmt, ap);
    va_end(ap);
    return NB_EINPUT;
}

const char *nb_yaml_describe(const struct nb_yaml_node *n, char *out, size_t size)
{
    enum { SHOW_MAX = 60 };
    if (n->kind != NB_YAML_SCALAR) {
        snprintf(out, size, "%s", kind_words(n->kind));
        return out;
    }
    if (nb_yaml_is_null(n)) {
        snprintf(out, size, "an empty value");
        return out;
    }
    struct nb_buf b;
    nb_buf_init(&b, size - 1);
    nb_buf_addc(&b, '\'');
    size_t i = 0;
    while (i < n->scalar_len) {
        size_t step = nb_utf8_seq_len((unsigned char)n->scalar[i]);
        if (i + step > n->scalar_len)
            step = 1;
        if (i + step > SHOW_MAX) {
            nb_buf_adds(&b, "...");
            break;
        }
        char c = n->scalar[i];
        if (c == '\n' || c == '\t')
            nb_buf_addc(&b, ' ');
        else
            nb_buf_add(&b, n->scalar + i, step);
        i += step;
    }
    nb_buf_addc(&b, '\'');
    snprintf(out, size, "%s", b.data);
    nb_buf_release(&b);
    return out;
}

static nb_status need_node(const struct nb_yaml_node *node, const char *key, struct nb_error *err)
{
    if (!node)
        return nb_error_set(err, NB_EINTERNAL, "no yaml node for '%s'", key);
    return NB_OK;
}

nb_status nb_yaml_string(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                         const char *key, char **out, struct nb_error *err)
{
    char shown[96];
    *out = NULL;
    if (need_node(node, key, err) != NB_OK)
        return NB_EINTERNAL;
    if (node->kind != NB_YAML_SCALAR || nb_yaml_is_null(node))
        return nb_yaml_error(doc, node, err, "'%s' must be text, not %s", key,
                             nb_yaml_describe(node, shown, sizeof(shown)));
    if (!(*out = nb_strndup(node->scalar, node->scalar_len)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

/* What parse_long() made of a scalar. */
enum parsed { PARSED, NOT_A_NUMBER, TOO_LARGE };

/* Parses an optionally signed decimal integer into *out. */
static enum parsed parse_long(const char *s, long *out)
{
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    if (!*s)
        return NOT_A_NUMBER;
    unsigned long v = 0, limit = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
    int overflow = 0;
    for (; *s; s++) {
        if (!nb_ascii_is_digit((unsigned char)*s))
            return NOT_A_NUMBER;
        unsigned d = (unsigned)(*s - '0');
        if (v > (limit - d) / 10)
            overflow = 1;
        else
            v = v * 10 + d;
    }
    if (overflow)
        return TOO_LARGE;
    *out = neg ? (v == (unsigned long)LONG_MAX + 1 ? LONG_MIN : -(long)v) : (long)v;
    return PARSED;
}

nb_status nb_yaml_int(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                      const char *key, long min, long max, long *out, struct nb_error *err)
{
    char shown[96];
    if (need_node(node, key, err) != NB_OK)
        return NB_EINTERNAL;
    long v = 0;
    enum parsed parsed = node->kind == NB_YAML_SCALAR && !nb_yaml_is_null(node)
                             ? parse_long(node->scalar, &v)
                             : NOT_A_NUMBER;
    if (parsed != NOT_A_NUMBER && node->quoted)
        return nb_yaml_error(doc, node, err,
                             "'%s' must be a whole number from %ld to %ld, not the text %s "
                             "(remove the quotes)",
                             key, min, max, nb_yaml_describe(node, shown, sizeof(shown)));
    if (parsed != PARSED || v < min || v > max)
        return nb_yaml_error(doc, node, err, "'%s' must be a whole number from %ld to %ld, not %s",
                             key, min, max, nb_yaml_describe(node, shown, sizeof(shown)));
    *out = v;
    return NB_OK;
}

/* "10s", "1500ms", "2m": the limit as a user would write it. */
static void format_ms(unsigned long ms, char *out, size_t size)
{
    if (ms && ms % 60000 == 0)
        snprintf(out, size, "%lum", ms / 60000);
    else if (ms && ms % 1000 == 0)
        snprintf(out, size, "%lus", ms / 1000);
    else
        snprintf(out, size, "%lums", ms);
}

static void skip_spaces(const char **s)
{
    while (**s == ' ')
        (*s)++;
}

/* Reads a decimal number ("12", "1.25", ".5"); NULL when there is none. */
static const char *read_number(const char *s, double *out)
{
    double v = 0;
    int digits = 0;
    for (; nb_ascii_is_digit((unsigned char)*s); s++, digits++)
        v = v * 10 + (*s - '0');
    if (*s == '.') {
        double scale = 0.1;
        for (s++; nb_ascii_is_digit((unsigned char)*s); s++, digits++, scale /= 10)
            v += (*s - '0') * scale;
    }
    if (!digits)
        return NULL;
    *out = v;
    return s;
}

/* Sums "1m30s"-style components into *ms: 1, or 0 for junk. */
static int parse_duration(const char *s, unsigned bare_unit_ms, double *ms)
{
    static const struct {
        const char *name;
        double ms;
    } units[] = {{"ms", 1}, {"d", 86400000}, {"h", 3600000}, {"m", 60000}, {"s", 1000}};
    double total = 0, last_unit = 0;
    skip_spaces(&s);
    int components = 0;
    while (*s) {
        double v;
        const char *p = read_number(s, &v);
        if (!p)
            return 0;
        s = p;
        skip_spaces(&s);
        double unit = 0;
        for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
            size_t n = strlen(units[i].name);
            if (strncmp(s, units[i].name, n) == 0 && !nb_ascii_is_alpha((unsigned char)s[n])) {
                unit = units[i].ms;
                s += n;
                break;
            }
        }
        if (!unit) {
            /* a bare number only on its own */
            if (components || *s)
                return 0;
            unit = bare_unit_ms;
        } else if (last_unit && unit >= last_unit) {
            return 0;
        }
        last_unit = unit;
        total += v * unit;
        components++;
        skip_spaces(&s);
    }
    if (!components)
        return 0;
    *ms = total;
    return 1;
}

nb_status nb_yaml_duration_ms(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                              const char *key, unsigned bare_unit_ms, unsigned long max_ms,
                              unsigned long *out, struct nb_error *err)
{
    char shown[96], limit[32];
    if (need_node(node, key, err) != NB_OK)
        return NB_EINTERNAL;
    double ms = 0;
    if (node->kind == NB_YAML_SCALAR && !nb_yaml_is_null(node)) {
        const char *s = node->scalar;
        while (*s == ' ')
            s++;
        if (*s == '-' && parse_duration(s + 1, bare_unit_ms ? bare_unit_ms : 1, &ms))
            return nb_yaml_error(doc, node, err, "'%s' must not be negative, not %s", key,
                                 nb_yaml_describe(node, shown, sizeof(shown)));
        if (parse_duration(s, bare_unit_ms ? bare_unit_ms : 1, &ms)) {
            format_ms(max_ms, limit, sizeof(limit));
            if (ms > (double)max_ms + 0.5 - 1e-9)
                return nb_yaml_error(doc, node, err, "'%s' must be at most %s, not %s", key, limit,
                                     nb_yaml_describe(node, shown, sizeof(shown)));
            *out = (unsigned long)(ms + 0.5);
            return NB_OK;
        }
    }
    return nb_yaml_error(doc, node, err,
                         "'%s' must be a duration like 350ms, 1.2s or 1m30s, not %s", key,
                         nb_yaml_describe(node, shown, sizeof(shown)));
}

static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = nb_ascii_lower((unsigned char)*a), cb = nb_ascii_lower((unsigned char)*b);
        if (ca != cb || !ca)
            return ca - cb;
    }
}

nb_status nb_yaml_bool(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                       const char *key, int *out, struct nb_error *err)
{
    static const char *const yes[] = {"true", "yes", "on"};
    static const char *const no[] = {"false", "no", "off"};
    char shown[96];
    if (need_node(node, key, err) != NB_OK)
        return NB_EINTERNAL;
    if (node->kind == NB_YAML_SCALAR && !node->quoted) {
        for (size_t i = 0; i < 3; i++) {
            if (ascii_casecmp(node->scalar, yes[i]) == 0) {
                *out = 1;
                return NB_OK;
            }
            if (ascii_casecmp(node->scalar, no[i]) == 0) {
                *out = 0;
                return NB_OK;
            }
        }
    }
    return nb_yaml_error(doc, node, err, "'%s' must be true or false, not %s", key,
                         nb_yaml_describe(node, shown, sizeof(shown)));
}

nb_status nb_yaml_check_keys(const struct nb_yaml_doc *doc, const struct nb_yaml_node *map,
                             const char *const *known, struct nb_error *err)
{
    if (!map || map->kind != NB_YAML_MAPPING)
        return nb_error_set(err, NB_EINTERNAL, "nb_yaml_check_keys: not a mapping");
    for (size_t i = 0; i + 1 < map->nitems; i += 2) {
        const struct nb_yaml_node *k = map->items[i];
        size_t j = 0;
        while (known[j] && strcmp(known[j], k->scalar) != 0)
            j++;
        if (known[j])
            continue;
        char shown[96];
        nb_yaml_describe(k, shown, sizeof(shown));
        const char *hint = nb_suggest(k->scalar, known);
        if (hint)
            return nb_yaml_error(doc, k, err, "unknown key %s (did you mean '%s'?)", shown, hint);
        struct nb_buf list;
        nb_buf_init(&list, 0);
        for (j = 0; known[j]; j++)
            nb_buf_addf(&list, "%s%s", j ? ", " : "", known[j]);
        nb_status rc =
            nb_yaml_error(doc, k, err, "unknown key %s (known keys: %s)", shown, list.data);
        nb_buf_release(&list);
        return rc;
    }
    return NB_OK;
}
