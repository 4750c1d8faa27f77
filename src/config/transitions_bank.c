/* transitions_bank.c - the transition bank from YAML. */
#include "config/transitions_bank.h"

#include "text/chars.h"
#include "text/data_path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const bank_keys[] = {"headlines", "recap", "first", "middle", "last", NULL};
static const char *const item_keys[] = {"text", "without", NULL};
static const char *const place_keys[NB_TRANSITION_PLACES] = {"first", "middle", "last"};

/* A template string: not empty, only known placeholders. */
static nb_status read_template(const struct nb_yaml_doc *doc, const struct nb_yaml_node *n,
                               const char *key, unsigned allowed, char **out,
                               struct nb_error *err)
{
    nb_status rc = nb_yaml_string(doc, n, key, out, err);
    if (rc != NB_OK)
        return rc;
    const char *p = *out;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p)
        return nb_yaml_error(doc, n, err, "'%s' must not be empty", key);
    size_t off, len;
    if (!nb_template_check(*out, allowed, &off, &len)) {
        int shown = len > 40 ? 40 : (int)len;
        return nb_yaml_error(doc, n, err,
                             "unknown placeholder '%.*s' in '%s' (use {headline}, {title}, "
                             "{date}, {count} or {time_of_day}; write {{ for a brace)",
                             shown, *out + off, key);
    }
    return NB_OK;
}

static nb_status read_item(const struct nb_yaml_doc *doc, const struct nb_yaml_node *n,
                           const char *key, enum nb_transition_place place,
                           struct nb_transition_bank *bank, struct nb_error *err)
{
    const unsigned with = NB_TEMPLATE_BULLETIN | NB_TEMPLATE_HEADLINE;
    char *text = NULL, *without = NULL;
    nb_status rc;
    if (n->kind == NB_YAML_MAPPING) {
        rc = nb_yaml_check_keys(doc, n, item_keys, err);
        const struct nb_yaml_node *t = nb_yaml_get(n, "text");
        const struct nb_yaml_node *w = nb_yaml_get(n, "without");
        if (rc == NB_OK && !t)
            rc = nb_yaml_error(doc, n, err, "a transition needs 'text' (e.g. \"Next, {headline}\")");
        if (rc == NB_OK)
            rc = read_template(doc, t, "text", with, &text, err);
        if (rc == NB_OK && w)
            rc = read_template(doc, w, "without", NB_TEMPLATE_BULLETIN, &without, err);
    } else {
        rc = read_template(doc, n, key, with, &text, err);
    }
    if (rc == NB_OK && nb_transition_bank_add(bank, place, text, without) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    free(text);
    free(without);
    return rc;
}

static nb_status read_list(const struct nb_yaml_doc *doc, const struct nb_yaml_node *n,
                           enum nb_transition_place place, struct nb_transition_bank *bank,
                           struct nb_error *err)
{
    const char *key = place_keys[place];
    if (n->kind != NB_YAML_SEQUENCE)
        return nb_yaml_error(doc, n, err, "'%s' must be a list of transitions", key);
    size_t min = place == NB_TRANSITION_MIDDLE ? 2 : 1;
    if (n->nitems < min)
        return nb_yaml_error(doc, n, err,
                             "'%s' needs at least %zu transition%s (so that none is read twice "
                             "in a row)",
                             key, min, min == 1 ? "" : "s");
    for (size_t i = 0; i < n->nitems; i++) {
        nb_status rc = read_item(doc, n->items[i], key, place, bank, err);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

nb_status nb_transition_bank_read(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                                  int complete, struct nb_transition_bank *bank,
                                  struct nb_error *err)
{
    if (!node || node->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, node ? node : doc->root, err,
                             "transitions must be keys 'headlines', 'recap', 'first', 'middle' "
                             "and 'last'");
    nb_status rc = nb_yaml_check_keys(doc, node, bank_keys, err);
    if (rc != NB_OK)
        return rc;
    for (size_t k = 0; bank_keys[k]; k++) {
        const struct nb_yaml_node *n = nb_yaml_get(node, bank_keys[k]);
        if (!n) {
            if (complete)
                return nb_yaml_error(doc, node, err, "missing required key '%s'", bank_keys[k]);
            continue;
        }
        if (k < 2) {
            char **slot = k == 0 ? &bank->headlines : &bank->recap;
            free(*slot);
            *slot = NULL;
            rc = read_template(doc, n, bank_keys[k], NB_TEMPLATE_BULLETIN, slot, err);
        } else {
            rc = read_list(doc, n, (enum nb_transition_place)(k - 2), bank, err);
        }
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

nb_status nb_transition_bank_find(const char *language, const char *base_dir, struct nb_buf *out,
                                  struct nb_error *err)
{
    char file[64];
    size_t n = strcspn(language ? language : "en", "-_+");
    if (n == 0 || n > 8) {
        n = 2;
        language = "en";
    }
    int len = snprintf(file, sizeof(file), "transitions-%.*s.yaml", (int)n, language);
    for (int i = 0; i < len; i++)
        file[i] = (char)nb_ascii_lower((unsigned char)file[i]);
    struct nb_strv dirs;
    struct nb_buf looked;
    nb_strv_init(&dirs);
    nb_buf_init(&looked, 0);
    int found = 0;
    nb_status rc = nb_data_dirs(NB_DATA_VOICES, base_dir, &dirs);
    if (rc == NB_OK)
        rc = nb_data_find_in(&dirs, file, out, &found);
    if (rc == NB_OK && !found)
        rc = nb_data_dirs_format(&dirs, &looked);
    if (rc != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    else if (!found)
        rc = nb_error_set(err, NB_EINPUT,
                          "no transition bank '%s' (looked in %s; it ships with newsbrief)", file,
                          looked.data);
    nb_buf_release(&looked);
    nb_strv_release(&dirs);
    return rc;
}

nb_status nb_transition_bank_load(struct nb_transition_bank *bank, const char *path,
                                  struct nb_error *err)
{
    struct nb_yaml_doc doc;
    nb_transition_bank_release(bank);
    nb_status rc = nb_yaml_doc_load(&doc, path, err);
    if (rc == NB_OK && !doc.root)
        rc = nb_error_set_at(err, NB_EINPUT, path, 1, 1, "the transition bank is empty");
    if (rc == NB_OK)
        rc = nb_transition_bank_read(&doc, doc.root, 1, bank, err);
    nb_yaml_doc_release(&doc);
    if (rc != NB_OK)
        nb_transition_bank_release(bank);
    return rc;
}
