/*
 * test_api.c — `sitrep serve` in-process: every endpoint against a store
 * filled with the hand-made events of fixture.h, over real HTTP on an
 * ephemeral loopback port, with a tiny blocking socket client. Covers the
 * answers, bad parameters (400), unknown ids (404), injection-shaped input
 * and path traversal against the static files.
 */
#include "testing.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

#include "../../src/serve/serve.h"
#include "fixture.h"

typedef struct Fixture {
    char dir[64];
    char db[96];
    Server *server;
    int port;
} Fixture;

typedef struct Reply {
    int status;
    char content_type[128];
    char *body; /* heap, NUL-terminated */
    json_t *json;
} Reply;

/* ---- A minimal HTTP/1.1 client ------------------------------------------- */

static void reply_free(Reply *r)
{
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

/* Sends `method target` exactly as given (no normalisation, so traversal
 * attempts reach the server verbatim) and reads until the server closes. */
static Reply request_with_host(int port, const char *method, const char *target, const char *host);

static Reply request_raw(int port, const char *method, const char *target)
{
    return request_with_host(port, method, target, "127.0.0.1");
}

static Reply request_with_host(int port, const char *method, const char *target, const char *host)
{
    Reply r = {0};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    char req[2048];
    int n = snprintf(req, sizeof req, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n",
                     method, target, host);
    assert_true(n > 0 && (size_t)n < sizeof req);
    assert_int_equal(send(fd, req, (size_t)n, 0), n);
    Buffer in;
    buffer_init(&in);
    char chunk[8192];
    ssize_t got;
    while ((got = recv(fd, chunk, sizeof chunk, 0)) > 0)
        buffer_append(&in, chunk, (size_t)got);
    close(fd);
    assert_non_null(in.data);
    assert_int_equal(sscanf(in.data, "HTTP/1.%*d %d", &r.status), 1);
    char *end = strstr(in.data, "\r\n\r\n");
    assert_non_null(end);
    *end = '\0';
    for (char *line = strstr(in.data, "\r\n"); line; line = strstr(line + 2, "\r\n"))
        if (!strncasecmp(line + 2, "Content-Type: ", 14)) {
            const char *v = line + 16;
            size_t len = strcspn(v, "\r");
            snprintf(r.content_type, sizeof r.content_type, "%.*s", (int)len, v);
        }
    r.body = strdup(end + 4);
    buffer_free(&in);
    if (!strncmp(r.content_type, "application/json", 16) ||
        !strncmp(r.content_type, "application/geo+json", 20))
        r.json = json_loads(r.body, 0, NULL);
    return r;
}

static Reply get(const Fixture *f, const char *target)
{
    return request_raw(f->port, "GET", target);
}

/* ---- Set-up ------------------------------------------------------------- */

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/sitrep-api-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->db, sizeof f->db, "%s/test.db", f->dir);
    char err[256];
    Store *s = store_open(f->db, err, sizeof err);
    if (!s) {
        fprintf(stderr, "store_open: %s\n", err);
        return -1;
    }
    if (fixture_fill(s) != 0) {
        fprintf(stderr, "fixture: %s\n", store_error(s));
        store_close(s);
        return -1;
    }
    store_close(s);
    ServeOptions o = {.db_path = f->db,
                      .host = "127.0.0.1",
                      .port = 0,
                      .web_root = "web",
                      .vendor_root = "node_modules",
                      .threads = 2};
    f->server = serve_start(&o, err, sizeof err);
    if (!f->server) {
        fprintf(stderr, "serve_start: %s\n", err);
        return -1;
    }
    f->port = serve_port(f->server);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    serve_stop(f->server);
    fixture_remove_db(f->dir, f->db);
    free(f);
    return 0;
}

/* ---- Helpers over the JSON --------------------------------------------- */

static json_t *events_of(const Reply *r)
{
    assert_int_equal(r->status, 200);
    assert_non_null(r->json);
    json_t *ev = json_object_get(r->json, "events");
    assert_true(json_is_array(ev));
    return ev;
}

static const char *place_name(json_t *event)
{
    return json_string_value(json_object_get(json_object_get(event, "place"), "name"));
}

static void assert_error(const Reply *r, int status)
{
    assert_int_equal(r->status, status);
    assert_non_null(r->json);
    assert_true(json_is_string(json_object_get(r->json, "error")));
}

/* ---- Endpoints ----------------------------------------------------------- */

static void test_health(void **state)
{
    Reply r = get(*state, "/api/health");
    assert_int_equal(r.status, 200);
    assert_string_equal(r.content_type, "application/json; charset=utf-8");
    assert_string_equal(json_string_value(json_object_get(r.json, "status")), "ok");
    json_t *counts = json_object_get(r.json, "counts");
    assert_int_equal(json_integer_value(json_object_get(counts, "documents")), 2);
    assert_int_equal(json_integer_value(json_object_get(counts, "reports")), 5);
    reply_free(&r);
}

static void test_events_list_and_filters(void **state)
{
    const Fixture *f = *state;
    Reply all = get(f, "/api/events");
    json_t *ev = events_of(&all);
    /* Five reports; the two Palmyra recaptures fuse into one event. */
    size_t total = json_array_size(ev);
    assert_true(total == 4 || total == 5);
    assert_true(json_is_null(json_object_get(all.json, "next_offset")));
    /* Newest first. */
    const char *prev = "9999";
    for (size_t i = 0; i < total; i++) {
        const char *d = json_string_value(json_object_get(json_array_get(ev, i), "date"));
        assert_non_null(d);
        assert_true(strcmp(d, prev) <= 0);
        prev = d;
    }
    reply_free(&all);

    Reply palmyra = get(f, "/api/events?place=palmyra");
    ev = events_of(&palmyra);
    assert_true(json_array_size(ev) >= 2);
    for (size_t i = 0; i < json_array_size(ev); i++)
        assert_string_equal(place_name(json_array_get(ev, i)), "Palmyra");
    reply_free(&palmyra);

    Reply raqqa = get(f, "/api/events?admin1=SY-RA");
    ev = events_of(&raqqa);
    assert_int_equal(json_array_size(ev), 1);
    assert_string_equal(place_name(json_array_get(ev, 0)), "Raqqa");
    json_t *fat = json_object_get(json_array_get(ev, 0), "fatalities");
    assert_int_equal(json_integer_value(json_object_get(fat, "best")), 12);
    reply_free(&raqqa);

    Reply strike = get(f, "/api/events?type=Air%2Fdrone%20strike");
    assert_int_equal(json_array_size(events_of(&strike)), 1);
    reply_free(&strike);

    Reply window = get(f, "/api/events?from=2017-02-01&to=2017-02-28");
    ev = events_of(&window);
    assert_int_equal(json_array_size(ev), 1);
    assert_string_equal(place_name(json_array_get(ev, 0)), "al-Bab");
    reply_free(&window);

    Reply side = get(f, "/api/events?side=opposition");
    ev = events_of(&side);
    assert_int_equal(json_array_size(ev), 1);
    assert_string_equal(place_name(json_array_get(ev, 0)), "al-Bab");
    reply_free(&side);

    Reply actor = get(f, "/api/events?actor=coalition");
    assert_int_equal(json_array_size(events_of(&actor)), 1);
    reply_free(&actor);

    Reply outlet = get(f, "/api/events?outlet=reuters");
    ev = events_of(&outlet);
    assert_true(json_array_size(ev) >= 2);
    for (size_t i = 0; i < json_array_size(ev); i++) {
        json_t *outlets = json_object_get(json_array_get(ev, i), "outlets");
        bool has = false;
        for (size_t k = 0; k < json_array_size(outlets); k++)
            has |= !strcmp(json_string_value(json_array_get(outlets, k)), "Reuters");
        assert_true(has);
    }
    reply_free(&outlet);

    /* Full text over the reporting articles: "market" is only in document A. */
    Reply q = get(f, "/api/events?q=market");
    ev = events_of(&q);
    assert_true(json_array_size(ev) >= 1);
    for (size_t i = 0; i < json_array_size(ev); i++) {
        json_t *outlets = json_object_get(json_array_get(ev, i), "outlets");
        bool sana = false;
        for (size_t k = 0; k < json_array_size(outlets); k++)
            sana |= !strcmp(json_string_value(json_array_get(outlets, k)), "SANA");
        assert_true(sana);
    }
    reply_free(&q);
    Reply none = get(f, "/api/events?q=zeppelin");
    assert_int_equal(json_array_size(events_of(&none)), 0);
    reply_free(&none);
    /* FTS syntax characters are plain words, never a malformed query. */
    Reply odd = get(f, "/api/events?q=%22palmyra%20AND%20(%20NEAR");
    assert_int_equal(odd.status, 200);
    reply_free(&odd);
}

static void test_events_pagination(void **state)
{
    const Fixture *f = *state;
    Reply first = get(f, "/api/events?limit=2");
    json_t *ev = events_of(&first);
    assert_int_equal(json_array_size(ev), 2);
    assert_int_equal(json_integer_value(json_object_get(first.json, "next_offset")), 2);
    long id0 = (long)json_integer_value(json_object_get(json_array_get(ev, 0), "id"));
    long id1 = (long)json_integer_value(json_object_get(json_array_get(ev, 1), "id"));
    Reply second = get(f, "/api/events?limit=2&offset=2");
    json_t *ev2 = events_of(&second);
    assert_true(json_array_size(ev2) >= 1);
    for (size_t i = 0; i < json_array_size(ev2); i++) {
        long id = (long)json_integer_value(json_object_get(json_array_get(ev2, i), "id"));
        assert_true(id != id0 && id != id1);
    }
    Reply past = get(f, "/api/events?offset=500");
    assert_int_equal(json_array_size(events_of(&past)), 0);
    reply_free(&first);
    reply_free(&second);
    reply_free(&past);
}

static void test_bad_parameters(void **state)
{
    const Fixture *f = *state;
    const char *bad[] = {
        "/api/events?from=2017-13-01",
        "/api/events?to=yesterday",
        "/api/events?from=2017-02-30",
        "/api/events?limit=abc",
        "/api/events?limit=1001",
        "/api/events?limit=-1",
        "/api/events?limit=0",
        "/api/events?limit=",
        "/api/events?offset=-5",
        "/api/events?limit=10abc",
        "/api/events?from=2017-06-01&to=2017-01-01",
        "/api/control",
        "/api/control?date=2017-3-5",
        "/api/control?date=2017-03-05%27%20OR%201=1",
        "/api/timeline",
        "/api/events/abc",
        "/api/events/0",
        "/api/events/-3",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Reply r = get(f, bad[i]);
        if (r.status != 400)
            fail_msg("%s answered %d, not 400", bad[i], r.status);
        assert_error(&r, 400);
        reply_free(&r);
    }
    /* An unknown parameter is ignored; the maximum limit is accepted. */
    Reply ok = get(f, "/api/events?colour=blue&limit=1000");
    assert_int_equal(ok.status, 200);
    reply_free(&ok);
}

static void test_injection_is_data(void **state)
{
    const Fixture *f = *state;
    Reply r = get(f, "/api/events?place=%27%20OR%201%3D1%20--");
    assert_int_equal(json_array_size(events_of(&r)), 0);
    reply_free(&r);
    r = get(f, "/api/events?outlet=x%22%29%3B%20DROP%20TABLE%20events%3B--");
    assert_int_equal(json_array_size(events_of(&r)), 0);
    reply_free(&r);
    r = get(f, "/api/health");
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(r.json, "counts"), "reports")), 5);
    reply_free(&r);
}

static void test_event_detail(void **state)
{
    const Fixture *f = *state;
    Reply list = get(f, "/api/events?place=Palmyra&from=2017-03-01&to=2017-03-31");
    json_t *ev = events_of(&list);
    assert_true(json_array_size(ev) >= 1);
    long id = (long)json_integer_value(json_object_get(json_array_get(ev, 0), "id"));
    reply_free(&list);

    char path[64];
    snprintf(path, sizeof path, "/api/events/%ld", id);
    Reply d = get(f, path);
    assert_int_equal(d.status, 200);
    assert_int_equal(json_integer_value(json_object_get(d.json, "id")), id);
    assert_string_equal(json_string_value(json_object_get(d.json, "sub_event_type")),
                        "Government regains territory");
    /* Every claim with its outlet and sentence. */
    json_t *claims = json_object_get(d.json, "claims");
    assert_true(json_array_size(claims) >= 1);
    for (size_t i = 0; i < json_array_size(claims); i++) {
        json_t *c = json_array_get(claims, i);
        assert_non_null(json_string_value(json_object_get(c, "outlet")));
        assert_non_null(strstr(json_string_value(json_object_get(c, "text")), "Palmyra"));
    }
    json_t *reports = json_object_get(d.json, "report_list");
    assert_int_equal(json_array_size(reports),
                     json_integer_value(json_object_get(d.json, "reports")));
    reply_free(&d);

    Reply missing = get(f, "/api/events/987654");
    assert_error(&missing, 404);
    reply_free(&missing);
    Reply route = get(f, "/api/nothing");
    assert_error(&route, 404);
    reply_free(&route);
}

/* Holder of the feature named `name`, or NULL; fails if absent. */
static const char *holder_in(json_t *fc, const char *name)
{
    json_t *features = json_object_get(fc, "features");
    for (size_t i = 0; i < json_array_size(features); i++) {
        json_t *p = json_object_get(json_array_get(features, i), "properties");
        if (!strcmp(json_string_value(json_object_get(p, "name")), name))
            return json_string_value(json_object_get(p, "holder_side"));
    }
    fail_msg("no feature named %s", name);
    return NULL;
}

static void test_control(void **state)
{
    const Fixture *f = *state;
    Reply r = get(f, "/api/control?date=2017-03-05");
    assert_int_equal(r.status, 200);
    assert_string_equal(r.content_type, "application/geo+json; charset=utf-8");
    assert_string_equal(json_string_value(json_object_get(r.json, "type")), "FeatureCollection");
    json_t *feat = json_array_get(json_object_get(r.json, "features"), 0);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(feat, "geometry"), "type")), "Point");
    assert_string_equal(holder_in(r.json, "Palmyra"), "government");
    reply_free(&r);

    r = get(f, "/api/control?date=2017-01-15");
    assert_string_equal(holder_in(r.json, "Palmyra"), "islamic_state");
    reply_free(&r);

    /* Before any evidence the place is listed with an unknown holder. */
    r = get(f, "/api/control?date=2016-06-01");
    assert_int_equal(r.status, 200);
    json_t *features = json_object_get(r.json, "features");
    for (size_t i = 0; i < json_array_size(features); i++)
        assert_true(json_is_null(json_object_get(
            json_object_get(json_array_get(features, i), "properties"), "holder_side")));
    reply_free(&r);
}

static void test_timeline(void **state)
{
    const Fixture *f = *state;
    Reply r = get(f, "/api/timeline?place=Palmyra");
    assert_int_equal(r.status, 200);
    json_t *tl = json_array_get(json_object_get(r.json, "timelines"), 0);
    json_t *periods = json_object_get(tl, "periods");
    assert_int_equal(json_array_size(periods), 2);
    json_t *p0 = json_array_get(periods, 0), *p1 = json_array_get(periods, 1);
    assert_string_equal(json_string_value(json_object_get(p0, "holder_side")), "islamic_state");
    assert_string_equal(json_string_value(json_object_get(p1, "holder_side")), "government");
    assert_string_equal(json_string_value(json_object_get(p1, "from")), "2017-03-02");
    /* Each cited event is included with its sources. */
    json_t *evidence = json_object_get(r.json, "evidence");
    json_t *ids = json_object_get(p1, "evidence");
    assert_true(json_array_size(ids) >= 1);
    char key[32];
    snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_array_get(ids, 0)));
    json_t *cited = json_object_get(evidence, key);
    assert_non_null(cited);
    assert_true(json_array_size(json_object_get(cited, "report_list")) >= 1);
    reply_free(&r);

    r = get(f, "/api/timeline?place=Atlantis");
    assert_error(&r, 404);
    reply_free(&r);
}

static void test_outlets_and_legend(void **state)
{
    const Fixture *f = *state;
    Reply r = get(f, "/api/outlets");
    assert_int_equal(r.status, 200);
    json_t *outlets = json_object_get(r.json, "outlets");
    assert_int_equal(json_array_size(outlets), 2);
    /* Most reports first: SANA has three, Reuters two. */
    assert_string_equal(json_string_value(json_object_get(json_array_get(outlets, 0), "outlet")),
                        "SANA");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(outlets, 0), "reports")), 3);
    reply_free(&r);

    r = get(f, "/api/legend");
    assert_int_equal(r.status, 200);
    assert_int_equal((int)json_array_size(json_object_get(r.json, "sides")), serve_side_count);
    reply_free(&r);
}

/* ---- Static files --------------------------------------------------------- */

static void test_static_files(void **state)
{
    const Fixture *f = *state;
    struct {
        const char *path, *type;
    } ok[] = {
        {"/", "text/html; charset=utf-8"},
        {"/index.html", "text/html; charset=utf-8"},
        {"/app.js", "text/javascript; charset=utf-8"},
        {"/style.css", "text/css; charset=utf-8"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        Reply r = get(f, ok[i].path);
        if (r.status != 200)
            fail_msg("%s answered %d", ok[i].path, r.status);
        assert_string_equal(r.content_type, ok[i].type);
        reply_free(&r);
    }
    if (access("node_modules/d3-geo", R_OK) == 0) {
        Reply r = get(f, "/vendor/d3-geo.js");
        assert_int_equal(r.status, 200);
        assert_string_equal(r.content_type, "text/javascript; charset=utf-8");
        reply_free(&r);
        r = get(f, "/vendor/countries-50m.json");
        assert_int_equal(r.status, 200);
        assert_non_null(strstr(r.body, "\"Topology\""));
        reply_free(&r);
    }
    Reply r = get(f, "/nothing-here.js");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = get(f, "/vendor/package.json"); /* not in the vendor table */
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = request_raw(f->port, "POST", "/api/health");
    assert_int_equal(r.status, 405);
    reply_free(&r);
    r = request_raw(f->port, "HEAD", "/api/health");
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "");
    reply_free(&r);
}

static void test_traversal(void **state)
{
    const Fixture *f = *state;
    const char *attacks[] = {
        "/../Makefile",
        "/%2e%2e/Makefile",
        "/%2E%2E/Makefile",
        "/vendor/../../etc/passwd",
        "/vendor/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fMakefile",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd",
        "/./index.html/../../Makefile",
        "/..\\Makefile",
        "/web/../Makefile",
        "/%00/etc/passwd",
    };
    for (size_t i = 0; i < sizeof attacks / sizeof *attacks; i++) {
        Reply r = get(f, attacks[i]);
        if (r.status == 200)
            fail_msg("%s was served", attacks[i]);
        assert_true(r.status == 400 || r.status == 404);
        assert_null(strstr(r.body, "root:"));
        assert_null(strstr(r.body, "LIB_SRC"));
        reply_free(&r);
    }
}

/* A symlink inside the web folder that points out of it is not followed. */
/* A loopback server answers only requests naming a loopback host, so a
 * page elsewhere cannot reach the API by DNS rebinding. */
static void test_host_header(void **state)
{
    const Fixture *f = *state;
    static const char *const allowed[] = {"127.0.0.1", "localhost:8080", "LOCALHOST", "127.0.0.2:1",
                                          "[::1]:8080"};
    static const char *const refused[] = {"evil.example", "evil.example:8080",
                                          "127.0.0.1.evil.example", "localhost.evil.example",
                                          "10.0.0.1"};
    for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++) {
        Reply r = request_with_host(f->port, "GET", "/api/health", allowed[i]);
        assert_int_equal(r.status, 200);
        reply_free(&r);
    }
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        Reply r = request_with_host(f->port, "GET", "/api/health", refused[i]);
        assert_int_equal(r.status, 403);
        reply_free(&r);
    }
}

static void test_symlink_escape(void **state)
{
    (void)state;
    char dir[] = "/tmp/sitrep-web-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], link_path[128];
    snprintf(path, sizeof path, "%s/index.html", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("<!doctype html><title>t</title>", fp);
    fclose(fp);
    snprintf(link_path, sizeof link_path, "%s/passwd.txt", dir);
    assert_int_equal(symlink("/etc/passwd", link_path), 0);

    StaticFile sf;
    assert_int_equal(files_open(dir, NULL, "/index.html", &sf), 200);
    close(sf.fd);
    assert_int_equal(files_open(dir, NULL, "/passwd.txt", &sf), 404);
    assert_int_equal(files_open(dir, NULL, "/../etc/passwd", &sf), 400);
    assert_int_equal(files_open(dir, NULL, "relative", &sf), 400);
    assert_int_equal(files_open(dir, NULL, "/vendor/d3-geo.js", &sf), 404);
    unlink(link_path);
    unlink(path);
    rmdir(dir);
}

static void test_content_types(void **state)
{
    (void)state;
    assert_string_equal(files_content_type("a/b.HTML"), "text/html; charset=utf-8");
    assert_string_equal(files_content_type("x.svg"), "image/svg+xml");
    assert_string_equal(files_content_type("x.json"), "application/json; charset=utf-8");
    assert_string_equal(files_content_type("noext"), "application/octet-stream");
    assert_string_equal(files_content_type("dir.d/file"), "application/octet-stream");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_health),
        cmocka_unit_test(test_events_list_and_filters),
        cmocka_unit_test(test_events_pagination),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_injection_is_data),
        cmocka_unit_test(test_event_detail),
        cmocka_unit_test(test_control),
        cmocka_unit_test(test_timeline),
        cmocka_unit_test(test_outlets_and_legend),
        cmocka_unit_test(test_static_files),
        cmocka_unit_test(test_traversal),
        cmocka_unit_test(test_symlink_escape),
        cmocka_unit_test(test_host_header),
        cmocka_unit_test(test_content_types),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
