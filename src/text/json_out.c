/* json_out.c - streaming JSON writer (see json_out.h). */
#include "text/json_out.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void nb_json_out_init(struct nb_json_out *o, FILE *f, int pretty)
{
    memset(o, 0, offsetof(struct nb_json_out, buf));
    o->f = f;
    o->pretty = pretty;
    o->first[0] = 1;
}

/* Hands what waits in the buffer to the stream. */
static void flush(struct nb_json_out *o)
{
    if (!o->failed && o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->failed = 1;
    o->len = 0;
}

/* Appends s[0..n) to the buffer; a run longer than the buffer goes to the
 * stream whole. */
static void put_bytes(struct nb_json_out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (n > sizeof(o->buf) - o->len) {
        flush(o);
        if (n >= sizeof(o->buf)) {
            if (!o->failed && fwrite(s, 1, n, o->f) != n)
                o->failed = 1;
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void put(struct nb_json_out *o, const char *s)
{
    put_bytes(o, s, strlen(s));
}

static void newline(struct nb_json_out *o)
{
    if (!o->pretty)
        return;
    put(o, "\n");
    for (unsigned i = 0; i < o->depth; i++)
        put(o, "  ");
}

/* The separator and indentation before a value or key. */
static void before_item(struct nb_json_out *o)
{
    if (o->after_key) {
        o->after_key = 0;
        return;
    }
    if (o->depth > 0) {
        if (!o->first[o->depth])
            put(o, ",");
        newline(o);
    }
    o->first[o->depth] = 0;
}

void nb_json_out_open(struct nb_json_out *o, char bracket)
{
    before_item(o);
    char s[2] = {bracket, 0};
    put(o, s);
    if (o->depth + 1 >= NB_JSON_OUT_MAX_DEPTH) {
        o->failed = 1;
        return;
    }
    o->depth++;
    o->first[o->depth] = 1;
}

void nb_json_out_close(struct nb_json_out *o, char bracket)
{
    if (o->depth == 0) {
        o->failed = 1;
        return;
    }
    int empty = o->first[o->depth];
    o->depth--;
    if (!empty)
        newline(o);
    char s[2] = {bracket, 0};
    put(o, s);
}

/* 1 for the bytes that end a run: the control bytes, NUL among them, '"'
 * and '\\'.  Every byte from 0x5D up is 0. */
static const unsigned char ends_run[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,          /* 0x50: '\\' */
};

/* Whether none of the eight bytes at s ends a run (see ends_run[]):
 * tested in one 64-bit word.  Taking n from every byte sets the high bit
 * of the lowest byte below n (and maybe of bytes above it, by the borrow)
 * where the byte itself has its high bit clear, so the test of
 * (x - n * ones) & ~x & highs is nonzero exactly when some byte is below
 * n: below 0x20 for the control bytes, below 1 in x ^ (byte * ones) for
 * '"' and '\\'.  Neither mark has its high bit set, so x ^ (byte * ones)
 * has the high bits of x, and the three tests share one & ~x & highs. */
static int quiet_eight(const char *s)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t found = (x - ones * 0x20) | (quote - ones) | (backslash - ones);
    return (found & ~x & highs) == 0;
}

/* A JSON string, escaped byte for byte as json-c escapes it (with '/'
 * left alone): the named escapes \b \f \n \r \t \" \\, other control
 * bytes as \u00xx in lower case, every other byte as it is.  Written in
 * runs, without building the string. */
static void put_escaped(struct nb_json_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put_bytes(o, "\"", 1);
    const char *run = s, *p = s, *end = s + strlen(s);
    for (;; p++) {
        /* eight bytes at a time while they hold none that ends the run */
        for (;;) {
            while (end - p >= 8 && quiet_eight(p))
                p += 8;
            if (ends_run[(unsigned char)*p])
                break;
            p++;
        }
        unsigned char c = (unsigned char)*p;
        if (c == 0)
            break;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t n = 2;
        switch (c) {
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        case '"':
            esc[1] = '"';
            break;
        case '\\':
            esc[1] = '\\';
            break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 0xF];
            n = 6;
            break;
        }
        put_bytes(o, run, (size_t)(p - run));
        put_bytes(o, esc, n);
        run = p + 1;
    }
    put_bytes(o, run, (size_t)(p - run));
    put_bytes(o, "\"", 1);
}

void nb_json_out_key(struct nb_json_out *o, const char *key)
{
    before_item(o);
    put_escaped(o, key);
    put(o, o->pretty ? ": " : ":");
    o->after_key = 1;
}

void nb_json_out_string(struct nb_json_out *o, const char *s)
{
    before_item(o);
    if (s)
        put_escaped(o, s);
    else
        put(o, "null");
}

void nb_json_out_int(struct nb_json_out *o, int64_t v)
{
    /* the digits from the last, as PRId64 writes them */
    char buf[24];
    size_t at = sizeof(buf);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        buf[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[--at] = '-';
    before_item(o);
    put_bytes(o, buf + at, sizeof(buf) - at);
}

void nb_json_out_bool(struct nb_json_out *o, int v)
{
    before_item(o);
    put(o, v ? "true" : "false");
}

nb_status nb_json_out_finish(struct nb_json_out *o)
{
    put(o, "\n");
    flush(o);
    if (fflush(o->f) != 0)
        o->failed = 1;
    return o->failed || o->depth != 0 ? NB_EIO : NB_OK;
}
