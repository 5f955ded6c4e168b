/*
 * frames.c — from one sentence to events: the sentence is tokenised and
 * matched against the dictionaries, its counts and date expressions are
 * read, and every trigger opens a frame whose slots (who acted, who was hit
 * or lost, where, when, how many) are filled by position relative to the
 * trigger: subject before an active verb, object after it, the agent after
 * "by" in a passive, "Y fell to X", "between X and Y", "from X".
 *
 * Everything here is local to the sentence and small windows around the
 * trigger, so the work stays linear in the length of the text. What needs
 * the whole article (back references, merging tolls, the lead event) is in
 * extract.c.
 */
#include "extract_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- Tokens ----------------------------------------------------------------- */

static const char *fold_of(const Sentence *s, int i)
{
    return s->tok.folded + s->tok.items[i].fold;
}

bool token_is(const Ctx *c, const Sentence *s, int i, const char *word)
{
    (void)c;
    if (i < 0 || i >= s->tok.count)
        return false;
    return !strcmp(fold_of(s, i), word);
}

static bool token_in(const Sentence *s, int i, const char *const *words)
{
    if (i < 0 || i >= s->tok.count)
        return false;
    const char *f = fold_of(s, i);
    for (; *words; words++)
        if (!strcmp(f, *words))
            return true;
    return false;
}

static bool is_punct(const Ctx *c, const Sentence *s, int i, char ch)
{
    if (i < 0 || i >= s->tok.count || s->tok.items[i].kind != TOKEN_PUNCT)
        return false;
    return c->doc->text[s->tok.items[i].start] == ch;
}

static bool capitalised(const Sentence *s, int i)
{
    return i >= 0 && i < s->tok.count &&
           (s->tok.items[i].flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS));
}

static const char *span_text(const Ctx *c, size_t start, size_t end)
{
    return arena_strndup(c->arena, c->doc->text + start, end - start);
}

/* ---- Word lists ----------------------------------------------------------------- */

static const char *const person_nouns[] = {
    "people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops",
    "fighters", "fighter", "militants", "militant", "members", "militiamen", "children",
    "women", "men", "residents", "rebels", "jihadists", "terrorists", "insurgents", "others",
    "servicemen", "policemen", "police", "officers", "personnel", "individuals", "gunmen",
    "worshippers", "students", "workers", "protesters", "demonstrators", "guards", "recruits",
    "forces", "militias", "citizens", "victims", "syrians", "iraqis", "kurds", "dead",
    "elements", "extremists", "combatants", "detainees", "prisoners", "captives", "inmates",
    "pilots", "crew", "staff", "doctors", "journalists", "volunteers", "killed", "of", NULL};
static const char *const civilian_nouns[] = {
    "civilians", "civilian", "children", "women", "residents", "citizens", "worshippers",
    "students", "workers", "protesters", "demonstrators", "journalists", "doctors", NULL};
static const char *const thing_nouns[] = {
    "villages", "village", "towns", "kilometers", "kilometres", "km", "miles", "meters",
    "metres", "percent", "tanks", "vehicles", "families", "bodies", "years", "months", "weeks",
    "days", "hours", "minutes", "square", "sq", "hectares", "homes", "houses", "buildings",
    "positions", "neighborhoods", "neighbourhoods", "areas", "hills", "hilltops", "points",
    "sites", "airstrikes", "strikes", "raids", "missiles", "rockets", "shells", "times",
    "jets", "aircraft", "warplanes", "drones", "bombings", "attacks", "occasions", "round",
    "rounds", "tonnes", "tons", "trucks", "cars", "dollars", "million", "billion", "am", "pm",
    "gmt", "de", NULL};

static const char *const speech_verbs[] = {
    "said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces",
    "added", "stated", "claimed", "claims", "confirmed", "confirms", "declared", "according",
    "quoted", "cited", "noted", "stressed", "insisted", "warned", "wrote", NULL};

static const char *const modal_words[] = {
    "will", "would", "could", "may", "might", "shall", "should", "must", "can", "cannot",
    "wont", "ll", NULL};
static const char *const negations[] = {
    "not", "didnt", "dont", "doesnt", "hasnt", "havent", "hadnt", "wasnt", "werent",
    "never", "failed", "no", "nor", "neither", "without", "wouldnt", "couldnt", "cant", NULL};
static const char *const plan_words[] = {
    "plan", "plans", "planned", "planning", "preparing", "prepare", "prepares", "intend",
    "intends", "aim", "aims", "aiming", "seek", "seeks", "seeking", "sought", "threatened",
    "threatens", "threaten", "vowed", "vows", "expected", "ready", "hopes", "hope", "want",
    "wants", "attempt", "attempts", "attempting", "tried", "trying", "try", "order", "bid",
    "conditions", "push", "efforts", "effort", "race", "goal", "objective", "intention",
    "preparation", "preparations", "advance", "unless", "whether", "if", "sets", "set", NULL};
static const char *const adverbs[] = {
    "fully", "completely", "reportedly", "also", "already", "recently", "largely", "briefly",
    "now", "just", "finally", "successfully", "totally", "partially", "partly", "effectively",
    "allegedly", "apparently", "once", "again", "quickly", "swiftly", "officially", "later",
    "since", "then", "had", "has", "have", "been", "managed", "eventually", NULL};
static const char *const passive_aux[] = {
    "was", "were", "been", "being", "is", "are", "be", "got", "gets", NULL};
static const char *const directions[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "northern", "southern",
    "eastern", "western", NULL};
static const char *const admin_words[] = {
    "province", "governorate", "countryside", "provinces", "region", "gov", NULL};
static const char *const coref_place_words[] = {
    "city", "town", "village", "area", "base", "airport", "airbase", "region", "district",
    "neighborhood", "neighbourhood", "enclave", "site", "garrison", NULL};

static const char *const demonyms[] = {
    "syrian", "iraqi", "russian", "turkish", "kurdish", "arab", "american", "iranian",
    "israeli", "lebanese", "jordanian", "saudi", "qatari", "british", "french", "european",
    "western", "islamic", "shiite", "sunni", "christian", "muslim", "afghan", "egyptian",
    "palestinian", "libyan", "yemeni", "chinese", NULL};

static const char *const name_connectors[] = {
    "al", "el", "ad", "ed", "as", "ash", "at", "ar", "az", "an", "ez", "es", "er", "bin",
    "ibn", "bani", "bab", "um", "umm", "abu", "tal", "tell", "jabal", "jebel", "wadi", NULL};

static const char *const not_names[] = {
    "the", "on", "in", "a", "an", "and", "but", "as", "at", "after", "before", "while",
    "meanwhile", "separately", "however", "earlier", "later", "it", "its", "they", "their",
    "he", "she", "we", "this", "that", "these", "those", "there", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "syrian", "russian", "turkish", "iraqi", "kurdish", "american", "iranian",
    "israeli", "arab", "government", "army", "forces", "troops", "rebels", "regime",
    "islamic", "state", "coalition", "us", "un", "u", "s", "daesh", "isis", "isil", "is",
    "sdf", "saa", "ndf", "ypg", "fsa", "hts", "president", "minister", "ministry", "defense",
    "defence", "foreign", "spokesman", "commander", "source", "sources", "observatory",
    "media", "news", "agency", "tv", "television", "video", "report", "reports", "turkey",
    "russia", "iran", "iraq", "syria", "jordan", "lebanon", "israel", NULL};

/* ---- Sentence analysis ------------------------------------------------------------ */

static bool is_country(const Place *p)
{
    return p->feature == 'A' && p->feature_code && !strncmp(p->feature_code, "PCL", 3);
}

static bool is_admin1(const Place *p)
{
    return p->feature == 'A' && p->feature_code && !strcmp(p->feature_code, "ADM1");
}

static bool place_allowed(const Ctx *c, const Place *p)
{
    if (c->country_count == 0)
        return true;
    for (int i = 0; i < c->country_count; i++)
        if (p->country && !strcmp(p->country, c->countries[i]))
            return true;
    return false;
}

static const char *const feature_words[] = {
    "city", "province", "governorate", "countryside", "district", "region", "airport",
    "gov", "suburbs", NULL};

/* A one-word place match inside a longer capitalised name ("Tal Ghurab",
 * "Mount Hilal", "Hamam al-Alil") is a misreading of part of that name. */
static bool inside_longer_name(const Ctx *c, const Sentence *s, const MatchList *ml, int k)
{
    const Match *m = &ml->items[k];
    if (m->last - m->first != 1)
        return false;
    int next = m->last, prev = m->first - 1;
    bool next_matched = k + 1 < ml->count && ml->items[k + 1].first == next;
    bool prev_matched = k > 0 && ml->items[k - 1].last == m->first;
    const char *text = c->doc->text;
    if (next < s->tok.count && !next_matched && s->tok.items[next].kind == TOKEN_WORD &&
        !token_in(s, next, feature_words) && !token_in(s, next, not_names) &&
        !token_in(s, next, directions)) {
        if (capitalised(s, next))
            return true;
        /* "Hamam al-Alil": an article joined to a capitalised word */
        if (token_in(s, next, name_connectors) && capitalised(s, next + 1) &&
            next + 1 < s->tok.count && text[s->tok.items[next].end] == '-')
            return true;
    }
    if (prev >= 0 && !prev_matched && s->tok.items[prev].kind == TOKEN_WORD &&
        capitalised(s, prev) && !(s->tok.items[prev].flags & TOKEN_SENTENCE_START) &&
        !token_in(s, prev, not_names) && !token_in(s, prev, demonyms))
        return true;
    return false;
}

static void read_mentions(Ctx *c, Sentence *s, const MatchList *ml)
{
    const Lexicon *lex = c->lex;
    s->ments = arena_alloc(c->arena, (size_t)(ml->count + 1) * sizeof *s->ments);
    s->ment_at = arena_alloc(c->arena, (size_t)(s->tok.count + 1) * sizeof *s->ment_at);
    for (int i = 0; i < s->tok.count; i++)
        s->ment_at[i] = -1;
    Entry *places = arena_alloc(c->arena, 64 * sizeof *places);
    for (int k = 0; k < ml->count; k++) {
        const Match *m = &ml->items[k];
        Mention me = {m->first, m->last, -1, -1, -1, -1, m->entries, m->entry_count};
        int np = 0;
        for (int e = 0; e < m->entry_count; e++) {
            const Entry *en = &m->entries[e];
            switch (en->kind) {
            case ENTRY_ACTOR: if (me.actor < 0) me.actor = en->id; break;
            case ENTRY_OUTLET: if (me.outlet < 0) me.outlet = en->id; break;
            case ENTRY_TRIGGER: if (me.trigger < 0) me.trigger = en->id; break;
            case ENTRY_PLACE:
                if (np < 64 && place_allowed(c, &lex->places[en->id]))
                    places[np++] = *en;
                break;
            default: break;
            }
        }
        if (np && (token_in(s, m->first, demonyms) || inside_longer_name(c, s, ml, k)))
            np = 0;
        if (np) {
            PlaceChoice pc = place_choose(lex, places, np, c->pctx);
            me.place = pc.place;
        }
        /* A trigger phrase is read as a trigger; a lower-case word that
         * is also a place name ("bab", "deal") is not a place. */
        if (me.trigger >= 0) {
            me.place = -1;
            me.actor = -1;
        }
        if (me.place >= 0 && !capitalised(s, m->first) &&
            s->tok.items[m->first].kind == TOKEN_WORD) {
            /* lower-case place matches are common words ("al" before a
             * capitalised name is fine: check the last token too) */
            if (!capitalised(s, m->last - 1))
                me.place = -1;
        }
        if (me.actor >= 0 && me.place >= 0 && is_country(&lex->places[me.place]))
            me.place = -1; /* "Russia", "Turkey": the state, not the land */
        if (me.actor < 0 && me.outlet < 0 && me.trigger < 0 && me.place < 0)
            continue;
        int idx = s->ment_count++;
        s->ments[idx] = me;
        for (int t = m->first; t < m->last && t < s->tok.count; t++)
            s->ment_at[t] = idx;
    }
}

/* The counted noun after a figure, and whether it is people. */
static void read_count_noun(Ctx *c, Sentence *s, Count *ct)
{
    ct->noun = -1;
    ct->victim_actor = -1;
    for (int j = ct->last; j < s->tok.count && j < ct->last + 6; j++) {
        int mi = s->ment_at[j];
        if (mi >= 0 && s->ments[mi].actor >= 0) {
            ct->victim_actor = s->ments[mi].actor;
            j = s->ments[mi].last - 1;
            continue;
        }
        if (s->tok.items[j].kind != TOKEN_WORD)
            break;
        if (token_in(s, j, thing_nouns)) {
            ct->noun = j;
            return;
        }
        if (token_in(s, j, person_nouns) && !token_is(c, s, j, "of")) {
            ct->noun = j;
            ct->person = true;
            ct->civilian = token_in(s, j, civilian_nouns);
            return;
        }
        if (token_is(c, s, j, "of"))
            continue;
        int mt = s->ment_at[j];
        if (mt >= 0 && s->ments[mt].trigger >= 0) {
            /* "5 killed", "three were killed": the figure is people */
            const char *fr = c->lex->triggers[s->ments[mt].trigger].frame;
            if (!strcmp(fr, "killed") || !strcmp(fr, "injured"))
                ct->person = true;
            return;
        }
        if (token_is(c, s, j, "were") || token_is(c, s, j, "have") || token_is(c, s, j, "had") ||
            token_is(c, s, j, "and") || token_is(c, s, j, "more") || token_is(c, s, j, "others"))
            continue;
    }
}

static bool may_start_count(const Ctx *c, const Sentence *s, int i)
{
    static const char *const starts[] = {
        "at", "more", "over", "nearly", "almost", "about", "around", "some", "up", "as",
        "between", "approximately", "roughly", "an", "a", "no", "fewer", "less", "well",
        "just", "close", "upwards", "dozens", "scores", "hundreds", "thousands", "tens",
        "several", "another", "only", NULL};
    (void)c;
    const Token *t = &s->tok.items[i];
    if (t->kind == TOKEN_NUMBER)
        return true;
    if (t->kind != TOKEN_WORD)
        return false;
    if (token_in(s, i, starts))
        return true;
    /* number words: the lexicon's numbers, or the English numerals */
    const char *f = fold_of(s, i);
    static const char *const numerals[] = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", NULL};
    for (const char *const *w = numerals; *w; w++)
        if (!strcmp(f, *w))
            return true;
    return false;
}

static void read_counts(Ctx *c, Sentence *s)
{
    s->counts = arena_alloc(c->arena, 8 * sizeof *s->counts);
    int cap = 8;
    const char *text = c->doc->text;
    for (int i = 0; i < s->tok.count; i++) {
        if (!may_start_count(c, s, i))
            continue;
        /* ordinals and parts of names: "Brigade 137", "Deir Ezzor 24" */
        if (s->tok.items[i].kind == TOKEN_NUMBER && i > 0 && capitalised(s, i - 1) &&
            !(s->tok.items[i - 1].flags & TOKEN_SENTENCE_START))
            continue;
        size_t start = s->tok.items[i].start;
        Range r = {0};
        size_t used = parse_count(c->lex, text + start, s->span.end - start, &r);
        if (!used)
            continue;
        int last = i;
        while (last < s->tok.count && s->tok.items[last].start < start + used)
            last++;
        if (last == i)
            continue;
        /* a year is not a count ("in 2014", "since 2011") */
        if (s->tok.items[i].kind == TOKEN_NUMBER && last == i + 1 && r.low >= 1900 &&
            r.low <= 2100 && (s->tok.items[i].end - start) == 4)
            continue;
        if (s->count_count == cap) {
            s->counts = arena_grow(c->arena, s->counts, (size_t)cap, (size_t)cap * 2,
                                   sizeof *s->counts);
            cap *= 2;
        }
        Count ct = {i, last, r, -1, false, false, -1};
        read_count_noun(c, s, &ct);
        s->counts[s->count_count++] = ct;
        i = last - 1;
    }
}

static bool may_start_date(const Sentence *s, int i)
{
    static const char *const starts[] = {
        "yesterday", "today", "tonight", "last", "earlier", "this", "early", "late", "mid",
        "over", "on", "in", "past", "previous", "later", "during", NULL};
    const Token *t = &s->tok.items[i];
    if (t->kind == TOKEN_NUMBER)
        return true;
    if (t->kind != TOKEN_WORD)
        return false;
    return (t->flags & TOKEN_CAPITALISED) || token_in(s, i, starts);
}

static void read_dates(Ctx *c, Sentence *s)
{
    s->dates = arena_alloc(c->arena, 4 * sizeof *s->dates);
    int cap = 4;
    const char *text = c->doc->text;
    for (int i = 0; i < s->tok.count; i++) {
        if (!may_start_date(s, i))
            continue;
        size_t start = s->tok.items[i].start;
        Date d;
        DatePrecision p;
        size_t used = 0;
        if (!resolve_date_expression(text + start, s->span.end - start, c->ref, &d, &p, &used))
            continue;
        int last = i;
        while (last < s->tok.count && s->tok.items[last].start < start + used)
            last++;
        DateMention dm = {i, last, d, p, false, false};
        int before = i - 1;
        if (token_is(c, s, before, "on") && i > 0 && !token_is(c, s, i, "on"))
            before--;
        dm.since = token_is(c, s, before, "since") || token_is(c, s, before, "until") ||
                   token_is(c, s, before, "till") || token_is(c, s, before, "from") ||
                   token_is(c, s, before, "before") || token_is(c, s, before, "by");
        dm.speech = token_in(s, before, speech_verbs) ||
                    (token_is(c, s, before, "reporters") || token_is(c, s, before, "journalists"));
        if (s->date_count == cap) {
            s->dates = arena_grow(c->arena, s->dates, (size_t)cap, (size_t)cap * 2,
                                  sizeof *s->dates);
            cap *= 2;
        }
        s->dates[s->date_count++] = dm;
        i = last - 1;
    }
}

/* Raw-text search, case-insensitive, inside the sentence. */
static bool sentence_has(const Ctx *c, const Sentence *s, const char *needle)
{
    size_t n = strlen(needle);
    const char *t = c->doc->text;
    for (size_t i = s->span.start; i + n <= s->span.end; i++)
        if (!strncasecmp(t + i, needle, n) &&
            (i == s->span.start || !isalpha((unsigned char)t[i - 1])))
            return true;
    return false;
}

void sentence_scan(Ctx *c, Sentence *s, Span span)
{
    memset(s, 0, sizeof *s);
    s->span = span;
    s->tok = tokenize(c->doc->text, span, c->arena);
    s->matches = matcher_find(c->lex->matcher, &s->tok, c->arena);
}

/* Which countries does the article's geography point to? Every
 * capitalised place match votes for the countries of its entries (split
 * among them); countries with a fair share of the votes are kept. */
void article_countries(Ctx *c)
{
    const char *names[32];
    double votes[32];
    int n = 0;
    for (int si = 0; si < c->sent_count; si++) {
        const Sentence *s = &c->sents[si];
        for (int k = 0; k < s->matches.count; k++) {
            const Match *m = &s->matches.items[k];
            if (!capitalised(s, m->first) || token_in(s, m->first, demonyms))
                continue;
            int np = 0;
            bool other = false;
            for (int e = 0; e < m->entry_count; e++) {
                if (m->entries[e].kind == ENTRY_PLACE)
                    np++;
                else if (m->entries[e].kind != ENTRY_NUMBER)
                    other = true;
            }
            if (!np || other)
                continue;
            for (int e = 0; e < m->entry_count; e++) {
                if (m->entries[e].kind != ENTRY_PLACE)
                    continue;
                const char *cc = c->lex->places[m->entries[e].id].country;
                if (!cc || !*cc)
                    continue;
                int i = 0;
                while (i < n && strcmp(names[i], cc))
                    i++;
                if (i == n) {
                    if (n == 32)
                        continue;
                    names[n] = cc;
                    votes[n++] = 0;
                }
                /* multi-word matches are rarely misreadings */
                votes[i] += (m->last - m->first > 1 ? 2.0 : 1.0) / np;
            }
        }
    }
    double top = 0;
    for (int i = 0; i < n; i++)
        if (votes[i] > top)
            top = votes[i];
    c->country_count = 0;
    for (int round = 0; round < 4 && top > 0; round++) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (votes[i] >= 0.3 * top && (best < 0 || votes[i] > votes[best]))
                best = i;
        if (best < 0)
            break;
        c->countries[c->country_count++] = names[best];
        votes[best] = -1;
    }
}

void sentence_read(Ctx *c, Sentence *s)
{
    read_mentions(c, s, &s->matches);
    read_counts(c, s);
    read_dates(c, s);
    static const char *const hedges[] = {
        "reportedly", "allegedly", "what appears to be", "what appeared to be",
        "appears to have", "unconfirmed", "not confirmed", "could not be confirmed",
        "could not be independently", "reports appeared", "rumors", "rumours",
        "claimed to have", "purportedly", NULL};
    for (const char *const *h = hedges; *h; h++)
        if (sentence_has(c, s, *h)) {
            s->unconfirmed = true;
            break;
        }
    if (sentence_has(c, s, "denied") || sentence_has(c, s, "denies") ||
        sentence_has(c, s, "rejected the claim")) {
        s->denial = true;
    } else if (sentence_has(c, s, "not confirmed") || sentence_has(c, s, "not commented") ||
               sentence_has(c, s, "not thus far commented") ||
               sentence_has(c, s, "no confirmation")) {
        s->denial = true;
        s->denial_unconfirmed = true;
    }
}

/* ---- Places ------------------------------------------------------------------------ */

EventPlace place_from_index(const Ctx *c, int idx, const char *precision)
{
    const Place *p = &c->lex->places[idx];
    EventPlace ep = {p->name, p->admin1 ? p->admin1 : "", p->country ? p->country : "",
                     p->lat, p->lon, precision, idx, NULL};
    if (!precision)
        ep.precision = is_admin1(p) ? "admin1" : is_country(p) ? "country" : "exact";
    return ep;
}

/* The governorate itself, for "Raqa province", "the province of Homs". */
static EventPlace admin1_place(const Ctx *c, int idx)
{
    EventPlace ep = place_from_index(c, idx, "admin1");
    const char *name = ep.admin1[0] ? admin1_name(ep.admin1) : NULL;
    if (name && *name)
        ep.name = name;
    return ep;
}

/* Is place mention mi a governorate phrase? */
static bool is_admin_phrase(const Ctx *c, const Sentence *s, const Mention *m)
{
    if (m->place < 0)
        return false;
    if (is_admin1(&c->lex->places[m->place]))
        return true;
    if (token_in(s, m->last, admin_words))
        return true;
    /* "the province of Homs", "Homs Governorate" */
    if (token_is(c, s, m->first - 1, "of") && token_in(s, m->first - 2, admin_words))
        return true;
    return false;
}

/* A relation before token i: "south of", "near", "40 km from". Returns the
 * relation text or NULL. */
static const char *relation_before(const Ctx *c, const Sentence *s, int i)
{
    if (token_is(c, s, i - 1, "near") || token_is(c, s, i - 1, "outside") ||
        token_is(c, s, i - 1, "around") || token_is(c, s, i - 1, "outskirts") ||
        (token_is(c, s, i - 1, "of") && token_is(c, s, i - 2, "outskirts")) ||
        (token_is(c, s, i - 1, "of") && token_is(c, s, i - 2, "vicinity")))
        return token_is(c, s, i - 1, "near") ? "near" : "outskirts of";
    int k = i - 1;
    if (token_is(c, s, k, "the") || token_is(c, s, k, "town") || token_is(c, s, k, "city"))
        k--;
    if (token_is(c, s, k, "of") && token_in(s, k - 1, directions)) {
        const Token *a = &s->tok.items[k - 1];
        return span_text(c, a->start, s->tok.items[k].end);
    }
    if ((token_is(c, s, k, "from") || token_is(c, s, k, "of")) &&
        (token_is(c, s, k - 1, "km") || token_is(c, s, k - 1, "kilometers") ||
         token_is(c, s, k - 1, "kilometres") || token_is(c, s, k - 1, "miles") ||
         token_is(c, s, k - 1, "away"))) {
        int a = k - 1;
        while (a > 0 && k - a < 4 && !is_punct(c, s, a - 1, ','))
            a--;
        return span_text(c, s->tok.items[a].start, s->tok.items[k].end);
    }
    return NULL;
}


/* An unknown proper name at i ("Zahar Abah", "al-Qusur", "17th Division",
 * "Husayn al-Mikhallaf"): a run of capitalised words and Arabic name
 * connectors not claimed by a dictionary match. Returns the end token or i. */
static int unknown_name(const Ctx *c, const Sentence *s, int i)
{
    int j = i;
    bool any_cap = false;
    while (j < s->tok.count) {
        const Token *t = &s->tok.items[j];
        if (s->ment_at[j] >= 0)
            break;
        if (t->kind == TOKEN_WORD && (t->flags & TOKEN_CAPITALISED) &&
            !(t->flags & TOKEN_ALLCAPS && t->end - t->start <= 4) && !token_in(s, j, not_names)) {
            any_cap = true;
            j++;
        } else if (t->kind == TOKEN_WORD && token_in(s, j, name_connectors) &&
                   j + 1 < s->tok.count && capitalised(s, j + 1)) {
            j++;
        } else if (t->kind == TOKEN_WORD && j == i && isdigit((unsigned char)c->doc->text[t->start]) &&
                   capitalised(s, j + 1)) {
            j++; /* "17th Division" */
        } else {
            break;
        }
    }
    if (!any_cap)
        return i;
    /* do not end on a connector */
    while (j > i && token_in(s, j - 1, name_connectors) && !capitalised(s, j - 1))
        j--;
    return j;
}

/* ---- Actors ------------------------------------------------------------------------- */

static bool actor_is_party(const Ctx *c, int actor)
{
    const char *k = c->lex->actors[actor].kind;
    if (!k)
        return true;
    return strcmp(k, "monitor") && strcmp(k, "agency") && strcmp(k, "political");
}

/* Is the actor at [first, last) a supporter ("backed by X", "X-backed"),
 * a claimant ("X said", "according to X") or the object of a preposition
 * that makes it something other than the subject? */
static bool actor_is_aside(const Ctx *c, const Sentence *s, int first, int last)
{
    const char *text = c->doc->text;
    const Token *lt = &s->tok.items[last - 1];
    if (lt->end < s->span.end && text[lt->end] == '-' && last < s->tok.count &&
        (token_is(c, s, last, "backed") || token_is(c, s, last, "supported") ||
         token_is(c, s, last, "allied") || token_is(c, s, last, "sponsored") ||
         token_is(c, s, last, "trained") || token_is(c, s, last, "held") ||
         token_is(c, s, last, "controlled") || token_is(c, s, last, "run")))
        return true;
    if (token_is(c, s, last, "backed") || token_is(c, s, last, "said") ||
        token_is(c, s, last, "says") || token_is(c, s, last, "told") ||
        token_is(c, s, last, "reported") || token_is(c, s, last, "announced"))
        return true;
    for (int k = first - 1; k >= 0 && k >= first - 4; k--) {
        if (token_is(c, s, k, "backed") || token_is(c, s, k, "supported") ||
            token_is(c, s, k, "support") || token_is(c, s, k, "according") ||
            token_is(c, s, k, "help") || token_is(c, s, k, "aided") ||
            token_is(c, s, k, "cover") || token_is(c, s, k, "backing"))
            return true;
        if (s->tok.items[k].kind != TOKEN_WORD || s->ment_at[k] >= 0)
            break;
    }
    return false;
}

static Side actor_side(const Ctx *c, int actor)
{
    Side side = c->lex->actors[actor].side;
    if (side != SIDE_UNKNOWN)
        return side;
    /* Generic words ("terrorists", "militants", "the group"): the
     * non-state side the article talks about most. */
    static const Side nonstate[] = {SIDE_ISLAMIC_STATE, SIDE_OPPOSITION, SIDE_HTS, SIDE_SDF};
    int best = 0;
    Side pick = SIDE_UNKNOWN;
    for (size_t i = 0; i < sizeof nonstate / sizeof *nonstate; i++)
        if (c->side_mentions[nonstate[i]] > best) {
            best = c->side_mentions[nonstate[i]];
            pick = nonstate[i];
        }
    return pick;
}

static EventActor make_actor(const Ctx *c, int actor)
{
    EventActor a = {c->lex->actors[actor].name, actor_side(c, actor), actor};
    return a;
}

/* Nearest eligible actor in [from, to) scanning backwards (dir < 0) or
 * forwards. Returns a mention index or -1. */
static int find_actor(const Ctx *c, const Sentence *s, int from, int to, int dir, int skip_side)
{
    if (dir < 0) {
        for (int j = to - 1; j >= from; j--) {
            int mi = s->ment_at[j];
            if (mi < 0 || s->ments[mi].actor < 0) {
                continue;
            }
            const Mention *m = &s->ments[mi];
            j = m->first;
            if (!actor_is_party(c, m->actor) || actor_is_aside(c, s, m->first, m->last))
                continue;
            if (skip_side >= 0 && (int)actor_side(c, m->actor) == skip_side)
                continue;
            return mi;
        }
    } else {
        for (int j = from; j < to; j++) {
            int mi = s->ment_at[j];
            if (mi < 0 || s->ments[mi].actor < 0)
                continue;
            const Mention *m = &s->ments[mi];
            j = m->last - 1;
            if (!actor_is_party(c, m->actor) || actor_is_aside(c, s, m->first, m->last))
                continue;
            if (skip_side >= 0 && (int)actor_side(c, m->actor) == skip_side)
                continue;
            return mi;
        }
    }
    return -1;
}

/* The first actor after one of the words in `preps`, in [from, to). */
static int actor_after_word(const Ctx *c, const Sentence *s, int from, int to,
                            const char *const *preps)
{
    for (int j = from; j < to; j++) {
        if (!token_in(s, j, preps))
            continue;
        for (int k = j + 1; k < to && k <= j + 5; k++) {
            int mi = s->ment_at[k];
            if (mi >= 0 && s->ments[mi].actor >= 0 && actor_is_party(c, s->ments[mi].actor))
                return mi;
            if (mi >= 0 && s->ments[mi].trigger >= 0)
                break;
            if (is_punct(c, s, k, ',') || is_punct(c, s, k, ';'))
                break;
        }
    }
    return -1;
}

/* ---- Clauses and filters ----------------------------------------------------------- */

static void clause_bounds(const Ctx *c, const Sentence *s, int t0, int t1, int *c0, int *c1)
{
    int a = t0;
    while (a > 0) {
        if (is_punct(c, s, a - 1, ';'))
            break;
        if (is_punct(c, s, a - 1, ',') &&
            (token_is(c, s, a, "while") || token_is(c, s, a, "whereas") ||
             token_is(c, s, a, "but") || token_is(c, s, a, "although")))
            break;
        a--;
    }
    int b = t1;
    while (b < s->tok.count) {
        if (is_punct(c, s, b, ';'))
            break;
        if (is_punct(c, s, b, ',') &&
            (token_is(c, s, b + 1, "while") || token_is(c, s, b + 1, "whereas") ||
             token_is(c, s, b + 1, "but") || token_is(c, s, b + 1, "although") ||
             token_is(c, s, b + 1, "as") || token_is(c, s, b + 1, "which")))
            break;
        b++;
    }
    *c0 = a;
    *c1 = b;
}

/* Hypotheticals, plans, futures and negations around the trigger. */
static bool not_an_event(const Ctx *c, const Sentence *s, int c0, int t0)
{
    /* "If the SDF seizes …": a condition anywhere before in the clause;
     * "will", "would" in the clause before the trigger */
    for (int j = c0; j < t0; j++) {
        if (token_is(c, s, j, "if") || token_is(c, s, j, "unless") ||
            token_is(c, s, j, "whether") || token_is(c, s, j, "once"))
            return true;
        if (token_in(s, j, modal_words) && t0 - j <= 8)
            return true;
    }
    /* the words just before: "to capture", "not yet taken", "plans to" */
    int k = t0 - 1;
    int seen = 0;
    while (k >= c0 && seen < 4) {
        if (token_is(c, s, k, "to"))
            return true;
        if (token_in(s, k, negations) || token_is(c, s, k, "yet"))
            return true;
        if (token_in(s, k, plan_words))
            return true;
        if (!token_in(s, k, adverbs) && !token_in(s, k, passive_aux) && !token_is(c, s, k, "the"))
            seen++;
        k--;
    }
    return false;
}

/* "the besieged city", "its liberation": adjectival uses of verb triggers.
 * Nouns are fine ("the siege" is resolved by its verb, "the fighting" is a
 * clash). */
static bool adjectival(const Ctx *c, const Sentence *s, int t0, int t1, const char *frame)
{
    if (!strcmp(frame, "siege_imposed") || !strcmp(frame, "territory_gain")) {
        const char *f = fold_of(s, t1 - 1);
        size_t n = strlen(f);
        bool past = n > 2 && !strcmp(f + n - 2, "ed");
        if (past && (token_is(c, s, t0 - 1, "the") || token_is(c, s, t0 - 1, "a") ||
                     token_is(c, s, t0 - 1, "newly") || token_is(c, s, t0 - 1, "its") ||
                     token_is(c, s, t0 - 1, "their")))
            return true;
        /* "SAA-liberated Castello road" keeps its actor: handled as a gain */
    }
    return false;
}

static bool is_passive(const Ctx *c, const Sentence *s, int t0, int t1)
{
    for (int k = t0 - 1, n = 0; k >= 0 && n < 3; k--, n++) {
        if (token_in(s, k, passive_aux))
            return true;
        if (!token_in(s, k, adverbs))
            break;
    }
    /* reduced passive with an agent: "Palmyra, recaptured by …" */
    return token_is(c, s, t1, "by");
}

/* ---- Events ---------------------------------------------------------------------------- */

static Event *new_event(Ctx *c, int sentence, int trigger_token, const Trigger *tr)
{
    if (c->event_count == c->event_cap) {
        int cap = c->event_cap ? c->event_cap * 2 : 16;
        c->events = arena_grow(c->arena, c->events, (size_t)c->event_count, (size_t)cap,
                               sizeof *c->events);
        c->notes = arena_grow(c->arena, c->notes, (size_t)c->event_count, (size_t)cap,
                              sizeof *c->notes);
        c->event_cap = cap;
    }
    int idx = c->event_count++;
    Event *ev = &c->events[idx];
    EventNote *note = &c->notes[idx];
    memset(ev, 0, sizeof *ev);
    memset(note, 0, sizeof *note);
    const Sentence *s = &c->sents[sentence];
    ev->doc_id = c->doc->id;
    ev->article = c->art->index;
    ev->event_type = tr->event_type;
    ev->sub_event_type = tr->sub_event_type;
    ev->certainty = CERTAINTY_REPORTED;
    ev->outlet = c->art->outlet ? c->art->outlet : c->doc->outlet;
    ev->evidence = s->span;
    ev->evidence_text = span_text(c, s->span.start, s->span.end);
    note->sentence = sentence;
    note->trigger_token = trigger_token;
    note->frame = tr->frame;
    note->victim_actor = -1;
    return ev;
}

static void add_place(Ctx *c, Event *ev, EventPlace p)
{
    for (int i = 0; i < ev->place_count; i++)
        if (!strcmp(ev->places[i].name, p.name))
            return;
    EventPlace *np = arena_alloc(c->arena, (size_t)(ev->place_count + 1) * sizeof *np);
    if (ev->place_count)
        memcpy(np, ev->places, (size_t)ev->place_count * sizeof *np);
    np[ev->place_count++] = p;
    ev->places = np;
}

/* Collects the places of [from, to): gazetteer matches and, when
 * `unknown_ok`, unknown proper names. Anchors of relations ("south of X")
 * give their governorate to the names before them and are kept only when
 * nothing else is found. Governorate phrases set the context. */
static void collect_places(Ctx *c, const Sentence *s, Event *ev, int from, int to,
                           bool unknown_ok)
{
    EventPlace anchors[4];
    int anchor_count = 0;
    EventPlace admin[2];
    int admin_count = 0;
    int first_new = ev->place_count;
    int unknown_from = ev->place_count;
    (void)unknown_from;
    for (int j = from; j < to; j++) {
        int mi = s->ment_at[j];
        if (mi >= 0 && s->ments[mi].place >= 0) {
            const Mention *m = &s->ments[mi];
            j = m->last - 1;
            const Place *pl = &c->lex->places[m->place];
            if (is_country(pl))
                continue;
            if (is_admin_phrase(c, s, m)) {
                if (admin_count < 2)
                    admin[admin_count++] = admin1_place(c, m->place);
                continue;
            }
            const char *rel = relation_before(c, s, m->first);
            EventPlace p = place_from_index(c, m->place, NULL);
            if (rel && strcmp(rel, "near") && strcmp(rel, "outskirts of")) {
                p.relation = rel;
                p.precision = "near";
                if (anchor_count < 4)
                    anchors[anchor_count++] = p;
                continue;
            }
            if (rel) {
                p.relation = rel;
                p.precision = "near";
            }
            add_place(c, ev, p);
            continue;
        }
        if (mi >= 0) {
            j = s->ments[mi].last - 1;
            continue;
        }
        if (!unknown_ok || s->tok.items[j].kind != TOKEN_WORD)
            continue;
        if (j > from && capitalised(s, j - 1) && s->ment_at[j - 1] < 0 &&
            !token_in(s, j - 1, not_names))
            continue; /* inside a name already rejected */
        int e = unknown_name(c, s, j);
        if (e > j) {
            const Token *a = &s->tok.items[j], *b = &s->tok.items[e - 1];
            EventPlace p = {span_text(c, a->start, b->end), "", "", 0, 0, "near", -1, NULL};
            const char *rel = relation_before(c, s, j);
            if (rel && strcmp(rel, "near"))
                p.relation = rel;
            add_place(c, ev, p);
            j = e - 1;
        }
    }
    /* Unknown names take the governorate of their anchor, or of the
     * governorate named in the sentence, or the article's. */
    const char *admin1 = anchor_count ? anchors[0].admin1
                       : admin_count  ? admin[0].admin1
                                      : c->admin1_context;
    for (int i = first_new; i < ev->place_count; i++) {
        EventPlace *p = &ev->places[i];
        if (p->place < 0) {
            p->admin1 = admin1 ? admin1 : "";
            p->country = anchor_count ? anchors[0].country : admin_count ? admin[0].country : "";
            if (anchor_count && !p->relation) {
                p->relation = anchors[0].relation;
                if (anchors[0].name)
                    p->relation = arena_printf(c->arena, "%s %s", anchors[0].relation,
                                               anchors[0].name);
            }
        }
    }
    if (ev->place_count == first_new) {
        for (int i = 0; i < anchor_count; i++)
            add_place(c, ev, anchors[i]);
        if (!anchor_count)
            for (int i = 0; i < admin_count; i++)
                add_place(c, ev, admin[i]);
    }
}

/* "the city", "the town", "it": the place named last. */
static bool has_place_coref(const Ctx *c, const Sentence *s, int from, int to)
{
    for (int j = from; j < to; j++) {
        if ((token_is(c, s, j, "the") || token_is(c, s, j, "this") || token_is(c, s, j, "that")) &&
            token_in(s, j + 1, coref_place_words))
            return true;
        if ((token_is(c, s, j, "it") || token_is(c, s, j, "there")) && j > from)
            return true;
    }
    return false;
}

/* ---- Frame filling --------------------------------------------------------------------- */

static bool frame_is(const char *frame, const char *name) { return !strcmp(frame, name); }

static bool is_territory(const char *frame)
{
    return !strncmp(frame, "territory_", 10);
}

static bool government_side(Side s)
{
    return s == SIDE_GOVERNMENT || s == SIDE_RUSSIA || s == SIDE_IRAQ;
}

static const char *const from_words[] = {"from", NULL};
static const char *const by_words[] = {"by", NULL};
static const char *const to_words[] = {"to", "into", NULL};
static const char *const against_words[] = {"with", "against", "on", "at", "targeting",
                                            "targeted", "upon", NULL};

void frames_fill(Ctx *c, int si)
{
    Sentence *s = &c->sents[si];
    const Lexicon *lex = c->lex;
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->trigger < 0)
            continue;
        const Trigger *tr = &lex->triggers[m->trigger];
        const char *frame = tr->frame ? tr->frame : "";
        int t0 = m->first, t1 = m->last;
        int c0, c1;
        clause_bounds(c, s, t0, t1, &c0, &c1);
        if (frame_is(frame, "injured"))
            continue; /* attached to events below, never one itself */
        if (not_an_event(c, s, c0, t0) || adjectival(c, s, t0, t1, frame)) {
#ifdef EXTRACT_DEBUG
            fprintf(stderr, "drop %s at %d\n", frame, t0);
#endif
            continue;
        }

        bool passive = is_passive(c, s, t0, t1);
        int a1 = -1, a2 = -1;
        Event probe_ev;
        memset(&probe_ev, 0, sizeof probe_ev);

        /* ---- siege: the verb before the noun decides */
        const char *sub = tr->sub_event_type;
        if (frame_is(frame, "siege")) {
            static const char *const breakers[] = {"broke", "break", "breaking", "breaks",
                                                   "broken", "lifted", "lift", "lifting",
                                                   "ended", "end", "ending", NULL};
            static const char *const imposers[] = {"laid", "lay", "lays", "laying", "imposed",
                                                   "impose", "imposing", "tightened", NULL};
            int verb = -1;
            bool broken = false;
            for (int k = t0 - 1; k >= c0 && k >= t0 - 9; k--) {
                if (token_in(s, k, breakers)) {
                    verb = k;
                    broken = true;
                    break;
                }
                if (token_in(s, k, imposers)) {
                    verb = k;
                    break;
                }
            }
            if (verb < 0)
                continue; /* "under siege", "the siege": a state, not an event */
            if (not_an_event(c, s, c0, verb))
                continue;
            sub = broken ? "Siege broken" : "Siege imposed";
            /* the besieger named between the verb and the noun */
            int between = find_actor(c, s, verb + 1, t0, +1, -1);
            int subj = find_actor(c, s, c0, verb, -1, -1);
            if (broken) {
                a1 = subj;
                a2 = between;
            } else {
                a1 = subj >= 0 ? subj : between;
            }
            frame = broken ? "siege_broken" : "siege_imposed";
        }

        Event *ev = new_event(c, si, t0, tr);
        EventNote *note = &c->notes[c->event_count - 1];
        ev->sub_event_type = sub;
        note->frame = frame;
        note->generic = frame_is(frame, "agreement") || frame_is(frame, "attack") ||
                        frame_is(frame, "killed") || frame_is(frame, "looting") ||
                        frame_is(frame, "drone_downed") || frame_is(frame, "arrest");

        /* ---- actors and places by frame */
        int places_from = t1, places_to = c1;
        bool unknown_ok = false;
        int loser = -1;
        if (is_territory(frame) || frame_is(frame, "advance") ||
            frame_is(frame, "siege_broken") || frame_is(frame, "siege_imposed")) {
            unknown_ok = true;
            bool fell = frame_is(frame, "territory_fell");
            bool loss = frame_is(frame, "territory_loss");
            if (fell || (loss && passive)) {
                /* "Y fell to X", "Y was lost to X" */
                a1 = actor_after_word(c, s, t1 - 1, c1, to_words);
                if (a1 < 0)
                    a1 = find_actor(c, s, t1, c1, +1, -1);
                places_from = c0;
                places_to = t0;
            } else if (loss) {
                loser = find_actor(c, s, c0, t0, -1, -1);
                a1 = actor_after_word(c, s, t1, c1, to_words);
            } else if (a1 < 0 && a2 < 0) {
                if (passive) {
                    a1 = actor_after_word(c, s, t1 - 1, c1, by_words);
                    places_from = c0;
                    places_to = t0;
                } else {
                    a1 = find_actor(c, s, c0, t0, -1, -1);
                }
                loser = actor_after_word(c, s, t1, c1, from_words);
            }
            if (a2 < 0)
                a2 = loser;
        } else if (frame_is(frame, "agreement")) {
            a1 = find_actor(c, s, 0, s->tok.count, +1, -1);
            if (a1 >= 0)
                a2 = find_actor(c, s, s->ments[a1].last, s->tok.count, +1,
                                (int)actor_side(c, s->ments[a1].actor));
            places_from = 0;
            places_to = s->tok.count;
        } else {
            unknown_ok = !frame_is(frame, "killed") && !frame_is(frame, "protest");
            if (passive)
                a1 = actor_after_word(c, s, t1 - 1, c1, by_words);
            if (a1 < 0) {
                /* "between X and Y" */
                for (int k = t1; k < c1 && k < t1 + 3; k++)
                    if (token_is(c, s, k, "between")) {
                        a1 = find_actor(c, s, k + 1, c1, +1, -1);
                        if (a1 >= 0)
                            a2 = find_actor(c, s, s->ments[a1].last, c1, +1,
                                            (int)actor_side(c, s->ments[a1].actor));
                        break;
                    }
            }
            if (a1 < 0 && !passive)
                a1 = find_actor(c, s, c0, t0, -1, -1);
            if (a1 < 0 && passive) {
                /* "rocket attacks by IS" handled above; modifiers otherwise */
                a1 = find_actor(c, s, c0, t0, -1, -1);
            }
            if (a2 < 0) {
                a2 = actor_after_word(c, s, t1 - 1, c1, against_words);
                if (a2 >= 0 && a1 >= 0 && a2 == a1)
                    a2 = -1;
            }
        }
        /* the object of a transitive attack verb: "attacked X", "executed X" */
        if (a2 < 0 && !is_territory(frame) && !frame_is(frame, "agreement") &&
            !frame_is(frame, "killed")) {
            int k = find_actor(c, s, t1, c1 < t1 + 6 ? c1 : t1 + 6, +1,
                               a1 >= 0 ? (int)actor_side(c, s->ments[a1].actor) : -1);
            if (k >= 0)
                a2 = k;
        }

        if (a1 >= 0) {
            ev->has_actor1 = true;
            ev->actor1 = make_actor(c, s->ments[a1].actor);
        } else {
            /* "they", "the group": the last subject */
            for (int k = c0; k < t0; k++)
                if ((token_is(c, s, k, "they") || token_is(c, s, k, "it") ||
                     token_is(c, s, k, "he") || token_is(c, s, k, "we")) &&
                    c->last_subject_actor >= 0) {
                    ev->has_actor1 = true;
                    ev->actor1 = make_actor(c, c->last_subject_actor);
                    break;
                }
        }
        if (a2 >= 0 && (a1 < 0 || s->ments[a2].actor != s->ments[a1].actor)) {
            ev->has_actor2 = true;
            ev->actor2 = make_actor(c, s->ments[a2].actor);
        }

        collect_places(c, s, ev, places_from, places_to, unknown_ok);
        if (ev->place_count == 0 && !(places_from == 0 && places_to == s->tok.count)) {
            /* the rest of the clause, then the sentence */
            if (places_from == t1)
                collect_places(c, s, ev, c0, t0, false);
            else
                collect_places(c, s, ev, t1, c1, unknown_ok);
            if (ev->place_count == 0)
                collect_places(c, s, ev, 0, s->tok.count, false);
        }
        if (ev->place_count == 0 && c->has_last_place &&
            has_place_coref(c, s, t1, c1 > t1 ? c1 : s->tok.count))
            add_place(c, ev, c->last_place);
        if (ev->place_count == 0 && c->has_last_place && has_place_coref(c, s, 0, t0))
            add_place(c, ev, c->last_place);
        if (ev->place_count > 0) {
            /* the finest place first: a village before its governorate */
            int best = 0;
            for (int i = 0; i < ev->place_count; i++)
                if (!strcmp(ev->places[best].precision, "admin1") &&
                    strcmp(ev->places[i].precision, "admin1"))
                    best = i;
            ev->has_place = true;
            ev->place = ev->places[best];
        }

        /* ---- territory sub-type from the winner */
        if (is_territory(frame)) {
            if (ev->has_actor1) {
                ev->event_type = "Battles";
                ev->sub_event_type = government_side(ev->actor1.side)
                                         ? "Government regains territory"
                                         : "Non-state actor overtakes territory";
            } else if (frame_is(frame, "territory_loss")) {
                ev->event_type = "Strategic developments";
                ev->sub_event_type = "Non-violent transfer of territory";
            } else {
                ev->event_type = "Battles";
                ev->sub_event_type = "Non-state actor overtakes territory";
            }
            if (frame_is(frame, "territory_loss") && !ev->has_actor1 && ev->has_actor2 &&
                ev->actor2.side == SIDE_UNKNOWN) {
                ev->has_actor2 = false;
            }
        }
        if (frame_is(frame, "territory_take") && ev->place_count == 0) {
            c->event_count--; /* "took" with no place after it is not a capture */
            continue;
        }
        if (is_territory(frame) && ev->place_count == 0 && !ev->has_actor1) {
            c->event_count--;
            continue;
        }
        if (ev->has_actor1 && a1 >= 0)
            c->last_subject_actor = s->ments[a1].actor;
        (void)probe_ev;
    }
}
