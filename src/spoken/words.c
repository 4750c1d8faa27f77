/* words.c - the matchers for tokens that start with a letter (or are
 * spelled out): phone numbers, URLs and e-mail addresses, abbreviations,
 * roman numerals, acronyms and initialisms. */
#include "spoken/match.h"

#include "spoken/numbers.h"
#include "text/chars.h"

#include <stdint.h>
#include <string.h>

/* ---- phone numbers and IP addresses ---- */

/* Length of the run of ASCII digits at t[j]. */
static size_t digits_run(const char *t, size_t len, size_t j)
{
    size_t k = j;
    while (k < len && nb_ascii_is_digit((unsigned char)t[k]))
        k++;
    return k - j;
}

static nb_status say_phone_digits(struct nb_norm_ctx *c, const char *d, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const char *word = d[k] == '0' ? WORDS(c)->phone_zero : NUMS(c)->ones[d[k] - '0'];
        if (nb_norm_say(c, word) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* A North American area code: "eight hundred" for 800 and the other
 * round ones, else digit by digit. */
static nb_status say_area_code(struct nb_norm_ctx *c, const char *d)
{
    if (d[1] == '0' && d[2] == '0' && d[0] != '0')
        return nb_numbers_cardinal(NUMS(c), d, 3, c->say);
    return say_phone_digits(c, d, 3);
}

/* 1 when d[0..3) is a toll-free area code: 800, 888, 877 ... 833. */
static int toll_free(const char *d)
{
    return d[0] == '8' && d[1] == d[2] && (d[1] == '0' || (d[1] >= '3' && d[1] <= '8'));
}

/* "1-800-555-0199", "1-800-GO-U-HAUL", "1 888 FLOWERS", "800-GO-U-HAUL":
 * a North American number with the trunk prefix 1, or a toll-free one
 * spelled with words.  Groups are said apart: the prefix, the area code,
 * then digits digit by digit, single letters spelled and longer ones
 * as the words they are ("one, eight hundred, go, U, haul"). */
static size_t match_north_american(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t j = i;
    int trunk = 0;
    if (i > 0 && (nb_ascii_is_alnum((unsigned char)t[i - 1]) || t[i - 1] == '-' ||
                  t[i - 1] == '.' || t[i - 1] == '/'))
        return 0;
    if (j + 1 < c->len && t[j] == '1' && strchr("-. ", t[j + 1]) && t[j + 1]) {
        trunk = 1;
        j += 2;
    }
    char sep = trunk ? t[j - 1] : '-';
    if (digits_run(t, c->len, j) != 3 || j + 3 >= c->len || t[j + 3] != sep)
        return 0;
    const char *area = t + j;
    j += 4;
    size_t gstart[6], glen[6], ng = 0, total = 0, letter_groups = 0;
    while (ng < 6) {
        size_t d = digits_run(t, c->len, j), l = 0;
        if (!d)
            while (j + l < c->len && nb_ascii_is_upper((unsigned char)t[j + l]))
                l++;
        if ((!d && !l) || d > 4 || l > 8)
            return 0;
        letter_groups += l > 0;
        gstart[ng] = j;
        glen[ng++] = d + l;
        total += d + l;
        j += d + l;
        if (j + 1 < c->len && t[j] == sep && nb_ascii_is_alnum((unsigned char)t[j + 1]))
            j++;
        else
            break;
    }
    if (!nb_norm_token_end(t, c->len, j) || (j < c->len && (t[j] == '-' || t[j] == '/')) ||
        (j + 1 < c->len && t[j] == '.' && nb_ascii_is_digit((unsigned char)t[j + 1])))
        return 0;
    /* letters only in a hyphened number: "1 800 MIGRANTS" is a headline */
    if (letter_groups ? total < 7 || total > 10 || !(trunk || toll_free(area)) || sep == ' '
                      : !trunk || ng != 2 || glen[0] != 3 || glen[1] != 4)
        return 0;
    if ((trunk && nb_norm_say(c, NUMS(c)->ones[1]) != NB_OK) ||
        (trunk && nb_buf_addc(c->say, ',') != NB_OK) || say_area_code(c, area) != NB_OK)
        return nb_norm_fail(c);
    for (size_t g = 0; g < ng; g++) {
        const char *s = t + gstart[g];
        nb_status rc = nb_buf_addc(c->say, ',');
        if (rc == NB_OK && nb_ascii_is_digit((unsigned char)s[0])) {
            rc = say_phone_digits(c, s, glen[g]);
        } else if (rc == NB_OK && glen[g] == 1) {
            char letter[2] = {s[0], s[0] == 'A' ? '-' : '\0'}; /* "A" alone is "uh" */
            rc = nb_norm_say_n(c, letter, letter[1] ? 2 : 1);
        } else if (rc == NB_OK) {
            char word[8];
            for (size_t k = 0; k < glen[g]; k++)
                word[k] = (char)nb_ascii_lower((unsigned char)s[k]);
            rc = nb_norm_say_n(c, word, glen[g]);
        }
        if (rc != NB_OK)
            return nb_norm_fail(c);
    }
    c->rule = "phone";
    return j - i;
}

size_t nb_norm_match_phone(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t na = match_north_american(c, i);
    if (na || c->status != NB_OK)
        return na;
    size_t j = i;
    int plus = 0, paren = 0;
    size_t gstart[8], glen[8], ng = 0, total = 0;
    char sep = 0;
    if (t[j] == '+') {
        plus = 1;
        j++;
    }
    while (j < c->len && ng < 8) {
        if (t[j] == '(' && ng <= 1 && !paren) {
            size_t k = j + 1, d = 0;
            while (k < c->len && nb_ascii_is_digit((unsigned char)t[k]))
                k++, d++;
            if (d < 2 || d > 4 || k >= c->len || t[k] != ')')
                return 0;
            gstart[ng] = j + 1;
            glen[ng++] = d;
            total += d;
            paren = 1;
            j = k + 1;
        } else {
            size_t d = 0;
            while (j + d < c->len && nb_ascii_is_digit((unsigned char)t[j + d]))
                d++;
            if (d == 0 || d > 4)
                return 0;
            gstart[ng] = j;
            glen[ng++] = d;
            total += d;
            j += d;
        }
        if (j + 1 >= c->len)
            break;
        char s = t[j];
        if (s == '-' || s == '.' || s == ' ') {
            if (!nb_ascii_is_digit((unsigned char)t[j + 1]) && t[j + 1] != '(')
                break;
            if (s == ' ' && !plus && !paren && t[gstart[0]] != '0')
                break;
            if (s != ' ' && sep && s != sep && !(plus && ng == 1) && !(paren && ng <= 2))
                return 0;
            if (s != ' ' && !(plus && ng == 1) && !(paren && ng <= 2))
                sep = s;
            j++;
        } else if (t[j] == '(' || (paren && ng <= 2 && nb_ascii_is_digit((unsigned char)t[j]))) {
            continue;
        } else {
            break;
        }
    }
    if (!nb_norm_token_end(t, c->len, j) || (j < c->len && (t[j] == '-' || t[j] == '/')))
        return 0;
    if (j + 1 < c->len && t[j] == '.' && nb_ascii_is_digit((unsigned char)t[j + 1]))
        return 0;
    /* four dotted groups of up to three digits: an IP address */
    if (!plus && !paren && sep == '.' && ng == 4) {
        for (size_t g = 0; g < ng; g++)
            if (glen[g] > 3)
                return 0;
        for (size_t g = 0; g < ng; g++)
            if ((g && nb_norm_say(c, WORDS(c)->dot) != NB_OK) ||
                nb_numbers_digits(NUMS(c), t + gstart[g], glen[g], c->say) != NB_OK)
                return nb_norm_fail(c);
        c->rule = "address";
        return j - i;
    }
    if (ng < 3 && !(plus && ng >= 2))
        return 0;
    if (total < (plus || paren ? 7u : 9u) || total > 15)
        return 0;
    if (!plus && !paren && (glen[0] < 3 || glen[ng - 1] < 1))
        return 0;
    if (plus && nb_norm_say(c, WORDS(c)->plus) != NB_OK)
        return nb_norm_fail(c);
    for (size_t g = 0; g < ng; g++) {
        const char *d = t + gstart[g];
        if (g && nb_buf_addc(c->say, ',') != NB_OK)
            return nb_norm_fail(c);
        /* "0800", "0300": "oh eight hundred" */
        int round = g == 0 && !plus && glen[g] == 4 && d[0] == '0' && d[1] != '0' && d[2] == '0' &&
                    d[3] == '0';
        if (round ? nb_norm_say(c, WORDS(c)->phone_zero) != NB_OK ||
                        nb_numbers_cardinal(NUMS(c), d + 1, 3, c->say) != NB_OK
                  : say_phone_digits(c, d, glen[g]) != NB_OK)
            return nb_norm_fail(c);
    }
    c->rule = "phone";
    return j - i;
}

/* ---- URLs and e-mail addresses ---- */

static const char *const tlds[] = {"com", "edu", "eu",   "gov", "int",
                                   "io",  "net", "news", "org", "uk"};

static int url_char(int ch)
{
    return nb_ascii_is_alnum(ch) || ch == '.' || ch == '/' || ch == '-' || ch == '_' || ch == '~' ||
           ch == '%' || ch == '?' || ch == '=' || ch == '#' || ch == ':' || ch == '+';
}

/* Says a run of a URL or address: labels as written, separators as words. */
static nb_status say_web(struct nb_norm_ctx *c, const char *s, size_t n)
{
    const struct nb_norm_words *w = WORDS(c);
    size_t k = 0;
    while (k < n) {
        unsigned char ch = (unsigned char)s[k];
        if (nb_ascii_is_alnum(ch)) {
            size_t e = k;
            while (e < n && nb_ascii_is_alnum((unsigned char)s[e]))
                e++;
            if (e - k == 3 && nb_norm_starts_ci(s, n, k, "www")) {
                if (nb_norm_say(c, "W-W-W") != NB_OK)
                    return NB_ENOMEM;
            } else if (nb_norm_say_n(c, s + k, e - k) != NB_OK) {
                return NB_ENOMEM;
            }
            k = e;
            continue;
        }
        const char *word = ch == '.'   ? w->dot
                           : ch == '/' ? w->slash
                           : ch == '-' ? w->dash
                           : ch == '_' ? w->underscore
                           : ch == '@' ? w->at
                                       : NULL;
        if (word && nb_norm_say(c, word) != NB_OK)
            return NB_ENOMEM;
        k++;
    }
    return NB_OK;
}

#define MAX_WEB 2048

size_t nb_norm_match_web(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t j = i, start = i;
    /* an address starts a run, never inside one: scanning from every
     * letter of "a.a.a.a..." would be quadratic */
    if (i > 0 && (url_char((unsigned char)t[i - 1]) || t[i - 1] == '@'))
        return 0;
    int h = t[i] == 'h' || t[i] == 'H'; /* most words: no scheme to look for */
    if (h && nb_norm_starts_ci(t, c->len, i, "https://"))
        start = j = i + 8;
    else if (h && nb_norm_starts_ci(t, c->len, i, "http://"))
        start = j = i + 7;
    size_t at = 0;
    int dotted = 0;
    /* letters and digits first, the most of any run: the loop below would
     * take them one by one with every test */
    while (j < c->len && j - i <= MAX_WEB && nb_ascii_is_alnum((unsigned char)t[j]))
        j++;
    while (j < c->len && (url_char((unsigned char)t[j]) || t[j] == '@')) {
        if (j - i > MAX_WEB)
            return 0; /* no address is this long: read it as text */
        if (t[j] == '@') {
            if (at)
                return 0;
            at = j;
        }
        dotted |= t[j] == '.';
        j++;
    }
    if (!dotted)
        return 0; /* no dot, no domain (asked at every word: the common answer first) */
    /* trailing punctuation belongs to the sentence */
    while (j > start && strchr(".,:;?!/)-", t[j - 1]))
        j--;
    if (j == start)
        return 0;
    /* the domain: the last dotted label of the host part */
    size_t host = at ? at + 1 : start, host_end = host;
    while (host_end < j && t[host_end] != '/' && t[host_end] != '?' && t[host_end] != ':')
        host_end++;
    size_t dot = 0;
    for (size_t k = host; k < host_end; k++)
        if (t[k] == '.')
            dot = k;
    if (!dot)
        return 0;
    size_t tl = host_end - dot - 1;
    int www = nb_norm_starts_ci(t, c->len, start, "www.");
    int known = nb_norm_in_list(tlds, sizeof(tlds) / sizeof(tlds[0]), t + dot + 1, tl, 1);
    if (!www && start == i && !known)
        return 0;
    if (at && (at == start || tl < 2))
        return 0;
    if (!at && !www && start == i && host_end == j && (j - i) < 6)
        return 0;
    if (say_web(c, t + start, j - start) != NB_OK)
        return nb_norm_fail(c);
    c->rule = at ? "e-mail" : "web address";
    return j - i;
}

/* ---- abbreviations ---- */

/* 1 when a number precedes the word starting at ws ("10 Downing St"). */
static int number_before(const char *t, size_t ws)
{
    size_t k = ws;
    while (k > 0 && nb_ascii_is_blank((unsigned char)t[k - 1]))
        k--;
    return k > 0 && nb_ascii_is_digit((unsigned char)t[k - 1]);
}

void nb_norm_abbrev_index(struct nb_norm_ctx *c)
{
    const struct nb_norm_lang *r = c->lang;
    memset(c->abbrev_first, 0, sizeof(c->abbrev_first));
    c->abbrev_indexed = r && r->nabbrevs <= NB_NORM_ABBREVS_INDEXED;
    for (size_t k = c->abbrev_indexed ? r->nabbrevs : 0; k-- > 0;) {
        unsigned char b = (unsigned char)r->abbrevs[k].written[0];
        c->abbrev_next[k] = c->abbrev_first[b];
        c->abbrev_first[b] = (unsigned char)(k + 1);
    }
}

/* The entry after entry k (SIZE_MAX: before the first) that may start
 * with byte b, in table order; r->nabbrevs when there is none. */
static size_t abbrev_after(const struct nb_norm_ctx *c, size_t k, unsigned char b)
{
    if (!c->abbrev_indexed)
        return k + 1;
    size_t next = k == SIZE_MAX ? c->abbrev_first[b] : c->abbrev_next[k];
    return next ? next - 1 : c->lang->nabbrevs;
}

size_t nb_norm_match_abbrev(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    const struct nb_norm_lang *r = c->lang;
    unsigned char b = (unsigned char)t[i];
    /* asked at every word: only the entries with its first byte are read */
    for (size_t k = abbrev_after(c, SIZE_MAX, b); k < r->nabbrevs; k = abbrev_after(c, k, b)) {
        const struct nb_abbrev *a = &r->abbrevs[k];
        /* the second byte first: most words share no more than the first */
        if (a->written[0] && a->written[1] && (i + 1 >= c->len || t[i + 1] != a->written[1]))
            continue;
        size_t wl = strlen(a->written);
        if (wl > c->len - i || memcmp(t + i, a->written, wl) != 0)
            continue;
        size_t e = i + wl;
        int dot = e < c->len && t[e] == '.';
        if (a->needs_dot && !dot)
            continue;
        size_t after = e + dot;
        if (!nb_norm_token_end(t, c->len, e) ||
            (dot && after < c->len && nb_ascii_is_alnum((unsigned char)t[after])))
            continue;
        size_t ws, nl = nb_norm_next_word(t, c->len, after, &ws);
        int spaced = ws > after;
        int next_cap = spaced && nl && nb_norm_capital_at(t, c->len, ws);
        if (!next_cap && spaced && ws < c->len && (unsigned char)t[ws] >= 0x80)
            next_cap = nb_norm_capital_at(t, c->len, ws);
        size_t ps, pl = nb_norm_prev_word(t, i, &ps);
        int prev_cap = pl && ps < i && nb_norm_capital_at(t, c->len, ps) && i > ps + pl;
        int sentence_end = 0;
        switch (a->when) {
        case NB_ABBR_ALWAYS:
            break;
        case NB_ABBR_BEFORE_NAME:
            if (!next_cap)
                continue;
            break;
        case NB_ABBR_AFTER_NAME:
            if (!prev_cap || (next_cap && !number_before(t, ps) && strcmp(a->spoken, "Junior")))
                continue;
            /* "Elm St. It was": the full stop still ends the sentence */
            sentence_end = dot && (after >= c->len || next_cap);
            break;
        case NB_ABBR_BEFORE_NUMBER:
            if (!spaced || ws >= c->len || !nb_ascii_is_digit((unsigned char)t[ws]))
                continue;
            break;
        }
        if (nb_norm_say(c, a->spoken) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "abbreviation";
        return sentence_end ? e - i : after - i;
    }
    return 0;
}

/* ---- roman numerals ---- */

static int roman_value(int ch)
{
    switch (ch) {
    case 'I':
        return 1;
    case 'V':
        return 5;
    case 'X':
        return 10;
    case 'L':
        return 50;
    case 'C':
        return 100;
    case 'D':
        return 500;
    case 'M':
        return 1000;
    default:
        return 0;
    }
}

/* The value of a canonical roman numeral s[0..n), or 0. */
static unsigned roman_parse(const char *s, size_t n)
{
    static const struct {
        unsigned v;
        const char *r;
    } parts[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                 {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                 {5, "V"},    {4, "IV"},   {1, "I"}};
    unsigned v = 0;
    for (size_t k = 0; k < n; k++)
        if (!roman_value((unsigned char)s[k]))
            return 0;
    /* canonical form: greedy from the largest part */
    size_t k = 0;
    for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]) && k < n; p++) {
        size_t pl = strlen(parts[p].r);
        int reps = 0;
        while (k + pl <= n && memcmp(s + k, parts[p].r, pl) == 0 && reps < 3) {
            v += parts[p].v;
            k += pl;
            reps++;
            if (pl == 2 || parts[p].v == 5 || parts[p].v == 50 || parts[p].v == 500)
                break;
        }
    }
    return k == n && v < 4000 ? v : 0;
}

size_t nb_norm_match_roman(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t n = 0;
    while (i + n < c->len && roman_value((unsigned char)t[i + n]))
        n++;
    if (!n || !nb_norm_token_end(t, c->len, i + n) ||
        (i + n < c->len && (t[i + n] == '-' || t[i + n] == '\'' || t[i + n] == '.') &&
         i + n + 1 < c->len && nb_ascii_is_alnum((unsigned char)t[i + n + 1])))
        return 0;
    unsigned v = roman_parse(t + i, n);
    if (!v)
        return 0;
    size_t ps, pl = nb_norm_prev_word(t, i, &ps);
    if (!pl || ps + pl == i || !nb_ascii_is_blank((unsigned char)t[ps + pl]))
        return 0;
    if (nb_norm_in_list(c->lang->cardinal_roman_after, c->lang->ncardinal_roman_after, t + ps, pl,
                        1)) {
        if (nb_numbers_cardinal_u(NUMS(c), v, c->say) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "roman numeral";
        return n;
    }
    /* "Henry VIII", "Elizabeth II": a capitalised name before it */
    if (v > 50 || (n == 1 && t[i] != 'V'))
        return 0;
    if (!nb_norm_capital_at(t, c->len, ps) || (c->shouting && pl < 3))
        return 0;
    for (size_t k = ps + 1; k < ps + pl; k++)
        if (nb_ascii_is_upper((unsigned char)t[k]) && !c->shouting)
            return 0; /* "NATO II"? no: an acronym */
    size_t from = c->say->len;
    if (nb_norm_say(c, WORDS(c)->regnal_the) != NB_OK || nb_norm_say(c, "") != NB_OK ||
        nb_numbers_cardinal_u(NUMS(c), v, c->say) != NB_OK ||
        nb_numbers_last_ordinal(NUMS(c), c->say, from) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "roman numeral";
    return n;
}

/* ---- acronyms and initialisms ---- */

static int is_vowel(int ch)
{
    return ch == 'A' || ch == 'E' || ch == 'I' || ch == 'O' || ch == 'U';
}

static int in_pairs(const char *list, char a, char b)
{
    for (const char *p = list; p[0] && p[1]; p += 3)
        if (p[0] == a && p[1] == b)
            return 1;
    return 0;
}

/* The pronounceability rule for capitals not in either list: said as a
 * word when it has at least four letters, two vowels, no three consonants
 * in a row, and starts and ends the way English words do. */
static int pronounceable(const char *s, size_t n)
{
    static const char onsets[] = "BL BR CH CL CR DR FL FR GL GR PH PL PR SC SH SK SL SM SN SP "
                                 "ST SW TH TR TW WH ";
    static const char codas[] = "CK CT DS FT KS LD LT MP MS ND NG NK NS NT PS RD RK RM RN RS RT "
                                "SK SP ST TH TS ";
    if (n < 4)
        return 0;
    int vowels = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        if (is_vowel((unsigned char)s[k])) {
            vowels++;
            run = 0;
        } else if (++run >= 3) {
            return 0;
        }
    }
    if (vowels < 2)
        return 0;
    if (!is_vowel((unsigned char)s[0]) && !is_vowel((unsigned char)s[1]) &&
        !in_pairs(onsets, s[0], s[1]))
        return 0;
    if (!is_vowel((unsigned char)s[n - 1]) && !is_vowel((unsigned char)s[n - 2]) &&
        !in_pairs(codas, s[n - 2], s[n - 1]))
        return 0;
    if (is_vowel((unsigned char)s[0]) && is_vowel((unsigned char)s[1]))
        return 0; /* "OECD", "IAEA" */
    return 1;
}

/* "O-S-C-E" (and "M-P's" for a plural).  An A joined by hyphens reads as
 * the article "a" ("D-N-A is", "U-A-E" said "you uh ee"), so a name with
 * an A is written with full stops instead: "D.N.A.", "U.A.E.". */
static nb_status say_spelled(struct nb_norm_ctx *c, const char *s, size_t n, const char *tail)
{
    char buf[40];
    size_t b = 0;
    int dots = memchr(s, 'A', n) != NULL && !tail;
    for (size_t k = 0; k < n && b + 3 < sizeof(buf); k++) {
        if (k && !dots)
            buf[b++] = '-';
        buf[b++] = s[k];
        if (dots)
            buf[b++] = '.';
    }
    if (nb_norm_say_n(c, buf, b) != NB_OK)
        return NB_ENOMEM;
    return tail ? nb_buf_adds(c->say, tail) : NB_OK;
}

/* "A-and-E", "A-T-and-T", "M-and-A-": the letters of a[0..n) and b[0..m)
 * as one hyphened chain around the language's "and"; a final A gets a
 * hyphen after it, or it is read as the article "a". */
static nb_status amp_chain(struct nb_norm_ctx *c, const char *a, size_t n, const char *b, size_t m)
{
    const char *and_word = WORDS(c)->and_word;
    char buf[64];
    size_t k = 0;
    for (size_t x = 0; x < n; x++) {
        buf[k++] = a[x];
        buf[k++] = '-';
    }
    size_t al = strlen(and_word);
    if (al > 20)
        return nb_norm_say(c, and_word); /* cannot happen: the words are short */
    memcpy(buf + k, and_word, al);
    k += al;
    for (size_t x = 0; x < m; x++) {
        buf[k++] = '-';
        buf[k++] = b[x];
    }
    if (b[m - 1] == 'A')
        buf[k++] = '-';
    return nb_norm_say_n(c, buf, k);
}

/* "C. S. Lewis", "U.S.", "e.s.t": single letters each with a full stop. */
static size_t dotted_initials(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    char letters[12];
    size_t n = 0, j = i;
    int spaced = 0;
    while (j + 1 < c->len && nb_ascii_is_upper((unsigned char)t[j]) && t[j + 1] == '.' &&
           n < sizeof(letters) &&
           (j + 2 >= c->len || !nb_ascii_is_alpha((unsigned char)t[j + 2]) ||
            nb_ascii_is_upper((unsigned char)t[j + 2]))) {
        if (j > i && t[j - 1] == ' ')
            spaced = 1;
        letters[n++] = t[j];
        j += 2;
        if (j + 1 < c->len && t[j] == ' ' && nb_ascii_is_upper((unsigned char)t[j + 1]) &&
            j + 2 < c->len && t[j + 2] == '.')
            j++;
    }
    if (n < 2)
        return 0;
    (void)spaced;
    if (say_spelled(c, letters, n, NULL) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "initials";
    return j - i;
}

/* A flight, model or catalogue code, "BA286", "B747", "TOI-9182": one to
 * four capitals, perhaps a hyphen, then three to six digits, a whole
 * token.  eSpeak NG reads "BA286" as "baa two hundred and eighty six";
 * such codes are said letter by letter and digit by digit: "B.A. two
 * eight six".  Shorter numbers ("M25", "G7", "QF1") eSpeak NG reads
 * right. */
static size_t match_code(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    if (i > 0 && (nb_ascii_is_alnum((unsigned char)t[i - 1]) || t[i - 1] == '-'))
        return 0;
    size_t n = 0;
    while (i + n < c->len && nb_ascii_is_upper((unsigned char)t[i + n]) && n < 5)
        n++;
    if (n < 1 || n > 4)
        return 0;
    size_t d = i + n;
    if (d < c->len && t[d] == '-')
        d++;
    size_t m = 0;
    while (d + m < c->len && nb_ascii_is_digit((unsigned char)t[d + m]) && m < 7)
        m++;
    if (m < 3 || m > 6 || !nb_norm_token_end(t, c->len, d + m) ||
        (d + m < c->len && (t[d + m] == '.' || t[d + m] == ',') && d + m + 1 < c->len &&
         nb_ascii_is_digit((unsigned char)t[d + m + 1])))
        return 0;
    char letters[8];
    for (size_t k = 0; k < n; k++) {
        letters[2 * k] = t[i + k];
        letters[2 * k + 1] = n == 1 ? '-' : '.'; /* "A. three" is "uh three", "A- three" not */
    }
    if (nb_norm_say_n(c, letters, 2 * n) != NB_OK)
        return nb_norm_fail(c);
    struct nb_buf digits;
    nb_buf_init(&digits, 0);
    nb_status rc = nb_numbers_digits(NUMS(c), t + d, m, &digits);
    if (rc == NB_OK)
        rc = nb_norm_say_n(c, digits.data, digits.len);
    nb_buf_release(&digits);
    if (rc != NB_OK)
        return nb_norm_fail(c);
    c->rule = "code";
    return d + m - i;
}

size_t nb_norm_match_acronym(struct nb_norm_ctx *c, size_t i)
{
    size_t code = match_code(c, i);
    if (code)
        return code;
    const char *t = c->text;
    size_t used = dotted_initials(c, i);
    if (used)
        return used;
    size_t n = 0;
    while (i + n < c->len && nb_ascii_is_upper((unsigned char)t[i + n]))
        n++;
    size_t e = i + n;
    /* "AT&T", "M&S", "A&E", "P&O": letters joined by "&", one chain
     * "A-and-E" (as words, "A and E", the A is the article "uh") */
    if (n >= 1 && e + 1 < c->len && t[e] == '&' && n <= 3 &&
        nb_ascii_is_upper((unsigned char)t[e + 1]) &&
        (i == 0 || !nb_ascii_is_alnum((unsigned char)t[i - 1]))) {
        size_t m = 0;
        while (e + 1 + m < c->len && nb_ascii_is_upper((unsigned char)t[e + 1 + m]))
            m++;
        if (m <= 3 && nb_norm_token_end(t, c->len, e + 1 + m)) {
            if (amp_chain(c, t + i, n, t + e + 1, m) != NB_OK)
                return nb_norm_fail(c);
            c->rule = "initialism";
            return e + 1 + m - i;
        }
    }
    if (n < 2 || n > 8)
        return 0;
    const char *tail = NULL;
    size_t end = e;
    if (e < c->len && t[e] == 's' && nb_norm_token_end(t, c->len, e + 1)) {
        tail = "'s"; /* "MPs" */
        end = e + 1;
    } else if (e + 1 < c->len && t[e] == '\'' && t[e + 1] == 's' &&
               nb_norm_token_end(t, c->len, e + 2)) {
        tail = "'s";
        end = e + 2;
    } else if (!nb_norm_token_end(t, c->len, e) ||
               (e < c->len && (t[e] == '-' || t[e] == '&') && e + 1 < c->len &&
                nb_ascii_is_alnum((unsigned char)t[e + 1]))) {
        return 0;
    }
    const struct nb_norm_lang *r = c->lang;
    if (nb_norm_in_list(r->acronym_words, r->nacronym_words, t + i, n, 0)) {
        char w[12];
        for (size_t k = 0; k < n; k++)
            w[k] = (char)(k ? nb_ascii_lower((unsigned char)t[i + k]) : t[i + k]);
        if (nb_norm_say_n(c, w, n) != NB_OK || (tail && nb_buf_addc(c->say, 's') != NB_OK))
            return nb_norm_fail(c);
        c->rule = "acronym";
        return end - i;
    }
    int listed = nb_norm_in_list(r->initialisms, r->ninitialisms, t + i, n, 0);
    if (!listed && (c->shouting || pronounceable(t + i, n)))
        return 0;
    if (say_spelled(c, t + i, n, tail) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "initialism";
    return end - i;
}
