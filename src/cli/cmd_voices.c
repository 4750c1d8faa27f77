/* cmd_voices.c - newsbrief voices [--lang L]: the voices available. */
#include "cli/cli.h"

#include "speech/speech.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: newsbrief voices [--lang L]\n"
    "\n"
    "Lists the voice profiles shipped in voices/ (what a briefing's 'voice' names)\n"
    "and the eSpeak NG voices they can use (what a profile's 'espeak' names).\n"
    "\n"
    "Options:\n"
    "  --lang L   only voices for language L ('en' includes en-gb, en-us...)\n";

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_profiles(const char *dir, const char *lang)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct nb_strv names;
    nb_strv_init(&names);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0 &&
            strncmp(e->d_name, "lexicon", 7) != 0)
            nb_strv_push(&names, e->d_name, n - 5);
    }
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof(*names.v), cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        struct nb_voice_profile v;
        struct nb_error err;
        nb_voice_profile_init(&v);
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s.yaml", dir, names.v[i]);
        if (nb_voice_profile_load(&v, path, &err) == NB_OK &&
            (!lang || strncmp(v.language, lang, strlen(lang)) == 0))
            printf("  %-16s %-12s %3d wpm  %s\n", names.v[i], v.espeak, v.rate, v.path);
        nb_voice_profile_release(&v);
    }
    nb_strv_release(&names);
}

static int run(int argc, char **argv)
{
    const char *lang = NULL;
    struct nb_cli_option opts[] = {{"--lang", NULL, &lang, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    int code = 0;
    nb_strv_init(&args);
    if (nb_cli_parse(&nb_cmd_voices, argc, argv, opts, &args, &code) < 0)
        goto out;
    if (args.n) {
        code = nb_cli_failf(NB_EXIT_INPUT, "voices: takes no arguments");
        goto out;
    }
    struct nb_speech *sp = NULL;
    struct nb_voice_list list = {NULL, 0};
    struct nb_error err;
    nb_error_init(&err);
    if (nb_speech_new(&sp, &err) != NB_OK || nb_speech_list_voices(sp, lang, &list, &err) != NB_OK) {
        code = nb_cli_fail(&err);
    } else if (list.n == 0 && lang) {
        code = nb_cli_failf(NB_EXIT_INPUT, "voices: eSpeak NG has no voice for '%s'", lang);
    } else {
        printf("Voice profiles (%s/voices):\n", NB_DATA_DIR);
        list_profiles(NB_DATA_DIR "/voices", lang);
        const char *extra = getenv("NEWSBRIEF_VOICES");
        if (extra && *extra) {
            printf("Voice profiles (%s):\n", extra);
            list_profiles(extra, lang);
        }
        printf("\neSpeak NG voices%s%s (add +f1..+f5, +m1..+m7 for variants):\n",
               lang ? " for " : "", lang ? lang : "");
        printf("  %-12s %-24s %s\n", "LANGUAGE", "IDENTIFIER", "NAME");
        for (size_t i = 0; i < list.n; i++)
            printf("  %-12s %-24s %s\n", list.v[i].language, list.v[i].identifier,
                   list.v[i].name);
    }
    nb_voice_list_release(&list);
    nb_speech_free(sp);
out:
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_voices = {
    "voices", "list voice profiles and eSpeak NG voices", usage, run};
