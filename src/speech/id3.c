#include "speech/id3.h"

#include "text/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ENC_LATIN1 0
#define ENC_UTF16 1

static nb_status add_u32be(struct nb_buf *b, uint32_t v)
{
    char c[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
    return nb_buf_add(b, c, 4);
}

static void put_u32be(struct nb_buf *b, size_t at, uint32_t v)
{
    b->data[at] = (char)(v >> 24);
    b->data[at + 1] = (char)(v >> 16);
    b->data[at + 2] = (char)(v >> 8);
    b->data[at + 3] = (char)v;
}

static int fits_latin1(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += nb_utf8_decode(s + i, len - i, &cp);
        if (cp > 0xFF)
            return 0;
    }
    return 1;
}

/* Appends s (UTF-8) in the encoding `enc`, with the terminator when asked. */
static nb_status add_text(struct nb_buf *b, int enc, const char *s, int terminate)
{
    size_t len = strlen(s);
    nb_status rc = NB_OK;
    if (enc == ENC_UTF16)
        rc = nb_buf_add(b, "\xFF\xFE", 2);
    for (size_t i = 0; i < len && rc == NB_OK;) {
        uint32_t cp;
        i += nb_utf8_decode(s + i, len - i, &cp);
        if (enc == ENC_LATIN1) {
            rc = nb_buf_addc(b, (char)cp);
        } else if (cp < 0x10000) {
            char u[2] = {(char)cp, (char)(cp >> 8)};
            rc = nb_buf_add(b, u, 2);
        } else {
            uint32_t v = cp - 0x10000, hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            char u[4] = {(char)hi, (char)(hi >> 8), (char)lo, (char)(lo >> 8)};
            rc = nb_buf_add(b, u, 4);
        }
    }
    if (rc == NB_OK && terminate)
        rc = nb_buf_add(b, "\0\0", enc == ENC_UTF16 ? 2 : 1);
    return rc;
}

/* Starts a frame: its ID, a size to fill in by frame_end(), no flags.
 * *at receives the offset of the frame header. */
static nb_status frame_begin(struct nb_buf *b, const char *id, size_t *at)
{
    *at = b->len;
    return nb_buf_add(b, id, 4) == NB_OK && nb_buf_add(b, "\0\0\0\0\0\0", 6) == NB_OK ? NB_OK
                                                                                      : NB_ENOMEM;
}

/* Frame sizes in v2.3 are plain 32-bit big-endian (v2.4's are syncsafe). */
static void frame_end(struct nb_buf *b, size_t at)
{
    put_u32be(b, at + 4, (uint32_t)(b->len - at - 10));
}

static nb_status add_text_frame(struct nb_buf *b, const char *id, const char *s)
{
    if (!s || !*s)
        return NB_OK;
    int enc = fits_latin1(s) ? ENC_LATIN1 : ENC_UTF16;
    size_t at;
    if (frame_begin(b, id, &at) != NB_OK || nb_buf_addc(b, (char)enc) != NB_OK ||
        add_text(b, enc, s, 0) != NB_OK)
        return NB_ENOMEM;
    frame_end(b, at);
    return NB_OK;
}

static nb_status add_comment(struct nb_buf *b, const char *s)
{
    if (!s || !*s)
        return NB_OK;
    int enc = fits_latin1(s) ? ENC_LATIN1 : ENC_UTF16;
    size_t at;
    /* language "und" (ISO 639-2: undetermined) and an empty description */
    if (frame_begin(b, "COMM", &at) != NB_OK || nb_buf_addc(b, (char)enc) != NB_OK ||
        nb_buf_add(b, "und", 3) != NB_OK || add_text(b, enc, "", 1) != NB_OK ||
        add_text(b, enc, s, 0) != NB_OK)
        return NB_ENOMEM;
    frame_end(b, at);
    return NB_OK;
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* v2.3 has no free-form date: "YYYY..." goes to TYER, "YYYY-MM-DD..." also
 * to TDAT as DDMM; anything else is left out. */
static nb_status add_date(struct nb_buf *b, const char *date)
{
    if (!date || strlen(date) < 4 || !digits(date, 4))
        return NB_OK;
    char year[5], ddmm[5];
    memcpy(year, date, 4);
    year[4] = '\0';
    nb_status rc = add_text_frame(b, "TYER", year);
    if (rc == NB_OK && strlen(date) >= 10 && date[4] == '-' && date[7] == '-' &&
        digits(date + 5, 2) && digits(date + 8, 2)) {
        memcpy(ddmm, date + 8, 2);
        memcpy(ddmm + 2, date + 5, 2);
        ddmm[4] = '\0';
        rc = add_text_frame(b, "TDAT", ddmm);
    }
    return rc;
}

static uint32_t to_ms(double seconds)
{
    double ms = floor(seconds * 1000.0 + 0.5);
    return ms >= 4294967295.0 ? 0xFFFFFFFEu : (uint32_t)ms;
}

static nb_status add_chapter(struct nb_buf *b, size_t i, uint32_t start, uint32_t end,
                             const char *title)
{
    char id[16];
    int n = snprintf(id, sizeof(id), "chp%zu", i + 1);
    size_t at;
    if (frame_begin(b, "CHAP", &at) != NB_OK || nb_buf_add(b, id, (size_t)n + 1) != NB_OK ||
        add_u32be(b, start) != NB_OK || add_u32be(b, end) != NB_OK ||
        add_u32be(b, 0xFFFFFFFFu) != NB_OK || add_u32be(b, 0xFFFFFFFFu) != NB_OK ||
        add_text_frame(b, "TIT2", title) != NB_OK)
        return NB_ENOMEM;
    frame_end(b, at);
    return NB_OK;
}

static nb_status add_toc(struct nb_buf *b, size_t n)
{
    size_t at;
    /* flags: 0x02 top-level, 0x01 ordered */
    if (frame_begin(b, "CTOC", &at) != NB_OK || nb_buf_add(b, "toc\0\x03", 5) != NB_OK ||
        nb_buf_addc(b, (char)n) != NB_OK)
        return NB_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (nb_buf_addf(b, "chp%zu", i + 1) != NB_OK || nb_buf_addc(b, '\0') != NB_OK)
            return NB_ENOMEM;
    frame_end(b, at);
    return NB_OK;
}

static nb_status check_chapters(const struct nb_audio_chapter *ch, size_t n, struct nb_error *err)
{
    if (n > NB_ID3_CHAPTERS_MAX)
        return nb_error_set(err, NB_EINPUT, "too many chapters for an MP3 file (%zu; at most %d)",
                            n, NB_ID3_CHAPTERS_MAX);
    for (size_t i = 0; i < n; i++)
        if (!(ch[i].start >= 0) || (i && !(ch[i].start > ch[i - 1].start)))
            return nb_error_set(err, NB_EINPUT,
                                "chapter %zu starts at %g s, not after the one before it", i + 1,
                                ch[i].start);
    return NB_OK;
}

nb_status nb_id3_build(struct nb_buf *out, const struct nb_audio_meta *meta,
                       const struct nb_audio_chapter *chapters, size_t nchapters,
                       uint32_t duration_ms, size_t min_size, struct nb_error *err)
{
    nb_status rc = check_chapters(chapters, nchapters, err);
    if (rc != NB_OK)
        return rc;
    size_t start = out->len;
    /* "ID3", version 3.0, no flags, size filled in below */
    rc = nb_buf_add(out, "ID3\x03\0\0\0\0\0\0", 10);
    if (rc == NB_OK && meta) {
        if (add_text_frame(out, "TIT2", meta->title) != NB_OK ||
            add_text_frame(out, "TPE1", meta->publisher) != NB_OK ||
            add_date(out, meta->date) != NB_OK || add_comment(out, meta->comment) != NB_OK)
            rc = NB_ENOMEM;
    }
    if (rc == NB_OK && nchapters)
        rc = add_toc(out, nchapters);
    for (size_t i = 0; i < nchapters && rc == NB_OK; i++) {
        uint32_t s = to_ms(chapters[i].start);
        uint32_t e = i + 1 < nchapters ? to_ms(chapters[i + 1].start) : duration_ms;
        rc = add_chapter(out, i, s, e > s ? e : s, chapters[i].title);
    }
    size_t len = out->len - start;
    static const char zeros[256];
    while (rc == NB_OK && len < min_size) {
        size_t n = min_size - len < sizeof(zeros) ? min_size - len : sizeof(zeros);
        rc = nb_buf_add(out, zeros, n);
        len += n;
    }
    if (rc == NB_OK && len - 10 >= (size_t)1 << 28)
        rc = NB_ENOMEM; /* a syncsafe size holds 28 bits */
    if (rc != NB_OK) {
        nb_buf_truncate(out, start);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    size_t body = len - 10;
    unsigned char *h = (unsigned char *)out->data + start + 6;
    h[0] = (unsigned char)((body >> 21) & 0x7F);
    h[1] = (unsigned char)((body >> 14) & 0x7F);
    h[2] = (unsigned char)((body >> 7) & 0x7F);
    h[3] = (unsigned char)(body & 0x7F);
    return NB_OK;
}

size_t nb_id3_measure(const unsigned char *d, size_t len)
{
    if (len < 10 || memcmp(d, "ID3", 3) != 0 || d[3] == 0xFF || d[4] == 0xFF ||
        ((d[6] | d[7] | d[8] | d[9]) & 0x80))
        return 0;
    size_t body = ((size_t)d[6] << 21) | ((size_t)d[7] << 14) | ((size_t)d[8] << 7) | d[9];
    /* v2.4 may end with a 10-byte footer (flag 0x10) */
    return 10 + body + (d[3] == 4 && (d[5] & 0x10) ? 10 : 0);
}
