/* Tests for script/speaker_voices: a voice per person quoted. */
#include "script/speaker_voices.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static const char *const female[] = {"q+f3", "q+f2", "q+f4"};
static const char *const male[] = {"q+m3", "q+m7", "q+m4"};
static const struct nb_voice_pool pool = {female, 3, male, 3};

static const char *name_of(size_t v)
{
    return nb_voice_pool_name(&pool, v);
}

static void test_pool_names(void **state)
{
    (void)state;
    assert_string_equal(name_of(0), "q+f3");
    assert_string_equal(name_of(3), "q+m3");
    assert_string_equal(name_of(5), "q+m4");
    assert_null(name_of(6));
    assert_null(name_of(NB_VOICE_NONE));
}

/* Women's voices for "she", men's for "he", in turn for the unknown. */
static void test_kinds(void **state)
{
    (void)state;
    enum nb_voice_kind kinds[] = {NB_VOICE_FEMALE, NB_VOICE_MALE, NB_VOICE_EITHER, NB_VOICE_EITHER};
    size_t order[] = {0, 1, 2, 3};
    size_t voice[4];
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_speaker_voices_assign(&pool, kinds, 4, order, 4, voice, &err), NB_OK);
    assert_string_equal(name_of(voice[0]), "q+f3");
    assert_string_equal(name_of(voice[1]), "q+m3");
    /* the unknown take the least used of both lists, never a neighbour's */
    assert_true(voice[2] != voice[1] && voice[3] != voice[2]);
    assert_true(voice[2] != voice[0] && voice[3] != voice[0] && voice[3] != voice[1]);
}

/* The same speaker always in the same voice; two different speakers in a
 * row never share one.  A B C A: "least used" alone would give C the
 * voice of A, heard next to it. */
static void test_same_speaker_same_voice_never_neighbours(void **state)
{
    (void)state;
    enum nb_voice_kind kinds[] = {NB_VOICE_FEMALE, NB_VOICE_FEMALE, NB_VOICE_FEMALE};
    size_t order[] = {0, 1, 2, 0};
    size_t voice[3];
    struct nb_error err;
    nb_error_init(&err);
    static const char *const two[] = {"a", "b"};
    const struct nb_voice_pool small = {two, 2, NULL, 0};
    /* with two voices for the three: A and B differ, B and C differ */
    size_t order2[] = {0, 1, 0, 2};
    assert_int_equal(nb_speaker_voices_assign(&small, kinds, 3, order2, 4, voice, &err), NB_OK);
    assert_true(voice[0] != voice[1] && voice[0] != voice[2]);
    assert_true(voice[1] == voice[2]); /* never heard side by side: may share */
    /* with three, every pair that meets differs */
    assert_int_equal(nb_speaker_voices_assign(&pool, kinds, 3, order, 4, voice, &err), NB_OK);
    assert_true(voice[0] != voice[1] && voice[1] != voice[2] && voice[2] != voice[0]);
    for (size_t s = 0; s < 3; s++)
        assert_true(voice[s] < 3); /* women's voices */
}

/* A man whose men's voices are all taken by his neighbours gets a free
 * voice of the other list rather than a neighbour's. */
static void test_other_list_before_a_clash(void **state)
{
    (void)state;
    static const char *const f[] = {"f"};
    static const char *const m[] = {"m"};
    const struct nb_voice_pool tiny = {f, 1, m, 1};
    enum nb_voice_kind kinds[] = {NB_VOICE_MALE, NB_VOICE_MALE};
    size_t order[] = {0, 1, 0};
    size_t voice[2];
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_speaker_voices_assign(&tiny, kinds, 2, order, 3, voice, &err), NB_OK);
    assert_string_equal(nb_voice_pool_name(&tiny, voice[0]), "m");
    assert_string_equal(nb_voice_pool_name(&tiny, voice[1]), "f");
}

/* Spread: five speakers who never meet still use every voice of the
 * list before any is used twice. */
static void test_spread(void **state)
{
    (void)state;
    enum nb_voice_kind kinds[] = {NB_VOICE_MALE, NB_VOICE_MALE, NB_VOICE_MALE, NB_VOICE_MALE};
    size_t order[] = {0, 0, 1, 1, 2, 3};
    size_t voice[4];
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_speaker_voices_assign(&pool, kinds, 4, order, 6, voice, &err), NB_OK);
    assert_string_equal(name_of(voice[0]), "q+m3");
    assert_string_equal(name_of(voice[1]), "q+m7");
    assert_string_equal(name_of(voice[2]), "q+m4");
    assert_string_equal(name_of(voice[3]), "q+m3"); /* not next to speaker 0 */
}

static void test_empty_pool(void **state)
{
    (void)state;
    const struct nb_voice_pool none = {NULL, 0, NULL, 0};
    enum nb_voice_kind kinds[] = {NB_VOICE_MALE};
    size_t order[] = {0};
    size_t voice[1];
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_speaker_voices_assign(&none, kinds, 1, order, 1, voice, &err), NB_OK);
    assert_true(voice[0] == NB_VOICE_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_names),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_same_speaker_same_voice_never_neighbours),
        cmocka_unit_test(test_other_list_before_a_clash),
        cmocka_unit_test(test_spread),
        cmocka_unit_test(test_empty_pool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
