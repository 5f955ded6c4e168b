/*
 * control.c — territory and siege reports as control changes: after
 * "Government regains territory" the government holds the place, after
 * "Siege imposed" the besieged side still holds it but under siege, and so
 * on. Each change names its report and fused event, so a timeline always
 * shows its evidence.
 *
 * Only places the report names get a change: a governorate-level report
 * ("advances in Deir ez-Zor province") says nothing about any one town,
 * and nothing is inherited from governorates.
 */
#include "fuse_internal.h"

#include <string.h>

const char *const control_sql_report =
    "SELECT r.sub_event_type, r.side1, r.side2, r.actor1, r.actor2,"
    " r.date, r.date_days FROM reports r WHERE r.id = ?";
/* The named places of the report, governorates and countries left out. */
const char *const control_sql_places =
    "SELECT rp.place_id FROM report_places rp"
    " JOIN places p ON p.id = rp.place_id"
    " WHERE rp.report_id = ?1"
    "   AND coalesce(p.precision, '') NOT IN ('admin1', 'country')"
    " UNION SELECT r.place_id FROM reports r"
    " JOIN places p ON p.id = r.place_id WHERE r.id = ?1"
    "   AND coalesce(p.precision, '') NOT IN ('admin1', 'country')";
const char *const control_sql_insert = "INSERT INTO control_changes (report_id, event_id, place_id,"
                                       " date, date_days, holder_side, holder_actor, loser_side,"
                                       " status, sub_event_type) VALUES (?,?,?,?,?,?,?,?,?,?)";

bool control_holder(const char *sub_event_type, int side1, int side2, int *holder,
                    const char **status)
{
    *holder = SIDE_UNKNOWN;
    *status = "held";
    if (!sub_event_type)
        return false;
    if (!strcmp(sub_event_type, "Government regains territory"))
        /* The extractor's actor1 is the winner; when it has none, the
         * sub-event type itself says who won. */
        *holder = side1 != SIDE_UNKNOWN ? side1 : SIDE_GOVERNMENT;
    else if (!strcmp(sub_event_type, "Non-state actor overtakes territory") ||
             !strcmp(sub_event_type, "Non-violent transfer of territory") ||
             !strcmp(sub_event_type, "Siege broken"))
        *holder = side1;
    else if (!strcmp(sub_event_type, "Siege imposed")) {
        *holder = side2; /* the besieged still hold the place */
        *status = "besieged";
    } else
        return false;
    return *holder != SIDE_UNKNOWN;
}

int control_record(Fuser *f, long report_id, long event_id, int *written, char *err, size_t cap)
{
    sqlite3_stmt *st = fuse_use(f->control_report);
    *written = 0;
    Arena arena;
    arena_init(&arena);
    sqlite3_bind_int64(st, 1, report_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sql_fail(f->db, err, cap, "control: report not found");
        sqlite3_reset(st);
        arena_free(&arena);
        return -1;
    }
    ControlReport r = {
        .id = report_id,
        .sub_event_type = sql_col_text(st, 0, &arena),
        .side1 = sql_col_text(st, 1, &arena),
        .side2 = sql_col_text(st, 2, &arena),
        .actor1 = sql_col_text(st, 3, &arena),
        .actor2 = sql_col_text(st, 4, &arena),
        .date = sql_col_text(st, 5, &arena),
        .dated = !sql_col_null(st, 6),
        .days = sqlite3_column_int64(st, 6),
    };
    sqlite3_reset(st);
    int rc = control_record_report(f, &r, event_id, written, err, cap);
    arena_free(&arena);
    return rc;
}

int control_record_report(Fuser *f, const ControlReport *r, long event_id, int *written, char *err,
                          size_t cap)
{
    sqlite3 *db = f->db;
    *written = 0;
    int holder;
    const char *status;
    int side1 = fuse_side_parse(r->side1), side2 = fuse_side_parse(r->side2);
    if (!r->dated || !r->date || !control_holder(r->sub_event_type, side1, side2, &holder, &status))
        return 0; /* says nothing about control */
    const char *holder_actor = holder == side1 ? r->actor1 : holder == side2 ? r->actor2 : NULL;
    int loser = !strcmp(status, "besieged") ? side1 : side2;

    int rc = -1;
    sqlite3_stmt *st = fuse_use(f->control_places), *ins = NULL;
    sqlite3_bind_int64(st, 1, r->id);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ins = fuse_use(f->control_insert);
        sqlite3_bind_int64(ins, 1, r->id);
        sqlite3_bind_int64(ins, 2, event_id);
        sqlite3_bind_int64(ins, 3, sqlite3_column_int64(st, 0));
        sql_bind_text(ins, 4, r->date);
        sqlite3_bind_int64(ins, 5, r->days);
        sql_bind_text(ins, 6, fuse_side_name(holder));
        sql_bind_text(ins, 7, holder_actor);
        if (loser != SIDE_UNKNOWN && loser != holder)
            sql_bind_text(ins, 8, fuse_side_name(loser));
        sql_bind_text(ins, 9, status);
        sql_bind_text(ins, 10, r->sub_event_type);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            sql_fail(db, err, cap, "control: insert");
            goto done;
        }
        (*written)++;
    }
    if (step != SQLITE_DONE) {
        sql_fail(db, err, cap, "control: places");
        goto done;
    }
    rc = 0;
done:
    sqlite3_reset(st);
    if (ins)
        sqlite3_reset(ins);
    return rc;
}
