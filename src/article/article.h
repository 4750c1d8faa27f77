/* article.h - a news article as newsbrief reads it.
 *
 * Every reader (plain text and Markdown here, web pages in html/, feed
 * items in feed/) produces this one structure.  The article owns every string in it; one call,
 * nb_article_release(), frees them all.
 */
#ifndef NB_ARTICLE_ARTICLE_H
#define NB_ARTICLE_ARTICLE_H

#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

#define NB_ARTICLE_MAX_BYTES ((size_t)64 << 20) /* larger inputs are refused */

struct nb_quote {
    char *text;      /* the words inside the quotation marks */
    char *speaker;   /* NULL when the text does not say */
    char *role;      /* "Norway's foreign minister"; NULL when none */
    int partial;     /* 1 for a fragment inside reported speech */
    size_t sentence; /* index into sentences of the sentence it starts in */
    size_t speaker_id; /* the speaker's id in the article's speakers (1, 2, ...);
                          0 when no speaker or none listed */
};

/* The pronoun the article uses for a speaker. */
enum { NB_PRONOUN_NONE, NB_PRONOUN_HE, NB_PRONOUN_SHE, NB_PRONOUN_THEY };

/* A speaker of the article's quotes, with what the article tells about how
 * to refer to them.  Strings are NULL when the article does not say. */
struct nb_speaker {
    size_t id;          /* 1 + its index in speakers; quotes refer to it */
    char *name;         /* the fullest name: "Ola Berg", "the Justice Department" */
    char *short_name;   /* the surname as used later on its own: "Berg" */
    char *role;         /* "Norway's foreign minister" */
    char *organisation; /* "Nordhavn Capital" (of "an economist at Nordhavn Capital") */
    int pronoun;        /* NB_PRONOUN_*: he/she/they as the text says or its title tells */
    char *title;        /* the honorific used for them: "Mr", "Ms", "Dame" */
};

struct nb_article {
    char *source;               /* path it was read from, or a name; may be NULL */
    char *headline;             /* never NULL after a successful read */
    char *byline;               /* NULL when none */
    char *date;                 /* as written; NULL when none */
    struct nb_strv paragraphs;  /* body paragraphs, whitespace collapsed */
    struct nb_strv sentences;   /* body sentences, in order */
    struct nb_quote *quotes;    /* none until the quote stage has run
                                   (quotes/quotes.h: nb_quotes_find()) */
    size_t nquotes;
    struct nb_speaker *speakers; /* the quotes' speakers, set with quotes */
    size_t nspeakers;
    struct nb_strv removed;     /* text kept out of the body (boilerplate) */
    struct nb_strv warnings;    /* e.g. "not valid UTF-8, read as Windows-1252" */
    char *publication;          /* who published it ("Nordwire"); NULL when unknown */
    char *language;             /* as given, e.g. "en"; NULL when unknown */
};

void nb_article_init(struct nb_article *a);
void nb_article_release(struct nb_article *a);

/* Frees the strings of s and zeroes it. */
void nb_speaker_release(struct nb_speaker *s);

/* Parses raw bytes (any encoding, see nb_text_import) of a plain-text
 * article: the first non-empty line is the headline, then paragraphs
 * separated by blank lines.  `name` (may be NULL) is used in messages and
 * stored as `source`.  Fails with NB_EINPUT when there is no headline or no
 * body text.  On failure `a` is left released. */
nb_status nb_article_parse_text(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err);

/* Reads the file at `path` (format chosen by its extension; plain text by
 * default) into `a`, which need not be initialised: on failure it is left
 * empty (releasing it is safe).  Errors name the file. */
nb_status nb_article_read_file(struct nb_article *a, const char *path, struct nb_error *err);

/* The Markdown reader (markdown.c): YAML front matter (title, byline, date,
 * source, language), then Markdown read for the ear.  Same contract as
 * nb_article_parse_text(); a front-matter error is NB_EINPUT with
 * file:line:column. */
nb_status nb_article_parse_markdown(struct nb_article *a, const char *data, size_t len,
                                    const char *name, struct nb_error *err);

/* Reads bytes read from the file `name` with the reader its extension
 * picks (.md Markdown; anything else plain text).  Web pages and feeds
 * are read a stage up (html/, feed/; source/ chooses among them all). */
nb_status nb_article_parse_file_bytes(struct nb_article *a, const char *data, size_t len,
                                      const char *name, struct nb_error *err);

#endif
