/*
 * test_cli.c — the `sitrep` command line end to end: build/sitrep-san (the
 * CLI built with ASan + UBSan) is run as a child process on inputs made in a
 * temporary directory, and its exit status, stdout and stderr are checked.
 *
 * What is held here is the contract of DESIGN.md and issue 2 (bad input):
 * every bad input is reported by name and the rest is still processed; exit
 * status 0 done, 1 some inputs failed, 2 usage error or nothing processed;
 * `--format jsonl` prints exactly the agreed fields, with byte offsets that
 * point at real text; nothing crashes, hangs or trips a sanitizer.
 *
 * Every child runs under alarm(): a hang is a failure, not a stuck suite.
 * Tests run from the repository root (the cwd of `make check`).
 */
#define _GNU_SOURCE /* strcasestr */
#include "testing.h"

#include "../../src/core/core.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <jansson.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/wait.h>

enum { CHILD_TIMEOUT_SECONDS = 60 };

/* The commands that read inputs and so owe the bad-input contract: `read`
 * always, the others when this build has them (probed with --help). */
typedef enum CommandOutput { OUTPUT_ARTICLES, OUTPUT_JSONL, OUTPUT_NONE } CommandOutput;

typedef struct InputCommand {
    const char *name;
    bool has_format;      /* takes --format jsonl|... */
    bool uses_db;         /* writes a store: given --db in the temporary directory */
    CommandOutput output; /* what its stdout holds */
} InputCommand;

static const InputCommand input_commands[] = {
    {"read", true, false, OUTPUT_ARTICLES},
    {"extract", true, false, OUTPUT_JSONL},
    {"ingest", false, true, OUTPUT_NONE},
};

/* ---- Running the CLI ----------------------------------------------------- */

typedef struct Run {
    int status;     /* exit status, or -1 if killed by a signal */
    int signal;     /* the signal that ended it, 0 if it exited */
    bool timed_out; /* SIGALRM: the alarm set in the child fired */
    Buffer out, err;
} Run;

static char sitrep_path[PATH_MAX];

static void run_free(Run *r)
{
    buffer_free(&r->out);
    buffer_free(&r->err);
}

/* Appends our options to a sanitizer's environment variable, keeping the
 * user's: a sanitizer report must not pass for exit status 1 ("some inputs
 * failed"), so it gets a status of its own. */
static void add_sanitizer_option(const char *var, const char *opts)
{
    const char *old = getenv(var);
    char value[1024];
    snprintf(value, sizeof value, "%s%s%s", old && *old ? old : "", old && *old ? ":" : "", opts);
    setenv(var, value, 1);
}

static void set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* Runs build/sitrep-san with argv (argv[0] is ignored and replaced), feeding
 * `input` (may be NULL: stdin is /dev/null) and collecting stdout and
 * stderr. Pipes are served with poll() so that neither side can block the
 * other however much is written. */
static Run run_sitrep_full(const char *const *argv, const char *input, size_t input_len,
                           bool as_nobody)
{
    Run r = {0};
    buffer_init(&r.out);
    buffer_init(&r.err);
    int in[2], out[2], err[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);

    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (input) {
            dup2(in[0], STDIN_FILENO);
        } else {
            int null = open("/dev/null", O_RDONLY);
            dup2(null, STDIN_FILENO);
        }
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]), close(err[0]), close(err[1]);
        add_sanitizer_option("ASAN_OPTIONS", "exitcode=99");
        add_sanitizer_option("UBSAN_OPTIONS", "halt_on_error=1:exitcode=98:print_stacktrace=1");
        add_sanitizer_option("LSAN_OPTIONS", "exitcode=97");
        /* Root reads any file whatever its mode: permission tests run the
         * child as nobody. */
        if (as_nobody && (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0))
            _exit(126);
        signal(SIGALRM, SIG_DFL);
        alarm(CHILD_TIMEOUT_SECONDS); /* survives exec: a hang ends in SIGALRM */
        int argc = 0;
        while (argv[argc])
            argc++;
        char **args = calloc((size_t)argc + 1, sizeof *args);
        args[0] = sitrep_path;
        for (int i = 1; i < argc; i++)
            args[i] = (char *)argv[i];
        execv(sitrep_path, args);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (!input) {
        close(in[1]);
        in[1] = -1;
    } else {
        set_nonblocking(in[1]);
    }
    signal(SIGPIPE, SIG_IGN); /* a child that stops reading stdin early is fine */

    size_t written = 0;
    bool out_open = true, err_open = true;
    char chunk[65536];
    while (out_open || err_open) {
        struct pollfd fds[3];
        int n = 0, out_i = -1, err_i = -1, in_i = -1;
        if (out_open)
            out_i = n, fds[n++] = (struct pollfd){out[0], POLLIN, 0};
        if (err_open)
            err_i = n, fds[n++] = (struct pollfd){err[0], POLLIN, 0};
        if (in[1] >= 0)
            in_i = n, fds[n++] = (struct pollfd){in[1], POLLOUT, 0};
        int ready = poll(fds, (nfds_t)n, -1);
        if (ready < 0 && errno == EINTR)
            continue;
        assert_true(ready > 0);
        if (in_i >= 0 && fds[in_i].revents) {
            ssize_t w = write(in[1], input + written, input_len - written);
            if (w > 0)
                written += (size_t)w;
            if (w < 0 && errno != EAGAIN && errno != EINTR)
                written = input_len; /* EPIPE: the child closed its stdin */
            if (written >= input_len) {
                close(in[1]);
                in[1] = -1;
            }
        }
        int ends[2] = {out_i, err_i};
        for (int k = 0; k < 2; k++) {
            int i = ends[k];
            if (i < 0 || !fds[i].revents)
                continue;
            ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                close(fds[i].fd);
                if (k == 0)
                    out_open = false;
                else
                    err_open = false;
            } else {
                buffer_append(k == 0 ? &r.out : &r.err, chunk, (size_t)got);
            }
        }
    }
    if (in[1] >= 0)
        close(in[1]);
    /* Empty outputs are still valid C strings. */
    buffer_append(&r.out, "", 0);
    buffer_append(&r.err, "", 0);

    int st;
    while (waitpid(pid, &st, 0) < 0)
        assert_int_equal(errno, EINTR);
    if (WIFEXITED(st)) {
        r.status = WEXITSTATUS(st);
    } else {
        r.status = -1;
        r.signal = WTERMSIG(st);
        r.timed_out = r.signal == SIGALRM;
    }

    /* The checks every run owes, whatever the test. */
    if (r.timed_out)
        fail_msg("sitrep %s timed out after %d s", argv[1] ? argv[1] : "", CHILD_TIMEOUT_SECONDS);
    if (r.signal)
        fail_msg("sitrep %s killed by signal %d; stderr:\n%s", argv[1] ? argv[1] : "", r.signal,
                 r.err.data);
    if (r.status == 127 && r.err.len == 0)
        fail_msg("could not run %s", sitrep_path);
    if (strstr(r.err.data, "AddressSanitizer") || strstr(r.err.data, "LeakSanitizer") ||
        strstr(r.err.data, "runtime error:") || r.status >= 97)
        fail_msg("sanitizer report from sitrep %s (status %d):\n%s", argv[1] ? argv[1] : "",
                 r.status, r.err.data);
    return r;
}

static Run run_sitrep_input(const char *const *argv, const char *input, size_t input_len)
{
    return run_sitrep_full(argv, input, input_len, false);
}

static Run run_sitrep(const char *const *argv)
{
    return run_sitrep_input(argv, NULL, 0);
}

#define SITREP(...) run_sitrep((const char *const[]){"sitrep", __VA_ARGS__, NULL})
#define SITREP_STDIN(data, len, ...)                                                               \
    run_sitrep_input((const char *const[]){"sitrep", __VA_ARGS__, NULL}, data, len)

/* ---- The temporary directory -------------------------------------------- */

typedef struct Fixture {
    char dir[64];
    char path[PATH_MAX]; /* scratch for tmp_path() */
} Fixture;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/sitrep-cli-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* dir/name, in a static-lifetime scratch of the fixture; copy it if a second
 * path is needed at the same time. */
static char *tmp_path(Fixture *f, const char *name)
{
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    return f->path;
}

static char *write_file(Fixture *f, const char *name, const void *data, size_t len)
{
    char *path = strdup(tmp_path(f, name));
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    if (len)
        assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
    return path;
}

static char *write_text(Fixture *f, const char *name, const char *text)
{
    return write_file(f, name, text, strlen(text));
}

static char *make_dir(Fixture *f, const char *name)
{
    char *path = strdup(tmp_path(f, name));
    assert_int_equal(mkdir(path, 0700), 0);
    return path;
}

static bool read_whole(const char *path, Buffer *b)
{
    char *data;
    size_t len;
    if (file_read_all(path, &data, &len) != 0)
        return false;
    buffer_init(b);
    buffer_append(b, data, len);
    buffer_append(b, "", 0);
    free(data);
    return true;
}

/* A report written for these tests: two wire stories with date lines,
 * headlines and datelines. Everything in it is plain ASCII with "\n". */
static const char good_report[] =
    "2017-03-02\n"
    "Army retakes hill town after two days of clashes\n"
    "DAMASCUS - Government troops took back the hill town of Tell Jadid on Thursday after two "
    "days of clashes with rebel fighters, state media said. A monitoring group said at least "
    "12 fighters were killed on both sides. Residents said the road to the coast was open "
    "again.\n"
    "Source: Example Wire\n"
    "\n"
    "March 04, 2017\n"
    "Shelling hits market in northern town\n"
    "BEIRUT (AP) - Shells struck a crowded market in the northern town of Kafr Halab on "
    "Saturday, killing four civilians, rescue workers said. Nobody claimed the attack.\n";

/* ---- Checking output ----------------------------------------------------- */

/* Strict UTF-8: no overlongs, surrogates or code points past U+10FFFF.
 * Returns the offset of the first bad byte, or len if all is well. */
static size_t utf8_first_invalid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

static void assert_valid_utf8(const Buffer *b, const char *what)
{
    size_t bad = utf8_first_invalid((const unsigned char *)b->data, b->len);
    if (bad != b->len)
        fail_msg("%s: invalid UTF-8 at byte %zu of %zu", what, bad, b->len);
}

/* The parsed JSON lines of one run's stdout. */
typedef struct Lines {
    json_t **items;
    size_t count;
} Lines;

static void lines_free(Lines *l)
{
    for (size_t i = 0; i < l->count; i++)
        json_decref(l->items[i]);
    free(l->items);
    *l = (Lines){0};
}

/* Every line of stdout must be one JSON object, and stdout must end with a
 * newline. */
static Lines parse_lines(const Buffer *out)
{
    Lines l = {0};
    size_t cap = 0;
    if (out->len > 0 && out->data[out->len - 1] != '\n')
        fail_msg("stdout does not end with a newline");
    const char *p = out->data, *end = out->data + out->len;
    long line = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        line++;
        json_error_t error;
        json_t *v = json_loadb(p, (size_t)(eol - p), JSON_REJECT_DUPLICATES, &error);
        if (!v)
            fail_msg("stdout line %ld is not JSON: %s: %.200s", line, error.text, p);
        if (!json_is_object(v))
            fail_msg("stdout line %ld is not a JSON object", line);
        if (l.count == cap) {
            cap = cap ? 2 * cap : 64;
            l.items = realloc(l.items, cap * sizeof *l.items);
            assert_non_null(l.items);
        }
        l.items[l.count++] = v;
        p = eol + 1;
    }
    return l;
}

static bool is_null_or_string(const json_t *v)
{
    return v && (json_is_null(v) || json_is_string(v));
}

static bool is_iso_date(const char *s)
{
    int y, m, d;
    char tail;
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
           sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 && m <= 12 && d >= 1 &&
           d <= 31;
}

/* One `sitrep read` article: exactly the fields of DESIGN.md, with the
 * right types, and offsets that are ordered and nested. */
static void assert_article_contract(const json_t *a, size_t line)
{
    static const char *const fields[] = {"doc_id",      "article",  "title",    "date",
                                         "date_source", "dateline", "outlet",   "links",
                                         "start",       "end",      "sentences"};
    static const char *const sources[] = {"line", "dateline", "digest", "published", "text"};
    size_t nfields = sizeof fields / sizeof *fields;
    if (json_object_size(a) != nfields) {
        char *dump = json_dumps(a, JSON_COMPACT);
        fail_msg("article %zu has %zu fields, want %zu: %.300s", line, json_object_size(a), nfields,
                 dump);
    }
    for (size_t i = 0; i < nfields; i++)
        if (!json_object_get(a, fields[i]))
            fail_msg("article %zu has no \"%s\"", line, fields[i]);

    const json_t *doc_id = json_object_get(a, "doc_id");
    assert_true(json_is_string(doc_id) && json_string_length(doc_id) > 0);
    const json_t *index = json_object_get(a, "article");
    assert_true(json_is_integer(index) && json_integer_value(index) >= 0);
    assert_true(is_null_or_string(json_object_get(a, "title")));
    assert_true(is_null_or_string(json_object_get(a, "dateline")));
    assert_true(is_null_or_string(json_object_get(a, "outlet")));

    const json_t *date = json_object_get(a, "date");
    const json_t *source = json_object_get(a, "date_source");
    assert_true(is_null_or_string(date) && is_null_or_string(source));
    if (json_is_string(date) && !is_iso_date(json_string_value(date)))
        fail_msg("article %zu: date \"%s\" is not YYYY-MM-DD", line, json_string_value(date));
    if (json_is_string(source)) {
        bool known = false;
        for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
            known |= !strcmp(json_string_value(source), sources[i]);
        if (!known)
            fail_msg("article %zu: unknown date_source \"%s\"", line, json_string_value(source));
    }
    /* A date comes from somewhere, and a source gives a date. */
    assert_int_equal(json_is_null(date), json_is_null(source));

    const json_t *links = json_object_get(a, "links");
    assert_true(json_is_array(links));
    for (size_t i = 0; i < json_array_size(links); i++)
        assert_true(json_is_string(json_array_get(links, i)));

    const json_t *start = json_object_get(a, "start"), *end = json_object_get(a, "end");
    assert_true(json_is_integer(start) && json_is_integer(end));
    json_int_t s0 = json_integer_value(start), e0 = json_integer_value(end);
    assert_true(0 <= s0 && s0 <= e0);

    const json_t *sentences = json_object_get(a, "sentences");
    assert_true(json_is_array(sentences));
    json_int_t previous_end = s0;
    for (size_t i = 0; i < json_array_size(sentences); i++) {
        const json_t *s = json_array_get(sentences, i);
        assert_true(json_is_object(s));
        assert_int_equal(json_object_size(s), 2);
        const json_t *ss = json_object_get(s, "start"), *se = json_object_get(s, "end");
        assert_true(json_is_integer(ss) && json_is_integer(se));
        json_int_t a0 = json_integer_value(ss), a1 = json_integer_value(se);
        if (!(previous_end <= a0 && a0 < a1 && a1 <= e0))
            fail_msg("article %zu sentence %zu [%lld,%lld) is out of order or outside the "
                     "article [%lld,%lld)",
                     line, i, (long long)a0, (long long)a1, (long long)s0, (long long)e0);
        previous_end = a1;
    }
}

static Lines parse_articles(const Buffer *out)
{
    Lines l = parse_lines(out);
    for (size_t i = 0; i < l.count; i++)
        assert_article_contract(l.items[i], i + 1);
    return l;
}

static const char *str_field(const json_t *a, const char *key)
{
    const json_t *v = json_object_get(a, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static size_t count_doc(const Lines *l, const char *doc_id)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++) {
        const char *id = str_field(l->items[i], "doc_id");
        n += id && !strcmp(id, doc_id);
    }
    return n;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* For a clean UTF-8 text file the offsets are offsets into the file's own
 * bytes: each sentence there is non-empty text with no surrounding space,
 * and each article span lies inside the file. Returns the sentences seen. */
static size_t assert_offsets_in_file(const Lines *l, const char *doc_id, const Buffer *file)
{
    size_t seen = 0;
    for (size_t i = 0; i < l->count; i++) {
        const json_t *a = l->items[i];
        if (strcmp(str_field(a, "doc_id"), doc_id))
            continue;
        json_int_t e0 = json_integer_value(json_object_get(a, "end"));
        if ((size_t)e0 > file->len)
            fail_msg("%s article %zu ends at %lld, past the file's %zu bytes", doc_id, i,
                     (long long)e0, file->len);
        const json_t *sentences = json_object_get(a, "sentences");
        for (size_t k = 0; k < json_array_size(sentences); k++) {
            const json_t *s = json_array_get(sentences, k);
            size_t s0 = (size_t)json_integer_value(json_object_get(s, "start"));
            size_t s1 = (size_t)json_integer_value(json_object_get(s, "end"));
            const char *t = file->data + s0;
            size_t n = s1 - s0;
            if (n == 0 || is_space(t[0]) || is_space(t[n - 1]))
                fail_msg("%s article %zu sentence %zu [%zu,%zu) is \"%.*s\"", doc_id, i, k, s0, s1,
                         (int)(n > 200 ? 200 : n), t);
            seen++;
        }
    }
    return seen;
}

/* Whether any line of stderr names `path` and contains `word` (case
 * insensitive), and, if line > 0, that line number ("path:N" or "line N"). */
static bool stderr_says(const Run *r, const char *path, const char *word, long line)
{
    char at[PATH_MAX + 32], line_word[32];
    snprintf(at, sizeof at, "%s:%ld", path, line);
    snprintf(line_word, sizeof line_word, "line %ld", line);
    const char *p = r->err.data;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char *msg = strndup(p, n);
        bool named = strstr(msg, path) != NULL;
        bool worded = !word || strcasestr(msg, word) != NULL;
        bool lined = true;
        if (line > 0) {
            const char *hit = strstr(msg, at);
            /* "f.jsonl:2" must not be the start of "f.jsonl:21". */
            lined = (hit && !(hit[strlen(at)] >= '0' && hit[strlen(at)] <= '9')) ||
                    strcasestr(msg, line_word) != NULL;
        }
        free(msg);
        if (named && worded && lined)
            return true;
        p += n + (eol ? 1 : 0);
    }
    return false;
}

#define ASSERT_STATUS(run, want)                                                                   \
    do {                                                                                           \
        if ((run).status != (want))                                                                \
            fail_msg("exit status %d, want %d; stderr:\n%s", (run).status, (want),                 \
                     (run).err.data);                                                              \
    } while (0)

#define ASSERT_STDERR_SAYS(run, path, word, line)                                                  \
    do {                                                                                           \
        if (!stderr_says(&(run), (path), (word), (line)))                                          \
            fail_msg("stderr does not name %s (with \"%s\", line %ld):\n%s", (path),               \
                     (word) ? (word) : "", (long)(line), (run).err.data);                          \
    } while (0)

/* Runs an input command on the inputs (NULL-terminated, at most 4), with
 * --db FILE in the temporary directory when it writes a store, and any
 * options before them. */
static Run run_input_command(Fixture *f, const InputCommand *c, const char *const *args)
{
    const char *argv[16];
    int n = 0;
    char db[PATH_MAX];
    argv[n++] = "sitrep";
    argv[n++] = c->name;
    if (c->uses_db) {
        snprintf(db, sizeof db, "%s/store.db", f->dir);
        argv[n++] = "--db";
        argv[n++] = db;
    }
    for (int i = 0; args[i] && n < 15; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    return run_sitrep(argv);
}

#define RUN_COMMAND(f, c, ...) run_input_command(f, c, (const char *const[]){__VA_ARGS__, NULL})

/* Whether `command` exists in this build (its --help succeeds). */
static bool command_exists(const InputCommand *c)
{
    if (!strcmp(c->name, "read"))
        return true; /* never skipped */
    Run r = SITREP(c->name, "--help");
    bool ok = r.status == 0;
    run_free(&r);
    if (!ok)
        print_message("sitrep %s: not in this build, its checks skipped\n", c->name);
    return ok;
}

/* ---- Usage errors -------------------------------------------------------- */

/* Exit 2, usage on stderr, nothing on stdout. Counts a failure in *failed
 * and says why, so that one run lists every broken case. */
static void check_usage_error(Run r, const char *what, int *failed)
{
    if (r.status != 2)
        print_error("%s: exit status %d, want 2\n", what, r.status), (*failed)++;
    else if (!strcasestr(r.err.data, "usage"))
        print_error("%s: no usage on stderr:\n%s", what, r.err.data), (*failed)++;
    else if (r.out.len != 0)
        print_error("%s: wrote to stdout:\n%s", what, r.out.data), (*failed)++;
    run_free(&r);
}

static void test_usage_errors(void **state)
{
    Fixture *f = *state;
    char *good = write_text(f, "good.txt", good_report);
    char what[128];
    int failed = 0;
    for (size_t i = 0; i < sizeof input_commands / sizeof *input_commands; i++) {
        const InputCommand *c = &input_commands[i];
        if (!command_exists(c))
            continue;
        snprintf(what, sizeof what, "%s --no-such-option", c->name);
        check_usage_error(RUN_COMMAND(f, c, "--no-such-option", good), what, &failed);
        snprintf(what, sizeof what, "%s -x", c->name);
        check_usage_error(RUN_COMMAND(f, c, "-x", good), what, &failed);
        snprintf(what, sizeof what, "%s with no inputs", c->name);
        check_usage_error(run_input_command(f, c, (const char *const[]){NULL}), what, &failed);
        if (c->has_format) {
            snprintf(what, sizeof what, "%s --format xml", c->name);
            check_usage_error(RUN_COMMAND(f, c, "--format", "xml", good), what, &failed);
            snprintf(what, sizeof what, "%s --format without a value", c->name);
            check_usage_error(RUN_COMMAND(f, c, good, "--format"), what, &failed);
        }
        /* --help is not an error: usage on stdout, status 0. */
        Run r = SITREP(c->name, "--help");
        ASSERT_STATUS(r, 0);
        assert_non_null(strcasestr(r.out.data, "usage"));
        run_free(&r);
    }
    check_usage_error(run_sitrep((const char *const[]){"sitrep", NULL}), "no command", &failed);
    check_usage_error(SITREP("no-such-command"), "unknown command", &failed);
    free(good);
    if (failed)
        fail_msg("%d usage errors not reported as such", failed);
}

/* ---- Bad inputs, for every command that reads inputs -------------------- */

/* An input that yields nothing: alone, exit 2 and a message naming it
 * (containing `word` if given); beside a good file, exit 1 and the good
 * file's articles still printed. */
static void assert_bad_input(Fixture *f, const InputCommand *c, const char *bad, const char *word,
                             const char *good)
{
    Run r = RUN_COMMAND(f, c, bad);
    if (r.status != 2)
        fail_msg("sitrep %s %s: exit status %d, want 2; stderr:\n%s", c->name, bad, r.status,
                 r.err.data);
    ASSERT_STDERR_SAYS(r, bad, word, 0);
    run_free(&r);

    /* Before and after the good file: the bad one stops nothing. */
    for (int order = 0; order < 2; order++) {
        r = order ? RUN_COMMAND(f, c, good, bad) : RUN_COMMAND(f, c, bad, good);
        if (r.status != 1)
            fail_msg("sitrep %s with %s and a good file: exit status %d, want 1; stderr:\n%s",
                     c->name, bad, r.status, r.err.data);
        ASSERT_STDERR_SAYS(r, bad, word, 0);
        if (c->output == OUTPUT_ARTICLES) {
            Lines l = parse_articles(&r.out);
            if (count_doc(&l, "good.txt") < 1)
                fail_msg("sitrep %s %s good.txt: no article of good.txt:\n%s", c->name, bad,
                         r.out.data);
            lines_free(&l);
        } else if (c->output == OUTPUT_JSONL) {
            /* What the good file yields is that command's own tests'
             * business; here only that the output stays well formed. */
            Lines l = parse_lines(&r.out);
            lines_free(&l);
        }
        run_free(&r);
    }
}

/* Bytes that no one would mistake for text: a fixed pseudo-random sequence
 * with NULs sprinkled in. */
static void fill_binary(unsigned char *p, size_t n)
{
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        p[i] = (i % 7 == 0) ? 0 : (unsigned char)x;
    }
}

static void test_empty_binary_missing(void **state)
{
    Fixture *f = *state;
    char *good = write_text(f, "good.txt", good_report);
    char *empty = write_file(f, "empty.txt", "", 0);
    char *empty_jsonl = write_file(f, "empty.jsonl", "", 0);
    unsigned char noise[4096];
    fill_binary(noise, sizeof noise);
    char *binary = write_file(f, "noise.bin", noise, sizeof noise);
    char *binary_txt = write_file(f, "noise.txt", noise, sizeof noise);
    char *binary_jsonl = write_file(f, "noise.jsonl", noise, sizeof noise);
    char *missing = strdup(tmp_path(f, "no-such-file.txt"));

    for (size_t i = 0; i < sizeof input_commands / sizeof *input_commands; i++) {
        const InputCommand *c = &input_commands[i];
        if (!command_exists(c))
            continue;
        assert_bad_input(f, c, empty, "empty", good);
        assert_bad_input(f, c, empty_jsonl, "empty", good);
        assert_bad_input(f, c, binary, "binary", good);
        assert_bad_input(f, c, binary_txt, "binary", good);
        assert_bad_input(f, c, binary_jsonl, "binary", good);
        assert_bad_input(f, c, missing, NULL, good);
    }

    /* Several bad inputs at once: each is named, nothing processed. */
    Run r = SITREP("read", empty, binary, missing);
    ASSERT_STATUS(r, 2);
    ASSERT_STDERR_SAYS(r, empty, "empty", 0);
    ASSERT_STDERR_SAYS(r, binary, "binary", 0);
    ASSERT_STDERR_SAYS(r, missing, NULL, 0);
    assert_int_equal(r.out.len, 0);
    run_free(&r);

    free(good), free(empty), free(empty_jsonl), free(binary), free(binary_txt);
    free(binary_jsonl), free(missing);
}

/* A file that exists but cannot be opened. Root opens anything, so as root
 * the child runs as nobody (the temporary directory is opened to it). */
static void test_unreadable_file(void **state)
{
    Fixture *f = *state;
    bool as_nobody = geteuid() == 0;
    char *good = write_text(f, "good.txt", good_report);
    char *locked = write_text(f, "locked.txt", good_report);
    assert_int_equal(chmod(f->dir, 0755), 0);
    assert_int_equal(chmod(good, 0644), 0);
    assert_int_equal(chmod(locked, 0), 0);

    Run r =
        run_sitrep_full((const char *const[]){"sitrep", "read", locked, NULL}, NULL, 0, as_nobody);
    if (r.status == 126) {
        print_message("skipped: cannot drop privileges to nobody\n");
        run_free(&r);
        skip();
    }
    ASSERT_STATUS(r, 2);
    ASSERT_STDERR_SAYS(r, locked, NULL, 0);
    assert_int_equal(r.out.len, 0);
    run_free(&r);

    r = run_sitrep_full((const char *const[]){"sitrep", "read", locked, good, NULL}, NULL, 0,
                        as_nobody);
    ASSERT_STATUS(r, 1);
    ASSERT_STDERR_SAYS(r, locked, NULL, 0);
    Lines l = parse_articles(&r.out);
    assert_true(count_doc(&l, "good.txt") >= 1);
    lines_free(&l);
    run_free(&r);

    /* Inside a directory: the walk reports it and goes on. */
    char *dir = make_dir(f, "inbox");
    assert_int_equal(chmod(dir, 0755), 0);
    char *inside = write_text(f, "inbox/a-locked.txt", good_report);
    char *readable = write_text(f, "inbox/b-open.txt", good_report);
    assert_int_equal(chmod(inside, 0), 0);
    assert_int_equal(chmod(readable, 0644), 0);
    r = run_sitrep_full((const char *const[]){"sitrep", "read", dir, NULL}, NULL, 0, as_nobody);
    ASSERT_STATUS(r, 1);
    ASSERT_STDERR_SAYS(r, "a-locked.txt", NULL, 0);
    l = parse_articles(&r.out);
    assert_true(count_doc(&l, "b-open.txt") >= 1);
    lines_free(&l);
    run_free(&r);

    free(good), free(locked), free(dir), free(inside), free(readable);
}

/* ---- Text that is odd but readable --------------------------------------- */

/* 50 MB of words on one line, no newline anywhere: it must finish within
 * the alarm, without a crash, and print well-formed articles. */
static void test_huge_single_line(void **state)
{
    Fixture *f = *state;
    static const char *const words[] = {"the",      "convoy",   "moved", "north", "towards",
                                        "Raqqa",    "while",    "army",  "units", "shelled",
                                        "villages", "near",     "the",   "river", "Euphrates,",
                                        "and",      "monitors", "said",  "that",  "fighters"};
    const size_t target = 50u << 20;
    char *path = strdup(tmp_path(f, "one-line.txt"));
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    size_t written = 0, w = 0;
    while (written < target) {
        const char *word = words[w++ % (sizeof words / sizeof *words)];
        written += (size_t)fprintf(fp, "%s ", word);
        /* A full stop now and then, so the sentence splitter has work too. */
        if (w % 4000 == 0)
            written += (size_t)fprintf(fp, "as night fell. The ");
    }
    fputs("Final words", fp);
    assert_int_equal(fclose(fp), 0);

    Run r = SITREP("read", path);
    ASSERT_STATUS(r, 0);
    Lines l = parse_articles(&r.out);
    assert_true(l.count >= 1);
    assert_int_equal(count_doc(&l, "one-line.txt"), l.count);
    size_t sentences = 0;
    for (size_t i = 0; i < l.count; i++) {
        assert_true((size_t)json_integer_value(json_object_get(l.items[i], "end")) <=
                    written + strlen("Final words"));
        sentences += json_array_size(json_object_get(l.items[i], "sentences"));
    }
    /* About one full stop every 4000 words, each followed by a capital. */
    if (sentences < w / 4000 / 2)
        fail_msg("%zu sentences in a line with %zu full stops", sentences, w / 4000);
    lines_free(&l);
    run_free(&r);
    remove(path);
    free(path);
}

/* An HTML page cut off in the middle of a tag: the text before the cut
 * comes out. */
static void test_truncated_html(void **state)
{
    Fixture *f = *state;
    char *path = write_text(
        f, "cut.html",
        "<!DOCTYPE html><html><head><title>Truncated page</title></head><body>\n"
        "<article><h2>Rebels shell the outskirts of the city</h2>\n"
        "<p>Rebel fighters shelled the southern outskirts of the city on Monday, a monitoring "
        "group said. Two civilians were wounded in the shelling.</p>\n"
        "<p>Residents said the electricity had been cut since the weekend and water was "
        "scarce</p><p class=\"sh");

    /* JSON Lines: well formed, one document. */
    Run r = SITREP("read", path);
    ASSERT_STATUS(r, 0);
    Lines l = parse_articles(&r.out);
    assert_true(count_doc(&l, "cut.html") >= 1);
    size_t sentences = 0;
    for (size_t i = 0; i < l.count; i++)
        sentences += json_array_size(json_object_get(l.items[i], "sentences"));
    assert_true(sentences >= 2);
    lines_free(&l);
    run_free(&r);

    /* The text view prints each sentence: the words before the cut are
     * there, the tag soup after it is not. */
    r = SITREP("read", "--format", "text", path);
    ASSERT_STATUS(r, 0);
    assert_non_null(strstr(r.out.data, "Rebel fighters shelled the southern outskirts"));
    assert_non_null(strstr(r.out.data, "Two civilians were wounded in the shelling."));
    assert_non_null(strstr(r.out.data, "water was scarce"));
    assert_null(strstr(r.out.data, "class="));
    assert_null(strstr(r.out.data, "<p"));
    run_free(&r);

    /* Cut inside a tag name, and inside an attribute value with no body at
     * all after it. */
    char *cut2 = write_text(f, "cut2.html",
                            "<html><body><p>The siege of the town was broken on Friday, the "
                            "army said.</p><di");
    r = SITREP("read", "--format", "text", cut2);
    ASSERT_STATUS(r, 0);
    assert_non_null(strstr(r.out.data, "The siege of the town was broken on Friday"));
    run_free(&r);
    free(path), free(cut2);
}

/* Invalid UTF-8 is repaired with a warning naming the file; everything
 * printed is valid UTF-8. */
static void test_invalid_utf8(void **state)
{
    Fixture *f = *state;
    /* A stray continuation byte, a lone lead byte, an overlong "/", an
     * encoded surrogate, a code point past U+10FFFF, a truncated sequence at
     * the very end; and a good "é" to keep. */
    static const char bad_text[] =
        "March 05, 2017\n"
        "Clashes reported near the \x80 airport\n"
        "HAMA - Fighting broke out near the military airport on Sunday \xff\xfe, a "
        "monitoring group said \xc0\xaf. Residents of the caf\xc3\xa9 district fled \xed\xa0\x80 "
        "toward the west \xf4\x90\x80\x80. At least three people were killed \xe2\x82";
    char *txt = write_file(f, "broken.txt", bad_text, sizeof bad_text - 1);
    static const char bad_jsonl[] =
        "{\"id\": \"broken-1\", \"title\": \"Bad \xff bytes\", \"text\": \"DAMASCUS - Shells hit "
        "the old city \xc3 on Friday, state media said. Two people died \xe0\x80\x80.\"}\n";
    char *jsonl = write_file(f, "broken.jsonl", bad_jsonl, sizeof bad_jsonl - 1);

    static const char *const formats[] = {"jsonl", "text"};
    for (int k = 0; k < 2; k++) {
        Run r = SITREP("read", "--format", formats[k], txt);
        ASSERT_STATUS(r, 0);
        ASSERT_STDERR_SAYS(r, txt, "utf-8", 0);
        assert_valid_utf8(&r.out, "stdout of read broken.txt");
        assert_true(r.out.len > 0);
        if (k == 0) {
            Lines l = parse_articles(&r.out);
            assert_true(count_doc(&l, "broken.txt") >= 1);
            lines_free(&l);
        } else {
            /* The good character survives the repair next to it. */
            assert_non_null(strstr(r.out.data, "caf\xc3\xa9"));
            assert_non_null(strstr(r.out.data, "Fighting broke out"));
        }
        run_free(&r);

        r = SITREP("read", "--format", formats[k], jsonl);
        ASSERT_STATUS(r, 0);
        ASSERT_STDERR_SAYS(r, jsonl, "utf-8", 0);
        assert_valid_utf8(&r.out, "stdout of read broken.jsonl");
        if (k == 0) {
            Lines l = parse_articles(&r.out);
            assert_true(count_doc(&l, "broken-1") >= 1);
            lines_free(&l);
        }
        run_free(&r);
    }

    /* The same bytes through standard input. */
    Run r = SITREP_STDIN(bad_text, sizeof bad_text - 1, "read", "--format", "text", "-");
    ASSERT_STATUS(r, 0);
    assert_valid_utf8(&r.out, "stdout of read - (invalid UTF-8)");
    assert_non_null(strstr(r.out.data, "Fighting broke out"));
    run_free(&r);
    free(txt), free(jsonl);
}

/* A bad JSONL line is reported with its file and line number; the other
 * lines still make articles; exit 1. */
static void test_malformed_jsonl(void **state)
{
    Fixture *f = *state;
    char *path = write_text(
        f, "feed.jsonl",
        "{\"id\": \"ok-1\", \"published\": \"2017-03-02\", \"text\": \"DAMASCUS - Troops "
        "entered the town on Thursday, state media said. Engineers cleared mines.\"}\n"
        "{\"id\": \"cut-2\", \"text\": \"This record stops in the mid\n"
        "{\"id\": \"ok-3\", \"text\": \"BEIRUT - Air strikes hit a market on Friday. Five "
        "people were killed, rescuers said.\"}\n"
        "\n"
        "this line is not JSON at all\n"
        "{\"id\": \"ok-6\", \"title\": \"Sixth\", \"text\": \"Fighting went on near the "
        "airport on Saturday, a monitor said.\"}\n"
        "[1, 2, 3]\n");

    Run r = SITREP("read", path);
    ASSERT_STATUS(r, 1);
    ASSERT_STDERR_SAYS(r, path, NULL, 2);
    ASSERT_STDERR_SAYS(r, path, NULL, 5);
    ASSERT_STDERR_SAYS(r, path, NULL, 7);
    /* Good lines are not blamed. */
    assert_false(stderr_says(&r, path, NULL, 1));
    assert_false(stderr_says(&r, path, NULL, 3));
    assert_false(stderr_says(&r, path, NULL, 6));
    Lines l = parse_articles(&r.out);
    assert_true(count_doc(&l, "ok-1") >= 1);
    assert_true(count_doc(&l, "ok-3") >= 1);
    assert_true(count_doc(&l, "ok-6") >= 1);
    assert_int_equal(count_doc(&l, "cut-2"), 0);
    /* The published date of a JSONL record dates its article. */
    for (size_t i = 0; i < l.count; i++)
        if (!strcmp(str_field(l.items[i], "doc_id"), "ok-1")) {
            assert_string_equal(str_field(l.items[i], "date"), "2017-03-02");
            break;
        }
    lines_free(&l);
    run_free(&r);

    /* The same contract for every other command that reads inputs. */
    for (size_t i = 1; i < sizeof input_commands / sizeof *input_commands; i++) {
        const InputCommand *c = &input_commands[i];
        if (!command_exists(c))
            continue;
        r = RUN_COMMAND(f, c, path);
        if (r.status != 1)
            fail_msg("sitrep %s feed.jsonl: exit status %d, want 1; stderr:\n%s", c->name, r.status,
                     r.err.data);
        ASSERT_STDERR_SAYS(r, path, NULL, 2);
        ASSERT_STDERR_SAYS(r, path, NULL, 5);
        ASSERT_STDERR_SAYS(r, path, NULL, 7);
        if (c->output != OUTPUT_NONE) {
            Lines lc = parse_lines(&r.out);
            lines_free(&lc);
        }
        run_free(&r);
    }

    /* A file of nothing but bad lines: nothing processed, exit 2. */
    char *all_bad = write_text(f, "all-bad.jsonl", "{\"id\": 1,\nnope\n");
    r = SITREP("read", all_bad);
    ASSERT_STATUS(r, 2);
    ASSERT_STDERR_SAYS(r, all_bad, NULL, 1);
    ASSERT_STDERR_SAYS(r, all_bad, NULL, 2);
    run_free(&r);
    free(path), free(all_bad);
}

/* A directory is read recursively, in sorted order, whatever order the
 * files were made in. */
static void test_directory(void **state)
{
    Fixture *f = *state;
    char *root = make_dir(f, "reports");
    free(make_dir(f, "reports/m-nested"));
    free(make_dir(f, "reports/m-nested/deeper"));
    free(make_dir(f, "reports/empty-dir"));
    /* Made in reverse order of their names. */
    static const char *const names[] = {"reports/z-last.txt",     "reports/m-nested/deeper/k.txt",
                                        "reports/m-nested/c.txt", "reports/b.txt",
                                        "reports/a-first.txt",    "reports/.hidden.txt"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        free(write_text(f, names[i], good_report));
    /* Things a walk must not follow or open: a link back up the tree
     * (endless), a FIFO (blocks on open, which the alarm would catch). */
    assert_int_equal(symlink("..", tmp_path(f, "reports/m-nested/up")), 0);
    assert_int_equal(mkfifo(tmp_path(f, "reports/m-nested/pipe.txt"), 0600), 0);

    Run r = SITREP("read", root);
    ASSERT_STATUS(r, 0);
    Lines l = parse_articles(&r.out);
    /* The doc_ids in order of first appearance. */
    Buffer order;
    buffer_init(&order);
    const char *last = "";
    for (size_t i = 0; i < l.count; i++) {
        const char *id = str_field(l.items[i], "doc_id");
        if (strcmp(id, last)) {
            buffer_printf(&order, "%s%s", order.len ? " " : "", id);
            last = id;
        }
    }
    buffer_append(&order, "", 0);
    assert_string_equal(order.data, "a-first.txt b.txt c.txt k.txt z-last.txt");
    /* Every file gives the same articles as when read on its own. */
    assert_int_equal(l.count % 5, 0);
    buffer_free(&order);
    lines_free(&l);
    run_free(&r);

    /* A trailing slash changes nothing. */
    char with_slash[PATH_MAX];
    snprintf(with_slash, sizeof with_slash, "%s/", root);
    Run a = SITREP("read", root), b = SITREP("read", with_slash);
    assert_int_equal(a.status, b.status);
    assert_string_equal(a.out.data, b.out.data);
    run_free(&a), run_free(&b);
    free(root);
}

/* `-` reads standard input, alone or among files; JSON Lines on stdin are
 * recognised. */
static void test_stdin(void **state)
{
    Fixture *f = *state;
    Run r = SITREP_STDIN(good_report, strlen(good_report), "read", "-");
    ASSERT_STATUS(r, 0);
    Lines l = parse_articles(&r.out);
    assert_true(l.count >= 1);
    lines_free(&l);
    run_free(&r);

    /* Same text from a file: same articles apart from the doc_id. */
    char *good = write_text(f, "good.txt", good_report);
    Run from_file = SITREP("read", good);
    Run from_stdin = SITREP_STDIN(good_report, strlen(good_report), "read", "-");
    ASSERT_STATUS(from_stdin, 0);
    Lines lf = parse_articles(&from_file.out), ls = parse_articles(&from_stdin.out);
    assert_int_equal(lf.count, ls.count);
    for (size_t i = 0; i < lf.count; i++) {
        json_object_del(lf.items[i], "doc_id");
        json_object_del(ls.items[i], "doc_id");
        assert_true(json_equal(lf.items[i], ls.items[i]));
    }
    lines_free(&lf), lines_free(&ls);
    run_free(&from_file), run_free(&from_stdin);

    static const char jsonl[] =
        "{\"id\": \"piped-1\", \"text\": \"Troops advanced on Monday, the army said.\"}\n"
        "{\"id\": \"piped-2\", \"text\": \"Shelling resumed on Tuesday, a monitor said.\"}\n";
    r = SITREP_STDIN(jsonl, strlen(jsonl), "read", good, "-");
    ASSERT_STATUS(r, 0);
    l = parse_articles(&r.out);
    assert_true(count_doc(&l, "good.txt") >= 1);
    assert_int_equal(count_doc(&l, "piped-1"), 1);
    assert_int_equal(count_doc(&l, "piped-2"), 1);
    /* Inputs are read in the order given. */
    assert_string_equal(str_field(l.items[0], "doc_id"), "good.txt");
    assert_string_equal(str_field(l.items[l.count - 1], "doc_id"), "piped-2");
    lines_free(&l);
    run_free(&r);

    /* Nothing on stdin: reported, and nothing to process. */
    r = SITREP_STDIN("", 0, "read", "-");
    ASSERT_STATUS(r, 2);
    assert_non_null(strcasestr(r.err.data, "empty"));
    run_free(&r);

    /* A large input through the pipe (more than any pipe buffer). */
    Buffer big;
    buffer_init(&big);
    while (big.len < (4u << 20))
        buffer_append_str(&big, good_report);
    r = SITREP_STDIN(big.data, big.len, "read", "-");
    ASSERT_STATUS(r, 0);
    l = parse_articles(&r.out);
    assert_true(l.count >= 2);
    lines_free(&l);
    run_free(&r);
    buffer_free(&big);
    free(good);
}

/* ---- The output contract -------------------------------------------------- */

/* Offsets of a clean .txt file point at the sentences in the file's bytes;
 * article spans are ordered and inside the file. */
static void test_jsonl_offsets(void **state)
{
    Fixture *f = *state;
    /* good_report, with a second copy of it separated by page furniture and
     * a sentence with abbreviations, quotes and non-ASCII text. */
    Buffer text;
    buffer_init(&text);
    buffer_append_str(&text, "Middle East Desk\n\n");
    buffer_append_str(&text, good_report);
    buffer_append_str(&text, "\n« Newer stories | Older stories »\n\n");
    buffer_append_str(&text,
                      "June 12, 2017\n"
                      "U.S.-backed fighters enter Raqqa’s old city\n"
                      "RAQQA - The U.S.-backed Syrian Democratic Forces entered the old city "
                      "on Monday, the alliance said. \"We are 500 m from the walls,\" a commander "
                      "told Reuters.   Dr. Hassan said 3.5 tonnes of aid arrived in Ain Issa.\n"
                      "\n\n   \n");
    char *path = write_file(f, "offsets.txt", text.data, text.len);

    Run r = SITREP("read", path);
    ASSERT_STATUS(r, 0);
    Lines l = parse_articles(&r.out);
    assert_true(l.count >= 3);
    size_t sentences = assert_offsets_in_file(&l, "offsets.txt", &text);
    assert_true(sentences >= 6);
    /* Articles come in order and do not overlap; indices count from 0. */
    json_int_t previous_end = 0;
    for (size_t i = 0; i < l.count; i++) {
        assert_int_equal(json_integer_value(json_object_get(l.items[i], "article")), i);
        json_int_t s0 = json_integer_value(json_object_get(l.items[i], "start"));
        assert_true(s0 >= previous_end);
        previous_end = json_integer_value(json_object_get(l.items[i], "end"));
    }
    /* The dated stories carry their dates. */
    bool saw_march_2 = false, saw_june_12 = false;
    for (size_t i = 0; i < l.count; i++) {
        const char *d = str_field(l.items[i], "date");
        saw_march_2 |= d && !strcmp(d, "2017-03-02");
        saw_june_12 |= d && !strcmp(d, "2017-06-12");
    }
    assert_true(saw_march_2);
    assert_true(saw_june_12);
    lines_free(&l);
    run_free(&r);
    buffer_free(&text);
    free(path);
}

/* The same input read twice gives the same bytes; an input named twice in
 * one run gives its articles twice. */
static void test_idempotent(void **state)
{
    Fixture *f = *state;
    char *good = write_text(f, "good.txt", good_report);
    Run a = SITREP("read", "samples", good);
    Run b = SITREP("read", "samples", good);
    ASSERT_STATUS(a, 0);
    assert_int_equal(a.status, b.status);
    assert_true(a.out.len > 0);
    assert_int_equal(a.out.len, b.out.len);
    assert_memory_equal(a.out.data, b.out.data, a.out.len);
    assert_string_equal(a.err.data, b.err.data);
    run_free(&a), run_free(&b);

    Run once = SITREP("read", good);
    Run twice = SITREP("read", good, good);
    ASSERT_STATUS(twice, 0);
    assert_int_equal(twice.out.len, 2 * once.out.len);
    assert_memory_equal(twice.out.data, once.out.data, once.out.len);
    assert_memory_equal(twice.out.data + once.out.len, once.out.data, once.out.len);
    run_free(&once), run_free(&twice);
    free(good);
}

/* ---- The project's own samples -------------------------------------------- */

/* What samples/README.md says each sample holds, per article: a phrase of
 * its body (text files: found in the file's bytes at the article's
 * [start, end)), its headline, and the date its own text gives. The JSONL
 * sample's expectations are read from the file itself. */
typedef struct SampleArticle {
    const char *doc_id, *phrase, *headline, *date;
} SampleArticle;

static const SampleArticle sample_articles[] = {
    {"wire-archive.txt", "took back the desert city of Palmyra",
     "Syrian army says it has recaptured Palmyra from Islamic State", "2017-03-02"},
    {"wire-archive.txt", "hand a string of villages west of the northern town of Manbij",
     "Kurdish-led council hands villages west of Manbij to government troops", "2017-03-03"},
    {"wire-archive.txt", "captured the town of al-Bab from Islamic State",
     "Turkish-backed rebels drive Islamic State out of al-Bab", "2017-02-23"},
    {"wire-archive.txt", "seized several villages north of the Islamic State stronghold",
     "US-backed fighters push toward Raqqa from the north", "2016-11-08"},
    {"wire-archive.txt", "struck Syrian army positions on a hill overlooking",
     "Russia says coalition strike near Deir ez-Zor airport killed dozens of Syrian soldiers",
     "2016-09-18"},
    {"daily-digest.txt", "most of the industrial quarter on the eastern edge of Raqqa",
     "SDF fighters push into Raqqa's eastern districts", "2017-06-12"},
    {"daily-digest.txt", "Air strikes on Raqqa overnight killed at least 21 civilians",
     "Monitor says air raids on Raqqa killed civilians overnight", "2017-06-12"},
    {"daily-digest.txt", "advanced on Sunday along the road east of Palmyra",
     "Government forces press on in the desert after reaching the Iraqi border", "2017-06-11"},
    {"daily-digest.txt", "dropped dozens of barrel bombs on rebel-held districts",
     "Dozens of barrel bombs dropped on Daraa, activists say", "2017-06-12"},
    /* HTML offsets are into the extracted text, so posts are found by
     * headline. Two posts give only a weekday and a day ("Tuesday 5
     * September"): no year, so no date is required of them. */
    {"frontline-blog.html", NULL, "The siege of Deir ez-Zor is broken", NULL},
    {"frontline-blog.html", NULL, "Khan Sheikhoun: what we know a day after the gas attack",
     "2017-04-05"},
    {"frontline-blog.html", NULL, "Palmyra lost again", NULL},
};

/* The article of `want`: by body phrase in `file` for text samples, by
 * headline otherwise. NULL if none. */
static const json_t *find_sample_article(const Lines *l, const SampleArticle *want,
                                         const Buffer *file)
{
    for (size_t i = 0; i < l->count; i++) {
        const json_t *a = l->items[i];
        if (strcmp(str_field(a, "doc_id"), want->doc_id))
            continue;
        if (want->phrase && file) {
            size_t s0 = (size_t)json_integer_value(json_object_get(a, "start"));
            size_t s1 = (size_t)json_integer_value(json_object_get(a, "end"));
            if (s1 <= file->len &&
                memmem(file->data + s0, s1 - s0, want->phrase, strlen(want->phrase)))
                return a;
        } else {
            const char *t = str_field(a, "title");
            if (t && !strcmp(t, want->headline))
                return a;
        }
    }
    return NULL;
}

static void list_articles(const Lines *l, const char *doc_id, Buffer *b)
{
    buffer_clear(b);
    for (size_t i = 0; i < l->count; i++)
        if (!strcmp(str_field(l->items[i], "doc_id"), doc_id)) {
            const char *t = str_field(l->items[i], "title");
            const char *d = str_field(l->items[i], "date");
            buffer_printf(b, "    #%lld [%lld,%lld) %s  (%s)\n",
                          json_integer_value(json_object_get(l->items[i], "article")),
                          json_integer_value(json_object_get(l->items[i], "start")),
                          json_integer_value(json_object_get(l->items[i], "end")),
                          t ? t : "(no title)", d ? d : "no date");
        }
    buffer_append(b, "", 0);
}

/* One run over samples/ shared by the sample tests. */
typedef struct Samples {
    Run run;
    Lines articles;
    Buffer files[sizeof sample_articles / sizeof *sample_articles];
    bool has_file[sizeof sample_articles / sizeof *sample_articles];
    json_t *exports; /* the records of samples/exports.jsonl */
} Samples;

static void samples_load(Samples *s)
{
    memset(s, 0, sizeof *s);
    if (access("samples", R_OK) != 0) {
        print_message("skipped: no samples/ directory in the working directory\n");
        skip();
    }
    s->run = SITREP("read", "samples");
    ASSERT_STATUS(s->run, 0);
    s->articles = parse_articles(&s->run.out);
    assert_true(s->articles.count > 0);
    for (size_t i = 0; i < sizeof sample_articles / sizeof *sample_articles; i++) {
        const char *id = sample_articles[i].doc_id;
        size_t n = strlen(id);
        if (n < 4 || strcmp(id + n - 4, ".txt"))
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "samples/%s", id);
        assert_true(read_whole(path, &s->files[i]));
        s->has_file[i] = true;
    }
    s->exports = json_array();
    FILE *fp = fopen("samples/exports.jsonl", "r");
    assert_non_null(fp);
    char line[65536];
    while (fgets(line, sizeof line, fp)) {
        json_error_t error;
        json_t *v = json_loads(line, 0, &error);
        if (v)
            json_array_append_new(s->exports, v);
    }
    fclose(fp);
    assert_true(json_array_size(s->exports) > 0);
}

static void samples_free(Samples *s)
{
    for (size_t i = 0; i < sizeof sample_articles / sizeof *sample_articles; i++)
        if (s->has_file[i])
            buffer_free(&s->files[i]);
    json_decref(s->exports);
    lines_free(&s->articles);
    run_free(&s->run);
}

/* `sitrep read samples/`: exit 0, articles from every sample, and each
 * article dated where its sample's text gives the date. */
static void test_samples_dates(void **state)
{
    (void)state;
    Samples s;
    samples_load(&s);
    print_message("samples/: %zu articles\n", s.articles.count);
    static const char *const files[] = {"wire-archive.txt", "daily-digest.txt",
                                        "frontline-blog.html"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (count_doc(&s.articles, files[i]) == 0)
            fail_msg("no article from samples/%s", files[i]);

    int failures = 0;
    Buffer listing;
    buffer_init(&listing);
    for (size_t i = 0; i < sizeof sample_articles / sizeof *sample_articles; i++) {
        const SampleArticle *want = &sample_articles[i];
        const json_t *a =
            find_sample_article(&s.articles, want, s.has_file[i] ? &s.files[i] : NULL);
        const char *date = a ? str_field(a, "date") : NULL;
        if (!want->date)
            continue; /* no date in its text; finding it is the headline test's job */
        if (a && date && !strcmp(date, want->date))
            continue;
        list_articles(&s.articles, want->doc_id, &listing);
        print_error("%s, article %s \"%s\": %s%s, want %s; its articles:\n%s", want->doc_id,
                    want->phrase ? "holding" : "titled",
                    want->phrase ? want->phrase : want->headline, a ? "date " : "not found",
                    a ? (date ? date : "null") : "", want->date, listing.data);
        failures++;
    }

    /* Each JSONL record: its "published" date, or (one record without it)
     * the date its text opens with. */
    for (size_t i = 0; i < json_array_size(s.exports); i++) {
        const json_t *rec = json_array_get(s.exports, i);
        const char *id = str_field(rec, "id");
        const char *published = str_field(rec, "published");
        const SampleArticle want = {id, NULL, NULL, published ? published : "2017-04-05"};
        const json_t *a = NULL;
        for (size_t k = 0; k < s.articles.count && !a; k++)
            if (!strcmp(str_field(s.articles.items[k], "doc_id"), id))
                a = s.articles.items[k];
        const char *date = a ? str_field(a, "date") : NULL;
        if (a && date && !strcmp(date, want.date))
            continue;
        print_error("exports.jsonl record %s: %s%s, want %s\n", id, a ? "date " : "no article",
                    a ? (date ? date : "null") : "", want.date);
        failures++;
    }
    buffer_free(&listing);
    samples_free(&s);
    if (failures)
        fail_msg("%d sample articles not found or without their date", failures);
}

/* The headlines of the samples are the articles' titles, and offsets of the
 * clean text samples point at sentences in the file. */
static void test_samples_headlines_and_offsets(void **state)
{
    (void)state;
    Samples s;
    samples_load(&s);
    int failures = 0;
    Buffer listing;
    buffer_init(&listing);
    for (size_t i = 0; i < sizeof sample_articles / sizeof *sample_articles; i++) {
        const SampleArticle *want = &sample_articles[i];
        const json_t *a =
            find_sample_article(&s.articles, want, s.has_file[i] ? &s.files[i] : NULL);
        const char *title = a ? str_field(a, "title") : NULL;
        if (title && !strcmp(title, want->headline))
            continue;
        list_articles(&s.articles, want->doc_id, &listing);
        print_error("%s: %s%s%s, want title \"%s\"; its articles:\n%s", want->doc_id,
                    a ? "title \"" : "no article found", a ? (title ? title : "null") : "",
                    a ? "\"" : "", want->headline, listing.data);
        failures++;
    }
    for (size_t i = 0; i < json_array_size(s.exports); i++) {
        const json_t *rec = json_array_get(s.exports, i);
        const char *id = str_field(rec, "id"), *want = str_field(rec, "title");
        const json_t *a = NULL;
        for (size_t k = 0; k < s.articles.count && !a; k++)
            if (!strcmp(str_field(s.articles.items[k], "doc_id"), id))
                a = s.articles.items[k];
        const char *title = a ? str_field(a, "title") : NULL;
        if (!want || (title && !strcmp(title, want)))
            continue;
        print_error("exports.jsonl record %s: title \"%s\", want \"%s\"\n", id,
                    title ? title : "null", want);
        failures++;
    }
    for (size_t i = 0; i < sizeof sample_articles / sizeof *sample_articles; i++) {
        if (!s.has_file[i] ||
            (i > 0 && !strcmp(sample_articles[i - 1].doc_id, sample_articles[i].doc_id)))
            continue;
        const Buffer *file = &s.files[i];
        if (utf8_first_invalid((const unsigned char *)file->data, file->len) == file->len &&
            !memchr(file->data, '\r', file->len))
            assert_true(assert_offsets_in_file(&s.articles, sample_articles[i].doc_id, file) > 0);
    }
    buffer_free(&listing);
    samples_free(&s);
    if (failures)
        fail_msg("%d sample articles without their headline as title", failures);
}

int main(void)
{
    if (!realpath("build/sitrep-san", sitrep_path)) {
        fprintf(stderr, "test_cli: build/sitrep-san not found: run from the repository root "
                        "after `make build/sitrep-san`\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_binary_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_single_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_html, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_jsonl, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_offsets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_idempotent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_samples_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_samples_headlines_and_offsets, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
