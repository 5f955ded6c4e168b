/*
 * fuse.c — the rules that decide whether two reports are one real event,
 * and how their fatality claims combine. Pure functions: the database side
 * is in fuse_db.c, control in control.c.
 */
#include "fuse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The side names are the lexicon's (lex.h); these wrappers only give the
 * store's int columns a total mapping, unknown names reading as unknown. */
const char *fuse_side_name(int side)
{
    return side_name((Side)side);
}

int fuse_side_parse(const char *name)
{
    Side side = SIDE_UNKNOWN;
    return side_parse(name, &side) ? (int)side : SIDE_UNKNOWN;
}

/* Sub-event types that describe the same happening in different words:
 * one outlet's "seized" is another's "regained", one's air strike is
 * another's shelling when nobody on the ground can tell. */
static const struct {
    const char *sub_event_type, *family;
} families[] = {
    {"Government regains territory", "territory"},
    {"Non-state actor overtakes territory", "territory"},
    {"Non-violent transfer of territory", "territory"},
    {"Air/drone strike", "remote"},
    {"Shelling/artillery/missile attack", "remote"},
};

const char *fuse_family(const char *sub_event_type)
{
    if (!sub_event_type || !*sub_event_type)
        return "other";
    for (size_t i = 0; i < sizeof families / sizeof *families; i++)
        if (!strcmp(sub_event_type, families[i].sub_event_type))
            return families[i].family;
    return sub_event_type;
}

void fuse_date_window(Date d, DatePrecision p, long *lo, long *hi)
{
    *lo = *hi = 0;
    if (d.year <= 0)
        return;
    bool has_month = d.month >= 1 && d.month <= 12;
    if ((p == PRECISION_DAY || p == PRECISION_WEEK) && date_valid(d)) {
        long t = date_to_days(d), w = p == PRECISION_DAY ? 1 : 3;
        *lo = t - w;
        *hi = t + w;
    } else if (p != PRECISION_YEAR && has_month) {
        /* Month precision, or a day precision whose day is missing. */
        Date first = {d.year, d.month, 1};
        *lo = date_to_days(first);
        *hi = *lo + date_days_in_month(d.year, d.month) - 1;
    } else {
        Date jan1 = {d.year, 1, 1}, dec31 = {d.year, 12, 31};
        *lo = date_to_days(jan1);
        *hi = date_to_days(dec31);
    }
}

double fuse_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/* Same side, or one unknown. Government and Russia are tolerated for
 * remote fire (whose jets?) but recorded as a contradiction. */
static bool side_match(int a, int b, const char *family, bool *contra)
{
    if (a == SIDE_UNKNOWN || b == SIDE_UNKNOWN || a == b)
        return true;
    if (!strcmp(family, "remote") && ((a == SIDE_GOVERNMENT && b == SIDE_RUSSIA) ||
                                      (a == SIDE_RUSSIA && b == SIDE_GOVERNMENT))) {
        *contra = true;
        return true;
    }
    return false;
}

static bool sides_match(const FuseKey *a, const FuseKey *b, bool *contra)
{
    bool c = false;
    if (side_match(a->side1, b->side1, a->family, &c) &&
        side_match(a->side2, b->side2, a->family, &c)) {
        *contra |= c;
        return true;
    }
    /* A clash has no direction: "A fought B" = "B fought A". */
    if (!strcmp(a->family, "Armed clash")) {
        c = false;
        if (side_match(a->side1, b->side2, a->family, &c) &&
            side_match(a->side2, b->side1, a->family, &c)) {
            *contra |= c;
            return true;
        }
    }
    return false;
}

static bool places_match(const FuseKey *a, const FuseKey *b)
{
    /* Without a governorate there is nothing to anchor the event to
     * ("airstrikes in Syria"): never fuse on that. */
    if (!a->admin1 || !*a->admin1 || !b->admin1 || !*b->admin1)
        return false;
    if (a->place_id && a->place_id == b->place_id)
        return true;
    if (strcmp(a->admin1, b->admin1) != 0)
        return a->has_coords && b->has_coords && !a->admin1_only && !b->admin1_only &&
               fuse_distance_km(a->lat, a->lon, b->lat, b->lon) <= FUSE_NEAR_KM;
    if (a->admin1_only || b->admin1_only)
        return true;
    return a->has_coords && b->has_coords &&
           fuse_distance_km(a->lat, a->lon, b->lat, b->lon) <= FUSE_NEAR_KM;
}

bool fuse_compatible(const FuseKey *a, const FuseKey *b, bool *contradictory)
{
    bool contra = false;
    if (!a->family || !b->family || strcmp(a->family, b->family) != 0)
        return false;
    if (!a->dated || !b->dated || a->date_lo > b->date_hi || b->date_lo > a->date_hi)
        return false;
    if (!places_match(a, b))
        return false;
    if (!sides_match(a, b, &contra))
        return false;
    if (contradictory)
        *contradictory = contra;
    return true;
}

static bool same_claimant(const FuseClaim *a, const FuseClaim *b)
{
    const char *x = a->claimant ? a->claimant : a->outlet;
    const char *y = b->claimant ? b->claimant : b->outlet;
    if (!x || !y)
        return false;
    return strcasecmp(x, y) == 0;
}

/* Two counts contradict when their ranges do not overlap and the gap is
 * more than a quarter of the larger: 62 against 80 is an early and a late
 * count; 5 against 50 is a contradiction. */
bool fuse_counts_contradict(long alow, long ahigh, long blow, long bhigh)
{
    long gap = 0, top = ahigh > bhigh ? ahigh : bhigh;
    if (ahigh < blow)
        gap = blow - ahigh;
    else if (bhigh < alow)
        gap = alow - bhigh;
    return gap > 0 && top > 0 && (double)gap / (double)top > 0.25;
}

bool fuse_fatalities(const FuseClaim *claims, int n, long *low, long *best, long *high,
                     bool *contradictory)
{
    *contradictory = false;
    int pick = -1;
    long lo = 0, hi = 0;
    for (int pass = 0; pass < 2 && pick < 0; pass++) {
        /* Pass 0: independent claims only; pass 1: any. */
        for (int i = 0; i < n; i++) {
            if (pass == 0 && !claims[i].independent)
                continue;
            long span = claims[i].high - claims[i].low;
            if (pick < 0 || span < claims[pick].high - claims[pick].low)
                pick = i;
        }
    }
    if (pick < 0)
        return false;
    for (int i = 0; i < n; i++) {
        if (i == 0 || claims[i].low < lo)
            lo = claims[i].low;
        if (i == 0 || claims[i].high > hi)
            hi = claims[i].high;
        for (int j = 0; j < i; j++)
            if (fuse_counts_contradict(claims[i].low, claims[i].high, claims[j].low,
                                       claims[j].high) &&
                !same_claimant(&claims[i], &claims[j]))
                *contradictory = true;
    }
    *low = lo;
    *high = hi;
    *best = claims[pick].best;
    return true;
}

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

bool fuse_claimant_is_party(const char *claimant, const char *actor)
{
    if (!claimant || !actor || !*claimant || !*actor)
        return false;
    return contains_nocase(claimant, actor) || contains_nocase(actor, claimant);
}
