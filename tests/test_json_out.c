/* test_json_out.c - the streaming JSON writer: exact plain output, pretty
 * output that parses to the same document, escaping, and write errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "support.h"
#include "text/json_out.h"

/* Writes one small document and returns what was written. */
static char *write_doc(int pretty, nb_status *rc)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    struct nb_json_out o;
    nb_json_out_init(&o, f, pretty);
    nb_json_out_open(&o, '{');
    nb_json_out_key(&o, "headline");
    nb_json_out_string(&o, "He said \"go\"\n\t/ now \xE2\x80\x94 \xC3\xA9");
    nb_json_out_key(&o, "byline");
    nb_json_out_string(&o, NULL);
    nb_json_out_key(&o, "empty");
    nb_json_out_open(&o, '[');
    nb_json_out_close(&o, ']');
    nb_json_out_key(&o, "quotes");
    nb_json_out_open(&o, '[');
    for (int i = 0; i < 2; i++) {
        nb_json_out_open(&o, '{');
        nb_json_out_key(&o, "partial");
        nb_json_out_bool(&o, i);
        nb_json_out_key(&o, "sentence");
        nb_json_out_int(&o, (int64_t)i - 1);
        nb_json_out_close(&o, '}');
    }
    nb_json_out_close(&o, ']');
    nb_json_out_close(&o, '}');
    *rc = nb_json_out_finish(&o);
    long n = ftell(f);
    char *s = calloc(1, (size_t)n + 1);
    rewind(f);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return s;
}

static void test_plain(void **state)
{
    (void)state;
    nb_status rc;
    char *s = write_doc(0, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(s, "{\"headline\":\"He said \\\"go\\\"\\n\\t/ now \xE2\x80\x94 \xC3\xA9\","
                           "\"byline\":null,\"empty\":[],\"quotes\":[{\"partial\":false,"
                           "\"sentence\":-1},{\"partial\":true,\"sentence\":0}]}\n");
    free(s);
}

static void test_pretty_parses_the_same(void **state)
{
    (void)state;
    nb_status rc;
    char *plain = write_doc(0, &rc), *pretty = write_doc(1, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strchr(pretty, '\n'));
    assert_true(strchr(pretty, '\n') < pretty + strlen(pretty) - 1); /* indented over lines */
    struct json_object *a = json_tokener_parse(plain), *b = json_tokener_parse(pretty);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(json_object_equal(a, b));
    json_object_put(a);
    json_object_put(b);
    free(plain);
    free(pretty);
}

/* Every byte is escaped as json-c escapes it (with '/' left alone). */
static void test_escapes_as_json_c(void **state)
{
    (void)state;
    char all[256];
    for (int c = 1; c < 256; c++)
        all[c - 1] = (char)c;
    all[255] = '\0';
    FILE *f = tmpfile();
    assert_non_null(f);
    struct nb_json_out o;
    nb_json_out_init(&o, f, 0);
    nb_json_out_string(&o, all);
    assert_int_equal(nb_json_out_finish(&o), NB_OK);
    long n = ftell(f);
    char *got = calloc(1, (size_t)n + 1);
    assert_non_null(got);
    rewind(f);
    assert_int_equal(fread(got, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    struct json_object *j = json_object_new_string(all);
    const char *want =
        json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    assert_int_equal(strlen(got), strlen(want) + 1);
    assert_memory_equal(got, want, strlen(want));
    assert_int_equal(got[strlen(want)], '\n');
    json_object_put(j);
    free(got);
}

/* Writes s as a JSON string and checks it is json-c's text for it. */
static void check_as_json_c(const char *s)
{
    char *got = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&got, &n);
    assert_non_null(f);
    struct nb_json_out o;
    nb_json_out_init(&o, f, 0);
    nb_json_out_string(&o, s);
    assert_int_equal(nb_json_out_finish(&o), NB_OK);
    fclose(f);
    struct json_object *j = json_object_new_string(s);
    const char *want =
        json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    assert_int_equal(n, strlen(want) + 1);
    assert_memory_equal(got, want, strlen(want));
    json_object_put(j);
    free(got);
}

/* Every byte at every place of runs read eight bytes at a time, among
 * plain ASCII and among bytes of 0x80 and up, and strings of every length
 * up to 20. */
static void test_escapes_in_runs(void **state)
{
    (void)state;
    char s[24];
    for (int fill = 0; fill < 2; fill++)
        for (int c = 1; c < 256; c++)
            for (int at = 0; at < 20; at++) {
                memset(s, fill ? 0xC3 : 'x', 20);
                s[20] = '\0';
                s[at] = (char)c;
                check_as_json_c(s);
            }
    for (int len = 0; len <= 20; len++) {
        memset(s, 'y', (size_t)len);
        s[len] = '\0';
        check_as_json_c(s);
        if (len)
            s[len - 1] = '"';
        check_as_json_c(s);
    }
}

static void test_errors(void **state)
{
    (void)state;
    /* a stream that cannot be written */
    FILE *f = fopen("/dev/null", "r");
    assert_non_null(f);
    struct nb_json_out o;
    nb_json_out_init(&o, f, 0);
    nb_json_out_open(&o, '[');
    nb_json_out_string(&o, "x");
    nb_json_out_close(&o, ']');
    assert_int_equal(nb_json_out_finish(&o), NB_EIO);
    fclose(f);

    /* unbalanced: closing more than was opened, or leaving one open */
    f = tmpfile();
    nb_json_out_init(&o, f, 0);
    nb_json_out_close(&o, ']');
    assert_int_equal(nb_json_out_finish(&o), NB_EIO);
    nb_json_out_init(&o, f, 0);
    nb_json_out_open(&o, '{');
    assert_int_equal(nb_json_out_finish(&o), NB_EIO);
    /* too deep */
    nb_json_out_init(&o, f, 0);
    for (int i = 0; i < NB_JSON_OUT_MAX_DEPTH + 2; i++)
        nb_json_out_open(&o, '[');
    assert_int_equal(nb_json_out_finish(&o), NB_EIO);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_pretty_parses_the_same),
        cmocka_unit_test(test_escapes_as_json_c),
        cmocka_unit_test(test_escapes_in_runs),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
