/* fuzz_bulletin_e2e.c - the whole way (bulletin/bulletin.h): the input is
 * four files separated by lines "====": a briefing (briefing.yaml), a
 * voice profile (voices/anchor.yaml), a lexicon (names.yaml) and a script
 * text (story.script), in a scratch folder that also holds two articles of
 * our own.  nb_bulletin_script() makes the script from the briefing (in
 * this process, so that the fuzzer sees its coverage); the first segments
 * of that script (each cut to 160 bytes) and the input's own script (cut
 * to 400 bytes) are then spoken with eSpeak NG by nb_bulletin_speak_file()
 * in a child process, which _exit()s (eSpeak NG's state is the process's;
 * see NOTES-espeak-sndfile.md).  A child that crashes, or that reports
 * eSpeak NG failing (a crash or hang the sanitiser should have prevented),
 * aborts this process so that the fuzzer keeps the input.
 *
 * Briefings with a duration (fitting speaks in this process) or a URL
 * (the network) are skipped. */
#include "bulletin/bulletin.h"
#include "fuzz_common.h"
#include "script/script.h"
#include "text/utf8.h"

#include <signal.h>
#include <sys/wait.h>

#define SEP "\n====\n"
#define SPEAK_SEGMENTS 3
#define SEGMENT_MAX 160
#define SCRIPT_MAX 400

static const char article1[] =
    "Ferry timetable changes from Monday\n\n"
    "The island ferry will sail twice more each weekday from Monday, the operator said.\n\n"
    "\"We listened to commuters who wait an hour in the rain,\" said Maren Solli, the "
    "operator's head of routes.\n";
static const char article2[] =
    "Library extends opening hours\n\n"
    "The town library will open until 9pm on Thursdays from next month.\n\n"
    "The council said the change costs about 12,000 pounds a year.\n";

/* Cuts s to at most max bytes without splitting a UTF-8 sequence. */
static size_t cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

static int has(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

static void setup(void)
{
    static int ready;
    if (ready)
        return;
    char sub[600];
    snprintf(sub, sizeof(sub), "%s/voices", fuzz_dir());
    mkdir(sub, 0700);
    snprintf(sub, sizeof(sub), "%s/articles", fuzz_dir());
    mkdir(sub, 0700);
    snprintf(sub, sizeof(sub), "%s/cache", fuzz_dir());
    mkdir(sub, 0700);
    setenv("XDG_CACHE_HOME", sub, 1); /* feed state, if a briefing has feeds */
    unsetenv("NEWSBRIEF_DATA");
    unsetenv("NEWSBRIEF_VOICES");
    fuzz_write("articles/ferry.txt", article1, sizeof(article1) - 1);
    fuzz_write("articles/library.md", article2, sizeof(article2) - 1);
    ready = 1;
}

/* The short script the child speaks: the first segments of `s`, cut. */
static nb_status short_script(const struct nb_script *s, struct nb_buf *out, struct nb_error *err)
{
    struct nb_script cutdown;
    nb_script_init(&cutdown);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < s->n && i < SPEAK_SEGMENTS; i++) {
        const struct nb_segment *g = &s->segments[i];
        char *t = nb_strndup(g->text, cut(g->text, strlen(g->text), SEGMENT_MAX));
        if (!t)
            abort();
        rc = nb_script_add(&cutdown, g->kind, g->story, g->voice, t, NULL, "en-gb", err);
        free(t);
    }
    if (rc == NB_OK && nb_script_write_text(&cutdown, out) != NB_OK)
        abort();
    nb_script_release(&cutdown);
    return rc;
}

/* Speaks each file in a child; aborts when the child crashed. */
static void speak(const char *const *scripts, size_t n)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        abort();
    if (pid == 0) {
        int code = 0;
        for (size_t i = 0; i < n; i++) {
            char out[600];
            struct nb_error err;
            nb_error_init(&err);
            snprintf(out, sizeof(out), "%s/out-%zu.wav", fuzz_dir(), i);
            nb_status rc = nb_bulletin_speak_file(scripts[i], out, NULL, NULL, NULL, NULL, 1,
                                                  NULL, &err);
            if (rc == NB_ESYNTH) {
                char msg[1200];
                fprintf(stderr, "eSpeak NG failed on %s: %s\n", scripts[i],
                        nb_error_format(&err, msg, sizeof(msg)));
                code = 3;
            } else if (rc != NB_OK && err.message[0] == '\0') {
                code = 4;
            }
        }
        _exit(code);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        ;
    if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "the speaking child %s %d\n",
                WIFSIGNALED(status) ? "died of signal" : "exited with",
                WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data, *end = in + size;
    const char *part[4] = {in, "", "", ""};
    size_t len[4] = {size, 0, 0, 0};
    for (int i = 1; i < 4; i++) {
        const char *p = part[i - 1], *sep = NULL;
        for (const char *q = p; q + 6 <= end; q++)
            if (memcmp(q, SEP, 6) == 0) {
                sep = q;
                break;
            }
        if (!sep)
            break;
        len[i - 1] = (size_t)(sep - p);
        part[i] = sep + 6;
        len[i] = (size_t)(end - part[i]);
    }
    if (has(part[0], len[0], "duration") || has(part[0], len[0], "://"))
        return 0;
    setup();
    const char *briefing = fuzz_write("briefing.yaml", part[0], len[0]);
    char path[600];
    snprintf(path, sizeof(path), "%s", briefing);
    fuzz_write("voices/anchor.yaml", part[1], len[1]);
    fuzz_write("names.yaml", part[2], len[2]);
    const char *given = fuzz_write("story.script", part[3], cut(part[3], len[3], SCRIPT_MAX));
    char given_path[600];
    snprintf(given_path, sizeof(given_path), "%s", given);

    const char *scripts[2];
    size_t nscripts = 0;
    struct nb_bulletin bl;
    struct nb_error err;
    nb_error_init(&err);
    nb_bulletin_init(&bl);
    nb_status rc = nb_bulletin_script(&bl, path, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK && bl.script.n > 0) {
        struct nb_buf text;
        nb_buf_init(&text, 0);
        if (short_script(&bl.script, &text, &err) == NB_OK) {
            scripts[nscripts++] = fuzz_write("built.script", text.data, text.len);
            static char built_path[600];
            snprintf(built_path, sizeof(built_path), "%s", scripts[0]);
            scripts[0] = built_path;
        }
        nb_buf_release(&text);
    }
    nb_bulletin_release(&bl);

    /* the given script: spoken when it reads as one */
    struct nb_script s;
    nb_script_init(&s);
    size_t glen = cut(part[3], len[3], SCRIPT_MAX);
    if (nb_script_parse_text(&s, part[3], glen, "story.script", "en-gb", &err) == NB_OK)
        scripts[nscripts++] = given_path;
    nb_script_release(&s);
    if (nscripts > 0)
        speak(scripts, nscripts);
    return 0;
}
