/* json_out.c - streaming JSON writer (see json_out.h). */
#include "text/json_out.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <string.h>

void nb_json_out_init(struct nb_json_out *o, FILE *f, int pretty)
{
    memset(o, 0, sizeof(*o));
    o->f = f;
    o->pretty = pretty;
    o->first[0] = 1;
}

static void put(struct nb_json_out *o, const char *s)
{
    if (!o->failed && fputs(s, o->f) < 0)
        o->failed = 1;
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

static void put_escaped(struct nb_json_out *o, const char *s)
{
    struct json_object *j = json_object_new_string(s);
    const char *t = j ? json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
                                                              JSON_C_TO_STRING_NOSLASHESCAPE)
                      : NULL;
    if (t)
        put(o, t);
    else
        o->failed = 1;
    json_object_put(j);
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
    char buf[32];
    before_item(o);
    snprintf(buf, sizeof(buf), "%" PRId64, v);
    put(o, buf);
}

void nb_json_out_bool(struct nb_json_out *o, int v)
{
    before_item(o);
    put(o, v ? "true" : "false");
}

nb_status nb_json_out_finish(struct nb_json_out *o)
{
    put(o, "\n");
    if (fflush(o->f) != 0)
        o->failed = 1;
    return o->failed || o->depth != 0 ? NB_EIO : NB_OK;
}
