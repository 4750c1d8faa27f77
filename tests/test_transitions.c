/* test_transitions.c - the bank of transitions and the choice between them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/transitions_bank.h"
#include "script/transitions.h"
#include "support.h"
#include "text/buf.h"

static const char *const place_names[] = {"first", "middle", "last"};

/* The bank the project ships: voices/transitions-en.yaml. */
static struct nb_transition_bank bank;

static int load_bank(void **state)
{
    (void)state;
    struct nb_error err;
    nb_transition_bank_init(&bank);
    if (nb_transition_bank_load(&bank, NB_DATA_DIR "/voices/transitions-en.yaml", &err) != NB_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

static int free_bank(void **state)
{
    (void)state;
    nb_transition_bank_release(&bank);
    return 0;
}

static char *transition(enum nb_transition_place place, size_t index, const char *headline)
{
    struct nb_buf out;
    struct nb_template_vars vars = {.headline = headline};
    nb_buf_init(&out, 0);
    assert_int_equal(nb_transition_write(&bank, place, index, &vars, &out), 0);
    return nb_buf_detach(&out, NULL);
}

/* Every wording in the bank, for one headline and for none, as a fixture a
 * producer can read through. */
static void test_bank_wording(void **state)
{
    (void)state;
    struct nb_buf all;
    nb_buf_init(&all, 0);
    for (int place = NB_TRANSITION_FIRST; place <= NB_TRANSITION_LAST; place++) {
        for (size_t i = 0; i < nb_transition_count(&bank, (enum nb_transition_place)place); i++) {
            char *with = transition((enum nb_transition_place)place, i, "Storm Bert batters Wales");
            char *without = transition((enum nb_transition_place)place, i, NULL);
            nb_buf_addf(&all, "%s %zu: %s\n%s %zu: %s\n", place_names[place], i, with,
                        place_names[place], i, without);
            free(with);
            free(without);
        }
    }
    char *want = nb_test_fixture("script/transitions.expected", NULL);
    assert_string_equal(all.data, want);
    free(want);
    nb_buf_release(&all);
}

static void test_counts_and_places(void **state)
{
    (void)state;
    assert_true(nb_transition_count(&bank, NB_TRANSITION_FIRST) >= 2);
    assert_true(nb_transition_count(&bank, NB_TRANSITION_MIDDLE) >= 8);
    assert_true(nb_transition_count(&bank, NB_TRANSITION_LAST) >= 2);
    assert_int_equal(nb_transition_place_of(0, 1), NB_TRANSITION_FIRST);
    assert_int_equal(nb_transition_place_of(0, 2), NB_TRANSITION_FIRST);
    assert_int_equal(nb_transition_place_of(1, 2), NB_TRANSITION_LAST);
    assert_int_equal(nb_transition_place_of(1, 3), NB_TRANSITION_MIDDLE);
    assert_int_equal(nb_transition_place_of(2, 3), NB_TRANSITION_LAST);
    assert_int_equal(nb_transition_place_of(48, 50), NB_TRANSITION_MIDDLE);
    assert_int_equal(nb_transition_place_of(49, 50), NB_TRANSITION_LAST);
}

/* Over 50 stories and many seeds: right set for the place, never the same
 * transition twice in a row, no middle one again within
 * NB_TRANSITION_RECENT, and every middle one used somewhere. */
static void test_never_repeats(void **state)
{
    (void)state;
    enum { STORIES = 50 };
    size_t nmiddle = nb_transition_count(&bank, NB_TRANSITION_MIDDLE);
    size_t used[64] = {0};
    assert_true(nmiddle <= 64);
    for (int seed = 0; seed < 400; seed++) {
        char title[64];
        snprintf(title, sizeof(title), "Bulletin %d", seed);
        struct nb_transition_picker p;
        nb_transition_picker_init(&p, seed % 7 ? title : NULL, 2000 + seed % 30, 1 + seed % 12,
                                  1 + seed % 28);
        size_t n = 1 + (size_t)seed % STORIES;
        if (seed % 4 == 0)
            n = STORIES;
        size_t picks[STORIES];
        char *prev = NULL;
        for (size_t i = 0; i < n; i++) {
            enum nb_transition_place place = nb_transition_place_of(i, n);
            picks[i] = nb_transition_pick(&p, place, nb_transition_count(&bank, place));
            assert_true(picks[i] < nb_transition_count(&bank, place));
            char *text = transition(place, picks[i], "Storm Bert batters Wales");
            if (prev && strcmp(prev, text) == 0)
                fail_msg("seed %d story %zu: '%s' twice in a row", seed, i + 1, text);
            if (place == NB_TRANSITION_MIDDLE) {
                used[picks[i]]++;
                for (size_t back = 1; back <= NB_TRANSITION_RECENT && back < i; back++)
                    if (picks[i - back] == picks[i])
                        fail_msg("seed %d story %zu: middle %zu again after %zu", seed, i + 1,
                                 picks[i], back);
            }
            free(prev);
            prev = text;
        }
        free(prev);
    }
    for (size_t i = 0; i < nmiddle; i++)
        if (!used[i])
            fail_msg("middle transition %zu never chosen", i);
}

static void sequence(const char *title, int y, int m, int d, size_t *out, size_t n)
{
    struct nb_transition_picker p;
    nb_transition_picker_init(&p, title, y, m, d);
    for (size_t i = 0; i < n; i++)
    {
        enum nb_transition_place place = nb_transition_place_of(i, n);
        out[i] = nb_transition_pick(&p, place, nb_transition_count(&bank, place));
    }
}

static void test_deterministic(void **state)
{
    (void)state;
    size_t a[20], b[20];
    sequence("Morning Briefing", 2026, 11, 28, a, 20);
    sequence("Morning Briefing", 2026, 11, 28, b, 20);
    assert_memory_equal(a, b, sizeof(a));

    /* other titles and other dates give other sequences */
    int title_differs = 0, date_differs = 0;
    static const char *const titles[] = {"Evening Briefing", "The World Tonight",
                                         "Morning briefing", "Newsbeat", "Your Daily Digest"};
    for (size_t t = 0; t < sizeof(titles) / sizeof(titles[0]); t++) {
        sequence(titles[t], 2026, 11, 28, b, 20);
        title_differs += memcmp(a, b, sizeof(a)) != 0;
    }
    for (int day = 1; day <= 5; day++) {
        sequence("Morning Briefing", 2026, 12, day, b, 20);
        date_differs += memcmp(a, b, sizeof(a)) != 0;
    }
    assert_true(title_differs >= 4);
    assert_true(date_differs >= 4);
}

struct headline_case {
    const char *headline;
    const char *sentence;
};

static const struct headline_case headline_cases[] = {
    {"Storm Bert batters Wales", "Storm Bert batters Wales."},
    {"Storm Bert batters Wales.", "Storm Bert batters Wales."},
    {"  Storm Bert\n  batters   Wales  ", "Storm Bert batters Wales."},
    {"Is the housing crisis over?", "Is the housing crisis over?"},
    {"Goal!", "Goal!"},
    {"Talks go on...", "Talks go on..."},
    {"Talks go on…", "Talks go on…"},
    {"PM: 'We will not give up'", "PM: 'We will not give up'."},
    {"He told them: “Go home.”", "He told them: “Go home.”"},
    {"Farmers say “enough”", "Farmers say “enough”."},
    {"Prices rise:", "Prices rise."},
    {"Talks go on —", "Talks go on."},
    {"Talks go on -", "Talks go on."},
    {"Ceasefire holds (for now)", "Ceasefire holds (for now)."},
    {"U.S. votes", "U.S. votes."},
    {"", ""},
    {"   ", ""},
    {":", ""},
};

static void test_headline_sentence(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(headline_cases) / sizeof(headline_cases[0]); i++) {
        struct nb_buf out;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_transition_headline(headline_cases[i].headline, &out), 0);
        if (strcmp(out.data, headline_cases[i].sentence) != 0)
            fail_msg("'%s': got '%s', want '%s'", headline_cases[i].headline, out.data,
                     headline_cases[i].sentence);
        nb_buf_release(&out);
    }
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_transition_headline(NULL, &out), 0);
    assert_string_equal(out.data, "");
    nb_buf_release(&out);
}

static void test_write(void **state)
{
    (void)state;
    char *s = transition(NB_TRANSITION_FIRST, 0, "Storm Bert batters Wales");
    assert_string_equal(s, "First, Storm Bert batters Wales.");
    free(s);
    s = transition(NB_TRANSITION_LAST, 0, "Is the housing crisis over?");
    assert_string_equal(s, "And finally, Is the housing crisis over?");
    free(s);
    s = transition(NB_TRANSITION_MIDDLE, 0, "   ");
    assert_string_equal(s, "Now, the next story.");
    free(s);

    /* out of memory leaves the buffer as it was */
    struct nb_buf small;
    nb_buf_init(&small, 16);
    nb_buf_adds(&small, "abc");
    struct nb_template_vars vars = {.headline = "Storm Bert batters Wales"};
    assert_int_equal(nb_transition_write(&bank, NB_TRANSITION_FIRST, 0, &vars, &small), NB_ENOMEM);
    assert_string_equal(small.data, "abc");
    nb_buf_release(&small);
}

#define DATA NB_TEST_FIXTURES "/data"

/* nb_transition_bank_find(language, base) finds `want`. */
static void assert_bank_found(const char *language, const char *base, const char *want)
{
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    if (nb_transition_bank_find(language, base, &out, &err) != NB_OK)
        fail_msg("%s: %s", language, err.message);
    assert_string_equal(out.data, want);
    nb_buf_release(&out);
}

/* The bank is looked for by the data search: $NEWSBRIEF_DATA/voices,
 * $NEWSBRIEF_VOICES, beside the briefing, then the installed voices. */
static void test_find(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    const char *briefings = NB_TEST_FIXTURES "/config/briefings";
    assert_bank_found("en-gb", briefings, NB_DATA_DIR "/voices/transitions-en.yaml");
    assert_bank_found("EN", NULL, NB_DATA_DIR "/voices/transitions-en.yaml");
    assert_bank_found("en-us", DATA "/briefings", DATA "/briefings/../voices/transitions-en.yaml");
    setenv("NEWSBRIEF_VOICES", DATA "/voices", 1);
    assert_bank_found("en", briefings, DATA "/voices/transitions-en.yaml");
    unsetenv("NEWSBRIEF_VOICES");
    setenv("NEWSBRIEF_DATA", DATA, 1);
    assert_bank_found("en", NB_DATA_DIR "/briefings", DATA "/voices/transitions-en.yaml");
    /* and it is a bank that loads */
    struct nb_transition_bank data_bank;
    struct nb_error err;
    nb_transition_bank_init(&data_bank);
    assert_int_equal(nb_transition_bank_load(&data_bank, DATA "/voices/transitions-en.yaml", &err),
                     NB_OK);
    assert_string_equal(data_bank.headlines, "Data headlines.");
    nb_transition_bank_release(&data_bank);

    /* none: the message names the file and every folder searched */
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_transition_bank_find("xx", briefings, &out, &err), NB_EINPUT);
    assert_string_equal(err.message,
                        "no transition bank 'transitions-xx.yaml' (looked in " DATA
                        "/voices, " NB_TEST_FIXTURES "/config/briefings/voices, " NB_TEST_FIXTURES
                        "/config/briefings/../voices, " NB_DATA_DIR
                        "/voices; it ships with newsbrief)");
    assert_int_equal(out.len, 0);
    nb_buf_release(&out);
    unsetenv("NEWSBRIEF_DATA");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bank_wording),
        cmocka_unit_test(test_counts_and_places),
        cmocka_unit_test(test_never_repeats),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_headline_sentence),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, load_bank, free_bank);
}
