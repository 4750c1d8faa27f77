/* cleanup.c - keeping the furniture of a web page out of the story.
 *
 * The pass works on lines, not paragraphs: an export often puts a banner
 * line and the first sentence of the story in one paragraph.  Four steps,
 * each linear in the size of the body:
 *
 *  1. every line is measured (words, capitals, final punctuation, whether it
 *     speaks to the reader) and scored against a small weighted vocabulary
 *     of page furniture, plus a few shapes that need no vocabulary at all
 *     (credits "Name/Agency", "Writing by ...", a copyright sign);
 *  2. position: the story is the stretch between its first and last prose
 *     line.  Short unpunctuated lines before it (menus, the page title,
 *     bylines) and after it (footers, tag lists) go; inside it only lines
 *     the score condemns, runs of menu-like lines and the list a "Related"
 *     heading introduces go;
 *  3. a wire dateline ("OSLO, Nov 27 (Nordwire) - ") comes off the lead;
 *  4. paragraphs broken in mid-sentence are joined again.
 *
 * Everything is conservative about prose: a punctuated line that reports
 * ("said", "according to") or does not address the reader ("you", "our")
 * is kept whatever it mentions.
 */
#include "article/cleanup.h"

#include "article/reader.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words of the furniture vocabulary.  Weights add up per line; a line's
 * shape decides how much it needs (see is_furniture()).  F_LIST marks
 * words that head a list of other stories. */
enum { F_LIST = 1 };

struct vocab {
    const char *word;
    unsigned char weight; /* tenths */
    unsigned char flags;
};

/* Sorted by strcmp: looked up with bsearch. */
static const struct vocab words[] = {
    {"about", 3, 0},         {"accept", 15, 0},       {"access", 10, 0},
    {"account", 15, 0},      {"ad", 20, 0},           {"adblock", 30, 0},
    {"adblocker", 30, 0},    {"ads", 20, 0},          {"advert", 30, 0},
    {"advertise", 30, 0},    {"advertisement", 40, 0}, {"advertising", 15, 0},
    {"alerts", 15, 0},       {"app", 15, 0},          {"apps", 15, 0},
    {"archive", 10, 0},      {"archives", 15, 0},     {"audio", 10, 0},
    {"back", 5, 0},          {"bookmark", 25, 0},     {"briefing", 10, 0},
    {"browser", 15, 0},      {"browsing", 15, 0},     {"careers", 20, 0},
    {"categories", 20, 0},   {"click", 20, 0},        {"close", 10, 0},
    {"comment", 10, 0},      {"comments", 15, 0},     {"conditions", 5, 0},
    {"consent", 20, 0},      {"contact", 10, 0},      {"continue", 5, 0},
    {"cookie", 30, 0},       {"cookies", 30, 0},      {"copy", 5, 0},
    {"copyright", 30, 0},    {"credit", 10, 0},       {"download", 15, 0},
    {"duration", 20, 0},     {"e-mail", 15, 0},       {"editor's", 10, F_LIST},
    {"email", 15, 0},        {"emails", 15, 0},       {"enable", 10, 0},
    {"experience", 5, 0},    {"explore", 10, F_LIST}, {"facebook", 20, 0},
    {"faq", 20, 0},          {"feedback", 15, 0},     {"flipboard", 25, 0},
    {"follow", 20, 0},       {"free", 5, 0},          {"gallery", 25, 0},
    {"getty", 20, 0},        {"help", 5, 0},          {"home", 15, 0},
    {"homepage", 20, 0},     {"images", 10, 0},       {"inbox", 25, 0},
    {"instagram", 20, 0},    {"javascript", 20, 0},   {"latest", 10, F_LIST},
    {"link", 10, 0},         {"linkedin", 25, 0},     {"listen", 15, 0},
    {"load", 10, 0},         {"loading", 20, 0},      {"login", 20, 0},
    {"logout", 20, 0},       {"manage", 10, 0},       {"menu", 20, 0},
    {"messenger", 15, 0},    {"more", 5, F_LIST},
    {"navigation", 20, 0},   {"newsletter", 30, 0},   {"newsletters", 30, 0},
    {"next", 10, F_LIST},    {"notifications", 15, 0}, {"offer", 10, 0},
    {"password", 20, 0},     {"permalink", 30, 0},    {"photos", 15, 0},
    {"picks", 10, F_LIST},   {"pinterest", 25, 0},    {"play", 10, 0},
    {"playing", 15, 0},      {"podcast", 15, 0},      {"podcasts", 15, 0},
    {"policy", 10, 0},       {"popular", 15, F_LIST}, {"preferences", 15, 0},
    {"premium", 15, 0},      {"previous", 15, 0},     {"print", 10, 0},
    {"privacy", 20, 0},      {"promoted", 20, 0},     {"read", 10, F_LIST},
    {"recommended", 25, F_LIST}, {"reddit", 20, 0},   {"register", 20, 0},
    {"related", 25, F_LIST}, {"replay", 15, 0},       {"reserved", 10, 0},
    {"rss", 20, 0},          {"search", 15, 0},       {"settings", 10, 0},
    {"share", 30, 0},        {"sharing", 15, 0},      {"shutterstock", 30, 0},
    {"sign", 10, 0},         {"sitemap", 30, 0},      {"skip", 20, 0},
    {"slideshow", 30, 0},    {"sponsored", 30, 0},    {"stories", 10, F_LIST},
    {"subscribe", 30, 0},    {"subscribed", 20, 0},   {"subscriber", 15, 0},
    {"subscribers", 15, 0},  {"subscription", 20, 0}, {"subscriptions", 20, 0},
    {"tags", 20, F_LIST},    {"tap", 15, 0},          {"terms", 10, 0},
    {"tiktok", 15, 0},       {"topics", 15, F_LIST},  {"trending", 25, F_LIST},
    {"trial", 15, 0},        {"tumblr", 25, 0},       {"tweet", 20, 0},
    {"twitter", 20, 0},      {"unlimited", 15, 0},    {"unsubscribe", 30, 0},
    {"updates", 10, 0},      {"video", 20, 0},        {"videos", 20, 0},
    {"watch", 15, 0},        {"website", 10, 0},      {"whatsapp", 25, 0},
    {"youtube", 15, 0},
};

/* Two-word phrases worth more than their words. */
static const struct vocab phrases[] = {
    {"about us", 20, 0},         {"all rights", 30, 0},     {"also like", 20, F_LIST},
    {"also read", 30, F_LIST},   {"contact us", 20, 0},      {"continues below", 30, 0},
    {"further reading", 30, F_LIST}, {"get the", 5, 0},     {"in pictures", 20, 0},
    {"load more", 20, 0},        {"log in", 25, 0},         {"more from", 20, F_LIST},
    {"more on", 15, F_LIST},     {"most read", 30, F_LIST}, {"most viewed", 30, F_LIST},
    {"originally appeared", 40, 0}, {"originally published", 40, 0},
    {"read more", 25, F_LIST},   {"read next", 30, F_LIST}, {"rights reserved", 30, 0},
    {"see also", 35, F_LIST},    {"sign in", 25, 0},        {"sign up", 25, 0},
    {"skip to", 20, 0},          {"story continues", 30, 0}, {"terms of", 10, 0},
    {"the app", 10, 0},          {"top stories", 25, F_LIST}, {"up next", 30, F_LIST},
    {"watch next", 30, F_LIST},  {"you may", 5, F_LIST},
};

/* First words of a prompt ("Sign up to our...", "Follow us on..."). */
static const char *const imperatives[] = {
    "accept", "allow", "become", "click", "continue", "discover", "don't", "download",
    "enable", "enjoy", "explore", "follow", "get", "join", "listen", "log", "manage",
    "read", "register", "see", "share", "sign", "start", "subscribe", "support", "tap",
    "try", "turn", "unlock", "update", "view", "watch",
};

/* Words that mark a line as reporting, not prompting: it stays. */
static const char *const reporting[] = {
    "according", "added", "admitted", "announced", "argue", "argued", "claimed", "claims",
    "explained", "found", "insisted", "noted", "reported", "said", "say", "says", "showed",
    "shows", "stated", "suggests", "tell", "told", "warn", "warned", "warns", "wrote",
};

/* Words addressing the reader. */
static const char *const address[] = {
    "our", "ours", "us", "we", "we'd", "we'll", "we're", "we've", "you", "you'd", "you'll",
    "you're", "you've", "your", "yourself",
};

/* Words a sentence broken in its middle may end with. */
static const char *const function_words[] = {
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "be",
    "because", "been", "before", "between", "but", "by", "could", "during", "for", "from",
    "had", "has", "have", "her", "his", "if", "in", "into", "is", "its", "may", "might",
    "must", "nor", "of", "on", "onto", "or", "our", "over", "shall", "should", "since", "than",
    "that", "the", "their", "then", "these", "this", "those", "through", "to", "under",
    "until", "upon", "was", "were", "when", "where", "which", "while", "who", "whom", "whose",
    "will", "with", "within", "without", "would",
};

/* Words allowed in a credit line besides names. */
static const char *const credit_words[] = {
    "additional", "and", "at", "by", "compiled", "da", "de", "del", "der", "des", "di",
    "du", "edited", "editing", "for", "from", "graphics", "in", "la", "le", "photography",
    "photos", "produced", "reporting", "research", "van", "via", "von", "writing",
};

static int cmp_key(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

#define IN_LIST(w, list) \
    (bsearch((w), (list), sizeof(list) / sizeof((list)[0]), sizeof((list)[0]), cmp_key) != NULL)

static const struct vocab *vocab_find(const char *w, const struct vocab *table, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(w, table[mid].word);
        if (c == 0)
            return &table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* ---- measuring a line ------------------------------------------------ */

#define KEY_MAX 32
#define SCORED_WORDS 60 /* lines longer than this are prose: no vocabulary */

struct line {
    size_t para;     /* index of its paragraph */
    const char *s;   /* trimmed; borrowed from the paragraph */
    size_t len;
    unsigned words;
    unsigned lower;  /* words starting with an ASCII lower-case letter */
    unsigned upper;  /* ... upper-case letter or digit */
    unsigned score;  /* vocabulary weight, tenths */
    unsigned hits;   /* vocabulary words of weight 1.5 or more, and phrases */
    unsigned terminal : 1;  /* ends a sentence: . ! ? ... (maybe inside a quote) */
    unsigned addresses : 1; /* "you", "our" */
    unsigned reports : 1;   /* "said", "according" */
    unsigned prompt : 1;    /* starts with an imperative */
    unsigned list_head : 1; /* vocabulary says "related stories" */
    unsigned quoted : 1;    /* holds quotation marks */
    unsigned marker : 1;    /* starts with a list marker */
    unsigned remove : 1;
    unsigned fixed : 1;     /* shape says furniture whatever its position */
    unsigned wrapped : 1;   /* one line of a hard-wrapped prose paragraph */
};

/* Normalised key of one word: ASCII lower-cased, surrounding punctuation
 * dropped, curly apostrophe as '.  Empty when nothing is left. */
static void word_key(const char *w, size_t n, char key[KEY_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < KEY_MAX;) {
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            key[k++] = '\'';
            i += 3;
            continue;
        }
        if (c < 0x80 && (nb_ascii_is_alnum(c) || c == '\'' || c == '-'))
            key[k++] = (char)nb_ascii_lower(c);
        else if (c >= 0x80)
            key[k++] = (char)c;
        else if (k && c != '.' && c != ',' && c != ':' && c != ';' && c != '!' && c != '?' &&
                 c != ')' && c != '"')
            key[k++] = (char)c;
        i++;
    }
    while (k && (key[k - 1] == '\'' || key[k - 1] == '-'))
        k--;
    size_t start = 0;
    while (start < k && (key[start] == '\'' || key[start] == '-'))
        start++;
    memmove(key, key + start, k - start);
    key[k - start] = '\0';
}


static int has_bytes(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

/* ASCII-case-insensitive prefix test; the prefix must end at a word end. */
static int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (nb_ascii_lower((unsigned char)s[i]) != nb_ascii_lower((unsigned char)prefix[i]))
            return 0;
    return len == n || !nb_ascii_is_alnum((unsigned char)s[n]);
}

/* Does s[0..len) contain `needle` (lower-case ASCII) in any case? */
static int has_words(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        if (i && nb_ascii_is_alnum((unsigned char)s[i - 1]))
            continue;
        if (starts_with(s + i, len - i, needle))
            return 1;
    }
    return 0;
}

static void measure(struct line *ln)
{
    char key[KEY_MAX], prev[KEY_MAX] = "";
    const char *s = ln->s;
    size_t len = ln->len;
    ln->terminal = (unsigned)nb_sentence_ends(s, len);
    ln->quoted = has_bytes(s, len, "\xe2\x80\x9c") || has_bytes(s, len, "\xe2\x80\x9d") ||
                 memchr(s, '"', len) != NULL || has_bytes(s, len, "\xc2\xab");
    unsigned char c0 = (unsigned char)s[0];
    ln->marker = (c0 == '-' || c0 == '*' || c0 == '+') && len > 1 && s[1] == ' ';
    if (!ln->marker && has_bytes(s, len < 3 ? len : 3, "\xe2\x80\xa2"))
        ln->marker = 1;
    for (size_t p = 0; p < len;) {
        while (p < len && nb_ascii_is_space((unsigned char)s[p]))
            p++;
        if (p >= len)
            break;
        size_t q = p;
        while (q < len && !nb_ascii_is_space((unsigned char)s[q]))
            q++;
        unsigned char c = (unsigned char)s[p];
        if (c == '(' || c == '"' || c == '\'')
            c = p + 1 < q ? (unsigned char)s[p + 1] : c;
        ln->words++;
        if (c < 0x80 && nb_ascii_is_lower(c))
            ln->lower++;
        else if (c < 0x80 && (nb_ascii_is_upper(c) || nb_ascii_is_digit(c)))
            ln->upper++;
        if (ln->words <= SCORED_WORDS) {
            word_key(s + p, q - p, key);
            if (key[0]) {
                const struct vocab *v = vocab_find(key, words, sizeof(words) / sizeof(words[0]));
                if (v) {
                    ln->score += v->weight;
                    ln->hits += v->weight >= 15;
                    ln->list_head |= (v->flags & F_LIST) != 0;
                }
                if (prev[0] && strlen(prev) + strlen(key) + 2 <= 2 * KEY_MAX) {
                    char pair[2 * KEY_MAX];
                    size_t a = strlen(prev), b = strlen(key);
                    memcpy(pair, prev, a);
                    pair[a] = ' ';
                    memcpy(pair + a + 1, key, b + 1);
                    v = vocab_find(pair, phrases, sizeof(phrases) / sizeof(phrases[0]));
                    if (v) {
                        ln->score += v->weight;
                        ln->hits++;
                        ln->list_head |= (v->flags & F_LIST) != 0;
                    }
                }
                if (ln->words == 1 && IN_LIST(key, imperatives))
                    ln->prompt = 1;
                if (IN_LIST(key, address))
                    ln->addresses = 1;
                if (IN_LIST(key, reporting))
                    ln->reports = 1;
                memcpy(prev, key, strlen(key) + 1);
            } else {
                prev[0] = '\0';
            }
            if (has_bytes(s + p, q - p, "\xc2\xa9"))
                ln->score += 50;
        }
        p = q;
    }
}

/* ---- shapes that need no vocabulary -------------------------------- */

/* "Picture: Getty Images", "Photograph: Jo Bloggs/Nordwire", "Image
 * caption ...", "(Photo by ...)", and a caption ending in such a credit. */
static int is_caption(const struct line *ln)
{
    static const char *const heads[] = {
        "picture", "pictures", "photo", "photos", "photograph", "photographs", "image",
        "images", "illustration", "credit", "photo credit", "image credit", "image caption",
        "media caption", "image copyright", "caption", "pictured", "main image", "top image",
        "graphic", "video", "source", "file photo", "(photo", "(picture", "(image", "[photo",
    };
    if (ln->words > 45)
        return 0;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
        size_t n = strlen(heads[i]);
        if (!starts_with(ln->s, ln->len, heads[i]) || ln->len <= n)
            continue;
        const char *r = ln->s + n;
        size_t rl = ln->len - n;
        if (r[0] == ':' || r[0] == '|' || starts_with(r + (rl > 1), rl - (rl > 1), "by") ||
            starts_with(r + (rl > 1), rl - (rl > 1), "copyright") ||
            starts_with(r + (rl > 1), rl - (rl > 1), "caption") ||
            starts_with(r + (rl > 1), rl - (rl > 1), "credit") ||
            (r[0] == ' ' && ln->words <= 12 && !ln->terminal && strncmp(heads[i], "pictured", 8) == 0))
            return heads[i][0] != 's' && heads[i][0] != 'v' && heads[i][0] != 'g'
                       ? 1
                       : r[0] == ':' && ln->words <= 12;
    }
    /* "... outside the court on Tuesday. Photograph: Jo Bloggs/Nordwire" */
    static const char *const tails[] = {"Photograph:", "Picture:", "Photo:", "Image:",
                                        "Credit:", "Photograph by", "Photo by", "Picture by",
                                        "Photo credit:", "Photos:", "Photographs:"};
    /* the credit is among the last words: from `tail` on, at most 8
     * spaces are left */
    size_t tail = ln->len;
    for (unsigned spaces = 0; tail > 0; tail--) {
        if (nb_ascii_is_space((unsigned char)ln->s[tail - 1]) && ++spaces > 8)
            break;
    }
    for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
        size_t n = strlen(tails[i]);
        for (size_t p = tail > n ? tail - n : 0; p + n <= ln->len; p++) {
            if (memcmp(ln->s + p, tails[i], n) != 0 ||
                (p && !nb_ascii_is_space((unsigned char)ln->s[p - 1]) && ln->s[p - 1] != '('))
                continue;
            return 1;
        }
    }
    return 0;
}

/* A credit "Jo Bloggs/Nordwire" or "Jo Bloggs/AFP via Getty Images": a
 * short unpunctuated line with a slash between capitalised words. */
static int is_credit(const struct line *ln)
{
    if (ln->words > 10 || ln->terminal || ln->lower > 2)
        return 0;
    for (size_t i = 1; i + 1 < ln->len; i++) {
        if (ln->s[i] != '/')
            continue;
        unsigned char a = (unsigned char)ln->s[i - 1], b = (unsigned char)ln->s[i + 1];
        if (b == ' ' && i + 2 < ln->len)
            b = (unsigned char)ln->s[i + 2];
        if (a < 0x80 && nb_ascii_is_alpha(a) && b < 0x80 && nb_ascii_is_upper(b))
            return !has_words(ln->s, ln->len, "http") && !has_words(ln->s, ln->len, "www");
    }
    return 0;
}

/* "Reporting by Jo Bloggs; Editing by Sam Hill", "(Writing by ...)",
 * "Jo Bloggs contributed to this report." */
static int is_wire_credit(const struct line *ln)
{
    static const char *const heads[] = {"reporting by", "reported by", "writing by",
                                        "written by", "editing by", "edited by",
                                        "additional reporting", "compiled by",
                                        "produced by", "research by", "graphics by",
                                        "with reporting by", "contributing:"};
    const char *s = ln->s;
    size_t len = ln->len;
    if (ln->words > 50)
        return 0;
    if (len && (s[0] == '(' || s[0] == '['))
        s++, len--;
    if (has_words(ln->s, ln->len, "contributed to this report") ||
        has_words(ln->s, ln->len, "contributed reporting") ||
        has_words(ln->s, ln->len, "contributed to this story"))
        return ln->words <= 30;
    int head = 0;
    for (size_t i = 0; !head && i < sizeof(heads) / sizeof(heads[0]); i++)
        head = starts_with(s, len, heads[i]);
    if (!head)
        return 0;
    /* every lower-case word must be part of the credit grammar */
    char key[KEY_MAX];
    for (size_t p = 0; p < len;) {
        while (p < len && nb_ascii_is_space((unsigned char)s[p]))
            p++;
        size_t q = p;
        while (q < len && !nb_ascii_is_space((unsigned char)s[q]))
            q++;
        if (q > p && (unsigned char)s[p] < 0x80 && nb_ascii_is_lower((unsigned char)s[p])) {
            word_key(s + p, q - p, key);
            if (key[0] && !IN_LIST(key, credit_words))
                return 0;
        }
        p = q;
    }
    return 1;
}

/* "This article originally appeared on ...", "A version of this story
 * was first published by ...", "Republished with permission". */
static int is_syndication(const struct line *ln)
{
    if (ln->words > 45 || ln->reports)
        return 0;
    if (starts_with(ln->s, ln->len, "republished") || starts_with(ln->s, ln->len, "originally") ||
        starts_with(ln->s, ln->len, "reprinted") || starts_with(ln->s, ln->len, "syndicated"))
        return 1;
    static const char *const things[] = {"article", "story", "piece", "post", "report",
                                         "content", "column", "interview", "feature"};
    static const char *const verbs[] = {"originally", "first published", "first appeared",
                                        "republished", "reproduced", "syndicated",
                                        "reprinted", "appeared in print", "was updated",
                                        "has been updated", "was amended", "was corrected"};
    int thing = 0, verb = 0;
    for (size_t i = 0; i < sizeof(things) / sizeof(things[0]); i++) {
        char pat[32];
        size_t n = strlen(things[i]);
        memcpy(pat, "this ", 5);
        memcpy(pat + 5, things[i], n + 1);
        thing |= starts_with(ln->s, ln->len, pat) || has_words(ln->s, ln->len, pat);
    }
    for (size_t i = 0; thing && i < sizeof(verbs) / sizeof(verbs[0]); i++)
        verb |= has_words(ln->s, ln->len, verbs[i]);
    return thing && verb;
}

/* "© 2025 Nordwire", "Copyright 2025 ...", "... All rights reserved." */
static int is_copyright(const struct line *ln)
{
    if (ln->words > 60)
        return 0;
    if (has_bytes(ln->s, ln->len, "\xc2\xa9") || has_words(ln->s, ln->len, "all rights reserved"))
        return 1;
    if (starts_with(ln->s, ln->len, "copyright") && ln->len > 10) {
        const char *r = ln->s + 10;
        return nb_ascii_is_digit((unsigned char)r[0]) || r[0] == '(' || ln->words <= 4;
    }
    return starts_with(ln->s, ln->len, "(c)") && ln->len > 4 &&
           nb_ascii_is_digit((unsigned char)ln->s[4]);
}

/* The head of a readers' comments section: "34 responses to ...",
 * "Comments", "Leave a reply", "jo_b says: November 19, 2019 at 6:34 am".
 * Nothing after it is the story. */
static int is_comments_head(const struct line *ln)
{
    static const char *const heads[] = {"comments", "reader comments", "leave a reply",
                                        "leave a comment", "post a comment", "add a comment",
                                        "add comment", "show comments", "view comments",
                                        "join the discussion", "join the conversation",
                                        "discussion", "comments are closed"};
    if (ln->words > 12 || ln->terminal)
        return 0;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (starts_with(ln->s, ln->len, heads[i]) &&
            (ln->len == strlen(heads[i]) || ln->words <= 4))
            return 1;
    /* "34 responses to ...", "12 comments" */
    size_t d = 0;
    while (d < ln->len && nb_ascii_is_digit((unsigned char)ln->s[d]))
        d++;
    if (d && d < ln->len && ln->s[d] == ' ') {
        const char *r = ln->s + d + 1;
        size_t rl = ln->len - d - 1;
        if (starts_with(r, rl, "comments") || starts_with(r, rl, "responses") ||
            starts_with(r, rl, "replies") || starts_with(r, rl, "thoughts on") ||
            starts_with(r, rl, "comment"))
            return 1;
    }
    /* "handle says: <date>" */
    const char *says = NULL;
    for (size_t i = 0; i + 6 <= ln->len; i++)
        if (memcmp(ln->s + i, " says:", 6) == 0) {
            says = ln->s + i + 6;
            break;
        }
    return says && nb_article_is_date_stamp(says + (says < ln->s + ln->len && *says == ' '),
                                            (size_t)(ln->s + ln->len - says) -
                                                (says < ln->s + ln->len && *says == ' '));
}

/* ---- deciding ------------------------------------------------------- */

/* A line with a story sentence: punctuated with some lower-case word, or
 * long. */
static int is_prose(const struct line *ln)
{
    return (ln->terminal && ln->lower >= 1 && ln->words >= 2) || ln->words >= 16;
}

/* Reads like a sentence though unpunctuated: a lead whose full stop was
 * lost, rather than a title ("Council Backs Plan") or a menu. */
static int sentence_like(const struct line *ln)
{
    return ln->words >= 5 && ln->lower * 5 >= ln->words * 2;
}

/* Only characters no listener hears: "|", "0", "•", "12 comments" is
 * caught by vocabulary; this catches counters and separators. */
static int no_letters(const struct line *ln)
{
    for (size_t i = 0; i < ln->len; i++) {
        unsigned char c = (unsigned char)ln->s[i];
        if (c >= 0x80 || nb_ascii_is_alpha(c))
            return 0;
    }
    return 1;
}

/* The vocabulary verdict, weighed by shape: a short unpunctuated line
 * needs little, a punctuated one must also address the reader and not
 * report, a long one is never condemned by words alone. */
static int is_furniture(const struct line *ln)
{
    if (ln->words > 40 || (ln->reports && (ln->terminal || ln->words > 14)))
        return 0;
    int speaks = ln->addresses || ln->prompt;
    if (!ln->terminal && !ln->quoted && (ln->words <= 14 || speaks)) {
        unsigned need = ln->words <= 6 ? 20 : ln->words <= 14 ? 25 : 40;
        if (ln->prompt)
            need -= 5;
        return ln->score >= need;
    }
    /* a sentence: it must speak to the reader and use two furniture words */
    if (ln->quoted || !speaks || (ln->hits < 2 && !(ln->prompt && ln->addresses)))
        return 0;
    unsigned need = ln->words <= 12 ? 30 : ln->words <= 25 ? 40 : 55;
    return ln->score >= need;
}

static int is_fixed_furniture(const struct line *ln)
{
    return is_caption(ln) || is_credit(ln) || is_wire_credit(ln) || is_syndication(ln) ||
           is_copyright(ln) || no_letters(ln);
}

/* A line in a list of other stories' titles. */
static int title_like(const struct line *ln)
{
    return !is_prose(ln) || (ln->words <= 18 && ln->upper * 2 >= ln->words) ||
           (ln->words <= 18 && !ln->reports && ln->s[ln->len - 1] == '?');
}

/* Whether line b goes on with the sentence of line a: a starts a clause
 * it does not end (comma, "the", "was") or b starts in lower case. */
static int continues(const struct line *a, const struct line *b)
{
    unsigned char c = (unsigned char)b->s[0];
    if (c < 0x80 && nb_ascii_is_lower(c))
        return 1;
    if (a->terminal)
        return 0;
    char last = a->s[a->len - 1];
    if (last == ',' || last == '-')
        return 1;
    size_t ws = a->len;
    while (ws && !nb_ascii_is_space((unsigned char)a->s[ws - 1]))
        ws--;
    char key[KEY_MAX];
    word_key(a->s + ws, a->len - ws, key);
    return IN_LIST(key, function_words);
}

/* A line that surely belongs to a story: a sentence, not a title. */
static int strong_prose(const struct line *ln)
{
    if (ln->wrapped)
        return 1;
    char end = ln->s[ln->len - 1];
    return is_prose(ln) && ln->words >= 6 && ln->lower * 3 >= ln->words && end != '?' &&
           (ln->terminal || sentence_like(ln));
}

/* An unpunctuated short line that is not a list item of the story. */
static int short_title(const struct line *ln)
{
    /* "The group will keep three titles:" introduces a list of the story */
    int intro = ln->s[ln->len - 1] == ':' && sentence_like(ln);
    return !ln->terminal && !ln->marker && ln->words <= 15 && !ln->fixed && !ln->wrapped &&
           !intro;
}

/* Marks the lines of hard-wrapped prose paragraphs: two or more lines of
 * five words or more, ending a sentence, reading like sentences.  Their
 * lines lack final punctuation but are no menu. */
static void mark_wrapped(struct line *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i, nwords = 0, lower = 0, short_lines = 0;
        while (j < n && v[j].para == v[i].para) {
            nwords += v[j].words;
            lower += v[j].lower;
            short_lines += v[j].words < 5 && j > i;
            j++;
        }
        /* the last line may be short: count it out */
        if (j - i >= 2 && v[j - 1].words < 5)
            short_lines--;
        /* most breaks must fall inside a sentence */
        size_t inside = 0;
        for (size_t k = i; k + 1 < j; k++)
            inside += continues(&v[k], &v[k + 1]);
        if (j - i >= 2 && v[j - 1].terminal && lower * 5 >= nwords * 2 && short_lines == 0 &&
            inside * 2 >= j - i - 1)
            for (size_t k = i; k < j; k++)
                v[k].wrapped = 1;
        i = j;
    }
}

static void decide(struct line *v, size_t n)
{
    size_t first = n, last = n, prose = 0;
    mark_wrapped(v, n);
    for (size_t i = 0; i < n; i++) {
        v[i].fixed = !v[i].wrapped && (unsigned)(is_fixed_furniture(&v[i]) || is_furniture(&v[i]) ||
                                nb_article_is_byline(v[i].s, v[i].len) ||
                                nb_article_is_date_stamp(v[i].s, v[i].len));
        if (!v[i].fixed && prose >= 3 && is_comments_head(&v[i])) {
            /* readers' comments: the story is over */
            for (size_t j = i; j < n; j++)
                v[j].fixed = 1;
            break;
        }
        if (!v[i].fixed && strong_prose(&v[i])) {
            if (first == n)
                first = i;
            last = i;
            prose++;
        }
    }
    for (size_t i = 0; i < n; i++)
        v[i].remove = v[i].fixed;
    if (first == n) {
        /* no prose line at all: keep what the vocabulary spares */
        return;
    }
    /* before the story: all but a sentence-like run touching it */
    size_t keep_from = first;
    while (keep_from > 0 && !v[keep_from - 1].fixed && sentence_like(&v[keep_from - 1]) &&
           !nb_article_is_byline(v[keep_from - 1].s, v[keep_from - 1].len))
        keep_from--;
    for (size_t i = 0; i < keep_from; i++)
        v[i].remove = 1;
    /* after it: the same */
    size_t keep_to = last + 1;
    int past_furniture = 0;
    for (size_t i = last + 1; i < n; i++) {
        /* furniture between the last sentences does not end the story,
         * but after it only sentences (or one broken across lines) count */
        if (v[i].fixed) {
            past_furniture = 1;
            continue;
        }
        /* list items of the story ("Work starts in May") end it too */
        int item = !past_furniture && v[i].words >= 3 && v[i].lower * 3 >= v[i].words;
        int goes_on = item || (sentence_like(&v[i]) &&
                               (!past_furniture || v[i].reports ||
                                (i + 1 < n && continues(&v[i], &v[i + 1]))));
        if (goes_on || is_prose(&v[i])) {
            keep_to = i + 1;
            continue;
        }
        /* one heading between the story's last lines is no end; two
         * unpunctuated lines in a row are a menu */
        if (i + 1 >= n || v[i + 1].fixed || !(sentence_like(&v[i + 1]) || is_prose(&v[i + 1]) ||
                                               (!past_furniture && v[i + 1].words >= 3 &&
                                                v[i + 1].lower * 3 >= v[i + 1].words)))
            break;
    }
    for (size_t i = keep_to; i < n; i++)
        v[i].remove = 1;
    /* inside: a "Related" heading takes its list with it; a run of menu
     * lines goes */
    for (size_t i = first; i < keep_to; i++) {
        if (v[i].fixed && v[i].list_head && !v[i].terminal) {
            size_t j = i + 1;
            while (j < keep_to && !v[j].marker && title_like(&v[j]) && !sentence_like(&v[j]) &&
                   !(v[j].terminal && v[j].words > 18))
                v[j++].remove = 1;
            while (j < keep_to && v[j].marker && title_like(&v[j]))
                v[j++].remove = 1;
            i = j - 1;
            continue;
        }
        if (short_title(&v[i])) {
            /* a run of three or more unpunctuated short lines (or titles
             * with their bylines) is a menu or a list of other stories,
             * unless the story introduced it with a colon */
            size_t j = i, titles = 0;
            while (j < keep_to && (v[j].fixed || short_title(&v[j]))) {
                titles += !v[j].fixed;
                j++;
            }
            int introduced = i > 0 && !v[i - 1].remove && v[i - 1].s[v[i - 1].len - 1] == ':';
            if ((titles >= 3 && !introduced) || (titles >= 2 && j - i >= 4))
                for (size_t k = i; k < j; k++)
                    v[k].remove = 1;
            i = j - 1;
        }
    }
}

/* ---- dateline -------------------------------------------------------- */

static size_t dash_at(const char *s, size_t len, size_t p)
{
    if (p < len && s[p] == '-')
        return 1;
    if (p + 2 < len && (unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x80 &&
        ((unsigned char)s[p + 2] == 0x93 || (unsigned char)s[p + 2] == 0x94))
        return 3;
    return 0;
}

/* Length of a wire dateline at the start of s ("LONDON, Feb 4 (Reuters) -
 * ", "WASHINGTON (AP) — ", "PARIS, Jan 3 -", "(Nordwire) - "), or 0. */
static size_t dateline_len(const char *s, size_t len)
{
    size_t p = 0, caps = 0;
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (nb_ascii_is_upper(c)) {
            caps++;
            p++;
        } else if ((c == ' ' || c == '.' || c == '\'' || c == '-') && caps && p + 1 < len &&
                   (nb_ascii_is_upper((unsigned char)s[p + 1]) || s[p + 1] == ' ' ||
                    s[p + 1] == '(' || s[p + 1] == ',')) {
            if (c == '-' && s[p + 1] == ' ')
                break;
            p++;
        } else {
            break;
        }
    }
    int wire = 0, date = 0;
    if (caps && caps < 3)
        return 0;
    while (p < len && s[p] == ' ')
        p++;
    /* ", Feb 4" or ", Nov. 27" */
    if (caps && p < len && s[p] == ',') {
        size_t q = p + 1;
        while (q < len && s[q] == ' ')
            q++;
        size_t m = q;
        while (q < len && nb_ascii_is_alpha((unsigned char)s[q]))
            q++;
        if (q - m < 3 || !nb_ascii_is_upper((unsigned char)s[m]))
            return 0;
        if (q < len && s[q] == '.')
            q++;
        while (q < len && s[q] == ' ')
            q++;
        size_t d = q;
        while (q < len && nb_ascii_is_digit((unsigned char)s[q]))
            q++;
        if (q == d || q - d > 2)
            return 0;
        date = 1;
        p = q;
        while (p < len && s[p] == ' ')
            p++;
    }
    /* "(Reuters)" */
    if (p < len && s[p] == '(') {
        size_t q = p + 1;
        if (q >= len || !nb_ascii_is_upper((unsigned char)s[q]))
            return 0;
        while (q < len && q - p < 40 && s[q] != ')' && s[q] != '\n')
            q++;
        if (q >= len || s[q] != ')')
            return 0;
        wire = 1;
        p = q + 1;
        while (p < len && s[p] == ' ')
            p++;
    }
    if (!caps && !wire)
        return 0;
    size_t d = dash_at(s, len, p);
    if (!d || (!wire && !date && caps < 4))
        return 0;
    p += d;
    if (p < len && !nb_ascii_is_space((unsigned char)s[p]))
        return 0;
    while (p < len && nb_ascii_is_space((unsigned char)s[p]))
        p++;
    /* the lead starts like a sentence: "NASA - the agency said" is no dateline */
    if (p >= len || ((unsigned char)s[p] < 0x80 && nb_ascii_is_lower((unsigned char)s[p])))
        return 0;
    return p;
}

/* ---- paragraph repair -------------------------------------------------- */

/* Whether paragraph p stops in mid-sentence so that `next` continues it. */
static int broken_after(const char *p, size_t len, const char *next)
{
    while (len && nb_ascii_is_space((unsigned char)p[len - 1]))
        len--;
    if (!len || nb_sentence_ends(p, len))
        return 0;
    /* its last line must not be a heading */
    size_t ls = len;
    while (ls && p[ls - 1] != '\n')
        ls--;
    struct line last = {0};
    last.s = p + ls;
    last.len = len - ls;
    measure(&last);
    unsigned char end = (unsigned char)p[len - 1];
    unsigned char start = (unsigned char)next[0];
    if (end == ':' || end == ';' || end == ')' || end == '"')
        return 0;
    if (end == ',' || dash_at(p, len, len - 1) == 1 ||
        (len >= 3 && dash_at(p, len, len - 3) == 3))
        return 1;
    size_t ws = len;
    while (ws && !nb_ascii_is_space((unsigned char)p[ws - 1]))
        ws--;
    char key[KEY_MAX];
    word_key(p + ws, len - ws, key);
    int ends_lower = (unsigned char)p[ws] < 0x80 && nb_ascii_is_lower((unsigned char)p[ws]);
    if (ends_lower && IN_LIST(key, function_words) && (last.words >= 4 || last.lower >= 2))
        return 1;
    /* an ordinary word: join only when the next one starts in lower case
     * or with a figure, and the line is a sentence, not a heading */
    return ends_lower && sentence_like(&last) && start < 0x80 &&
           (nb_ascii_is_lower(start) || nb_ascii_is_digit(start));
}

/* ---- driver ------------------------------------------------------------ */

static nb_status oom(struct nb_error *err)
{
    return nb_error_set(err, NB_ENOMEM, "out of memory cleaning up the article");
}

static nb_status push_collapsed(struct nb_strv *sv, const char *s, size_t len, struct nb_buf *tmp)
{
    nb_buf_reset(tmp);
    if (nb_text_collapse_space(s, len, tmp) != NB_OK)
        return NB_ENOMEM;
    return tmp->len ? nb_strv_push(sv, tmp->data, tmp->len) : NB_OK;
}

/* Splits every paragraph into trimmed non-empty lines. */
static nb_status collect_lines(const struct nb_strv *paras, struct line **out, size_t *nout,
                               struct nb_error *err)
{
    size_t n = 0, alloc = 0;
    struct line *v = NULL;
    for (size_t i = 0; i < paras->n; i++) {
        const char *p = paras->v[i];
        size_t plen = strlen(p);
        for (size_t pos = 0; pos < plen;) {
            const char *nl = memchr(p + pos, '\n', plen - pos);
            size_t end = nl ? (size_t)(nl - p) : plen;
            size_t a = pos, b = end;
            while (a < b && (p[a] == ' ' || p[a] == '\t'))
                a++;
            while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
                b--;
            if (b > a) {
                if (n == alloc) {
                    size_t na = alloc ? alloc * 2 : 64;
                    struct line *nv = realloc(v, na * sizeof(*nv));
                    if (!nv) {
                        free(v);
                        return oom(err);
                    }
                    v = nv;
                    alloc = na;
                }
                memset(&v[n], 0, sizeof(v[n]));
                v[n].para = i;
                v[n].s = p + a;
                v[n].len = b - a;
                n++;
            }
            pos = end + 1;
        }
    }
    *out = v;
    *nout = n;
    return NB_OK;
}

/* Fills byline or date from a header line found among the furniture, when
 * the reader found none under the headline: *taken 1 when taken, 0 when
 * not.  NB_OK, or NB_ENOMEM. */
static nb_status adopt_header(struct nb_article *a, const struct line *ln, struct nb_buf *tmp,
                              int *taken)
{
    char **slot = nb_article_is_byline(ln->s, ln->len)       ? &a->byline
                  : nb_article_is_date_stamp(ln->s, ln->len) ? &a->date
                                                             : NULL;
    *taken = 0;
    if (!slot || *slot)
        return NB_OK;
    nb_buf_reset(tmp);
    if (nb_text_collapse_space(ln->s, ln->len, tmp) != NB_OK || !(*slot = nb_strdup(tmp->data)))
        return NB_ENOMEM;
    *taken = 1;
    return NB_OK;
}

static nb_status rebuild(struct nb_article *a, struct line *v, size_t n, struct nb_strv *paras,
                         struct nb_error *err)
{
    struct nb_buf tmp, para;
    nb_buf_init(&tmp, 0);
    nb_buf_init(&para, 0);
    nb_status rc = NB_OK;
    int first_kept = 1, seen_story = 0;
    for (size_t i = 0; rc == NB_OK && i < n; i++) {
        struct line *ln = &v[i];
        if (ln->remove) {
            int adopted = 0;
            if ((!seen_story && adopt_header(a, ln, &tmp, &adopted) != NB_OK) ||
                (!adopted && push_collapsed(&a->removed, ln->s, ln->len, &tmp) != NB_OK))
                rc = oom(err);
            continue;
        }
        seen_story = 1;
        const char *s = ln->s;
        size_t len = ln->len;
        if (first_kept) {
            size_t d = dateline_len(s, len);
            if (d && (push_collapsed(&a->removed, s, d, &tmp) != NB_OK))
                rc = oom(err);
            s += d;
            len -= d;
            first_kept = 0;
        }
        if (para.len && nb_buf_addc(&para, '\n') != NB_OK)
            rc = oom(err);
        if (rc == NB_OK && nb_buf_add(&para, s, len) != NB_OK)
            rc = oom(err);
        /* the paragraph ends with its last kept line */
        size_t j = i + 1;
        while (j < n && v[j].para == ln->para && v[j].remove)
            j++;
        if (rc == NB_OK && (j >= n || v[j].para != ln->para)) {
            if (nb_strv_push(paras, para.data, para.len) != NB_OK)
                rc = oom(err);
            nb_buf_reset(&para);
        }
    }
    nb_buf_release(&tmp);
    nb_buf_release(&para);
    return rc;
}

/* Joins paragraphs broken in mid-sentence into `out`. */
static nb_status repair(const struct nb_strv *paras, struct nb_strv *out, struct nb_error *err)
{
    struct nb_buf cur;
    nb_buf_init(&cur, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < paras->n; i++) {
        const char *p = paras->v[i];
        if (i && !broken_after(cur.data, cur.len, p)) {
            if (nb_strv_push(out, cur.data, cur.len) != NB_OK)
                rc = oom(err);
            nb_buf_reset(&cur);
        }
        if (rc == NB_OK &&
            ((cur.len && nb_buf_addc(&cur, '\n') != NB_OK) || nb_buf_adds(&cur, p) != NB_OK))
            rc = oom(err);
    }
    if (rc == NB_OK && cur.len && nb_strv_push(out, cur.data, cur.len) != NB_OK)
        rc = oom(err);
    nb_buf_release(&cur);
    return rc;
}

nb_status nb_article_clean(struct nb_article *a, struct nb_error *err)
{
    struct line *v = NULL;
    size_t n = 0;
    nb_status rc = collect_lines(&a->paragraphs, &v, &n, err);
    if (rc != NB_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        measure(&v[i]);
    decide(v, n);
    struct nb_strv paras, joined;
    nb_strv_init(&paras);
    nb_strv_init(&joined);
    rc = rebuild(a, v, n, &paras, err);
    free(v);
    if (rc == NB_OK)
        rc = repair(&paras, &joined, err);
    nb_strv_release(&paras);
    if (rc != NB_OK) {
        nb_strv_release(&joined);
        return rc;
    }
    nb_strv_release(&a->paragraphs);
    a->paragraphs = joined;
    return NB_OK;
}
