/* html_meta.c - what a page says about its article (see html_meta.h).
 *
 * Each field takes the best source present, by a fixed rank per source:
 * Open Graph and article: meta tags first (the page's own statement for
 * sharing), schema.org JSON-LD next, then the older meta names.  Values
 * are kept as written, whitespace collapsed.
 */
#include "html/html_meta.h"

#include "text/buf.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#define JSONLD_DEPTH 10 /* objects inside objects we look into */
#define NAMES_MAX 8     /* authors listed in a byline */

void nb_html_meta_init(struct nb_html_meta *m)
{
    memset(m, 0, sizeof(*m));
}

void nb_html_meta_release(struct nb_html_meta *m)
{
    free(m->headline);
    free(m->byline);
    free(m->date);
    free(m->publisher);
    free(m->language);
    free(m->charset);
    nb_html_meta_init(m);
}

/* A field and the rank (lower is better) of the source it came from. */
struct slot {
    char *value;
    int rank;
};

enum field {
    F_TITLE,
    F_OG_TITLE,
    F_LD_HEADLINE,
    F_BYLINE,
    F_DATE,
    F_PUBLISHER,
    F_LANGUAGE,
    F_CHARSET,
    F_COUNT
};

struct reading {
    const struct nb_hdom *d;
    struct slot f[F_COUNT];
    nb_status rc;
};

/* Offers a value for a field: kept when its source ranks better than the
 * one there.  Whitespace is collapsed; empty values are ignored. */
static void offer(struct reading *r, enum field f, int rank, const char *value, size_t len)
{
    struct slot *s = &r->f[f];
    if (r->rc != NB_OK || !value || (s->value && s->rank <= rank))
        return;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_text_collapse_space(value, len, &b) != NB_OK) {
        nb_buf_release(&b);
        r->rc = NB_ENOMEM;
        return;
    }
    if (b.len == 0) {
        nb_buf_release(&b);
        return;
    }
    char *v = nb_buf_detach(&b, NULL);
    if (!v) {
        r->rc = NB_ENOMEM;
        return;
    }
    free(s->value);
    s->value = v;
    s->rank = rank;
}

static void offers(struct reading *r, enum field f, int rank, const char *value)
{
    /* a date of the year 0 or 1 is a template's placeholder */
    if (value &&
        !(f == F_DATE && (strncmp(value, "0000", 4) == 0 || strncmp(value, "0001", 4) == 0)))
        offer(r, f, rank, value, strlen(value));
}

/* An author given as an address (article:author often is) is no name. */
static int looks_like_address(const char *s)
{
    while (nb_ascii_is_space((unsigned char)*s))
        s++;
    return nb_ascii_istarts(s, strlen(s), "http") || nb_ascii_istarts(s, strlen(s), "www.") ||
           *s == '/' || strstr(s, "://") != NULL || strchr(s, '@') != NULL;
}

static void offer_author(struct reading *r, int rank, const char *value)
{
    if (!value || looks_like_address(value))
        return;
    while (nb_ascii_is_space((unsigned char)*value))
        value++;
    if (nb_ascii_istarts(value, strlen(value), "by "))
        value += 3;
    offers(r, F_BYLINE, rank, value);
}

/* ---- meta tags ---------------------------------------------------------- */

struct meta_key {
    const char *key; /* lower-case */
    enum field field;
    int rank;
};

static const struct meta_key meta_keys[] = {
    {"og:title", F_OG_TITLE, 1},
    {"twitter:title", F_OG_TITLE, 2},
    {"author", F_BYLINE, 2},
    {"article:author", F_BYLINE, 3},
    {"byl", F_BYLINE, 4},
    {"dc.creator", F_BYLINE, 5},
    {"dcterms.creator", F_BYLINE, 5},
    {"sailthru.author", F_BYLINE, 6},
    {"parsely-author", F_BYLINE, 6},
    {"citation_author", F_BYLINE, 6},
    {"article:published_time", F_DATE, 1},
    {"og:published_time", F_DATE, 3},
    {"datepublished", F_DATE, 3},
    {"date", F_DATE, 4},
    {"pubdate", F_DATE, 4},
    {"publishdate", F_DATE, 4},
    {"publish-date", F_DATE, 4},
    {"publish_date", F_DATE, 4},
    {"dc.date.issued", F_DATE, 4},
    {"dcterms.issued", F_DATE, 4},
    {"dc.date", F_DATE, 5},
    {"dcterms.created", F_DATE, 5},
    {"sailthru.date", F_DATE, 5},
    {"parsely-pub-date", F_DATE, 5},
    {"citation_publication_date", F_DATE, 5},
    {"og:site_name", F_PUBLISHER, 1},
    {"application-name", F_PUBLISHER, 4},
    {"content-language", F_LANGUAGE, 2},
    {"dc.language", F_LANGUAGE, 3},
    {"og:locale", F_LANGUAGE, 4},
};

static void read_meta(struct reading *r, uint32_t i)
{
    const struct nb_hdom *d = r->d;
    const char *charset = nb_hdom_attr(d, i, "charset");
    if (charset)
        offers(r, F_CHARSET, 1, charset);
    const char *content = nb_hdom_attr(d, i, "content");
    if (!content)
        return;
    static const char *const key_attrs[] = {"property", "name", "itemprop", "http-equiv"};
    for (size_t a = 0; a < sizeof(key_attrs) / sizeof(key_attrs[0]); a++) {
        const char *key = nb_hdom_attr(d, i, key_attrs[a]);
        if (!key)
            continue;
        if (nb_ascii_ieq(key, "content-type")) {
            /* text/html; charset=windows-1252 */
            const char *cs = strstr(content, "charset=");
            if (cs)
                offers(r, F_CHARSET, 2, cs + 8);
            continue;
        }
        for (size_t k = 0; k < sizeof(meta_keys) / sizeof(meta_keys[0]); k++) {
            if (!nb_ascii_ieq(key, meta_keys[k].key))
                continue;
            if (meta_keys[k].field == F_BYLINE)
                offer_author(r, meta_keys[k].rank, content);
            else
                offers(r, meta_keys[k].field, meta_keys[k].rank, content);
        }
    }
}

/* ---- JSON-LD ------------------------------------------------------------ */

static int type_is_article(json_object *type)
{
    if (json_object_is_type(type, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(type); i++)
            if (type_is_article(json_object_array_get_idx(type, i)))
                return 1;
        return 0;
    }
    const char *t = json_object_get_string(type);
    if (!json_object_is_type(type, json_type_string) || !t)
        return 0;
    size_t n = strlen(t);
    return (n >= 7 && strcmp(t + n - 7, "Article") == 0) || strcmp(t, "BlogPosting") == 0 ||
           strcmp(t, "LiveBlogPosting") == 0 || strcmp(t, "Report") == 0 ||
           strcmp(t, "SocialMediaPosting") == 0;
}

static const char *ld_string(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v))
        return NULL;
    if (json_object_is_type(v, json_type_array) && json_object_array_length(v) > 0)
        v = json_object_array_get_idx(v, 0);
    if (json_object_is_type(v, json_type_object)) {
        json_object *inner;
        if (!json_object_object_get_ex(v, "@value", &inner) &&
            !json_object_object_get_ex(v, "name", &inner))
            return NULL;
        v = inner;
    }
    return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* The name of one author: a string, or an object with a name; *person is
 * cleared for an organisation. */
static const char *author_name(json_object *o, int *person)
{
    if (json_object_is_type(o, json_type_string))
        return json_object_get_string(o);
    if (!json_object_is_type(o, json_type_object))
        return NULL;
    json_object *type;
    if (json_object_object_get_ex(o, "@type", &type) &&
        json_object_is_type(type, json_type_string) &&
        strcmp(json_object_get_string(type), "Person") != 0)
        *person = 0;
    return ld_string(o, "name");
}

/* "A", "A and B", "A, B and C". */
static void ld_authors(struct reading *r, json_object *authors)
{
    const char *names[NAMES_MAX];
    size_t n = 0;
    int person = 1;
    if (json_object_is_type(authors, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(authors) && n < NAMES_MAX; i++) {
            const char *name = author_name(json_object_array_get_idx(authors, i), &person);
            if (name && *name && !looks_like_address(name))
                names[n++] = name;
        }
    } else {
        const char *name = author_name(authors, &person);
        if (name && *name && !looks_like_address(name))
            names[n++] = name;
    }
    if (n == 0)
        return;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; i < n && rc == NB_OK; i++) {
        if (i)
            rc = nb_buf_adds(&b, i + 1 == n ? " and " : ", ");
        if (rc == NB_OK)
            rc = nb_buf_adds(&b, names[i]);
    }
    if (rc != NB_OK)
        r->rc = NB_ENOMEM;
    else
        offer_author(r, person ? 1 : 7, b.data);
    nb_buf_release(&b);
}

static void ld_article(struct reading *r, json_object *o)
{
    offers(r, F_LD_HEADLINE, 1, ld_string(o, "headline"));
    offers(r, F_LD_HEADLINE, 2, ld_string(o, "name"));
    json_object *v;
    if (json_object_object_get_ex(o, "author", &v))
        ld_authors(r, v);
    offers(r, F_DATE, 2, ld_string(o, "datePublished"));
    offers(r, F_DATE, 6, ld_string(o, "dateCreated"));
    if (json_object_object_get_ex(o, "publisher", &v)) {
        if (json_object_is_type(v, json_type_object))
            offers(r, F_PUBLISHER, 2, ld_string(v, "name"));
        else if (json_object_is_type(v, json_type_string))
            offers(r, F_PUBLISHER, 2, json_object_get_string(v));
    }
    offers(r, F_LANGUAGE, 2, ld_string(o, "inLanguage"));
}

static void ld_visit(struct reading *r, json_object *o, int depth)
{
    if (depth > JSONLD_DEPTH || r->rc != NB_OK)
        return;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            ld_visit(r, json_object_array_get_idx(o, i), depth + 1);
        return;
    }
    if (!json_object_is_type(o, json_type_object))
        return;
    json_object *v;
    if (json_object_object_get_ex(o, "@type", &v) && type_is_article(v))
        ld_article(r, o);
    if (json_object_object_get_ex(o, "@graph", &v))
        ld_visit(r, v, depth + 1);
    if (json_object_object_get_ex(o, "mainEntity", &v))
        ld_visit(r, v, depth + 1);
}

static void read_jsonld(struct reading *r, uint32_t script)
{
    const char *type = nb_hdom_attr(r->d, script, "type");
    if (!type || !nb_ascii_icontains(type, strlen(type), "ld+json"))
        return;
    for (uint32_t k = script + 1; k < r->d->v[script].end; k++) {
        const char *text = nb_hdom_text(r->d, k);
        /* some pages wrap it in a CDATA comment: start at the JSON */
        while (*text && *text != '{' && *text != '[')
            text++;
        if (!*text)
            continue;
        json_tokener *tok = json_tokener_new();
        if (!tok) {
            r->rc = NB_ENOMEM;
            return;
        }
        json_object *o = json_tokener_parse_ex(
            tok, text, (int)(strlen(text) > 0x7fffffff ? 0x7fffffff : strlen(text)));
        if (o)
            ld_visit(r, o, 0);
        json_object_put(o);
        json_tokener_free(tok);
    }
}

/* ---- site names ---------------------------------------------------------- */

struct sep {
    size_t at, len; /* the separator, spaces included */
    int bar;        /* it is a '|' */
};

/* The separators of a title: "|" anywhere, the others between spaces. */
static size_t find_seps(const char *t, struct sep *seps, size_t max)
{
    static const char *const spaced[] = {" - ",        " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
                                         " \xc2\xb7 ", " \xe2\x80\xa2 ", " \xc2\xbb ",     " / "};
    size_t n = 0, len = strlen(t);
    for (size_t i = 0; i < len && n < max; i++) {
        if (t[i] == '|') {
            size_t a = i, b = i + 1;
            while (a > 0 && t[a - 1] == ' ')
                a--;
            while (b < len && t[b] == ' ')
                b++;
            seps[n++] = (struct sep){a, b - a, 1};
            i = b - 1;
            continue;
        }
        for (size_t k = 0; k < sizeof(spaced) / sizeof(spaced[0]); k++) {
            size_t sl = strlen(spaced[k]);
            if (strncmp(t + i, spaced[k], sl) == 0) {
                seps[n++] = (struct sep){i, sl, 0};
                i += sl - 1;
                break;
            }
        }
    }
    return n;
}

static size_t count_words(const char *s, size_t len)
{
    size_t words = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* Letters and digits only, lower-cased ASCII: "The-Site.com" -> "thesitecom". */
static void squeeze(const char *s, size_t len, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (nb_ascii_is_alnum(c) || c >= 0x80)
            out[o++] = (char)nb_ascii_lower(c);
    }
    out[o] = '\0';
}

/* Whether a part of a title names the site: the same letters, or one
 * holding the other ("BBC News" and "BBC", "nytimes.com" and "NYTimes"). */
static int names_site(const char *part, size_t len, const char *site)
{
    char a[256], b[256];
    squeeze(part, len, a, sizeof(a));
    squeeze(site, strlen(site), b, sizeof(b));
    size_t la = strlen(a), lb = strlen(b);
    if (la < 2 || lb < 2)
        return 0;
    if (strcmp(a, b) == 0)
        return 1;
    if (lb >= 3 && la <= lb + 12 && strstr(a, b))
        return 1;
    return la >= 3 && strstr(b, a) != NULL;
}

char *nb_html_strip_site(const char *title, const char *site)
{
    struct sep seps[16];
    size_t n = find_seps(title, seps, 16);
    size_t from = 0, to = strlen(title);
    if (n == 0)
        return nb_strndup(title, to);
    const struct sep *last = &seps[n - 1], *first = &seps[0];
    size_t tail = last->at + last->len, head = first->at + first->len;
    /* the site's name at one end or the other (once: "Headline | World |
     * Site" keeps its section) */
    if (site && names_site(title + tail, to - tail, site)) {
        to = last->at;
    } else if (site && names_site(title, first->at, site)) {
        from = head;
    } else if (count_words(title + tail, to - tail) <= 4 && count_words(title, last->at) >= 2 &&
               count_words(title, last->at) > count_words(title + tail, to - tail) &&
               to - tail < last->at) {
        to = last->at; /* else a short trailing part is the site's */
    } else if (first->bar && count_words(title, first->at) <= 2 &&
               count_words(title + head, to - head) >= 4) {
        from = head; /* "Opinion | Headline": a section */
    }
    return nb_strndup(title + from, to - from);
}

/* ---- the headline -------------------------------------------------------- */

int nb_html_same_words(const char *a, size_t alen, const char *b)
{
    size_t i = 0, j = 0, blen = strlen(b);
    for (;;) {
        while (i < alen && !nb_ascii_is_alnum((unsigned char)a[i]) && (unsigned char)a[i] < 0x80)
            i++;
        while (j < blen && !nb_ascii_is_alnum((unsigned char)b[j]) && (unsigned char)b[j] < 0x80)
            j++;
        if (i == alen || j == blen)
            return i == alen && j == blen;
        if (nb_ascii_lower((unsigned char)a[i]) != nb_ascii_lower((unsigned char)b[j]))
            return 0;
        i++;
        j++;
    }
}

static int contains_text_i(const char *hay, const char *needle)
{
    char x[1024], y[512];
    squeeze(hay, strlen(hay), x, sizeof(x));
    squeeze(needle, strlen(needle), y, sizeof(y));
    return y[0] && strstr(x, y) != NULL;
}

/* How well an <h1> matches the page's title: 3 it is the title without
 * the site's name, 2 the title holds it and it is not a word or two, 1 the
 * title holds it, 0 neither. */
static int h1_rank(const char *h1, const char *title, const char *stripped)
{
    if (!title)
        return 0;
    if (stripped && nb_html_same_words(h1, strlen(h1), stripped))
        return 3;
    if (!contains_text_i(title, h1))
        return 0;
    return count_words(h1, strlen(h1)) >= 3 ? 2 : 1;
}

/* The <h1> that is the story's: the one that best matches the title or
 * og:title (a logo in an <h1> matches only the site's part), else the
 * first that is not the site's name. */
static nb_status pick_h1(struct reading *r, char **text)
{
    const struct nb_hdom *d = r->d;
    uint32_t from = d->body == NB_HDOM_NONE ? 0 : d->body;
    uint32_t to = d->body == NB_HDOM_NONE ? (uint32_t)d->n : d->v[d->body].end;
    const char *title = r->f[F_OG_TITLE].value ? r->f[F_OG_TITLE].value : r->f[F_TITLE].value;
    const char *site = r->f[F_PUBLISHER].value;
    char *stripped = title ? nb_html_strip_site(title, site) : NULL;
    char *best = NULL;
    int best_rank = -1;
    *text = NULL;
    if (title && !stripped)
        return NB_ENOMEM;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = NB_OK;
    for (uint32_t i = from; i < to && best_rank < 3; i++) {
        if (d->v[i].type != NB_HNODE_ELEMENT || d->v[i].tag != GUMBO_TAG_H1)
            continue;
        nb_buf_reset(&b);
        if (nb_hdom_inner_text(d, i, &b) != NB_OK) {
            rc = NB_ENOMEM;
            break;
        }
        if (b.len == 0 || (site && nb_html_same_words(b.data, b.len, site)))
            continue;
        int rank = h1_rank(b.data, title, stripped);
        if (rank > best_rank) {
            free(best);
            best = nb_buf_detach(&b, NULL);
            if (!best) {
                rc = NB_ENOMEM;
                break;
            }
            best_rank = rank;
        }
    }
    nb_buf_release(&b);
    free(stripped);
    if (rc != NB_OK) {
        free(best);
        return rc;
    }
    *text = best;
    return NB_OK;
}

static nb_status choose_headline(struct reading *r, struct nb_html_meta *m)
{
    const char *site = r->f[F_PUBLISHER].value;
    char *h1 = NULL;
    if (pick_h1(r, &h1) != NB_OK)
        return NB_ENOMEM;
    const char *from = r->f[F_OG_TITLE].value      ? r->f[F_OG_TITLE].value
                       : r->f[F_LD_HEADLINE].value ? r->f[F_LD_HEADLINE].value
                       : h1                        ? h1
                                                   : r->f[F_TITLE].value;
    if (from) {
        m->headline = from == h1 ? nb_strdup(h1) : nb_html_strip_site(from, site);
        if (!m->headline) {
            free(h1);
            return NB_ENOMEM;
        }
        if (!*m->headline) {
            free(m->headline);
            m->headline = NULL;
        }
    }
    free(h1);
    return NB_OK;
}

/* ---- the page ----------------------------------------------------------- */

/* "en_US" (og:locale) as a language tag: "en-US". */
static void locale_to_tag(char *s)
{
    for (; s && *s; s++)
        if (*s == '_')
            *s = '-';
}

nb_status nb_html_meta_read(const struct nb_hdom *d, struct nb_html_meta *m)
{
    struct reading r;
    memset(&r, 0, sizeof(r));
    r.d = d;
    nb_html_meta_init(m);
    if (d->n == 0)
        return NB_OK;
    offers(&r, F_LANGUAGE, 1, nb_hdom_attr(d, 0, "lang"));
    offers(&r, F_LANGUAGE, 1, nb_hdom_attr(d, 0, "xml:lang"));
    for (uint32_t i = 0; i < d->n && r.rc == NB_OK; i++) {
        const struct nb_hnode *h = &d->v[i];
        if (h->type != NB_HNODE_ELEMENT)
            continue;
        if (h->tag == GUMBO_TAG_META) {
            read_meta(&r, i);
        } else if (h->tag == GUMBO_TAG_SCRIPT) {
            read_jsonld(&r, i);
        } else if (h->tag == GUMBO_TAG_TITLE && !r.f[F_TITLE].value &&
                   h->g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
            struct nb_buf b;
            nb_buf_init(&b, 0);
            if (nb_hdom_inner_text(d, i, &b) != NB_OK)
                r.rc = NB_ENOMEM;
            else
                offer(&r, F_TITLE, 1, b.data, b.len);
            nb_buf_release(&b);
        } else if (h->tag == GUMBO_TAG_TIME || h->tag == GUMBO_TAG_SPAN) {
            const char *ip = nb_hdom_attr(d, i, "itemprop");
            if (ip && nb_ascii_ieq(ip, "datepublished")) {
                const char *dt = nb_hdom_attr(d, i, "datetime");
                offers(&r, F_DATE, 3, dt ? dt : nb_hdom_attr(d, i, "content"));
            }
        }
    }
    if (r.rc == NB_OK)
        r.rc = choose_headline(&r, m);
    m->byline = r.f[F_BYLINE].value;
    m->date = r.f[F_DATE].value;
    m->publisher = r.f[F_PUBLISHER].value;
    m->language = r.f[F_LANGUAGE].value;
    m->charset = r.f[F_CHARSET].value;
    if (r.f[F_LANGUAGE].rank == 4)
        locale_to_tag(m->language);
    free(r.f[F_TITLE].value);
    free(r.f[F_OG_TITLE].value);
    free(r.f[F_LD_HEADLINE].value);
    if (r.rc != NB_OK)
        nb_html_meta_release(m);
    return r.rc;
}
