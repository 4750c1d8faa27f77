/* test_quotes_descriptions.c - who a description cue stands for
 * (src/quotes/descriptions.c): "the minister" by the role written for a
 * person, "the senator" by the title "Sen." too, "the club" by an
 * organisation's name, "the 54-year-old" as a description of a person.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/descriptions.h"

static void add(struct nb_quotes_memory *m, const char *name, const char *role, int person,
                size_t para)
{
    struct nb_quotes_entity *e = &m->e[m->n++];
    memset(e, 0, sizeof(*e));
    e->name = name;
    e->len = strlen(name);
    e->role = role;
    e->role_len = role ? strlen(role) : 0;
    e->person = person;
    e->para = para;
}

static const char *role_of(struct nb_quotes_memory *m, const char *np)
{
    const struct nb_quotes_entity *e = nb_quotes_mem_role(m, np, strlen(np));
    return e ? e->name : NULL;
}

static void test_role(void **state)
{
    (void)state;
    struct nb_quotes_memory m;
    nb_quotes_memory_init(&m);
    add(&m, "Ola Berg", "Norway's foreign minister", 1, 1);
    add(&m, "Maren Dahl", "Sen.", 1, 2);
    add(&m, "Ivo Lind", "an economist at Nordhavn Capital", 1, 3);
    add(&m, "Tove Brekke", "Gov.", 1, 4);
    add(&m, "Per Holm", "spokesman", 1, 5);
    assert_string_equal(role_of(&m, "the minister"), "Ola Berg");
    assert_string_equal(role_of(&m, "the Vestland senator"), "Maren Dahl");
    assert_string_equal(role_of(&m, "the economist"), "Ivo Lind");
    assert_string_equal(role_of(&m, "the governor"), "Tove Brekke");
    /* a word inside another is no match: "man" is not "spokesman" */
    assert_null(role_of(&m, "the man"));
    /* the affiliation is not what the person is */
    assert_null(role_of(&m, "the capital"));
    /* "Gen." is no senator, "Sen." no general */
    assert_null(role_of(&m, "the general"));
    nb_quotes_memory_release(&m);
}

static void test_person_description(void **state)
{
    (void)state;
    assert_true(nb_quotes_person_description("the 54-year-old", 15));
    assert_true(nb_quotes_person_description("the rookie defenceman", 21));
    assert_false(nb_quotes_person_description("the ministry", 12));
    assert_false(nb_quotes_person_description("the senator", 11));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role),
        cmocka_unit_test(test_person_description),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
