#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "speech/id3.h"
#include "text/buf.h"

/* A frame found in a tag: where its content is. */
struct frame {
    char id[5];
    const unsigned char *data;
    size_t len;
};

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Splits d[0..len) into v2.3 frames (stops at padding); returns the count. */
static size_t frames_of(const unsigned char *d, size_t len, struct frame *out, size_t max)
{
    size_t n = 0;
    for (size_t p = 0; p + 10 <= len && d[p] && n < max;) {
        memcpy(out[n].id, d + p, 4);
        out[n].id[4] = '\0';
        out[n].len = be32(d + p + 4);
        assert_true(p + 10 + out[n].len <= len);
        out[n].data = d + p + 10;
        p += 10 + out[n].len;
        n++;
    }
    return n;
}

/* The tag's frames after checking its header. */
static size_t parse_tag(const struct nb_buf *b, struct frame *out, size_t max)
{
    const unsigned char *d = (const unsigned char *)b->data;
    assert_true(b->len >= 10);
    assert_memory_equal(d, "ID3\x03\x00\x00", 6);
    size_t body = (size_t)d[6] << 21 | (size_t)d[7] << 14 | (size_t)d[8] << 7 | d[9];
    assert_int_equal(body + 10, b->len);
    assert_int_equal(nb_id3_measure(d, b->len), b->len);
    return frames_of(d + 10, body, out, max);
}

static const struct frame *find(const struct frame *f, size_t n, const char *id, size_t nth)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].id, id) == 0 && nth-- == 0)
            return &f[i];
    return NULL;
}

/* A Latin-1 text frame's text. */
static void assert_latin1(const struct frame *f, const char *want)
{
    assert_non_null(f);
    assert_int_equal(f->data[0], 0);
    assert_int_equal(f->len, 1 + strlen(want));
    assert_memory_equal(f->data + 1, want, strlen(want));
}

static void test_tags_and_chapters(void **state)
{
    (void)state;
    struct nb_audio_meta meta = {"Morning news", "2024-05-01T07:00", "Radio X", "Three stories"};
    struct nb_audio_chapter ch[] = {{0.0, "Intro"}, {12.5, "Weather"}, {61.25, "Sport"}};
    struct nb_buf b;
    nb_buf_init(&b, 0);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_id3_build(&b, &meta, ch, 3, 90000, 0, &err), NB_OK);
    struct frame f[32];
    size_t n = parse_tag(&b, f, 32);
    assert_latin1(find(f, n, "TIT2", 0), "Morning news");
    assert_latin1(find(f, n, "TPE1", 0), "Radio X");
    assert_latin1(find(f, n, "TYER", 0), "2024");
    assert_latin1(find(f, n, "TDAT", 0), "0105");
    const struct frame *comm = find(f, n, "COMM", 0);
    assert_non_null(comm);
    assert_int_equal(comm->len, 1 + 3 + 1 + strlen("Three stories"));
    assert_memory_equal(comm->data, "\0und\0Three stories", comm->len);

    const struct frame *toc = find(f, n, "CTOC", 0);
    assert_non_null(toc);
    assert_memory_equal(toc->data,
                        "toc\0\x03\x03"
                        "chp1\0chp2\0chp3\0",
                        21);
    assert_int_equal(toc->len, 21);
    const uint32_t starts[] = {0, 12500, 61250}, ends[] = {12500, 61250, 90000};
    const char *titles[] = {"Intro", "Weather", "Sport"};
    for (size_t i = 0; i < 3; i++) {
        const struct frame *c = find(f, n, "CHAP", i);
        assert_non_null(c);
        char id[8];
        snprintf(id, sizeof(id), "chp%zu", i + 1);
        assert_string_equal((const char *)c->data, id);
        const unsigned char *p = c->data + strlen(id) + 1;
        assert_int_equal(be32(p), starts[i]);
        assert_int_equal(be32(p + 4), ends[i]);
        assert_int_equal(be32(p + 8), 0xFFFFFFFFu);
        assert_int_equal(be32(p + 12), 0xFFFFFFFFu);
        struct frame sub[4];
        size_t ns = frames_of(p + 16, c->len - (size_t)(p + 16 - c->data), sub, 4);
        assert_int_equal(ns, 1);
        assert_string_equal(sub[0].id, "TIT2");
        assert_latin1(&sub[0], titles[i]);
    }
    nb_buf_release(&b);
}

static void test_text_encodings(void **state)
{
    (void)state;
    struct nb_audio_meta meta = {"Caf\xc3\xa9", "19 May", NULL, "\xce\xb1\xf0\x9f\x93\xb0"};
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_id3_build(&b, &meta, NULL, 0, 0, 0, NULL), NB_OK);
    struct frame f[8];
    size_t n = parse_tag(&b, f, 8);
    assert_int_equal(n, 2); /* no year in "19 May", no publisher */
    assert_latin1(find(f, n, "TIT2", 0), "Caf\xe9");
    /* alpha and U+1F4F0 (a surrogate pair) as UTF-16 with a BOM */
    const struct frame *c = find(f, n, "COMM", 0);
    assert_non_null(c);
    const unsigned char want[] = {1,    'u',  'n',  'd',  0xFF, 0xFE, 0,    0,
                                  0xFF, 0xFE, 0xB1, 0x03, 0x3D, 0xD8, 0xF0, 0xDC};
    assert_int_equal(c->len, sizeof(want));
    assert_memory_equal(c->data, want, sizeof(want));
    assert_null(find(f, n, "CTOC", 0));
    nb_buf_release(&b);
}

static void test_padding_and_measure(void **state)
{
    (void)state;
    struct nb_audio_meta meta = {"T", NULL, NULL, NULL};
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_adds(&b, "keep");
    assert_int_equal(nb_id3_build(&b, &meta, NULL, 0, 0, 4096, NULL), NB_OK);
    assert_int_equal(b.len, 4 + 4096);
    assert_memory_equal(b.data, "keep", 4);
    const unsigned char *tag = (const unsigned char *)b.data + 4;
    assert_int_equal(nb_id3_measure(tag, 4096), 4096);
    assert_int_equal(nb_id3_measure(tag, 9), 0);
    assert_int_equal(nb_id3_measure((const unsigned char *)"ID3\x03\0\0\0\0\x80\0", 10), 0);
    assert_int_equal(nb_id3_measure((const unsigned char *)"\xff\xfb\x90\0\0\0\0\0\0\0", 10), 0);
    /* v2.4 with a footer */
    assert_int_equal(nb_id3_measure((const unsigned char *)"ID3\x04\0\x10\0\0\x01\x00", 10),
                     10 + 128 + 10);
    nb_buf_release(&b);
}

static void test_bad_chapters(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    struct nb_error err;
    struct nb_audio_chapter back[] = {{5.0, "B"}, {5.0, "A"}};
    assert_int_equal(nb_id3_build(&b, NULL, back, 2, 9000, 0, &err), NB_EINPUT);
    assert_string_equal(err.message, "chapter 2 starts at 5 s, not after the one before it");
    struct nb_audio_chapter *many = calloc(256, sizeof(*many));
    for (size_t i = 0; i < 256; i++)
        many[i].start = (double)i;
    assert_int_equal(nb_id3_build(&b, NULL, many, 256, 300000, 0, &err), NB_EINPUT);
    assert_string_equal(err.message, "too many chapters for an MP3 file (256; at most 255)");
    assert_int_equal(b.len, 0);
    /* 255 fit, untitled chapters have no TIT2 */
    assert_int_equal(nb_id3_build(&b, NULL, many, 255, 300000, 0, &err), NB_OK);
    struct frame f[300];
    size_t n = parse_tag(&b, f, 300);
    assert_int_equal(n, 256);
    assert_int_equal(find(f, n, "CTOC", 0)->data[5], 255);
    const struct frame *last = find(f, n, "CHAP", 254);
    assert_string_equal((const char *)last->data, "chp255");
    assert_int_equal(last->len, 7 + 16);
    free(many);
    nb_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_and_chapters),
        cmocka_unit_test(test_text_encodings),
        cmocka_unit_test(test_padding_and_measure),
        cmocka_unit_test(test_bad_chapters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
