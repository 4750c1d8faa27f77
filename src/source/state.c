/* state.c - the feed state in SQLite: a handle per caller (no shared
 * connection, no global state), WAL so that a reader never waits for a
 * writer, a busy timeout for two writers, prepared statements only. */
#include "source/state.h"

#include "text/buf.h"

#include <sqlite3.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define STATE_SCHEMA 1              /* PRAGMA user_version this code reads and writes */
#define STATE_BUSY_TIMEOUT_MS 10000 /* how long to wait for another build's transaction */

struct nb_state {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *is_heard, *mark_heard, *record_fetch, *last_fetch, *forget, *get_validators,
        *put_validators;
};

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS heard ("
    " source TEXT NOT NULL, guid TEXT NOT NULL, heard_at INTEGER NOT NULL,"
    " PRIMARY KEY (source, guid));"
    "CREATE TABLE IF NOT EXISTS fetches ("
    " source TEXT PRIMARY KEY NOT NULL, fetched_at INTEGER NOT NULL, error TEXT);"
    "CREATE TABLE IF NOT EXISTS validators ("
    " url TEXT PRIMARY KEY NOT NULL, final_url TEXT, content_type TEXT, etag TEXT,"
    " last_modified TEXT, length INTEGER NOT NULL, fnv1a INTEGER NOT NULL);"
    "PRAGMA user_version = 1;";

/* An SQLite failure as an nb_error: a damaged file is the user's to
 * delete (NB_EINPUT); the rest is NB_EIO with SQLite's words. */
static nb_status db_error(struct nb_state *st, int rc, const char *doing, struct nb_error *err)
{
    int code = rc & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        return nb_error_set_at(err, NB_EINPUT, st->path, 0, 0,
                               "feed state is corrupt (%s): delete it to start again",
                               sqlite3_errstr(code));
    if (code == SQLITE_NOMEM)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return nb_error_set_at(err, NB_EIO, st->path, 0, 0, "cannot %s the feed state: %s", doing,
                           st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
}

static nb_status exec(struct nb_state *st, const char *sql, const char *doing, struct nb_error *err)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, doing, err);
}

/* Ends a transaction that failed (nothing to report: the first error is). */
static void rollback(struct nb_state *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Switches the file to WAL (kept in the file: a no-op once done).  The
 * switch needs the file to itself, and SQLite answers "busy" at once,
 * without its busy handler, when another connection is in the middle of
 * the same switch or of creating the schema: so it is tried again until
 * the busy timeout. */
static nb_status set_wal(struct nb_state *st, struct nb_error *err)
{
    int rc, waited = 0;
    while (((rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) & 0xff) ==
               SQLITE_BUSY &&
           waited < STATE_BUSY_TIMEOUT_MS)
        waited += sqlite3_sleep(20) > 0 ? 20 : STATE_BUSY_TIMEOUT_MS; /* no sleep: give up */
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, "open", err);
}

static nb_status read_version(struct nb_state *st, int *version, struct nb_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            *version = sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(s);
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, "read", err);
}

static nb_status check_version(struct nb_state *st, int version, struct nb_error *err)
{
    if (version <= STATE_SCHEMA)
        return NB_OK;
    return nb_error_set_at(err, NB_EINPUT, st->path, 0, 0,
                           "feed state was written by a newer newsbrief (schema %d, this one "
                           "reads %d)",
                           version, STATE_SCHEMA);
}

/* Creates the tables when the file is new.  Inside BEGIN IMMEDIATE, and
 * the version read again there, so that two builds creating the same new
 * file at once create it once. */
static nb_status ensure_schema(struct nb_state *st, struct nb_error *err)
{
    int version = 0;
    nb_status rc = read_version(st, &version, err);
    if (rc == NB_OK)
        rc = check_version(st, version, err);
    if (rc != NB_OK || version == STATE_SCHEMA)
        return rc;
    rc = exec(st, "BEGIN IMMEDIATE", "create", err);
    if (rc == NB_OK)
        rc = read_version(st, &version, err);
    if (rc == NB_OK)
        rc = check_version(st, version, err);
    if (rc == NB_OK && version < STATE_SCHEMA)
        rc = exec(st, schema_sql, "create", err);
    if (rc == NB_OK)
        rc = exec(st, "COMMIT", "create", err);
    if (rc != NB_OK)
        rollback(st);
    return rc;
}

static nb_status prepare(struct nb_state *st, struct nb_error *err)
{
    static const struct {
        size_t offset;
        const char *sql;
    } statements[] = {
        {offsetof(struct nb_state, is_heard),
         "SELECT 1 FROM heard WHERE source = ?1 AND guid = ?2"},
        {offsetof(struct nb_state, mark_heard),
         "INSERT INTO heard (source, guid, heard_at) VALUES (?1, ?2, ?3)"
         " ON CONFLICT (source, guid) DO UPDATE SET heard_at = excluded.heard_at"},
        {offsetof(struct nb_state, record_fetch),
         "INSERT INTO fetches (source, fetched_at, error) VALUES (?1, ?2, ?3)"
         " ON CONFLICT (source) DO UPDATE SET fetched_at = excluded.fetched_at,"
         " error = excluded.error"},
        {offsetof(struct nb_state, last_fetch),
         "SELECT fetched_at, error FROM fetches WHERE source = ?1"},
        {offsetof(struct nb_state, forget), "DELETE FROM heard WHERE heard_at < ?1"},
        {offsetof(struct nb_state, get_validators),
         "SELECT final_url, content_type, etag, last_modified, length, fnv1a"
         " FROM validators WHERE url = ?1"},
        {offsetof(struct nb_state, put_validators),
         "INSERT OR REPLACE INTO validators"
         " (url, final_url, content_type, etag, last_modified, length, fnv1a)"
         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    };
    for (size_t i = 0; i < sizeof(statements) / sizeof(statements[0]); i++) {
        sqlite3_stmt **slot = (sqlite3_stmt **)((char *)st + statements[i].offset);
        int rc = sqlite3_prepare_v2(st->db, statements[i].sql, -1, slot, NULL);
        if (rc != SQLITE_OK)
            return db_error(st, rc, "read", err);
    }
    return NB_OK;
}

static nb_status open_failed(struct nb_state *st, int rc, struct nb_error *err)
{
    if ((rc & 0xff) == SQLITE_CANTOPEN && st->db && sqlite3_system_errno(st->db) == ENOENT)
        return nb_error_set_at(err, NB_EIO, st->path, 0, 0,
                               "cannot create the feed state: its folder does not exist");
    return db_error(st, rc, "open", err);
}

nb_status nb_state_open(struct nb_state **out, const char *path, struct nb_error *err)
{
    *out = NULL;
    struct nb_state *st = calloc(1, sizeof(*st));
    if (!st || !(st->path = nb_strdup(path))) {
        free(st);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    int rc = sqlite3_open_v2(
        path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    nb_status status = rc == SQLITE_OK ? NB_OK : open_failed(st, rc, err);
    if (status == NB_OK)
        sqlite3_busy_timeout(st->db, STATE_BUSY_TIMEOUT_MS);
    /* the first statement that reads the file: a corrupt one fails here */
    if (status == NB_OK)
        status = set_wal(st, err);
    if (status == NB_OK)
        status = ensure_schema(st, err);
    if (status == NB_OK)
        status = prepare(st, err);
    if (status != NB_OK) {
        nb_state_close(st);
        return status;
    }
    *out = st;
    return NB_OK;
}

void nb_state_close(struct nb_state *st)
{
    if (!st)
        return;
    sqlite3_finalize(st->is_heard);
    sqlite3_finalize(st->mark_heard);
    sqlite3_finalize(st->record_fetch);
    sqlite3_finalize(st->last_fetch);
    sqlite3_finalize(st->forget);
    sqlite3_finalize(st->get_validators);
    sqlite3_finalize(st->put_validators);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

/* Makes a statement ready for its next use. */
static void done(sqlite3_stmt *s)
{
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

nb_status nb_state_is_heard(struct nb_state *st, const char *source, const char *guid, int *heard,
                            struct nb_error *err)
{
    sqlite3_stmt *s = st->is_heard;
    *heard = 0;
    int rc = sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        *heard = rc == SQLITE_ROW;
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    done(s);
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, "read", err);
}

/* Runs a statement that returns no rows, its parameters bound. */
static int step_done(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    done(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Ends the write transaction begun by BEGIN IMMEDIATE: committed when its
 * statements went well (rc from SQLite), else rolled back. */
static nb_status end_write(struct nb_state *st, int rc, struct nb_error *err)
{
    nb_status status =
        rc == SQLITE_OK ? exec(st, "COMMIT", "write", err) : db_error(st, rc, "write", err);
    if (status != NB_OK)
        rollback(st);
    return status;
}

nb_status nb_state_mark_heard(struct nb_state *st, const char *source, const char *const *guids,
                              size_t n, long long when, struct nb_error *err)
{
    nb_status status = exec(st, "BEGIN IMMEDIATE", "write", err);
    if (status != NB_OK)
        return status;
    sqlite3_stmt *s = st->mark_heard;
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        rc = sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_text(s, 2, guids[i], -1, SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(s, 3, when);
        rc = rc == SQLITE_OK ? step_done(s) : (done(s), rc);
    }
    return end_write(st, rc, err);
}

nb_status nb_state_record_fetch(struct nb_state *st, const char *source, long long when,
                                const char *error, struct nb_error *err)
{
    nb_status status = exec(st, "BEGIN IMMEDIATE", "write", err);
    if (status != NB_OK)
        return status;
    sqlite3_stmt *s = st->record_fetch;
    int rc = sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(s, 2, when);
    if (rc == SQLITE_OK)
        rc = error ? sqlite3_bind_text(s, 3, error, -1, SQLITE_STATIC) : sqlite3_bind_null(s, 3);
    rc = rc == SQLITE_OK ? step_done(s) : (done(s), rc);
    return end_write(st, rc, err);
}

nb_status nb_state_last_fetch(struct nb_state *st, const char *source, long long *when,
                              char **error, struct nb_error *err)
{
    sqlite3_stmt *s = st->last_fetch;
    *when = 0;
    *error = NULL;
    int rc = sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *when = sqlite3_column_int64(s, 0);
        const unsigned char *text = sqlite3_column_text(s, 1);
        rc = SQLITE_OK;
        if (text && !(*error = nb_strdup((const char *)text)))
            rc = SQLITE_NOMEM;
        else if (!text && sqlite3_errcode(st->db) == SQLITE_NOMEM)
            rc = SQLITE_NOMEM;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    done(s);
    if (rc != SQLITE_OK)
        *when = 0;
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, "read", err);
}

nb_status nb_state_forget_before(struct nb_state *st, long long when, struct nb_error *err)
{
    nb_status status = exec(st, "BEGIN IMMEDIATE", "write", err);
    if (status != NB_OK)
        return status;
    sqlite3_stmt *s = st->forget;
    int rc = sqlite3_bind_int64(s, 1, when);
    rc = rc == SQLITE_OK ? step_done(s) : (done(s), rc);
    return end_write(st, rc, err);
}

void nb_state_validators_release(struct nb_state_validators *v)
{
    free(v->final_url);
    free(v->content_type);
    free(v->etag);
    free(v->last_modified);
    memset(v, 0, sizeof(*v));
}

/* A copy of column `i` (NULL stays NULL): SQLITE_OK or SQLITE_NOMEM. */
static int column_copy(sqlite3_stmt *s, int i, char **out)
{
    const unsigned char *text = sqlite3_column_text(s, i);
    if (!text)
        return sqlite3_errcode(sqlite3_db_handle(s)) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
    *out = nb_strdup((const char *)text);
    return *out ? SQLITE_OK : SQLITE_NOMEM;
}

nb_status nb_state_get_validators(struct nb_state *st, const char *url,
                                  struct nb_state_validators *v, int *found, struct nb_error *err)
{
    sqlite3_stmt *s = st->get_validators;
    nb_state_validators_release(v);
    *found = 0;
    int rc = sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        char **fields[] = {&v->final_url, &v->content_type, &v->etag, &v->last_modified};
        rc = SQLITE_OK;
        for (int i = 0; rc == SQLITE_OK && i < 4; i++)
            rc = column_copy(s, i, fields[i]);
        v->length = (uint64_t)sqlite3_column_int64(s, 4);
        v->fnv1a = (uint64_t)sqlite3_column_int64(s, 5);
        *found = rc == SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    done(s);
    if (rc != SQLITE_OK)
        nb_state_validators_release(v);
    return rc == SQLITE_OK ? NB_OK : db_error(st, rc, "read", err);
}

static int bind_or_null(sqlite3_stmt *s, int i, const char *text)
{
    return text ? sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

nb_status nb_state_put_validators(struct nb_state *st, const char *url,
                                  const struct nb_state_validators *v, struct nb_error *err)
{
    nb_status status = exec(st, "BEGIN IMMEDIATE", "write", err);
    if (status != NB_OK)
        return status;
    sqlite3_stmt *s = st->put_validators;
    int rc = sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    const char *texts[] = {v->final_url, v->content_type, v->etag, v->last_modified};
    for (int i = 0; rc == SQLITE_OK && i < 4; i++)
        rc = bind_or_null(s, i + 2, texts[i]);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(s, 6, (sqlite3_int64)v->length);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(s, 7, (sqlite3_int64)v->fnv1a);
    rc = rc == SQLITE_OK ? step_done(s) : (done(s), rc);
    return end_write(st, rc, err);
}
