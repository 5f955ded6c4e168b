/*
 * testing.h — what every test includes: cmocka, and where the shared test
 * material (../shared) and the project's own files are.
 */
#ifndef SITREP_TESTING_H
#define SITREP_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ../shared relative to the repository root (tests run from the root), or
 * $SITREP_SHARED. NULL when absent: acceptance tests then skip(). */
static inline const char *shared_dir(void)
{
    const char *env = getenv("SITREP_SHARED");
    if (env && *env)
        return access(env, R_OK) == 0 ? env : NULL;
    return access("../shared/corpus", R_OK) == 0 ? "../shared" : NULL;
}

/* Skips the calling test when ../shared is absent, saying so. */
#define REQUIRE_SHARED(dir)                                                                        \
    const char *dir = shared_dir();                                                                \
    if (!dir) {                                                                                    \
        print_message("skipped: ../shared not present\n");                                         \
        skip();                                                                                    \
    }

/* Writes text to dir/name, failing the test if it cannot. */
static inline void test_write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Removes a temporary directory of test files: the files in it (not
 * subdirectories), then the directory. Best effort, for teardowns. */
static inline void test_remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            remove(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

#endif
