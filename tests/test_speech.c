#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "speech/pcm.h"
#include "speech/speech.h"
#include "support.h"
#include "text/buf.h"

static const struct nb_speech_voice anchor = {"en-gb", 175, 50, 50, 100};

static const char *const sequence[] = {
    "Good evening. Here is the news.",
    "The harbour tunnel will open in the spring, the council said on Tuesday.",
    "Fishing boats returned early as freezing fog closed the Arctic ports.",
};

static double rms(const struct nb_pcm *p, size_t from, size_t to)
{
    double sum = 0;
    for (size_t i = from; i < to; i++)
        sum += (double)p->samples[i] * p->samples[i];
    return to > from ? __builtin_sqrt(sum / (double)(to - from)) : 0.0;
}

static uint32_t fnv1a(const struct nb_pcm *p)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < p->n; i++) {
        h ^= (uint16_t)p->samples[i];
        h *= 16777619u;
    }
    return h;
}

static void say_ok(struct nb_speech *sp, const char *text, struct nb_pcm *out)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_speech_say(sp, text, strlen(text), out, &err);
    if (rc != NB_OK)
        fail_msg("say: %s", err.message);
}

static void set_voice_ok(struct nb_speech *sp, const struct nb_speech_voice *v)
{
    struct nb_error err;
    if (nb_speech_set_voice(sp, v, &err) != NB_OK)
        fail_msg("set voice %s: %s", v->name, err.message);
}

/* Forks; the child runs fn(sp, arg, fd) and _exits 0; the parent collects
 * what it wrote.  Returns the child's exit status (128+signal if killed). */
typedef void child_fn(struct nb_speech *sp, const void *arg, int fd);

static void write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n <= 0)
            _exit(3);
        p += n;
        len -= (size_t)n;
    }
}

static int in_child(struct nb_speech *sp, child_fn *fn, const void *arg, struct nb_buf *out)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        fn(sp, arg, fds[1]);
        close(fds[1]);
        _exit(0); /* never espeak_ng_Terminate in a forked child: it hangs */
    }
    close(fds[1]);
    char tmp[65536];
    ssize_t n;
    while ((n = read(fds[0], tmp, sizeof(tmp))) > 0)
        assert_int_equal(nb_buf_add(out, tmp, (size_t)n), 0);
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

static int setup(void **state)
{
    struct nb_speech *sp = NULL;
    struct nb_error err;
    if (nb_speech_new(&sp, &err) != NB_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    *state = sp;
    return 0;
}

static int teardown(void **state)
{
    nb_speech_free(*state);
    return 0;
}

static void test_versions_and_rate(void **state)
{
    struct nb_speech *sp = *state;
    assert_int_equal(nb_speech_sample_rate(sp), 22050);
    const char *v = nb_speech_espeak_version(sp);
    assert_true(v[0] >= '1' && v[0] <= '9' && strchr(v, '.'));
    assert_memory_equal(nb_speech_sndfile_version(), "libsndfile-", 11);
}

static void test_one_instance_at_a_time(void **state)
{
    (void)state;
    struct nb_speech *second = (struct nb_speech *)&second;
    struct nb_error err;
    assert_int_equal(nb_speech_new(&second, &err), NB_EINTERNAL);
    assert_null(second);
    nb_speech_free(NULL);
}

static void test_check_voice(void **state)
{
    struct nb_speech *sp = *state;
    static const char *const good[] = {"en-gb",      "en-us",  "en",     "en-gb+f3",
                                       "en-gb-x-rp", "en+m3",  "en-GB",  "en-us+Andy",
                                       "de",         "gmw/en", "fr+f1"};
    for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
        struct nb_error err;
        nb_error_init(&err);
        if (nb_speech_check_voice(sp, good[i], &err) != NB_OK)
            fail_msg("%s: %s", good[i], err.message);
    }
    static const char *const bad[] = {"xx-yy", "en+nosuchvariant", "", "+f3", "en+", "nosuch",
                                      "en\x01", "en-gb+../../etc",
                                      /* paths eSpeak NG would open as voice files: one
                                         hung a build reading /dev/zero */
                                      "../../../../dev/zero", "../../../../etc/passwd",
                                      "/etc/passwd", "../voices/!v/f3", "!v/f3", "gmw/../en"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_speech_check_voice(sp, bad[i], &err), NB_EINPUT);
        char want[128];
        snprintf(want, sizeof(want), "eSpeak NG has no voice '%s'", bad[i]);
        assert_string_equal(err.message, want);
    }
    /* MBROLA voices would start the program mbrola from $PATH */
    static const char *const mbrola[] = {"mb-en1", "MB-de2", "mb/mb-en1", "mb-us1+f3"};
    for (size_t i = 0; i < sizeof(mbrola) / sizeof(*mbrola); i++) {
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_speech_check_voice(sp, mbrola[i], &err), NB_EINPUT);
        assert_non_null(strstr(err.message, "is an MBROLA voice"));
    }
}

/* A variant is a file of eSpeak NG's voices/!v folder, by its bare name. */
static void test_check_variant(void **state)
{
    (void)state; /* no nb_speech needed, but one exists here */
    static const char *const good[] = {"f3", "m7", "3", "klatt", "Andy", "m1"};
    for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
        struct nb_error err;
        nb_error_init(&err);
        if (nb_speech_check_variant(good[i], &err) != NB_OK)
            fail_msg("%s: %s", good[i], err.message);
    }
    static const char *const bad[] = {"zz9", "",      "..", ".",           "../!v/f3",
                                      "f3/", "!v/f3", "f9", "/etc/passwd", "f3\x01"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_speech_check_variant(bad[i], &err), NB_EINPUT);
        char want[128];
        snprintf(want, sizeof(want), "eSpeak NG has no variant '%s' (variants such as f3 or m7)",
                 bad[i]);
        assert_string_equal(err.message, want);
    }
    assert_true(nb_speech_voice_is_mbrola("mb-en1"));
    assert_true(nb_speech_voice_is_mbrola("MB/mb-de2"));
    assert_false(nb_speech_voice_is_mbrola("en-gb"));
}

static void test_list_voices(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_voice_list all, en, none;
    struct nb_error err;
    assert_int_equal(nb_speech_list_voices(sp, NULL, &all, &err), NB_OK);
    assert_int_equal(nb_speech_list_voices(sp, "en", &en, &err), NB_OK);
    assert_int_equal(nb_speech_list_voices(sp, "xx", &none, &err), NB_OK);
    assert_true(all.n > 50);
    assert_true(en.n >= 3 && en.n < all.n);
    assert_int_equal(none.n, 0);
    int gb = 0, us = 0;
    for (size_t i = 0; i < en.n; i++) {
        const struct nb_voice_info *v = &en.v[i];
        assert_true(strncmp(v->language, "en", 2) == 0);
        assert_true(v->language[2] == '\0' || v->language[2] == '-');
        assert_true(v->name[0] && v->identifier[0]);
        assert_true(v->gender >= 0 && v->gender <= 2);
        gb += strcmp(v->language, "en-gb") == 0 && strcmp(v->identifier, "gmw/en") == 0;
        us += strcmp(v->language, "en-us") == 0;
        if (i > 0) {
            int c = strcmp(en.v[i - 1].language, v->language);
            assert_true(c < 0 || (c == 0 && strcmp(en.v[i - 1].identifier, v->identifier) < 0));
        }
    }
    assert_int_equal(gb, 1);
    assert_true(us >= 1);
    /* "e" is not a prefix language of "en" */
    struct nb_voice_list e;
    assert_int_equal(nb_speech_list_voices(sp, "e", &e, &err), NB_OK);
    assert_int_equal(e.n, 0);
    nb_voice_list_release(&e);
    nb_voice_list_release(&all);
    nb_voice_list_release(&en);
    nb_voice_list_release(&none);
    nb_voice_list_release(&none); /* twice is harmless */
}

static void test_say_makes_speech(void **state)
{
    struct nb_speech *sp = *state;
    set_voice_ok(sp, &anchor);
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    say_ok(sp, sequence[1], &p);
    /* 13 words at 175 words a minute: about four and a half seconds */
    double secs = nb_pcm_seconds(&p);
    assert_true(secs > 2.5 && secs < 7.0);
    assert_true(rms(&p, 0, p.n) > 1000.0);
    assert_int_not_equal(p.samples[p.n - 1], 0); /* no trailing pause */

    struct nb_speech_voice fast = anchor;
    fast.rate = 350;
    set_voice_ok(sp, &fast);
    struct nb_pcm q;
    nb_pcm_init(&q, nb_speech_sample_rate(sp));
    say_ok(sp, sequence[1], &q);
    assert_true(nb_pcm_seconds(&q) < 0.7 * secs);
    assert_true(rms(&q, 0, q.n) > 1000.0);

    /* appending keeps what was there */
    size_t before = q.n;
    int16_t first = q.samples[100];
    say_ok(sp, "And more.", &q);
    assert_true(q.n > before);
    assert_int_equal(q.samples[100], first);

    struct nb_speech_voice quiet = anchor;
    quiet.volume = 20;
    set_voice_ok(sp, &quiet);
    struct nb_pcm r;
    nb_pcm_init(&r, nb_speech_sample_rate(sp));
    say_ok(sp, sequence[1], &r);
    assert_true(rms(&r, 0, r.n) < 0.5 * rms(&p, 0, p.n));
    nb_pcm_release(&p);
    nb_pcm_release(&q);
    nb_pcm_release(&r);
}

static void test_say_nothing(void **state)
{
    struct nb_speech *sp = *state;
    set_voice_ok(sp, &anchor);
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    say_ok(sp, "", &p);
    say_ok(sp, "  \n\t ", &p);
    say_ok(sp, "\xf0\x9f\x98\x80\xf0\x9f\x8e\x89\x01\x02", &p);
    assert_int_equal(p.n, 0);
    nb_pcm_release(&p);
}

static void test_errors(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_error err;
    struct nb_pcm p;
    nb_pcm_init(&p, 44100);
    assert_int_equal(nb_speech_say(sp, "x", 1, &p, &err), NB_EINTERNAL);
    assert_int_equal(p.n, 0);
    struct nb_speech_voice v = anchor;
    v.name = "xx-yy";
    assert_int_equal(nb_speech_set_voice(sp, &v, &err), NB_EINPUT);
    assert_string_equal(err.message, "eSpeak NG has no voice 'xx-yy'");
    v = anchor;
    v.rate = 79;
    assert_int_equal(nb_speech_set_voice(sp, &v, &err), NB_EINPUT);
    v = anchor;
    v.volume = 201;
    assert_int_equal(nb_speech_set_voice(sp, &v, &err), NB_EINPUT);
    v = anchor;
    v.pitch = -1;
    assert_int_equal(nb_speech_set_voice(sp, &v, &err), NB_EINPUT);
    nb_pcm_release(&p);
}

/* The child speaks `arg` and writes how many samples it got and their RMS. */
static void speak_child(struct nb_speech *sp, const void *arg, int fd)
{
    struct nb_error err;
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    if (nb_speech_set_voice(sp, &anchor, &err) != NB_OK ||
        nb_speech_say(sp, arg, strlen(arg), &p, &err) != NB_OK)
        _exit(2);
    double r = rms(&p, 0, p.n);
    write_all(fd, &p.n, sizeof(p.n));
    write_all(fd, &r, sizeof(r));
    nb_pcm_release(&p);
}

static char *repeat(const char *unit, const char *sep, size_t n)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        if (i)
            nb_buf_adds(&b, sep);
        nb_buf_adds(&b, unit);
    }
    return nb_buf_detach(&b, NULL);
}

/* Texts that abort Debian's eSpeak NG 1.51 when given raw (NOTES). */
static void test_crashers_survive(void **state)
{
    struct nb_speech *sp = *state;
    struct {
        const char *unit, *sep;
        size_t n;
    } cases[] = {
        {"a", " . ", 85}, {"a", " . ", 400}, {"é", " . ", 57}, {"é", " . ", 300},
        {"s", "'", 68},   {"s", "'", 600},   {"a", ".", 200},  {"A", " .", 200},
        {"x", " .. ", 200}, {"s", "?", 100}, {"s", "\xe2\x80\x99", 200},
        {"s", "\xc2\xb4", 100},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char *text = repeat(cases[i].unit, cases[i].sep, cases[i].n);
        struct nb_buf out;
        nb_buf_init(&out, 0);
        int rc = in_child(sp, speak_child, text, &out);
        if (rc != 0)
            fail_msg("'%s' x %zu: child exited %d", cases[i].unit, cases[i].n, rc);
        assert_int_equal(out.len, sizeof(size_t) + sizeof(double));
        size_t n;
        double r;
        memcpy(&n, out.data, sizeof(n));
        memcpy(&r, out.data + sizeof(n), sizeof(r));
        assert_true(n > 22050); /* over a second of speech */
        assert_true(r > 500.0);
        nb_buf_release(&out);
        free(text);
    }
}

/* Text that looks like SSML is read as text: nothing is run, no voice
 * changes, no entity is decoded. */
static void test_markup_not_obeyed(void **state)
{
    struct nb_speech *sp = *state;
    char *dir = nb_test_tmpdir("speech-markup");
    char marker[1024], text[2048];
    snprintf(marker, sizeof(marker), "%s/pwned", dir);
    snprintf(text, sizeof(text),
             "<speak><audio src=\"x;touch %s\">Hello</audio> <voice gender=\"female\">there"
             "</voice> &copy; <break time=\"9s\"/>ok</speak>",
             marker);
    set_voice_ok(sp, &anchor);
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    say_ok(sp, text, &p);
    struct stat st;
    assert_int_not_equal(stat(marker, &st), 0);
    assert_true(rms(&p, 0, p.n) > 500.0);
    /* read aloud: the break tag adds its words, not nine seconds */
    struct nb_pcm q;
    nb_pcm_init(&q, nb_speech_sample_rate(sp));
    snprintf(text, sizeof(text),
             "<speak><audio src=\"x;touch %s\">Hello</audio> <voice gender=\"female\">there"
             "</voice> &copy; ok</speak>",
             marker);
    say_ok(sp, text, &q);
    double extra = nb_pcm_seconds(&p) - nb_pcm_seconds(&q);
    if (extra < 0.3 || extra > 3.0)
        fail_msg("the break tag took %.2f s", extra);
    nb_pcm_release(&q);
    nb_pcm_release(&p);
    free(dir);
}

static void say_sequence(struct nb_speech *sp, struct nb_pcm *p)
{
    set_voice_ok(sp, &anchor);
    for (size_t i = 0; i < sizeof(sequence) / sizeof(*sequence); i++)
        say_ok(sp, sequence[i], p);
}

static void sequence_child(struct nb_speech *sp, const void *arg, int fd)
{
    (void)arg;
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    say_sequence(sp, &p);
    write_all(fd, p.samples, p.n * sizeof(*p.samples));
    nb_pcm_release(&p);
}

/* Two forks of the same initialised process speak identical samples. */
static void test_deterministic_in_forks(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_buf a, b;
    nb_buf_init(&a, 0);
    nb_buf_init(&b, 0);
    assert_int_equal(in_child(sp, sequence_child, NULL, &a), 0);
    assert_int_equal(in_child(sp, sequence_child, NULL, &b), 0);
    assert_true(a.len > 22050 * 2 * 5);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    nb_buf_release(&a);
    nb_buf_release(&b);
}

/* What a child says, and how. */
struct utterance {
    const char *text;
    unsigned flags;
};

/* The child speaks one utterance (or, text NULL, the sequence) and writes
 * the samples. */
static void utterance_child(struct nb_speech *sp, const void *arg, int fd)
{
    const struct utterance *u = arg;
    struct nb_error err;
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    if (nb_speech_set_voice(sp, &anchor, &err) != NB_OK)
        _exit(2);
    for (size_t i = 0; i < (u->text ? 1 : sizeof(sequence) / sizeof(*sequence)); i++) {
        const char *t = u->text ? u->text : sequence[i];
        if (nb_speech_say_ex(sp, t, strlen(t), u->flags, &p, &err) != NB_OK)
            _exit(2);
    }
    write_all(fd, p.samples, p.n * sizeof(*p.samples));
    nb_pcm_release(&p);
}

/* Samples of `u` spoken in a fork of the test process (same state for
 * every call, so equal texts give equal samples). */
static void utter(struct nb_speech *sp, const char *text, unsigned flags, struct nb_buf *out)
{
    struct utterance u = {text, flags};
    nb_buf_init(out, 0);
    int rc = in_child(sp, utterance_child, &u, out);
    if (rc != 0)
        fail_msg("'%.60s': child exited %d", text ? text : "(sequence)", rc);
}

/* Seconds of 22050 Hz samples in b. */
static double buf_seconds(const struct nb_buf *b)
{
    return (double)b->len / sizeof(int16_t) / 22050.0;
}

static void assert_same_samples(const struct nb_buf *a, const struct nb_buf *b)
{
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->data, b->data, a->len);
}

/* A lexicon phoneme entry is spoken as those phonemes: exactly as eSpeak
 * NG says a word it translates to the same phonemes (espeak-ng -v en-gb
 * -x: "hello world" is h@l'oU w'3:ld, "sursha" s'3:S@), and much shorter
 * than the brackets and symbols read aloud. */
static void test_phonemes_spoken(void **state)
{
    struct nb_speech *sp = *state;
    struct nb_buf ph, word, literal;
    utter(sp, "[[h@l'oU w'3:ld]]", NB_SPEECH_PHONEMES, &ph);
    utter(sp, "hello world", 0, &word);
    utter(sp, "[[h@l'oU w'3:ld]]", 0, &literal);
    assert_true(buf_seconds(&ph) > 0.5);
    assert_same_samples(&ph, &word);
    assert_true(buf_seconds(&literal) > 2 * buf_seconds(&ph));
    nb_buf_release(&ph);
    nb_buf_release(&word);
    nb_buf_release(&literal);

    utter(sp, "Saoirse [[s'3:S@]] Ronan", NB_SPEECH_PHONEMES, &ph);
    utter(sp, "Saoirse sursha Ronan", 0, &word);
    utter(sp, "Saoirse [[s'3:S@]] Ronan", 0, &literal);
    assert_same_samples(&ph, &word);
    assert_true(buf_seconds(&literal) > buf_seconds(&ph) + 0.5); /* the brackets read */
    nb_buf_release(&ph);
    nb_buf_release(&word);
    nb_buf_release(&literal);
}

/* The flag changes nothing for text without a kept span: ordinary text,
 * stray brackets, malformed or unsafe spans. */
static void test_phoneme_flag_keeps_text(void **state)
{
    struct nb_speech *sp = *state;
    const char *const texts[] = {
        NULL, /* the sequence */
        "Mr. Smith paid \xc2\xa3" "3.5bn for 2,500 homes, up 3.5% — U.S.A. and J.R.R. Tolkien.",
        "A [bracketed] note ]] and [[ stray [[unterminated",
        "[[_^_FR]] bonjour", /* would switch the language */
        "[[s'3:S@.]] [[a<b]] [[]]",
    };
    for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
        struct nb_buf off, on;
        utter(sp, texts[i], 0, &off);
        utter(sp, texts[i], NB_SPEECH_PHONEMES, &on);
        assert_true(buf_seconds(&off) > 0.5);
        assert_same_samples(&off, &on);
        nb_buf_release(&off);
        nb_buf_release(&on);
    }
}

/* Phoneme input that aborts Debian's eSpeak NG 1.51 when given raw is
 * broken or bounded by the sanitiser. */
static void test_phoneme_crashers_survive(void **state)
{
    struct nb_speech *sp = *state;
    struct {
        const char *unit, *sep;
        size_t n;
    } cases[] = {
        {"a [[.]]", " ", 100},       /* "a . a . a" through spans */
        {"[[. a]]", " ", 200},
        {"[[s'3:S@]]", " ", 300},    /* many kept spans in one text */
        {"[[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]]", " . ", 200},
        {"s'[[s]]'", "", 200},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char *text = repeat(cases[i].unit, cases[i].sep, cases[i].n);
        struct nb_buf out;
        utter(sp, text, NB_SPEECH_PHONEMES, &out);
        assert_true(buf_seconds(&out) > 1.0);
        nb_buf_release(&out);
        free(text);
    }
    /* one word of 400 and 800 phonemes overflows a buffer in eSpeak NG */
    const char *const units[] = {"s'", "@", "e:"};
    for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++) {
        char *word = repeat(units[i], "", 800);
        struct nb_buf text, out;
        nb_buf_init(&text, 0);
        assert_int_equal(nb_buf_addf(&text, "[[%s]]", word), 0);
        utter(sp, text.data, NB_SPEECH_PHONEMES, &out);
        assert_true(buf_seconds(&out) > 1.0);
        nb_buf_release(&out);
        nb_buf_release(&text);
        free(word);
    }
}

/* A fresh process speaking the same texts gives the same samples. */
static void test_deterministic_across_processes(void **state)
{
    (void)state;
    char *argv[] = {"/proc/self/exe", "--say-sequence", NULL};
    char *out1 = NULL, *out2 = NULL;
    assert_int_equal(nb_test_run(argv, NULL, &out1, NULL), 0);
    assert_int_equal(nb_test_run(argv, NULL, &out2, NULL), 0);
    assert_true(strlen(out1) > 10);
    assert_string_equal(out1, out2);
    free(out1);
    free(out2);
}

/* Run as a child by the test above: prints the sample count and a hash. */
static int say_sequence_main(void)
{
    struct nb_speech *sp = NULL;
    struct nb_error err;
    if (nb_speech_new(&sp, &err) != NB_OK)
        return 1;
    struct nb_pcm p;
    nb_pcm_init(&p, nb_speech_sample_rate(sp));
    say_sequence(sp, &p);
    printf("%zu %08x\n", p.n, (unsigned)fnv1a(&p));
    nb_pcm_release(&p);
    nb_speech_free(sp);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--say-sequence") == 0)
        return say_sequence_main();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions_and_rate),
        cmocka_unit_test(test_one_instance_at_a_time),
        cmocka_unit_test(test_check_voice),
        cmocka_unit_test(test_check_variant),
        cmocka_unit_test(test_list_voices),
        cmocka_unit_test(test_say_makes_speech),
        cmocka_unit_test(test_say_nothing),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_crashers_survive),
        cmocka_unit_test(test_markup_not_obeyed),
        cmocka_unit_test(test_deterministic_in_forks),
        cmocka_unit_test(test_deterministic_across_processes),
        cmocka_unit_test(test_phonemes_spoken),
        cmocka_unit_test(test_phoneme_flag_keeps_text),
        cmocka_unit_test(test_phoneme_crashers_survive),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
