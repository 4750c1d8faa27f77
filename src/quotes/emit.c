/* emit.c - what a quoted stretch becomes.
 *
 * Not every quoted stretch is someone's words: a title or a name ("Face
 * the Nation"), a slogan on a poster or a scare quote with no speech verb
 * near it is dropped.  A fragment inside a sentence ("called the plan
 * "overdue"") is kept as partial when a verb frames it.  Of the
 * attributions read before and after a quote, the one before wins when
 * its verb frames a sentence, then the one after, then a fragment verb
 * before; a quote split by its attribution ("...," she said, "...") is
 * joined into one; a quote without attribution that opens its paragraph,
 * or follows an attributed one in the same paragraph, continues the
 * latest speaker.
 */
#include "quotes/emit.h"
#include "quotes/people.h"
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static nb_status add_quote(struct nb_quotes_pass *st, struct nb_quote *q)
{
    if (st->out.n == st->out.alloc) {
        size_t na = st->out.alloc ? st->out.alloc * 2 : 16;
        struct nb_quote *nv = realloc(st->out.v, na * sizeof(*nv));
        if (!nv)
            return NB_ENOMEM;
        st->out.v = nv;
        st->out.alloc = na;
    }
    st->out.v[st->out.n++] = *q;
    return NB_OK;
}

nb_status nb_quotes_text_add(struct nb_buf *b, const char *p, size_t s, size_t e)
{
    while (s < e && nb_ascii_is_space((unsigned char)p[s]))
        s++;
    while (e > s && nb_ascii_is_space((unsigned char)p[e - 1]))
        e--;
    if (s == e)
        return NB_OK;
    if (b->len && nb_buf_addc(b, ' ') != NB_OK)
        return NB_ENOMEM;
    return nb_text_collapse_space(p + s, e - s, b);
}

int nb_quotes_title_like(const char *t, size_t len)
{
    /* token by token, not the whole window first: most quotes are
     * sentences, told from a title by their first word in lower case */
    struct nb_quotes_win w;
    w.p = t;
    w.n = 0;
    nb_quotes_win_forget(&w);
    size_t words = 0, caps = 0, letters = 0, i = 0;
    struct nb_quotes_tok tok;
    while (w.n < NB_QUOTES_WIN_TOKENS && nb_quotes_next_token(t, len, &i, &tok)) {
        size_t k = w.n;
        w.t[w.n++] = tok;
        if (!nb_quotes_tok_word(&w, k)) {
            if (nb_quotes_tok_punct(&w, k, ',') || nb_quotes_tok_punct(&w, k, '.') ||
                nb_quotes_tok_punct(&w, k, ':') || nb_quotes_tok_punct(&w, k, '!') ||
                nb_quotes_tok_punct(&w, k, '?') || nb_quotes_tok_punct(&w, k, '-') ||
                nb_quotes_tok_punct(&w, k, '&'))
                continue;
            return 0;
        }
        if (nb_char_is_letter(nb_char_at(t, len, w.t[k].s, NULL)))
            letters++;
        if (nb_quotes_tok_in(&w, k, NB_QUOTES_ORG_JOINERS) || nb_quotes_tok_is(&w, k, "a") ||
            nb_quotes_tok_is(&w, k, "an") || nb_quotes_tok_is(&w, k, "in") ||
            nb_quotes_tok_is(&w, k, "to") || nb_quotes_tok_is(&w, k, "at"))
            continue;
        words++;
        if (nb_quotes_tok_cap(&w, k) || nb_char_is_digit(nb_char_at(t, len, w.t[k].s, NULL)))
            caps++;
        else if (letters > 0)
            return 0; /* a word in lower case: caps can never equal words
                       * again, and with a letter seen that says no */
    }
    if (letters == 0)
        return 1;
    return w.n < NB_QUOTES_WIN_TOKENS && words > 0 && words <= 7 && caps == words;
}

void nb_quotes_quote_release(struct nb_quote *q)
{
    free(q->text);
    free(q->speaker);
    free(q->role);
    q->text = q->speaker = q->role = NULL;
}

/* 1 when p[from..i) ends with the word "that" (and maybe a comma). */
static int after_that(const char *p, size_t from, size_t i)
{
    if (i > from && p[i - 1] == ',')
        i--;
    while (i > from && nb_ascii_is_space((unsigned char)p[i - 1]))
        i--;
    if (i < from + 4)
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (nb_ascii_lower((unsigned char)p[i - 4 + k]) != "that"[k])
            return 0;
    return i == from + 4 || !nb_char_is_word(nb_char_before(p, i - 4, NULL));
}

/* Words after which a quoted stretch is a noun phrase or the rest of a
 * clause of the sentence, never a sentence of its own, whatever its first
 * letter: the articles and determiners ("the "Washington cartel""), the
 * prepositions ("against "Russia's worrying actions"", "as "Hillary's
 * authenticator""), the forms of "be" and "have" ("members are "Latino,
 * non-Latino"", "had "Syrian roots.""), and the verbs of naming ("called
 * the front-runner "ISIS' best recruiter""). */
static const char *const np_openers[] = {
    "the",  "a",       "an",       "this",    "these",   "those", "its",     "his",
    "her",  "their",   "our",      "my",      "your",    "some",  "any",     "every",
    "each", "no",      "of",       "for",     "against", "about", "as",      "in",
    "on",   "at",      "by",       "with",    "from",    "into",  "onto",    "like",
    "than", "to",      "over",     "under",   "between", "among", "without", "within",
    "is",   "are",     "was",      "were",    "be",      "been",  "being",   "am",
    "has",  "have",    "had",      "called",  "calls",   "call",  "calling", "dubbed",
    "dubs", "labeled", "labelled", "branded", "termed",  "named", "deemed",  "nicknamed"};

/* The verbs of naming, which may have their object between them and the
 * name they give: called him "The best recruiter". */
static const char *const naming_verbs[] = {"called",  "calls",    "call",    "calling",  "dubbed",
                                           "labeled", "labelled", "branded", "nicknamed"};

static int tok_naming(const struct nb_quotes_win *w, size_t k)
{
    for (size_t j = 0; j < sizeof(naming_verbs) / sizeof(naming_verbs[0]); j++)
        if (nb_quotes_tok_is(w, k, naming_verbs[j]))
            return 1;
    return 0;
}

/* 1 when p[from..i) ends with a word of np_openers or a possessive
 * ("his campaign's "Despite what people want to say ...""), or with a
 * verb of naming and one word, its object ("called him "..."",
 * "dubbed Trump "...""). */
static int after_np_opener(const char *p, size_t from, size_t i)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill_tail(&w, p, from, i);
    if (w.n == 0 || !nb_quotes_tok_word(&w, w.n - 1))
        return 0;
    size_t k = w.n - 1;
    if (nb_quotes_tok_possessive(&w, k))
        return 1;
    if (k > 0 && tok_naming(&w, k - 1))
        return 1;
    for (size_t j = 0; j < sizeof(np_openers) / sizeof(np_openers[0]); j++)
        if (nb_quotes_tok_is(&w, k, np_openers[j]))
            return 1;
    return 0;
}

static int is_closing_mark(uint32_t c)
{
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019;
}

/* 1 when p[..i) ends with the closing mark of a quote that ended no
 * sentence ("ethanol people" "do a fantastic job", "crimes against
 * humanity," "genocide"): a quote right after it goes on with that
 * sentence. */
static int after_open_quote(const char *p, size_t i)
{
    if (i == 0 || !is_closing_mark(nb_char_before(p, i, NULL)))
        return 0;
    size_t k = i;
    while (k > 0 && is_closing_mark(nb_char_before(p, k, NULL))) {
        size_t at = 0;
        nb_char_before(p, k, &at);
        k = at;
    }
    if (k == 0)
        return 0;
    uint32_t c = nb_char_before(p, k, NULL);
    return c != '.' && c != '!' && c != '?' && c != 0x2026;
}

/* 1 when the sentence goes on after the quote whose words end at p[end]
 * (p NUL-terminated): the words end with no punctuation and, past the
 * closing mark, a lower-case word that is no pronoun and no verb of
 * saying follows ("I am so sick of it" about her record; "Tame" by any
 * measure), or "by" follows, a title and its author ("Closing time," by
 * Ann Lee). */
static int goes_on_after(const char *p, size_t start, size_t end)
{
    size_t e = end;
    while (e > start && nb_ascii_is_space((unsigned char)p[e - 1]))
        e--;
    if (e == start)
        return 0;
    uint32_t last = nb_char_before(p, e, NULL);
    int comma = last == ',';
    if (!comma && !nb_char_is_word(last))
        return 0;
    /* the paragraph's end or a window's bytes past the quote, whichever
     * comes first (strnlen: read a word at a time, not byte by byte) */
    size_t lim = end + strnlen(p + end, NB_QUOTES_WIN_BYTES);
    size_t j = end, marks = 0;
    while (j < lim && marks < 2) {
        size_t n = 0;
        uint32_t c = nb_char_at(p, lim, j, &n);
        if (!is_closing_mark(c) || n == 0)
            break;
        j += n;
        marks++;
    }
    if (marks == 0)
        return 0;
    if (!comma && j < lim && p[j] == ',') {
        comma = 1;
        j++;
    }
    size_t to = lim;
    struct nb_quotes_win w;
    nb_quotes_win_fill_first(&w, p, j, to, 1); /* the word after the quote only */
    if (w.n == 0 || !nb_quotes_tok_word(&w, 0))
        return 0;
    if (nb_quotes_tok_is(&w, 0, "by"))
        return 1;
    if (comma || !nb_char_is_lower(nb_char_at(p, to, w.t[0].s, NULL)))
        return 0;
    return !nb_quotes_tok_verb(&w, 0) && !nb_quotes_tok_in(&w, 0, NB_QUOTES_PRONOUNS_M) &&
           !nb_quotes_tok_in(&w, 0, NB_QUOTES_PRONOUNS_F) &&
           !nb_quotes_tok_in(&w, 0, NB_QUOTES_PRONOUNS_OTHER) &&
           !nb_quotes_tok_is(&w, 0, "according");
}

/* 1 when the sentence p[from..i) is only its attribution, a quote to come:
 * a subject of at most six words, with no punctuation, and a verb of
 * saying that frames a sentence (not one of naming or accusing), then
 * nothing, or an object of at most three words and a comma or colon:
 * "She says "...", "Clinton said, "...", "Carson told his supporters, "...".
 * An attribution inside a sentence ("The reality is, he added, "...")
 * leaves the quote a piece of that sentence. */
static int after_saying(const char *p, size_t from, size_t i)
{
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, from, i);
    if (w.n == 0 || w.n == NB_QUOTES_WIN_TOKENS)
        return 0;
    size_t k = w.n - 1;
    int comma = nb_quotes_tok_punct(&w, k, ',') || nb_quotes_tok_punct(&w, k, ':');
    if (comma) {
        if (k == 0)
            return 0;
        k--;
    }
    for (size_t j = 0; j <= k; j++) {
        if (!nb_quotes_tok_word(&w, j))
            return 0;
        int f = nb_quotes_tok_verb(&w, j);
        if (!f || j == 0)
            continue;
        if (j > 6 || (f & (NB_QUOTES_V_PART | NB_QUOTES_V_NOUN | NB_QUOTES_V_ING)))
            return 0;
        return k == j || (comma && k - j <= 3);
    }
    return 0;
}

/* 1 when the quote whose words are p[start..end) ends its sentence: its
 * last word is followed by . ! ? or ..., inside the marks or right after
 * them, or the paragraph ends with it; it holds at least three words, a
 * clause rather than a name for something; and it does not open with
 * "and", "but" or "or", the second piece of a quote cut in two. */
static int ends_sentence(const char *p, size_t start, size_t end)
{
    struct nb_quotes_win first;
    nb_quotes_win_fill_first(&first, p, start, end, 1);
    if (first.n && (nb_quotes_tok_is(&first, 0, "and") || nb_quotes_tok_is(&first, 0, "but") ||
                    nb_quotes_tok_is(&first, 0, "or")))
        return 0; /* ", "but I don't know ...": the rest of a quote cut in two */
    size_t words = 0;
    int in = 0;
    for (size_t j = start; j < end; j++) {
        int w = nb_ascii_is_alnum((unsigned char)p[j]) || (unsigned char)p[j] >= 0x80;
        if (w && !in)
            words++;
        in = w;
    }
    if (words < 3)
        return 0;
    size_t e = end;
    while (e > start && nb_ascii_is_space((unsigned char)p[e - 1]))
        e--;
    uint32_t last = nb_char_before(p, e, NULL);
    if (last == '.' || last == '!' || last == '?' || last == 0x2026)
        return 1;
    size_t lim = end;
    while (p[lim] && lim - end < 16)
        lim++;
    size_t j = end;
    for (;;) {
        size_t n = 0;
        uint32_t c = nb_char_at(p, lim, j, &n);
        if (n == 0 || !is_closing_mark(c))
            break;
        j += n;
    }
    if (j == end)
        return 0;
    return p[j] == '.' || p[j] == '!' || p[j] == '?' || p[j] == '\0' || p[j] == '\n';
}

int nb_quotes_is_partial(const char *p, size_t sent_start, size_t open, size_t start, size_t end)
{
    if (goes_on_after(p, start, end))
        return 1;
    size_t i = open;
    while (i > sent_start && nb_ascii_is_space((unsigned char)p[i - 1]))
        i--;
    uint32_t first = 0;
    for (size_t j = start; j < end; j++) {
        uint32_t c = nb_char_at(p, end, j, NULL);
        if (nb_char_is_word(c)) {
            first = c;
            break;
        }
    }
    if (i <= sent_start)
        return after_open_quote(p, i) && nb_char_is_lower(first);
    uint32_t prev = nb_char_before(p, i, NULL);
    if (prev == ':' || prev == '.' || prev == '!' || prev == '?' || prev == 0x2026)
        return 0;
    if (after_that(p, sent_start, i))
        return 1; /* said that "We will win.": a sentence, but in reported speech */
    if (nb_char_is_word(prev) && after_np_opener(p, sent_start, i))
        return 1; /* the "Washington cartel": a noun phrase of the sentence */
    if (prev == ',' || prev == 0x2014 || prev == 0x2013 || nb_char_is_letter(prev)) {
        if (nb_char_is_upper(first) || nb_char_is_digit(first))
            return 0;
        /* she said, "we will win.": a sentence of hers, whatever its case */
        return !(after_saying(p, sent_start, i) && ends_sentence(p, start, end));
    }
    return 1;
}

int nb_quotes_is_embedded(const char *p, size_t from, size_t open)
{
    size_t i = open;
    while (i > from && nb_ascii_is_space((unsigned char)p[i - 1]))
        i--;
    if (i <= from)
        return 0;
    uint32_t prev = nb_char_before(p, i, NULL);
    return nb_char_is_word(prev) || prev == ',';
}

static int letters_in(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (nb_ascii_is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC3)
            return 1;
    return 0;
}

nb_status nb_quotes_finish_quote(struct nb_quotes_pass *st, const char *p, size_t para,
                                 const struct nb_quotes_speaker *before,
                                 const struct nb_quotes_speaker *after, int partial, int embedded,
                                 size_t sentence, int alone, int may_continue, int merge_ok,
                                 struct nb_error *err)
{
    struct nb_quote q;
    memset(&q, 0, sizeof(q));
    struct nb_buf *t = &st->text;
    while (t->len && (t->data[t->len - 1] == ',' || t->data[t->len - 1] == ' '))
        nb_buf_truncate(t, t->len - 1);
    if (t->len == 0 || !letters_in(t->data, t->len))
        return NB_OK;
    const struct nb_quotes_speaker *sp = NULL;
    if (partial) {
        sp = before->verb ? before : after->verb ? after : NULL;
        if (!sp || nb_quotes_title_like(t->data, t->len))
            return NB_OK; /* a scare quote or a title, no one's words */
    } else {
        if (before->verb && before->kind != NB_QUOTES_SP_NONE && !before->part)
            sp = before;
        if (after->verb && after->kind != NB_QUOTES_SP_NONE && (!sp || !before->verb))
            sp = after;
        if (!sp && before->verb && before->kind != NB_QUOTES_SP_NONE)
            sp = before;
        if ((embedded || (!sp && !alone)) && nb_quotes_title_like(t->data, t->len))
            return NB_OK; /* on "Face the Nation", "Morning Joe" said */
        if (embedded && !sp && !before->verb)
            return NB_OK; /* posters reading "Save our park": a slogan */
    }
    /* "...," she said, "...": one quote with the attribution in the middle */
    if (merge_ok && st->out.n && !after->verb) {
        struct nb_quote *prev = &st->out.v[st->out.n - 1];
        struct nb_buf m;
        nb_buf_init(&m, 0);
        /* "We won," she said. "It was close." reads "We won. It was close." */
        size_t pl = strlen(prev->text);
        int ended = pl && strchr(".!?", prev->text[pl - 1]) != NULL;
        const char *glue = ended                                                    ? " "
                           : nb_char_is_upper(nb_char_at(t->data, t->len, 0, NULL)) ? ". "
                                                                                    : ", ";
        if (nb_buf_adds(&m, prev->text) != NB_OK || nb_buf_adds(&m, glue) != NB_OK ||
            nb_buf_add(&m, t->data, t->len) != NB_OK) {
            nb_buf_release(&m);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        free(prev->text);
        prev->text = nb_buf_detach(&m, NULL);
        nb_buf_reset(t);
        if (!prev->text)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        return NB_OK;
    }
    if (sp && nb_quotes_resolve(&st->mem, p, para, sp, &q) != NB_OK)
        goto nomem;
    int same_para = st->mem.have_last && st->mem.last_para == para && !embedded;
    /* carried over while the text stays with the speaker: the next
     * paragraph, or further while they are named again; never once another
     * person has become the subject */
    if (!sp && !partial && st->mem.have_last &&
        ((may_continue && (para <= st->mem.last_para + 1 || st->last_ended_colon ||
                           nb_quotes_mem_stays(&st->mem, para))) ||
         same_para) &&
        !nb_quotes_mem_moved_on(&st->mem, para)) {
        /* a quoted paragraph without attribution, or a quoted sentence
         * after an attributed one in the same paragraph ("...," said Ola
         * Berg, a minister who ... . "..."): the same voice goes on */
        if (!(q.speaker = nb_strdup(st->mem.last_speaker)))
            goto nomem;
        if (st->mem.last_role && !(q.role = nb_strdup(st->mem.last_role)))
            goto nomem;
    } else if (!sp && !partial && may_continue && st->mem.have_last &&
               para <= st->mem.last_para + 2) {
        /* the article moved on to someone who now speaks */
        const struct nb_quotes_entity *f = nb_quotes_mem_moved_on(&st->mem, para);
        if (f && f->evidence && f->para + 1 >= para) {
            if (!(q.speaker = nb_strndup(f->name, f->len)))
                goto nomem;
            if (f->role && !(q.role = nb_strndup(f->role, f->role_len)))
                goto nomem;
        }
    }
    q.partial = partial;
    q.sentence = sentence;
    q.text = nb_buf_detach(t, NULL);
    if (!q.text)
        goto nomem;
    if (q.speaker && nb_quotes_remember_speaker(&st->mem, &q, para) != NB_OK)
        goto nomem;
    if (add_quote(st, &q) != NB_OK)
        goto nomem;
    return NB_OK;
nomem:
    nb_quotes_quote_release(&q);
    nb_buf_reset(t);
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}
