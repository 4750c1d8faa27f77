/* Tests of config/voice_catalogue.h: every profile the search finds,
 * folder by folder, each folder once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/voice_catalogue.h"

#define DATA NB_TEST_FIXTURES "/data"

static const struct nb_voice_folder *folder(const struct nb_voice_catalogue *c, const char *dir)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->folders[i].dir, dir) == 0)
            return &c->folders[i];
    return NULL;
}

static void test_folders_in_order(void **state)
{
    (void)state;
    setenv("NEWSBRIEF_DATA", DATA, 1);
    unsetenv("NEWSBRIEF_VOICES");
    struct nb_voice_catalogue c;
    struct nb_error err;
    nb_voice_catalogue_init(&c);
    assert_int_equal(nb_voice_catalogue_load(&c, NULL, &err), NB_OK);
    /* $NEWSBRIEF_DATA first, then the installed (here: the source) voices */
    assert_true(c.n >= 2);
    assert_string_equal(c.folders[0].dir, DATA "/voices");
    assert_string_equal(c.searched.v[0], DATA "/voices");
    const struct nb_voice_folder *data = &c.folders[0];
    /* profiles only: not the lexicon nor the transition bank beside them */
    assert_int_equal(data->n, 3);
    assert_string_equal(data->names.v[0], "anchor");
    assert_string_equal(data->names.v[1], "dataonly");
    assert_string_equal(data->names.v[2], "twice");
    assert_string_equal(data->profiles[1].espeak, "en-us");
    const struct nb_voice_folder *shipped = folder(&c, NB_DATA_DIR "/voices");
    assert_non_null(shipped);
    assert_int_equal(shipped->n, 2);
    assert_string_equal(shipped->names.v[0], "anchor");
    assert_string_equal(shipped->names.v[1], "correspondent");
    nb_voice_catalogue_release(&c);
    assert_int_equal(c.n, 0);
    nb_voice_catalogue_release(&c);
    unsetenv("NEWSBRIEF_DATA");
}

static void test_language(void **state)
{
    (void)state;
    setenv("NEWSBRIEF_DATA", DATA, 1);
    struct nb_voice_catalogue c;
    struct nb_error err;
    nb_voice_catalogue_init(&c);
    assert_int_equal(nb_voice_catalogue_load(&c, "en-us", &err), NB_OK);
    const struct nb_voice_folder *data = folder(&c, DATA "/voices");
    assert_non_null(data);
    for (size_t i = 0; i < data->n; i++)
        assert_string_equal(data->profiles[i].language, "en-us");
    const struct nb_voice_folder *shipped = folder(&c, NB_DATA_DIR "/voices");
    assert_non_null(shipped);
    assert_int_equal(shipped->n, 0); /* British voices only */
    nb_voice_catalogue_release(&c);
    /* "en" takes every English voice */
    nb_voice_catalogue_init(&c);
    assert_int_equal(nb_voice_catalogue_load(&c, "en", &err), NB_OK);
    shipped = folder(&c, NB_DATA_DIR "/voices");
    assert_non_null(shipped);
    assert_int_equal(shipped->n, 2);
    nb_voice_catalogue_release(&c);
    unsetenv("NEWSBRIEF_DATA");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_folders_in_order),
        cmocka_unit_test(test_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
