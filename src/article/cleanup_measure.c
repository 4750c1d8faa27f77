/* cleanup_measure.c - measuring a line of the body: words, capitals, final
 * punctuation, whether it speaks to the reader or reports, and its weight
 * in a small vocabulary of page furniture. */
#include "article/cleanup_lines.h"

#include "text/chars.h"
#include "text/sentences.h"

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
    {"about", 3, 0},
    {"accept", 15, 0},
    {"access", 10, 0},
    {"account", 15, 0},
    {"ad", 20, 0},
    {"adblock", 30, 0},
    {"adblocker", 30, 0},
    {"ads", 20, 0},
    {"advert", 30, 0},
    {"advertise", 30, 0},
    {"advertisement", 40, 0},
    {"advertising", 15, 0},
    {"alerts", 15, 0},
    {"app", 15, 0},
    {"apps", 15, 0},
    {"archive", 10, 0},
    {"archives", 15, 0},
    {"audio", 10, 0},
    {"back", 5, 0},
    {"bookmark", 25, 0},
    {"briefing", 10, 0},
    {"browser", 15, 0},
    {"browsing", 15, 0},
    {"careers", 20, 0},
    {"categories", 20, 0},
    {"click", 20, 0},
    {"close", 10, 0},
    {"comment", 10, 0},
    {"comments", 15, 0},
    {"conditions", 5, 0},
    {"consent", 20, 0},
    {"contact", 10, 0},
    {"continue", 5, 0},
    {"cookie", 30, 0},
    {"cookies", 30, 0},
    {"copy", 5, 0},
    {"copyright", 30, 0},
    {"credit", 10, 0},
    {"download", 15, 0},
    {"duration", 20, 0},
    {"e-mail", 15, 0},
    {"editor's", 10, F_LIST},
    {"email", 15, 0},
    {"emails", 15, 0},
    {"enable", 10, 0},
    {"experience", 5, 0},
    {"explore", 10, F_LIST},
    {"facebook", 20, 0},
    {"faq", 20, 0},
    {"feedback", 15, 0},
    {"flipboard", 25, 0},
    {"follow", 20, 0},
    {"free", 5, 0},
    {"gallery", 25, 0},
    {"getty", 20, 0},
    {"help", 5, 0},
    {"home", 15, 0},
    {"homepage", 20, 0},
    {"images", 10, 0},
    {"inbox", 25, 0},
    {"instagram", 20, 0},
    {"javascript", 20, 0},
    {"latest", 10, F_LIST},
    {"link", 10, 0},
    {"linkedin", 25, 0},
    {"listen", 15, 0},
    {"load", 10, 0},
    {"loading", 20, 0},
    {"login", 20, 0},
    {"logout", 20, 0},
    {"manage", 10, 0},
    {"menu", 20, 0},
    {"messenger", 15, 0},
    {"more", 5, F_LIST},
    {"navigation", 20, 0},
    {"newsletter", 30, 0},
    {"newsletters", 30, 0},
    {"next", 10, F_LIST},
    {"notifications", 15, 0},
    {"offer", 10, 0},
    {"password", 20, 0},
    {"permalink", 30, 0},
    {"photos", 15, 0},
    {"picks", 10, F_LIST},
    {"pinterest", 25, 0},
    {"play", 10, 0},
    {"playing", 15, 0},
    {"podcast", 15, 0},
    {"podcasts", 15, 0},
    {"policy", 10, 0},
    {"popular", 15, F_LIST},
    {"preferences", 15, 0},
    {"premium", 15, 0},
    {"previous", 15, 0},
    {"print", 10, 0},
    {"privacy", 20, 0},
    {"promoted", 20, 0},
    {"read", 10, F_LIST},
    {"recommended", 25, F_LIST},
    {"reddit", 20, 0},
    {"register", 20, 0},
    {"related", 25, F_LIST},
    {"replay", 15, 0},
    {"reserved", 10, 0},
    {"rss", 20, 0},
    {"search", 15, 0},
    {"settings", 10, 0},
    {"share", 30, 0},
    {"sharing", 15, 0},
    {"shutterstock", 30, 0},
    {"sign", 10, 0},
    {"sitemap", 30, 0},
    {"skip", 20, 0},
    {"slideshow", 30, 0},
    {"sponsored", 30, 0},
    {"stories", 10, F_LIST},
    {"subscribe", 30, 0},
    {"subscribed", 20, 0},
    {"subscriber", 15, 0},
    {"subscribers", 15, 0},
    {"subscription", 20, 0},
    {"subscriptions", 20, 0},
    {"tags", 20, F_LIST},
    {"tap", 15, 0},
    {"terms", 10, 0},
    {"tiktok", 15, 0},
    {"topics", 15, F_LIST},
    {"trending", 25, F_LIST},
    {"trial", 15, 0},
    {"tumblr", 25, 0},
    {"tweet", 20, 0},
    {"twitter", 20, 0},
    {"unlimited", 15, 0},
    {"unsubscribe", 30, 0},
    {"updates", 10, 0},
    {"video", 20, 0},
    {"videos", 20, 0},
    {"watch", 15, 0},
    {"website", 10, 0},
    {"whatsapp", 25, 0},
    {"youtube", 15, 0},
};

/* Two-word phrases worth more than their words. */
static const struct vocab phrases[] = {
    {"about us", 20, 0},
    {"all rights", 30, 0},
    {"also like", 20, F_LIST},
    {"also read", 30, F_LIST},
    {"contact us", 20, 0},
    {"continues below", 30, 0},
    {"further reading", 30, F_LIST},
    {"get the", 5, 0},
    {"in pictures", 20, 0},
    {"load more", 20, 0},
    {"log in", 25, 0},
    {"more from", 20, F_LIST},
    {"more on", 15, F_LIST},
    {"most read", 30, F_LIST},
    {"most viewed", 30, F_LIST},
    {"originally appeared", 40, 0},
    {"originally published", 40, 0},
    {"read more", 25, F_LIST},
    {"read next", 30, F_LIST},
    {"rights reserved", 30, 0},
    {"see also", 35, F_LIST},
    {"sign in", 25, 0},
    {"sign up", 25, 0},
    {"skip to", 20, 0},
    {"story continues", 30, 0},
    {"terms of", 10, 0},
    {"the app", 10, 0},
    {"top stories", 25, F_LIST},
    {"up next", 30, F_LIST},
    {"watch next", 30, F_LIST},
    {"you may", 5, F_LIST},
};

/* First words of a prompt ("Sign up to our...", "Follow us on..."). */
static const char *const imperatives[] = {
    "accept",  "allow", "become",   "click",  "continue", "discover", "don't",  "download",
    "enable",  "enjoy", "explore",  "follow", "get",      "join",     "listen", "log",
    "manage",  "read",  "register", "see",    "share",    "sign",     "start",  "subscribe",
    "support", "tap",   "try",      "turn",   "unlock",   "update",   "view",   "watch",
};

/* Words that mark a line as reporting, not prompting: it stays. */
static const char *const reporting[] = {
    "according", "added",     "admitted", "announced", "argue",  "argued",   "claimed",
    "claims",    "explained", "found",    "insisted",  "noted",  "reported", "said",
    "say",       "says",      "showed",   "shows",     "stated", "suggests", "tell",
    "told",      "warn",      "warned",   "warns",     "wrote",
};

/* Words of a story told: verbs in the past, modals, the first person.
 * A caption describes what a picture shows, in the present. */
static const char *const narration[] = {
    "ate",  "became", "began",   "brought", "came",    "could", "did",   "didn't", "fell",
    "felt", "found",  "gave",    "got",     "had",     "has",   "have",  "held",   "i",
    "i'm",  "kept",   "knew",    "led",     "lost",    "made",  "may",   "met",    "might",
    "must", "paid",   "ran",     "rose",    "said",    "saw",   "sent",  "shall",  "should",
    "sold", "spent",  "spoke",   "stood",   "thought", "told",  "took",  "was",    "wasn't",
    "went", "were",   "weren't", "will",    "won",     "won't", "would", "wrote",
};

/* Words before a participle in "-ed" that make it no past tense: "is
 * displayed", "after being cleaned". */
static const char *const passive[] = {
    "are", "be", "been", "being", "get", "gets", "is", "to",
};

/* Words addressing the reader. */
static const char *const address[] = {
    "our", "ours",  "us",     "we",     "we'd",   "we'll", "we're",    "we've",
    "you", "you'd", "you'll", "you're", "you've", "your",  "yourself",
};

/* Words a sentence broken in its middle may end with. */
static const char *const function_words[] = {
    "a",      "about", "after",   "against", "among",  "an",      "and",     "are",     "as",
    "at",     "be",    "because", "been",    "before", "between", "but",     "by",      "could",
    "during", "for",   "from",    "had",     "has",    "have",    "her",     "his",     "if",
    "in",     "into",  "is",      "its",     "may",    "might",   "must",    "nor",     "of",
    "on",     "onto",  "or",      "our",     "over",   "shall",   "should",  "since",   "than",
    "that",   "the",   "their",   "then",    "these",  "this",    "those",   "through", "to",
    "under",  "until", "upon",    "was",     "were",   "when",    "where",   "which",   "while",
    "who",    "whom",  "whose",   "will",    "with",   "within",  "without", "would",
};

/* Words allowed in a credit line besides names. */

static int cmp_key(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

int nb_clean_in_list(const char *key, const char *const *list, size_t n)
{
    return bsearch(key, list, n, sizeof(list[0]), cmp_key) != NULL;
}

int nb_clean_is_function_word(const char *key)
{
    return NB_CLEAN_IN(key, function_words);
}

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

#define SCORED_WORDS 60 /* lines longer than this are prose: no vocabulary */

void nb_clean_word_key(const char *w, size_t n, char key[NB_CLEAN_KEY_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < NB_CLEAN_KEY_MAX;) {
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

void nb_clean_last_key(const char *s, size_t len, char key[NB_CLEAN_KEY_MAX])
{
    size_t ws = len;
    while (ws && !nb_ascii_is_space((unsigned char)s[ws - 1]))
        ws--;
    nb_clean_word_key(s + ws, len - ws, key);
}

int nb_clean_has_bytes(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

/* A copyright sign starting a word ("© 2025", "(© Nordwire)"): one inside a
 * word is mis-decoded text (an accented letter read twice as Latin-1 ends
 * in its bytes), not a credit. */
int nb_clean_has_copyright_sign(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 <= len; i++)
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9 &&
            (i == 0 || nb_ascii_is_space((unsigned char)s[i - 1]) || s[i - 1] == '(' ||
             s[i - 1] == '['))
            return 1;
    return 0;
}

/* ASCII-case-insensitive prefix test; the prefix must end at a word end. */
int nb_clean_starts_with(const char *s, size_t len, const char *prefix)
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
int nb_clean_has_words(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        if (i && nb_ascii_is_alnum((unsigned char)s[i - 1]))
            continue;
        if (nb_clean_starts_with(s + i, len - i, needle))
            return 1;
    }
    return 0;
}

void nb_clean_measure(struct nb_clean_line *ln)
{
    char key[NB_CLEAN_KEY_MAX], prev[NB_CLEAN_KEY_MAX] = "";
    const char *s = ln->s;
    size_t len = ln->len;
    ln->terminal = (unsigned)nb_sentence_ends(s, len);
    ln->quoted = nb_clean_has_bytes(s, len, "\xe2\x80\x9c") ||
                 nb_clean_has_bytes(s, len, "\xe2\x80\x9d") || memchr(s, '"', len) != NULL ||
                 nb_clean_has_bytes(s, len, "\xc2\xab");
    unsigned char c0 = (unsigned char)s[0];
    ln->marker = (c0 == '-' || c0 == '*' || c0 == '+') && len > 1 && s[1] == ' ';
    if (!ln->marker && nb_clean_has_bytes(s, len < 3 ? len : 3, "\xe2\x80\xa2"))
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
            nb_clean_word_key(s + p, q - p, key);
            if (key[0]) {
                const struct vocab *v = vocab_find(key, words, sizeof(words) / sizeof(words[0]));
                if (v) {
                    ln->score += v->weight;
                    ln->hits += v->weight >= 15;
                    ln->list_head |= (v->flags & F_LIST) != 0;
                }
                if (prev[0] && strlen(prev) + strlen(key) + 2 <= 2 * NB_CLEAN_KEY_MAX) {
                    char pair[2 * NB_CLEAN_KEY_MAX];
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
                if (ln->words == 1 && NB_CLEAN_IN(key, imperatives))
                    ln->prompt = 1;
                if (NB_CLEAN_IN(key, address)) {
                    ln->addresses = 1;
                    ln->reader++;
                }
                if (NB_CLEAN_IN(key, reporting))
                    ln->reports = 1;
                size_t kl = strlen(key);
                if (NB_CLEAN_IN(key, narration) ||
                    (kl >= 5 && c < 0x80 && nb_ascii_is_lower(c) && !strcmp(key + kl - 2, "ed") &&
                     !NB_CLEAN_IN(prev, passive)))
                    ln->narrates = 1;
                memcpy(prev, key, strlen(key) + 1);
            } else {
                prev[0] = '\0';
            }
            if (nb_clean_has_copyright_sign(s + p, q - p))
                ln->score += 50;
        }
        p = q;
    }
}
