/* feed.c - a feed's bytes to a feed: libxml2 parses (no network, no
 * entity substitution, errors collected per parser context), the root
 * element chooses the reader (feed_rss.c, feed_atom.c). */
#include "feed/feed.h"

#include "feed/feed_xml.h"
#include "text/chars.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <stdlib.h>
#include <string.h>

void nb_feed_init(struct nb_feed *f)
{
    memset(f, 0, sizeof(*f));
}

void nb_feed_release(struct nb_feed *f)
{
    free(f->title);
    free(f->link);
    free(f->language);
    for (size_t i = 0; i < f->nitems; i++) {
        struct nb_feed_item *it = &f->items[i];
        free(it->guid);
        free(it->title);
        free(it->link);
        free(it->date);
        free(it->author);
        free(it->content);
    }
    free(f->items);
    nb_feed_init(f);
}

/* The first error libxml2 reported in one parse: the first fatal one (a
 * well-formedness error) when there is one, as the later ones follow from
 * it; else the first error (an undeclared namespace prefix does not stop
 * the parse, but is all there is to say about a document that failed). */
struct first_error {
    int fatal;
    int code;
    int line;
    char message[200];
};

/* libxml2 calls this with the parser context as user data (the context
 * points to its own first_error through _private).  Only the first line of
 * a message is kept ("Bytes: 0xE9 ..." follows some). */
static void keep_first_error(void *user, xmlErrorPtr e)
{
    const xmlParserCtxt *ctxt = user;
    struct first_error *fe = ctxt ? ctxt->_private : NULL;
    if (!fe || !e || e->level < XML_ERR_ERROR || fe->fatal)
        return;
    int fatal = e->level == XML_ERR_FATAL;
    if (fe->message[0] && !fatal)
        return;
    const char *m = e->message ? e->message : "unknown error";
    size_t n = strcspn(m, "\n");
    while (n > 0 && nb_ascii_is_space((unsigned char)m[n - 1]))
        n--;
    if (n >= sizeof(fe->message))
        n = sizeof(fe->message) - 1;
    memcpy(fe->message, m, n);
    fe->message[n] = '\0';
    /* our messages are lower case: "Start tag expected" but not "XML declaration" */
    if (nb_ascii_is_upper((unsigned char)fe->message[0]) &&
        nb_ascii_is_lower((unsigned char)fe->message[1]))
        fe->message[0] = (char)nb_ascii_lower((unsigned char)fe->message[0]);
    fe->fatal = fatal;
    fe->code = e->code;
    fe->line = e->line;
}

static nb_status parse_error(const struct first_error *fe, const char *name, struct nb_error *err)
{
    if (fe->code == XML_ERR_NO_MEMORY)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (!fe->message[0])
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "not a feed: not well-formed XML");
    return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "not a feed: %s at line %d", fe->message,
                           fe->line);
}

static nb_status read_root(struct nb_feed_reader *r, const xmlNode *root)
{
    if (nb_feed_is(root, NULL, "rss") || nb_feed_is(root, NB_NS_RDF, "RDF"))
        return nb_feed_read_rss(r, root);
    if (strcmp((const char *)root->name, "feed") == 0)
        return nb_feed_read_atom(r, root);
    const char *prefix = root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "";
    return nb_error_set_at(r->err, NB_EINPUT, r->name, 0, 0,
                           "not a feed (the root element is <%.40s%s%.40s>, not <rss>, <feed> "
                           "or <rdf:RDF>)",
                           prefix, *prefix ? ":" : "", (const char *)root->name);
}

/* No network, no DTD loaded, entities left as references (feed_xml.h
 * expands them within a budget), CDATA as text, libxml2's size limits
 * kept (no XML_PARSE_HUGE), nothing printed. */
#define FEED_PARSE_OPTIONS                                                                         \
    (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* Parses data[0..len) with its own context (*ctxt, which the caller
 * frees) in `encoding` (NULL: as the document says): *doc NULL when it is
 * not well-formed (fe says why).  NB_OK, or NB_ENOMEM. */
static nb_status parse_doc(const char *data, size_t len, const char *url, const char *encoding,
                           struct first_error *fe, xmlParserCtxt **ctxt, xmlDoc **doc)
{
    memset(fe, 0, sizeof(*fe));
    *doc = NULL;
    if (!(*ctxt = xmlNewParserCtxt()))
        return NB_ENOMEM;
    (*ctxt)->_private = fe;
    (*ctxt)->sax->serror = keep_first_error;
    *doc = xmlCtxtReadMemory(*ctxt, data, (int)len, url, encoding, FEED_PARSE_OPTIONS);
    if (*doc && !(*ctxt)->wellFormed) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return NB_OK;
}

/* Whether the parse failed on bytes that are not UTF-8. */
static int is_not_utf8(const struct first_error *fe)
{
    return (fe->code == XML_ERR_INVALID_CHAR || fe->code == XML_ERR_INVALID_ENCODING) &&
           strstr(fe->message, "UTF-8") != NULL;
}

nb_status nb_feed_parse(struct nb_feed *f, const char *data, size_t len, const char *name,
                        struct nb_error *err)
{
    nb_feed_init(f);
    if (len > NB_ARTICLE_MAX_BYTES)
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "not a feed: larger than %zu MiB",
                               NB_ARTICLE_MAX_BYTES >> 20);
    if (len == 0)
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "not a feed: the file is empty");
    /* a feed fetched from a URL resolves its relative links against it */
    int url = name && (nb_ascii_ncasecmp(name, "http://", 7) == 0 ||
                       nb_ascii_ncasecmp(name, "https://", 8) == 0);
    struct first_error fe;
    xmlParserCtxt *ctxt = NULL;
    xmlDoc *doc = NULL;
    nb_status rc = parse_doc(data, len, url ? name : NULL, NULL, &fe, &ctxt, &doc);
    if (rc == NB_OK && !doc && is_not_utf8(&fe)) {
        /* bytes that are not the UTF-8 the feed says (or implies): read
         * as Windows-1252, as the article readers read such text */
        xmlFreeParserCtxt(ctxt);
        ctxt = NULL;
        rc = parse_doc(data, len, url ? name : NULL, "windows-1252", &fe, &ctxt, &doc);
    }
    if (rc != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!doc || !root) {
        rc = parse_error(&fe, name, err);
    } else {
        struct nb_feed_reader r = {
            .feed = f, .entity_budget = NB_FEED_ENTITY_BUDGET, .name = name, .err = err};
        rc = read_root(&r, root);
        /* a feed with nothing in it yet is no source of stories: said
         * so, where reading it would give nothing without a word */
        if (rc == NB_OK && f->nitems == 0)
            rc = nb_error_set_at(err, NB_EINPUT, name, 0, 0, "the feed has no items");
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    if (rc != NB_OK)
        nb_feed_release(f);
    return rc;
}

/* Whether s[0..len) starts with `pat`. */
static int starts(const char *s, size_t len, const char *pat)
{
    size_t n = strlen(pat);
    return len >= n && memcmp(s, pat, n) == 0;
}

/* The offset just past the first `pat` in s[i..len); len when none. */
static size_t past(const char *s, size_t len, size_t i, const char *pat)
{
    size_t n = strlen(pat);
    for (; i + n <= len; i++)
        if (memcmp(s + i, pat, n) == 0)
            return i + n;
    return len;
}

/* Past a doctype, whose internal subset ("[...]") may hold '>'. */
static size_t past_doctype(const char *s, size_t len, size_t i)
{
    for (; i < len && s[i] != '>'; i++)
        if (s[i] == '[')
            i = past(s, len, i, "]") - 1;
    return i < len ? i + 1 : len;
}

int nb_feed_sniff(const char *data, size_t len)
{
    size_t n = len < 65536 ? len : 65536, i = 0;
    if (starts(data, n, "\xEF\xBB\xBF"))
        i = 3;
    int declared = 0; /* an XML declaration: the document says it is XML */
    for (;;) {
        while (i < n && nb_ascii_is_space((unsigned char)data[i]))
            i++;
        declared |= starts(data + i, n - i, "<?xml") && i + 5 < n &&
                    nb_ascii_is_space((unsigned char)data[i + 5]);
        if (starts(data + i, n - i, "<?"))
            i = past(data, n, i, "?>");
        else if (starts(data + i, n - i, "<!--"))
            i = past(data, n, i + 4, "-->");
        else if (starts(data + i, n - i, "<!DOCTYPE") || starts(data + i, n - i, "<!doctype"))
            i = past_doctype(data, n, i);
        else
            break;
    }
    if (i >= n || data[i] != '<')
        return 0;
    size_t start = ++i;
    while (i < n && !nb_ascii_is_space((unsigned char)data[i]) && data[i] != '>' && data[i] != '/')
        i++;
    if (i >= n)
        return 0; /* the name is not whole */
    static const char *const roots[] = {"rss", "feed", "rdf:RDF", "RDF", "atom:feed"};
    for (size_t k = 0; k < sizeof(roots) / sizeof(roots[0]); k++)
        if (strlen(roots[k]) == i - start && memcmp(data + start, roots[k], i - start) == 0)
            return 1;
    /* any other XML document but XHTML: the feed reader says what it is */
    return declared && !(i - start == 4 && nb_ascii_ncasecmp(data + start, "html", 4) == 0);
}
