/*
 * server.c — the libmicrohttpd daemon behind `sitrep serve`.
 *
 * Threads: libmicrohttpd runs a pool of `threads` workers, each polling
 * its own share of the connections. SQLite connections must not be used by
 * two threads at once, so the server opens as many store connections as
 * there are workers and a request borrows one for its duration from a
 * small pool (mutex + condition variable). With one connection per worker
 * nobody ever waits, and WAL mode lets them all read at once while an
 * ingest writes.
 *
 * Requests: GET and HEAD only. /api/... goes to api.c, everything else to
 * files.c. Every answer carries nosniff and a Content-Security-Policy that
 * allows only this origin (the page loads nothing from elsewhere).
 */
#include "serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

enum { SERVE_DEFAULT_THREADS = 4, SERVE_MAX_THREADS = 64 };

typedef struct StorePool {
    pthread_mutex_t lock;
    pthread_cond_t available;
    Store **free; /* stack of idle connections */
    int free_count;
    Store **all;
    int count;
} StorePool;

struct Server {
    struct MHD_Daemon *daemon;
    StorePool pool;
    char *web_root, *vendor_root;
    int port;
    bool loopback_only; /* listening on a loopback address: see host_allowed() */
};

/* ---- Store pool ----------------------------------------------------------- */

static Store *pool_take(StorePool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->free_count == 0)
        pthread_cond_wait(&p->available, &p->lock);
    Store *s = p->free[--p->free_count];
    pthread_mutex_unlock(&p->lock);
    return s;
}

static void pool_give(StorePool *p, Store *s)
{
    pthread_mutex_lock(&p->lock);
    p->free[p->free_count++] = s;
    pthread_cond_signal(&p->available);
    pthread_mutex_unlock(&p->lock);
}

static void pool_close(StorePool *p)
{
    for (int i = 0; i < p->count; i++)
        store_close(p->all[i]);
    free(p->all);
    free(p->free);
    pthread_cond_destroy(&p->available);
    pthread_mutex_destroy(&p->lock);
}

static int pool_open(StorePool *p, const char *db_path, int n, char *err, size_t cap)
{
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->available, NULL);
    p->all = calloc((size_t)n, sizeof *p->all);
    p->free = calloc((size_t)n, sizeof *p->free);
    p->count = p->free_count = 0;
    if (!p->all || !p->free) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        Store *s = store_open_existing(db_path, err, cap);
        if (!s)
            return -1;
        p->all[p->count++] = s;
        p->free[p->free_count++] = s;
    }
    return 0;
}

/* ---- Responses ------------------------------------------------------------ */

static void common_headers(struct MHD_Response *r, const char *content_type)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                            "img-src 'self' data:; frame-ancestors 'none'");
}

/* Queues body (heap memory, ownership passes to libmicrohttpd). */
static enum MHD_Result send_buffer(struct MHD_Connection *c, int status, const char *content_type,
                                   Buffer *body, bool api)
{
    if (!body->data)
        buffer_append_str(body, "");
    struct MHD_Response *r =
        MHD_create_response_from_buffer(body->len, body->data, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        buffer_free(body);
        return MHD_NO;
    }
    buffer_init(body); /* now owned by r */
    common_headers(r, content_type);
    if (api)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
    Buffer b;
    buffer_init(&b);
    buffer_append_str(&b, "{\"error\":");
    json_write_cstr(&b, msg);
    buffer_printf(&b, ",\"status\":%d}", status);
    return send_buffer(c, status, "application/json; charset=utf-8", &b, true);
}

static const char *query_param(void *ctx, const char *name)
{
    return MHD_lookup_connection_value((struct MHD_Connection *)ctx, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result serve_file(Server *srv, struct MHD_Connection *c, const char *url)
{
    StaticFile f;
    int status = files_open(srv->web_root, srv->vendor_root, url, &f);
    if (status != 200)
        return send_error(c, status, status == 400 ? "bad path" : "no such file");
    struct MHD_Response *r = MHD_create_response_from_fd((size_t)f.size, f.fd); /* owns fd */
    if (!r) {
        close(f.fd);
        return MHD_NO;
    }
    common_headers(r, f.content_type);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                            strncmp(url, "/vendor/", 8) ? "no-cache" : "max-age=86400");
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

/* A server on a loopback address answers only requests that name a
 * loopback host. Otherwise a web page elsewhere could point its own host
 * name at 127.0.0.1 (DNS rebinding) and read the local API through the
 * user's browser. */
static bool host_allowed(struct MHD_Connection *c)
{
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (!host)
        return true; /* HTTP/1.0 clients send none */
    size_t n = strlen(host);
    if (host[0] == '[') { /* [::1]:port */
        const char *close = strchr(host, ']');
        n = close ? (size_t)(close - host) + 1 : n;
    } else {
        const char *colon = strchr(host, ':');
        if (colon)
            n = (size_t)(colon - host);
    }
    return (n == 9 && !strncasecmp(host, "localhost", 9)) ||
           (n == 5 && !strncmp(host, "[::1]", 5)) ||
           (n >= 9 && n <= 15 && !strncmp(host, "127.", 4) && strspn(host, "0123456789.") >= n);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    /* Only its address is used, as "headers seen"; nothing writes it. */
    static const char first_call_marker = 0;
    Server *srv = cls;
    (void)version;
    (void)upload_data;
    /* The first call only announces the headers; answer on the second,
     * once any (ignored) body has been read. */
    if (*req_cls == NULL) {
        *req_cls = (void *)&first_call_marker;
        return MHD_YES;
    }
    if (*upload_data_size) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
        return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD");
    if (srv->loopback_only && !host_allowed(c))
        return send_error(c, MHD_HTTP_FORBIDDEN, "Host header does not name this machine");
    if (!url || url[0] != '/')
        return send_error(c, MHD_HTTP_BAD_REQUEST, "bad path");

    if (!strncmp(url, "/api/", 5)) {
        ApiResponse res;
        Store *store = pool_take(&srv->pool);
        api_handle(store, url, query_param, c, &res);
        pool_give(&srv->pool, store);
        if (res.status >= 500)
            fprintf(stderr, "sitrep serve: %s: %s\n", url, res.body.data ? res.body.data : "error");
        return send_buffer(c, res.status, res.content_type, &res.body, true);
    }
    return serve_file(srv, c, url);
}

/* Percent-decoding of paths and query values, as libmicrohttpd's own but
 * leaving "%00" (and malformed escapes) as they are: a decoded NUL would
 * silently cut the C string short, so "/%00/etc/passwd" would be read as
 * "/". Left encoded, it simply names no file. */
static int hex_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    char *w = s;
    for (const char *r = s; *r;) {
        int hi, lo;
        if (r[0] == '%' && (hi = hex_value(r[1])) >= 0 && (lo = hex_value(r[2])) >= 0 &&
            (hi | lo) != 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 3;
        } else
            *w++ = *r++;
    }
    *w = '\0';
    return (size_t)(w - s);
}

/* ---- Start and stop ---------------------------------------------------------- */

static void server_free(Server *srv)
{
    if (!srv)
        return;
    pool_close(&srv->pool);
    free(srv->web_root);
    free(srv->vendor_root);
    free(srv);
}

Server *serve_start(const ServeOptions *o, char *err, size_t err_cap)
{
    const char *host = o->host && *o->host ? o->host : "127.0.0.1";
    int threads = o->threads > 0 ? o->threads : SERVE_DEFAULT_THREADS;
    if (threads > SERVE_MAX_THREADS)
        threads = SERVE_MAX_THREADS;
    if (o->port < 0 || o->port > 65535) {
        snprintf(err, err_cap, "port %d out of range", o->port);
        return NULL;
    }

    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    /* AUTO: epoll on Linux, so the connection count is not capped by select(). */
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)o->port);
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)o->port);
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, err_cap, "host '%s' is not an IPv4 or IPv6 address", host);
        return NULL;
    }

    Server *srv = calloc(1, sizeof *srv);
    if (!srv) {
        snprintf(err, err_cap, "out of memory");
        return NULL;
    }
    srv->web_root = strdup(o->web_root ? o->web_root : "web");
    srv->vendor_root = o->vendor_root ? strdup(o->vendor_root) : NULL;
    if (!srv->web_root || (o->vendor_root && !srv->vendor_root)) {
        snprintf(err, err_cap, "out of memory");
        free(srv->web_root);
        free(srv->vendor_root);
        free(srv);
        return NULL;
    }
    if (pool_open(&srv->pool, o->db_path, threads, err, err_cap) != 0) {
        server_free(srv);
        return NULL;
    }

    srv->daemon = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, handle, srv, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_END);
    if (!srv->daemon) {
        snprintf(err, err_cap, "cannot listen on %s port %d", host, o->port);
        server_free(srv);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : o->port;
    srv->loopback_only = (v4->sin_family == AF_INET && (ntohl(v4->sin_addr.s_addr) >> 24) == 127) ||
                         (v6->sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr));
    return srv;
}

int serve_port(const Server *s)
{
    return s->port;
}

void serve_stop(Server *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    server_free(s);
}
