/* names.c - the proper names of a bulletin and how eSpeak NG says them. */
#include "bulletin/names.h"

#include "config/lexicon.h"
#include "script/script.h"
#include "speech/speech.h"
#include "spoken/normalise.h"
#include "text/buf.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/file.h"

#include <stdlib.h>
#include <string.h>

const char *nb_name_source_name(enum nb_name_source s)
{
    return s == NB_NAME_GUESS ? "guess" : s == NB_NAME_LEXICON ? "lexicon" : "dictionary";
}

void nb_names_release(struct nb_names *names)
{
    for (size_t i = 0; i < names->n; i++) {
        free(names->v[i].written);
        free(names->v[i].spoken);
        free(names->v[i].phonemes);
    }
    free(names->v);
    names->v = NULL;
    names->n = 0;
}

/* A word candidate: text[s..e), and whether it opens a sentence. */
struct word {
    const char *s;
    size_t len;
    int opener;
};

/* The end of the word at text[i] (letters, with ' ’ - inside). */
static size_t word_end(const char *t, size_t len, size_t i)
{
    size_t j = i;
    while (j < len) {
        size_t n = 0;
        uint32_t cp = nb_char_at(t, len, j, &n);
        if (n == 0)
            break;
        if (nb_char_is_letter(cp)) {
            j += n;
            continue;
        }
        if (cp == '\'' || cp == 0x2019 || cp == '-') {
            size_t m = 0;
            uint32_t next = j + n < len ? nb_char_at(t, len, j + n, &m) : 0;
            if (m && nb_char_is_letter(next)) {
                j += n;
                continue;
            }
        }
        break;
    }
    return j;
}

static int initialism(const char *w, size_t len)
{
    size_t upper = 0;
    for (size_t i = 0; i < len; i++) {
        if (nb_ascii_is_lower((unsigned char)w[i]))
            return 0;
        upper += nb_ascii_is_upper((unsigned char)w[i]) != 0;
    }
    return upper >= 2;
}

/* Appends to *v (n, cap) each capitalised word of text. */
static nb_status collect(const char *t, struct word **v, size_t *n, size_t *cap)
{
    size_t len = strlen(t), i = 0;
    int opener = 1;
    /* the capitalised word just before, with only a space between: a
     * sentence's first word followed by a name is part of it ("Morag
     * Leitch said") */
    size_t run = SIZE_MAX;
    while (i < len) {
        size_t k = 0;
        uint32_t cp = nb_char_at(t, len, i, &k);
        if (k == 0)
            break;
        if (!nb_char_is_letter(cp)) {
            if (cp != ' ')
                run = SIZE_MAX;
            if (cp == '.' || cp == '!' || cp == '?' || cp == ':')
                opener = 1;
            else if (!nb_ascii_is_space((int)(cp < 0x80 ? cp : 'x')) && cp != '"' && cp != 0x201C &&
                     cp != 0x2018 && cp != '\'' && cp != '(')
                opener = 0;
            i += k;
            continue;
        }
        size_t e = word_end(t, len, i);
        size_t wl = e - i;
        /* "Aberdeen's" is Aberdeen; "California-based" is California */
        for (size_t h = 1; h + 1 < wl; h++)
            if (t[i + h] == '-' && nb_ascii_is_lower((unsigned char)t[i + h + 1])) {
                wl = h;
                break;
            }
        if (wl > 2 && t[i + wl - 1] == 's' && t[i + wl - 2] == '\'')
            wl -= 2;
        else if (wl > 4 && t[i + wl - 1] == 's' && memcmp(t + i + wl - 4, "\xE2\x80\x99", 3) == 0)
            wl -= 4;
        if (nb_char_is_upper(cp) && wl > 1 && !initialism(t + i, wl) &&
            !nb_calendar_month(&nb_calendar_en, t + i, wl, 0) &&
            !nb_calendar_weekday(&nb_calendar_en, t + i, wl, 0)) {
            if (*n == *cap) {
                size_t nc = *cap ? *cap * 2 : 64;
                struct word *nv = realloc(*v, nc * sizeof(*nv));
                if (!nv)
                    return NB_ENOMEM;
                *v = nv;
                *cap = nc;
            }
            if (!opener && run != SIZE_MAX)
                (*v)[run].opener = 0;
            run = *n;
            (*v)[(*n)++] = (struct word){t + i, wl, opener};
        } else {
            run = SIZE_MAX;
        }
        if (wl != e - i)
            run = SIZE_MAX; /* "Aberdeen's", "California-based" end the run */
        opener = 0;
        i = e;
    }
    return NB_OK;
}

/* 1 when the script also writes the word w[0..len) in lower case, as a
 * whole word: a common word capitalised in a title, not a name. */
static int lower_elsewhere(const struct nb_bulletin *bl, const char *w, size_t len)
{
    char low[64];
    if (len >= sizeof(low) || !nb_ascii_is_upper((unsigned char)w[0]))
        return 0;
    memcpy(low, w, len);
    low[0] = (char)nb_ascii_lower((unsigned char)low[0]);
    low[len] = '\0';
    for (size_t i = 0; i < bl->script.n; i++) {
        const char *t = bl->script.segments[i].text;
        for (const char *h = strstr(t, low); h; h = strstr(h + 1, low)) {
            int before = h > t && nb_ascii_is_alpha((unsigned char)h[-1]);
            int after = nb_ascii_is_alpha((unsigned char)h[len]);
            if (!before && !after)
                return 1;
        }
    }
    return 0;
}

static int same(const struct word *a, const char *s, size_t len)
{
    return a->len == len && memcmp(a->s, s, len) == 0;
}

static int by_source_count(const void *x, const void *y)
{
    const struct nb_name *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->written, b->written);
}

/* Fills name (written set) with how it is said. */
static nb_status say_name(struct nb_bulletin *bl, struct nb_speech *sp, const char *lang,
                          struct nb_name *name, struct nb_error *err)
{
    struct nb_buf spoken, why, ph;
    nb_buf_init(&spoken, 0);
    nb_buf_init(&why, 0);
    nb_buf_init(&ph, 0);
    struct nb_normaliser norm = {.language = lang, .lexicon = bl->lexicon};
    nb_status rc = nb_normalise_ex(name->written, strlen(name->written), &norm, &spoken, &why, err);
    int lexicon = rc == NB_OK && strstr(why.data ? why.data : "", "(lexicon") != NULL;
    int known = 0;
    if (rc == NB_OK && lexicon) {
        name->source = NB_NAME_LEXICON;
        rc = nb_speech_phonemes(sp, lang, spoken.data, spoken.len, &ph, err);
    } else if (rc == NB_OK) {
        rc = nb_speech_word(sp, lang, name->written, &ph, &known, err);
        name->source = known ? NB_NAME_DICTIONARY : NB_NAME_GUESS;
    }
    if (rc == NB_OK) {
        name->spoken = nb_buf_detach(&spoken, NULL);
        name->phonemes = nb_buf_detach(&ph, NULL);
        if (!name->spoken)
            name->spoken = nb_strdup(lexicon ? "" : name->written);
        if (!name->phonemes)
            name->phonemes = nb_strdup("");
        if (!name->spoken || !name->phonemes)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_buf_release(&spoken);
    nb_buf_release(&why);
    nb_buf_release(&ph);
    return rc;
}

nb_status nb_bulletin_names(struct nb_bulletin *bl, struct nb_names *out, struct nb_error *err)
{
    struct word *words = NULL;
    size_t nw = 0, cap = 0;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < bl->script.n; i++)
        if (collect(bl->script.segments[i].text, &words, &nw, &cap) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    /* distinct names: a sentence opener only when capitalised elsewhere */
    struct nb_names names = {NULL, 0};
    if (rc == NB_OK && nw && !(names.v = calloc(nw, sizeof(*names.v))))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; rc == NB_OK && i < nw; i++) {
        size_t seen = SIZE_MAX, count = 0;
        int inside = 0;
        for (size_t j = 0; j < nw; j++) {
            if (!same(&words[j], words[i].s, words[i].len))
                continue;
            if (j < i && seen == SIZE_MAX)
                seen = j;
            count++;
            inside |= !words[j].opener;
        }
        if (seen != SIZE_MAX || !inside)
            continue; /* counted at its first, or only ever a sentence's first word */
        if (lower_elsewhere(bl, words[i].s, words[i].len))
            continue; /* "Morning Briefing" and "good morning": a word, not a name */
        struct nb_name *nm = &names.v[names.n];
        if (!(nm->written = nb_strndup(words[i].s, words[i].len))) {
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            break;
        }
        nm->count = count;
        names.n++;
    }
    free(words);
    struct nb_speech *sp = NULL;
    if (rc == NB_OK && names.n)
        rc = nb_speech_new(&sp, err);
    const char *lang = bl->nvoices && bl->voices[0].language ? bl->voices[0].language : "en-gb";
    for (size_t i = 0; rc == NB_OK && i < names.n; i++)
        rc = say_name(bl, sp, lang, &names.v[i], err);
    nb_speech_free(sp);
    if (rc != NB_OK) {
        nb_names_release(&names);
        return rc;
    }
    if (names.n)
        qsort(names.v, names.n, sizeof(*names.v), by_source_count);
    *out = names;
    return NB_OK;
}

static int is_yaml(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcmp(path + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(path + n - 4, ".yml") == 0);
}

/* The article's headline and every paragraph, as story segments. */
static nb_status article_script(struct nb_bulletin *bl, const char *path, struct nb_error *err)
{
    struct nb_article a;
    nb_status rc = nb_bulletin_read_article(&a, path, err);
    if (rc != NB_OK)
        return rc;
    const char *voice = bl->voices[0].name;
    if (a.headline)
        rc = nb_script_add(&bl->script, NB_SEG_STORY, 1, voice, a.headline, a.headline, NULL, err);
    for (size_t i = 0; rc == NB_OK && i < a.paragraphs.n; i++)
        rc = nb_script_add(&bl->script, NB_SEG_STORY, 1, voice, a.paragraphs.v[i],
                           a.paragraphs.v[i], NULL, err);
    nb_article_release(&a);
    return rc;
}

nb_status nb_bulletin_names_prepare(struct nb_bulletin *bl, const char *path, struct nb_error *err)
{
    if (!path || is_yaml(path))
        return nb_bulletin_script(bl, path, err);
    struct nb_buf dir, text;
    nb_buf_init(&dir, 0);
    nb_buf_init(&text, 0);
    nb_status rc = nb_path_dirname(path, &dir) == NB_OK
                       ? NB_OK
                       : nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = nb_voice_profile_open(&bl->voices[0], "anchor", dir.data, err);
    bl->nvoices = rc == NB_OK;
    if (rc == NB_OK)
        rc = nb_file_read_text(path, 0, &text, NULL, err);
    int script = rc == NB_OK && nb_script_is_text(text.data, text.len);
    if (rc == NB_OK && script)
        rc = nb_script_parse_text(&bl->script, text.data, text.len, path, bl->voices[0].language,
                                  err);
    else if (rc == NB_OK)
        rc = article_script(bl, path, err);
    if (rc == NB_OK) {
        const char *own = bl->script.lexicon;
        rc = nb_lexicon_open(&bl->lexicon, bl->voices[0].language, 1, dir.data, &own, 1, err);
    }
    nb_buf_release(&dir);
    nb_buf_release(&text);
    return rc;
}
