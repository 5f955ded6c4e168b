/*
 * cli.h — the sitrep command line: one function per subcommand, each in its
 * own cmd_*.c file, all thin layers over the library.
 *
 * Exit status (DESIGN.md): 0 done, 1 some inputs failed but others were
 * processed, 2 usage error or nothing could be processed.
 */
#ifndef SITREP_CLI_H
#define SITREP_CLI_H

#include "../core/core.h"

#include <limits.h>

enum { EXIT_DONE = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2 };

/* Where the installation's files are, resolved once by main() from argv[0]
 * and the environment and handed to every command (no global state):
 *   data_dir   $SITREP_DATA, else data/ next to the executable
 *              (build/sitrep -> data/), else ./data;
 *   gazetteer  $SITREP_GAZETTEER, else gazetteer.bin next to the
 *              executable. */
typedef struct CliPaths {
    char data_dir[PATH_MAX];
    char gazetteer[PATH_MAX];
} CliPaths;

typedef struct Command {
    const char *name;
    /* argv[0] is the subcommand name */
    int (*run)(int argc, char **argv, const CliPaths *paths);
    const char *summary;
} Command;

int cmd_read(int argc, char **argv, const CliPaths *paths);
int cmd_extract(int argc, char **argv, const CliPaths *paths);
int cmd_lookup(int argc, char **argv, const CliPaths *paths);
int cmd_gazetteer_compile(int argc, char **argv, const CliPaths *paths);
/* The store (cmd_store.c, cmd_ingest.c). */
int cmd_ingest(int argc, char **argv, const CliPaths *paths);
int cmd_events(int argc, char **argv, const CliPaths *paths);
int cmd_event(int argc, char **argv, const CliPaths *paths);
int cmd_timeline(int argc, char **argv, const CliPaths *paths);
int cmd_control(int argc, char **argv, const CliPaths *paths);
int cmd_sources(int argc, char **argv, const CliPaths *paths);
int cmd_report(int argc, char **argv, const CliPaths *paths);
int cmd_export(int argc, char **argv, const CliPaths *paths);
int cmd_serve(int argc, char **argv, const CliPaths *paths);
int cmd_map(int argc, char **argv, const CliPaths *paths);

/* A file or folder of the project next to the executable (build/sitrep ->
 * ../NAME), else NAME relative to the working directory. 0 when readable. */
int cli_project_path(const char *name, char *out, size_t cap);

/* Exit status from what happened to the inputs. */
int cli_exit_status(long processed, long failed);

/* Flushes stdout; if writing it failed (a full disk, a closed pipe with
 * SIGPIPE ignored) says so and returns EXIT_USAGE, else rc: output that
 * did not arrive is not "done". */
int cli_finish_stdout(const char *cmd, int rc);

#endif
