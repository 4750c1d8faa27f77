/* test_quotes_attribution.c - the speech verb and subject near a quote
 * (src/quotes/attribution.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/attribution.h"

/* Checks sp's name and role against p ("-" for none). */
static void assert_speaker(const char *p, const struct nb_quotes_speaker *sp, int kind,
                           const char *name, const char *role)
{
    if (sp->kind != kind)
        fail_msg("'%s': kind %d, want %d", p, sp->kind, kind);
    if (kind == NB_QUOTES_SP_NONE)
        return;
    size_t nl = strlen(name);
    if (sp->ne - sp->ns != nl || memcmp(p + sp->ns, name, nl) != 0)
        fail_msg("'%s': name '%.*s', want '%s'", p, (int)(sp->ne - sp->ns), p + sp->ns, name);
    size_t rl = strcmp(role, "-") == 0 ? 0 : strlen(role);
    if (sp->re - sp->rs != rl || memcmp(p + sp->rs, role, rl) != 0)
        fail_msg("'%s': role '%.*s', want '%s'", p, (int)(sp->re - sp->rs), p + sp->rs, role);
}

/* The attribution after the quote that p opens with. */
static struct nb_quotes_speaker after(const char *p)
{
    const char *close = strchr(p + 1, '"');
    assert_non_null(close);
    size_t from = (size_t)(close - p) + 1;
    struct nb_quotes_speaker sp;
    memset(&sp, 0xff, sizeof(sp)); /* it must clear sp */
    nb_quotes_attrib_after(p, from, strlen(p), &sp);
    if (sp.verb)
        assert_int_equal(sp.pos, from);
    return sp;
}

/* The attribution before the one quote of p. */
static struct nb_quotes_speaker before(const char *p)
{
    const char *open = strchr(p, '"');
    assert_non_null(open);
    struct nb_quotes_speaker sp;
    memset(&sp, 0xff, sizeof(sp));
    nb_quotes_attrib_before(p, 0, (size_t)(open - p), &sp);
    return sp;
}

static void test_after(void **state)
{
    (void)state;
    const char *p;
    struct nb_quotes_speaker sp;

    p = "\"We won,\" said Ola Berg, Norway's foreign minister.";
    sp = after(p);
    assert_true(sp.verb);
    assert_false(sp.part);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ola Berg", "Norway's foreign minister");

    assert_true(sp.inverted);

    p = "\"We won,\" Berg said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Berg", "-");
    assert_false(sp.inverted);

    p = "\"We won,\" the captain fired back.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "the captain", "-");

    p = "\"We won,\" said his best friend, Tom Ware.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tom Ware", "his best friend");

    p = "\"We won,\" she told reporters.";
    sp = after(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_PRONOUN, "she", "-");
    assert_int_equal(sp.gender, 2);

    p = "\"We won,\" according to the ministry.";
    sp = after(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "the ministry", "-");

    p = "\"Cheers\" \xe2\x80\x94 Carlos Ra\xc3\xbal";
    sp = after(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Carlos Ra\xc3\xbal", "-");

    p = "\"We won\" is written on the wall.";
    sp = after(p);
    assert_false(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NONE, "", "");
}

static void test_before(void **state)
{
    (void)state;
    const char *p;
    struct nb_quotes_speaker sp;

    p = "Ola Berg said: \"We won.\"";
    sp = before(p);
    assert_true(sp.verb);
    assert_false(sp.part);
    assert_int_equal(sp.pos, (size_t)(strstr(p, "said") - p));
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ola Berg", "-");

    p = "The minister called the plan \"overdue\".";
    sp = before(p);
    assert_true(sp.verb);
    assert_true(sp.part);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "The minister", "-");

    p = "Paolo Venturi, who called the talks \"a farce\".";
    sp = before(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Paolo Venturi", "-");

    p = "Berg left the room, saying \"enough\".";
    sp = before(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Berg", "-");

    /* a document or a sign that reads is the source a listener needs */
    p = "The letter reads \"We won\".";
    sp = before(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "The letter", "-");
}

static void test_clause_subject(void **state)
{
    (void)state;
    const char *p = "Then Ola Berg left the room";
    struct nb_quotes_win w;
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    struct nb_quotes_speaker sp;
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n, &sp);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ola Berg", "-");

    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 3, w.n, &sp); /* "left the room" */
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);

    /* an opening adverbial holds no subject */
    p = "Back in 2019, Tove Brekke told the council, adding";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n - 1, &sp);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");
    p = "Here in Tromvik, Brekke stepped up her campaign, saying";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n - 1, &sp);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Brekke", "-");
    p = "Ever since she won the vote, Tove Brekke has been busy, saying";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n - 1, &sp);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");
    p = "Brekke said in Tromvik, adding";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n - 1, &sp);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Brekke", "-");
    p = "Tove Brekke, the mayor, left, saying";
    nb_quotes_win_fill(&w, p, 0, strlen(p));
    memset(&sp, 0, sizeof(sp));
    nb_quotes_clause_subject(&w, 0, w.n - 1, &sp);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NAME);
}

/* Families read wrong on everyday news: ages, round-up labels, clause
 * fragments and furniture as speakers, organisations after the quote. */
static void test_families(void **state)
{
    (void)state;
    const char *p;
    struct nb_quotes_speaker sp;

    /* an age is no role; a description after it is */
    p = "\"We kept going,\" said Tove Brekke, 58.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");
    p = "\"We kept going,\" said Tove Brekke, 58, a retired ferry pilot.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "a retired ferry pilot");
    p = "\"We kept going,\" Tove Brekke, 58, said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");
    p = "\"We kept going,\" Tove Brekke, 58, a retired ferry pilot, said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "a retired ferry pilot");
    p = "Tove Brekke, 61, said: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");

    /* a passive verb of quoting: the subject stands before the auxiliary */
    p = "\"The ferry runs late,\" Tove Brekke is quoted as saying.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");
    p = "Ivo Lind has been quoted as saying \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ivo Lind", "-");

    /* a written text that read */
    p = "\"Opening hours have changed,\" read the notice.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "the notice", "-");
    p = "One banner read \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "One banner", "-");

    /* a negative auxiliary between the subject and the verb */
    p = "\"No comment,\" harbour officials haven't said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "harbour officials", "-");
    p = "\"No comment,\" Tove Brekke didn't say.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "-");

    /* a possessive alone is no speaker; the noun it qualifies is */
    p = "\"No comment,\" Brekke's said.";
    sp = after(p);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);
    p = "\"No comment,\" Brekke's spokesman said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "Brekke's spokesman", "-");

    /* an organisation after the quote */
    p = "\"The timetable is a mistake,\" wrote The Harbour Gazette.";
    sp = after(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Harbour Gazette", "-");
    assert_false(sp.person);
    p = "\"We regret the delay,\" the company said in a statement.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "the company", "-");

    /* a round-up's label: name, outlet, colon */
    p = "Ingrid K. Solberg, The Northern Courier: \"";
    sp = before(p);
    assert_true(sp.verb);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ingrid K. Solberg", "The Northern Courier");
    p = "Ingrid Solberg: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ingrid Solberg", "-");
    p = "The Ferry Workers Union: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ferry Workers Union", "-");
    static const char *const no_label[] = {
        "Solberg: \"",                 /* one word: a heading as likely */
        "Article Continued Below: \"", /* furniture, "Continued" no verb */
        "The plan, in short: \"",      /* no name */
        "Ingrid Solberg's answer: \"", /* a possessive */
    };
    for (size_t i = 0; i < sizeof(no_label) / sizeof(no_label[0]); i++) {
        sp = before(no_label[i]);
        if (sp.kind != NB_QUOTES_SP_NONE && sp.kind != NB_QUOTES_SP_NP)
            fail_msg("'%s' is no label", no_label[i]);
    }

    /* an adverb in -ly is no subject; a noun in -ly is */
    p = "\"No,\" Tove Brekke, exasperated, famously replied.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Tove Brekke", "exasperated");
    p = "\"No,\" the family said.";
    sp = after(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NP, "the family", "-");

    /* a verb in a subordinate clause does not frame the quote */
    p = "Brekke spoke an hour after reporters asked about the timetable: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Brekke", "-");
    p = "Brekke said so after reporters asked: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Brekke", "-");

    /* a sentence with no verb of saying that ends in a colon: the person
     * named before the colon, else the sentence's subject */
    p = "The timing does not surprise pollster Dana Shaw: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Dana Shaw", "pollster");
    p = "Ingrid Solberg was blunt: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ingrid Solberg", "-");
    p = "The vote is due in June: \"";
    sp = before(p);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);
    /* one capitalised word may be a common noun: marked, for the driver to
     * check against the people the article named */
    p = "Ferries ran late again on Monday in Tromvik: \"";
    sp = before(p);
    assert_int_equal(sp.colon_only, 1);
    p = "Ingrid Solberg was blunt: \"";
    sp = before(p);
    assert_int_equal(sp.colon_only, 1);

    /* "when asked" is a passive clause: the speaker is who told */
    p = "It would involve Attorney General Ivo Lind, who told the council when asked: \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Ivo Lind", "Attorney General");

    /* "puts it" is a verb of saying; an occupation before the name stays
     * its role */
    p = "As the columnist Dana Milbank puts it, \"";
    sp = before(p);
    assert_speaker(p, &sp, NB_QUOTES_SP_NAME, "Dana Milbank", "columnist");

    /* an event is no speaker */
    p = "\"We are ready,\" the Harbour Sailing Symposium said.";
    sp = after(p);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);
}

static void test_between(void **state)
{
    (void)state;
    static const char *const only[] = {", she said, ", ", said Berg. ", ", he added: "};
    for (size_t i = 0; i < sizeof(only) / sizeof(only[0]); i++)
        if (!nb_quotes_attribution_only(only[i], 0, strlen(only[i])))
            fail_msg("'%s' is no attribution only", only[i]);
    static const char *const more[] = {
        ", she said, adding, ",     /* a second quote, the same speaker */
        ", she said, adding that ", /* the same */
        ", he said, continuing: ",
        ", she called it ",  /* a fragment verb */
        "; she said, ",      /* a new clause */
        ". Then she said, ", /* a new sentence */
        ", she said ",       /* runs on */
        ", she said in a long statement that the press office of the ministry released, ",
    };
    for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
        if (nb_quotes_attribution_only(more[i], 0, strlen(more[i])))
            fail_msg("'%s' is more than an attribution", more[i]);

    const char *p = "and then he added that";
    assert_true(nb_quotes_has_verb(p, 0, strlen(p)));
    assert_false(nb_quotes_has_verb(p, 0, 12)); /* "and then he " */
    p = "and then he left";
    assert_false(nb_quotes_has_verb(p, 0, strlen(p)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_after),          cmocka_unit_test(test_before),
        cmocka_unit_test(test_clause_subject), cmocka_unit_test(test_families),
        cmocka_unit_test(test_between),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
