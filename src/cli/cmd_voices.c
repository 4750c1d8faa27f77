/* cmd_voices.c - newsbrief voices [--lang L]: the voices available. */
#include "cli/cli.h"

#include "config/voice_catalogue.h"
#include "speech/speech.h"

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

/* Each folder of the voice search once, with its profiles. */
static void print_catalogue(const struct nb_voice_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++) {
        const struct nb_voice_folder *f = &c->folders[i];
        printf("Voice profiles (%s):\n", f->dir);
        for (size_t k = 0; k < f->n; k++) {
            const struct nb_voice_profile *v = &f->profiles[k];
            printf("  %-16s %-12s %3d wpm  %s\n", f->names.v[k], v->espeak, v->rate, v->path);
        }
    }
    if (!c->n) {
        printf("Voice profiles: none found (looked in ");
        for (size_t i = 0; i < c->searched.n; i++)
            printf("%s%s", i ? ", " : "", c->searched.v[i]);
        printf("%s)\n", c->searched.n ? "" : "no folder");
    }
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
    struct nb_voice_catalogue cat;
    struct nb_error err;
    nb_voice_catalogue_init(&cat);
    nb_error_init(&err);
    if (nb_speech_new(&sp, &err) != NB_OK || nb_speech_list_voices(sp, lang, &list, &err) != NB_OK) {
        code = nb_cli_fail(&err);
    } else if (list.n == 0 && lang) {
        code = nb_cli_failf(NB_EXIT_INPUT, "voices: eSpeak NG has no voice for '%s'", lang);
    } else if (nb_voice_catalogue_load(&cat, lang, &err) != NB_OK) {
        code = nb_cli_fail(&err);
    } else {
        print_catalogue(&cat);
        printf("\neSpeak NG voices%s%s (add +f1..+f5, +m1..+m7 for variants):\n",
               lang ? " for " : "", lang ? lang : "");
        printf("  %-12s %-24s %s\n", "LANGUAGE", "IDENTIFIER", "NAME");
        for (size_t i = 0; i < list.n; i++)
            printf("  %-12s %-24s %s\n", list.v[i].language, list.v[i].identifier,
                   list.v[i].name);
    }
    nb_voice_catalogue_release(&cat);
    nb_voice_list_release(&list);
    nb_speech_free(sp);
out:
    nb_strv_release(&args);
    return code;
}

const struct nb_cli_command nb_cmd_voices = {
    "voices", "list voice profiles and eSpeak NG voices", usage, run};
