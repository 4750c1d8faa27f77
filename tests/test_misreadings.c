/* test_misreadings.c - what a listener heard wrong, checked by ear: the
 * phonemes eSpeak NG makes of our spoken form must be those it makes of a
 * respelling a person wrote (spoken/normalise.c through
 * speech/speech.c:nb_speech_phonemes).  Stress marks and word boundaries
 * are left out of the comparison; the sounds must be the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/lexicon.h"
#include "speech/speech.h"
#include "spoken/normalise.h"
#include "text/buf.h"
#include "text/yaml_doc.h"

static struct nb_speech *sp;

static int setup(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    return nb_speech_new(&sp, &err) == NB_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nb_speech_free(sp);
    return 0;
}

/* The sounds of s: eSpeak NG's phonemes less stress, length of pauses,
 * word and syllable boundaries. */
static char *sounds(const char *voice, const char *s)
{
    struct nb_buf ph, out;
    nb_buf_init(&ph, 0);
    nb_buf_init(&out, 0);
    struct nb_error err;
    nb_error_init(&err);
    if (nb_speech_phonemes(sp, voice, s, strlen(s), &ph, &err) != NB_OK)
        fail_msg("phonemes of '%s': %s", s, err.message);
    for (size_t i = 0; i < ph.len; i++)
        if (!strchr("',;_:- \n", ph.data[i]))
            assert_int_equal(nb_buf_addc(&out, ph.data[i]), NB_OK);
    assert_int_equal(nb_buf_addc(&out, '\0'), NB_OK);
    nb_buf_release(&ph);
    return nb_buf_detach(&out, NULL);
}

static void heard_as(const char *lang, const char *written, const char *respelt)
{
    struct nb_buf spoken;
    nb_buf_init(&spoken, 0);
    assert_int_equal(nb_normalise(written, strlen(written), lang, &spoken, NULL), NB_OK);
    assert_int_equal(nb_buf_addc(&spoken, '\0'), NB_OK);
    char *got = sounds(lang, spoken.data), *want = sounds(lang, respelt);
    if (strcmp(got, want) != 0)
        fail_msg("%s: '%s' is said '%s' [%s], want '%s' [%s]", lang, written, spoken.data, got,
                 respelt, want);
    free(got);
    free(want);
    nb_buf_release(&spoken);
}

/* Letters joined by "&": said as letters, the A as "eigh", not "uh". */
static void test_ampersand_initialisms(void **state)
{
    (void)state;
    for (int v = 0; v < 2; v++) {
        const char *lang = v ? "en-us" : "en-gb";
        heard_as(lang, "She was taken to A&E on Monday.",
                 "She was taken to eigh and ee on Monday.");
        heard_as(lang, "AT&T agreed.", "eigh tee and tee agreed.");
        heard_as(lang, "M&A deals rose.", "em and eigh deals rose.");
        heard_as(lang, "B&Q opened.", "bee and queue opened.");
    }
}

/* An A inside a spelled name: "the UAE" is "you eigh ee". */
static void test_spelled_a(void **state)
{
    (void)state;
    heard_as("en-gb", "the UAE said", "the you eigh ee said");
    heard_as("en-gb", "DNA is", "dee en eigh is");
}

/* "m" after a number: metres or million by what it measures. */
static void test_metres_or_million(void **state)
{
    (void)state;
    heard_as("en-gb", "The car sat under 1.2m of water.",
             "The car sat under one point two metres of water.");
    heard_as("en-gb", "Waiting lists stand at 7.4m.",
             "Waiting lists stand at seven point four million.");
    heard_as("en-gb", "A wave 3m high hit the pier.", "A wave three metres high hit the pier.");
    heard_as("en-gb", "About 5m people watched.", "About five million people watched.");
}

/* Flight and model codes, letter by letter and digit by digit; short road
 * and group names as eSpeak NG says them. */
static void test_codes(void **state)
{
    (void)state;
    for (int v = 0; v < 2; v++) {
        const char *lang = v ? "en-us" : "en-gb";
        heard_as(lang, "The flight BA286 landed late.",
                 "The flight bee eigh two eight six landed late.");
        heard_as(lang, "A B747 was parked.", "A bee seven four seven was parked.");
        heard_as(lang, "An A380 landed.", "An eigh three eight zero landed.");
    }
    heard_as("en-gb", "Traffic on the M25 was slow.", "Traffic on the em twenty five was slow.");
}

/* One line of tests/fixtures/names/respellings.tsv: a written form and a
 * respelling a person wrote for it, independently of the lexicon's. */
struct respelling {
    char *name;
    char *respelt;
    int line;
};

/* Reads the fixture's "Name<TAB>respelling" lines ('#' comments and blank
 * lines skipped) into *out; returns how many. */
static size_t read_respellings(const char *path, struct respelling **out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open '%s'", path);
    size_t n = 0, cap = 0;
    struct respelling *r = NULL;
    char line[512];
    int lineno = 0;
    while (fgets(line, sizeof(line), f)) {
        lineno++;
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || tab[1] == '\0')
            fail_msg("%s:%d: want 'Name<TAB>respelling'", path, lineno);
        *tab = '\0';
        for (size_t i = 0; i < n; i++)
            if (strcmp(r[i].name, line) == 0)
                fail_msg("%s:%d: '%s' again (first on line %d)", path, lineno, line, r[i].line);
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            r = realloc(r, cap * sizeof(*r));
            assert_non_null(r);
        }
        r[n].name = strdup(line);
        r[n].respelt = strdup(tab + 1);
        assert_non_null(r[n].name);
        assert_non_null(r[n].respelt);
        r[n].line = lineno;
        n++;
    }
    fclose(f);
    *out = r;
    return n;
}

static const struct respelling *find_respelling(const struct respelling *r, size_t n,
                                                const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].name, name) == 0)
            return &r[i];
    return NULL;
}

/* 1 when `name` is a key of the lexicon file's `entries`. */
static int in_lexicon(const struct nb_yaml_node *entries, const char *name)
{
    for (size_t k = 0; k + 1 < entries->nitems; k += 2)
        if (strcmp(entries->items[k]->scalar, name) == 0)
            return 1;
    return 0;
}

/* What the shipped lexicon makes of `name` said in `voice`, as sounds. */
static char *lexicon_sounds(const struct nb_lexicon *lex, const char *voice, const char *name,
                            char **spoken_out)
{
    struct nb_normaliser nz = {.language = voice, .lexicon = lex};
    struct nb_buf spoken;
    nb_buf_init(&spoken, 0);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_normalise_ex(name, strlen(name), &nz, &spoken, NULL, &err), NB_OK);
    assert_int_equal(nb_buf_addc(&spoken, '\0'), NB_OK);
    char *got = sounds(voice, spoken.data);
    *spoken_out = nb_buf_detach(&spoken, NULL);
    return got;
}

/* Names in the news eSpeak NG gets wrong: every entry of the shipped
 * lexicon has a respelling a person wrote in the fixture; the entry must
 * sound like it in en-gb and en-us, and the name as written must not in
 * en-gb, the default voice (else the entry is not needed). */
static void test_shipped_names(void **state)
{
    (void)state;
    const char *lexicon_path = NB_DATA_DIR "/voices/lexicon-en.yaml";
    const char *fixture_path = NB_TEST_FIXTURES "/names/respellings.tsv";
    struct nb_error err;
    nb_error_init(&err);
    struct nb_lexicon *lex = nb_lexicon_new();
    assert_non_null(lex);
    if (nb_lexicon_load(lex, lexicon_path, NB_LEXICON_SHIPPED, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_yaml_doc doc;
    if (nb_yaml_doc_load(&doc, lexicon_path, &err) != NB_OK)
        fail_msg("%s", err.message);
    const struct nb_yaml_node *entries = nb_yaml_get(doc.root, "entries");
    assert_non_null(entries);
    assert_int_equal(entries->kind, NB_YAML_MAPPING);

    struct respelling *r;
    size_t n = read_respellings(fixture_path, &r);
    int failures = 0;
    for (size_t k = 0; k + 1 < entries->nitems; k += 2) {
        const struct nb_yaml_node *key = entries->items[k];
        if (!find_respelling(r, n, key->scalar)) {
            print_error("%s:%u: '%s' has no respelling in %s\n", lexicon_path, key->mark.line,
                        key->scalar, fixture_path);
            failures++;
        }
    }
    static const char *const voices[] = {"en-gb", "en-us"};
    for (size_t i = 0; i < n; i++) {
        if (!in_lexicon(entries, r[i].name)) {
            print_error("%s:%d: '%s' is not in the lexicon\n", fixture_path, r[i].line, r[i].name);
            failures++;
            continue;
        }
        for (size_t v = 0; v < 2; v++) {
            char *spoken, *got = lexicon_sounds(lex, voices[v], r[i].name, &spoken);
            char *want = sounds(voices[v], r[i].respelt);
            if (strcmp(got, want) != 0) {
                print_error("%s:%d: %s: '%s' is said '%s' [%s], want '%s' [%s]\n", fixture_path,
                            r[i].line, voices[v], r[i].name, spoken, got, r[i].respelt, want);
                failures++;
            }
            if (v == 0) {
                char *raw = sounds(voices[v], r[i].name);
                if (strcmp(raw, want) == 0) {
                    print_error("%s:%d: '%s': eSpeak NG says it right alone; the entry is "
                                "not needed\n",
                                fixture_path, r[i].line, r[i].name);
                    failures++;
                }
                free(raw);
            }
            free(spoken);
            free(got);
            free(want);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(r[i].name);
        free(r[i].respelt);
    }
    free(r);
    nb_yaml_doc_release(&doc);
    nb_lexicon_free(lex);
    if (failures)
        fail_msg("%d shipped lexicon entries failed the check", failures);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ampersand_initialisms), cmocka_unit_test(test_spelled_a),
        cmocka_unit_test(test_metres_or_million),     cmocka_unit_test(test_codes),
        cmocka_unit_test(test_shipped_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
