/*
 * extract.c — the article driver: sentences in order, frames filled per
 * sentence (frames.c), then what needs the article as a whole: tolls
 * attached to the event they count, claimants and hedges, back references
 * ("the attacks", "these strikes") merged into the event they name, the
 * same event told twice merged, missing opponents taken from the article's
 * main pair of belligerents, dates for undated lines, and the lead event.
 */
#include "extract_internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool allied(Side a, Side b);
static bool allied_sides(Side a, Side b);
static const char *named_most(const Ctx *c);
static void title_context(Ctx *c);

/* ---- Small helpers ------------------------------------------------------------ */

static bool known_day(Date d)
{
    return d.year > 0 && d.month > 0 && d.day > 0;
}

/* The three types start with three different letters: one test picks
 * the one string to compare. */
static bool is_violent(const Event *ev)
{
    const char *t = ev->event_type;
    switch (t[0]) {
    case 'B':
        return str_eq(t, "Battles");
    case 'E':
        return str_eq(t, "Explosions/Remote violence");
    case 'V':
        return str_eq(t, "Violence against civilians");
    default:
        return false;
    }
}

static bool frame_is(const EventNote *n, FrameCode f)
{
    return n->frame_code == f;
}

static bool is_territory_event(const Event *ev)
{
    const char *t = ev->sub_event_type;
    if (t[0] == 'G')
        return !strncmp(t, "Government regains", 18);
    if (t[0] == 'N')
        return !strncmp(t, "Non-state actor", 15) || !strncmp(t, "Non-violent transfer", 20);
    return false;
}

static Claim *add_claim(Ctx *c, Event *ev, Claim cl)
{
    for (int i = 0; i < ev->claim_count; i++) {
        Claim *o = &ev->claims[i];
        if (o->span.start == cl.span.start && o->fatalities.present == cl.fatalities.present &&
            (!cl.fatalities.present || o->fatalities.low == cl.fatalities.low))
            return o;
    }
    Claim *nc = arena_alloc(c->arena, (size_t)(ev->claim_count + 1) * sizeof *nc);
    if (ev->claim_count)
        memcpy(nc, ev->claims, (size_t)ev->claim_count * sizeof *nc);
    nc[ev->claim_count] = cl;
    ev->claims = nc;
    return &nc[ev->claim_count++];
}

/* Fatalities follow the claims: low = the lowest figure any source gives,
 * high = the highest, best = the first source's. */
static void recompute_fatalities(Event *ev)
{
    bool any = false;
    Range r = {0};
    for (int i = 0; i < ev->claim_count; i++) {
        const Range *f = &ev->claims[i].fatalities;
        if (!f->present)
            continue;
        /* "killing dozens", then "62 were killed": an exact figure within
         * a vague one refines it */
        bool refined = false;
        for (int k = 0; k < ev->claim_count && f->low < f->high; k++) {
            const Range *g = &ev->claims[k].fatalities;
            refined |=
                k != i && g->present && g->low == g->high && g->low >= f->low && g->high <= f->high;
        }
        if (refined)
            continue;
        if (!any) {
            r = *f;
            any = true;
        } else {
            if (f->low < r.low)
                r.low = f->low;
            if (f->high > r.high)
                r.high = f->high;
        }
    }
    if (any)
        ev->fatalities = r;
}

/* ---- Claimants ---------------------------------------------------------------- */

/* The claim verbs ("said", "reported", …) are WC_CLAIM_VERBS (lex.h). */
static const char *const source_nouns[] = {
    "source",      "sources",   "activists", "activist", "monitor",  "observatory", "tv",
    "television",  "media",     "agency",    "ministry", "official", "officials",   "spokesman",
    "spokeswoman", "commander", "statement", "army",     "military", "command",     "police",
    "residents",   "witnesses", "group",     "network",  NULL};

/* Is token i the word `lit`, a string literal (see token_is)? */
#define tok_word(s, i, lit) token_is_n((s), (i), "" lit, sizeof(lit) - 1)

static inline bool tok_in(const Sentence *s, int i, const char *const *words)
{
    if (i < 0 || i >= s->tok.count)
        return false;
    const char *f = s->tok.folded + s->tok.items[i].fold;
    for (; *words; words++)
        if (f[0] == (*words)[0] && str_eq(f, *words))
            return true;
    return false;
}

/* Is token i in one of the closed word classes (WC_* bits)? */
static bool tok_class(const Sentence *s, int i, uint32_t cls)
{
    return i >= 0 && i < s->tok.count && (s->word_classes[i] & cls);
}

static const char *mention_name(const Ctx *c, const Mention *m)
{
    if (m->outlet >= 0)
        return c->lex->outlets[m->outlet].name;
    if (m->actor >= 0)
        return c->lex->actors[m->actor].name;
    return NULL;
}

/* Text of tokens [a, b) as written. */
static const char *tokens_text(const Ctx *c, const Sentence *s, int a, int b)
{
    if (a < 0 || b <= a || b > s->tok.count)
        return NULL;
    return arena_strndup(c->arena, c->doc->text + s->tok.items[a].start,
                         s->tok.items[b - 1].end - s->tok.items[a].start);
}

/* Who says what this sentence says: "according to X", "X said", "said X".
 * *party gets the actor index when the claimant is a party. */
static const char *sentence_claimant(Ctx *c, const Sentence *s, int *party, const char *previous)
{
    *party = -1;
    if (!s->has_according && !(s->classes_any & WC_CLAIM_VERBS))
        return NULL;             /* no "according to", no verb of saying */
    uint32_t source_letters = 0; /* of source_nouns, made when first asked */
    for (int i = 0; i < s->tok.count; i++) {
        bool according = tok_word(s, i, "according") && tok_word(s, i + 1, "to");
        if (!according && !tok_class(s, i, WC_CLAIM_VERBS))
            continue;
        if (according) {
            int a = i + 2, b = a;
            while (b < s->tok.count && b < a + 8 && s->tok.items[b].kind == TOKEN_WORD)
                b++;
            for (int k = a; k < b; k++) {
                int mi = s->ment_at[k];
                if (mi >= 0 && mention_name(c, &s->ments[mi])) {
                    if (s->ments[mi].actor >= 0)
                        *party = s->ments[mi].actor;
                    return mention_name(c, &s->ments[mi]);
                }
            }
            return tokens_text(c, s, a, b);
        }
        /* "X said": the mention or source noun phrase just before */
        for (int k = i - 1; k >= 0 && k >= i - 7; k--) {
            if (!source_letters)
                source_letters = first_letters(source_nouns);
            int mi = s->ment_at[k];
            if (mi >= 0 && mention_name(c, &s->ments[mi])) {
                const Mention *m = &s->ments[mi];
                if (m->actor >= 0) {
                    unsigned kind = c->lex->actors[m->actor].kind_code;
                    if (kind != ACTOR_KIND_MONITOR && kind != ACTOR_KIND_AGENCY)
                        *party = m->actor;
                }
                return mention_name(c, m);
            }
            if (token_starts_in(s, k, source_letters) && tok_in(s, k, source_nouns)) {
                int a = k;
                while (a > 0 && k - a < 5 && s->tok.items[a - 1].kind == TOKEN_WORD &&
                       !tok_class(s, a - 1, WC_CLAIM_VERBS))
                    a--;
                return tokens_text(c, s, a, k + 1);
            }
            if (tok_in(s, k, (const char *const[]){"it", "he", "she", "they", NULL}))
                return previous;
            if (s->tok.items[k].kind == TOKEN_PUNCT && c->doc->text[s->tok.items[k].start] != '\'')
                break;
        }
        /* "…,” said Omar Abu Leila": the name after the verb */
        int a = i + 1;
        if (a < s->tok.count) {
            int mi = s->ment_at[a];
            if (mi >= 0 && mention_name(c, &s->ments[mi]))
                return mention_name(c, &s->ments[mi]);
            int b = a;
            while (b < s->tok.count && b < a + 4 && s->tok.items[b].kind == TOKEN_WORD &&
                   (s->tok.items[b].flags & TOKEN_CAPITALISED))
                b++;
            if (b > a)
                return tokens_text(c, s, a, b);
        }
    }
    return NULL;
}

/* ---- Counts for tolls ---------------------------------------------------------- */

/* The count a killed/injured trigger at [t0, t1) refers to, or NULL. A
 * killed trigger never takes the count of the wounded ("10 killed 15
 * injured"). */
static const Count *toll_count(const Sentence *s, int t0, int t1, bool killed)
{
    /* "three of the wounded had died": the wounded were counted with the
     * event already; those who die later are in its updated toll */
    for (int i = 0; killed && i < s->count_count; i++) {
        const Count *ct = &s->counts[i];
        if (ct->last < t0 && ct->last >= t0 - 5 && tok_word(s, ct->last, "of") &&
            tok_word(s, ct->last + 1, "the") &&
            tok_in(s, ct->last + 2, (const char *const[]){"wounded", "injured", NULL}))
            return NULL;
    }
    /* "killing 5", "killed at least 11", "killed one", "the murder of two" */
    for (int i = 0; i < s->count_count; i++) {
        const Count *ct = &s->counts[i];
        if (killed && ct->hurt)
            continue;
        bool of = ct->first == t1 + 1 && tok_word(s, t1, "of") && ct->person;
        if ((ct->first == t1 && (ct->person || ct->noun < 0)) || of)
            return ct;
    }
    /* "Five people have been killed", "62 Syrian forces have been killed";
     * "6 people, including a woman and her two children, were killed":
     * the breakdown after "including" neither counts nor stretches the
     * distance */
    /* "the toll has risen to more than 100", "put the death toll at 83",
     * "raised its toll to 90": the figure a toll rises to, after it */
    for (int i = 0; i < s->count_count; i++) {
        const Count *ct = &s->counts[i];
        static const char *const rises[] = {"risen",   "rose",   "rises",  "raised",
                                            "climbed", "climbs", "jumped", "increased",
                                            "reached", "toll",   NULL};
        if (ct->first <= t1 || ct->first < 2 || ct->first > t1 + 20 || (killed && ct->hurt))
            continue;
        if ((tok_word(s, ct->first - 1, "to") && tok_in(s, ct->first - 2, rises)) ||
            tok_in(s, ct->first - 1, rises) ||
            (tok_word(s, ct->first - 1, "at") && tok_word(s, t1 - 1, "toll") &&
             ct->first <= t1 + 2))
            return ct;
    }
    /* "killed six others injured": the count read as the wounded */
    for (int i = 0; !killed && i < s->count_count; i++)
        if (s->counts[i].hurt && s->counts[i].last <= t0 && s->counts[i].last >= t0 - 4)
            return &s->counts[i];
    const Count *best = NULL, *breakdown = NULL;
    int aside = -1; /* where an "including …," aside before t0 starts */
    for (int k = t0 - 1; k >= 0 && k >= t0 - 14; k--)
        if (tok_in(s, k, (const char *const[]){"including", "among", NULL})) {
            aside = k;
            break;
        }
    for (int i = 0; i < s->count_count; i++) {
        const Count *ct = &s->counts[i];
        if (ct->last > t0 || ct->last < (aside >= 0 && ct->last <= aside ? aside - 8 : t0 - 8))
            continue;
        if (aside >= 0 && ct->first > aside) {
            breakdown = ct;
            continue;
        }
        if ((ct->noun >= 0 && !ct->person) || (killed && ct->hurt))
            continue;
        if (ct->first > 0 &&
            tok_in(s, ct->first - 1, (const char *const[]){"including", "and", NULL}) && best)
            continue;
        if (!best || ct->first > best->first) {
            /* between the count and the trigger: no other count's noun */
            best = ct;
        }
    }
    /* a breakdown after "including" is not the total: prefer the earliest
     * count of a chain "32 people … including 12 … and 20" */
    return best ? best : breakdown;
}

/* "14 SDF fighters and more than 30 jihadists had been killed": a count
 * joined to ct by "and", the next of the list, both dead; NULL if none. A
 * breakdown ("including 12 … and 20") is not a list of its own. */
static const Count *conjoined_count(const Sentence *s, const Count *ct, int t0)
{
    if (ct->first > 0 &&
        tok_in(s, ct->first - 1, (const char *const[]){"including", "among", NULL}))
        return NULL;
    for (int i = 0; i < s->count_count; i++) {
        const Count *o = &s->counts[i];
        if (o->first <= ct->first)
            continue;
        /* the next count of the sentence, or none */
        if (o->first - ct->last > 5 || !tok_word(s, o->first - 1, "and") ||
            !(o->person || o->victim_actor >= 0) || o->hurt ||
            !(ct->person || ct->victim_actor >= 0))
            return NULL;
        /* both on the same side of the trigger */
        if ((ct->last <= t0) != (o->last <= t0))
            return NULL;
        return o;
    }
    return NULL;
}

/* The side of the dead a count names: "IS militants", "two of its
 * fighters" (the side of the actor just before), civilians; else unknown. */
static Side count_victim_side(const Ctx *c, const Sentence *s, const Count *ct)
{
    if (ct->victim_actor >= 0 && c->lex->actors[ct->victim_actor].side != SIDE_UNKNOWN)
        return c->lex->actors[ct->victim_actor].side;
    if (ct->civilian)
        return SIDE_CIVILIANS;
    bool own = false;
    for (int k = ct->last; k < s->tok.count && k < ct->last + 3; k++)
        own |= tok_in(s, k, (const char *const[]){"its", "their", NULL});
    if (!own)
        return SIDE_UNKNOWN;
    for (int k = ct->first - 1; k >= 0 && k >= ct->first - 8; k--) {
        int mi = s->ment_at[k];
        if (mi >= 0 && s->ments[mi].actor >= 0)
            return c->lex->actors[s->ments[mi].actor].side;
    }
    return SIDE_UNKNOWN;
}

/* ---- The article ---------------------------------------------------------------- */

static EventPlace admin1_only(const Ctx *c, const char *code)
{
    const char *name = admin1_name(code);
    EventPlace p = {name && *name ? name : code, code, "", 0, 0, "admin1", -1, NULL};
    if (strlen(code) >= 2)
        p.country = arena_strndup(c->arena, code, 2);
    return p;
}

static void merge_into(Ctx *c, int dst, int src)
{
    Event *d = &c->events[dst], *s = &c->events[src];
    EventNote *dn = &c->notes[dst], *sn = &c->notes[src];
    if (!d->has_actor1 && s->has_actor1) {
        d->has_actor1 = true;
        d->actor1 = s->actor1;
    }
    if (!d->has_actor2 && s->has_actor2 && (!d->has_actor1 || d->actor1.side != s->actor2.side)) {
        d->has_actor2 = true;
        d->actor2 = s->actor2;
    }
    for (int i = 0; i < s->place_count; i++) {
        bool seen = false;
        for (int k = 0; k < d->place_count; k++)
            seen |= str_eq(d->places[k].name, s->places[i].name);
        if (!seen) {
            EventPlace *np = arena_alloc(c->arena, (size_t)(d->place_count + 1) * sizeof *np);
            if (d->place_count)
                memcpy(np, d->places, (size_t)d->place_count * sizeof *np);
            np[d->place_count++] = s->places[i];
            d->places = np;
        }
    }
    if (!d->has_place && d->place_count) {
        d->has_place = true;
        d->place = d->places[0];
    } else if (d->has_place && str_eq(d->place.precision, "admin1")) {
        for (int k = 0; k < d->place_count; k++)
            if (!str_eq(d->places[k].precision, "admin1")) {
                d->place = d->places[k];
                break;
            }
    }
    if (dn->weak_date && !sn->weak_date && s->date_precision != PRECISION_NONE) {
        d->date = s->date;
        d->date_precision = s->date_precision;
        dn->weak_date = false;
    }
    for (int i = 0; i < s->claim_count; i++)
        add_claim(c, d, s->claims[i]);
    recompute_fatalities(d);
    if (s->injured.present && (!d->injured.present || s->injured.high > d->injured.high))
        d->injured = s->injured;
    if (s->certainty != CERTAINTY_REPORTED && d->certainty == CERTAINTY_REPORTED)
        d->certainty = s->certainty;
    sn->dropped = true;
}

static bool places_compatible(const Event *a, const Event *b)
{
    if (!a->place_count || !b->place_count)
        return true;
    for (int i = 0; i < a->place_count; i++)
        for (int k = 0; k < b->place_count; k++)
            if (str_eq(a->places[i].name, b->places[k].name))
                return true;
    return false;
}

/* "the raids on Jabal Tharda" after "strikes near Deir ez-Zor airport": a
 * definite mention may name the same event's place more finely. */
static bool same_governorate(const Event *a, const Event *b)
{
    return a->has_place && b->has_place && a->place.admin1 && b->place.admin1 && *a->place.admin1 &&
           str_eq(a->place.admin1, b->place.admin1);
}

/* Could a date be that of an event the article reports as news? A
 * headline without a date of its own takes the body's date for the same
 * event, but not the date of a background event months before. */
static bool recent(const Ctx *c, const Event *ev)
{
    if (!known_day(c->ref) || ev->date_precision == PRECISION_NONE)
        return true;
    if (ev->date_precision == PRECISION_MONTH || ev->date_precision == PRECISION_YEAR)
        return ev->date.year == c->ref.year &&
               (ev->date_precision == PRECISION_YEAR || ev->date.month == c->ref.month);
    long d = date_to_days(ev->date), r = date_to_days(c->ref);
    return d >= r - 10 && d <= r + 1;
}

static bool same_date(const Ctx *c, const Event *a, const EventNote *an, const Event *b,
                      const EventNote *bn)
{
    if (an->weak_date && bn->weak_date)
        return true;
    if (an->weak_date)
        return recent(c, b);
    if (bn->weak_date)
        return recent(c, a);
    return a->date.year == b->date.year && a->date.month == b->date.month &&
           a->date.day == b->date.day;
}

/* ---- Background clauses ------------------------------------------------------ */

/* A clause boundary: the clause a subordinator opens ends here. */
static bool clause_break(const Sentence *s, int i)
{
    return s->tok.items[i].kind == TOKEN_PUNCT &&
           tok_in(s, i, (const char *const[]){",", ";", ":", "(", ")", NULL});
}

/* A verb form of the past: "overran", "seized", "had taken". Nouns ("the
 * capture of") and presents ("seize") do not tell of an earlier time. */
static bool past_form(const Sentence *s, int t)
{
    if (t < 0 || t >= s->tok.count || s->tok.items[t].kind != TOKEN_WORD)
        return false;
    const char *f = s->tok.folded + s->tok.items[t].fold;
    size_t n = strlen(f);
    if (n > 3 && str_eq(f + n - 2, "ed"))
        return true;
    return tok_in(s, t,
                  (const char *const[]){"overran", "overrun", "took", "taken", "retook", "retaken",
                                        "fell", "fallen", "won", "lost", "drove", "driven", "swept",
                                        "held", NULL});
}

/* Does the sentence report someone's words ("said", "told")? Then a
 * pluperfect is the tense of reported speech, and the news itself. */
static bool reported_speech(const Sentence *s)
{
    /* the classes of all its words, from sentence_scan */
    return (s->classes_any & (WC_SPEECH_VERBS | WC_CLAIM_VERBS)) != 0;
}

/* Is the territory change at trigger t told as background: in a clause of
 * prior time ("less than three months after IS fighters overran it",
 * "having seized the town") or in the pluperfect ("IS had seized the
 * town")? If so, *from and *to bound the clause, where a date of its own
 * would be. */
static bool background_clause(const Sentence *s, int t, int *from, int *to)
{
    /* "celebrated taking the city back": a gerund after a past verb */
    const char *f = s->tok.folded + s->tok.items[t].fold;
    size_t n = strlen(f);
    bool gerund = n > 4 && str_eq(f + n - 3, "ing") && past_form(s, t - 1);
    if (!past_form(s, t) && !gerund)
        return false;
    int start = -1;
    /* "after the militants overran it", "since IS took", "having seized";
     * not "when", which tells of the same time as often as of an earlier */
    for (int k = t - 1; k >= 0 && k >= t - 8; k--) {
        if (clause_break(s, k))
            break;
        if (tok_in(s, k, (const char *const[]){"after", "since", "before", "having", NULL})) {
            start = k;
            break;
        }
    }
    /* "had seized", "had already seized", "had been captured": the whole
     * sentence is the background, and a date anywhere in it is its own */
    for (int k = t - 1; k >= 0 && k >= t - 3; k--) {
        if (s->tok.items[k].kind != TOKEN_WORD)
            break;
        if (tok_word(s, k, "had")) {
            if (start < 0 && !reported_speech(s)) {
                *from = 0;
                *to = s->tok.count - 1;
                return true;
            }
            break;
        }
        if (!tok_class(s, k, WC_ADVERBS) && !tok_word(s, k, "been"))
            break;
    }
    if (start < 0)
        return false;
    int end = t + 1;
    while (end < s->tok.count && !clause_break(s, end))
        end++;
    *from = start;
    *to = end - 1;
    return true;
}

/* Words that tell of a chemical weapon used, not merely held, handed
 * over or destroyed. */
static const char *const chemical_use_words[] = {
    "attack",   "attacks",    "attacked", "strike",     "strikes",  "struck",  "used",
    "use",      "using",      "fired",    "dropped",    "launched", "hit",     "killed",
    "killing",  "kills",      "victims",  "died",       "dead",     "lives",   "incident",
    "exposure", "exposed",    "poisoned", "suffocated", "shelling", "bombing", "bombed",
    "targeted", "casualties", "injured",  "wounded",    NULL};

/* Is the event at trigger t of sentence s no event of its own? "warns
 * against new US strikes", "threatens strikes", "to avert strikes": a
 * future that is being warned of; "the destruction of its chemical
 * weapons", "does not possess chemical weapons": the weapon named, with
 * no word of its use. */
static bool not_an_occurrence(const Ctx *c, const Sentence *s, int e)
{
    static const char *const warn[] = {"warn", "warns", "warned", "warning", NULL};
    static const char *const avert[] = {"threaten", "threatens", "threatened", "threatening",
                                        "avert",    "averting",  "prevent",    "preventing",
                                        "deter",    "deterring", NULL};
    uint32_t warn_letters = first_letters(warn), avert_letters = first_letters(avert);
    int t = c->notes[e].trigger_token;
    for (int k = t - 1; k >= 0 && k >= t - 5; k--) {
        if (clause_break(s, k))
            break;
        if (token_starts_in(s, k, warn_letters) && tok_in(s, k, warn) &&
            tok_in(s, k + 1, (const char *const[]){"against", "of", NULL}))
            return true;
        if (token_starts_in(s, k, avert_letters) && tok_in(s, k, avert))
            return true;
    }
    if (frame_is(&c->notes[e], FRAME_CHEMICAL)) {
        int mi = s->ment_at[t];
        int last = mi >= 0 ? s->ments[mi].last - 1 : t;
        if (tok_in(s, last, (const char *const[]){"weapon", "weapons", NULL})) {
            /* near the words, not anywhere: "hand over its chemical
             * weapons in a move that could avert strikes" */
            for (int i = t - 4; i <= last + 4; i++)
                if (i >= 0 && i < s->tok.count && tok_in(s, i, chemical_use_words))
                    return false;
            return true;
        }
    }
    return false;
}

/* The events this sentence opened (from first_event on): their dates,
 * certainty and claims, the tolls that go to them, and the killed
 * events that got none. */
static void finish_events(Ctx *c, const Sentence *s, int first_event, const char *claimant,
                          int party)
{
    const Lexicon *lex = c->lex;
    /* "since 2011", "since the conflict began": background */
    bool since = false;
    for (int i = 0; i < s->date_count; i++) {
        const DateMention *dm = &s->dates[i];
        if (dm->since && tok_word(s, dm->first - 1, "since") &&
            (dm->precision >= PRECISION_MONTH || !known_day(c->ref) ||
             date_to_days(dm->date) < date_to_days(c->ref) - 30))
            since = true;
    }
    /* One pass over the words for the cues that follow: "since … war",
     * a "since" at all, "so far", "day after". */
    bool since_word = false, cumulative = false;
    int rel_days = 0, rel_from = 0;
    /* sentence_scan noted the classes of its words and whether it has the
     * words below at all: most sentences have none, and skip the pass */
    cumulative = (s->classes_any & WC_CUMULATIVE) != 0;
    bool any_cue = s->has_since || (s->has_after && s->has_day) ||
                   (!cumulative && (s->has_far || s->has_date_word));
    for (int i = 0; any_cue && i < s->tok.count; i++) {
        if (s->tok.items[i].kind != TOKEN_WORD)
            continue; /* every cue below is a word */
        size_t n = s->tok.items[i].fold_len;
        if (n < 2 || n > 5) {
            /* the words below have two to five letters; a class, any */
            cumulative |= tok_class(s, i, WC_CUMULATIVE);
            continue;
        }
        if (tok_word(s, i, "since")) {
            since_word |= i + 1 < s->tok.count;
            if (i + 2 < s->tok.count &&
                tok_in(s, i + 2,
                       (const char *const[]){"conflict", "war", "start", "beginning", "uprising",
                                             "crisis", "revolution", "outbreak", NULL}))
                since = true;
        }
        /* "the bloodiest of the campaign with at least 69 killed", "so
         * far", "in total": a toll over many events */
        if (tok_class(s, i, WC_CUMULATIVE) || /* "bloodiest", "total", "overall", … */
            (tok_word(s, i, "so") && tok_word(s, i + 1, "far")) ||
            (tok_word(s, i, "to") && tok_word(s, i + 1, "date")))
            cumulative = true;
        /* "one day after …": relative to the event told just before */
        if (i >= 1 && i + 1 < s->tok.count && (tok_word(s, i, "day") || tok_word(s, i, "days")) &&
            tok_word(s, i + 1, "after") &&
            tok_in(s, i - 1, (const char *const[]){"one", "a", "two", "three", NULL})) {
            static const char *const small[] = {"a", "one", "two", "three"};
            const char *f = s->tok.folded + s->tok.items[i - 1].fold;
            for (int k = 0; k < 4; k++)
                if (str_eq(f, small[k]))
                    rel_days = k == 0 ? 1 : k;
            rel_from = i + 1;
        }
    }
    /* "since it declared a caliphate", "since strikes began", "since they
     * went on the offensive on Thursday": a toll or a state summed over
     * everything after a past event, not one event */
    for (int i = 0; since_word && i + 1 < s->tok.count && !since; i++) {
        if (!tok_word(s, i, "since"))
            continue;
        for (int k = i + 1; k < s->tok.count && k <= i + 7; k++) {
            if (s->tok.items[k].kind != TOKEN_WORD)
                break;
            const char *f = s->tok.folded + s->tok.items[k].fold;
            size_t n = strlen(f);
            if ((n > 4 && str_eq(f + n - 2, "ed")) ||
                tok_in(s, k,
                       (const char *const[]){"began", "begun", "went", "took", "fell", "broke",
                                             "won", "lost", "came", "left", "overran", "seized",
                                             "started", "sent", "led", "ran", "made", NULL})) {
                since = true;
                break;
            }
        }
    }

    bool same_time = same_time_cue(s) >= 0;
    Date prev_date = {0};
    for (int e = first_event - 1; e >= 0; e--)
        if (!c->notes[e].dropped && c->events[e].date_precision == PRECISION_DAY &&
            !c->notes[e].weak_date) {
            prev_date = c->events[e].date;
            break;
        }

    for (int e = first_event; e < c->event_count; e++) {
        Event *ev = &c->events[e];
        EventNote *note = &c->notes[e];
        int t = note->trigger_token;
        if (since || not_an_occurrence(c, s, e)) {
            note->dropped = true;
            continue;
        }
        /* date: the nearest non-speech expression, else a speech one */
        const DateMention *best = NULL;
        bool best_speech = true;
        int best_dist = 1 << 30;
        for (int i = 0; i < s->date_count; i++) {
            const DateMention *dm = &s->dates[i];
            if (dm->since)
                continue;
            int dist = dm->first > t ? dm->first - t : t - dm->last;
            if (dist < 0)
                dist = 0;
            if (!best || (best_speech && !dm->speech) ||
                (best_speech == dm->speech && dist < best_dist)) {
                best = dm;
                best_speech = dm->speech;
                best_dist = dist;
            }
        }
        /* "Hours later, …", "straight after the strikes": the day before */
        bool relative = (rel_days && t > rel_from && known_day(prev_date)) ||
                        (same_time && known_day(prev_date));
        if (best && !(relative && best_speech)) {
            ev->date = best->date;
            ev->date_precision = best->precision;
            note->weak_date = best_speech;
        } else if (relative) {
            ev->date = date_add_days(prev_date, same_time ? 0 : -rel_days);
            ev->date_precision = PRECISION_DAY;
        } else {
            note->weak_date = true;
            if (known_day(c->ref)) {
                ev->date = c->ref;
                ev->date_precision = PRECISION_DAY;
            }
        }
        /* "after IS fighters overran it", "IS had seized the town": an
         * earlier change of hands, not one of the article's day. It is an
         * event only where the clause dates it ("in December"). */
        int bg_from, bg_to;
        if (is_territory_event(ev) && background_clause(s, t, &bg_from, &bg_to)) {
            const DateMention *own = NULL;
            for (int i = 0; i < s->date_count; i++) {
                const DateMention *dm = &s->dates[i];
                if (!dm->speech && !dm->since && dm->first >= bg_from && dm->first <= bg_to) {
                    own = dm;
                    break;
                }
            }
            if (!own) {
                note->dropped = true;
                continue;
            }
            ev->date = own->date;
            ev->date_precision = own->precision;
            note->weak_date = false;
        }
        if (s->unconfirmed)
            ev->certainty = CERTAINTY_UNCONFIRMED;
        else if (party >= 0 && ev->has_actor1 && lex->actors[party].side == ev->actor1.side &&
                 ev->actor1.side != SIDE_UNKNOWN)
            ev->certainty = CERTAINTY_CLAIMED;
        if (claimant)
            add_claim(c, ev, (Claim){claimant, {0}, ev->evidence_text, s->span});
    }

    /* Tolls: each killed / injured trigger gives a count to the nearest
     * event of the sentence, or stays an event of its own. */
    int toll_host_prev = -1, toll_claim_prev = -1;
    Side toll_side_prev = SIDE_UNKNOWN;
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->trigger < 0)
            continue;
        unsigned frame = lex->triggers[m->trigger].frame_code;
        bool killed = frame == FRAME_KILLED || frame == FRAME_EXECUTED;
        bool injured = frame == FRAME_INJURED;
        if (!killed && !injured)
            continue;
        const Count *ct = toll_count(s, m->first, m->last, killed);
        if (!ct || ct->range.high >= 10000 || since || cumulative)
            continue;
        Range toll = ct->range;
        Side victims = count_victim_side(c, s, ct);
        /* "14 SDF fighters and 30 jihadists": the dead of the list */
        for (const Count *o = conjoined_count(s, ct, m->first); killed && o;
             o = conjoined_count(s, o, m->first)) {
            toll.low += o->range.low;
            toll.best += o->range.best;
            toll.high += o->range.high;
            if (count_victim_side(c, s, o) != victims)
                victims = SIDE_UNKNOWN;
        }
        /* the host: the nearest other event of this sentence */
        int host = -1, host_dist = 1 << 30;
        int own = -1;
        for (int e = first_event; e < c->event_count; e++) {
            if (c->notes[e].dropped && c->notes[e].trigger_token != m->first)
                continue;
            if (c->notes[e].trigger_token == m->first) {
                own = e;
                continue;
            }
            if (frame_is(&c->notes[e], FRAME_KILLED) || c->notes[e].dropped)
                continue;
            int d = c->notes[e].trigger_token - m->first;
            if (d < 0)
                d = -d;
            if (d < host_dist) {
                host = e;
                host_dist = d;
            }
        }
        if (host < 0)
            host = own;
        if (host < 0)
            continue;
        Event *ev = &c->events[host];
        if (injured) {
            if (!ev->injured.present || ct->range.high > ev->injured.high)
                ev->injured = ct->range;
            continue;
        }
        /* "11 IS militants died in the clashes, while the SDF said two of
         * its fighters were killed": the dead of both sides of one event
         * add up; the same dead told twice are two claims */
        if (host == toll_host_prev && victims != SIDE_UNKNOWN && toll_side_prev != SIDE_UNKNOWN &&
            victims != toll_side_prev && toll_claim_prev >= 0 &&
            toll_claim_prev < ev->claim_count) {
            Range *r = &ev->claims[toll_claim_prev].fatalities;
            r->low += toll.low;
            r->best += toll.best;
            r->high += toll.high;
            toll_side_prev = SIDE_UNKNOWN; /* a third figure is not summed */
        } else {
            const Claim *cl = add_claim(
                c, ev, (Claim){claimant ? claimant : ev->outlet, toll, ev->evidence_text, s->span});
            toll_host_prev = host;
            toll_side_prev = victims;
            toll_claim_prev = (int)(cl - ev->claims);
        }
        recompute_fatalities(ev);
        if (ct->civilian)
            c->notes[host].victim_actor = -2;
        else if (ct->victim_actor >= 0)
            c->notes[host].victim_actor = ct->victim_actor;
        if (own >= 0 && own != host)
            c->notes[own].dropped = true;
    }

    /* killed events that got no toll are not events */
    for (int e = first_event; e < c->event_count; e++) {
        Event *ev = &c->events[e];
        EventNote *note = &c->notes[e];
        if (!frame_is(note, FRAME_KILLED) || note->dropped)
            continue;
        if (!ev->fatalities.present) {
            note->dropped = true;
            continue;
        }
        note->killed_only = true;
        /* "in the attacks", "in these strikes": an event told before */
        static const char *const refs[] = {
            "attack",   "attacks", "strikes",   "strike",   "raids",     "fighting",
            "clashes",  "bombing", "bombings",  "incident", "explosion", "airstrikes",
            "shelling", "assault", "offensive", "battle",   NULL};
        for (int i = 1; i < s->tok.count && !note->backref; i++)
            if ((tok_word(s, i - 1, "the") || tok_word(s, i - 1, "these") ||
                 tok_word(s, i - 1, "this") || tok_word(s, i - 1, "those")) &&
                tok_in(s, i, refs))
                note->backref = true;
        /* "put the death toll at 83", "raised its toll to 90": a toll is
         * always of an event told before */
        if (tok_word(s, note->trigger_token, "toll") ||
            tok_word(s, note->trigger_token + 1, "toll"))
            note->backref = true;
        /* "at least 72 people died, up from the 58 it gave": an update */
        for (int i = 0; i + 1 < s->tok.count; i++)
            if (tok_word(s, i, "up") && tok_word(s, i + 1, "from"))
                note->backref = true;
        bool civil = note->victim_actor == -2;
        ev->event_type = civil ? "Violence against civilians" : "Battles";
        ev->sub_event_type = civil ? "Attack" : "Armed clash";
    }
}

/* Per sentence, after its frames: dates, tolls, claims, hedges. */
static void finish_sentence(Ctx *c, int si, int first_event, const char **last_claimant)
{
    Sentence *s = &c->sents[si];
    const Lexicon *lex = c->lex;
    int party = -1;
    const char *claimant = sentence_claimant(c, s, &party, *last_claimant);
    if (claimant)
        *last_claimant = claimant;

    /* hedges and denials judge this sentence's events and those of the
     * three sentences before (below): with none, they need no reading */
    if (first_event < c->event_count ||
        (first_event > 0 && c->notes[first_event - 1].sentence >= si - 3))
        sentence_hedges(c, s);

    /* Most sentences open no event: then there is nothing to date or to
     * count, and only the context below is kept up to date. */
    if (first_event < c->event_count)
        finish_events(c, s, first_event, claimant, party);

    /* Denials judge what came just before: "However, X denied any such
     * agreement", "these reports were not confirmed". */
    if (s->denial) {
        bool refers = false;
        for (int i = 0; i < s->tok.count && !refers; i++)
            refers = tok_in(s, i,
                            (const char *const[]){"however", "such", "these", "reports", "claim",
                                                  "claims", NULL});
        if (refers) {
            Certainty cert = s->denial_unconfirmed ? CERTAINTY_UNCONFIRMED : CERTAINTY_DENIED;
            for (int e = first_event - 1; e >= 0 && c->notes[e].sentence >= si - 3; e--) {
                if (c->notes[e].dropped)
                    continue;
                c->events[e].certainty = cert;
                /* the denial's own mention of it is the same event */
                for (int k = first_event; k < c->event_count; k++)
                    if (str_eq(c->events[k].sub_event_type, c->events[e].sub_event_type))
                        c->notes[k].dropped = true;
            }
        }
    }

    /* Context for the sentences after: places and the governorate. */
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->actor >= 0) {
            Side side = lex->actors[m->actor].side;
            if (side != SIDE_UNKNOWN)
                c->side_mentions[side]++;
        }
        if (m->place < 0)
            continue;
        const Place *p = &lex->places[m->place];
        if (p->classes & PLACE_COUNTRY)
            continue;
        if (p->admin1 && *p->admin1)
            c->admin1_context = p->admin1;
        int before = tok_word(s, m->first - 1, "the") ? m->first - 2 : m->first - 1;
        bool toward = tok_in(s, before, (const char *const[]){"toward", "towards", NULL});
        if (!(p->feature == 'A') && !toward) { /* "left towards Jarablus": not "the city" */
            c->has_last_place = true;
            c->last_place = place_from_index(c, m->place, NULL);
        }
        /* PlaceContext for later choices */
        PlaceContext *x = c->pctx;
        bool seen = false;
        for (int i = 0; i < x->admin1_count && !seen; i++)
            seen = p->admin1 && str_eq(x->admin1s[i], p->admin1);
        if (!seen && p->admin1 && *p->admin1 && x->admin1_count < 16)
            x->admin1s[x->admin1_count++] = p->admin1;
        seen = false;
        for (int i = 0; i < x->country_count && !seen; i++)
            seen = p->country && str_eq(x->countries[i], p->country);
        if (!seen && p->country && *p->country && x->country_count < 8)
            x->countries[x->country_count++] = p->country;
    }
    /* a place named by an event of this sentence counts too ("the city") */
    for (int e = first_event; e < c->event_count; e++)
        if (!c->notes[e].dropped && c->events[e].has_place && c->events[e].place.place >= 0 &&
            !str_eq(c->events[e].place.precision, "admin1")) {
            c->has_last_place = true;
            c->last_place = c->events[e].place;
            c->last_place.relation = NULL;
            c->last_place.precision = "exact";
        }
}

/* "The airstrikes …", "these strikes": a trigger that names an event
 * already told. */
static bool definite_trigger(const Ctx *c, int e)
{
    const Sentence *s = &c->sents[c->notes[e].sentence];
    int t = c->notes[e].trigger_token;
    if (tok_in(s, t - 1, (const char *const[]){"the", "these", "this", "those", "such", NULL}))
        return true;
    /* "Saturday's fighting" */
    for (int i = 0; i < s->date_count; i++)
        if (s->dates[i].last == t)
            return true;
    return false;
}

/* "… in terrorist attacks in Damascus, Homs and Aleppo": a summary of
 * several events in several governorates, not one event. */
static bool roundup(Ctx *c, int e)
{
    const Event *ev = &c->events[e];
    const char *first = NULL;
    for (int i = 0; i < ev->place_count; i++) {
        const EventPlace *p = &ev->places[i];
        if (!p->admin1 || !*p->admin1)
            continue;
        /* cities and governorates: a village's namesake elsewhere is a
         * misreading more often than a second scene */
        bool major = str_eq(p->precision, "admin1");
        if (p->place >= 0) {
            const Place *pl = &c->lex->places[p->place];
            major |= pl->population >= 20000 ||
                     (pl->classes & (PLACE_PPLA | PLACE_PPLC | PLACE_ADM1)) != 0;
        }
        if (!major)
            continue;
        if (!first)
            first = p->admin1;
        else if (!str_eq(first, p->admin1))
            return true;
    }
    /* "100 civilians killed in August shelling of Aleppo": a toll over a
     * period of a dated article, not one day's event */
    if ((ev->fatalities.present || ev->injured.present) && known_day(c->ref) &&
        ev->date_precision >= PRECISION_MONTH)
        return true;
    /* "… Kills over 80 Terrorists in Various Provinces": the sentence's
     * words, read once per sentence however often its events ask */
    Sentence *s = &c->sents[c->notes[e].sentence];
    if (!s->several_regions) {
        static const char *const several[] = {"various",   "several", "multiple",
                                              "different", "many",    NULL};
        static const char *const regions[] = {"provinces", "governorates", "areas",
                                              "regions",   "fronts",       "parts",
                                              "cities",    "towns",        NULL};
        uint32_t letters = first_letters(several);
        bool found = false;
        /* (every word of `several` has four letters or more) */
        for (int i = 0; i + 1 < s->tok.count && !found; i++)
            found = s->tok.items[i].fold_len >= 4 && token_starts_in(s, i, letters) &&
                    tok_in(s, i, several) && tok_in(s, i + 1, regions);
        s->several_regions = found ? 2 : 1;
    }
    return s->several_regions == 2;
}

/* Does roundup r (a digest of several governorates, or a toll over a
 * period) cover event e: in one of its governorates, and on its day or in
 * its month? A digest must name two governorates or more: "… in Various
 * Provinces" names none, and its lead is the body's first event. */
static bool roundup_covers(const Ctx *c, int r, int e)
{
    const Event *ev = &c->events[e], *rv = &c->events[r];
    const char *at = ev->has_place ? ev->place.admin1 : NULL;
    const char *first = NULL;
    bool several = false, inside = false;
    for (int i = 0; i < rv->place_count; i++) {
        const char *a = rv->places[i].admin1;
        if (!a || !*a)
            continue;
        if (!first)
            first = a;
        several |= !str_eq(first, a);
        inside |= at && str_eq(at, a);
    }
    bool period = rv->date_precision >= PRECISION_MONTH;
    if (!(period ? !first || inside : several && inside))
        return false;
    if (rv->date_precision == PRECISION_DAY)
        return ev->date_precision == PRECISION_DAY &&
               date_to_days(ev->date) == date_to_days(rv->date);
    if (rv->date_precision == PRECISION_MONTH)
        return ev->date_precision == PRECISION_DAY && ev->date.year == rv->date.year &&
               ev->date.month == rv->date.month;
    return true;
}

/* The lead of a digest ("6 killed in attacks on Damascus, Aleppo and
 * Idleb", "100 killed in August shelling of Aleppo"): of the single
 * events the roundup covers, the one with the most dead, the first of
 * equals. -1 if none has dead (a digest of the injured leads with its
 * first event). */
static int digest_lead(Ctx *c, int r, const int *rank)
{
    int best = -1;
    for (int e = 0; e < c->event_count; e++) {
        const EventNote *n = &c->notes[e];
        const Event *ev = &c->events[e];
        if (e == r || n->dropped || rank[n->sentence] >= 1 << 20 || !ev->fatalities.present ||
            ev->fatalities.best <= 0 || roundup(c, e) || !roundup_covers(c, r, e))
            continue;
        if (best < 0 || ev->fatalities.best > c->events[best].fatalities.best)
            best = e;
    }
    return best;
}

/* The lead event: what the first sentences are about (the first event
 * of the first two sentences that is not a weak noun like "deal"), else
 * the first of the first three, else the first. -1 if none. */
static int primary_candidate(Ctx *c)
{
    /* the rank of each sentence among the prose ones: captions and tag
     * lists are not the lead */
    int *rank = arena_alloc(c->arena, (size_t)(c->sent_count + 1) * sizeof *rank);
    for (int si = 0, r = 0; si < c->sent_count; si++)
        rank[si] = c->sents[si].aside ? 1 << 20 : r++;
    /* the headline's toll or attack ("50 ISIS Terrorists Killed in …",
     * "17 Killed as Qaeda Attacks Syria Kurd Town") is what the article is
     * about, though the same words later in the text are weak */
    for (int e = 0; e < c->event_count; e++) {
        const EventNote *n = &c->notes[e];
        if (n->dropped || rank[n->sentence] > 1)
            continue;
        if (roundup(c, e)) {
            int d = digest_lead(c, e, rank);
            if (d >= 0)
                return d;
            continue;
        }
        if (!n->generic ||
            (rank[n->sentence] == 0 && (frame_is(n, FRAME_KILLED) || frame_is(n, FRAME_ATTACK))))
            return e;
    }
    for (int e = 0; e < c->event_count; e++)
        if (!c->notes[e].dropped && rank[c->notes[e].sentence] <= 2 && !roundup(c, e))
            return e;
    /* a roundup headline ("… in Various Provinces"): the first event of
     * the body that happened in one place */
    for (int e = 0; e < c->event_count; e++)
        if (!c->notes[e].dropped && rank[c->notes[e].sentence] <= 5 && !roundup(c, e))
            return e;
    for (int e = 0; e < c->event_count; e++)
        if (!c->notes[e].dropped && rank[c->notes[e].sentence] <= 2)
            return e;
    for (int e = 0; e < c->event_count; e++)
        if (!c->notes[e].dropped && !c->sents[c->notes[e].sentence].aside)
            return e;
    for (int e = 0; e < c->event_count; e++)
        if (!c->notes[e].dropped)
            return e;
    return -1;
}

/* The first place with a governorate named in the lead (the first three
 * sentences): where a lead event without a place of its own happened. */
static bool lead_place(const Ctx *c, EventPlace *out)
{
    for (int si = 0, prose = 0; si < c->sent_count && prose < 3; si++) {
        const Sentence *s = &c->sents[si];
        if (s->aside)
            continue; /* "Tags … Palmyra" says nothing of where */
        prose++;
        for (int t = 0; t < s->tok.count; t++) {
            int mi = s->ment_at[t];
            if (mi < 0 || s->ments[mi].place < 0)
                continue;
            const Place *p = &c->lex->places[s->ments[mi].place];
            if (!p->admin1 || !*p->admin1 || (p->classes & PLACE_COUNTRY))
                continue;
            *out = place_from_index(c, s->ments[mi].place, NULL);
            return true;
        }
    }
    return false;
}

/* The event a toll told with "in the attacks" belongs to: an earlier
 * event that already has a toll (two sources, one event), else the
 * nearest violent event before it. */
static int toll_host(const Ctx *c, int e)
{
    int si = c->notes[e].sentence;
    /* "Saturday's fighting", "the clashes": the battle told before, not
     * a shelling or a killing that happens to have a toll already */
    if (frame_is(&c->notes[e], FRAME_CLASH))
        for (int k = e - 1; k >= 0; k--)
            if (!c->notes[k].dropped && !c->notes[k].killed_only && c->notes[k].sentence < si &&
                frame_is(&c->notes[k], FRAME_CLASH) &&
                str_eq(c->events[k].sub_event_type, c->events[e].sub_event_type))
                return k;
    for (int k = e - 1; k >= 0 && c->notes[k].sentence >= si - 12; k--)
        if (!c->notes[k].dropped && is_violent(&c->events[k]) && !c->notes[k].killed_only &&
            c->events[k].fatalities.present && c->notes[k].sentence < si)
            return k;
    for (int k = e - 1; k >= 0 && c->notes[k].sentence >= si - 4; k--)
        if (!c->notes[k].dropped && is_violent(&c->events[k]) && !c->notes[k].killed_only &&
            c->notes[k].sentence < si)
            return k;
    return -1;
}

/* The opponent of `side` named nearest to sentence si: the same sentence,
 * then the ones around it. -1 if none. */
static int neighbour_opponent(const Ctx *c, int si, Side side)
{
    for (int d = 0; d <= 2; d++) {
        int best = -1;
        for (int dir = -1; dir <= 1; dir += 2) {
            int k = si + d * dir;
            if (k < 0 || k >= c->sent_count || (d == 0 && dir > 0))
                continue;
            const Sentence *s = &c->sents[k];
            for (int mi = 0; mi < s->ment_count; mi++) {
                int a = s->ments[mi].actor;
                if (a < 0)
                    continue;
                const Actor *ac = &c->lex->actors[a];
                Side as = ac->side;
                if (as == SIDE_UNKNOWN || as == SIDE_CIVILIANS || as == SIDE_US_COALITION ||
                    as == SIDE_RUSSIA || as == SIDE_ISRAEL || allied_sides(as, side))
                    continue;
                if (ac->kind_code == ACTOR_KIND_MONITOR || ac->kind_code == ACTOR_KIND_AGENCY ||
                    ac->kind_code == ACTOR_KIND_POLITICAL)
                    continue;
                /* among the names at the same distance, the side the
                 * article talks about most */
                if (best < 0 || c->side_mentions[as] > c->side_mentions[c->lex->actors[best].side])
                    best = a;
            }
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

/* The two sides the article is mostly about, and an actor of each. */
typedef struct Dyad {
    Side side[2];
    int actor[2];
} Dyad;

static Dyad article_dyad(const Ctx *c)
{
    Dyad d = {{SIDE_UNKNOWN, SIDE_UNKNOWN}, {-1, -1}};
    int best[2] = {0, 0};
    for (int s = 1; s < SIDE_COUNT; s++) {
        if (s == SIDE_CIVILIANS)
            continue;
        int n = c->side_mentions[s];
        if (n > best[0]) {
            best[1] = best[0];
            d.side[1] = d.side[0];
            best[0] = n;
            d.side[0] = (Side)s;
        } else if (n > best[1]) {
            best[1] = n;
            d.side[1] = (Side)s;
        }
    }
    /* an actor to name each side */
    for (int k = 0; k < 2; k++) {
        if (d.side[k] == SIDE_UNKNOWN)
            continue;
        for (int si = 0; si < c->sent_count && d.actor[k] < 0; si++) {
            const Sentence *s = &c->sents[si];
            for (int mi = 0; mi < s->ment_count; mi++) {
                int a = s->ments[mi].actor;
                if (a >= 0 && c->lex->actors[a].side == d.side[k]) {
                    d.actor[k] = a;
                    break;
                }
            }
        }
    }
    return d;
}

static bool allied_sides(Side a, Side b)
{
    return allied(a, b);
}

static bool allied(Side a, Side b)
{
    if (a == b)
        return true;
    bool ga = a == SIDE_GOVERNMENT || a == SIDE_RUSSIA;
    bool gb = b == SIDE_GOVERNMENT || b == SIDE_RUSSIA;
    /* the rebels Turkey backs, the SDF the coalition backs */
    bool turkey =
        (a == SIDE_TURKEY && b == SIDE_OPPOSITION) || (b == SIDE_TURKEY && a == SIDE_OPPOSITION);
    bool coalition =
        (a == SIDE_US_COALITION && b == SIDE_SDF) || (b == SIDE_US_COALITION && a == SIDE_SDF);
    return (ga && gb) || turkey || coalition;
}

/* The headline's place is what "the city" of the first lines refers to
 * ("… closer to Raqqa as the US drops chemical weapons on the city" /
 * "… white phosphorus munitions on the city"). */
static void title_context(Ctx *c)
{
    const char *t = c->art->title;
    if (!t || !*t || !c->lex->matcher)
        return;
    TokenList tok = tokenize(t, (Span){0, strlen(t)}, c->arena);
    MatchList ml = matcher_find_cached(c->lex->matcher, &tok, c->name_keys, c->arena);
    for (int k = 0; k < ml.count; k++) {
        const Match *m = &ml.items[k];
        Entry places[32];
        int np = 0;
        bool other = false;
        for (int e = 0; e < m->entry_count; e++) {
            if (m->entries[e].kind == ENTRY_PLACE && np < 32)
                places[np++] = m->entries[e];
            else if (m->entries[e].kind != ENTRY_NUMBER)
                other = true;
        }
        if (!np || other || !(tok.items[m->first].flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)))
            continue;
        PlaceChoice pc = place_choose(c->lex, places, np, c->pctx);
        if (pc.place < 0)
            continue;
        const Place *p = &c->lex->places[pc.place];
        bool known = p->population >= 20000 ||
                     (p->classes & (PLACE_CURATED | PLACE_PPLA_ANY | PLACE_PPLC)) != 0;
        if (p->feature == 'A' || !p->admin1 || !*p->admin1 || !known ||
            (c->country_count && p->country && !str_eq(p->country, c->countries[0])))
            continue; /* a city the reader knows, in the article's country */
        c->has_last_place = true;
        c->last_place = place_from_index(c, pc.place, NULL);
        c->admin1_context = p->admin1;
    }
}

/* The governorate the article's place names point to most often (the
 * first named on a tie), or NULL. */
static const char *named_most(const Ctx *c)
{
    const char *names[32];
    int counts[32], n = 0, best = -1;
    for (int si = 0; si < c->sent_count; si++) {
        const Sentence *s = &c->sents[si];
        if (s->aside)
            continue;
        /* "… in Aleppo last year": the background's places */
        bool past = false;
        for (int i = 0; i < s->date_count; i++) {
            Event probe;
            memset(&probe, 0, sizeof probe);
            probe.date = s->dates[i].date;
            probe.date_precision = s->dates[i].precision;
            past |= !recent(c, &probe);
        }
        if (past)
            continue;
        for (int mi = 0; mi < s->ment_count; mi++) {
            int p = s->ments[mi].place;
            if (p < 0)
                continue;
            const Place *pl = &c->lex->places[p];
            if (!pl->admin1 || !*pl->admin1 || (pl->classes & PLACE_COUNTRY))
                continue;
            int i = 0;
            while (i < n && !str_eq(names[i], pl->admin1))
                i++;
            if (i == n) {
                if (n == 32)
                    continue;
                names[n] = pl->admin1;
                counts[n++] = 0;
            }
            counts[i]++;
            if (best < 0 || counts[i] > counts[best])
                best = i;
        }
    }
    return best >= 0 ? names[best] : NULL;
}

/* The year a document is about, for undated articles: the latest plausible
 * year it names. 0 if none. */
static int document_year(const Document *doc)
{
    int best = 0;
    const char *t = doc->text;
    for (size_t i = 0; i + 4 <= doc->len; i++) {
        if ((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')) {
            if (i > 0 && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == ','))
                continue;
            if (!isdigit((unsigned char)t[i + 2]) || !isdigit((unsigned char)t[i + 3]))
                continue;
            if (i + 4 < doc->len && (isalnum((unsigned char)t[i + 4]) || t[i + 4] == ','))
                continue;
            int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 +
                    (t[i + 3] - '0');
            if (y >= 1990 && y <= 2035 && y > best)
                best = y;
        }
    }
    return best;
}

/* Extracts one article's events. Everything, the events included, is
 * allocated in `arena`; pctx (pointers to lexicon strings only) carries
 * what the document has named from one article to the next. *doc_year is
 * the document's year, -1 until an undated article asks for it: finding it
 * reads the whole document, and most articles carry their own date. */
static EventList extract_with_context(const Lexicon *lex, const Document *doc, const Article *art,
                                      PlaceContext *pctx, int *doc_year, NameKeyCache *keys,
                                      Arena *arena)
{
    Ctx c;
    memset(&c, 0, sizeof c);
    c.name_keys = keys;
    c.lex = lex;
    c.doc = doc;
    c.art = art;
    c.arena = arena;
    c.pctx = pctx;
    c.last_subject_actor = -1;
    if (known_day(art->date))
        c.ref = art->date;
    else if (doc->published.year > 0)
        c.ref = doc->published;
    else {
        if (*doc_year < 0)
            *doc_year = document_year(doc);
        c.ref = (Date){(int16_t)*doc_year, 0, 0};
    }

    /* The dateline place is context for the whole article. */
    if (art->dateline && lex->matcher) {
        int n = 0;
        const Entry *es = matcher_lookup(lex->matcher, art->dateline, strlen(art->dateline), &n);
        Entry places[32];
        int np = 0;
        for (int i = 0; es && i < n && np < 32; i++)
            if (es[i].kind == ENTRY_PLACE)
                places[np++] = es[i];
        if (np) {
            PlaceChoice pc = place_choose(lex, places, np, pctx);
            if (pc.place >= 0) {
                const Place *p = &lex->places[pc.place];
                if (p->admin1 && *p->admin1)
                    c.admin1_context = p->admin1;
            }
        }
    }

    /* sentences, with tag lists and photo captions cut off as asides */
    int cap = art->sentence_count + 1;
    c.sents = arena_alloc(c.arena, (size_t)cap * sizeof *c.sents);
    c.sent_count = 0;
    const char *last_claimant = NULL;
    for (int si = 0; si < art->sentence_count; si++) {
        Span parts[MAX_SENTENCE_PARTS];
        uint8_t kinds[MAX_SENTENCE_PARTS];
        int n = split_asides(&c, art->sentences[si], parts, kinds);
        if (c.sent_count + n >= cap) {
            int ncap = (c.sent_count + n) * 2;
            c.sents =
                arena_grow(c.arena, c.sents, (size_t)c.sent_count, (size_t)ncap, sizeof *c.sents);
            cap = ncap;
        }
        for (int k = 0; k < n; k++) {
            /* pages that print the lead twice: the copy tells nothing new */
            if (c.sent_count > 0 && kinds[k] == ASIDE_NONE) {
                Span prev = c.sents[c.sent_count - 1].span;
                if (prev.end - prev.start == parts[k].end - parts[k].start &&
                    !memcmp(doc->text + prev.start, doc->text + parts[k].start,
                            prev.end - prev.start))
                    kinds[k] = ASIDE_REPEAT;
            }
            sentence_scan(&c, &c.sents[c.sent_count], parts[k]);
            c.sents[c.sent_count++].aside = kinds[k];
        }
    }
    article_countries(&c);
    title_context(&c);
    for (int si = 0; si < c.sent_count; si++) {
        sentence_read(&c, &c.sents[si]);
        int first = c.event_count;
        frames_fill(&c, si);
        finish_sentence(&c, si, first, &last_claimant);
    }

    /* ---- merges within the article */
    /* per event, asked of every pair below: a generic frame (attack,
     * killed, clash), and a specific violent one */
    bool *generic = arena_alloc(c.arena, (size_t)(c.event_count + 1) * 2 * sizeof *generic);
    bool *specific = generic + c.event_count + 1;
    for (int e = 0; e < c.event_count; e++) {
        const EventNote *n = &c.notes[e];
        generic[e] =
            frame_is(n, FRAME_ATTACK) || frame_is(n, FRAME_KILLED) || frame_is(n, FRAME_CLASH);
        specific[e] = !generic[e] && is_violent(&c.events[e]);
    }
    for (int e = 0; e < c.event_count; e++) {
        EventNote *n = &c.notes[e];
        if (n->dropped)
            continue;
        Event *ev = &c.events[e];
        /* a generic attack next to a specific one in the same sentence */
        for (int k = 0; k < c.event_count; k++) {
            if (k == e || c.notes[k].dropped || c.notes[k].sentence != n->sentence)
                continue;
            bool e_generic = generic[e];
            bool k_specific = specific[k];
            bool same = str_eq(c.events[k].sub_event_type, ev->sub_event_type) && k < e &&
                        places_compatible(&c.events[k], ev);
            if ((e_generic && k_specific && !is_violent(ev) == false &&
                 strncmp(c.events[k].sub_event_type, "Government", 10) &&
                 strncmp(c.events[k].sub_event_type, "Non-state", 9)) ||
                same) {
                merge_into(&c, k, e);
                break;
            }
        }
    }
    for (int e = 0; e < c.event_count; e++) {
        EventNote *n = &c.notes[e];
        if (n->dropped)
            continue;
        Event *ev = &c.events[e];
        bool generic_ref = (frame_is(n, FRAME_ATTACK) || frame_is(n, FRAME_CLASH)) &&
                           definite_trigger(&c, e) && is_violent(ev);
        if (generic_ref && ev->fatalities.present) {
            int host = toll_host(&c, e);
            if (host >= 0 && places_compatible(&c.events[host], ev))
                merge_into(&c, host, e);
            if (n->dropped)
                continue;
        }
        if (!n->killed_only && (generic_ref || (!ev->has_actor1 && definite_trigger(&c, e)))) {
            for (int k = e - 1; k >= 0 && c.notes[k].sentence >= n->sentence - 3; k--)
                if (!c.notes[k].dropped && c.notes[k].sentence < n->sentence &&
                    (str_eq(c.events[k].sub_event_type, ev->sub_event_type) ||
                     (generic_ref && is_violent(&c.events[k]) && !c.notes[k].killed_only &&
                      !is_territory_event(&c.events[k]))) &&
                    (places_compatible(&c.events[k], ev) || same_governorate(&c.events[k], ev))) {
                    merge_into(&c, k, e);
                    break;
                }
            if (n->dropped)
                continue;
            /* "Following the attack, …": a mention of an attack told
             * elsewhere, with nothing of its own */
            if (generic_ref && !ev->fatalities.present && !ev->place_count) {
                n->dropped = true;
                continue;
            }
        }
        if (n->killed_only && n->backref) {
            int host = toll_host(&c, e);
            if (host >= 0)
                merge_into(&c, host, e);
            if (n->dropped)
                continue;
        }
        /* the same event told again later in the article (nearest first) */
        for (int k = e - 1; k >= 0; k--) {
            if (c.notes[k].dropped)
                continue;
            Event *o = &c.events[k];
            if (!str_eq(o->sub_event_type, ev->sub_event_type))
                continue;
            if (!places_compatible(o, ev) || !same_date(&c, o, &c.notes[k], ev, n))
                continue;
            /* "IS attacked the army" and "fighting between troops and IS":
             * a clash told from either side is one clash */
            bool crosswise = str_eq(ev->sub_event_type, "Armed clash") && ev->has_actor1 &&
                             ev->has_actor2 && o->has_actor1 && o->has_actor2 &&
                             allied(ev->actor1.side, o->actor2.side) &&
                             allied(ev->actor2.side, o->actor1.side);
            if (ev->has_actor1 && o->has_actor1 && !allied(ev->actor1.side, o->actor1.side) &&
                !crosswise)
                continue;
            if (!o->place_count && !ev->place_count)
                continue;
            if (o->fatalities.present && ev->fatalities.present)
                continue; /* two tolls in two places of the text: keep both */
            merge_into(&c, k, e);
            break;
        }
    }

    /* ---- opponents from the article's main pair; winners of bare
     * "liberated"; places from the article's governorate */
    Dyad dy = article_dyad(&c);
    const char *article_admin1 = NULL;
    {
        /* per governorate of the document (distinct codes), the events of
         * the news in it, not of the background ("in Aleppo last year") */
        int best = 0, in_admin1[16] = {0};
        for (int e = 0; e < c.event_count; e++) {
            const char *code = c.events[e].place.admin1;
            if (c.notes[e].dropped || !c.events[e].has_place || !code)
                continue;
            for (int i = 0; i < pctx->admin1_count && i < 16; i++)
                if (str_eq(code, pctx->admin1s[i])) {
                    in_admin1[i] += recent(&c, &c.events[e]);
                    break;
                }
        }
        for (int i = 0; i < pctx->admin1_count && i < 16; i++)
            if (in_admin1[i] > best) {
                best = in_admin1[i];
                article_admin1 = pctx->admin1s[i];
            }
        if (!article_admin1)
            article_admin1 = named_most(&c);
        if (!article_admin1)
            article_admin1 = c.admin1_context;
    }
    Date evidence = {0};
    if (!known_day(art->date)) {
        for (int si = 0; si < c.sent_count; si++)
            for (int i = 0; i < c.sents[si].date_count; i++) {
                const DateMention *dm = &c.sents[si].dates[i];
                if (dm->since)
                    continue;
                if (date_to_days(dm->date) > (evidence.year ? date_to_days(evidence) : -1000000))
                    evidence = dm->date;
            }
        if (!evidence.year && art->title) {
            const char *t = art->title;
            size_t n = strlen(t);
            for (size_t i = 0; i < n; i++) {
                if (i && isalnum((unsigned char)t[i - 1]))
                    continue;
                Date d;
                DatePrecision p;
                size_t used;
                if (resolve_date_expression(t + i, n - i, c.ref, &d, &p, &used)) {
                    evidence = d;
                    break;
                }
            }
        }
    }

    int kept = 0;
    int lead = primary_candidate(&c);
    for (int e = 0; e < c.event_count; e++) {
        EventNote *n = &c.notes[e];
        if (n->dropped)
            continue;
        Event *ev = &c.events[e];
        bool battle = is_violent(ev) && n->victim_actor != -2;
        if (battle && ev->has_actor1 && !ev->has_actor2 && n->victim_actor < 0) {
            int who = neighbour_opponent(&c, n->sentence, ev->actor1.side);
            if (who >= 0) {
                ev->has_actor2 = true;
                ev->actor2 = (EventActor){lex->actors[who].name, lex->actors[who].side, who};
            }
        }
        if (battle && ev->has_actor1 && !ev->has_actor2) {
            Side other = SIDE_UNKNOWN;
            int who = -1;
            if (allied(ev->actor1.side, dy.side[0]) && dy.side[1] != SIDE_UNKNOWN) {
                other = dy.side[1];
                who = dy.actor[1];
            } else if (allied(ev->actor1.side, dy.side[1]) && dy.side[0] != SIDE_UNKNOWN) {
                other = dy.side[0];
                who = dy.actor[0];
            }
            if (n->victim_actor >= 0 &&
                !allied(lex->actors[n->victim_actor].side, ev->actor1.side)) {
                who = n->victim_actor;
                other = lex->actors[who].side;
            }
            if (who >= 0 && !allied(other, ev->actor1.side)) {
                ev->has_actor2 = true;
                ev->actor2 = (EventActor){lex->actors[who].name, other, who};
            }
        }
        if (frame_code_is_territory(n->frame_code) && !ev->has_actor1 && !n->no_winner) {
            /* "they are liberated": the side the article is about, unless
             * it is the loser */
            for (int k = 0; k < 2; k++)
                if (dy.actor[k] >= 0 && (!ev->has_actor2 || !allied(dy.side[k], ev->actor2.side))) {
                    ev->has_actor1 = true;
                    ev->actor1 =
                        (EventActor){lex->actors[dy.actor[k]].name, dy.side[k], dy.actor[k]};
                    break;
                }
            if (ev->has_actor1 && str_eq(ev->event_type, "Battles"))
                ev->sub_event_type =
                    (ev->actor1.side == SIDE_GOVERNMENT || ev->actor1.side == SIDE_RUSSIA ||
                     ev->actor1.side == SIDE_IRAQ)
                        ? "Government regains territory"
                        : "Non-state actor overtakes territory";
        }
        if (!ev->has_place && e == lead && lead_place(&c, &ev->place)) {
            ev->has_place = true;
        }
        if (!ev->has_place && article_admin1) {
            ev->has_place = true;
            ev->place = admin1_only(&c, article_admin1);
        }
        if (n->weak_date && !known_day(art->date) && evidence.year &&
            ev->date_precision == PRECISION_NONE) {
            ev->date = evidence;
            ev->date_precision = PRECISION_WEEK;
        }
        kept++;
    }

    /* ---- the lead event: what the first sentences are about */
    EventList out = {0};
    out.items = arena_alloc(c.arena, (size_t)(kept + 1) * sizeof *out.items);
    int primary = primary_candidate(&c);
    for (int e = 0; e < c.event_count; e++) {
        if (c.notes[e].dropped)
            continue;
        Event *ev = &c.events[e];
        ev->primary = e == primary;
        /* a place without a governorate (a name the gazetteer does not
         * know) gives way to one of the event's places that has one, or
         * lends the article's governorate */
        if (ev->has_place && (!ev->place.admin1 || !*ev->place.admin1) &&
            !place_is_sea(lex, ev->place.place)) {
            for (int i = 0; i < ev->place_count; i++)
                if (ev->places[i].admin1 && *ev->places[i].admin1) {
                    ev->place = ev->places[i];
                    break;
                }
            if ((!ev->place.admin1 || !*ev->place.admin1) && article_admin1) {
                ev->place.admin1 = article_admin1;
                if (!ev->place.country || !*ev->place.country)
                    ev->place.country = arena_strndup(c.arena, article_admin1, 2);
            }
        }
        if (ev->place_count == 0 && ev->has_place) {
            ev->places = arena_alloc(c.arena, sizeof *ev->places);
            ev->places[0] = ev->place;
            ev->place_count = 1;
        }
        out.items[out.count++] = *ev;
    }
    if (out.count == 0 && c.sent_count > 0) {
        /* Nothing recognisable: the article still reports something, dated
         * and placed as well as the article allows. */
        static const Trigger other = {"", "Strategic developments", "Other", "other", FRAME_OTHER};
        const Sentence *s0 = &c.sents[0];
        Event ev;
        memset(&ev, 0, sizeof ev);
        ev.doc_id = doc->id;
        ev.article = art->index;
        ev.primary = true;
        ev.event_type = other.event_type;
        ev.sub_event_type = other.sub_event_type;
        ev.certainty = CERTAINTY_REPORTED;
        ev.outlet = art->outlet ? art->outlet : doc->outlet;
        ev.evidence = s0->span;
        ev.evidence_text =
            arena_strndup(c.arena, doc->text + s0->span.start, s0->span.end - s0->span.start);
        if (known_day(c.ref)) {
            ev.date = c.ref;
            ev.date_precision = PRECISION_DAY;
        } else if (evidence.year) {
            ev.date = evidence;
            ev.date_precision = PRECISION_WEEK;
        }
        for (int si = 0; si < c.sent_count && !ev.has_place; si++)
            for (int mi = 0; mi < c.sents[si].ment_count; mi++) {
                int p = c.sents[si].ments[mi].place;
                if (p >= 0 && !(lex->places[p].classes & PLACE_COUNTRY)) {
                    ev.has_place = true;
                    ev.place = place_from_index(&c, p, NULL);
                    break;
                }
            }
        if (!ev.has_place && article_admin1) {
            ev.has_place = true;
            ev.place = admin1_only(&c, article_admin1);
        }
        if (ev.has_place) {
            ev.places = arena_alloc(c.arena, sizeof *ev.places);
            ev.places[0] = ev.place;
            ev.place_count = 1;
        }
        out.items[out.count++] = ev;
    }
    return out;
}

EventList extract_article(const Lexicon *lex, const Document *doc, const Article *article,
                          Diagnostics *diag)
{
    (void)diag;
    PlaceContext pctx;
    memset(&pctx, 0, sizeof pctx);
    int year = -1;
    return extract_with_context(lex, doc, article, &pctx, &year, NULL, doc->arena);
}

/* ---- Whole documents ------------------------------------------------------------
 * A page may hold tens of thousands of articles (a 48 MB tag archive), and
 * an article's tokens, matches and sentences are a hundred times the size
 * of its events. So each article is extracted in a scratch arena that is
 * emptied before the next one: the events are handed to the caller's sink
 * while they live there (extract_document_each), or copied into the
 * document's arena (extract_document). A document of one article (a JSONL
 * record) needs no scratch. */

int extract_document_each(const Lexicon *lex, const Document *doc, const ArticleList *articles,
                          Diagnostics *diag, EventSink each, void *ctx)
{
    /* no cache: clearing 64 KB per document costs more than it saves on
     * one document; runs over many keep one (extract_document_each_cached) */
    return extract_document_each_cached(lex, doc, articles, diag, NULL, each, ctx);
}

int extract_document_each_cached(const Lexicon *lex, const Document *doc,
                                 const ArticleList *articles, Diagnostics *diag, NameKeyCache *keys,
                                 EventSink each, void *ctx)
{
    (void)diag;
    PlaceContext pctx;
    memset(&pctx, 0, sizeof pctx);
    int year = -1;
    int rc = 0;
    if (articles->count == 1) {
        EventList one =
            extract_with_context(lex, doc, &articles->items[0], &pctx, &year, keys, doc->arena);
        return each(&one, ctx);
    }
    Arena scratch;
    arena_init(&scratch);
    for (int a = 0; a < articles->count && rc == 0; a++) {
        EventList one =
            extract_with_context(lex, doc, &articles->items[a], &pctx, &year, keys, &scratch);
        rc = each(&one, ctx);
        /* Freed rather than reset: arena_reset keeps only the first (small)
         * block and its block size keeps doubling; freed blocks of the same
         * sizes are what malloc hands back for the next article. */
        arena_free(&scratch);
        arena_init(&scratch);
    }
    arena_free(&scratch);
    return rc;
}

/* extract_document's sink: the events copied into the document's arena. */
typedef struct Collect {
    Arena *arena;
    EventList all;
    int cap;
    bool in_place; /* the events already live in the document's arena */
} Collect;

/* The copies of the strings one article's events share (an evidence
 * sentence is the text of each of its claims, a claimant is shared by
 * the events of a sentence). */
typedef struct StringCopies {
    const char *from[32];
    const char *to[32];
    int count, next;
} StringCopies;

static const char *copy_string(Arena *a, StringCopies *sc, const char *s)
{
    if (!s)
        return NULL;
    for (int i = 0; i < sc->count; i++)
        if (sc->from[i] == s)
            return sc->to[i];
    const char *copy = arena_strdup(a, s);
    sc->from[sc->next] = s;
    sc->to[sc->next] = copy;
    sc->next = (sc->next + 1) % 32;
    if (sc->count < 32)
        sc->count++;
    return copy;
}

static void copy_place(Arena *a, StringCopies *sc, EventPlace *p)
{
    p->name = copy_string(a, sc, p->name);
    p->admin1 = copy_string(a, sc, p->admin1);
    p->country = copy_string(a, sc, p->country);
    p->precision = copy_string(a, sc, p->precision);
    p->relation = copy_string(a, sc, p->relation);
}

/* Everything an event points to that may live in the scratch arena,
 * copied; the lexicon's strings are copied too (which is which is not
 * recorded, and they are short). */
static void copy_event(Arena *a, StringCopies *sc, Event *ev)
{
    ev->doc_id = copy_string(a, sc, ev->doc_id);
    ev->event_type = copy_string(a, sc, ev->event_type);
    ev->sub_event_type = copy_string(a, sc, ev->sub_event_type);
    ev->actor1.name = copy_string(a, sc, ev->actor1.name);
    ev->actor2.name = copy_string(a, sc, ev->actor2.name);
    copy_place(a, sc, &ev->place);
    if (ev->place_count > 0) {
        EventPlace *places = arena_alloc(a, (size_t)ev->place_count * sizeof *places);
        memcpy(places, ev->places, (size_t)ev->place_count * sizeof *places);
        for (int i = 0; i < ev->place_count; i++)
            copy_place(a, sc, &places[i]);
        ev->places = places;
    } else {
        ev->places = NULL;
    }
    if (ev->claim_count > 0) {
        Claim *claims = arena_alloc(a, (size_t)ev->claim_count * sizeof *claims);
        memcpy(claims, ev->claims, (size_t)ev->claim_count * sizeof *claims);
        for (int i = 0; i < ev->claim_count; i++) {
            claims[i].claimant = copy_string(a, sc, claims[i].claimant);
            claims[i].text = copy_string(a, sc, claims[i].text);
        }
        ev->claims = claims;
    } else {
        ev->claims = NULL;
    }
    ev->outlet = copy_string(a, sc, ev->outlet);
    ev->evidence_text = copy_string(a, sc, ev->evidence_text);
}

static int collect_events(const EventList *events, void *ctx)
{
    Collect *col = ctx;
    if (events->count == 0)
        return 0;
    if (col->all.count + events->count > col->cap) {
        int ncap = col->cap ? col->cap : 16;
        while (ncap < col->all.count + events->count)
            ncap *= 2;
        col->all.items = arena_grow(col->arena, col->all.items, (size_t)col->all.count,
                                    (size_t)ncap, sizeof *col->all.items);
        col->cap = ncap;
    }
    Event *dst = col->all.items + col->all.count;
    memcpy(dst, events->items, (size_t)events->count * sizeof *dst);
    if (!col->in_place) {
        StringCopies sc = {.count = 0};
        for (int i = 0; i < events->count; i++)
            copy_event(col->arena, &sc, &dst[i]);
    }
    col->all.count += events->count;
    return 0;
}

EventList extract_document(const Lexicon *lex, const Document *doc, const ArticleList *articles,
                           Diagnostics *diag)
{
    Collect col = {doc->arena, {0}, 0, articles->count == 1};
    extract_document_each(lex, doc, articles, diag, collect_events, &col);
    return col.all;
}
