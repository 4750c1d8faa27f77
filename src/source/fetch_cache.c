#include "source/fetch_cache.h"

#include "text/file.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define META_MAGIC "newsbrief-fetch-cache 1"
#define META_MAX ((size_t)64 << 10)

void nb_fetch_cache_entry_init(struct nb_fetch_cache_entry *e)
{
    memset(e, 0, sizeof(*e));
}

void nb_fetch_cache_entry_release(struct nb_fetch_cache_entry *e)
{
    free(e->url);
    free(e->final_url);
    free(e->content_type);
    free(e->etag);
    free(e->last_modified);
    nb_fetch_cache_entry_init(e);
}

uint64_t nb_fetch_cache_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

int nb_fetch_cache_value_ok(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

/* DIR/<hash of url><ext> appended to out. */
static nb_status cache_path(const char *dir, const char *url, const char *ext, struct nb_buf *out)
{
    size_t n = strlen(dir);
    const char *sep = n > 0 && dir[n - 1] == '/' ? "" : "/";
    return nb_buf_addf(out, "%s%s%016" PRIx64 "%s", dir, sep, nb_fetch_cache_hash(url, strlen(url)),
                       ext);
}

/* Parses an unsigned decimal or hex number that fills all of s. */
static int parse_u64(const char *s, int base, uint64_t *out)
{
    if (!*s || *s == '-' || *s == '+' || *s == ' ')
        return 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (errno || *end)
        return 0;
    *out = v;
    return 1;
}

/* Sets one field of e from a "name: value" meta line: 1, 0 when the line
 * is malformed, -1 when out of memory. */
static int set_field(struct nb_fetch_cache_entry *e, const char *name, const char *value)
{
    static const struct {
        const char *name;
        size_t offset;
    } strings[] = {
        {"url", offsetof(struct nb_fetch_cache_entry, url)},
        {"final-url", offsetof(struct nb_fetch_cache_entry, final_url)},
        {"content-type", offsetof(struct nb_fetch_cache_entry, content_type)},
        {"etag", offsetof(struct nb_fetch_cache_entry, etag)},
        {"last-modified", offsetof(struct nb_fetch_cache_entry, last_modified)},
    };
    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
        if (strcmp(name, strings[i].name) != 0)
            continue;
        char **field = (char **)((char *)e + strings[i].offset);
        if (*field)
            return 0; /* twice */
        *field = nb_strdup(value);
        return *field ? 1 : -1;
    }
    uint64_t v;
    if (strcmp(name, "length") == 0 && parse_u64(value, 10, &v) && v <= SIZE_MAX) {
        e->length = (size_t)v;
        return 1;
    }
    if (strcmp(name, "fnv1a") == 0 && strlen(value) == 16 && parse_u64(value, 16, &v)) {
        e->fnv1a = v;
        return 1;
    }
    return 0;
}

/* Parses meta text (NUL-terminated, modified in place) into e: 1 well
 * formed, 0 malformed, -1 out of memory. */
static int parse_meta(char *text, struct nb_fetch_cache_entry *e)
{
    size_t magic_len = strlen(META_MAGIC);
    if (strncmp(text, META_MAGIC, magic_len) != 0 || text[magic_len] != '\n')
        return 0;
    int have_length = 0, have_hash = 0;
    char *line = text + magic_len + 1;
    while (*line) {
        char *eol = strchr(line, '\n');
        if (!eol)
            return 0; /* cut short */
        *eol = '\0';
        char *sep = strstr(line, ": ");
        if (!sep)
            return 0;
        *sep = '\0';
        int got = set_field(e, line, sep + 2);
        if (got <= 0)
            return got;
        have_length |= strcmp(line, "length") == 0;
        have_hash |= strcmp(line, "fnv1a") == 0;
        line = eol + 1;
    }
    return e->url && have_length && have_hash;
}

nb_status nb_fetch_cache_load(const char *dir, const char *url, struct nb_fetch_cache_entry *e,
                              int *found)
{
    nb_fetch_cache_entry_release(e);
    *found = 0;
    struct nb_buf path, text;
    nb_buf_init(&path, 0);
    nb_buf_init(&text, 0);
    nb_status rc = cache_path(dir, url, ".meta", &path);
    if (rc == NB_OK && nb_file_read(path.data, META_MAX, &text, NULL) == NB_OK &&
        memchr(text.data, '\0', text.len) == NULL) {
        int parsed = parse_meta(text.data, e);
        if (parsed < 0)
            rc = NB_ENOMEM;
        else
            *found = parsed && strcmp(e->url, url) == 0;
    }
    /* a meta that cannot be read is a miss, like a missing one */
    if (!*found)
        nb_fetch_cache_entry_release(e);
    nb_buf_release(&path);
    nb_buf_release(&text);
    return rc;
}

nb_status nb_fetch_cache_read_body(const char *dir, const struct nb_fetch_cache_entry *e,
                                   size_t max, struct nb_buf *out, int *ok)
{
    *ok = 0;
    if (e->length > max || e->length > out->cap - out->len)
        return NB_OK;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    if (cache_path(dir, e->url, ".body", &path) != NB_OK) {
        nb_buf_release(&path);
        return NB_ENOMEM;
    }
    size_t start = out->len;
    struct nb_error err;
    nb_status rc = nb_file_read(path.data, e->length + 1, out, &err);
    nb_buf_release(&path);
    if (rc == NB_ENOMEM)
        return NB_ENOMEM;
    *ok = rc == NB_OK && out->len - start == e->length &&
          nb_fetch_cache_hash(out->data + start, e->length) == e->fnv1a;
    if (!*ok)
        nb_buf_truncate(out, start);
    return NB_OK;
}

static nb_status add_line(struct nb_buf *meta, const char *name, const char *value)
{
    if (!value || !nb_fetch_cache_value_ok(value))
        return NB_OK;
    return nb_buf_addf(meta, "%s: %s\n", name, value);
}

nb_status nb_fetch_cache_store(const char *dir, const struct nb_fetch_cache_entry *e,
                               const char *body, size_t len, struct nb_error *err)
{
    if (!nb_fetch_cache_value_ok(e->url))
        return NB_OK; /* a URL that cannot be named in the meta is not cached */
    struct nb_buf body_path, meta_path, meta;
    nb_buf_init(&body_path, 0);
    nb_buf_init(&meta_path, 0);
    nb_buf_init(&meta, 0);
    nb_status rc = NB_OK;
    if (cache_path(dir, e->url, ".body", &body_path) != NB_OK ||
        cache_path(dir, e->url, ".meta", &meta_path) != NB_OK ||
        nb_buf_adds(&meta, META_MAGIC "\n") != NB_OK || add_line(&meta, "url", e->url) != NB_OK ||
        add_line(&meta, "final-url", e->final_url) != NB_OK ||
        add_line(&meta, "content-type", e->content_type) != NB_OK ||
        add_line(&meta, "etag", e->etag) != NB_OK ||
        add_line(&meta, "last-modified", e->last_modified) != NB_OK ||
        nb_buf_addf(&meta, "length: %zu\nfnv1a: %016" PRIx64 "\n", len,
                    nb_fetch_cache_hash(body, len)) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    /* the body first: a meta never describes a body not yet written */
    if (rc == NB_OK)
        rc = nb_file_write_atomic(body_path.data, body, len, err);
    if (rc == NB_OK)
        rc = nb_file_write_atomic(meta_path.data, meta.data, meta.len, err);
    nb_buf_release(&body_path);
    nb_buf_release(&meta_path);
    nb_buf_release(&meta);
    return rc;
}
