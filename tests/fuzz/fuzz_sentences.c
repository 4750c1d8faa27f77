/* fuzz_sentences.c - the sentence splitter (text/sentences.h):
 * nb_sentences_spans() on the raw bytes (which need not be UTF-8) and
 * nb_sentences_split() on the same bytes imported as library text, with
 * what the header promises checked: spans in order, inside the text,
 * trimmed, never cutting a UTF-8 sequence; split sentences valid UTF-8
 * with no runs of spaces.  Also nb_sentence_ends() and
 * nb_text_collapse_space(). */
#include "fuzz_common.h"
#include "text/sentences.h"
#include "text/utf8.h"

static int is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct nb_spanv spans;
    struct nb_error err;
    nb_error_init(&err);
    nb_spanv_init(&spans);
    if (nb_sentences_spans(text, size, &spans, &err) != NB_OK)
        abort();
    int valid = nb_utf8_valid(text, size, NULL);
    size_t prev = 0;
    for (size_t i = 0; i < spans.n; i++) {
        struct nb_span s = spans.v[i];
        if (s.start >= s.end || s.end > size || s.start < prev)
            abort();
        if (valid && (is_continuation(data[s.start]) ||
                      (s.end < size && is_continuation(data[s.end]))))
            abort();
        prev = s.end;
    }
    nb_spanv_release(&spans);

    struct nb_buf t;
    struct nb_strv out;
    nb_buf_init(&t, 0);
    nb_strv_init(&out);
    if (nb_text_import(text, size, &t, NULL) != NB_OK)
        abort();
    if (nb_sentences_split(t.data ? t.data : "", t.len, &out, &err) != NB_OK)
        abort();
    for (size_t i = 0; i < out.n; i++) {
        size_t n = strlen(out.v[i]);
        if (n == 0 || !nb_utf8_valid(out.v[i], n, NULL) || strstr(out.v[i], "  ") ||
            out.v[i][0] == ' ' || out.v[i][n - 1] == ' ')
            abort();
        (void)nb_sentence_ends(out.v[i], n);
    }
    struct nb_buf c;
    nb_buf_init(&c, 0);
    if (nb_text_collapse_space(t.data ? t.data : "", t.len, &c) != NB_OK)
        abort();
    nb_buf_release(&c);
    nb_strv_release(&out);
    nb_buf_release(&t);
    (void)nb_sentences_abbreviation(text, size < 32 ? size : 32);
    return 0;
}
