/* fuzz_json_out.c - JSON output (text/json_out.h): the input is a program
 * of writes (objects, arrays, keys, strings, numbers, booleans, nulls) that
 * is always well formed; nb_json_out writes it to memory, json-c builds
 * the same tree, and the text written must parse back (json-c's tokener) to
 * a tree equal to json-c's. */
#include "fuzz_common.h"
#include "text/json_out.h"

#include <json-c/json.h>

struct level {
    char bracket;
    struct json_object *obj;
};

/* Takes a string of up to 31 bytes from the input (NUL ends it early). */
static const char *take_string(const uint8_t **p, const uint8_t *end, char *buf)
{
    size_t n = 0;
    if (*p < end) {
        n = **p % 32;
        (*p)++;
    }
    if (n > (size_t)(end - *p))
        n = (size_t)(end - *p);
    memcpy(buf, *p, n);
    buf[n] = '\0';
    *p += n;
    return buf;
}

static void add(struct level *top, const char *key, struct json_object *v)
{
    if (top->bracket == '{')
        json_object_object_add(top->obj, key, v);
    else
        json_object_array_add(top->obj, v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = NULL;
    size_t text_len = 0;
    FILE *f = open_memstream(&text, &text_len);
    if (!f)
        abort();
    struct nb_json_out o;
    nb_json_out_init(&o, f, size > 0 && (data[0] & 1));
    struct level stack[NB_JSON_OUT_MAX_DEPTH];
    unsigned depth = 1;
    stack[0].bracket = '{';
    stack[0].obj = json_object_new_object();
    nb_json_out_open(&o, '{');
    const uint8_t *p = data + (size > 0), *end = data + size;
    char key[40], s[40];
    while (p < end) {
        unsigned op = *p++ % 7;
        struct level *top = &stack[depth - 1];
        const char *k = NULL;
        if (op == 6) { /* close */
            if (depth == 1)
                continue;
            nb_json_out_close(&o, top->bracket == '{' ? '}' : ']');
            depth--;
            continue;
        }
        if (top->bracket == '{') {
            k = take_string(&p, end, key);
            if (json_object_object_get_ex(top->obj, k, NULL))
                continue; /* keys stay unique, as the library's callers keep them */
            nb_json_out_key(&o, k);
        }
        switch (op) {
        case 0:
        case 1:
            if (depth == NB_JSON_OUT_MAX_DEPTH - 1) {
                nb_json_out_string(&o, NULL);
                add(top, k, NULL);
                break;
            }
            nb_json_out_open(&o, op ? '[' : '{');
            stack[depth].bracket = op ? '[' : '{';
            stack[depth].obj = op ? json_object_new_array() : json_object_new_object();
            add(top, k, stack[depth].obj);
            depth++;
            break;
        case 2:
            take_string(&p, end, s);
            nb_json_out_string(&o, s);
            add(top, k, json_object_new_string(s));
            break;
        case 3: {
            int64_t v = 0;
            size_t n = (size_t)(end - p) < sizeof(v) ? (size_t)(end - p) : sizeof(v);
            memcpy(&v, p, n);
            p += n;
            nb_json_out_int(&o, v);
            add(top, k, json_object_new_int64(v));
            break;
        }
        case 4:
            nb_json_out_bool(&o, p < end && (*p & 1));
            add(top, k, json_object_new_boolean(p < end && (*p & 1)));
            break;
        default:
            nb_json_out_string(&o, NULL);
            add(top, k, NULL);
            break;
        }
    }
    while (depth > 0) {
        depth--;
        nb_json_out_close(&o, stack[depth].bracket == '{' ? '}' : ']');
    }
    if (nb_json_out_finish(&o) != NB_OK)
        abort();
    fclose(f);
    struct json_object *parsed = json_tokener_parse(text);
    if (!parsed || !json_object_equal(parsed, stack[0].obj)) {
        fprintf(stderr, "written:\n%s\nexpected:\n%s\n", text,
                json_object_to_json_string(stack[0].obj));
        abort();
    }
    json_object_put(parsed);
    json_object_put(stack[0].obj);
    free(text);
    return 0;
}
