#include "script/limits.h"

#include "text/sentences.h"
#include "text/strv.h"

#include <stdio.h>
#include <string.h>

size_t nb_limits_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* 41000 as "41,000". */
static const char *grouped(size_t v, char *buf, size_t size)
{
    char digits[32];
    int n = snprintf(digits, sizeof(digits), "%zu", v);
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

static nb_status too_long(struct nb_error *err, size_t index, const struct nb_segment *seg,
                          const char *what, size_t have, size_t allowed, const char *key)
{
    char a[32], b[32];
    return nb_error_set(err, NB_EINPUT,
                        "segment %zu (%s %s): %s %s characters, more than the %s allowed (a "
                        "briefing raises it with 'limits: {%s: N}')",
                        index + 1,
                        seg->kind == NB_SEG_INTRO || seg->kind == NB_SEG_HEADLINES ||
                                seg->kind == NB_SEG_OUTRO
                            ? "the"
                            : "a",
                        nb_segment_kind_name(seg->kind), what, grouped(have, a, sizeof(a)),
                        grouped(allowed, b, sizeof(b)), key);
}

nb_status nb_script_check_limits(const struct nb_script *s, const struct nb_limits *l,
                                 struct nb_error *err)
{
    size_t max_sentence = l && l->sentence ? l->sentence : NB_LIMIT_SENTENCE;
    size_t max_segment = l && l->segment ? l->segment : NB_LIMIT_SEGMENT;
    size_t max_bulletin = l && l->bulletin ? l->bulletin : NB_LIMIT_BULLETIN;
    size_t total = 0;
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < s->n; i++) {
        const struct nb_segment *seg = &s->segments[i];
        const char *t = seg->spoken ? seg->spoken : "";
        size_t len = strlen(t), chars = nb_limits_chars(t, len);
        total += chars;
        if (chars > max_segment) {
            rc = too_long(err, i, seg, "it has", chars, max_segment, "segment");
            break;
        }
        if (total > max_bulletin) {
            rc = too_long(err, i, seg, "the script reaches", total, max_bulletin, "bulletin");
            break;
        }
        if (chars <= max_sentence)
            continue; /* no sentence of it can be longer */
        nb_strv_release(&sentences);
        nb_strv_init(&sentences);
        rc = nb_sentences_split(t, len, &sentences, err);
        for (size_t k = 0; rc == NB_OK && k < sentences.n; k++) {
            size_t c = nb_limits_chars(sentences.v[k], strlen(sentences.v[k]));
            if (c > max_sentence)
                rc = too_long(err, i, seg, "a sentence has", c, max_sentence, "sentence");
        }
    }
    nb_strv_release(&sentences);
    return rc;
}
