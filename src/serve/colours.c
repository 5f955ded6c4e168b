/*
 * colours.c — one palette for the page (through /api/legend) and the SVG
 * map, so both pictures read the same. Sides follow the colours most maps
 * of the Syrian war use: government red, rebels green, SDF yellow, Islamic
 * State black.
 */
#include "serve.h"

#include <string.h>

const ServeLegendEntry serve_sides[] = {
    {"government", "Government and allies", "#d7301f"},
    {"russia", "Russia", "#7f0000"},
    {"opposition", "Opposition", "#41ab5d"},
    {"hts", "HTS / Nusra", "#7a8f2a"},
    {"turkey", "Turkey and backed factions", "#8fd3c1"},
    {"sdf", "SDF / YPG", "#f2c318"},
    {"islamic_state", "Islamic State", "#252525"},
    {"us_coalition", "US-led coalition", "#3182bd"},
    {"israel", "Israel", "#9ecae1"},
    {"iraq", "Iraq", "#8856a7"},
    {"civilians", "Civilians", "#bdbdbd"},
    {"unknown", "Unknown", "#d9d9d9"},
};
const int serve_side_count = sizeof serve_sides / sizeof *serve_sides;

const ServeLegendEntry serve_event_types[] = {
    {"Battles", "Battles", "#e6550d"},
    {"Explosions/Remote violence", "Explosions / remote violence", "#756bb1"},
    {"Violence against civilians", "Violence against civilians", "#c51b8a"},
    {"Strategic developments", "Strategic developments", "#2b8cbe"},
    {"Protests", "Protests", "#31a354"},
    {"Riots", "Riots", "#636363"},
};
const int serve_event_type_count = sizeof serve_event_types / sizeof *serve_event_types;

static const char *lookup(const ServeLegendEntry *t, int n, const char *key)
{
    if (key)
        for (int i = 0; i < n; i++)
            if (!strcmp(t[i].key, key))
                return t[i].colour;
    return "#9e9e9e";
}

const char *side_colour(const char *side)
{
    return lookup(serve_sides, serve_side_count, side);
}

const char *event_type_colour(const char *event_type)
{
    return lookup(serve_event_types, serve_event_type_count, event_type);
}
