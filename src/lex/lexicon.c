/*
 * lexicon.c — loading what sitrep knows (actors, outlets, places, triggers,
 * number words from the TSV files in data/, and the compiled gazetteer), building the
 * matcher over all of it, and choosing among places that share a name.
 *
 * The TSV files are for analysts to extend: a malformed line is reported
 * with its file and line number and skipped, never fatal; a missing file is
 * simply empty.
 */
#include "lex_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- Sides ------------------------------------------------------------------ */

static const char *const side_names[SIDE_COUNT] = {
    [SIDE_UNKNOWN] = "unknown",
    [SIDE_GOVERNMENT] = "government",
    [SIDE_RUSSIA] = "russia",
    [SIDE_ISLAMIC_STATE] = "islamic_state",
    [SIDE_SDF] = "sdf",
    [SIDE_OPPOSITION] = "opposition",
    [SIDE_HTS] = "hts",
    [SIDE_TURKEY] = "turkey",
    [SIDE_US_COALITION] = "us_coalition",
    [SIDE_ISRAEL] = "israel",
    [SIDE_IRAQ] = "iraq",
    [SIDE_CIVILIANS] = "civilians",
};

const char *side_name(Side s)
{
    return (unsigned)s < SIDE_COUNT ? side_names[s] : "unknown";
}

bool side_parse(const char *s, Side *out)
{
    for (int i = 0; i < SIDE_COUNT; i++)
        if (s && !strcmp(s, side_names[i])) {
            *out = (Side)i;
            return true;
        }
    return false;
}

/* ---- Governorates --------------------------------------------------------------
 * The same codes and names as data/admin1.tsv (a test checks they agree);
 * compiled in because admin1_name() takes no lexicon. Sorted by code:
 * admin1_name() searches it by halves. */
static const struct {
    const char *iso, *name;
} admin1_names[] = {
    {"IL-D", "Southern District"},
    {"IL-HA", "Haifa District"},
    {"IL-JM", "Jerusalem District"},
    {"IL-M", "Central District"},
    {"IL-TA", "Tel Aviv District"},
    {"IL-Z", "Northern District"},
    {"IQ-AN", "Anbar"},
    {"IQ-AR", "Erbil"},
    {"IQ-BA", "Basra"},
    {"IQ-BB", "Babil"},
    {"IQ-BG", "Baghdad"},
    {"IQ-DA", "Dohuk"},
    {"IQ-DI", "Diyala"},
    {"IQ-DQ", "Dhi Qar"},
    {"IQ-KA", "Karbala"},
    {"IQ-KI", "Kirkuk"},
    {"IQ-MA", "Maysan"},
    {"IQ-MU", "Muthanna"},
    {"IQ-NA", "Najaf"},
    {"IQ-NI", "Nineveh"},
    {"IQ-QA", "Qadisiyah"},
    {"IQ-SD", "Salah ad-Din"},
    {"IQ-SU", "Sulaymaniyah"},
    {"IQ-WA", "Wasit"},
    {"JO-AJ", "Ajloun"},
    {"JO-AM", "Amman"},
    {"JO-AQ", "Aqaba"},
    {"JO-AT", "Tafilah"},
    {"JO-AZ", "Zarqa"},
    {"JO-BA", "Balqa"},
    {"JO-IR", "Irbid"},
    {"JO-JA", "Jerash"},
    {"JO-KA", "Karak"},
    {"JO-MA", "Mafraq"},
    {"JO-MD", "Madaba"},
    {"JO-MN", "Ma'an"},
    {"LB-AK", "Akkar"},
    {"LB-AS", "North Lebanon"},
    {"LB-BA", "Beirut"},
    {"LB-BH", "Baalbek-Hermel"},
    {"LB-BI", "Beqaa"},
    {"LB-JA", "South Lebanon"},
    {"LB-JL", "Mount Lebanon"},
    {"LB-NA", "Nabatieh"},
    {"SY-DI", "Damascus"},
    {"SY-DR", "Daraa"},
    {"SY-DY", "Deir ez-Zor"},
    {"SY-HA", "Hasakah"},
    {"SY-HI", "Homs"},
    {"SY-HL", "Aleppo"},
    {"SY-HM", "Hama"},
    {"SY-ID", "Idlib"},
    {"SY-LA", "Latakia"},
    {"SY-QU", "Quneitra"},
    {"SY-RA", "Raqqa"},
    {"SY-RD", "Rif Dimashq"},
    {"SY-SU", "Suwayda"},
    {"SY-TA", "Tartus"},
    {"TR-01", "Adana"},
    {"TR-02", "Adiyaman"},
    {"TR-03", "Afyonkarahisar"},
    {"TR-04", "Agri"},
    {"TR-05", "Amasya"},
    {"TR-06", "Ankara"},
    {"TR-07", "Antalya"},
    {"TR-08", "Artvin"},
    {"TR-09", "Aydin"},
    {"TR-10", "Balikesir"},
    {"TR-11", "Bilecik"},
    {"TR-12", "Bingol"},
    {"TR-13", "Bitlis"},
    {"TR-14", "Bolu"},
    {"TR-15", "Burdur"},
    {"TR-16", "Bursa"},
    {"TR-17", "Canakkale"},
    {"TR-18", "Cankiri"},
    {"TR-19", "Corum"},
    {"TR-20", "Denizli"},
    {"TR-21", "Diyarbakir"},
    {"TR-22", "Edirne"},
    {"TR-23", "Elazig"},
    {"TR-24", "Erzincan"},
    {"TR-25", "Erzurum"},
    {"TR-26", "Eskisehir"},
    {"TR-27", "Gaziantep"},
    {"TR-28", "Giresun"},
    {"TR-29", "Gumushane"},
    {"TR-30", "Hakkari"},
    {"TR-31", "Hatay"},
    {"TR-32", "Isparta"},
    {"TR-33", "Mersin"},
    {"TR-34", "Istanbul"},
    {"TR-35", "Izmir"},
    {"TR-36", "Kars"},
    {"TR-37", "Kastamonu"},
    {"TR-38", "Kayseri"},
    {"TR-39", "Kirklareli"},
    {"TR-40", "Kirsehir"},
    {"TR-41", "Kocaeli"},
    {"TR-42", "Konya"},
    {"TR-43", "Kutahya"},
    {"TR-44", "Malatya"},
    {"TR-45", "Manisa"},
    {"TR-46", "Kahramanmaras"},
    {"TR-47", "Mardin"},
    {"TR-48", "Mugla"},
    {"TR-49", "Mus"},
    {"TR-50", "Nevsehir"},
    {"TR-51", "Nigde"},
    {"TR-52", "Ordu"},
    {"TR-53", "Rize"},
    {"TR-54", "Sakarya"},
    {"TR-55", "Samsun"},
    {"TR-56", "Siirt"},
    {"TR-57", "Sinop"},
    {"TR-58", "Sivas"},
    {"TR-59", "Tekirdag"},
    {"TR-60", "Tokat"},
    {"TR-61", "Trabzon"},
    {"TR-62", "Tunceli"},
    {"TR-63", "Sanliurfa"},
    {"TR-64", "Usak"},
    {"TR-65", "Van"},
    {"TR-66", "Yozgat"},
    {"TR-67", "Zonguldak"},
    {"TR-68", "Aksaray"},
    {"TR-69", "Bayburt"},
    {"TR-70", "Karaman"},
    {"TR-71", "Kirikkale"},
    {"TR-72", "Batman"},
    {"TR-73", "Sirnak"},
    {"TR-74", "Bartin"},
    {"TR-75", "Ardahan"},
    {"TR-76", "Igdir"},
    {"TR-77", "Yalova"},
    {"TR-78", "Karabuk"},
    {"TR-79", "Kilis"},
    {"TR-80", "Osmaniye"},
    {"TR-81", "Duzce"},
};

const char *admin1_name(const char *iso)
{
    if (!iso)
        return NULL;
    /* asked for every event written: a binary search of the sorted table */
    size_t lo = 0, hi = sizeof admin1_names / sizeof *admin1_names;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(admin1_names[mid].iso, iso);
        if (cmp == 0)
            return admin1_names[mid].name;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* True when the table lists the country of this code, so an unknown code
 * is a typo rather than a place outside the region. */
static bool admin1_country_known(const char *iso)
{
    for (size_t i = 0; i < sizeof admin1_names / sizeof *admin1_names; i++)
        if (!strncmp(admin1_names[i].iso, iso, 3))
            return true;
    return false;
}

/* ---- TSV reading ------------------------------------------------------------------ */

enum { MAX_FIELDS = 12 };

typedef struct TsvLine {
    const char *file;
    long line;
    char *field[MAX_FIELDS];
    int count;
} TsvLine;

/* What the row readers share while the lexicon loads. */
typedef struct LoadState {
    Lexicon *lex;
    MatcherBuilder *b;
    Diagnostics *diag;
    const char **parents; /* parent name of each actor, resolved at the end */
} LoadState;

typedef bool (*TsvRowFn)(LoadState *st, const TsvLine *row);

/* Calls fn for every non-comment line of data_dir/name. A missing file is
 * no error: it is an empty dictionary. Returns the rows accepted. */
static long tsv_each(const char *data_dir, const char *name, LoadState *st, TsvRowFn fn)
{
    Lexicon *lex = st->lex;
    Diagnostics *diag = st->diag;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    char *data;
    size_t len;
    int err = file_read_all(path, &data, &len);
    if (err == ENOENT)
        return 0;
    if (err) {
        diag_report(diag, DIAG_WARNING, path, 0, "cannot read: %s", strerror(err));
        return 0;
    }
    const char *file = arena_strdup(&lex->arena, path);
    long accepted = 0, lineno = 0;
    for (char *line = data; line && line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        if (nl)
            *nl = '\0';
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        bool blank = true;
        for (size_t i = 0; i < n && blank; i++)
            blank = line[i] == ' ' || line[i] == '\t';
        if (!blank && line[0] != '#') {
            TsvLine row = {file, lineno, {0}, 0};
            for (char *p = line; row.count < MAX_FIELDS;) {
                row.field[row.count++] = p;
                char *tab = strchr(p, '\t');
                if (!tab)
                    break;
                *tab = '\0';
                p = tab + 1;
            }
            for (int i = row.count; i < MAX_FIELDS; i++)
                row.field[i] = "";
            if (fn(st, &row))
                accepted++;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
    return accepted;
}

static char *trimmed(Arena *a, const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    return arena_strndup(a, s, n);
}

/* Adds the phrase and every |-separated alias to the matcher. */
static void add_names(MatcherBuilder *b, const char *name, const char *aliases, Entry e)
{
    matcher_builder_add(b, name, strlen(name), e);
    for (const char *a = aliases; a && *a;) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        while (n && *a == ' ')
            a++, n--;
        while (n && a[n - 1] == ' ')
            n--;
        if (n)
            matcher_builder_add(b, a, n, e);
        a = bar ? bar + 1 : NULL;
    }
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    if (!*s)
        return false;
    errno = 0;
    *out = strtod(s, &end);
    while (*end == ' ')
        end++;
    return errno == 0 && *end == '\0';
}

/* Arrays grow in the lexicon arena; capacity doubles at powers of two. */
static void *grow_for(Arena *a, void *items, int count, size_t elem)
{
    if (count == 0)
        return arena_alloc(a, 16 * elem);
    if (count >= 16 && (count & (count - 1)) == 0)
        return arena_grow(a, items, (size_t)count, (size_t)count * 2, elem);
    return items;
}

static bool actor_row(LoadState *st, const TsvLine *row)
{
    Lexicon *lex = st->lex;
    MatcherBuilder *b = st->b;
    Diagnostics *diag = st->diag;
    Side side;
    if (row->count < 2 || !*row->field[0]) {
        diag_report(diag, DIAG_WARNING, row->file, row->line,
                    "expected name, side, parent, kind, aliases, note");
        return false;
    }
    if (!side_parse(row->field[1], &side)) {
        diag_report(diag, DIAG_WARNING, row->file, row->line, "unknown side '%s'", row->field[1]);
        return false;
    }
    lex->actors = grow_for(&lex->arena, lex->actors, lex->actor_count, sizeof *lex->actors);
    int id = lex->actor_count++;
    Actor *a = &lex->actors[id];
    a->name = trimmed(&lex->arena, row->field[0]);
    a->side = side;
    a->parent = -1;
    a->kind = trimmed(&lex->arena, row->field[3]);
    st->parents = grow_for(&lex->arena, st->parents, id, sizeof *st->parents);
    st->parents[id] = trimmed(&lex->arena, row->field[2]);
    add_names(b, a->name, row->field[4], (Entry){ENTRY_ACTOR, id});
    return true;
}

static bool outlet_row(LoadState *st, const TsvLine *row)
{
    Lexicon *lex = st->lex;
    MatcherBuilder *b = st->b;
    Diagnostics *diag = st->diag;
    if (!*row->field[0]) {
        diag_report(diag, DIAG_WARNING, row->file, row->line,
                    "expected name, aliases, country, affiliation, note");
        return false;
    }
    lex->outlets = grow_for(&lex->arena, lex->outlets, lex->outlet_count, sizeof *lex->outlets);
    int id = lex->outlet_count++;
    Outlet *o = &lex->outlets[id];
    o->name = trimmed(&lex->arena, row->field[0]);
    o->country = trimmed(&lex->arena, row->field[2]);
    o->affiliation = trimmed(&lex->arena, row->field[3]);
    add_names(b, o->name, row->field[1], (Entry){ENTRY_OUTLET, id});
    return true;
}

static bool place_row(LoadState *st, const TsvLine *row)
{
    Lexicon *lex = st->lex;
    MatcherBuilder *b = st->b;
    Diagnostics *diag = st->diag;
    double lat, lon;
    if (row->count < 6 || !*row->field[0]) {
        diag_report(diag, DIAG_WARNING, row->file, row->line,
                    "expected name, aliases, country, admin1, lat, lon, feature "
                    "class, feature code, source");
        return false;
    }
    if (!parse_double(row->field[4], &lat) || !parse_double(row->field[5], &lon) || lat < -90 ||
        lat > 90 || lon < -180 || lon > 180) {
        diag_report(diag, DIAG_WARNING, row->file, row->line, "bad coordinates '%s' '%s'",
                    row->field[4], row->field[5]);
        return false;
    }
    lex->places = grow_for(&lex->arena, lex->places, lex->place_count, sizeof *lex->places);
    int id = lex->place_count++;
    Place *p = &lex->places[id];
    p->name = trimmed(&lex->arena, row->field[0]);
    p->country = trimmed(&lex->arena, row->field[2]);
    p->admin1 = trimmed(&lex->arena, row->field[3]);
    p->lat = lat;
    p->lon = lon;
    p->feature = *row->field[6] ? row->field[6][0] : 'P';
    p->feature_code = trimmed(&lex->arena, row->field[7]);
    const char *src = row->field[8];
    p->source = !*src                         ? "curated"
                : !strncmp(src, "curated", 7) ? trimmed(&lex->arena, src)
                                              : arena_printf(&lex->arena, "curated: %s", src);
    if (*p->admin1 && !admin1_name(p->admin1) && admin1_country_known(p->admin1))
        diag_report(diag, DIAG_WARNING, row->file, row->line, "unknown ISO 3166-2 code '%s'",
                    p->admin1);
    add_names(b, p->name, row->field[1], (Entry){ENTRY_PLACE, id});
    return true;
}

static bool trigger_row(LoadState *st, const TsvLine *row)
{
    Lexicon *lex = st->lex;
    MatcherBuilder *b = st->b;
    Diagnostics *diag = st->diag;
    if (row->count < 2 || !*row->field[0] || !*row->field[1]) {
        diag_report(diag, DIAG_WARNING, row->file, row->line,
                    "expected phrase, event type, sub-event type, frame");
        return false;
    }
    lex->triggers = grow_for(&lex->arena, lex->triggers, lex->trigger_count, sizeof *lex->triggers);
    int id = lex->trigger_count++;
    Trigger *t = &lex->triggers[id];
    t->phrase = trimmed(&lex->arena, row->field[0]);
    t->event_type = trimmed(&lex->arena, row->field[1]);
    t->sub_event_type = trimmed(&lex->arena, row->field[2]);
    t->frame = trimmed(&lex->arena, row->field[3]);
    add_names(b, t->phrase, "", (Entry){ENTRY_TRIGGER, id});
    return true;
}

static bool number_row(LoadState *st, const TsvLine *row)
{
    Lexicon *lex = st->lex;
    MatcherBuilder *b = st->b;
    Diagnostics *diag = st->diag;
    double value, low, high;
    if (row->count < 2 || !*row->field[0] || !parse_double(row->field[1], &value)) {
        diag_report(diag, DIAG_WARNING, row->file, row->line, "expected phrase, value, low, high");
        return false;
    }
    low = high = value;
    if ((*row->field[2] && !parse_double(row->field[2], &low)) ||
        (*row->field[3] && !parse_double(row->field[3], &high))) {
        diag_report(diag, DIAG_WARNING, row->file, row->line, "bad low or high");
        return false;
    }
    lex->numbers = grow_for(&lex->arena, lex->numbers, lex->number_count, sizeof *lex->numbers);
    int id = lex->number_count++;
    NumberWord *w = &lex->numbers[id];
    w->phrase = trimmed(&lex->arena, row->field[0]);
    size_t letters = 0;
    while (isalpha((unsigned char)w->phrase[letters]))
        letters++;
    char after = w->phrase[letters];
    w->first_word_letters = after == '\0' || after == ' ' || after == '-' ? (int)letters : 0;
    w->value = value;
    w->low = low;
    w->high = high;
    add_names(b, w->phrase, "", (Entry){ENTRY_NUMBER, id});
    return true;
}

/* A word that is never a one-word place: its plain fold, as the text's
 * tokens are folded ("Shi'ite" -> shiite). */
static bool not_place_row(LoadState *st, const TsvLine *row)
{
    char plain[FOLD_MAX];
    const char *w = row->field[0];
    while (*w == ' ')
        w++;
    size_t n = strlen(w);
    while (n && w[n - 1] == ' ')
        n--;
    size_t pn = fold_plain(w, n, plain, sizeof plain);
    if (pn == 0 || memchr(w, ' ', n)) {
        diag_report(st->diag, DIAG_WARNING, row->file, row->line, "expected one word, then a note");
        return false;
    }
    matcher_builder_add_word(st->b, plain, pn, WORD_NOT_PLACE);
    return true;
}

/* ---- Codes made at load ------------------------------------------------------------
 * The extraction asks of every actor, trigger and place it meets what kind,
 * frame or feature it is; the names become numbers once here. */

static const char *const actor_kind_names[] = {
    [ACTOR_KIND_STATE_FORCE] = "state_force",
    [ACTOR_KIND_MILITIA] = "militia",
    [ACTOR_KIND_REBEL_FACTION] = "rebel_faction",
    [ACTOR_KIND_JIHADIST] = "jihadist",
    [ACTOR_KIND_FOREIGN_STATE] = "foreign_state",
    [ACTOR_KIND_COALITION] = "coalition",
    [ACTOR_KIND_MONITOR] = "monitor",
    [ACTOR_KIND_AGENCY] = "agency",
    [ACTOR_KIND_POLITICAL] = "political",
    [ACTOR_KIND_GENERIC] = "generic",
};

ActorKind actor_kind_code(const char *kind)
{
    for (size_t i = 1; kind && i < sizeof actor_kind_names / sizeof *actor_kind_names; i++)
        if (!strcmp(kind, actor_kind_names[i]))
            return (ActorKind)i;
    return ACTOR_KIND_OTHER;
}

static const char *const frame_names[] = {
    [FRAME_ABDUCTION] = "abduction",
    [FRAME_ADVANCE] = "advance",
    [FRAME_AGREEMENT] = "agreement",
    [FRAME_ARREST] = "arrest",
    [FRAME_ASSASSINATED] = "assassinated",
    [FRAME_ATTACK] = "attack",
    [FRAME_BASE_ESTABLISHED] = "base_established",
    [FRAME_CAR_BOMB] = "car_bomb",
    [FRAME_CHEMICAL] = "chemical",
    [FRAME_CLASH] = "clash",
    [FRAME_DRONE_DOWNED] = "drone_downed",
    [FRAME_EXECUTED] = "executed",
    [FRAME_GRENADE] = "grenade",
    [FRAME_IED] = "ied",
    [FRAME_INJURED] = "injured",
    [FRAME_KILLED] = "killed",
    [FRAME_LOOTING] = "looting",
    [FRAME_PROTEST] = "protest",
    [FRAME_SHELLING] = "shelling",
    [FRAME_SIEGE] = "siege",
    [FRAME_SIEGE_BROKEN] = "siege_broken",
    [FRAME_SIEGE_IMPOSED] = "siege_imposed",
    [FRAME_STRIKE] = "strike",
    [FRAME_SUICIDE_BOMB] = "suicide_bomb",
    [FRAME_TERRITORY_FELL] = "territory_fell",
    [FRAME_TERRITORY_GAIN] = "territory_gain",
    [FRAME_TERRITORY_LOSS] = "territory_loss",
    [FRAME_TERRITORY_TAKE] = "territory_take",
};

FrameCode frame_code(const char *frame)
{
    if (!frame)
        return FRAME_OTHER;
    for (size_t i = 1; i < sizeof frame_names / sizeof *frame_names; i++)
        if (frame_names[i] && !strcmp(frame, frame_names[i]))
            return (FrameCode)i;
    return !strncmp(frame, "territory_", 10) ? FRAME_TERRITORY_OTHER : FRAME_OTHER;
}

unsigned place_classes(const Place *p)
{
    const char *c = p->feature_code ? p->feature_code : "";
    unsigned bits = 0;
    if (!strncmp(c, "PCL", 3))
        bits |= p->feature == 'A' ? PLACE_PCL | PLACE_COUNTRY : PLACE_PCL;
    if (!strcmp(c, "ADM1"))
        bits |= PLACE_ADM1;
    if (!strncmp(c, "ADM", 3))
        bits |= PLACE_ADM_ANY;
    if (!strcmp(c, "PPLA"))
        bits |= PLACE_PPLA;
    if (!strcmp(c, "PPLA2"))
        bits |= PLACE_PPLA2;
    if (!strncmp(c, "PPLA", 4))
        bits |= PLACE_PPLA_ANY;
    if (!strcmp(c, "PPLC"))
        bits |= PLACE_PPLC;
    if (!strncmp(c, "PPLC", 4))
        bits |= PLACE_PPLC_ANY;
    if (p->feature == 'H' &&
        (!strcmp(c, "SEA") || !strcmp(c, "GULF") || !strcmp(c, "BAY") || !strcmp(c, "OCN")))
        bits |= PLACE_SEA;
    if (p->source && !strncmp(p->source, "curated", 7))
        bits |= PLACE_CURATED;
    return bits;
}

static void set_codes(Lexicon *lex)
{
    for (int i = 0; i < lex->actor_count; i++)
        lex->actors[i].kind_code = (uint8_t)actor_kind_code(lex->actors[i].kind);
    for (int i = 0; i < lex->trigger_count; i++)
        lex->triggers[i].frame_code = (uint8_t)frame_code(lex->triggers[i].frame);
    for (int i = 0; i < lex->place_count; i++)
        lex->places[i].classes = (uint16_t)place_classes(&lex->places[i]);
}

/* ---- Loading -------------------------------------------------------------------- */

static void resolve_parents(LoadState *st)
{
    Lexicon *lex = st->lex;
    for (int i = 0; i < lex->actor_count; i++) {
        const char *parent = st->parents[i];
        if (!parent || !*parent)
            continue;
        for (int j = 0; j < lex->actor_count && lex->actors[i].parent < 0; j++)
            if (j != i && !strcmp(lex->actors[j].name, parent))
                lex->actors[i].parent = j;
        if (lex->actors[i].parent < 0)
            diag_report(st->diag, DIAG_WARNING, "actors.tsv", 0, "actor '%s': unknown parent '%s'",
                        lex->actors[i].name, parent);
    }
}

/* Number phrases are tried at every word that may start a count: only
 * those that share its first letter need a look (counts.c). */
static int number_group_of(const char *phrase)
{
    int c = phrase ? (unsigned char)phrase[0] : 0;
    if (c >= 'A' && c <= 'Z')
        c |= 0x20;
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

static void group_numbers(Lexicon *lex)
{
    int n = lex->number_count;
    lex->number_order = arena_alloc(&lex->arena, (size_t)(n + 1) * sizeof *lex->number_order);
    int k = 0;
    for (int g = 0; g < 27; g++) {
        lex->number_group[g] = k;
        for (int i = 0; i < n; i++)
            if (number_group_of(lex->numbers[i].phrase) == g)
                lex->number_order[k++] = i;
    }
    lex->number_group[27] = k;
}

bool lexicon_load(Lexicon *lex, const char *data_dir, const char *gazetteer_path, Diagnostics *diag)
{
    memset(lex, 0, sizeof *lex);
    arena_init(&lex->arena);
    if (!data_dir || access(data_dir, R_OK) != 0) {
        diag_report(diag, DIAG_ERROR, data_dir ? data_dir : "(null)", 0,
                    "data directory not found");
        return false;
    }
    LoadState st = {lex, matcher_builder_new(), diag, NULL};

    /* The gazetteer first, so its places keep the indexes of the file. */
    char path[4096];
    if (!gazetteer_path) {
        const char *env = getenv("SITREP_GAZETTEER");
        if (env && *env)
            gazetteer_path = env;
        else {
            snprintf(path, sizeof path, "%s/../build/gazetteer.bin", data_dir);
            gazetteer_path = path;
        }
    }
    if (access(gazetteer_path, R_OK) == 0)
        gazetteer_load(gazetteer_path, lex, st.b, diag);
    else
        diag_report(diag, DIAG_WARNING, gazetteer_path, 0,
                    "no compiled gazetteer (make build/gazetteer.bin): only curated "
                    "places are known");

    tsv_each(data_dir, "places.tsv", &st, place_row);
    tsv_each(data_dir, "actors.tsv", &st, actor_row);
    tsv_each(data_dir, "outlets.tsv", &st, outlet_row);
    tsv_each(data_dir, "triggers.tsv", &st, trigger_row);
    tsv_each(data_dir, "numbers.tsv", &st, number_row);
    tsv_each(data_dir, "not-places.tsv", &st, not_place_row);
    resolve_parents(&st);
    set_codes(lex);

    group_numbers(lex);
    lex->matcher = matcher_build(st.b, &lex->arena);
    matcher_set_places(lex->matcher, lex->places, lex->place_count);
    lex->word_classes = word_class_set_build(&lex->arena);
    return true;
}

void lexicon_free(Lexicon *lex)
{
    arena_free(&lex->arena);
    memset(lex, 0, sizeof *lex);
}

/* ---- Choosing a place ------------------------------------------------------------ */

static bool listed(const char *const *list, int n, const char *s)
{
    if (!s || !*s)
        return false;
    /* asked for every candidate of every ambiguous place: when the
     * context holds the lexicon's own string, the pointer settles it */
    for (int i = 0; i < n; i++) {
        const char *a = list[i];
        if (!a)
            continue;
        if (a == s)
            return true;
        /* Codes ("SY-HL", "SY-DY") differ within their first letters:
         * compared here byte by byte, without a call for each. */
        int k = 0;
        while (k < 8 && a[k] == s[k] && a[k])
            k++;
        if (a[k] == s[k] && (k < 8 || !strcmp(a + 8, s + 8)))
            return true;
    }
    return false;
}

static bool is_curated(const Place *p)
{
    return (p->classes & PLACE_CURATED) != 0;
}

static bool is_seat(const Place *p)
{
    return (p->classes & (PLACE_PPLC_ANY | PLACE_PPLA_ANY | PLACE_ADM_ANY)) != 0;
}

/* The criteria, most important first. Each returns a number where more is
 * better; the first on which the winner beats the runner-up explains the
 * choice. */
enum { CRITERIA = 6 };
static const char *const criterion_why[CRITERIA] = {
    "in a governorate named earlier",
    "in a country named earlier",
    "curated entry",
    "administrative seat",
    "populated place",
    "largest population",
};

static void place_scores(const Place *p, const PlaceContext *ctx, double s[CRITERIA])
{
    s[0] = ctx && listed(ctx->admin1s, ctx->admin1_count, p->admin1);
    s[1] = ctx && listed(ctx->countries, ctx->country_count, p->country);
    s[2] = is_curated(p);
    s[3] = is_seat(p);
    s[4] = p->feature == 'P';
    s[5] = p->population;
}

/* Returns the first criterion on which a beats b (a > 0 → index + 1),
 * b beats a (negative), or 0 when they tie on all. */
static int compare_scores(const double a[CRITERIA], const double b[CRITERIA])
{
    for (int i = 0; i < CRITERIA; i++) {
        if (a[i] > b[i])
            return i + 1;
        if (a[i] < b[i])
            return -(i + 1);
    }
    return 0;
}

PlaceChoice place_choose(const Lexicon *lex, const Entry *entries, int count,
                         const PlaceContext *ctx)
{
    PlaceChoice choice = {-1, "no place entry"};
    /* one candidate (the usual case) needs no scoring */
    int only = -1, valid = 0;
    for (int i = 0; i < count && valid < 2; i++)
        if (entries[i].kind == ENTRY_PLACE && entries[i].id >= 0 &&
            entries[i].id < lex->place_count) {
            only = entries[i].id;
            valid++;
        }
    if (valid == 0)
        return choice;
    if (valid == 1) {
        choice.place = only;
        choice.why = "only entry";
        return choice;
    }
    int best = -1, runner = -1, places = 0;
    double best_s[CRITERIA] = {0}, runner_s[CRITERIA] = {0};
    for (int i = 0; i < count; i++) {
        if (entries[i].kind != ENTRY_PLACE || entries[i].id < 0 ||
            entries[i].id >= lex->place_count)
            continue;
        places++;
        double s[CRITERIA];
        place_scores(&lex->places[entries[i].id], ctx, s);
        if (best < 0 || compare_scores(s, best_s) > 0) {
            runner = best;
            memcpy(runner_s, best_s, sizeof s);
            best = entries[i].id;
            memcpy(best_s, s, sizeof s);
        } else if (runner < 0 || compare_scores(s, runner_s) > 0) {
            runner = entries[i].id;
            memcpy(runner_s, s, sizeof s);
        }
    }
    if (best < 0)
        return choice;
    choice.place = best;
    if (places == 1 || runner < 0) {
        choice.why = "only entry";
        return choice;
    }
    int c = compare_scores(best_s, runner_s);
    choice.why = c > 0 ? criterion_why[c - 1] : "first of equal entries";
    return choice;
}
