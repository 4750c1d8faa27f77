/* script_build.c - the bulletin built from summaries: intro, headlines,
 * transitions, stories, quotes and their attribution, recap and outro. */
#include "script/script_build.h"

#include "script/date.h"
#include "script/quotation.h"
#include "script/script.h"
#include "script/script_internal.h"
#include "script/transitions.h"
#include "spoken/normalise.h"
#include "summary/wordset.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words a title may start with that already do the job of "the". */
static const char *const title_determiners[] = {
    "the", "a", "an", "your", "our", "my", "this",
};

/* Speakers that are pronouns: the quote is attributed after it. */
static const char *const pronouns[] = {"he", "she", "they", "it", "we", "i", "you"};

/* s starts with `word` (lower case; s in any case) followed by `next`. */
static int word_then(const char *s, const char *word, char next)
{
    size_t i = 0;
    for (; word[i]; i++)
        if (nb_ascii_lower((unsigned char)s[i]) != (unsigned char)word[i])
            return 0;
    return s[i] == next;
}

static int starts_with_word(const char *s, const char *word)
{
    return word_then(s, word, ' ');
}

static int is_word(const char *s, const char *word)
{
    return word_then(s, word, '\0');
}

const char *nb_script_greeting(int has_time, int hour)
{
    if (!has_time)
        return "Hello";
    if (hour >= 4 && hour < 12)
        return "Good morning";
    if (hour >= 12 && hour < 18)
        return "Good afternoon";
    return "Good evening";
}

const char *nb_script_time_of_day(int has_time, int hour)
{
    if (!has_time)
        return "day";
    if (hour >= 4 && hour < 12)
        return "morning";
    if (hour >= 12 && hour < 18)
        return "afternoon";
    return "evening";
}

/* "the Morning Briefing", "The World Tonight", "your Daily Digest" or,
 * without a title, "the news": the name as it sits in a sentence. */
static nb_status add_programme(struct nb_buf *out, const char *title)
{
    size_t mark = out->len;
    if (title && nb_text_collapse_space(title, strlen(title), out) != NB_OK)
        return NB_ENOMEM;
    /* "Morning Briefing." would end the intro's sentence too early */
    size_t n = out->len;
    while (n > mark && strchr(".,;:!?", out->data[n - 1]))
        n--;
    nb_buf_truncate(out, n);
    if (out->len == mark)
        return nb_buf_adds(out, "the news");
    const char *name = out->data + mark;
    for (size_t i = 0; i < sizeof(title_determiners) / sizeof(title_determiners[0]); i++)
        if (starts_with_word(name, title_determiners[i]))
            return NB_OK;
    char *copy = nb_strdup(name);
    if (!copy)
        return NB_ENOMEM;
    nb_buf_truncate(out, mark);
    nb_status rc = nb_buf_adds(out, "the ");
    if (rc == NB_OK)
        rc = nb_buf_adds(out, copy);
    free(copy);
    return rc;
}

/* What the templates' placeholders stand for in this bulletin. */
struct bulletin_words {
    struct nb_buf date; /* spoken */
    struct nb_template_vars vars;
};

/* "Good morning. This is the Morning Briefing for Saturday the 28th of
 * November." */
static nb_status intro_text(const struct nb_script_input *in, const struct bulletin_words *w,
                            struct nb_buf *out)
{
    if (in->intro)
        return nb_template_expand(in->intro, &w->vars, out);
    int named = in->title && not_blank(in->title);
    if (nb_buf_adds(out, nb_script_greeting(in->has_time, in->hour)) != NB_OK ||
        nb_buf_adds(out, named ? ". This is " : ". Here is ") != NB_OK ||
        add_programme(out, in->title) != NB_OK || nb_buf_adds(out, " for ") != NB_OK ||
        nb_buf_adds(out, w->date.data) != NB_OK)
        return NB_ENOMEM;
    return nb_buf_addc(out, '.');
}

/* "That's the Morning Briefing for Saturday the 28th of November. Thanks
 * for listening." */
static nb_status outro_text(const struct nb_script_input *in, const struct bulletin_words *w,
                            struct nb_buf *out)
{
    if (in->outro)
        return nb_template_expand(in->outro, &w->vars, out);
    if (nb_buf_adds(out, "That's ") != NB_OK || add_programme(out, in->title) != NB_OK ||
        nb_buf_adds(out, " for ") != NB_OK || nb_buf_adds(out, w->date.data) != NB_OK)
        return NB_ENOMEM;
    return nb_buf_adds(out, ". Thanks for listening.");
}

/* The lead sentences joined with a space; an empty buffer when the lead
 * says nothing.  NB_EINTERNAL when the summary is broken (a lead index
 * past its article's sentences), NB_ENOMEM. */
static nb_status story_text(const struct nb_summary *sum, struct nb_buf *out, struct nb_error *err)
{
    const struct nb_article *a = sum->article;
    for (size_t i = 0; i < sum->nlead; i++) {
        if (!a || sum->lead[i] >= a->sentences.n)
            return nb_error_set(err, NB_EINTERNAL, "a story's lead sentence is out of range");
        const char *sentence = nb_summary_lead(sum, i);
        size_t mark = out->len;
        size_t before = out->len + (out->len > 0);
        /* quoted words worded so that a listener hears them as a quote */
        struct nb_buf one;
        nb_buf_init(&one, 0);
        nb_status rc = nb_text_collapse_space(sentence, strlen(sentence), &one);
        if (rc == NB_OK && one.len && (out->len && nb_buf_addc(out, ' ') != NB_OK))
            rc = NB_ENOMEM;
        if (rc == NB_OK && one.len)
            rc = nb_quotation_sentence(one.data, out);
        nb_buf_release(&one);
        if (rc != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if (out->len == before)
            nb_buf_truncate(out, mark);
    }
    return NB_OK;
}

/* nb_script_stories_read(); with `leads` not NULL, each story's lead text
 * (story_text()) is also appended to *leads, story i's at
 * leads->data[lead_at[i]..lead_at[i + 1]) (lead_at: nstories + 1 entries),
 * for the script to read without making it again. */
static nb_status stories_read(const struct nb_script_input *in, unsigned char *keep, size_t *nread,
                              struct nb_buf *leads, size_t *lead_at, struct nb_error *err)
{
    /* each lead's words are read once; a story is compared only with the
     * stories read before it that share one of its rarest words (the same
     * answer as comparing it with each: summary/wordset.h) */
    struct nb_wordset_index read;
    struct nb_wordset words;
    struct nb_buf lead;
    nb_wordset_index_init(&read, NB_SCRIPT_DUPLICATE);
    nb_wordset_init(&words);
    nb_buf_init(&lead, 0);
    nb_status rc = NB_OK;
    *nread = 0;
    for (size_t i = 0; i < in->nstories && rc == NB_OK; i++) {
        nb_buf_reset(&lead);
        rc = story_text(&in->stories[i], &lead, err);
        if (rc != NB_OK)
            break;
        if (leads) {
            lead_at[i] = leads->len;
            if (nb_buf_add(leads, lead.data, lead.len) != NB_OK) {
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
                break;
            }
            lead_at[i + 1] = leads->len;
        }
        keep[i] = lead.len > 0;
        if (!keep[i])
            continue;
        int dup = 0;
        if (nb_wordset_make(&words, lead.data) != NB_OK ||
            (!(dup = nb_wordset_index_has_alike(&read, &words)) &&
             nb_wordset_index_add(&read, &words) != NB_OK))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_wordset_release(&words);
        keep[i] = !dup;
        *nread += keep[i];
    }
    nb_buf_release(&lead);
    nb_wordset_index_release(&read);
    if (rc == NB_OK && *nread == 0)
        rc = nb_error_set(err, NB_EINPUT, "no story to read: every article's lead is empty");
    return rc;
}

nb_status nb_script_stories_read(const struct nb_script_input *in, unsigned char *keep,
                                 size_t *nread, struct nb_error *err)
{
    return stories_read(in, keep, nread, NULL, NULL, err);
}

/* Appends s with its first letter in capitals. */
static nb_status add_capitalised(struct nb_buf *out, const char *s)
{
    size_t mark = out->len;
    if (nb_text_collapse_space(s, strlen(s), out) != NB_OK)
        return NB_ENOMEM;
    if (out->len > mark && nb_ascii_is_lower((unsigned char)out->data[mark]))
        out->data[mark] = (char)(out->data[mark] - 'a' + 'A');
    return NB_OK;
}

/* The quote's words, whitespace collapsed, ends trimmed, with a final full
 * stop (`comma`: a comma instead, for "..., he said.") unless it ends with
 * ? or !. */
static nb_status add_quote_words(struct nb_buf *out, const char *text, int comma)
{
    size_t mark = out->len;
    if (nb_text_collapse_space(text, strlen(text), out) != NB_OK)
        return NB_ENOMEM;
    size_t n = out->len;
    while (n > mark && strchr(" ,;:", out->data[n - 1]))
        n--;
    nb_buf_truncate(out, n);
    char last = n > mark ? out->data[n - 1] : 0;
    if (last == '?' || last == '!')
        return NB_OK;
    if (last == '.') {
        if (!comma || (n - mark >= 3 && memcmp(out->data + n - 3, "...", 3) == 0))
            return NB_OK;
        nb_buf_truncate(out, n - 1);
    }
    return nb_buf_addc(out, comma ? ',' : '.');
}

static int is_pronoun(const char *speaker)
{
    for (size_t i = 0; i < sizeof(pronouns) / sizeof(pronouns[0]); i++)
        if (is_word(speaker, pronouns[i]))
            return 1;
    return 0;
}

/* "Norway's foreign minister, Ola Berg, said:" or "Ola Berg, a farmer,
 * said:" or "Ola Berg said:" */
/* Roles that follow the name without commas: "of the Lyon Institute". */
static int is_affiliation(const char *role)
{
    static const char *const words[] = {"of", "from", "at", "for", "with", "in"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (starts_with_word(role, words[i]))
            return 1;
    return 0;
}

/* A one-word role is a title before the name: "Councillor Euan Reid". */
static int is_title_role(const char *role)
{
    while (*role && nb_ascii_is_space((unsigned char)*role))
        role++;
    const char *p = role;
    while (*p && !nb_ascii_is_space((unsigned char)*p))
        p++;
    while (*p && nb_ascii_is_space((unsigned char)*p))
        p++;
    return *role && !*p;
}

/* "ROLE, NAME, said:", "NAME, a ROLE, said:", "NAME of ORG said:" or
 * "TITLE NAME said:". */
static nb_status add_attribution(struct nb_buf *out, const struct nb_quote *q)
{
    const char *role = q->role && not_blank(q->role) ? q->role : NULL;
    const char *first = role, *second = q->speaker, *between = ", ", *after = ",";
    if (!role) {
        first = q->speaker;
        second = NULL;
    } else if (starts_with_word(role, "a") || starts_with_word(role, "an")) {
        first = q->speaker;
        second = role;
    } else if (is_affiliation(role)) {
        first = q->speaker;
        second = role;
        between = " ";
        after = "";
    } else if (is_title_role(role)) {
        between = " ";
        after = "";
    }
    if (add_capitalised(out, first) != NB_OK)
        return NB_ENOMEM;
    if (second && (nb_buf_adds(out, between) != NB_OK ||
                   nb_text_collapse_space(second, strlen(second), out) != NB_OK ||
                   nb_buf_adds(out, after) != NB_OK))
        return NB_ENOMEM;
    return nb_buf_adds(out, " said:");
}

nb_status nb_script_quote_text(const struct nb_quote *q, int split, struct nb_buf *lead_in,
                               struct nb_buf *quote)
{
    static const char open[] = "\xE2\x80\x9C", close[] = "\xE2\x80\x9D";
    int pronoun = is_pronoun(q->speaker);
    if (split) {
        if (add_attribution(lead_in, q) != NB_OK || add_quote_words(quote, q->text, 0) != NB_OK)
            return NB_ENOMEM;
        return NB_OK;
    }
    if (pronoun) {
        /* “We will not give up,” he said. */
        const char *s = q->speaker;
        if (nb_buf_adds(quote, open) != NB_OK || add_quote_words(quote, q->text, 1) != NB_OK ||
            nb_buf_adds(quote, close) != NB_OK || nb_buf_addc(quote, ' ') != NB_OK)
            return NB_ENOMEM;
        size_t mark = quote->len;
        if (nb_text_collapse_space(s, strlen(s), quote) != NB_OK)
            return NB_ENOMEM;
        if (nb_ascii_is_upper((unsigned char)quote->data[mark]) && !is_word(s, "i"))
            quote->data[mark] = (char)(quote->data[mark] - 'A' + 'a');
        return nb_buf_adds(quote, " said.");
    }
    if (add_attribution(quote, q) != NB_OK || nb_buf_addc(quote, ' ') != NB_OK ||
        nb_buf_adds(quote, open) != NB_OK || add_quote_words(quote, q->text, 0) != NB_OK)
        return NB_ENOMEM;
    return nb_buf_adds(quote, close);
}

/* Adds the segment, its spoken form made with `sports` (the story's: one
 * reading of "2-0" in all of it). */
static nb_status add_story_built(struct nb_script *s, const struct nb_script_input *in,
                                 enum nb_segment_kind kind, unsigned story, const char *voice,
                                 struct nb_buf *text, int sports, struct nb_error *err)
{
    struct nb_normaliser norm = {
        .language = in->language, .lexicon = in->lexicon, .sports = sports};
    nb_status rc = nb_script_add_ex(s, kind, story, voice, text->data, NULL, &norm, err);
    nb_buf_reset(text);
    return rc;
}

static nb_status add_built(struct nb_script *s, const struct nb_script_input *in,
                           enum nb_segment_kind kind, unsigned story, const char *voice,
                           struct nb_buf *text, struct nb_error *err)
{
    return add_story_built(s, in, kind, story, voice, text, 0, err);
}

/* 1 when the story (its headline, lead sentences or quotes) is about sport:
 * a "2-0" in a quote is then the score the lead reads as "two nil". */
static int story_is_sports(const struct nb_script_input *in, const struct nb_summary *sum)
{
    const struct nb_article *a = sum->article;
    if (a->headline && nb_normalise_sports(a->headline, strlen(a->headline), in->language))
        return 1;
    for (size_t i = 0; i < sum->nlead; i++) {
        const char *l = nb_summary_lead(sum, i);
        if (nb_normalise_sports(l, strlen(l), in->language))
            return 1;
    }
    for (size_t k = 0; k < sum->nquotes; k++)
        if (sum->quotes[k] < a->nquotes && a->quotes[sum->quotes[k]].text &&
            nb_normalise_sports(a->quotes[sum->quotes[k]].text,
                                strlen(a->quotes[sum->quotes[k]].text), in->language))
            return 1;
    return 0;
}

static nb_status plain_words(const char *s, struct nb_buf *out);

/* The headline as it is said: a quote it opens or closes with moved after
 * the rest and attributed to whoever the article says spoke it
 * (quotation.h).  Into out (reset first). */
static nb_status spoken_headline(const struct nb_article *a, struct nb_buf *out)
{
    nb_buf_reset(out);
    const char *h = a->headline;
    size_t start, len;
    if (!h || !nb_quotation_headline_quote(h, &start, &len))
        return h ? nb_buf_adds(out, h) : NB_OK;
    char *words = nb_strndup(h + start, len);
    if (!words)
        return NB_ENOMEM;
    struct nb_buf hq, aq;
    nb_buf_init(&hq, 0);
    nb_buf_init(&aq, 0);
    const char *speaker = NULL;
    nb_status rc = plain_words(words, &hq);
    for (size_t k = 0; rc == NB_OK && !speaker && hq.len > 1 && k < a->nquotes; k++) {
        const struct nb_quote *q = &a->quotes[k];
        if (!q->text || !q->speaker || is_pronoun(q->speaker) || (rc = plain_words(q->text, &aq)))
            continue;
        if (strstr(aq.data, hq.data))
            speaker = q->speaker_id && q->speaker_id <= a->nspeakers &&
                              a->speakers[q->speaker_id - 1].name
                          ? a->speakers[q->speaker_id - 1].name
                          : q->speaker;
    }
    if (rc == NB_OK)
        rc = nb_quotation_headline(h, speaker, out);
    nb_buf_release(&hq);
    nb_buf_release(&aq);
    free(words);
    return rc;
}

/* "First, the headlines. Storm Bert brings flooding. ..." - every story's
 * headline, or only the first `most` (the recap: the main stories again,
 * short). */
static nb_status headlines_text(const struct nb_script_input *in, const unsigned char *keep,
                                const char *lead_in, const struct bulletin_words *w, size_t most,
                                struct nb_buf *out)
{
    if (nb_template_expand(lead_in, &w->vars, out) != NB_OK)
        return NB_ENOMEM;
    size_t said = 0;
    struct nb_buf h;
    nb_buf_init(&h, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; i < in->nstories && said < most && rc == NB_OK; i++) {
        const struct nb_article *a = in->stories[i].article;
        if (!keep[i] || !a->headline || !not_blank(a->headline))
            continue;
        said++;
        if (spoken_headline(a, &h) != NB_OK || (out->len && nb_buf_addc(out, ' ') != NB_OK) ||
            nb_transition_headline(h.data, out) != NB_OK)
            rc = NB_ENOMEM;
    }
    nb_buf_release(&h);
    return rc;
}

/* The words of s in lower case, letters and digits only, one space
 * between, into out (reset first). */
static nb_status plain_words(const char *s, struct nb_buf *out)
{
    nb_buf_reset(out);
    /* a byte out for each byte in at most (a space stands for at least
     * one byte left out), and the final NUL: room made once */
    size_t n = strlen(s);
    if (nb_buf_grow(out, n + 1) != NB_OK)
        return NB_ENOMEM;
    char *d = out->data;
    size_t len = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (nb_ascii_is_alnum(c) || c >= 0x80) {
            if (gap && len)
                d[len++] = ' ';
            d[len++] = (char)nb_ascii_lower(c);
            gap = 0;
        } else if (c != '\'' && c != '-') {
            gap = 1;
        }
    }
    d[len++] = '\0';
    d[len] = '\0';
    out->len = len;
    return NB_OK;
}

/* 1 when a lead sentence of the story already holds the quote's words
 * (the lead quotes them), so reading the quote too would say it twice. */
static int said_in_lead(const struct nb_summary *sum, const char *quote)
{
    struct nb_buf q, l;
    nb_buf_init(&q, 0);
    nb_buf_init(&l, 0);
    int found = 0;
    if (plain_words(quote, &q) == NB_OK && q.len > 1) {
        for (size_t i = 0; i < sum->nlead && !found; i++)
            found = plain_words(nb_summary_lead(sum, i), &l) == NB_OK && strstr(l.data, q.data);
    }
    nb_buf_release(&q);
    nb_buf_release(&l);
    return found;
}

/* 1 when text holds name as whole words: "Ola Berg" in "... Ola Berg
 * said ...", not "Berg" in "Bergen". */
static int names_whole(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *h = strstr(text, name); n && h; h = strstr(h + 1, name))
        if ((h == text || !nb_ascii_is_alnum((unsigned char)h[-1])) &&
            !nb_ascii_is_alnum((unsigned char)h[n]))
            return 1;
    return 0;
}

/* 1 when the summary's quote q is read: a whole quote with a speaker
 * (see summary.h) that the lead has not read already (nothing said
 * twice). */
static int quote_read(const struct nb_summary *sum, const struct nb_quote *q)
{
    if (q->partial || !q->speaker || !not_blank(q->speaker) || !q->text || !not_blank(q->text))
        return 0;
    return !said_in_lead(sum, q->text);
}

/* The people quoted in the bulletin and the voice each is read in. */
struct quoted_people {
    struct nb_strv keys; /* who: the fullest name, lower case */
    enum nb_voice_kind *kinds;
    size_t *voice; /* nb_voice_pool_name() numbers */
    size_t *order; /* speakers of the quotes in reading order */
    size_t norder, alloc;
    unsigned char *reads; /* for each quote of each story kept, in order:
                             quote_read(), asked once (it reads the lead
                             again), then read by add_quotes() */
};

static void quoted_people_release(struct quoted_people *qp)
{
    nb_strv_release(&qp->keys);
    free(qp->kinds);
    free(qp->voice);
    free(qp->order);
    free(qp->reads);
}

/* Who speaks quote q of story `story`, as one key for the whole bulletin:
 * the article's fullest name for them ("ola berg" in every story), or for
 * an unnamed "he" the pronoun and the story (two unnamed men in two
 * stories are two people). */
static nb_status speaker_key(const struct nb_article *a, const struct nb_quote *q, unsigned story,
                             struct nb_buf *out, enum nb_voice_kind *kind)
{
    const struct nb_speaker *sp =
        q->speaker_id && q->speaker_id <= a->nspeakers ? &a->speakers[q->speaker_id - 1] : NULL;
    const char *name = sp && sp->name ? sp->name : q->speaker;
    int pronoun = sp ? sp->pronoun : NB_PRONOUN_NONE;
    if (pronoun == NB_PRONOUN_NONE && is_word(q->speaker, "he"))
        pronoun = NB_PRONOUN_HE;
    if (pronoun == NB_PRONOUN_NONE && is_word(q->speaker, "she"))
        pronoun = NB_PRONOUN_SHE;
    *kind = pronoun == NB_PRONOUN_SHE  ? NB_VOICE_FEMALE
            : pronoun == NB_PRONOUN_HE ? NB_VOICE_MALE
                                       : NB_VOICE_EITHER;
    nb_buf_reset(out);
    if (is_pronoun(name) && nb_buf_addf(out, "#%u ", story) != NB_OK)
        return NB_ENOMEM;
    size_t mark = out->len;
    if (nb_text_collapse_space(name, strlen(name), out) != NB_OK)
        return NB_ENOMEM;
    for (size_t i = mark; i < out->len; i++)
        out->data[i] = (char)nb_ascii_lower((unsigned char)out->data[i]);
    return NB_OK;
}

static nb_status note_speaker(struct quoted_people *qp, const char *key, enum nb_voice_kind kind)
{
    size_t i = 0;
    while (i < qp->keys.n && strcmp(qp->keys.v[i], key) != 0)
        i++;
    if (i == qp->keys.n) {
        enum nb_voice_kind *k = realloc(qp->kinds, (i + 1) * sizeof(*k));
        if (!k)
            return NB_ENOMEM;
        qp->kinds = k;
        if (nb_strv_pushs(&qp->keys, key) != NB_OK)
            return NB_ENOMEM;
        qp->kinds[i] = kind;
    } else if (qp->kinds[i] == NB_VOICE_EITHER) {
        qp->kinds[i] = kind; /* a later story may say "she" */
    }
    if (qp->norder == qp->alloc) {
        size_t n = qp->alloc ? 2 * qp->alloc : 16;
        size_t *o = realloc(qp->order, n * sizeof(*o));
        if (!o)
            return NB_ENOMEM;
        qp->order = o;
        qp->alloc = n;
    }
    qp->order[qp->norder++] = i;
    return NB_OK;
}

/* Finds every person whose quote is read, in order, and gives each a voice
 * from in->quote_voices. */
static nb_status cast_voices(const struct nb_script_input *in, const unsigned char *keep,
                             struct quoted_people *qp, struct nb_error *err)
{
    size_t nquotes = 0;
    for (size_t i = 0; i < in->nstories; i++)
        nquotes += keep[i] ? in->stories[i].nquotes : 0;
    if (!(qp->reads = calloc(nquotes ? nquotes : 1, 1)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct nb_buf key;
    nb_buf_init(&key, 0);
    nb_status rc = NB_OK;
    unsigned story = 0;
    size_t at = 0;
    for (size_t i = 0; i < in->nstories && rc == NB_OK; i++) {
        if (!keep[i])
            continue;
        story++;
        const struct nb_summary *sum = &in->stories[i];
        const struct nb_article *a = sum->article;
        unsigned char *reads = qp->reads + at;
        at += sum->nquotes;
        for (size_t k = 0; k < sum->nquotes && rc == NB_OK; k++) {
            if (sum->quotes[k] >= a->nquotes ||
                !(reads[k] = (unsigned char)quote_read(sum, &a->quotes[sum->quotes[k]])))
                continue;
            enum nb_voice_kind kind;
            if (speaker_key(a, &a->quotes[sum->quotes[k]], story, &key, &kind) != NB_OK ||
                note_speaker(qp, key.data, kind) != NB_OK)
                rc = NB_ENOMEM;
        }
    }
    nb_buf_release(&key);
    if (rc == NB_OK && qp->keys.n && !(qp->voice = calloc(qp->keys.n, sizeof(*qp->voice))))
        rc = NB_ENOMEM;
    if (rc == NB_OK)
        rc = nb_speaker_voices_assign(&in->quote_voices, qp->kinds, qp->keys.n, qp->order,
                                      qp->norder, qp->voice, err);
    return rc == NB_ENOMEM ? nb_error_set(err, NB_ENOMEM, "out of memory") : rc;
}

/* Who speaks quote q, as a transcript names them: the article's fullest
 * name for them; NULL for an unnamed "he". */
static const char *speaker_name(const struct nb_article *a, const struct nb_quote *q)
{
    if (q->speaker_id && q->speaker_id <= a->nspeakers && a->speakers[q->speaker_id - 1].name)
        return a->speakers[q->speaker_id - 1].name;
    return q->speaker && !is_pronoun(q->speaker) ? q->speaker : NULL;
}

/* The voice that reads quote q: its speaker's, else the quote voice. */
static const char *quote_voice_of(const struct nb_script_input *in, const struct quoted_people *qp,
                                  const struct nb_article *a, const struct nb_quote *q,
                                  unsigned story, struct nb_buf *key)
{
    const char *fallback = in->quote_voice ? in->quote_voice : in->voice;
    enum nb_voice_kind kind;
    if (!qp || speaker_key(a, q, story, key, &kind) != NB_OK)
        return fallback;
    for (size_t i = 0; i < qp->keys.n; i++)
        if (strcmp(qp->keys.v[i], key->data) == 0) {
            const char *v = nb_voice_pool_name(&in->quote_voices, qp->voice[i]);
            return v ? v : fallback;
        }
    return fallback;
}

/* reads[k]: whether the story's quote k is read (cast_voices() asked). */
static nb_status add_quotes(struct nb_script *s, const struct nb_script_input *in,
                            const struct quoted_people *qp, const struct nb_summary *sum,
                            const unsigned char *reads, unsigned story, struct nb_buf *lead,
                            struct nb_buf *text, int sports, struct nb_error *err)
{
    const struct nb_article *a = sum->article;
    int pool = in->quote_voices.nfemale + in->quote_voices.nmale > 0;
    int split = pool || (in->quote_voice && strcmp(in->quote_voice, in->voice) != 0);
    struct nb_buf key;
    nb_buf_init(&key, 0);
    for (size_t k = 0; k < sum->nquotes; k++) {
        if (sum->quotes[k] >= a->nquotes) {
            nb_buf_release(&key);
            return nb_error_set(err, NB_EINTERNAL, "story %u: quote out of range", story);
        }
        const struct nb_quote *q = &a->quotes[sum->quotes[k]];
        if (!reads[k])
            continue; /* never read (summary.h), or read by the lead already */
        const char *qvoice = quote_voice_of(in, pool ? qp : NULL, a, q, story, &key);
        struct nb_buf lead_in;
        nb_buf_init(&lead_in, 0);
        /* the lead has just named the speaker: not the whole name and role
         * again, but the name the article uses on its own ("Berg said:") */
        struct nb_quote shortq = *q;
        if (lead->len && names_whole(lead->data, q->speaker)) {
            shortq.role = NULL;
            if (q->speaker_id && q->speaker_id <= a->nspeakers &&
                a->speakers[q->speaker_id - 1].short_name)
                shortq.speaker = a->speakers[q->speaker_id - 1].short_name;
        }
        if (nb_script_quote_text(&shortq, split, &lead_in, text) != NB_OK ||
            (lead_in.len && ((lead->len && nb_buf_addc(lead, ' ') != NB_OK) ||
                             nb_buf_add(lead, lead_in.data, lead_in.len) != NB_OK))) {
            nb_buf_release(&lead_in);
            nb_buf_release(&key);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        nb_buf_release(&lead_in);
        /* the lead (with the attribution) goes first, the quote after it */
        nb_status rc = NB_OK;
        if (lead->len)
            rc = add_story_built(s, in, NB_SEG_STORY, story, in->voice, lead, sports, err);
        if (rc == NB_OK)
            rc = add_story_built(s, in, NB_SEG_QUOTE, story, qvoice, text, sports, err);
        if (rc == NB_OK)
            rc = nb_script_set_speaker(s, s->n - 1, speaker_name(a, q), err);
        if (rc != NB_OK) {
            nb_buf_release(&key);
            return rc;
        }
    }
    nb_buf_release(&key);
    return NB_OK;
}

static nb_status check_input(const struct nb_script_input *in, struct nb_error *err)
{
    if (!nb_date_valid(in->year, in->month, in->day))
        return nb_error_set(err, NB_EINPUT,
                            "the bulletin's date '%04d-%02d-%02d' is not a real date", in->year,
                            in->month, in->day);
    if (in->has_time && (in->hour < 0 || in->hour > 23 || in->minute < 0 || in->minute > 59))
        return nb_error_set(err, NB_EINPUT, "the bulletin's time '%02d:%02d' is not a time of day",
                            in->hour, in->minute);
    const char *voices[2] = {in->voice, in->quote_voice};
    for (size_t i = 0; i < 2; i++)
        if ((i == 0 || voices[i]) && !voice_ok(voices[i]))
            return nb_error_set(err, NB_EINPUT,
                                "voice name '%s' cannot be used in a script (it must be one word "
                                "without brackets)",
                                voices[i] ? voices[i] : "");
    const struct nb_voice_pool *pool = &in->quote_voices;
    for (size_t i = 0; i < pool->nfemale + pool->nmale; i++)
        if (!voice_ok(nb_voice_pool_name(pool, i)))
            return nb_error_set(err, NB_EINPUT,
                                "voice name '%s' cannot be used in a script (it must be one word "
                                "without brackets)",
                                nb_voice_pool_name(pool, i) ? nb_voice_pool_name(pool, i) : "");
    if (in->nstories && !in->stories)
        return nb_error_set(err, NB_EINTERNAL, "script input has stories but no summaries");
    const struct nb_transition_bank *bank = in->transitions;
    if (!bank || !bank->n[NB_TRANSITION_FIRST] || !bank->n[NB_TRANSITION_MIDDLE] ||
        !bank->n[NB_TRANSITION_LAST])
        return nb_error_set(err, NB_EINTERNAL, "script input has no transitions to read");
    if ((in->headlines && !bank->headlines) || (in->recap && !bank->recap))
        return nb_error_set(err, NB_EINTERNAL, "the transition bank has no headlines wording");
    return NB_OK;
}

static nb_status build(struct nb_script *s, const struct nb_script_input *in,
                       const unsigned char *keep, size_t nread, const struct nb_buf *leads,
                       const size_t *lead_at, const struct quoted_people *qp,
                       struct bulletin_words *w, struct nb_buf *text, struct nb_error *err)
{
    nb_status rc;
    if (in->title && nb_text_collapse_space(in->title, strlen(in->title), text) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (text->len && !(s->title = nb_buf_detach(text, NULL)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_reset(text);
    if (nb_buf_addf(text, "%04d-%02d-%02d", in->year, in->month, in->day) != NB_OK ||
        !(s->date = nb_buf_detach(text, NULL)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (in->lexicon_path && !(s->lexicon = nb_strdup(in->lexicon_path)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");

    if (intro_text(in, w, text) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if ((rc = add_built(s, in, NB_SEG_INTRO, 0, in->voice, text, err)) != NB_OK)
        return rc;
    if (in->headlines) {
        if (headlines_text(in, keep, in->transitions->headlines, w, SIZE_MAX, text) != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if ((rc = add_built(s, in, NB_SEG_HEADLINES, 0, in->voice, text, err)) != NB_OK)
            return rc;
    }

    struct nb_transition_picker picker;
    nb_transition_picker_init(&picker, in->title, in->year, in->month, in->day);
    unsigned story = 0;
    size_t quotes_at = 0; /* the story's first quote in qp->reads */
    for (size_t i = 0; i < in->nstories; i++) {
        if (!keep[i])
            continue; /* nothing to read, or read already: skipped, and not counted */
        const struct nb_summary *sum = &in->stories[i];
        size_t first = s->n;
        story++;
        const unsigned char *reads = qp->reads + quotes_at;
        quotes_at += sum->nquotes;
        enum nb_transition_place place = nb_transition_place_of(story - 1, nread);
        size_t pick =
            nb_transition_pick(&picker, place, nb_transition_count(in->transitions, place));
        struct nb_template_vars vars = w->vars;
        /* the headline once: after the headlines were read, a transition is
         * only a connective ("Elsewhere in the news.") */
        struct nb_buf headline;
        nb_buf_init(&headline, 0);
        if (!in->headlines && spoken_headline(sum->article, &headline) != NB_OK) {
            nb_buf_release(&headline);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        vars.headline = in->headlines || !sum->article->headline ? NULL : headline.data;
        rc = nb_transition_write(in->transitions, place, pick, &vars, text);
        nb_buf_release(&headline);
        if (rc != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        int sports = story_is_sports(in, sum);
        if ((rc = add_story_built(s, in, NB_SEG_TRANSITION, story, in->voice, text, sports, err)) !=
            NB_OK)
            return rc;
        struct nb_buf lead; /* made by stories_read() */
        nb_buf_init(&lead, 0);
        if (lead_at[i + 1] > lead_at[i] &&
            nb_buf_add(&lead, leads->data + lead_at[i], lead_at[i + 1] - lead_at[i]) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        if (rc == NB_OK)
            rc = add_quotes(s, in, qp, sum, reads, story, &lead, text, sports, err);
        if (rc == NB_OK && lead.len)
            rc = add_story_built(s, in, NB_SEG_STORY, story, in->voice, &lead, sports, err);
        nb_buf_release(&lead);
        if (rc != NB_OK)
            return rc;
        for (size_t j = first; j < s->n; j++)
            s->segments[j].source = (unsigned)(i + 1);
    }

    if (in->recap) {
        if (headlines_text(in, keep, in->transitions->recap, w, NB_SCRIPT_RECAP_STORIES, text) !=
            NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if ((rc = add_built(s, in, NB_SEG_HEADLINES, 0, in->voice, text, err)) != NB_OK)
            return rc;
    }
    if (outro_text(in, w, text) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return add_built(s, in, NB_SEG_OUTRO, 0, in->voice, text, err);
}

nb_status nb_script_build(struct nb_script *s, const struct nb_script_input *in,
                          struct nb_error *err)
{
    nb_status rc = check_input(in, err);
    if (rc != NB_OK)
        return rc;
    unsigned char *keep = calloc(in->nstories ? in->nstories : 1, 1);
    size_t *lead_at = calloc(in->nstories + 1, sizeof(*lead_at));
    if (!keep || !lead_at) {
        free(keep);
        free(lead_at);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    struct nb_buf leads;
    nb_buf_init(&leads, 0);
    struct nb_buf text;
    struct bulletin_words w;
    nb_buf_init(&text, 0);
    nb_buf_init(&w.date, 0);
    size_t nread;
    struct quoted_people qp;
    memset(&qp, 0, sizeof(qp));
    nb_strv_init(&qp.keys);
    rc = stories_read(in, keep, &nread, &leads, lead_at, err);
    if (rc == NB_OK)
        rc = cast_voices(in, keep, &qp, err);
    if (rc == NB_OK && nb_date_spoken(in->year, in->month, in->day, in->language, &w.date) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK) {
        w.vars = (struct nb_template_vars){
            .title = in->title,
            .date = w.date.data,
            .time_of_day = nb_script_time_of_day(in->has_time, in->hour),
            .count = (size_t)nread,
        };
        rc = build(s, in, keep, (size_t)nread, &leads, lead_at, &qp, &w, &text, err);
    }
    quoted_people_release(&qp);
    nb_buf_release(&w.date);
    nb_buf_release(&text);
    nb_buf_release(&leads);
    free(lead_at);
    free(keep);
    if (rc != NB_OK)
        nb_script_release(s);
    return rc;
}
