/* test_yaml_doc.c - the YAML tree, its marks, its refusals and typed reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/yaml_doc.h"
#include "support.h"
#include "text/buf.h"

#define FIX NB_TEST_FIXTURES "/config/yaml/"

/* "FIXTURES/config/yaml/<name>:line:col: message" as nb_error_format writes it. */
static void assert_error(nb_status rc, const struct nb_error *err, const char *file, unsigned line,
                         unsigned column, const char *message)
{
    struct nb_buf want;
    char got[1024];
    nb_buf_init(&want, 0);
    nb_buf_addf(&want, "%s:%u:%u: %s", file, line, column, message);
    assert_int_equal(rc, NB_EINPUT);
    assert_int_equal(err->status, NB_EINPUT);
    assert_string_equal(nb_error_format(err, got, sizeof(got)), want.data);
    nb_buf_release(&want);
}

static nb_status parse_str(struct nb_yaml_doc *doc, const char *text, struct nb_error *err)
{
    nb_error_init(err);
    return nb_yaml_doc_parse(doc, "t.yaml", text, strlen(text), err);
}

static void test_tree_and_marks(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_yaml_doc_load(&doc, FIX "tree.yaml", &err), NB_OK);
    assert_string_equal(doc.path, FIX "tree.yaml");
    const struct nb_yaml_node *root = doc.root;
    assert_non_null(root);
    assert_int_equal(root->kind, NB_YAML_MAPPING);
    assert_int_equal(root->nitems, 14); /* 7 keys */
    assert_int_equal(root->mark.line, 2);
    assert_int_equal(root->mark.column, 1);

    const struct nb_yaml_node *title = nb_yaml_get(root, "title");
    assert_non_null(title);
    assert_int_equal(title->kind, NB_YAML_SCALAR);
    assert_string_equal(title->scalar, "Morning Briefing");
    assert_int_equal(title->scalar_len, 16);
    assert_int_equal(title->mark.line, 2);
    assert_int_equal(title->mark.column, 8);
    assert_false(title->quoted);

    const struct nb_yaml_node *quoted = nb_yaml_get(root, "quoted");
    assert_true(quoted->quoted);
    assert_string_equal(quoted->scalar, "5");
    assert_false(nb_yaml_get(root, "number")->quoted);

    const struct nb_yaml_node *list = nb_yaml_get(root, "list");
    assert_int_equal(list->kind, NB_YAML_SEQUENCE);
    assert_int_equal(list->nitems, 2);
    assert_string_equal(list->items[1]->scalar, "two");
    assert_true(list->items[1]->quoted);
    assert_int_equal(list->items[0]->mark.line, 6);
    assert_int_equal(list->items[0]->mark.column, 5);

    const struct nb_yaml_node *nested = nb_yaml_get(root, "nested");
    assert_int_equal(nested->kind, NB_YAML_MAPPING);
    assert_string_equal(nb_yaml_get(nested, "key")->scalar, "value");
    assert_int_equal(nb_yaml_get(nested, "key")->mark.line, 9);
    assert_int_equal(nb_yaml_get(nested, "key")->mark.column, 8);

    assert_true(nb_yaml_is_null(nb_yaml_get(root, "empty")));
    assert_false(nb_yaml_is_null(title));
    const struct nb_yaml_node *block = nb_yaml_get(root, "block");
    assert_string_equal(block->scalar, "line one\nline two\n");
    assert_true(block->quoted);

    assert_null(nb_yaml_get(root, "missing"));
    assert_null(nb_yaml_get(title, "title"));
    assert_null(nb_yaml_get(NULL, "title"));
    nb_yaml_doc_release(&doc);
    nb_yaml_doc_release(&doc); /* release twice is safe */
}

static void test_empty_documents(void **state)
{
    (void)state;
    static const char *const files[] = {"empty.yaml", "comments_only.yaml", "dashes_only.yaml"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        nb_buf_addf(&path, "%s%s", FIX, files[i]);
        nb_error_init(&err);
        assert_int_equal(nb_yaml_doc_load(&doc, path.data, &err), NB_OK);
        assert_null(doc.root);
        nb_yaml_doc_release(&doc);
        nb_buf_release(&path);
    }
}

struct error_case {
    const char *file;
    unsigned line, column;
    const char *message;
};

static void test_error_fixtures(void **state)
{
    (void)state;
    static const struct error_case cases[] = {
        {"syntax.yaml", 3, 8,
         "did not find expected ',' or ']' (while parsing a flow sequence that starts at 2:8)"},
        {"syntax_colon.yaml", 1, 9, "mapping values are not allowed in this context"},
        {"tab_indent.yaml", 2, 1,
         "found a tab character that violates indentation (while scanning a plain scalar that "
         "starts at 1:8)"},
        {"anchor.yaml", 1, 7, "anchors are not supported ('&b'); write the value out in full"},
        {"alias.yaml", 2, 8, "aliases are not supported ('*b'); write the value out in full"},
        {"duplicate.yaml", 3, 1, "duplicate key 'title' (first at line 1); keep only one"},
        {"multi_doc.yaml", 2, 1,
         "a second document starts here; a file holds only one (remove this '---')"},
        {"bad_utf8.yaml", 1, 11, "not valid UTF-8 (byte 0xe9); save the file as UTF-8"},
        {"bad_utf8_line3.yaml", 3, 11, "not valid UTF-8 (byte 0xff); save the file as UTF-8"},
        {"tag.yaml", 1, 8, "tag '!custom' is not supported; remove it"},
        {"key_list.yaml", 2, 1, "a key must be a name, not a list"},
        {"empty_key.yaml", 2, 1, "a key must be a name, not an empty value"},
        {"control_char.yaml", 1, 8, "value holds control character 0x07, which is not allowed"},
        {"nul_escape.yaml", 1, 8, "value holds control character 0x00, which is not allowed"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        nb_buf_addf(&path, "%s%s", FIX, cases[i].file);
        nb_error_init(&err);
        nb_status rc = nb_yaml_doc_load(&doc, path.data, &err);
        assert_error(rc, &err, path.data, cases[i].line, cases[i].column, cases[i].message);
        assert_null(doc.root);
        nb_yaml_doc_release(&doc);
        nb_buf_release(&path);
    }
}

static void test_missing_file(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_yaml_doc_load(&doc, FIX "no-such.yaml", &err), NB_EINPUT);
    assert_string_equal(err.file, FIX "no-such.yaml");
    nb_yaml_doc_release(&doc);
}

static void test_limits(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    /* size */
    size_t big = NB_YAML_MAX_BYTES + 1;
    char *text = malloc(big);
    assert_non_null(text);
    memset(text, '#', big);
    nb_error_init(&err);
    assert_int_equal(nb_yaml_doc_parse(&doc, "big.yaml", text, big, &err), NB_EINPUT);
    assert_string_equal(err.file, "big.yaml");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    char want[128];
    snprintf(want, sizeof(want), "file is too large (over %zu bytes)", NB_YAML_MAX_BYTES);
    assert_string_equal(err.message, want);
    nb_yaml_doc_release(&doc);
    free(text);

    /* depth */
    struct nb_buf deep;
    nb_buf_init(&deep, 0);
    for (int i = 0; i < NB_YAML_MAX_DEPTH + 10; i++)
        nb_buf_addc(&deep, '[');
    for (int i = 0; i < NB_YAML_MAX_DEPTH + 10; i++)
        nb_buf_addc(&deep, ']');
    nb_status rc = parse_str(&doc, deep.data, &err);
    assert_error(rc, &err, "t.yaml", 1, NB_YAML_MAX_DEPTH + 1,
                 "nesting is too deep (over 64 levels)");
    nb_yaml_doc_release(&doc);
    nb_buf_release(&deep);

    /* keys in one mapping */
    struct nb_buf keys;
    nb_buf_init(&keys, 0);
    for (int i = 0; i <= NB_YAML_MAX_KEYS; i++)
        nb_buf_addf(&keys, "k%d: 1\n", i);
    rc = parse_str(&doc, keys.data, &err);
    assert_error(rc, &err, "t.yaml", NB_YAML_MAX_KEYS + 1, 1,
                 "too many keys in one mapping (over 1000)");
    nb_yaml_doc_release(&doc);
    nb_buf_release(&keys);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    assert_int_equal(parse_str(&doc, "\xEF\xBB\xBFtitle: A\r\nvoice: b\r\n", &err), NB_OK);
    assert_string_equal(nb_yaml_get(doc.root, "voice")->scalar, "b");
    assert_int_equal(nb_yaml_get(doc.root, "voice")->mark.line, 2);
    nb_yaml_doc_release(&doc);
}

static void test_str_tag_is_text(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    long v = 0;
    nb_error_init(&err);
    assert_int_equal(nb_yaml_doc_load(&doc, FIX "str_tag.yaml", &err), NB_OK);
    const struct nb_yaml_node *n = nb_yaml_get(doc.root, "stories");
    assert_true(n->quoted);
    nb_status rc = nb_yaml_int(&doc, n, "stories", 1, 100, &v, &err);
    assert_error(rc, &err, FIX "str_tag.yaml", 1, 10,
                 "'stories' must be a whole number from 1 to 100, not the text '5' (remove the "
                 "quotes)");
    nb_yaml_doc_release(&doc);
}

/* Parses "v: <value>" and returns the value node. */
static const struct nb_yaml_node *value_of(struct nb_yaml_doc *doc, const char *value)
{
    struct nb_buf text;
    struct nb_error err;
    nb_buf_init(&text, 0);
    nb_buf_addf(&text, "v: %s\n", value);
    nb_status rc = parse_str(doc, text.data, &err);
    nb_buf_release(&text);
    assert_int_equal(rc, NB_OK);
    return nb_yaml_get(doc->root, "v");
}

static void test_int(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        long want;
    } good[] = {{"5", 5}, {"+7", 7}, {"-3", -3}, {"007", 7}, {"100", 100}};
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        long v = 0;
        nb_error_init(&err);
        assert_int_equal(nb_yaml_int(&doc, value_of(&doc, good[i].text), "n", -10, 100, &v, &err),
                         NB_OK);
        assert_int_equal(v, good[i].want);
        nb_yaml_doc_release(&doc);
    }
    static const struct {
        const char *text, *message;
    } bad[] = {
        {"five", "'n' must be a whole number from -10 to 100, not 'five'"},
        {"5.0", "'n' must be a whole number from -10 to 100, not '5.0'"},
        {"0x10", "'n' must be a whole number from -10 to 100, not '0x10'"},
        {"101", "'n' must be a whole number from -10 to 100, not '101'"},
        {"-11", "'n' must be a whole number from -10 to 100, not '-11'"},
        {"99999999999999999999999", "'n' must be a whole number from -10 to 100, not "
                                    "'99999999999999999999999'"},
        {"~", "'n' must be a whole number from -10 to 100, not an empty value"},
        {"[1]", "'n' must be a whole number from -10 to 100, not a list"},
        {"{a: 1}", "'n' must be a whole number from -10 to 100, not a mapping"},
        {"'5'", "'n' must be a whole number from -10 to 100, not the text '5' (remove the "
                "quotes)"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        long v = 42;
        nb_error_init(&err);
        nb_status rc = nb_yaml_int(&doc, value_of(&doc, bad[i].text), "n", -10, 100, &v, &err);
        assert_error(rc, &err, "t.yaml", 1, 4, bad[i].message);
        assert_int_equal(v, 42);
        nb_yaml_doc_release(&doc);
    }
}

static void test_duration(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        unsigned unit;
        unsigned long want;
    } good[] = {
        {"350ms", 1, 350},   {"1.2s", 1, 1200},    {"90s", 1, 90000},    {"3m", 1, 180000},
        {"1m30s", 1, 90000}, {"1m 30s", 1, 90000}, {"350", 1, 350},      {"2", 1000, 2000},
        {"1.5", 1000, 1500}, {"0", 1, 0},          {"1h", 1, 3600000},   {".5s", 1, 500},
        {"5 s", 1, 5000},    {"'250ms'", 1, 250},  {"1s500ms", 1, 1500}, {"0.0004s", 1, 0},
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        unsigned long ms = 12345;
        nb_error_init(&err);
        nb_status rc = nb_yaml_duration_ms(&doc, value_of(&doc, good[i].text), "pause",
                                           good[i].unit, 4000000, &ms, &err);
        if (rc != NB_OK)
            fail_msg("%s: %s", good[i].text, err.message);
        assert_int_equal(ms, good[i].want);
        nb_yaml_doc_release(&doc);
    }
    static const struct {
        const char *text, *message;
    } bad[] = {
        {"soon", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not 'soon'"},
        {"-350ms", "'pause' must not be negative, not '-350ms'"},
        {"-2", "'pause' must not be negative, not '-2'"},
        {"30s1m", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '30s1m'"},
        {"1m30", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '1m30'"},
        {"1s1s", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '1s1s'"},
        {"ms", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not 'ms'"},
        {"5min", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '5min'"},
        {"1.2.3s", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '1.2.3s'"},
        {"1e3", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not '1e3'"},
        {"~", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not an empty value"},
        {"[1s]", "'pause' must be a duration like 350ms, 1.2s or 1m30s, not a list"},
        {"11s", "'pause' must be at most 10s, not '11s'"},
        {"10001", "'pause' must be at most 10s, not '10001'"},
        {"99999999999999999999999999h", "'pause' must be at most 10s, not "
                                        "'99999999999999999999999999h'"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        unsigned long ms = 7;
        nb_error_init(&err);
        nb_status rc =
            nb_yaml_duration_ms(&doc, value_of(&doc, bad[i].text), "pause", 1, 10000, &ms, &err);
        assert_error(rc, &err, "t.yaml", 1, 4, bad[i].message);
        assert_int_equal(ms, 7);
        nb_yaml_doc_release(&doc);
    }
    /* the limit itself is allowed */
    struct nb_yaml_doc doc;
    struct nb_error err;
    unsigned long ms = 0;
    assert_int_equal(nb_yaml_duration_ms(&doc, value_of(&doc, "10s"), "p", 1, 10000, &ms, &err),
                     NB_OK);
    assert_int_equal(ms, 10000);
    nb_yaml_doc_release(&doc);
}

static void test_bool_and_string(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int want;
    } good[] = {{"true", 1}, {"Yes", 1}, {"ON", 1}, {"false", 0}, {"no", 0}, {"Off", 0}};
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        int v = -1;
        assert_int_equal(nb_yaml_bool(&doc, value_of(&doc, good[i].text), "b", &v, &err), NB_OK);
        assert_int_equal(v, good[i].want);
        nb_yaml_doc_release(&doc);
    }
    struct nb_yaml_doc doc;
    struct nb_error err;
    int b = -1;
    nb_status rc = nb_yaml_bool(&doc, value_of(&doc, "maybe"), "loud", &b, &err);
    assert_error(rc, &err, "t.yaml", 1, 4, "'loud' must be true or false, not 'maybe'");
    nb_yaml_doc_release(&doc);
    rc = nb_yaml_bool(&doc, value_of(&doc, "\"true\""), "loud", &b, &err);
    assert_error(rc, &err, "t.yaml", 1, 4, "'loud' must be true or false, not 'true'");
    nb_yaml_doc_release(&doc);

    char *s = NULL;
    assert_int_equal(nb_yaml_string(&doc, value_of(&doc, "2026"), "title", &s, &err), NB_OK);
    assert_string_equal(s, "2026");
    free(s);
    nb_yaml_doc_release(&doc);
    assert_int_equal(nb_yaml_string(&doc, value_of(&doc, "''"), "title", &s, &err), NB_OK);
    assert_string_equal(s, "");
    free(s);
    nb_yaml_doc_release(&doc);
    rc = nb_yaml_string(&doc, value_of(&doc, "[a, b]"), "title", &s, &err);
    assert_error(rc, &err, "t.yaml", 1, 4, "'title' must be text, not a list");
    assert_null(s);
    nb_yaml_doc_release(&doc);
    rc = nb_yaml_string(&doc, value_of(&doc, "~"), "title", &s, &err);
    assert_error(rc, &err, "t.yaml", 1, 4, "'title' must be text, not an empty value");
    nb_yaml_doc_release(&doc);
    rc = nb_yaml_string(NULL, NULL, "title", &s, &err);
    assert_int_equal(rc, NB_EINTERNAL);
}

static void test_describe(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    char out[96];
    /* 70 x "é" (2 bytes each): cut at 60 bytes, on a character boundary */
    struct nb_buf v;
    nb_buf_init(&v, 0);
    for (int i = 0; i < 70; i++)
        nb_buf_adds(&v, "\xC3\xA9");
    const struct nb_yaml_node *n = value_of(&doc, v.data);
    nb_yaml_describe(n, out, sizeof(out));
    nb_buf_reset(&v);
    nb_buf_addc(&v, '\'');
    for (int i = 0; i < 30; i++)
        nb_buf_adds(&v, "\xC3\xA9");
    nb_buf_adds(&v, "...'");
    assert_string_equal(out, v.data);
    nb_yaml_doc_release(&doc);
    nb_buf_release(&v);

    n = value_of(&doc, "\"two\\nlines\"");
    assert_string_equal(nb_yaml_describe(n, out, sizeof(out)), "'two lines'");
    nb_yaml_doc_release(&doc);
    n = value_of(&doc, "{a: 1}");
    assert_string_equal(nb_yaml_describe(n, out, sizeof(out)), "a mapping");
    nb_yaml_doc_release(&doc);
}

static void test_check_keys(void **state)
{
    (void)state;
    static const char *const known[] = {"title", "voice", "sentences", "stories", NULL};
    static const struct {
        const char *text;
        unsigned line;
        const char *message;
    } cases[] = {
        {"title: a\nvoise: b\n", 2, "unknown key 'voise' (did you mean 'voice'?)"},
        {"tilte: a\n", 1, "unknown key 'tilte' (did you mean 'title'?)"},
        {"Title: a\n", 1, "unknown key 'Title' (did you mean 'title'?)"},
        {"sent: 2\n", 1, "unknown key 'sent' (did you mean 'sentences'?)"},
        {"podcast: yes\n", 1,
         "unknown key 'podcast' (known keys: title, voice, sentences, stories)"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_yaml_doc doc;
        struct nb_error err;
        assert_int_equal(parse_str(&doc, cases[i].text, &err), NB_OK);
        nb_status rc = nb_yaml_check_keys(&doc, doc.root, known, &err);
        assert_error(rc, &err, "t.yaml", cases[i].line, 1, cases[i].message);
        nb_yaml_doc_release(&doc);
    }
    struct nb_yaml_doc doc;
    struct nb_error err;
    assert_int_equal(parse_str(&doc, "title: a\nstories: 2\n", &err), NB_OK);
    assert_int_equal(nb_yaml_check_keys(&doc, doc.root, known, &err), NB_OK);
    assert_int_equal(nb_yaml_check_keys(&doc, nb_yaml_get(doc.root, "title"), known, &err),
                     NB_EINTERNAL);
    nb_yaml_doc_release(&doc);
}

static void test_error_at_node(void **state)
{
    (void)state;
    struct nb_yaml_doc doc;
    struct nb_error err;
    assert_int_equal(parse_str(&doc, "a:\n  b: 1\n", &err), NB_OK);
    const struct nb_yaml_node *b = nb_yaml_get(nb_yaml_get(doc.root, "a"), "b");
    nb_status rc = nb_yaml_error(&doc, b, &err, "'%s' is %d", "b", 1);
    assert_error(rc, &err, "t.yaml", 2, 6, "'b' is 1");
    nb_yaml_doc_release(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree_and_marks),  cmocka_unit_test(test_empty_documents),
        cmocka_unit_test(test_error_fixtures),  cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_limits),          cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_str_tag_is_text), cmocka_unit_test(test_int),
        cmocka_unit_test(test_duration),        cmocka_unit_test(test_bool_and_string),
        cmocka_unit_test(test_describe),        cmocka_unit_test(test_check_keys),
        cmocka_unit_test(test_error_at_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
