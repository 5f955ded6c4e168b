/*
 * export.h — the store's events and control in the formats other tools
 * read: ACLED-compatible CSV (ACLED's own column names, so tools built for
 * ACLED load it), GeoJSON FeatureCollections (events as points, control on
 * a date as points coloured by holder), JSON Lines, and a plain-text
 * situation report for people.
 */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <stdio.h>

#include "../core/core.h"
#include "../store/store.h"

typedef enum ExportFormat { EXPORT_CSV, EXPORT_GEOJSON, EXPORT_JSONL } ExportFormat;

bool export_format_parse(const char *s, ExportFormat *out);

/* ACLED's columns, in ACLED's order. */
extern const char *const export_acled_columns[];
extern const int export_acled_column_count;

/* Writes one CSV field, quoted when it holds a comma, quote, CR or LF
 * (RFC 4180: quotes doubled). */
void export_csv_field(Buffer *b, const char *s);

/* Every fused event matching f (NULL = all) in the format, to out.
 * Returns the number of events written, or -1 (store_error says why). */
long export_events(Store *s, const StoreFilter *f, ExportFormat format, FILE *out);

/* Control on date as GeoJSON (Point per place with holder_side,
 * holder_actor, since, status, evidence) or JSON Lines. Places with
 * unknown holder are included with holder_side null. Returns features
 * written or -1. */
long export_control(Store *s, const char *date, const char *admin1, ExportFormat format, FILE *out);

/* A situation report on the `days` days ending at date: per governorate,
 * what happened, who gained or lost ground, tolls with their sources, what
 * is disputed. Returns 0 or -1. */
int export_report(Store *s, const char *date, int days, FILE *out);

/* ACLED numeric codes for a side (inter1/inter2) in a country. */
int export_acled_inter(const char *side, const char *country);

#endif
