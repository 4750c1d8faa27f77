/* test_quotes_wordlists.c - the quote finder's word lists and their lookups
 * (src/quotes/wordlists.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/wordlists.h"
#include "text/calendar.h"

static int in(enum nb_quotes_list list, const char *word)
{
    return nb_quotes_word_in(list, word, strlen(word));
}

static int verb(const char *word)
{
    return nb_quotes_verb_flags(word, strlen(word));
}

/* Whole words, ASCII case folded, nothing else. */
static void test_word_is(void **state)
{
    (void)state;
    assert_true(nb_quotes_word_is("the", 3, "the"));
    assert_true(nb_quotes_word_is("The", 3, "the"));
    assert_true(nb_quotes_word_is("THE", 3, "the"));
    assert_false(nb_quotes_word_is("them", 4, "the"));
    assert_false(nb_quotes_word_is("the", 3, "them"));
    assert_false(nb_quotes_word_is("them", 3, "them")); /* only len bytes count */
    assert_true(nb_quotes_word_is("", 0, ""));
    assert_false(nb_quotes_word_is("", 0, "a"));
    assert_true(nb_quotes_word_is("Sen.", 4, "sen."));
    /* only ASCII letters fold: "É" is not "é" */
    assert_false(nb_quotes_word_is("\xc3\x89", 2, "\xc3\xa9"));
}

/* One member and one near miss of each list. */
static void test_word_in(void **state)
{
    (void)state;
    static const struct {
        enum nb_quotes_list list;
        const char *yes, *no;
    } cases[] = {
        {NB_QUOTES_ELISIONS, "em", "them"},
        {NB_QUOTES_NP_STOPS, "which", "minister"},
        {NB_QUOTES_VERB_ADVERBS, "also", "said"},
        {NB_QUOTES_POSSESSIVES, "their", "there"},
        {NB_QUOTES_PRONOUNS_M, "He", "she"},
        {NB_QUOTES_PRONOUNS_F, "She", "he"},
        {NB_QUOTES_PRONOUNS_OTHER, "they", "he"},
        {NB_QUOTES_TITLES, "Senator", "Senators"},
        {NB_QUOTES_ORG_WORDS, "Ministry", "minister"},
        {NB_QUOTES_CAP_STOPS, "Monday", "Berg"},
        {NB_QUOTES_FEMALE_WORDS, "spokeswoman", "spokesman"},
        {NB_QUOTES_MALE_WORDS, "spokesman", "spokeswoman"},
        {NB_QUOTES_ROLE_NOUNS, "boss", "bosses"},
        {NB_QUOTES_NAME_PARTICLES, "van", "vans"},
        {NB_QUOTES_ORG_JOINERS, "&", "+"},
        {NB_QUOTES_ROLE_PREPS, "for", "in"},
        {NB_QUOTES_SUBJECT_PREPS, "in", "to"},
        {NB_QUOTES_DEMONYMS, "Pole", "Poles"},
        {NB_QUOTES_NOT_PEOPLE, "Vatican", "Italian"},
        {NB_QUOTES_PLACE_PARTS, "New", "York"},
        {NB_QUOTES_EVENT_WORDS, "Symposium", "Forum"},
        {NB_QUOTES_LY_NOUNS, "family", "famously"},
        {NB_QUOTES_SUBORDINATORS, "after", "that"},
        {NB_QUOTES_CAP_STOPS, "Advertisement", "Berg"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (!in(cases[i].list, cases[i].yes))
            fail_msg("list %d: '%s' not found", (int)cases[i].list, cases[i].yes);
        if (in(cases[i].list, cases[i].no))
            fail_msg("list %d: '%s' found", (int)cases[i].list, cases[i].no);
    }
    /* words with inner punctuation are whole words too */
    assert_true(in(NB_QUOTES_TITLES, "u.s."));
    assert_true(in(NB_QUOTES_CAP_STOPS, "Don't"));
    assert_false(in(NB_QUOTES_TITLES, "sen.."));
    /* a list that does not exist holds nothing */
    assert_false(nb_quotes_word_in((enum nb_quotes_list)1000, "the", 3));
}

/* The search by halves relies on every list being sorted, no word twice;
 * and finds the first, the last and a middle word of a list. */
static void test_lists_sorted(void **state)
{
    (void)state;
    assert_int_equal(nb_quotes_list_unsorted(), 0);
    assert_true(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "her", 3));
    assert_true(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "YOUR", 4));
    assert_true(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "its", 3));
    assert_false(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "yours", 5));
    assert_false(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "hi", 2));
    assert_false(nb_quotes_word_in(NB_QUOTES_POSSESSIVES, "", 0));
    assert_true(nb_quotes_word_in(NB_QUOTES_ORG_JOINERS, "&", 1));
}

static void test_honorific(void **state)
{
    (void)state;
    int g = 99;
    assert_true(nb_quotes_honorific("Mrs.", 4, &g));
    assert_int_equal(g, 2);
    assert_true(nb_quotes_honorific("SIR", 3, &g));
    assert_int_equal(g, 1);
    assert_true(nb_quotes_honorific("Dr", 2, &g));
    assert_int_equal(g, 0);
    g = 99;
    assert_false(nb_quotes_honorific("Doctor", 6, &g));
    assert_int_equal(g, 99);                        /* untouched */
    assert_true(nb_quotes_honorific("Mrs", 2, &g)); /* len says "Mr" */
    assert_int_equal(g, 1);
    assert_false(nb_quotes_honorific("Mrsx", 4, &g));
    assert_true(nb_quotes_honorific("Professor", 9, NULL));
}

/* The quick test before the search: by length and first two letters, any
 * case; common words that start like an honorific are turned away. */
static void test_honorific_may_be(void **state)
{
    (void)state;
    static const char *const may[] = {"Mr",   "MS.",  "miss", "M.",   "Mme", "Sir",
                                      "Lord", "lady", "Dr",   "DAME", "Prof"};
    for (size_t i = 0; i < sizeof(may) / sizeof(may[0]); i++)
        if (!nb_quotes_honorific_may_be(may[i], strlen(may[i])))
            fail_msg("'%s' turned away", may[i]);
    static const char *const away[] = {"said", "more",   "should", "little",
                                       "do",   "police", "M",      "Mrsxxxxxxx"};
    for (size_t i = 0; i < sizeof(away) / sizeof(away[0]); i++)
        if (nb_quotes_honorific_may_be(away[i], strlen(away[i])))
            fail_msg("'%s' let through", away[i]);
}

/* Every honorific of the table, whatever its first letter, and its gender;
 * near misses of each letter's table are not. */
static void test_honorific_all(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        int gender;
    } all[] = {
        {"Mr", 1},    {"Mr.", 1},       {"Mister", 1}, {"Sir", 1}, {"Lord", 1},
        {"Mrs", 2},   {"Mrs.", 2},      {"Ms", 2},     {"Ms.", 2}, {"Miss", 2},
        {"Dame", 2},  {"Lady", 2},      {"Dr", 0},     {"Dr.", 0}, {"Prof", 0},
        {"Prof.", 0}, {"Professor", 0}, {"M.", 1},     {"Mme", 2}, {"Mme.", 2},
    };
    for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
        int g = 99;
        if (!nb_quotes_honorific(all[i].word, strlen(all[i].word), &g) || g != all[i].gender)
            fail_msg("'%s': honorific of gender %d, want %d", all[i].word, g, all[i].gender);
    }
    static const char *const no[] = {"Mo", "Sirs", "Lords", "Dad", "Pro", "Md", "Mme..", "Lad"};
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (nb_quotes_honorific(no[i], strlen(no[i]), NULL))
            fail_msg("'%s' is no honorific", no[i]);
}

/* The names of months and days belong to the lists that say so, in any
 * case, whatever quick test turns other words away first. */
static void test_calendar_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < 12 + 7; i++) {
        const char *name = i < 12 ? nb_calendar_en.months[i] : nb_calendar_en.weekdays[i - 12];
        char low[16], up[16];
        size_t n = strlen(name);
        assert_true(n < sizeof(low));
        for (size_t j = 0; j <= n; j++) {
            low[j] = (char)(name[j] >= 'A' && name[j] <= 'Z' ? name[j] + 32 : name[j]);
            up[j] = (char)(name[j] >= 'a' && name[j] <= 'z' ? name[j] - 32 : name[j]);
        }
        if (!in(NB_QUOTES_CAP_STOPS, name) || !in(NB_QUOTES_CAP_STOPS, low) ||
            !in(NB_QUOTES_CAP_STOPS, up))
            fail_msg("'%s' is not in the capitalised stop words", name);
    }
    assert_false(in(NB_QUOTES_CAP_STOPS, "Mayday"));
    assert_false(in(NB_QUOTES_CAP_STOPS, "Ma"));
}

/* The lexicon is searched by halves: verbs from all over the alphabet must
 * be found (an entry out of strcmp order would hide some of them). */
static void test_verb_flags(void **state)
{
    (void)state;
    static const char *const verbs[] = {
        "accused",   "acknowledged", "added",      "asked",    "blasted", "called",    "chimed",
        "claimed",   "confirmed",    "criticized", "declared", "denied",  "dubbed",    "emphasized",
        "explained", "gushed",       "hinted",     "insisted", "joked",   "labelled",  "maintained",
        "messaged",  "mused",        "noted",      "observed", "offered", "pleaded",   "posted",
        "promised",  "put",          "quipped",    "recalled", "replied", "said",      "say",
        "says",      "shouted",      "stated",     "stressed", "tells",   "testified", "told",
        "tweeted",   "underscored",  "urged",      "vowed",    "warned",  "whispered", "wondered",
        "wrote",     "yelled",       "yells",
    };
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        if (!(verb(verbs[i]) & NB_QUOTES_V_SPEECH))
            fail_msg("'%s' is no verb of saying", verbs[i]);

    assert_int_equal(verb("said"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_INV);
    assert_int_equal(verb("Said"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_INV);
    assert_int_equal(verb("SAID"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_INV);
    assert_int_equal(verb("adding"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_ING);
    assert_int_equal(verb("called"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_PART);
    assert_int_equal(verb("accusing"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_ING | NB_QUOTES_V_PART);
    assert_int_equal(verb("tweets"), NB_QUOTES_V_SPEECH | NB_QUOTES_V_INV | NB_QUOTES_V_NOUN);
    assert_int_equal(verb("told"), NB_QUOTES_V_SPEECH);

    assert_int_equal(verb("minister"), 0);
    assert_int_equal(verb("sai"), 0);
    assert_int_equal(verb("saidx"), 0);
    assert_int_equal(verb("sa1d"), 0);
    assert_int_equal(verb("said,"), 0);
    assert_int_equal(nb_quotes_verb_flags("said", 3), 0);
    assert_int_equal(verb("characterizingly"), 0); /* 16 letters: too long to be one */
    assert_int_equal(verb(""), 0);
}

/* The merged table the lookups search agrees with every list, with the
 * verbs of saying and with the calendar: a word added to a list and not to
 * the table fails here, by name. */
static void test_table_agrees(void **state)
{
    (void)state;
    const char *word = nb_quotes_table_disagrees();
    if (word)
        fail_msg("the merged table and the lists differ at '%s'", word);
}

/* One search answers every list, the names of months and days too, and
 * the verb flags. */
static void test_word_lists(void **state)
{
    (void)state;
    int v = 99;
    uint32_t l = nb_quotes_word_lists("Says", 4, &v);
    assert_int_equal(v, verb("says"));
    assert_true(l & (1u << NB_QUOTES_NP_STOPS));
    assert_false(l & (1u << NB_QUOTES_ORG_WORDS));
    l = nb_quotes_word_lists("AFTER", 5, NULL);
    assert_int_equal(l, (1u << NB_QUOTES_NP_STOPS) | (1u << NB_QUOTES_CAP_STOPS) |
                            (1u << NB_QUOTES_SUBORDINATORS) | (1u << NB_QUOTES_OPENERS));
    for (int k = 0; k <= NB_QUOTES_ORG_NOUNS; k++)
        assert_int_equal(!!(l & (1u << k)), in((enum nb_quotes_list)k, "after"));
    v = 99;
    assert_int_equal(nb_quotes_word_lists("Berg", 4, &v), 0);
    assert_int_equal(v, 0);
    assert_int_equal(nb_quotes_word_lists("", 0, &v), 0);
    assert_int_equal(nb_quotes_word_lists("&", 1, NULL), 1u << NB_QUOTES_ORG_JOINERS);
    /* the names of months and days are in the lists that hold them */
    assert_int_equal(nb_quotes_word_lists("Monday", 6, NULL),
                     (1u << NB_QUOTES_NP_STOPS) | (1u << NB_QUOTES_CAP_STOPS));
    assert_int_equal(nb_quotes_word_lists("SEPTEMBER", 9, NULL),
                     (1u << NB_QUOTES_NP_STOPS) | (1u << NB_QUOTES_CAP_STOPS));
    assert_int_equal(nb_quotes_word_lists("Mon", 3, NULL), 0);
    assert_true(in(NB_QUOTES_NP_STOPS, "monday"));
    assert_false(in(NB_QUOTES_ORG_WORDS, "Monday"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_is),          cmocka_unit_test(test_word_in),
        cmocka_unit_test(test_lists_sorted),     cmocka_unit_test(test_honorific),
        cmocka_unit_test(test_honorific_may_be), cmocka_unit_test(test_verb_flags),
        cmocka_unit_test(test_honorific_all),    cmocka_unit_test(test_calendar_names),
        cmocka_unit_test(test_table_agrees),     cmocka_unit_test(test_word_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
