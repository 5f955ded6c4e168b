/*
 * map_svg.c — `sitrep map`: control of places on a date and the events of
 * the days before it, as one self-contained SVG file.
 *
 * Borders come from Natural Earth through the world-atlas TopoJSON (the
 * same file the page draws). TopoJSON stores each border line once, as an
 * "arc" of quantized, delta-encoded integer points: the n-th point is the
 * running sum of the first n deltas, and transform.scale/translate turn it
 * into longitude/latitude. A polygon ring lists arc indexes; a negative
 * index ~i means arc i walked backwards, and consecutive arcs share their
 * joining point, which is therefore written once.
 *
 * Projection: Mercator over the view box (by default lon 34–43, lat 31–38,
 * Syria and the edges of its neighbours); what falls outside is clipped.
 */
#include "serve.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Country labels: where a reader expects each name (facts, not data). */
static const struct {
    const char *name;
    double lon, lat;
    int size;
} country_labels[] = {
    {"SYRIA", 38.6, 35.0, 22},   {"TURKEY", 37.0, 37.7, 15},         {"IRAQ", 42.2, 33.6, 15},
    {"JORDAN", 37.0, 31.3, 15},  {"LEBANON", 35.55, 33.75, 10},      {"ISRAEL", 34.75, 31.25, 10},
    {"CYPRUS", 34.4, 35.45, 10}, {"Mediterranean", 34.8, 34.55, 11},
};

typedef struct View {
    double lon0, lat0, lon1, lat1; /* the box shown */
    double width, height;          /* pixels of the map area */
    double top;                    /* pixels above the map (title) */
} View;

static double mercator_y(double lat)
{
    return log(tan(M_PI / 4 + lat * M_PI / 360));
}

static void project(const View *v, double lon, double lat, double *x, double *y)
{
    *x = (lon - v->lon0) / (v->lon1 - v->lon0) * v->width;
    *y = v->top + (mercator_y(v->lat1) - mercator_y(lat)) /
                      (mercator_y(v->lat1) - mercator_y(v->lat0)) * v->height;
}

static void xml_text(FILE *out, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '&':
            fputs("&amp;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        default:
            fputc(*s, out);
        }
}

/* ---- TopoJSON -------------------------------------------------------------- */

typedef struct Topology {
    json_t *root;
    json_t *arcs;
    double sx, sy, tx, ty;
} Topology;

/* Writes arc `index` (negative: reversed) as path points, skipping its
 * first point when it continues a ring. Points that round to the previous
 * pixel are dropped, which keeps the file small. */
static void write_arc(FILE *out, const Topology *t, const View *v, long index, bool continues,
                      bool *first, double *px, double *py)
{
    bool reversed = index < 0;
    size_t i = (size_t)(reversed ? ~index : index);
    json_t *arc = json_array_get(t->arcs, i);
    size_t n = json_array_size(arc);
    if (n == 0)
        return;
    /* Decode the deltas once into absolute coordinates. */
    double *lon = malloc(n * sizeof *lon), *lat = malloc(n * sizeof *lat);
    if (!lon || !lat) {
        free(lon);
        free(lat);
        return;
    }
    /* Running sums in double: a hostile --atlas file cannot overflow them
     * (quantized coordinates are small integers, exact in a double). */
    double x = 0, y = 0;
    for (size_t k = 0; k < n; k++) {
        json_t *pt = json_array_get(arc, k);
        x += (double)json_integer_value(json_array_get(pt, 0));
        y += (double)json_integer_value(json_array_get(pt, 1));
        lon[k] = x * t->sx + t->tx;
        lat[k] = y * t->sy + t->ty;
    }
    for (size_t k = continues ? 1 : 0; k < n; k++) {
        size_t j = reversed ? n - 1 - k : k;
        double X, Y;
        /* Mercator blows up at the poles; nothing here comes near them. */
        double la = lat[j] > 85 ? 85 : lat[j] < -85 ? -85 : lat[j];
        project(v, lon[j], la, &X, &Y);
        X = round(X * 10) / 10;
        Y = round(Y * 10) / 10;
        if (!*first && X == *px && Y == *py)
            continue;
        fprintf(out, "%s%.1f,%.1f", *first ? "M" : "L", X, Y);
        *first = false;
        *px = X;
        *py = Y;
    }
    free(lon);
    free(lat);
}

static void write_ring(FILE *out, const Topology *t, const View *v, json_t *ring)
{
    bool first = true;
    double px = 0, py = 0;
    for (size_t k = 0; k < json_array_size(ring); k++)
        write_arc(out, t, v, (long)json_integer_value(json_array_get(ring, k)), k > 0, &first, &px,
                  &py);
    if (!first)
        fputc('Z', out);
}

/* Longitude/latitude box of the arcs of a polygon list (rings of arcs). */
static void polygon_bbox(const Topology *t, json_t *rings, double box[4])
{
    for (size_t r = 0; r < json_array_size(rings); r++) {
        json_t *ring = json_array_get(rings, r);
        for (size_t k = 0; k < json_array_size(ring); k++) {
            long index = (long)json_integer_value(json_array_get(ring, k));
            json_t *arc = json_array_get(t->arcs, (size_t)(index < 0 ? ~index : index));
            double x = 0, y = 0;
            for (size_t p = 0; p < json_array_size(arc); p++) {
                json_t *pt = json_array_get(arc, p);
                x += (double)json_integer_value(json_array_get(pt, 0));
                y += (double)json_integer_value(json_array_get(pt, 1));
                double lon = x * t->sx + t->tx, lat = y * t->sy + t->ty;
                if (lon < box[0])
                    box[0] = lon;
                if (lat < box[1])
                    box[1] = lat;
                if (lon > box[2])
                    box[2] = lon;
                if (lat > box[3])
                    box[3] = lat;
            }
        }
    }
}

static int load_topology(const char *path, Topology *t, char *err, size_t cap)
{
    json_error_t je;
    memset(t, 0, sizeof *t);
    t->root = json_load_file(path, 0, &je);
    if (!t->root) {
        snprintf(err, cap, "%s: %s (line %d)", path, je.text, je.line);
        return -1;
    }
    json_t *tr = json_object_get(t->root, "transform");
    t->arcs = json_object_get(t->root, "arcs");
    if (!json_is_object(tr) || !json_is_array(t->arcs)) {
        snprintf(err, cap, "%s: not a quantized TopoJSON topology", path);
        json_decref(t->root);
        return -1;
    }
    json_t *scale = json_object_get(tr, "scale"), *translate = json_object_get(tr, "translate");
    t->sx = json_number_value(json_array_get(scale, 0));
    t->sy = json_number_value(json_array_get(scale, 1));
    t->tx = json_number_value(json_array_get(translate, 0));
    t->ty = json_number_value(json_array_get(translate, 1));
    if (t->sx == 0 || t->sy == 0) {
        snprintf(err, cap, "%s: TopoJSON transform has no scale", path);
        json_decref(t->root);
        return -1;
    }
    return 0;
}

/* Every country whose box meets the view, as one <path>; Syria stands out. */
static int write_countries(FILE *out, const Topology *t, const View *v, char *err, size_t cap)
{
    json_t *countries = json_object_get(json_object_get(t->root, "objects"), "countries");
    json_t *geoms = json_object_get(countries, "geometries");
    if (!json_is_array(geoms)) {
        snprintf(err, cap, "TopoJSON has no objects.countries");
        return -1;
    }
    fputs("<g class=\"countries\" clip-path=\"url(#view)\">\n", out);
    for (size_t g = 0; g < json_array_size(geoms); g++) {
        json_t *geom = json_array_get(geoms, g);
        const char *type = json_string_value(json_object_get(geom, "type"));
        json_t *arcs = json_object_get(geom, "arcs");
        const char *name =
            json_string_value(json_object_get(json_object_get(geom, "properties"), "name"));
        if (!type || !json_is_array(arcs))
            continue;
        bool multi = !strcmp(type, "MultiPolygon");
        if (!multi && strcmp(type, "Polygon"))
            continue;
        double box[4] = {1e9, 1e9, -1e9, -1e9};
        size_t polys = multi ? json_array_size(arcs) : 1;
        for (size_t p = 0; p < polys; p++)
            polygon_bbox(t, multi ? json_array_get(arcs, p) : arcs, box);
        if (box[2] < v->lon0 - 1 || box[0] > v->lon1 + 1 || box[3] < v->lat0 - 1 ||
            box[1] > v->lat1 + 1)
            continue;
        bool syria = name && !strcmp(name, "Syria");
        fprintf(out,
                "<path fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\" "
                "fill-rule=\"evenodd\" d=\"",
                syria ? "#fbf8f0" : "#e9e5dc", syria ? "#555" : "#9a958c", syria ? "1.6" : "0.8");
        for (size_t p = 0; p < polys; p++) {
            json_t *rings = multi ? json_array_get(arcs, p) : arcs;
            for (size_t r = 0; r < json_array_size(rings); r++)
                write_ring(out, t, v, json_array_get(rings, r));
        }
        fputs("\"><title>", out);
        xml_text(out, name ? name : "");
        fputs("</title></path>\n", out);
    }
    fputs("</g>\n", out);
    return 0;
}

/* ---- Store layers --------------------------------------------------------- */

static double event_radius(const StoreEvent *e)
{
    double f = e->fatalities.present ? (double)e->fatalities.best : 0;
    double r = 3 + sqrt(f < 0 ? 0 : f) * 1.1;
    return r > 20 ? 20 : r;
}

static bool in_view(const View *v, double lon, double lat)
{
    return lon >= v->lon0 && lon <= v->lon1 && lat >= v->lat0 && lat <= v->lat1;
}

static void write_legend(FILE *out, double x, double y, const int *side_seen, const int *type_seen)
{
    fprintf(out,
            "<g class=\"legend\" font-family=\"sans-serif\" font-size=\"12\" "
            "transform=\"translate(%.0f,%.0f)\">\n",
            x, y);
    fputs("<text font-weight=\"bold\" font-size=\"13\">Held by</text>\n", out);
    double yy = 20;
    for (int i = 0; i < serve_side_count; i++) {
        if (!side_seen[i])
            continue;
        fprintf(out,
                "<rect x=\"0\" y=\"%.0f\" width=\"11\" height=\"11\" fill=\"%s\" "
                "stroke=\"#fff\"/><text x=\"18\" y=\"%.0f\">",
                yy - 10, serve_sides[i].colour, yy);
        xml_text(out, serve_sides[i].label);
        fprintf(out, " (%d)</text>\n", side_seen[i]);
        yy += 18;
    }
    yy += 12;
    fprintf(out, "<text y=\"%.0f\" font-weight=\"bold\" font-size=\"13\">Events</text>\n", yy);
    yy += 20;
    for (int i = 0; i < serve_event_type_count; i++) {
        if (!type_seen[i])
            continue;
        fprintf(out,
                "<circle cx=\"5\" cy=\"%.0f\" r=\"5\" fill=\"%s\" fill-opacity=\"0.75\"/>"
                "<text x=\"18\" y=\"%.0f\">",
                yy - 4, serve_event_types[i].colour, yy);
        xml_text(out, serve_event_types[i].label);
        fprintf(out, " (%d)</text>\n", type_seen[i]);
        yy += 18;
    }
    fprintf(out, "<text y=\"%.0f\" fill=\"#555\">circle area ~ fatalities</text>\n", yy);
    fputs("</g>\n", out);
}

int map_svg_write(Store *store, const MapOptions *o, FILE *out, char *err, size_t cap)
{
    Date date;
    if (!o->date || !date_parse_iso(o->date, strlen(o->date), &date)) {
        snprintf(err, cap, "date must be YYYY-MM-DD");
        return -1;
    }
    int days = o->days > 0 ? o->days : 30;
    char from[11];
    date_format(date_add_days(date, -(days - 1)), from);

    View v = {.lon0 = o->lon0,
              .lat0 = o->lat0,
              .lon1 = o->lon1,
              .lat1 = o->lat1,
              .width = o->width > 0 ? o->width : 1000,
              .top = 56};
    if (!(v.lon1 > v.lon0) || !(v.lat1 > v.lat0)) {
        v.lon0 = 34;
        v.lat0 = 31;
        v.lon1 = 43;
        v.lat1 = 38;
    }
    v.height = v.width * (mercator_y(v.lat1 * 1.0) - mercator_y(v.lat0)) /
               ((v.lon1 - v.lon0) * M_PI / 180);

    Topology topo;
    if (load_topology(o->atlas_path, &topo, err, cap) != 0)
        return -1;

    Arena arena;
    arena_init(&arena);
    StoreControl *control = NULL;
    StoreEvent *events = NULL;
    int ncontrol = 0, nevents = 0;
    StoreFilter f = {.from = from, .to = o->date, .limit = -1};
    if (store_control_at(store, o->date, NULL, &arena, &control, &ncontrol) != 0 ||
        store_query_events(store, &f, &arena, &events, &nevents) != 0) {
        snprintf(err, cap, "%s", store_error(store));
        arena_free(&arena);
        json_decref(topo.root);
        return -1;
    }

    double legend_w = 250, total_w = v.width + legend_w;
    double total_h = v.top + v.height + 24;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\">\n"
            "<defs><clipPath id=\"view\"><rect x=\"0\" y=\"%.0f\" width=\"%.0f\" "
            "height=\"%.0f\"/></clipPath></defs>\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
            "<rect x=\"0\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"#cfe2ee\"/>\n",
            total_w, total_h, total_w, total_h, v.top, v.width, v.height, v.top, v.width, v.height);
    if (write_countries(out, &topo, &v, err, cap) != 0) {
        arena_free(&arena);
        json_decref(topo.root);
        return -1;
    }
    json_decref(topo.root);

    fputs("<g font-family=\"sans-serif\" fill=\"#8a857c\" text-anchor=\"middle\" "
          "letter-spacing=\"2\">\n",
          out);
    for (size_t i = 0; i < sizeof country_labels / sizeof *country_labels; i++) {
        double x, y;
        if (!in_view(&v, country_labels[i].lon, country_labels[i].lat))
            continue;
        project(&v, country_labels[i].lon, country_labels[i].lat, &x, &y);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">%s</text>\n", x, y,
                country_labels[i].size, country_labels[i].name);
    }
    fputs("</g>\n", out);

    int side_seen[64] = {0}, type_seen[64] = {0};
    /* Events under the places, biggest first so small ones stay visible. */
    fputs("<g class=\"events\" stroke=\"#fff\" stroke-width=\"0.6\">\n", out);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nevents; i++) {
            const StoreEvent *e = &events[i];
            double r = event_radius(e);
            if (!e->has_place || !e->place.has_coords || (pass == 0) != (r > 8) ||
                !in_view(&v, e->place.lon, e->place.lat))
                continue;
            for (int k = 0; k < serve_event_type_count; k++)
                if (e->event_type && !strcmp(e->event_type, serve_event_types[k].key))
                    type_seen[k]++;
            double x, y;
            project(&v, e->place.lon, e->place.lat, &x, &y);
            fprintf(out,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
                    "fill-opacity=\"0.6\"><title>",
                    x, y, r, event_type_colour(e->event_type));
            xml_text(out, e->date ? e->date : "");
            fputc(' ', out);
            xml_text(out, e->sub_event_type);
            fputs(" — ", out);
            xml_text(out, e->place.name);
            fputs("</title></circle>\n", out);
        }
    fputs("</g>\n", out);

    /* Places: a square in the holder's colour over a soft halo, so clusters
     * of places read as areas of control. */
    int held = 0;
    for (int i = 0; i < ncontrol; i++)
        held += control[i].holder_side && control[i].place.has_coords;
    bool labels = held <= 80;
    for (int layer = 0; layer < 2; layer++) {
        fprintf(out, "<g class=\"%s\">\n", layer ? "places" : "halos");
        for (int i = 0; i < ncontrol; i++) {
            const StoreControl *c = &control[i];
            if (!c->holder_side || !c->place.has_coords || !in_view(&v, c->place.lon, c->place.lat))
                continue;
            double x, y;
            project(&v, c->place.lon, c->place.lat, &x, &y);
            const char *colour = side_colour(c->holder_side);
            if (layer == 0) {
                fprintf(out,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"16\" fill=\"%s\" "
                        "fill-opacity=\"0.22\"/>\n",
                        x, y, colour);
                continue;
            }
            for (int k = 0; k < serve_side_count; k++)
                if (!strcmp(c->holder_side, serve_sides[k].key))
                    side_seen[k]++;
            bool besieged = c->status && !strcmp(c->status, "besieged");
            fprintf(out,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" "
                    "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"><title>",
                    x - 5, y - 5, colour, besieged ? "#000" : "#fff", besieged ? "2" : "1.2");
            xml_text(out, c->place.name);
            fputs(": ", out);
            xml_text(out, c->holder_side);
            if (besieged)
                fputs(" (besieged)", out);
            fputs(" since ", out);
            xml_text(out, c->since ? c->since : "?");
            fputs("</title></rect>\n", out);
            if (labels) {
                fprintf(out,
                        "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" "
                        "font-size=\"11\" stroke=\"#fff\" stroke-width=\"3\" "
                        "paint-order=\"stroke\">",
                        x + 8, y + 4);
                xml_text(out, c->place.name);
                fputs("</text>\n", out);
            }
        }
        fputs("</g>\n", out);
    }

    fprintf(out,
            "<text x=\"12\" y=\"26\" font-family=\"sans-serif\" font-size=\"20\" "
            "font-weight=\"bold\">Control of territory — %s</text>\n",
            o->date);
    fprintf(out,
            "<text x=\"12\" y=\"46\" font-family=\"sans-serif\" font-size=\"12\" "
            "fill=\"#555\">%d places with a known holder; %d events from %s to %s"
            "</text>\n",
            held, nevents, from, o->date);
    write_legend(out, v.width + 20, v.top + 20, side_seen, type_seen);
    fprintf(out,
            "<text x=\"%.0f\" y=\"%.0f\" font-family=\"sans-serif\" font-size=\"10\" "
            "fill=\"#777\">Borders: Natural Earth (world-atlas). Control and events: "
            "sitrep store, every marker backed by cited reports.</text>\n",
            12.0, total_h - 8);
    fputs("</svg>\n", out);
    arena_free(&arena);
    if (ferror(out)) {
        snprintf(err, cap, "write error");
        return -1;
    }
    return 0;
}
