/* cmd_voices.c - newsbrief voices [--lang L]: the voices available. */
#include "cli/cli.h"

#include "speech/speech.h"
#include "text/data_path.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: newsbrief voices [--lang L]\n"
    "\n"
    "Lists the voice profiles (what a briefing's 'voice' names) and the eSpeak NG\n"
    "voices they can use (what a profile's 'espeak' names).\n"
    "\n"
    "Options:\n"
    "  --lang L   only voices for language L ('en' includes en-gb, en-us...)\n"
    "\n"
    "Voice profiles, transition banks (transitions-LANG.yaml) and lexicons\n"
    "(lexicon-LANG.yaml) are looked for in this order; the first found is used:\n"
    "  $NEWSBRIEF_DATA/voices   a data folder of your own (also briefings/)\n"
    "  $NEWSBRIEF_VOICES        a folder of voice profiles\n"
    "  voices/, ../voices/      beside the briefing\n"
    "  the installed data       ../share/newsbrief/voices from the program\n"
    "This command lists the folders that hold profiles without a briefing.\n";

/* The profiles of folder `dir` that load, for language `lang` (NULL: all). */
static void list_profiles(const char *dir, const char *lang)
{
    struct nb_strv names;
    struct nb_buf path;
    nb_strv_init(&names);
    nb_buf_init(&path, 0);
    nb_voice_profile_list(dir, &names);
    for (size_t i = 0; i < names.n; i++) {
        struct nb_voice_profile v;
        struct nb_error err;
        nb_voice_profile_init(&v);
        nb_buf_reset(&path);
        if (strncmp(names.v[i], "lexicon", 7) != 0 &&
            nb_buf_addf(&path, "%s/%s.yaml", dir, names.v[i]) == NB_OK &&
            nb_voice_profile_load(&v, path.data, &err) == NB_OK &&
            (!lang || strncmp(v.language, lang, strlen(lang)) == 0))
            printf("  %-16s %-12s %3d wpm  %s\n", names.v[i], v.espeak, v.rate, v.path);
        nb_voice_profile_release(&v);
    }
    nb_buf_release(&path);
    nb_strv_release(&names);
}

/* Each folder of the voice search once, with its profiles. */
static nb_status list_folders(const char *lang, struct nb_error *err)
{
    struct nb_strv dirs;
    nb_strv_init(&dirs);
    if (nb_data_dirs(NB_DATA_VOICES, NULL, &dirs) != NB_OK) {
        nb_strv_release(&dirs);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    size_t shown = 0;
    for (size_t i = 0; i < dirs.n; i++) {
        if (!nb_data_dir_is_new(&dirs, i))
            continue;
        printf("Voice profiles (%s):\n", dirs.v[i]);
        list_profiles(dirs.v[i], lang);
        shown++;
    }
    if (!shown) {
        struct nb_buf looked;
        nb_buf_init(&looked, 0);
        nb_data_dirs_format(&dirs, &looked);
        printf("Voice profiles: none found (looked in %s)\n",
               looked.len ? looked.data : "no folder");
        nb_buf_release(&looked);
    }
    nb_strv_release(&dirs);
    return NB_OK;
}

static int run(int argc, char **argv)
{
    const char *lang = NULL;
    struct nb_cli_option opts[] = {{"--lang", NULL, &lang, NULL}, {NULL, NULL, NULL, NULL}};
    struct nb_strv args;
    int code = 0;
    nb_strv_init(&args);
    if (!nb_cli_parse(&nb_cmd_voices, argc, argv, opts, &args, &code))
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
    } else if (list_folders(lang, &err) != NB_OK) {
        code = nb_cli_fail(&err);
    } else {
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
