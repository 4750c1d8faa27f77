/* fuzz_script_text.c - the editable script text (script/script_text.h):
 * nb_script_parse_text() of the input (the first byte picks the language),
 * then the round trip the header promises: nb_script_write_text() of what
 * was read parses again to the same segments, and writes the same text. */
#include "fuzz_common.h"
#include "script/script.h"
#include "text/utf8.h"

static const char *const langs[] = {"en-gb", "en-us", "de", "xx"};

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *lang = langs[data[0] % 4];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    struct nb_script s, again;
    struct nb_error err;
    nb_error_init(&err);
    nb_script_init(&s);
    nb_script_init(&again);
    (void)nb_script_is_text(text, len);
    nb_status rc = nb_script_parse_text(&s, text, len, "fuzz.script", lang, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        if (s.n == 0)
            abort();
        struct nb_buf out, out2;
        nb_buf_init(&out, 0);
        nb_buf_init(&out2, 0);
        if (nb_script_write_text(&s, &out) != NB_OK || !nb_script_is_text(out.data, out.len))
            abort();
        rc = nb_script_parse_text(&again, out.data, out.len, "written.script", lang, &err);
        if (rc != NB_OK) {
            char msg[1200];
            fprintf(stderr, "written script does not parse: %s\n--\n%s--\n",
                    nb_error_format(&err, msg, sizeof(msg)), out.data);
            abort();
        }
        if (again.n != s.n || !same(again.title, s.title) || !same(again.date, s.date) ||
            !same(again.lexicon, s.lexicon))
            abort();
        for (size_t i = 0; i < s.n; i++) {
            const struct nb_segment *a = &s.segments[i], *b = &again.segments[i];
            if (a->kind != b->kind || a->story != b->story || !same(a->voice, b->voice) ||
                !same(a->text, b->text) || !same(a->spoken, b->spoken) ||
                !nb_utf8_valid(a->spoken, strlen(a->spoken), NULL)) {
                fprintf(stderr, "segment %zu differs after a round trip:\n[%s] / [%s]\n", i,
                        a->text, b->text);
                abort();
            }
        }
        if (nb_script_write_text(&again, &out2) != NB_OK || out2.len != out.len ||
            memcmp(out.data, out2.data, out.len) != 0)
            abort();
        nb_buf_release(&out);
        nb_buf_release(&out2);
    }
    nb_script_release(&again);
    nb_script_release(&s);
    return 0;
}
