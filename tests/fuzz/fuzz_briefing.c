/* fuzz_briefing.c - briefing files (config/briefing.h): the input written
 * to briefing.yaml in a scratch folder that also holds an article and a
 * voice profile, then nb_briefing_load(); and the default output name of
 * its title. */
#include "config/briefing.h"
#include "fuzz_common.h"

static const char article[] = "Harbour bridge opens\n\nThe new bridge opened on Monday.\n";
static const char voice[] = "espeak: en-gb\nrate: 170\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        char sub[600];
        snprintf(sub, sizeof(sub), "%s/voices", fuzz_dir());
        mkdir(sub, 0700);
        snprintf(sub, sizeof(sub), "%s/articles", fuzz_dir());
        mkdir(sub, 0700);
        fuzz_write("articles/bridge.txt", article, sizeof(article) - 1);
        fuzz_write("articles/notes.md", article, sizeof(article) - 1);
        fuzz_write("voices/anchor.yaml", voice, sizeof(voice) - 1);
        fuzz_write("names.yaml", "entries:\n  Nguyen: Win\n", 23);
        ready = 1;
    }
    const char *path = fuzz_write("briefing.yaml", data, size);
    struct nb_briefing b;
    struct nb_error err;
    nb_error_init(&err);
    nb_briefing_init(&b);
    nb_status rc = nb_briefing_load(&b, path, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        if (!b.title || b.articles.n == 0)
            abort();
        struct nb_buf out;
        nb_buf_init(&out, 0);
        if (nb_briefing_default_output(b.title, &out) != NB_OK || out.len == 0)
            abort();
        nb_buf_release(&out);
    }
    nb_briefing_release(&b);
    return 0;
}
