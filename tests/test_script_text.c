/* test_script_text.c - the plain-text form of a script: writing, parsing
 * and its errors (round trips of a built bulletin are in test_script.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "script/script.h"
#include "support.h"

static char *write_text(const struct nb_script *s)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_script_write_text(s, &out), 0);
    return nb_buf_detach(&out, NULL);
}

static void parse_ok(struct nb_script *s, const char *text, const char *language)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_script_init(s);
    if (nb_script_parse_text(s, text, strlen(text), "test.script", language, &err) != NB_OK) {
        char msg[1200];
        fail_msg("parse: %s", nb_error_format(&err, msg, sizeof(msg)));
    }
}

/* Text that would look like a mark, a comment or an escape survives. */
static void test_round_trip_escapes(void **state)
{
    (void)state;
    struct nb_script s, parsed;
    struct nb_error err;
    nb_script_init(&s);
    static const char *const texts[] = {
        "[Applause] greets the Prime Minister.",
        "[Applause]",
        "#MeToo campaigners marched in London.",
        "\\o/ was all she wrote.",
        "\\n is not a new line.",
        "Text with\nmany   lines\n\nand spaces.",
    };
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(nb_script_add(&s, NB_SEG_STORY, (unsigned)i + 1, "anchor", texts[i], NULL,
                                       "en-gb", &err),
                         NB_OK);
    char *text = write_text(&s);
    assert_non_null(strstr(text, "\n\\[Applause] greets"));
    assert_non_null(strstr(text, "\n\\[Applause]\n"));
    assert_non_null(strstr(text, "\n\\#MeToo"));
    assert_non_null(strstr(text, "\n\\o/"));
    assert_non_null(strstr(text, "\n\\n is"));
    assert_non_null(strstr(text, "\nText with many lines and spaces.\n"));
    assert_null(strstr(text, "# title:"));
    assert_null(strstr(text, "# date:"));
    parse_ok(&parsed, text, "en-gb");
    assert_int_equal(parsed.n, 6);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(parsed.segments[i].text, texts[i]);
    assert_string_equal(parsed.segments[5].text, "Text with many lines and spaces.");
    assert_null(parsed.title);
    assert_null(parsed.date);
    char *again = write_text(&parsed);
    assert_string_equal(text, again);
    free(again);
    free(text);
    nb_script_release(&parsed);
    nb_script_release(&s);
}

/* A file a producer has edited: CRLF line ends, text reflowed over several
 * lines, extra blank lines, comments, a segment deleted, one added, a
 * voice changed, a title changed. */
static void test_parse_edited(void **state)
{
    (void)state;
    size_t len;
    char *text = nb_test_fixture("script/edited.script", &len);
    assert_non_null(memchr(text, '\r', len)); /* the fixture really has CRLF */
    assert_true(nb_script_is_text(text, len));
    struct nb_script s;
    struct nb_error err;
    nb_script_init(&s);
    nb_error_init(&err);
    if (nb_script_parse_text(&s, text, len, "edited.script", "en-gb", &err) != NB_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    assert_string_equal(s.title, "Morning Briefing");
    assert_string_equal(s.date, "2026-11-29");
    char *written = write_text(&s);
    char *want = nb_test_fixture("script/edited.expected", NULL);
    assert_string_equal(written, want);
    /* the spoken form is recomputed from the edited text */
    int found = 0;
    for (size_t i = 0; i < s.n; i++)
        if (strstr(s.segments[i].text, "Ms Reeves")) {
            assert_non_null(strstr(s.segments[i].spoken, "Miz Reeves"));
            found = 1;
        }
    assert_true(found);
    free(want);
    free(written);
    free(text);
    nb_script_release(&s);
}

/* A quote's speaker survives the text form, with spaces in the name. */
static void test_speaker_round_trip(void **state)
{
    (void)state;
    struct nb_script s;
    struct nb_error err;
    nb_script_init(&s);
    nb_error_init(&err);
    assert_int_equal(nb_script_add(&s, NB_SEG_QUOTE, 1, "correspondent+m3", "We will stay.", NULL,
                                   "en-gb", &err),
                     NB_OK);
    assert_int_equal(nb_script_set_speaker(&s, 0, "Ola  Berg \"the [minister]\"", &err), NB_OK);
    assert_string_equal(s.segments[0].speaker, "Ola Berg 'the (minister)'");
    char *text = write_text(&s);
    assert_non_null(strstr(
        text, "[quote story=1 voice=correspondent+m3 speaker=\"Ola Berg 'the (minister)'\"]"));
    struct nb_script back;
    nb_script_init(&back);
    if (nb_script_parse_text(&back, text, strlen(text), "x.script", "en-gb", &err) != NB_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    assert_int_equal(back.n, 1);
    assert_string_equal(back.segments[0].speaker, "Ola Berg 'the (minister)'");
    assert_string_equal(back.segments[0].voice, "correspondent+m3");
    /* no speaker: none written, none read */
    assert_int_equal(nb_script_set_speaker(&s, 0, NULL, &err), NB_OK);
    free(text);
    text = write_text(&s);
    assert_null(strstr(text, "speaker="));
    free(text);
    nb_script_release(&back);
    nb_script_release(&s);
}

struct parse_error_case {
    const char *text;
    unsigned line, column;
    const char *message; /* the whole message */
};

#define HEAD "# newsbrief script\n# title: Morning Briefing\n# date: 2026-11-28\n\n"
#define KINDS                                                                                      \
    "(expected intro, headlines, story, quote, transition or outro; write \\[ for text that "      \
    "starts with a bracket)"
#define STORY_N "(expected a whole number from 1, or no story= at all)"
#define NO_TEXT "(write it under the mark, or delete the mark)"
#define ATTRS "in segment mark (expected story=N, voice=NAME or speaker=\"NAME\")"
#define NOT_PATH                                                                                   \
    "(a voice profile name such as anchor or an eSpeak NG voice such as en-gb, not a path)"
#define LONG_NAME                                                                                  \
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
    "aa"
/* the message keeps the mark's first 60 bytes: "[story voice=" and 47 of the name */
#define LONG_NAME_CUT "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static const struct parse_error_case parse_errors[] = {
    {HEAD "[stroy story=1 voice=anchor]\nText.\n", 5, 2, "unknown segment kind 'stroy' " KINDS},
    {HEAD "[intro voice=anchor]\nHi.\n\n[Applause]\n", 8, 2,
     "unknown segment kind 'Applause' " KINDS},
    {HEAD "[story story=x voice=anchor]\nText.\n", 5, 8, "bad story number 'x' " STORY_N},
    {HEAD "[story story=0 voice=anchor]\nText.\n", 5, 8, "bad story number '0' " STORY_N},
    {HEAD "[story story=-1 voice=anchor]\nText.\n", 5, 8, "bad story number '-1' " STORY_N},
    {HEAD "[story story= voice=anchor]\nText.\n", 5, 8, "bad story number '' " STORY_N},
    {HEAD "[story story=1x voice=anchor]\nText.\n", 5, 8, "bad story number '1x' " STORY_N},
    {HEAD "[story story=99999999999999999999 voice=anchor]\nText.\n", 5, 8,
     "bad story number '99999999999999999999' " STORY_N},
    {HEAD "[story voice=ånchor story=2a]\nText.\n", 5, 21, "bad story number '2a' " STORY_N},
    {HEAD "[story story=1 story=2 voice=anchor]\nText.\n", 5, 16,
     "attribute 'story' given twice in segment mark"},
    {HEAD "[story story=1]\nText.\n", 5, 15, "segment mark has no voice (add voice=NAME)"},
    {HEAD "[story story=1 voice=]\nText.\n", 5, 16, "bad voice name '' (expected voice=NAME)"},
    {HEAD "[story voice=a[1]]\nText.\n", 5, 8, "bad voice name 'a[1]' (expected voice=NAME)"},
    {HEAD "[story voice=a voice=b]\nText.\n", 5, 16,
     "attribute 'voice' given twice in segment mark"},
    {HEAD "[story story=1 speed=2 voice=anchor]\nText.\n", 5, 16,
     "unknown attribute 'speed=2' " ATTRS},
    {HEAD "[story story=1 anchor]\nText.\n", 5, 16, "unknown attribute 'anchor' " ATTRS},
    {HEAD "[quote voice=a speaker=Ola]\nText.\n", 5, 16, "bad speaker (expected speaker=\"NAME\")"},
    {HEAD "[quote voice=a speaker=\"Ola Berg]\nText.\n", 5, 16,
     "bad speaker (expected speaker=\"NAME\")"},
    {HEAD "[quote speaker=\"A\" voice=a speaker=\"B\"]\nText.\n", 5, 28,
     "attribute 'speaker' given twice in segment mark"},
    {HEAD "[ ]\nText.\n", 5, 1, "empty segment mark (expected [kind voice=NAME])"},
    {HEAD "Hello.\n[intro voice=anchor]\nHi.\n", 5, 1,
     "text before the first segment mark (start a segment with [kind voice=NAME])"},
    {"# newsbrief script\n  Hello.\n", 2, 3,
     "text before the first segment mark (start a segment with [kind voice=NAME])"},
    {HEAD "[intro voice=anchor]\n\n\n[outro voice=anchor]\nBye.\n", 5, 1,
     "the intro segment has no text " NO_TEXT},
    {HEAD "[intro voice=anchor]\nHi.\n\n  [outro voice=anchor]\n\n", 8, 3,
     "the outro segment has no text " NO_TEXT},
    {HEAD "[intro voice=anchor]\n# only a comment\n[outro voice=anchor]\nBye.\n", 5, 1,
     "the intro segment has no text " NO_TEXT},
    {"# newsbrief script\r\n# date: 2026-02-30\r\n", 2, 9,
     "bad date '2026-02-30' (expected YYYY-MM-DD, e.g. 2026-11-28)"},
    {"# newsbrief script\n# date: tomorrow\n", 2, 9,
     "bad date 'tomorrow' (expected YYYY-MM-DD, e.g. 2026-11-28)"},
    {"# newsbrief script\r\n\r\n[intro voice=anchor]\r\nHi.\r\n[outro]\r\nBye.\r\n", 5, 7,
     "segment mark has no voice (add voice=NAME)"},
    {HEAD "[intro voice=anchor]\nHi \xc3\xa9t\xe9.\n", 6, 6,
     "the script is not valid UTF-8 (save it as UTF-8)"},
    {HEAD "[intro voice=anchor]\nHi\x01.\n", 6, 3, "control character U+0001 in the script"},
    /* a mark whose ']' is missing is not text before the first mark */
    {HEAD "[intro voice=anchor\nGood evening.\n", 5, 1,
     "segment mark '[intro voice=anchor' is not closed with ']'"},
    {HEAD "[intro voice=anchor]\nHi.\n  [outro voice=anchor  \nBye.\n", 7, 3,
     "segment mark '[outro voice=anchor' is not closed with ']'"},
    {HEAD "[story voice=" LONG_NAME "\nText.\n", 5, 1,
     "segment mark '[story voice=" LONG_NAME_CUT "...' is not closed with ']'"},
    /* a voice is a profile name or an eSpeak NG voice, never a file */
    {HEAD "[story story=1 voice=../../../../etc/passwd]\nText.\n", 5, 22,
     "no voice '../../../../etc/passwd' " NOT_PATH},
    {HEAD "[story voice=/etc/passwd]\nText.\n", 5, 14, "no voice '/etc/passwd' " NOT_PATH},
    {HEAD "[story voice=voices/anchor]\nText.\n", 5, 14, "no voice 'voices/anchor' " NOT_PATH},
    {HEAD "[story voice=anchor.yaml]\nText.\n", 5, 14, "no voice 'anchor.yaml' " NOT_PATH},
    {HEAD "[story voice=.anchor]\nText.\n", 5, 14, "no voice '.anchor' " NOT_PATH},
    {"# newsbrief script\n# title: Empty\n\n", 0, 0,
     "the script has no segments (each starts with a mark such as [story story=1 "
     "voice=anchor])"},
};

static void test_parse_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(parse_errors) / sizeof(parse_errors[0]); i++) {
        const struct parse_error_case *c = &parse_errors[i];
        struct nb_script s;
        struct nb_error err;
        nb_script_init(&s);
        nb_error_init(&err);
        nb_status rc =
            nb_script_parse_text(&s, c->text, strlen(c->text), "briefing.script", "en-gb", &err);
        char msg[1200];
        nb_error_format(&err, msg, sizeof(msg));
        if (rc != NB_EINPUT || err.line != c->line || err.column != c->column ||
            strcmp(err.message, c->message) != 0)
            fail_msg("case %zu: got status %d, '%s'; want %u:%u '%s'", i, (int)rc, msg, c->line,
                     c->column, c->message);
        assert_string_equal(err.file, "briefing.script");
        /* a failed parse leaves nothing behind */
        assert_int_equal(s.n, 0);
        assert_null(s.segments);
        assert_null(s.title);
        assert_null(s.date);
    }
}

/* Where a header line's value is, for an error a later stage finds. */
static void test_header_mark(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBF# newsbrief script\r\n# title: Ønsket\r\n"
                               "  #  lexicon:   names.yaml\r\n\n[intro voice=anchor]\nHi.\n"
                               "# date: 2026-01-01\n";
    unsigned line = 0, column = 0;
    assert_true(nb_script_text_header_mark(text, sizeof(text) - 1, "lexicon", &line, &column));
    assert_int_equal(line, 3);
    assert_int_equal(column, 17);
    assert_true(nb_script_text_header_mark(text, sizeof(text) - 1, "title", &line, &column));
    assert_int_equal(line, 2);
    assert_int_equal(column, 10);
    /* after the first mark a '#' line is a comment */
    assert_false(nb_script_text_header_mark(text, sizeof(text) - 1, "date", &line, &column));
    assert_false(nb_script_text_header_mark("", 0, "lexicon", &line, &column));
}

static void test_error_format(void **state)
{
    (void)state;
    static const char text[] = HEAD "[stroy story=1 voice=anchor]\nText.\n";
    struct nb_script s;
    struct nb_error err;
    nb_script_init(&s);
    assert_int_equal(nb_script_parse_text(&s, text, strlen(text), "briefing.script", "en-gb", &err),
                     NB_EINPUT);
    char msg[1200];
    nb_error_format(&err, msg, sizeof(msg));
    assert_string_equal(msg, "briefing.script:5:2: unknown segment kind 'stroy' (expected "
                             "intro, headlines, story, quote, transition or outro; write \\[ for "
                             "text that starts with a bracket)");
    /* and without a name, or without an error struct */
    assert_int_equal(nb_script_parse_text(&s, text, strlen(text), NULL, "en-gb", NULL), NB_EINPUT);
}

static void test_is_text(void **state)
{
    (void)state;
    static const char *const yes[] = {"# newsbrief script", "# newsbrief script\n",
                                      "# newsbrief script\r\n[intro voice=a]",
                                      "\xEF\xBB\xBF# newsbrief script\n", "# newsbrief script \n"};
    static const char *const no[] = {"",
                                     "# newsbrief",
                                     "# newsbrief scripts\n",
                                     "Storm Bert\n# newsbrief script\n",
                                     " # newsbrief script\n",
                                     "# Newsbrief script\n"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!nb_script_is_text(yes[i], strlen(yes[i])))
            fail_msg("'%s' should be a script", yes[i]);
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (nb_script_is_text(no[i], strlen(no[i])))
            fail_msg("'%s' should not be a script", no[i]);
    /* a length shorter than the string is respected */
    assert_false(nb_script_is_text("# newsbrief script", 10));
}

static void test_parse_minimal(void **state)
{
    (void)state;
    struct nb_script s;
    /* no header at all, a BOM, tabs, a mark with extra spaces */
    parse_ok(&s,
             "\xEF\xBB\xBF[ intro \t voice=anchor ]\n\tHello   there.\t\n"
             "[story story=3 voice=reporter]\nMs Smith — hello 🎉\n",
             "en-gb");
    assert_int_equal(s.n, 2);
    assert_null(s.title);
    assert_int_equal(s.segments[0].kind, NB_SEG_INTRO);
    assert_int_equal(s.segments[0].story, 0);
    assert_string_equal(s.segments[0].text, "Hello there.");
    assert_int_equal(s.segments[1].story, 3);
    assert_string_equal(s.segments[1].voice, "reporter");
    assert_string_equal(s.segments[1].text, "Ms Smith — hello 🎉");
    assert_string_equal(s.segments[1].spoken, "Miz Smith, hello");
    nb_script_release(&s);

    /* another language: the spoken form is only tidied */
    parse_ok(&s, "[story story=1 voice=anchor]\nMs Smith — hello\n", "fr");
    assert_string_equal(s.segments[0].spoken, "Ms Smith — hello");
    nb_script_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_escapes), cmocka_unit_test(test_parse_edited),
        cmocka_unit_test(test_speaker_round_trip), cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_error_format),       cmocka_unit_test(test_is_text),
        cmocka_unit_test(test_parse_minimal),      cmocka_unit_test(test_header_mark),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
