/*
 * test_e2e.c — runs the page's end-to-end test (tests/serve/e2e.mjs:
 * ingest the seeds, serve them, drive the page in headless Chromium) and
 * reports it as one cmocka test, so `make check` runs it with the rest.
 * e2e.mjs exits 77 when something it needs is absent (../shared, Chromium,
 * playwright-core, build/sitrep); that is a skip here.
 */
#include "testing.h"

#include <sys/wait.h>

static void test_page_end_to_end(void **state)
{
    (void)state;
    REQUIRE_SHARED(shared);
    (void)shared;
    if (system("command -v node >/dev/null 2>&1") != 0) {
        print_message("skipped: node not installed\n");
        skip();
    }
    FILE *p = popen("node tests/serve/e2e.mjs 2>&1", "r");
    assert_non_null(p);
    char line[4096];
    while (fgets(line, sizeof line, p))
        print_message("%s", line);
    int status = pclose(p);
    assert_true(WIFEXITED(status));
    int code = WEXITSTATUS(status);
    if (code == 77)
        skip();
    assert_int_equal(code, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_end_to_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
