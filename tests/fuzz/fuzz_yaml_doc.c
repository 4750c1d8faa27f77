/* fuzz_yaml_doc.c - the YAML document reader (text/yaml_doc.h):
 * nb_yaml_doc_parse(), then every typed read on every node of the tree,
 * the way config/ reads a briefing. */
#include "fuzz_common.h"
#include "text/utf8.h"
#include "text/yaml_doc.h"

static const char *const known[] = {"title", "voice", "stories", "pauses", NULL};

static void visit(const struct nb_yaml_doc *doc, const struct nb_yaml_node *n, unsigned depth)
{
    struct nb_error err;
    char desc[96];
    nb_error_init(&err);
    if (depth > NB_YAML_MAX_DEPTH + 1) /* the reader promised to refuse deeper */
        abort();
    nb_yaml_describe(n, desc, sizeof(desc));
    if (!nb_utf8_valid(desc, strlen(desc), NULL))
        abort();
    if (n->kind == NB_YAML_SCALAR) {
        if (!n->scalar || strlen(n->scalar) != n->scalar_len ||
            !nb_utf8_valid(n->scalar, n->scalar_len, NULL))
            abort();
        char *s = NULL;
        long l;
        unsigned long ms;
        int b;
        nb_status rc = nb_yaml_string(doc, n, "k", &s, &err);
        fuzz_check_error(rc, &err);
        free(s);
        fuzz_check_error(nb_yaml_int(doc, n, "k", -1000000, 1000000, &l, &err), &err);
        fuzz_check_error(nb_yaml_duration_ms(doc, n, "k", 1, 3600000ul, &ms, &err), &err);
        fuzz_check_error(nb_yaml_duration_ms(doc, n, "k", 1000, ~0ul, &ms, &err), &err);
        fuzz_check_error(nb_yaml_bool(doc, n, "k", &b, &err), &err);
        (void)nb_yaml_is_null(n);
        return;
    }
    if (n->kind == NB_YAML_MAPPING) {
        if (n->nitems % 2 || n->nitems / 2 > NB_YAML_MAX_KEYS)
            abort();
        fuzz_check_error(nb_yaml_check_keys(doc, n, known, &err), &err);
        (void)nb_yaml_get(n, "title");
        for (size_t i = 0; i < n->nitems; i += 2)
            if (n->items[i]->kind != NB_YAML_SCALAR)
                abort();
    }
    for (size_t i = 0; i < n->nitems; i++)
        visit(doc, n->items[i], depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct nb_yaml_doc doc;
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_yaml_doc_parse(&doc, "fuzz.yaml", (const char *)data, size, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK && doc.root)
        visit(&doc, doc.root, 1);
    nb_yaml_doc_release(&doc);
    return 0;
}
