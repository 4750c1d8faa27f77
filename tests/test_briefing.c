/* test_briefing.c - briefings/NAME.yaml: loading, resolving, and every refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config/briefing.h"
#include "support.h"
#include "text/buf.h"
#include "text/file.h"

#define BRIEFINGS NB_TEST_FIXTURES "/config/briefings"
#define B(name) BRIEFINGS "/" name

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

static void load_ok(struct nb_briefing *b, const char *path)
{
    struct nb_error err;
    char msg[1024];
    nb_briefing_init(b);
    nb_error_init(&err);
    if (nb_briefing_load(b, path, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
}

static void assert_articles(const struct nb_briefing *b, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < n && i < b->articles.n; i++)
        assert_string_equal(b->articles.v[i], want[i]);
    assert_int_equal(b->articles.n, n);
}

static void test_full(void **state)
{
    (void)state;
    struct nb_briefing b;
    load_ok(&b, B("full.yaml"));
    assert_string_equal(b.path, B("full.yaml"));
    assert_string_equal(b.dir, BRIEFINGS);
    assert_string_equal(b.title, "Morning Briefing");
    assert_true(b.has_date);
    assert_int_equal(b.year, 2026);
    assert_int_equal(b.month, 11);
    assert_int_equal(b.day, 28);
    assert_string_equal(b.voice, "local");
    assert_string_equal(b.voice_path, B("voices/local.yaml"));
    assert_int_equal(b.voice_mark.line, 3);
    assert_int_equal(b.voice_mark.column, 8);
    static const char *const want[] = {B("articles/c.txt"), B("articles/a.txt"), B("articles/b.md"),
                                       NULL};
    assert_articles(&b, want);
    assert_int_equal(b.stories, 7);
    assert_int_equal(b.sentences, 2);
    assert_string_equal(b.output, B("out/morning.wav"));
    nb_briefing_release(&b);
    nb_briefing_release(&b);
}

static void test_defaults(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    struct nb_briefing b;
    load_ok(&b, B("minimal.yaml"));
    assert_string_equal(b.title, "Evening News");
    assert_false(b.has_date);
    assert_string_equal(b.voice, "anchor");
    assert_string_equal(b.voice_path, NB_DATA_DIR "/voices/anchor.yaml");
    assert_int_equal(b.voice_mark.line, 0);
    static const char *const want[] = {B("articles/a.txt"), NULL};
    assert_articles(&b, want);
    assert_int_equal(b.stories, 5);
    assert_int_equal(b.sentences, 3);
    assert_null(b.output);
    /* loading into a used struct replaces it */
    struct nb_error err;
    assert_int_equal(nb_briefing_load(&b, B("full.yaml"), &err), NB_OK);
    assert_string_equal(b.title, "Morning Briefing");
    assert_int_equal(b.articles.n, 3);
    nb_briefing_release(&b);
}

static void test_relative_path(void **state)
{
    (void)state;
    char *cwd = getcwd(NULL, 4096);
    assert_non_null(cwd);
    assert_int_equal(chdir(BRIEFINGS), 0);
    struct nb_briefing b;
    load_ok(&b, "full.yaml");
    assert_string_equal(b.dir, ".");
    assert_string_equal(b.voice_path, "voices/local.yaml");
    assert_string_equal(b.articles.v[0], "articles/c.txt");
    assert_string_equal(b.output, "out/morning.wav");
    nb_briefing_release(&b);
    assert_int_equal(chdir(cwd), 0);
    free(cwd);
}

static void test_dedupe_and_order(void **state)
{
    (void)state;
    struct nb_briefing b;
    load_ok(&b, B("dedupe.yaml"));
    /* b.md first as written; "./articles/b.md" and the folder repeat it */
    static const char *const want[] = {B("articles/b.md"), B("articles/a.txt"), B("articles/c.txt"),
                                       B("articles/sub/d.txt"), NULL};
    assert_articles(&b, want);
    /* each where the entry that first gave it is written */
    static const unsigned lines[] = {3, 5, 5, 7};
    assert_non_null(b.article_marks);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(b.article_marks[i].line, lines[i]);
        assert_int_equal(b.article_marks[i].column, 5);
    }
    nb_briefing_release(&b);
    assert_null(b.article_marks);
    /* and they follow the stories' order: c.txt by its priority first */
    load_ok(&b, B("marks_priority.yaml"));
    static const char *const want_marks[] = {B("articles/c.txt"), B("articles/a.txt"), NULL};
    assert_articles(&b, want_marks);
    assert_int_equal(b.article_marks[0].line, 4);
    assert_int_equal(b.article_marks[0].column, 12);
    assert_int_equal(b.article_marks[1].line, 3);
    assert_int_equal(b.article_marks[1].column, 5);
    nb_briefing_release(&b);

    load_ok(&b, B("glob.yaml"));
    static const char *const want_glob[] = {B("articles/b.md"), B("articles/a.txt"),
                                            B("articles/c.txt"), NULL};
    assert_articles(&b, want_glob);
    nb_briefing_release(&b);
}

static void test_output_and_voice_paths(void **state)
{
    (void)state;
    struct nb_briefing b;
    load_ok(&b, B("abs_output.yaml"));
    assert_string_equal(b.output, "/tmp/nb-abs.wav");
    nb_briefing_release(&b);

    load_ok(&b, B("voice_path.yaml"));
    assert_string_equal(b.voice, "../voices/shared.yaml");
    assert_string_equal(b.voice_path, B("../voices/shared.yaml"));
    nb_briefing_release(&b);

    load_ok(&b, B("voice_parent.yaml"));
    assert_string_equal(b.voice_path, B("../voices/shared.yaml"));
    nb_briefing_release(&b);

    load_ok(&b, B("voice_twice.yaml"));
    assert_string_equal(b.voice_path, B("voices/twice.yaml"));
    nb_briefing_release(&b);
}

struct error_case {
    const char *file;
    unsigned line, column;
    const char *message;
};

static void test_error_fixtures(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    static const struct error_case cases[] = {
        {"unknown_key.yaml", 3, 1, "unknown key 'voise' (did you mean 'voice'?)"},
        {"unknown_key_far.yaml", 3, 1,
         "unknown key 'podcast' (known keys: title, date, voice, articles, stories, sentences, "
         "output, time, quotes, max_words, headlines, recap, quote_voice, duration, intro, outro, "
         "transitions, order, lexicon, since, max_items, new_only, follow_links, on_source_error, "
         "cache, rate, pauses, loudness, publisher, jingles, on_error, limits)"},
        {"long_title.yaml", 1, 8,
         "'title' has 309 characters, more than the 200 allowed (it is said in the intro; "
         "'limits: {title: N}' raises it)"},
        {"limits_title.yaml", 1, 8,
         "'title' has 37 characters, more than the 20 allowed (it is said in the intro; "
         "'limits: {title: N}' raises it)"},
        {"limits_bad_value.yaml", 3, 20,
         "'sentence' must be a whole number from 1 to 100000000, not 'lots'"},
        {"limits_unknown_key.yaml", 3, 10,
         "unknown key 'words' (known keys: title, sentence, "
         "segment, bulletin)"},
        {"output_bad_ext.yaml", 3, 9,
         "'output': 'out/m.aiff': no audio format for the extension '.aiff' (use .wav, .flac, "
         ".mp3, .ogg or .opus)"},
        {"output_bad_format.yaml", 3, 31,
         "'format' must be wav, flac, mp3, ogg or opus, not 'aac'"},
        {"output_format_mismatch.yaml", 3, 31,
         "'format' mp3 does not match the file's extension (name the file '.mp3' or leave "
         "'format' out)"},
        {"loudness_bad.yaml", 3, 11,
         "loudness 'loud' is not a preset (podcast, broadcast, atsc, alexa, off) or a number of "
         "LUFS such as -16"},
        {"quotes_negative.yaml", 3, 9, "'quotes' must be a whole number from 0 to 10, not '-1'"},
        {"rate_range.yaml", 3, 7, "'rate' must be a whole number from 80 to 450, not '500'"},
        {"pauses_key.yaml", 3, 21, "unknown key 'stop' (known keys: start, end)"},
        {"pauses_scalar.yaml", 3, 9,
         "'pauses' must be a mapping like {start: 500ms, end: 2s}, not a single value"},
        {"unknown_story_id.yaml", 3, 12,
         "unknown story id 'b' in 'order'; ids are article file names without the extension"},
        {"story_id_typo.yaml", 3, 9,
         "unknown story id 'cc' in 'order'; ids are article file names "
         "without the extension"},
        {"duration_short.yaml", 3, 11,
         "'duration' must be at least 30s (an intro, one story and an outro), not '10s'"},
        {"duration_negative.yaml", 3, 11, "'duration' must not be negative, not '-3m'"},
        {"time_bad.yaml", 3, 7, "'time' must be a time of day like \"07:00\", not '25:00'"},
        {"priority_zero.yaml", 3, 38, "'priority' must be a whole number from 1 to 100, not '0'"},
        {"article_bad_key.yaml", 3, 6, "unknown key 'path' (known keys: file, priority)"},
        {"intro_placeholder.yaml", 3, 8,
         "unknown placeholder '{name}' in 'intro' (use {title}, {date}, {count} or "
         "{time_of_day}; write {{ for a brace)"},
        {"transitions_one.yaml", 4, 11,
         "'middle' needs at least 2 transitions (so that none is read twice in a row)"},
        {"headlines_word.yaml", 3, 12, "'headlines' must be true or false, not 'maybe'"},
        {"missing_title.yaml", 2, 1, "missing required key 'title'"},
        {"empty_title.yaml", 1, 8, "'title' must not be empty"},
        {"null_title.yaml", 1, 7, "'title' must be text, not an empty value"},
        {"stories_word.yaml", 3, 10, "'stories' must be a whole number from 1 to 100, not 'five'"},
        {"stories_zero.yaml", 3, 10, "'stories' must be a whole number from 1 to 100, not '0'"},
        {"stories_quoted.yaml", 3, 10,
         "'stories' must be a whole number from 1 to 100, not the text '5' (remove the quotes)"},
        {"sentences_big.yaml", 3, 12, "'sentences' must be a whole number from 1 to 50, not '51'"},
        {"bad_date.yaml", 2, 7, "'date' must be a date like 2026-11-28, not '2026-02-30'"},
        {"date_words.yaml", 2, 7, "'date' must be a date like 2026-11-28, not 'next tuesday'"},
        {"no_match.yaml", 4, 5, "'articles/*.xyz' matches no file"},
        {"glob_dirs.yaml", 2, 11, "'articles/s*' matches no file"},
        {"missing_file.yaml", 3, 5, "'articles/monday.txt' matches no file or folder"},
        {"empty_folder.yaml", 2, 11,
         "folder 'notes' has no articles, pages or feeds (.txt, .md, .html, .htm, .xml, .rss, "
         ".atom)"},
        {"articles_empty.yaml", 2, 11,
         "'articles' is empty; list at least one file, folder or glob"},
        {"articles_mapping.yaml", 3, 3,
         "'articles' must be a list of files, folders or globs, not a mapping"},
        {"articles_nested.yaml", 3, 5, "'articles' must be text, not a list"},
        {"missing_articles.yaml", 1, 1,
         "missing required key 'articles' (the article files, folders or globs to read)"},
        {"bad_voice_path.yaml", 2, 8, "no voice profile file '" BRIEFINGS "/voices/nobody.yaml'"},
        {"root_list.yaml", 1, 1,
         "a briefing must be keys and values like 'title: Morning Briefing', not a list"},
        {"root_scalar.yaml", 1, 1,
         "a briefing must be keys and values like 'title: Morning Briefing', not a single "
         "value"},
        {"empty.yaml", 1, 1, "the file is empty; a briefing needs at least 'title' and 'articles'"},
        {"syntax.yaml", 3, 1,
         "did not find expected ',' or ']' (while parsing a flow sequence that starts at 2:11)"},
        {"duplicate.yaml", 3, 1, "duplicate key 'title' (first at line 1); keep only one"},
        {"output_folder.yaml", 3, 9, "'output' must be a file name, not the folder 'out/'"},
        {"lexicon_missing.yaml", 3, 10,
         "'lexicon': no lexicon file 'nowhere.yaml' (looked for " BRIEFINGS "/nowhere.yaml)"},
        {"lexicon_empty.yaml", 3, 10, "'lexicon' must not be empty"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_briefing b;
        struct nb_error err;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        nb_buf_addf(&path, "%s/%s", BRIEFINGS, cases[i].file);
        nb_briefing_init(&b);
        nb_error_init(&err);
        nb_status rc = nb_briefing_load(&b, path.data, &err);
        assert_error(rc, &err, path.data, cases[i].line, cases[i].column, cases[i].message);
        /* a failed load leaves nothing behind */
        assert_null(b.title);
        assert_null(b.path);
        assert_int_equal(b.articles.n, 0);
        nb_briefing_release(&b);
        nb_buf_release(&path);
    }
}

/* Every key of the bulletin's script: values, defaults under a duration,
 * and stories ordered by priority. */
/* output: a path or a mapping; loudness: a preset, a number or off */
static void test_output_and_loudness(void **state)
{
    (void)state;
    struct nb_briefing b;
    load_ok(&b, BRIEFINGS "/output_mapping.yaml");
    assert_int_equal(b.format.container, NB_AUDIO_MP3);
    assert_int_equal(b.format.rate, 44100);
    assert_int_equal(b.format.channels, 2);
    assert_true(b.per_story);
    assert_true(b.loudness.lufs == -23.0 && b.loudness.ceiling_dbtp == -1.0);
    assert_non_null(strstr(b.output, "out/m.mp3"));
    assert_string_equal(b.publisher, "Island Radio");
    nb_briefing_release(&b);
    load_ok(&b, BRIEFINGS "/output_format_only.yaml");
    assert_int_equal(b.format.container, NB_AUDIO_FLAC);
    assert_null(b.output);
    assert_string_equal(b.output_ext, ".flac");
    assert_true(b.loudness.off);
    nb_briefing_release(&b);
    /* Opus cannot be 22050 Hz: said at the output, before anything is read */
    struct nb_error err;
    nb_briefing_init(&b);
    assert_int_equal(nb_briefing_load(&b, BRIEFINGS "/output_opus_rate.yaml", &err), NB_EINPUT);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "'output': "));
    nb_briefing_release(&b);
}

static void test_features(void **state)
{
    (void)state;
    struct nb_briefing b;
    load_ok(&b, BRIEFINGS "/features.yaml");
    assert_true(b.has_time);
    assert_int_equal(b.hour, 18);
    assert_int_equal(b.minute, 30);
    assert_int_equal(b.quotes, 2);
    assert_int_equal(b.max_words, 30);
    assert_true(b.headlines);
    assert_true(b.recap);
    assert_string_equal(b.quote_voice, "voices/local.yaml");
    assert_non_null(strstr(b.quote_voice_path, "voices/local.yaml"));
    assert_int_equal(b.duration_ms, 90000);
    assert_int_equal(b.duration_mark.line, 13);
    /* with a duration, stories and sentences are limits the fitting may use */
    assert_int_equal(b.stories, 100);
    assert_int_equal(b.sentences, 50);
    assert_string_equal(b.intro, "Good {time_of_day}. {title}, {count} stories.");
    assert_string_equal(b.outro, "That was {title} for {date}.");
    assert_string_equal(b.transitions.headlines, "The headlines.");
    assert_null(b.transitions.recap);
    assert_int_equal(b.transitions.n[NB_TRANSITION_FIRST], 0);
    assert_int_equal(b.transitions.n[NB_TRANSITION_LAST], 1);
    assert_string_equal(b.transitions.v[NB_TRANSITION_LAST][0].text, "Last, {headline}");
    assert_string_equal(b.lexicon_path, BRIEFINGS "/names.yaml");
    assert_int_equal(b.lexicon_mark.line, 19);
    assert_int_equal(b.rate, 240);
    /* by default: WAV, 22050 Hz mono 16-bit, podcast loudness */
    assert_int_equal(b.format.container, NB_AUDIO_WAV);
    assert_int_equal(b.format.rate, 22050);
    assert_int_equal(b.format.channels, 1);
    assert_false(b.loudness.off);
    assert_true(b.loudness.lufs == -16.0);
    assert_int_equal(b.lead_in_ms, 500);
    assert_int_equal(b.lead_out_ms, 2000);
    /* priority 1 (b.md), then 2 (c.txt), then the rest as listed */
    static const char *const want[] = {BRIEFINGS "/articles/b.md", BRIEFINGS "/articles/c.txt",
                                       BRIEFINGS "/articles/a.txt", NULL};
    assert_articles(&b, want);
    nb_briefing_release(&b);

    /* order: by id, before priorities */
    struct nb_buf path;
    nb_buf_init(&path, 0);
    char *dir = nb_test_tmpdir("briefing_order");
    nb_buf_addf(&path, "%s/order.yaml", dir);
    char text[1024];
    int n = snprintf(text, sizeof(text),
                     "title: T\narticles:\n  - %s/articles/a.txt\n  - {file: %s/articles/b.md, "
                     "priority: 1}\n  - %s/articles/c.txt\norder: [c]\n",
                     BRIEFINGS, BRIEFINGS, BRIEFINGS);
    struct nb_error err;
    assert_int_equal(nb_file_write_atomic(path.data, text, (size_t)n, &err), NB_OK);
    load_ok(&b, path.data);
    static const char *const want2[] = {BRIEFINGS "/articles/c.txt", BRIEFINGS "/articles/b.md",
                                        BRIEFINGS "/articles/a.txt", NULL};
    assert_articles(&b, want2);
    assert_int_equal(b.duration_ms, 0);
    assert_int_equal(b.quotes, 1);
    assert_false(b.headlines);
    assert_null(b.lexicon_path);
    nb_briefing_release(&b);
    nb_buf_release(&path);
    free(dir);
}

static void test_unknown_voice(void **state)
{
    (void)state;
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    struct nb_briefing b;
    struct nb_error err;
    char got[1024];
    nb_briefing_init(&b);
    nb_error_init(&err);
    assert_int_equal(nb_briefing_load(&b, B("bad_voice.yaml"), &err), NB_EINPUT);
    nb_error_format(&err, got, sizeof(got));
    assert_string_equal(
        got, B("bad_voice.yaml") ":2:8: no voice profile 'ancor' (did you mean "
                                 "'anchor'?); profiles in " BRIEFINGS "/voices: local, twice; "
                                 "profiles in " BRIEFINGS
                                 "/../voices: shared, twice; profiles in " NB_DATA_DIR
                                 "/voices: anchor, correspondent");
    nb_briefing_release(&b);
}

/* The voice is looked for by the data search: $NEWSBRIEF_DATA/voices
 * first, then $NEWSBRIEF_VOICES, beside the briefing, the installed voices. */
static void test_voice_search(void **state)
{
    (void)state;
    struct nb_briefing b;
    setenv("NEWSBRIEF_VOICES", NB_TEST_FIXTURES "/config/env_voices", 1);
    load_ok(&b, B("minimal.yaml"));
    assert_string_equal(b.voice_path, NB_TEST_FIXTURES "/config/env_voices/anchor.yaml");
    nb_briefing_release(&b);
    setenv("NEWSBRIEF_DATA", NB_TEST_FIXTURES "/data", 1);
    load_ok(&b, B("minimal.yaml"));
    assert_string_equal(b.voice_path, NB_TEST_FIXTURES "/data/voices/anchor.yaml");
    nb_briefing_release(&b);
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    load_ok(&b, B("minimal.yaml"));
    assert_string_equal(b.voice_path, NB_DATA_DIR "/voices/anchor.yaml");
    nb_briefing_release(&b);
}

static void test_missing_briefing(void **state)
{
    (void)state;
    struct nb_briefing b;
    struct nb_error err;
    nb_briefing_init(&b);
    nb_error_init(&err);
    assert_int_equal(nb_briefing_load(&b, B("no-such.yaml"), &err), NB_EINPUT);
    assert_string_equal(err.file, B("no-such.yaml"));
    assert_null(b.path);
    nb_briefing_release(&b);
}

/* An empty folder, made at test time since git keeps no empty folders. */
static void test_scratch_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("briefing_scratch");
    struct nb_buf p, yaml;
    struct nb_error err;
    nb_buf_init(&p, 0);
    nb_buf_init(&yaml, 0);
    nb_buf_addf(&p, "%s/empty", dir);
    assert_int_equal(nb_file_mkdirs(p.data, &err), NB_OK);
    nb_buf_reset(&p);
    nb_buf_addf(&p, "%s/b.yaml", dir);
    nb_buf_adds(&yaml, "title: Scratch\nvoice: anchor\narticles:\n  - empty\n");
    assert_int_equal(nb_file_write_atomic(p.data, yaml.data, yaml.len, &err), NB_OK);
    struct nb_briefing b;
    nb_briefing_init(&b);
    nb_status rc = nb_briefing_load(&b, p.data, &err);
    assert_error(rc, &err, p.data, 4, 5,
                 "folder 'empty' has no articles, pages or feeds (.txt, .md, .html, .htm, .xml, "
                 ".rss, .atom)");
    nb_briefing_release(&b);
    nb_buf_release(&p);
    nb_buf_release(&yaml);
    free(dir);
}

/* A folder whose own name has glob characters: only the entry's are wildcards. */
static void test_glob_in_odd_folder(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("briefing_odd[1]*");
    struct nb_buf p, yaml;
    struct nb_error err;
    nb_buf_init(&p, 0);
    nb_buf_init(&yaml, 0);
    nb_buf_addf(&p, "%s/story.txt", dir);
    assert_int_equal(nb_file_write_atomic(p.data, "Story.\n", 7, &err), NB_OK);
    nb_buf_reset(&p);
    nb_buf_addf(&p, "%s/b.yaml", dir);
    nb_buf_adds(&yaml, "title: Odd\nvoice: anchor\narticles: '*.txt'\n");
    assert_int_equal(nb_file_write_atomic(p.data, yaml.data, yaml.len, &err), NB_OK);
    struct nb_briefing b;
    nb_briefing_init(&b);
    char msg[1024];
    if (nb_briefing_load(&b, p.data, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(b.articles.n, 1);
    nb_buf_reset(&p);
    nb_buf_addf(&p, "%s/story.txt", dir);
    assert_string_equal(b.articles.v[0], p.data);
    nb_briefing_release(&b);
    nb_buf_release(&p);
    nb_buf_release(&yaml);
    free(dir);
}

static void assert_slug(const char *title, const char *want)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_briefing_default_output(title, &out), 0);
    assert_string_equal(out.data, want);
    nb_buf_release(&out);
}

static void test_default_output(void **state)
{
    (void)state;
    assert_slug("Morning Briefing", "morning-briefing.wav");
    assert_slug("  The -- News!! 2026 ", "the-news-2026.wav");
    assert_slug("!!!", "briefing.wav");
    assert_slug("", "briefing.wav");
    assert_slug("Nachrichten f\xC3\xBCr K\xC3\xB6ln", "nachrichten-f\xC3\xBCr-k\xC3\xB6ln.wav");
    assert_slug("\xC3\x89lys\xC3\xA9\x65", "\xC3\xA9lys\xC3\xA9\x65.wav");
    assert_slug("News \xE2\x80\x94 Today", "news-today.wav"); /* em dash separates */
    assert_slug("a/b\\c:d", "a-b-c-d.wav");
    /* cut at 80 bytes, never mid-character, no trailing dash */
    struct nb_buf long_title, out;
    nb_buf_init(&long_title, 0);
    nb_buf_init(&out, 0);
    for (int i = 0; i < 30; i++)
        nb_buf_adds(&long_title, "word ");
    assert_int_equal(nb_briefing_default_output(long_title.data, &out), 0);
    assert_true(out.len <= 80 + 4);
    assert_true(out.data[out.len - 5] != '-');
    assert_string_equal(out.data + out.len - 4, ".wav");
    nb_buf_release(&long_title);
    nb_buf_release(&out);
    /* appends */
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "out/");
    assert_int_equal(nb_briefing_default_output("Hi", &out), 0);
    assert_string_equal(out.data, "out/hi.wav");
    nb_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_relative_path),
        cmocka_unit_test(test_dedupe_and_order),
        cmocka_unit_test(test_output_and_voice_paths),
        cmocka_unit_test(test_error_fixtures),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_output_and_loudness),
        cmocka_unit_test(test_unknown_voice),
        cmocka_unit_test(test_voice_search),
        cmocka_unit_test(test_missing_briefing),
        cmocka_unit_test(test_scratch_folder),
        cmocka_unit_test(test_glob_in_odd_folder),
        cmocka_unit_test(test_default_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
