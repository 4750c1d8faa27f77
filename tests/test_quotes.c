/* test_quotes.c - direct quotations and their speakers, end to end (src/quotes/).
 *
 * Each case is tests/fixtures/quotes/<case>.txt (an invented article) with
 * <case>.expected beside it: one line per quote found, in order,
 *     text | speaker | role | partial | sentence
 * where "-" stands for NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "support.h"
#include "article/article.h"
#include "quotes/quotes.h"
#include "text/buf.h"

static void parse(struct nb_article *a, const char *text, size_t len)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_article_parse_text(a, text, len, "case", &err);
    if (rc == NB_OK)
        rc = nb_quotes_find(a, &err);
    if (rc != NB_OK)
        fail_msg("parse failed: %s", err.message);
}

/* Splits "a | b | c" in place into at most n fields and returns how many
 * it found.  Every slot of out is set: those past the last field point at
 * an empty string, so a short line can never leave one uninitialised. */
static size_t fields(char *line, char **out, size_t n)
{
    size_t k = 0;
    char *s = line;
    while (k < n) {
        char *bar = strstr(s, " | ");
        if (bar)
            *bar = '\0';
        out[k++] = s;
        if (!bar)
            break;
        s = bar + 3;
    }
    for (size_t j = k; j < n; j++)
        out[j] = s + strlen(s);
    return k;
}

static void check_case(const char *name)
{
    char path[256];
    size_t len;
    snprintf(path, sizeof(path), "quotes/%s.txt", name);
    char *text = nb_test_fixture(path, &len);
    snprintf(path, sizeof(path), "quotes/%s.expected", name);
    char *want = nb_test_fixture(path, NULL);

    struct nb_article a;
    parse(&a, text, len);
    size_t i = 0;
    char *save = want;
    for (char *line = want; line && *line; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        if (!*line)
            continue;
        char *f[5];
        if (fields(line, f, 5) != 5)
            fail_msg("%s: bad expected line '%s'", name, line);
        if (i >= a.nquotes)
            fail_msg("%s: quote %zu missing: '%s'", name, i, f[0]);
        const struct nb_quote *q = &a.quotes[i];
        if (strcmp(q->text, f[0]) != 0)
            fail_msg("%s: quote %zu text '%s', want '%s'", name, i, q->text, f[0]);
        const char *sp = q->speaker ? q->speaker : "-";
        if (strcmp(sp, f[1]) != 0)
            fail_msg("%s: quote %zu speaker '%s', want '%s'", name, i, sp, f[1]);
        const char *role = q->role ? q->role : "-";
        if (strcmp(role, f[2]) != 0)
            fail_msg("%s: quote %zu role '%s', want '%s'", name, i, role, f[2]);
        if (q->partial != (f[3][0] == '1'))
            fail_msg("%s: quote %zu partial %d, want %s", name, i, q->partial, f[3]);
        if (q->sentence != strtoul(f[4], NULL, 10))
            fail_msg("%s: quote %zu sentence %zu, want %s", name, i, q->sentence, f[4]);
        assert_true(q->sentence < a.sentences.n);
        i++;
    }
    if (i != a.nquotes)
        fail_msg("%s: %zu quotes, want %zu (extra: '%s')", name, a.nquotes, i,
                 a.quotes[i].text);
    nb_article_release(&a);
    free(text);
    free(want);
}

/* X said: / said X / X told Y: / according to X / X warned / says / X added
 * with the attribution in the middle of a quote. */
static void test_attribution(void **state)
{
    (void)state;
    check_case("attribution");
}

/* A title before or after the name becomes the role. */
static void test_roles(void **state)
{
    (void)state;
    check_case("roles");
}

/* he / she, surnames, Mr / Ms map to the full name named earlier. */
static void test_pronouns(void **state)
{
    (void)state;
    check_case("pronouns");
}

/* he / she stand for a person the text shows to be one, never for an
 * event, a company or a day named in between; "she" is not a man called
 * "he" before. */
static void test_pronoun_people(void **state)
{
    (void)state;
    check_case("pronoun_people");
}

/* A quoted paragraph without attribution continues the previous speaker;
 * a quote over two paragraphs (no closing mark on the first) is one. */
static void test_continuation(void **state)
{
    (void)state;
    check_case("continuation");
}

/* The previous speaker goes on while the text stays with them (named
 * again between their quotes); once another person is the subject, a
 * quote without cue is that person's. */
static void test_carry_over(void **state)
{
    (void)state;
    check_case("carry_over");
}

/* "the rookie defenceman" is the one person just named; with two people
 * named, "the veteran defender" stays a description. */
static void test_description_people(void **state)
{
    (void)state;
    check_case("description_people");
}

/* "the club", "the council" are the organisation named just before with
 * that word in its name; "the ministry", none named, stays itself. */
static void test_description_orgs(void **state)
{
    (void)state;
    check_case("description_orgs");
}

/* Cues after a nested closing mark, phrasal and vivid verbs ("fired
 * back", "beamed"), a description then the name ("another supporter,
 * Ruth Okafor"), a document that reads. */
static void test_speaker_cues(void **state)
{
    (void)state;
    check_case("speaker_cues");
}

/* Subjects after the quote of more shapes: two descriptions of one person
 * ("the Vestland governor and former harbour pilot", the governor named
 * as "Gov."), two people joined by "and", a long affiliation, a plural
 * "state", an apposition whose relative clause is not closed by a comma. */
static void test_subject_shapes(void **state)
{
    (void)state;
    check_case("subject_shapes");
}

/* One-word labels in a round-up ("Solberg: "...""), only for surnames the
 * article gave in full; a heading ("Verdict:") gives no speaker. */
static void test_labels(void **state)
{
    (void)state;
    check_case("labels");
}

/* A participle's subject is the clause's: "with Berg shouting:", never a
 * name of an opening phrase ("In response to Berg's plan,") nor a word of
 * a quote earlier in the sentence; "Solberg's chief of staff" is no
 * Solberg; the object of a relative clause is no speaker ("an official who
 * spoke to discuss the talks said"). */
static void test_participles(void **state)
{
    (void)state;
    check_case("participles");
}

/* A sentence ending in a colon with no verb of saying: the person named
 * before the colon, or the sentence's subject when the article named that
 * person ("Solberg was blunt:"), never a common noun ("Ferries ran late:");
 * "when asked" leaves the speaker to who told; a verb of the clause is no
 * role ("would involve Harbour Commissioner Ivo Lind"). */
static void test_colons(void **state)
{
    (void)state;
    check_case("colons");
}

/* Everyday news, not politics: "the 19-year-old" is the rookie named with
 * his role, not the team that is the sentence's subject; "he says" after
 * an opening phrase ("On Christmas Day, Lind plans") is Lind; "the
 * company", "the firm" are the organisations an apposition said they are;
 * "Millbrook captain Erik Vos, 31, was blunt:" is Vos. */
static void test_sport_round(void **state)
{
    (void)state;
    check_case("sport_round");
}

/* "He added, "..."" after a quote that ended its sentence is a second
 * quote of the same speaker, not the rest of the first; a quote cut by
 * its attribution ("...," she said, "...") is still one; "before saying"
 * frames the quote. */
static void test_added(void **state)
{
    (void)state;
    check_case("added");
}

static void test_nested(void **state)
{
    (void)state;
    check_case("nested");
}

/* Fragments inside reported speech are partial; scare quotes are dropped. */
static void test_partial(void **state)
{
    (void)state;
    check_case("partial");
}

/* don't, Berg's, the '90s, rock 'n' roll, singers' are no quotes. */
static void test_apostrophes(void **state)
{
    (void)state;
    check_case("apostrophes");
}

/* An opening mark never closed stops at its paragraph's end. */
static void test_unbalanced(void **state)
{
    (void)state;
    check_case("unbalanced");
}

static void test_organisations(void **state)
{
    (void)state;
    check_case("organisations");
}

/* No speaker when the text does not say; a slogan is no quote. */
static void test_unknown(void **state)
{
    (void)state;
    check_case("unknown");
}

/* Curly double and single marks, guillemets. */
static void test_curly(void **state)
{
    (void)state;
    check_case("curly");
    check_case("accents"); /* quotes ending in a letter whose last byte is 0x85 or 0xA0 */
}

/* A wider lexicon of reporting verbs (asserted, remarked, insisted that),
 * a second quoted sentence after a long apposition keeps its speaker, a
 * subject with a prepositional phrase ("Mr. Dahl of the Harbour Trust"),
 * a possessive noun phrase ("my grandmother"), and a quote after "that"
 * is reported speech (partial). */
static void test_reporting(void **state)
{
    (void)state;
    check_case("reporting");
}

/* A role before the name in commas, a relative clause ("that offered")
 * that is no one's speech, "who called" attached to the name before it,
 * appositions after "said X" ending before "who", and "a spokesperson for
 * X" as one speaker. */
static void test_appositions(void **state)
{
    (void)state;
    check_case("appositions");
}

/* "the Pole", "the 31-year-old" after a quote stand for the person named
 * just before; "she" never stands for an organisation's name; "the
 * ministry" stays itself. */
static void test_descriptions(void **state)
{
    (void)state;
    check_case("descriptions");
}

static void test_no_quotes(void **state)
{
    (void)state;
    static const char text[] = "Headline\n\nThe council met on Monday. It's quiet.\n";
    struct nb_article a;
    parse(&a, text, sizeof(text) - 1);
    assert_int_equal(a.nquotes, 0);
    assert_null(a.quotes);
    nb_article_release(&a);
}

static void test_null_article(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_quotes_find(NULL, &err), NB_EINTERNAL);
}

/* Running the pass again replaces the quotes (no leak, same result). */
static void test_rerun(void **state)
{
    (void)state;
    static const char text[] = "Headline\n\n\"We won,\" said Ola Berg.\n";
    struct nb_article a;
    struct nb_error err;
    parse(&a, text, sizeof(text) - 1);
    assert_int_equal(a.nquotes, 1);
    assert_int_equal(nb_quotes_find(&a, &err), NB_OK);
    assert_int_equal(a.nquotes, 1);
    assert_string_equal(a.quotes[0].text, "We won");
    assert_string_equal(a.quotes[0].speaker, "Ola Berg");
    nb_article_release(&a);
}

/* Many quotes, stray marks and one huge paragraph opened by a mark that
 * never closes: the pass must stay linear and not swallow the article. */
static void test_large_input(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_adds(&b, "Headline\n\n");
    for (int i = 0; i < 20000; i++)
        nb_buf_adds(&b, "\"We will not back down,\" Ola Berg said. Then 'he left' "
                        "with 6'2\" of \"rope and a \u201cquote.\n\n");
    nb_buf_adds(&b, "He said: \"");
    for (int i = 0; i < 200000; i++)
        nb_buf_adds(&b, "word \"x ");
    nb_buf_adds(&b, "\n\nThe end.\n");
    clock_t t0 = clock();
    struct nb_article a;
    parse(&a, b.data, b.len);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(a.nquotes >= 20000);
    assert_string_equal(a.quotes[0].speaker, "Ola Berg");
    assert_true(secs < 60.0);
    nb_article_release(&a);
    nb_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attribution),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_pronoun_people),
        cmocka_unit_test(test_continuation),
        cmocka_unit_test(test_carry_over),
        cmocka_unit_test(test_description_people),
        cmocka_unit_test(test_description_orgs),
        cmocka_unit_test(test_speaker_cues),
        cmocka_unit_test(test_subject_shapes),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_participles),
        cmocka_unit_test(test_colons),
        cmocka_unit_test(test_sport_round),
        cmocka_unit_test(test_added),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_partial),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_organisations),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_curly),
        cmocka_unit_test(test_reporting),
        cmocka_unit_test(test_appositions),
        cmocka_unit_test(test_descriptions),
        cmocka_unit_test(test_no_quotes),
        cmocka_unit_test(test_null_article),
        cmocka_unit_test(test_rerun),
        cmocka_unit_test(test_large_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
