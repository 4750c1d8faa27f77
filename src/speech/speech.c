#include "speech/speech.h"

#include "speech/sanitise.h"
#include "text/buf.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <sndfile.h>

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

_Static_assert(sizeof(short) == sizeof(int16_t), "eSpeak NG hands over 16-bit shorts");

#define VOICE_NAME_MAX 80

/* eSpeak NG's state is process-wide: at most one nb_speech at a time.
 * espeak_ng_Terminate() works once per process: after a second
 * espeak_ng_Initialize() it waits forever for its queue thread (1.51), so
 * only the first nb_speech_free() terminates. */
static int speech_live;
static int speech_terminated;

struct nb_speech {
    unsigned rate;
    const char *version;
    struct nb_buf text;           /* sanitised text, reused */
    struct nb_speech_voice voice; /* the current voice; name owned */
    int have_voice;
    /* the voice eSpeak NG holds: the name last selected ("" when not
     * known) and whether it differs from `voice` with its settings.  A
     * voice change that no synthesis follows stays in eSpeak NG's command
     * queue until the queue wraps and drops it unfreed (1.51: a voice_t,
     * 1,344 bytes, lost per change), so phonemes and checks select a voice
     * only when it is not the one held, and leave it for the next
     * synthesis to put `voice` back. */
    char selected[VOICE_NAME_MAX + 1];
    int dirty;
    /* eSpeak NG's variants ("!v/f3"), listed once: listing reads every
     * file of its voices folder */
    char **variants;
    size_t nvariants;
    char **voices; /* the names eSpeak NG's voices go by */
    size_t nvoices;
    int listed;
};

static void note_selected(struct nb_speech *sp, const char *name);
static nb_status list_variants(struct nb_speech *sp);

/* Where the synthesis callback puts samples: passed as user_data. */
struct sample_sink {
    struct nb_pcm *out;
    int failed;
};

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    struct sample_sink *sink = events ? events[0].user_data : NULL;
    if (!sink || !wav || n <= 0)
        return 0;
    if (nb_pcm_add(sink->out, (const int16_t *)wav, (size_t)n) != NB_OK) {
        sink->failed = 1;
        return 1; /* stop synthesis */
    }
    return 0;
}

/* Refuses every URI: without this callback an SSML <audio> tag makes eSpeak
 * NG run a shell command built from the file name. */
static int on_uri(int type, const char *uri, const char *base)
{
    (void)type;
    (void)uri;
    (void)base;
    return 1;
}

static const char *status_text(espeak_ng_STATUS st, char *buf, size_t size)
{
    espeak_ng_GetStatusCodeMessage(st, buf, size);
    return buf;
}

static void *no_work(void *arg)
{
    return arg;
}

/* 1 when this process can start a thread: eSpeak NG starts one as it
 * initialises and aborts (an assertion) when it cannot, as under a small
 * address-space limit (ulimit -v). */
static int can_start_thread(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, no_work, NULL) != 0)
        return 0;
    pthread_join(t, NULL);
    return 1;
}

/* eSpeak NG 1.51 makes an audio device object even for synchronous
 * output: libpcaudio connects to a PulseAudio server (or has one started)
 * and prints to standard error when it cannot ("mmap() failed").
 * newsbrief never plays audio: for the time of the calls PulseAudio is
 * pointed at no server and what the libraries print goes nowhere. */
struct quiet {
    char *pulse; /* PULSE_SERVER as it was; NULL: unset */
    int had_pulse, saved_stderr;
};

static void quiet_begin(struct quiet *q)
{
    const char *p = getenv("PULSE_SERVER");
    q->had_pulse = p != NULL;
    q->pulse = p ? nb_strdup(p) : NULL;
    setenv("PULSE_SERVER", "unix:/nonexistent/newsbrief-plays-no-audio", 1);
    fflush(stderr);
    q->saved_stderr = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
}

static void quiet_end(struct quiet *q)
{
    if (q->saved_stderr >= 0) {
        dup2(q->saved_stderr, STDERR_FILENO);
        close(q->saved_stderr);
    }
    if (q->had_pulse && q->pulse)
        setenv("PULSE_SERVER", q->pulse, 1);
    else
        unsetenv("PULSE_SERVER");
    free(q->pulse);
}

nb_status nb_speech_new(struct nb_speech **out, struct nb_error *err)
{
    *out = NULL;
    if (speech_live)
        return nb_error_set(err, NB_EINTERNAL, "eSpeak NG is already in use in this process");
    struct nb_speech *sp = calloc(1, sizeof(*sp));
    if (!sp)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_init(&sp->text, 0);

    char msg[256];
    if (!can_start_thread()) {
        free(sp);
        return nb_error_set(err, NB_ENOMEM,
                            "out of memory: cannot start eSpeak NG (no room for its thread)");
    }
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    struct quiet q;
    quiet_begin(&q);
    espeak_ng_InitializePath(NULL);
    espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
    if (st == ENS_OK)
        st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    quiet_end(&q);
    if (st != ENS_OK) {
        espeak_ng_ClearErrorContext(&ctx);
        free(sp);
        return nb_error_set(err, NB_ESYNTH, "cannot start eSpeak NG: %s",
                            status_text(st, msg, sizeof(msg)));
    }
    speech_live = 1;
    espeak_SetSynthCallback(on_samples);
    espeak_SetUriCallback(on_uri);
    /* eSpeak NG reads every voice file to list them, and lists them to
     * find a voice by language ("en"): the variants are listed first, so
     * that the one reading serves both, and before any worker is forked
     * (speech/workers.h), so that none reads them again */
    (void)list_variants(sp);        /* out of memory: listed again when needed */
    espeak_ng_SetVoiceByName("en"); /* a voice until the caller picks one */
    note_selected(sp, "en");
    int rate = espeak_ng_GetSampleRate();
    sp->rate = rate > 0 ? (unsigned)rate : 22050u;
    sp->version = espeak_Info(NULL);
    *out = sp;
    return NB_OK;
}

void nb_speech_free(struct nb_speech *sp)
{
    if (!sp)
        return;
    if (!speech_terminated) {
        espeak_ng_Terminate();
        speech_terminated = 1;
    }
    speech_live = 0;
    nb_buf_release(&sp->text);
    free((char *)sp->voice.name);
    for (size_t i = 0; i < sp->nvariants; i++)
        free(sp->variants[i]);
    free(sp->variants);
    for (size_t i = 0; i < sp->nvoices; i++)
        free(sp->voices[i]);
    free(sp->voices);
    free(sp);
}

unsigned nb_speech_sample_rate(const struct nb_speech *sp)
{
    return sp->rate;
}

const char *nb_speech_espeak_version(const struct nb_speech *sp)
{
    return sp->version ? sp->version : "unknown";
}

const char *nb_speech_sndfile_version(void)
{
    return sf_version_string();
}

/* Adds a copy of s to the list *v (n entries); 0, or -1 out of memory. */
static int push_name(char ***v, size_t *n, size_t *alloc, const char *s)
{
    if (*n == *alloc) {
        size_t a = *alloc ? *alloc * 2 : 64;
        char **nv = realloc(*v, a * sizeof(*nv));
        if (!nv)
            return -1;
        *v = nv;
        *alloc = a;
    }
    if (!((*v)[*n] = nb_strdup(s)))
        return -1;
    (*n)++;
    return 0;
}

/* Lists eSpeak NG's voices and variants into sp, once: the voices (not
 * the MBROLA ones) as eSpeak NG lists them, each as its identifier
 * ("gmw/en-GB"), its file name ("en-GB") and its languages ("en-gb",
 * "en"); the variants from the file names of its voices/!v folder, as
 * "!v/f3" (no file is read for them). */
static nb_status list_variants(struct nb_speech *sp)
{
    if (sp->listed)
        return NB_OK;
    size_t alloc = 0, valloc = 0;
    int failed = 0;
    const espeak_VOICE **list = espeak_ListVoices(NULL);
    for (size_t i = 0; list && list[i] && !failed; i++) {
        const espeak_VOICE *v = list[i];
        if (!v->identifier)
            continue;
        const char *slash = strrchr(v->identifier, '/');
        failed = push_name(&sp->voices, &sp->nvoices, &valloc, v->identifier) ||
                 (slash && push_name(&sp->voices, &sp->nvoices, &valloc, slash + 1));
        /* languages: a priority byte, then the name, then NUL; an empty name ends */
        for (const char *l = v->languages; l && l[0] && l[1] && !failed; l += strlen(l + 1) + 2)
            failed = push_name(&sp->voices, &sp->nvoices, &valloc, l + 1);
    }
    const char *data = NULL;
    espeak_Info(&data);
    char dir[4096];
    DIR *d = NULL;
    if (data && (size_t)snprintf(dir, sizeof(dir), "%s/voices/!v", data) < sizeof(dir))
        d = opendir(dir);
    struct dirent *e;
    while (d && !failed && (e = readdir(d))) {
        char id[VOICE_NAME_MAX + 8];
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len <= VOICE_NAME_MAX) {
            memcpy(id, "!v/", 3);
            memcpy(id + 3, e->d_name, len + 1);
            failed = push_name(&sp->variants, &sp->nvariants, &alloc, id);
        }
    }
    if (d)
        closedir(d);
    sp->listed = !failed; /* else listed again next time */
    if (failed) {
        for (size_t i = 0; i < sp->nvariants; i++)
            free(sp->variants[i]);
        for (size_t i = 0; i < sp->nvoices; i++)
            free(sp->voices[i]);
        free(sp->variants);
        free(sp->voices);
        sp->variants = sp->voices = NULL;
        sp->nvariants = sp->nvoices = 0;
    }
    return failed ? NB_ENOMEM : NB_OK;
}

/* 1 when `name` is one of eSpeak NG's voices by identifier, file name or
 * language (case aside): never a path of eSpeak NG's folders or beyond.
 * The voices must have been listed. */
static int voice_known(struct nb_speech *sp, const char *name)
{
    for (size_t i = 0; i < sp->nvoices; i++)
        if (strcasecmp(sp->voices[i], name) == 0)
            return 1;
    return 0;
}

/* 1 when eSpeak NG has the variant file voices/!v/<variant>.  The
 * variants must have been listed. */
static int variant_exists(struct nb_speech *sp, const char *variant)
{
    char id[VOICE_NAME_MAX + 8];
    /* "+3" means "+m3", as eSpeak NG reads it */
    int digits = variant[0] >= '0' && variant[0] <= '9';
    snprintf(id, sizeof(id), "!v/%s%s", digits ? "m" : "", variant);
    for (size_t i = 0; i < sp->nvariants; i++)
        if (strcmp(sp->variants[i], id) == 0)
            return 1;
    return 0;
}

int nb_speech_voice_is_mbrola(const char *name)
{
    /* they start the program mbrola from $PATH */
    return strncasecmp(name, "mb-", 3) == 0 || strncasecmp(name, "mb/", 3) == 0;
}

/* Selects voice `name` ("en-gb", "en-gb+f3") as the espeak-ng program
 * does: by voice file name first, then by language.  The name must be one
 * eSpeak NG lists (a voice's identifier, file name or language): a path
 * such as "../../dev/zero" would have it open any file as a voice.  An
 * unknown variant is an error here (eSpeak NG would ignore it); MBROLA
 * voices are refused. */
static nb_status select_voice(struct nb_speech *sp, const char *name, struct nb_error *err)
{
    if (list_variants(sp) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    char base[VOICE_NAME_MAX + 1];
    size_t n = strlen(name);
    const char *plus = strchr(name, '+');
    size_t blen = plus ? (size_t)(plus - name) : n;
    int ok = n > 0 && n <= VOICE_NAME_MAX && blen > 0 && (!plus || plus[1]);
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)name[i] >= 0x20 && name[i] != 0x7F;
    if (ok && plus && !variant_exists(sp, plus + 1))
        ok = 0;
    if (ok) {
        memcpy(base, name, blen);
        base[blen] = '\0';
        if (nb_speech_voice_is_mbrola(base))
            return nb_error_set(err, NB_EINPUT,
                                "'%s' is an MBROLA voice: newsbrief does not use them (eSpeak NG "
                                "would start the external program mbrola)",
                                name);
        /* a name eSpeak NG lists, never a path it would open */
        ok = voice_known(sp, base);
    }
    if (ok) {
        if (espeak_ng_SetVoiceByName(base) != ENS_OK) {
            espeak_VOICE spec;
            memset(&spec, 0, sizeof(spec));
            spec.languages = base;
            ok = espeak_ng_SetVoiceByProperties(&spec) == ENS_OK;
        }
    }
    if (ok && plus) {
        espeak_VOICE *cur = espeak_GetCurrentVoice();
        char full[2 * VOICE_NAME_MAX + 2];
        ok = cur && cur->identifier &&
             (size_t)snprintf(full, sizeof(full), "%s%s", cur->identifier, plus) < sizeof(full) &&
             espeak_ng_SetVoiceByName(full) == ENS_OK;
    }
    if (!ok)
        return nb_error_set(err, NB_EINPUT, "eSpeak NG has no voice '%s'", name);
    return NB_OK;
}

/* Records that eSpeak NG holds voice `name` (or nothing known). */
static void note_selected(struct nb_speech *sp, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n >= sizeof(sp->selected))
        n = 0;
    memcpy(sp->selected, name ? name : "", n);
    sp->selected[n] = '\0';
}

/* Selects `name` unless eSpeak NG holds it already; then the current
 * voice's settings are no longer in effect. */
static nb_status select_if_needed(struct nb_speech *sp, const char *name, struct nb_error *err)
{
    if (sp->selected[0] && strcmp(sp->selected, name) == 0)
        return NB_OK;
    sp->dirty = 1;
    nb_status rc = select_voice(sp, name, err);
    note_selected(sp, rc == NB_OK ? name : NULL);
    /* nothing to say: runs the wave generator over the queued voice
     * change, which frees it (well under a millisecond) */
    char nothing[1] = "";
    espeak_ng_Synthesize(nothing, 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    return rc;
}

static nb_status apply_voice(struct nb_speech *sp, const struct nb_speech_voice *v,
                             struct nb_error *err)
{
    sp->dirty = 1;
    nb_status rc = select_voice(sp, v->name, err);
    note_selected(sp, rc == NB_OK ? v->name : NULL);
    if (rc != NB_OK)
        return rc;
    if (espeak_ng_SetParameter(espeakRATE, v->rate, 0) != ENS_OK ||
        espeak_ng_SetParameter(espeakPITCH, v->pitch, 0) != ENS_OK ||
        espeak_ng_SetParameter(espeakRANGE, v->range, 0) != ENS_OK ||
        espeak_ng_SetParameter(espeakVOLUME, v->volume, 0) != ENS_OK)
        return nb_error_set(err, NB_ESYNTH, "eSpeak NG refused the settings of voice '%s'",
                            v->name);
    sp->dirty = 0;
    return NB_OK;
}

/* Puts the current voice (or eSpeak NG's "en") back before synthesis
 * when a phoneme lookup or a check selected another. */
static nb_status restore_voice(struct nb_speech *sp, struct nb_error *err)
{
    if (!sp->dirty)
        return NB_OK;
    if (sp->have_voice)
        return apply_voice(sp, &sp->voice, err);
    if (espeak_ng_SetVoiceByName("en") != ENS_OK)
        return nb_error_set(err, NB_ESYNTH, "eSpeak NG has no voice 'en'");
    note_selected(sp, "en");
    sp->dirty = 0;
    return NB_OK;
}

nb_status nb_speech_check_voice(struct nb_speech *sp, const char *name, struct nb_error *err)
{
    /* checking selects the voice; the next synthesis puts back the one
     * in use */
    return select_if_needed(sp, name, err);
}

nb_status nb_speech_check_variant(const char *variant, struct nb_error *err)
{
    size_t n = strlen(variant);
    int ok = n > 0 && n <= VOICE_NAME_MAX && variant[0] != '.';
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)variant[i] > 0x20 && variant[i] != 0x7F && variant[i] != '/';
    /* where eSpeak NG keeps its data: set by the first nb_speech_new(),
     * else found now as it would be (its data path is all this sets) */
    const char *data = NULL;
    if (ok && !speech_live)
        espeak_ng_InitializePath(NULL);
    if (ok)
        espeak_Info(&data);
    char path[4096];
    struct stat st;
    /* "+3" means "+m3", as eSpeak NG reads it */
    int digits = variant[0] >= '0' && variant[0] <= '9';
    ok = ok && data && data[0] &&
         (size_t)snprintf(path, sizeof(path), "%s/voices/!v/%s%s", data, digits ? "m" : "",
                          variant) < sizeof(path) &&
         stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (!ok)
        return nb_error_set(err, NB_EINPUT,
                            "eSpeak NG has no variant '%s' (variants such as f3 or m7)", variant);
    return NB_OK;
}

nb_status nb_speech_phonemes(struct nb_speech *sp, const char *voice, const char *text, size_t len,
                             struct nb_buf *out, struct nb_error *err)
{
    nb_status rc = select_if_needed(sp, voice, err);
    if (rc == NB_OK) {
        nb_buf_reset(&sp->text);
        rc = nb_speech_sanitise(text, len, &sp->text);
        if (rc == NB_OK && nb_buf_addc(&sp->text, '\0') != NB_OK)
            rc = NB_ENOMEM;
        if (rc != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    const void *p = sp->text.data;
    while (rc == NB_OK && p) {
        const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
        if (!ph)
            break;
        while (*ph == ' ')
            ph++;
        if (*ph && ((out->len && nb_buf_addc(out, ' ') != NB_OK) || nb_buf_adds(out, ph) != NB_OK))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return rc;
}

nb_status nb_speech_word(struct nb_speech *sp, const char *voice, const char *word,
                         struct nb_buf *out, int *known, struct nb_error *err)
{
    *known = 0;
    char *trace = NULL;
    size_t tlen = 0;
    FILE *f = open_memstream(&trace, &tlen);
    if (!f)
        return nb_error_set(err, NB_EIO, "cannot trace eSpeak NG's reading of '%s'", word);
    espeak_SetPhonemeTrace(espeakPHONEMES_TRACE, f);
    nb_status rc = nb_speech_phonemes(sp, voice, word, strlen(word), out, err);
    espeak_SetPhonemeTrace(0, NULL);
    fclose(f);
    /* the trace says "Found: 'putin' [p'u:tIn]" for a word of the
     * dictionary, "Translate 'stoere'" for one read by the letter rules */
    if (rc == NB_OK && trace)
        *known = strstr(trace, "Found: '") != NULL && strstr(trace, "Translate '") == NULL;
    free(trace);
    return rc;
}

nb_status nb_speech_set_voice(struct nb_speech *sp, const struct nb_speech_voice *voice,
                              struct nb_error *err)
{
    if (!voice->name)
        return nb_error_set(err, NB_EINTERNAL, "voice without a name");
    if (voice->rate < 80 || voice->rate > 450)
        return nb_error_set(err, NB_EINPUT, "voice '%s': rate %d is not in 80..450", voice->name,
                            voice->rate);
    if (voice->pitch < 0 || voice->pitch > 100)
        return nb_error_set(err, NB_EINPUT, "voice '%s': pitch %d is not in 0..100", voice->name,
                            voice->pitch);
    if (voice->range < 0 || voice->range > 100)
        return nb_error_set(err, NB_EINPUT, "voice '%s': range %d is not in 0..100", voice->name,
                            voice->range);
    if (voice->volume < 0 || voice->volume > 200)
        return nb_error_set(err, NB_EINPUT, "voice '%s': volume %d is not in 0..200", voice->name,
                            voice->volume);
    char *name = nb_strdup(voice->name);
    if (!name)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = apply_voice(sp, voice, err);
    if (rc != NB_OK) {
        free(name);
        return rc;
    }
    free((char *)sp->voice.name);
    sp->voice = *voice;
    sp->voice.name = name;
    sp->have_voice = 1;
    return NB_OK;
}

nb_status nb_speech_say(struct nb_speech *sp, const char *text, size_t len, struct nb_pcm *out,
                        struct nb_error *err)
{
    return nb_speech_say_ex(sp, text, len, 0, out, err);
}

nb_status nb_speech_say_ex(struct nb_speech *sp, const char *text, size_t len, unsigned flags,
                           struct nb_pcm *out, struct nb_error *err)
{
    if (out->rate != sp->rate)
        return nb_error_set(err, NB_EINTERNAL, "samples at %u Hz given to a %u Hz synthesiser",
                            out->rate, sp->rate);
    int phonemes = (flags & NB_SPEECH_PHONEMES) != 0;
    nb_buf_reset(&sp->text);
    if (nb_speech_sanitise_ex(text, len, phonemes ? NB_SANITISE_PHONEMES : 0, &sp->text) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (!sp->text.len)
        return NB_OK;
    nb_status vrc = restore_voice(sp, err);
    if (vrc != NB_OK)
        return vrc;
    size_t start = out->n;
    struct sample_sink sink = {out, 0};
    /* espeakPHONEMES only with the sanitiser's phoneme spans: then every
     * "[[" left in the text opens a span it checked */
    unsigned synth_flags = espeakCHARS_UTF8 | espeakENDPAUSE | (phonemes ? espeakPHONEMES : 0);
    espeak_ng_STATUS st = espeak_ng_Synthesize(sp->text.data, sp->text.len + 1, 0, POS_CHARACTER, 0,
                                               synth_flags, NULL, &sink);
    if (sink.failed) {
        out->n = start;
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (st != ENS_OK) {
        char msg[256];
        out->n = start;
        return nb_error_set(err, NB_ESYNTH, "eSpeak NG failed: %s",
                            status_text(st, msg, sizeof(msg)));
    }
    /* espeakENDPAUSE ends the text as the espeak-ng program does, with a
     * pause of exact zeros; the caller chooses its own pauses. */
    while (out->n > start && out->samples[out->n - 1] == 0)
        out->n--;
    return NB_OK;
}

/* 1 when `code` is `lang` or a more specific form of it ("en" -> "en-gb"). */
static int language_matches(const char *code, const char *lang)
{
    size_t n = strlen(lang);
    return strncasecmp(code, lang, n) == 0 && (code[n] == '\0' || code[n] == '-');
}

/* eSpeak NG's `languages`: a priority byte, a NUL-terminated code, ...,
 * ended by a zero priority. */
static int voice_matches(const espeak_VOICE *v, const char *lang)
{
    if (!v->languages)
        return 0;
    if (!lang)
        return 1;
    for (const char *p = v->languages; *p; p += strlen(p + 1) + 2)
        if (language_matches(p + 1, lang))
            return 1;
    return 0;
}

static int compare_voices(const void *a, const void *b)
{
    const struct nb_voice_info *x = a, *y = b;
    int c = strcmp(x->language, y->language);
    return c ? c : strcmp(x->identifier, y->identifier);
}

nb_status nb_speech_list_voices(struct nb_speech *sp, const char *lang, struct nb_voice_list *out,
                                struct nb_error *err)
{
    (void)sp;
    out->v = NULL;
    out->n = 0;
    const espeak_VOICE **all = espeak_ListVoices(NULL);
    size_t total = 0;
    while (all && all[total])
        total++;
    if (!total)
        return NB_OK;
    out->v = calloc(total, sizeof(*out->v));
    if (!out->v)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < total; i++) {
        const espeak_VOICE *v = all[i];
        if (!voice_matches(v, lang))
            continue;
        struct nb_voice_info *info = &out->v[out->n++];
        info->name = nb_strdup(v->name ? v->name : "");
        info->identifier = nb_strdup(v->identifier ? v->identifier : "");
        info->language = nb_strdup(v->languages[0] ? v->languages + 1 : "");
        info->gender = v->gender;
        if (!info->name || !info->identifier || !info->language) {
            nb_voice_list_release(out);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
    }
    qsort(out->v, out->n, sizeof(*out->v), compare_voices);
    return NB_OK;
}

void nb_voice_list_release(struct nb_voice_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].name);
        free(list->v[i].identifier);
        free(list->v[i].language);
    }
    free(list->v);
    list->v = NULL;
    list->n = 0;
}
