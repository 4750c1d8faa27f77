/* quote_word_table.c - writes the combined word table of
 * src/quotes/wordlists.c (words_other[], words_a[] ... words_z[]) from the
 * word lists, verbs and calendar names that are its source, for pasting
 * over the table after a list changes.  test_quotes_wordlists checks that
 * the table agrees with every list (nb_quotes_table_disagrees()), so a
 * list changed without the table fails the tests; this writes the table
 * that passes.
 *
 *   cmake --build build
 *   cc -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -o /tmp/quote_word_table \
 *      scripts/quote_word_table.c -Wl,--allow-multiple-definition \
 *      build/libnewsbrief.a -lutf8proc -lm
 *   /tmp/quote_word_table > /tmp/table.inc
 *
 * It includes wordlists.c itself to read its static lists. */
#include "quotes/wordlists.c"
#include <stdio.h>
static const char *names[] = {"ELISIONS",        "NP_STOPS",       "VERB_ADVERBS",   "POSSESSIVES",
                              "PRONOUNS_M",      "PRONOUNS_F",     "PRONOUNS_OTHER", "TITLES",
                              "ORG_WORDS",       "CAP_STOPS",      "FEMALE_WORDS",   "MALE_WORDS",
                              "ROLE_NOUNS",      "NAME_PARTICLES", "ORG_JOINERS",    "ROLE_PREPS",
                              "SUBJECT_PREPS",   "DEMONYMS",       "NOT_PEOPLE",     "PLACE_PARTS",
                              "EVENT_WORDS",     "LY_NOUNS",       "SUBORDINATORS",  "OPENERS",
                              "TITLE_MODIFIERS", "ORG_NOUNS"};
struct e {
    const char *w;
    unsigned mask;
    int verb;
};
static struct e all[4000];
static size_t n;
static struct e *get(const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(all[i].w, w))
            return &all[i];
    all[n].w = w;
    return &all[n++];
}
static int cmp(const void *a, const void *b)
{
    const char *x = ((const struct e *)a)->w, *y = ((const struct e *)b)->w;
    if (x[0] != y[0])
        return (unsigned char)x[0] < (unsigned char)y[0] ? -1 : 1;
    size_t lx = strlen(x), ly = strlen(y);
    if (lx != ly)
        return lx < ly ? -1 : 1;
    return strcmp(x, y);
}
int main(void)
{
    if (sizeof(names) / sizeof(names[0]) != sizeof(lists) / sizeof(lists[0]))
        return 1;
    for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
        for (size_t i = 0; i < lists[k].n; i++)
            get(lists[k].words[i])->mask |= 1u << k;
    for (int i = 0; i < 19; i++) {
        const char *nm = i < 12 ? nb_calendar_en.months[i] : nb_calendar_en.weekdays[i - 12];
        char *low = strdup(nm);
        for (char *c = low; *c; c++)
            *c = (char)nb_ascii_lower((unsigned char)*c);
        get(low)->mask |= (1u << NB_QUOTES_NP_STOPS) | (1u << NB_QUOTES_CAP_STOPS);
    }
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        get(verbs[i].word)->verb = verbs[i].flags | 0x100;
    qsort(all, n, sizeof(all[0]), cmp);
    char cur = 0;
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        char f = all[i].w[0];
        char key = (f >= 'a' && f <= 'z') ? f : '_';
        if (!open || key != cur) {
            if (open)
                printf("};\n");
            if (key == '_')
                printf("static const struct word words_other[] = {\n");
            else
                printf("static const struct word words_%c[] = {\n", key);
            cur = key;
            open = 1;
        }
        printf("    {\"%s\", %zu, ", all[i].w, strlen(all[i].w));
        int any = 0;
        for (int k = 0; k < 26; k++)
            if (all[i].mask & (1u << k)) {
                printf("%sW_%s", any ? " | " : "", names[k]);
                any = 1;
            }
        if (!any)
            printf("0");
        printf(", ");
        if (!all[i].verb)
            printf("0");
        else {
            printf("V_SPEECH");
            int f = all[i].verb;
            if (f & 1)
                printf(" | V_INV");
            if (f & 2)
                printf(" | V_PART");
            if (f & 4)
                printf(" | V_ING");
            if (f & 8)
                printf(" | V_NOUN");
        }
        printf("},\n");
    }
    printf("};\n");
    fprintf(stderr, "%zu words\n", n);
}
