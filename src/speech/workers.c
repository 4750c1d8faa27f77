/* workers.c - blocks of parts spoken in forked children, several at a
 * time.
 *
 * A child speaks its block and streams records down a pipe of its own:
 *   'P' u32 part        a part begins (for naming where a crash happened)
 *   'S' u32 n, n x i16  one sentence's speech
 *   'X' u32 n, n bytes  an error message; the child then exits 1
 *   'E'                 the block is complete; the child exits 0
 * The parent gathers each child's bytes, and when the child has exited
 * turns them into a take (or an error naming the segment). */
#define _GNU_SOURCE /* MADV_DONTFORK, mremap */
#include "speech/workers.h"

#include "text/buf.h"
#include "text/file.h"
#include "text/sentences.h"
#include "text/strv.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_WORKERS 64
#define HANG_BASE_S 60.0      /* a block may take this long, */
#define HANG_PER_CHAR_S 0.005 /* and this much more per character */

unsigned nb_speech_workers_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > MAX_WORKERS ? MAX_WORKERS : (unsigned)n;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the child ---------------------------------------------------- */

static int write_record(int fd, char tag, const void *data, uint32_t n, size_t width)
{
    char head[5];
    head[0] = tag;
    memcpy(head + 1, &n, 4);
    return nb_fd_write_all(fd, head, 5) || nb_fd_write_all(fd, data, (size_t)n * width) ? -1 : 0;
}

/* Speaks the block and exits: never returns. */
static void child_speak(struct nb_speech *sp, const struct nb_speech_part *parts,
                        const struct nb_speech_voice *voices, size_t nvoices, unsigned flags,
                        const struct nb_speech_block *b, int fd)
{
    /* the parent's handlers (removing its temporary files) are not ours */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    struct nb_error err;
    nb_error_init(&err);
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, nb_speech_sample_rate(sp));
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    size_t current = nvoices;
    nb_status rc = NB_OK;
    int broken = 0;
    for (size_t i = b->first; rc == NB_OK && !broken && i < b->first + b->n; i++) {
        const struct nb_speech_part *part = &parts[i];
        uint32_t index = (uint32_t)i;
        broken = write_record(fd, 'P', NULL, index, 0) != 0;
        if (part->voice != current) {
            rc = nb_speech_set_voice(sp, &voices[part->voice], &err);
            current = part->voice;
        }
        const char *text = part->text ? part->text : "";
        nb_strv_release(&sentences);
        if (rc == NB_OK)
            rc = nb_sentences_split(text, strlen(text), &sentences, &err);
        for (size_t s = 0; rc == NB_OK && !broken && s < sentences.n; s++) {
            pcm.n = 0;
            rc = nb_speech_say_ex(sp, sentences.v[s], strlen(sentences.v[s]), flags, &pcm, &err);
            if (rc == NB_OK)
                broken = write_record(fd, 'S', pcm.samples, (uint32_t)pcm.n, 2) != 0;
        }
    }
    if (rc != NB_OK && !broken) {
        const char *msg = err.message[0] ? err.message : "speech failed";
        write_record(fd, 'X', msg, (uint32_t)strlen(msg), 1);
    }
    if (rc == NB_OK && !broken)
        broken = nb_fd_write_all(fd, "E", 1) != 0;
    /* no cleanup: eSpeak NG must not be terminated in a child */
    _exit(rc == NB_OK && !broken ? 0 : 1);
}

/* ---- the parent --------------------------------------------------- */

struct running {
    pid_t pid;
    int fd;
    size_t block;
    double deadline, allowed;
    char *data;
    size_t len, alloc;
    int eof;
};

struct run {
    size_t *failed; /* told the part a child failed on; may be NULL */
    const struct nb_speech_part *parts;
    const struct nb_speech_block *blocks;
    struct running r[MAX_WORKERS];
    unsigned nrun;
    /* the take being made from a child's records */
    uint32_t *lengths;
    size_t nlengths, alloc_lengths;
    size_t nsamples; /* its samples: at the start of the child's buffer */
    /* buffers of children that are done, kept for the next ones: a fresh
     * mapping faults on the first write to each of its pages */
    struct spare {
        char *data;
        size_t alloc;
    } spare[MAX_WORKERS];
    unsigned nspare;
};

/* The parent's big buffers (what each child sends, and the take made of
 * it in place) are mapped apart and never given to a child: a child forked
 * after the parent touched a page shares it copy-on-write, so the
 * parent's next write to it faulted and copied the page (with a TLB
 * flush, costly on a virtual machine) for every page of every block.
 * Grown by moving the pages (mremap), never by a copy, so that a block
 * of speech is held once; NULL when out of memory. */
static void *unshared_grow(void *p, size_t old_bytes, size_t new_bytes)
{
    void *q = p ? mremap(p, old_bytes, new_bytes, MREMAP_MAYMOVE)
                : mmap(NULL, new_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (q == MAP_FAILED)
        return NULL;
    (void)madvise(q, new_bytes, MADV_DONTFORK); /* without it, only slower */
    return q;
}

static void unshared_free(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes);
}

static void stop_child(struct run *w, struct running *c)
{
    if (c->pid > 0) {
        kill(c->pid, SIGKILL);
        while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    if (c->fd >= 0)
        close(c->fd);
    if (c->data && w->nspare < MAX_WORKERS)
        w->spare[w->nspare++] = (struct spare){c->data, c->alloc};
    else
        unshared_free(c->data, c->alloc);
    memset(c, 0, sizeof(*c));
    c->fd = -1;
}

static nb_status start_child(struct run *w, struct nb_speech *sp,
                             const struct nb_speech_voice *voices, size_t nvoices, unsigned flags,
                             double timeout, size_t block, struct nb_error *err)
{
    int fds[2];
    if (pipe(fds) < 0)
        return nb_error_set(err, NB_EIO, "cannot start a speech worker: %s", strerror(errno));
    fflush(NULL); /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return nb_error_set(err, NB_EIO, "cannot start a speech worker: %s", strerror(e));
    }
    if (pid == 0) {
        close(fds[0]);
        for (unsigned i = 0; i < w->nrun; i++)
            close(w->r[i].fd);
        child_speak(sp, w->parts, voices, nvoices, flags, &w->blocks[block], fds[1]);
    }
    close(fds[1]);
    size_t chars = 0;
    const struct nb_speech_block *b = &w->blocks[block];
    for (size_t i = b->first; i < b->first + b->n; i++)
        chars += w->parts[i].text ? strlen(w->parts[i].text) : 0;
    struct running *c = &w->r[w->nrun++];
    memset(c, 0, sizeof(*c));
    if (w->nspare) {
        c->data = w->spare[--w->nspare].data;
        c->alloc = w->spare[w->nspare].alloc;
    }
    c->pid = pid;
    c->fd = fds[0];
    c->block = block;
    c->allowed = timeout > 0 ? timeout : HANG_BASE_S + HANG_PER_CHAR_S * (double)chars;
    c->deadline = now_s() + c->allowed;
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    return NB_OK;
}

/* Reads what child c has written; c->eof at its end. */
static nb_status gather(struct running *c, struct nb_error *err)
{
    for (;;) {
        if (c->alloc - c->len < 65536) {
            size_t alloc = c->alloc ? c->alloc * 2 : 262144;
            char *p = unshared_grow(c->data, c->alloc, alloc);
            if (!p)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
            c->data = p;
            c->alloc = alloc;
        }
        ssize_t k = read(c->fd, c->data + c->len, c->alloc - c->len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && errno == EAGAIN)
            return NB_OK;
        if (k <= 0) {
            c->eof = 1;
            return NB_OK;
        }
        c->len += (size_t)k;
    }
}

/* "segment N ("text...")" for part `part`. */
static void name_segment(const struct nb_speech_part *parts, size_t part, char *out, size_t size)
{
    char text[64];
    const char *t = parts[part].text ? parts[part].text : "";
    size_t n = strlen(t), keep = n > 48 ? 48 : n;
    while (keep < n && keep > 0 && ((unsigned char)t[keep] & 0xC0) == 0x80)
        keep--; /* not inside a character */
    memcpy(text, t, keep);
    text[keep] = '\0';
    snprintf(out, size, "segment %zu (\"%s%s\")", part + 1, text, keep < n ? "..." : "");
}

static int grow(void **p, size_t *alloc, size_t need, size_t width)
{
    if (need <= *alloc)
        return 0;
    size_t a = *alloc ? *alloc : 256;
    while (a < need)
        a *= 2;
    void *q = realloc(*p, a * width);
    if (!q)
        return -1;
    *p = q;
    *alloc = a;
    return 0;
}

/* The part child c was speaking, by the last 'P' record it sent. */
static size_t reached_part(const struct running *c, size_t first)
{
    size_t part = first, pos = 0;
    while (c->len - pos >= 5 && c->data[pos] != 'E') {
        char tag = c->data[pos];
        uint32_t n;
        memcpy(&n, c->data + pos + 1, 4);
        size_t width = tag == 'S' ? 2 : tag == 'X' ? 1 : 0;
        if (tag == 'P')
            part = n;
        else if (!width)
            break;
        pos += 5 + (tag == 'P' ? 0 : (size_t)n * width);
        if (pos > c->len)
            break;
    }
    return part;
}

/* The take in child c's records, once it has exited with `status`. */
static nb_status finish(struct run *w, struct running *c, int status, struct nb_speech_take *take,
                        struct nb_error *err)
{
    w->nlengths = w->nsamples = 0;
    const struct nb_speech_block *b = &w->blocks[c->block];
    size_t part = b->first, pos = 0;
    int complete = 0;
    char where[128];
    while (pos < c->len && !complete) {
        char tag = c->data[pos];
        if (tag == 'E') {
            complete = 1;
            break;
        }
        uint32_t n;
        if (c->len - pos < 5)
            break;
        memcpy(&n, c->data + pos + 1, 4);
        size_t width = tag == 'S' ? 2 : tag == 'X' ? 1 : 0;
        size_t body = tag == 'P' ? 0 : (size_t)n * width;
        if ((tag != 'P' && !width) || c->len - pos - 5 < body)
            break;
        if (tag == 'P') {
            part = n;
        } else if (tag == 'X') {
            if (w->failed)
                *w->failed = part;
            name_segment(w->parts, part, where, sizeof(where));
            return nb_error_set(err, NB_ESYNTH, "speech failed at %s: %.*s", where,
                                (int)(n > 300 ? 300 : n), c->data + pos + 5);
        } else {
            if (grow((void **)&w->lengths, &w->alloc_lengths, w->nlengths + 1, 4))
                return nb_error_set(err, NB_ENOMEM, "out of memory");
            w->lengths[w->nlengths++] = n;
            /* the samples moved down over the records' heads: the buffer
             * (page-aligned) becomes the take, with no second copy */
            memmove(c->data + w->nsamples * sizeof(int16_t), c->data + pos + 5, body);
            w->nsamples += n;
        }
        pos += 5 + body;
    }
    if (!complete || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (w->failed)
            *w->failed = part;
        name_segment(w->parts, part, where, sizeof(where));
        if (WIFSIGNALED(status))
            return nb_error_set(err, NB_ESYNTH,
                                "speech failed at %s: eSpeak NG crashed (signal %d)", where,
                                WTERMSIG(status));
        return nb_error_set(err, NB_ESYNTH, "speech failed at %s: the speech worker stopped",
                            where);
    }
    *take = (struct nb_speech_take){w->lengths, w->nlengths, (const int16_t *)(void *)c->data,
                                    w->nsamples};
    return NB_OK;
}

nb_status nb_speech_workers_run(struct nb_speech *sp, const struct nb_speech_work *work,
                                struct nb_error *err)
{
    const struct nb_speech_part *parts = work->parts;
    const struct nb_speech_block *blocks = work->blocks;
    const struct nb_speech_voice *voices = work->voices;
    size_t nblocks = work->nblocks, nvoices = work->nvoices;
    unsigned flags = work->flags;
    for (size_t b = 0; b < nblocks; b++)
        for (size_t i = blocks[b].first; i < blocks[b].first + blocks[b].n; i++)
            if (parts[i].voice >= nvoices)
                return nb_error_set(err, NB_EINTERNAL, "part %zu uses voice %zu of %zu", i + 1,
                                    parts[i].voice + 1, nvoices);
    unsigned workers = work->workers ? work->workers : nb_speech_workers_default();
    if (workers > MAX_WORKERS)
        workers = MAX_WORKERS;
    struct run w;
    memset(&w, 0, sizeof(w));
    w.parts = parts;
    w.blocks = blocks;
    w.failed = work->failed_part;
    size_t next = 0;
    int stopped = 0;
    nb_status rc = NB_OK;
    struct pollfd pfd[MAX_WORKERS];
    while (rc == NB_OK && (w.nrun || (next < nblocks && !stopped))) {
        while (rc == NB_OK && w.nrun < workers && next < nblocks && !stopped)
            rc = start_child(&w, sp, voices, nvoices, flags, work->timeout, next++, err);
        if (rc != NB_OK)
            break;
        for (unsigned i = 0; i < w.nrun; i++)
            pfd[i] = (struct pollfd){.fd = w.r[i].fd, .events = POLLIN};
        int k = poll(pfd, w.nrun, 500);
        if (k < 0 && errno != EINTR) {
            rc = nb_error_set(err, NB_EIO, "waiting for the speech workers: %s", strerror(errno));
            break;
        }
        double t = now_s();
        for (unsigned i = 0; rc == NB_OK && i < w.nrun; i++) {
            struct running *c = &w.r[i];
            if (k > 0 && (pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
                rc = gather(c, err);
            if (rc == NB_OK && !c->eof && t > c->deadline) {
                char where[128];
                size_t part = reached_part(c, blocks[c->block].first);
                if (work->failed_part)
                    *work->failed_part = part;
                name_segment(parts, part, where, sizeof(where));
                rc = nb_error_set(err, NB_ESYNTH,
                                  "speech failed at %s: eSpeak NG did not finish in %.0f s", where,
                                  c->allowed);
            }
            if (rc != NB_OK || !c->eof)
                continue;
            int status = 0;
            while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
                ;
            c->pid = 0;
            struct nb_speech_take take;
            rc = finish(&w, c, status, &take, err);
            /* the take lives in the child's buffer: used before the buffer
             * is kept for the next child */
            if (rc == NB_OK)
                rc = work->done(work->ctx, c->block, &take, err);
            stop_child(&w, c); /* closes, keeps its buffer; the pid is already reaped */
            w.r[i] = w.r[--w.nrun];
            i--;
            if (rc == NB_OK && work->stop_after && work->stop_after(work->ctx))
                stopped = 1;
        }
    }
    for (unsigned i = 0; i < w.nrun; i++)
        stop_child(&w, &w.r[i]);
    for (unsigned i = 0; i < w.nspare; i++)
        unshared_free(w.spare[i].data, w.spare[i].alloc);
    free(w.lengths);
    return rc;
}
