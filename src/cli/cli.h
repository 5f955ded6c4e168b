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

enum { EXIT_DONE = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2 };

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand name */
    const char *summary;
} Command;

int cmd_read(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_lookup(int argc, char **argv);
int cmd_gazetteer_compile(int argc, char **argv);
/* The store (cmd_store.c, cmd_ingest.c). */
int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_event(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_control(int argc, char **argv);
int cmd_sources(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_map(int argc, char **argv);

/* Where data/ lives: $SITREP_DATA, else next to the executable
 * (build/sitrep -> data/), else ./data. */
const char *cli_data_dir(void);
/* Where the compiled gazetteer lives: $SITREP_GAZETTEER, else
 * build/gazetteer.bin next to the executable. */
const char *cli_gazetteer_path(void);

/* A file or folder of the project next to the executable (build/sitrep ->
 * ../NAME), else NAME relative to the working directory. 0 when readable. */
int cli_project_path(const char *name, char *out, size_t cap);

/* Exit status from what happened to the inputs. */
int cli_exit_status(long processed, long failed);

#endif
