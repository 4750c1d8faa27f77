/* batch_list.c - the articles of a batch: a folder, a glob or a feed to an
 * ordered list, each article with its identity and a NAME no other has. */
#include "bulletin/batch_list.h"

#include "config/briefing.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/file.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

uint64_t nb_batch_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

void nb_batch_list_init(struct nb_batch_list *l)
{
    memset(l, 0, sizeof(*l));
    nb_source_options_init(&l->options);
    nb_source_reader_init(&l->reader, &l->options);
}

void nb_batch_list_release(struct nb_batch_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].identity);
        free(l->items[i].path);
        free(l->items[i].name);
    }
    free(l->items);
    nb_source_reader_release(&l->reader);
    nb_batch_list_init(l);
}

/* Appends an item (copies of the strings; path may be NULL). */
static nb_status add_item(struct nb_batch_list *l, const char *identity, const char *path,
                          size_t story, struct nb_error *err)
{
    if (l->n == l->alloc) {
        size_t alloc = l->alloc ? 2 * l->alloc : 64;
        struct nb_batch_item *v = realloc(l->items, alloc * sizeof(*v));
        if (!v)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        l->items = v;
        l->alloc = alloc;
    }
    struct nb_batch_item *it = &l->items[l->n];
    *it = (struct nb_batch_item){nb_strdup(identity), path ? nb_strdup(path) : NULL, story, NULL};
    if (!it->identity || (path && !it->path)) {
        free(it->identity);
        free(it->path);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    l->n++;
    return NB_OK;
}

static int is_article_name(const char *name)
{
    static const char *const exts[] = {".txt", ".md", ".html", ".htm"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
        size_t e = strlen(exts[i]);
        if (n > e && nb_ascii_ncasecmp(name + n - e, exts[i], e) == 0)
            return 1;
    }
    return 0;
}

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's article files, by name: identity the name in the folder. */
static nb_status list_folder(struct nb_batch_list *l, const char *dir, struct nb_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return nb_error_set_at(err, NB_EINPUT, dir, 0, 0, "cannot list the folder: %s",
                               strerror(errno));
    struct nb_strv names;
    struct nb_buf path;
    nb_strv_init(&names);
    nb_buf_init(&path, 0);
    nb_status rc = NB_OK;
    for (struct dirent *e; rc == NB_OK && (e = readdir(d));) {
        if (e->d_name[0] == '.' || !is_article_name(e->d_name))
            continue;
        if (nb_strv_pushs(&names, e->d_name) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof(*names.v), compare_strings);
    for (size_t i = 0; rc == NB_OK && i < names.n; i++) {
        nb_buf_reset(&path);
        if (nb_path_join(dir, names.v[i], &path) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (is_regular(path.data))
            rc = add_item(l, names.v[i], path.data, 0, err);
    }
    nb_strv_release(&names);
    nb_buf_release(&path);
    return rc;
}

/* The regular files a glob matches, in byte order: identity the match. */
static nb_status list_glob(struct nb_batch_list *l, const char *pattern, struct nb_error *err)
{
    glob_t g;
    memset(&g, 0, sizeof(g));
    int r = glob(pattern, 0, NULL, &g);
    if (r == GLOB_NOSPACE) {
        globfree(&g);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_status rc = NB_OK;
    if (r == 0 && g.gl_pathc) {
        /* glob(3) sorts by the locale; the shares must not depend on it */
        qsort(g.gl_pathv, g.gl_pathc, sizeof(*g.gl_pathv), compare_strings);
        for (size_t i = 0; rc == NB_OK && i < g.gl_pathc; i++)
            if (is_regular(g.gl_pathv[i]))
                rc = add_item(l, g.gl_pathv[i], g.gl_pathv[i], 0, err);
    }
    globfree(&g);
    return rc;
}

/* A feed's stories (or a page's one), read now: identity the guid, else
 * the link, else the position.  An item that repeats an earlier guid is
 * the same article and is left out. */
static nb_status list_feed(struct nb_batch_list *l, const char *entry, struct nb_error *err)
{
    nb_status rc = nb_source_read(&l->reader, entry, SIZE_MAX, err);
    struct nb_buf id;
    nb_buf_init(&id, 0);
    for (size_t i = 0; rc == NB_OK && i < l->reader.nstories; i++) {
        const struct nb_source_story *s = &l->reader.stories[i];
        nb_buf_reset(&id);
        if (s->guid && *s->guid)
            rc = nb_buf_adds(&id, s->guid);
        else if (s->feed && s->article.source && *s->article.source)
            rc = nb_buf_adds(&id, s->article.source);
        else if (s->feed)
            rc = nb_buf_addf(&id, "%s#%zu", entry, i + 1);
        else
            rc = nb_buf_adds(&id, nb_path_basename(entry));
        if (rc != NB_OK) {
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            break;
        }
        int seen = 0;
        for (size_t k = 0; k < l->n && !seen; k++)
            seen = strcmp(l->items[k].identity, id.data) == 0;
        if (!seen)
            rc = add_item(l, id.data, NULL, i, err);
    }
    nb_buf_release(&id);
    return rc;
}

static int is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* One local file: a feed's items, or one article. */
static nb_status list_file(struct nb_batch_list *l, const char *path, struct nb_error *err)
{
    struct nb_buf head;
    nb_buf_init(&head, 0);
    nb_status rc = NB_OK;
    int feed = 0;
    if (!is_article_name(path)) {
        rc = nb_file_read(path, 0, &head, err);
        feed = rc == NB_OK && nb_source_is_feed(path, NULL, head.data, head.len);
    }
    nb_buf_release(&head);
    if (rc != NB_OK)
        return rc;
    if (feed)
        return list_feed(l, path, err);
    l->one_file = 1;
    return add_item(l, nb_path_basename(path), path, 0, err);
}

/* The text a NAME is made from: a file's name without its extension; a
 * feed item's link's last part (without query, fragment or extension),
 * else its guid, else its headline. */
static nb_status name_source(const struct nb_batch_list *l, const struct nb_batch_item *it,
                             struct nb_buf *out)
{
    if (it->path) {
        const char *base = nb_path_basename(it->path), *dot = strrchr(base, '.');
        return nb_buf_add(out, base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
    }
    const struct nb_source_story *s = &l->reader.stories[it->story];
    const char *link = s->article.source;
    if (s->feed && link && is_url(link)) {
        size_t end = strcspn(link, "?#");
        while (end > 0 && link[end - 1] == '/')
            end--;
        size_t start = end;
        while (start > 0 && link[start - 1] != '/')
            start--;
        size_t dot = end;
        while (dot > start && link[dot - 1] != '.')
            dot--;
        if (dot > start + 1) /* "story.html": without ".html" */
            end = dot - 1;
        /* not the host of "https://news.example/" */
        if (end > start && start >= 2 && link[start - 2] != '/')
            return nb_buf_add(out, link + start, end - start);
    }
    if (s->guid && *s->guid)
        return nb_buf_adds(out, s->guid);
    return nb_buf_adds(out, s->article.headline ? s->article.headline : "article");
}

/* NAME: the slug of the text (lower case, dashes), "article" for one
 * without letters or digits. */
static nb_status make_slug(const char *text, struct nb_buf *out)
{
    struct nb_buf slug;
    nb_buf_init(&slug, 0);
    nb_status rc = nb_briefing_default_output(text, &slug);
    if (rc == NB_OK) {
        nb_buf_truncate(&slug, slug.len - 4); /* ".wav" */
        int fallback = strcmp(slug.data, "briefing") == 0;
        for (const char *t = text; fallback && *t; t++)
            fallback = nb_ascii_ncasecmp(t, "briefing", 8) != 0;
        rc = nb_buf_adds(out, fallback ? "article" : slug.data);
    }
    nb_buf_release(&slug);
    return rc;
}

static int compare_names(const void *a, const void *b)
{
    const struct nb_batch_item *x = *(const struct nb_batch_item *const *)a,
                               *y = *(const struct nb_batch_item *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->identity, y->identity);
}

/* Items sharing a name, found by sorting pointers to them.  `fix` is
 * called on each item of every group of two or more. */
static nb_status resolve(struct nb_batch_list *l,
                         nb_status (*fix)(struct nb_batch_item *it, size_t rank),
                         struct nb_error *err)
{
    struct nb_batch_item **by = malloc((l->n ? l->n : 1) * sizeof(*by));
    if (!by)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < l->n; i++)
        by[i] = &l->items[i];
    qsort(by, l->n, sizeof(*by), compare_names);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < l->n;) {
        size_t j = i + 1;
        while (j < l->n && strcmp(by[i]->name, by[j]->name) == 0)
            j++;
        for (size_t k = i; j - i > 1 && rc == NB_OK && k < j; k++)
            rc = fix(by[k], k - i);
        i = j;
    }
    free(by);
    return rc != NB_OK ? nb_error_set(err, NB_ENOMEM, "out of memory") : NB_OK;
}

static nb_status append_to_name(struct nb_batch_item *it, const char *fmt, unsigned long long v)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_buf_adds(&b, it->name) != NB_OK || nb_buf_addf(&b, fmt, v) != NB_OK) {
        nb_buf_release(&b);
        return NB_ENOMEM;
    }
    free(it->name);
    it->name = nb_buf_detach(&b, NULL);
    return it->name ? NB_OK : NB_ENOMEM;
}

/* Names shared: each gets eight hex digits of its identity's hash. */
static nb_status add_hash(struct nb_batch_item *it, size_t rank)
{
    (void)rank;
    uint64_t h = nb_batch_hash(NB_BATCH_HASH_START, it->identity, strlen(it->identity));
    return append_to_name(it, "-%08llx", (unsigned long long)(h >> 32));
}

/* Still shared (a hash collision, or a file already named so): a number
 * in the order of the identities. */
static nb_status add_rank(struct nb_batch_item *it, size_t rank)
{
    return rank ? append_to_name(it, "-%llu", (unsigned long long)rank + 1) : NB_OK;
}

static nb_status make_names(struct nb_batch_list *l, struct nb_error *err)
{
    struct nb_buf text, slug;
    nb_buf_init(&text, 0);
    nb_buf_init(&slug, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < l->n; i++) {
        nb_buf_reset(&text);
        nb_buf_reset(&slug);
        if (name_source(l, &l->items[i], &text) != NB_OK || make_slug(text.data, &slug) != NB_OK ||
            !(l->items[i].name = nb_buf_detach(&slug, NULL)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_buf_release(&text);
    nb_buf_release(&slug);
    if (rc == NB_OK)
        rc = resolve(l, add_hash, err);
    if (rc == NB_OK)
        rc = resolve(l, add_rank, err);
    return rc;
}

static int has_glob_chars(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

nb_status nb_batch_list_read(struct nb_batch_list *l, const char *input, int follow_links,
                             struct nb_error *err)
{
    l->options.new_only = 0; /* every item, every time: the outputs say what is done */
    l->options.follow_links = follow_links;
    struct stat st;
    nb_status rc;
    if (is_url(input))
        rc = list_feed(l, input, err);
    else if (stat(input, &st) == 0 && S_ISDIR(st.st_mode))
        rc = list_folder(l, input, err);
    else if (stat(input, &st) == 0)
        rc = list_file(l, input, err);
    else if (has_glob_chars(input))
        rc = list_glob(l, input, err);
    else
        rc = nb_error_set_at(err, NB_EINPUT, input, 0, 0,
                             "no such file or folder (give a folder, a glob, a feed or a URL)");
    if (rc == NB_OK && l->n == 0)
        rc = nb_error_set_at(err, NB_EINPUT, input, 0, 0,
                             "no articles (a folder's .txt, .md, .html and .htm files are read)");
    if (rc == NB_OK)
        rc = make_names(l, err);
    return rc;
}
