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
#include "ascii.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ---- Tokens ----------------------------------------------------------------- */

static const char *fold_of(const Sentence *s, int i)
{
    return s->tok.folded + s->tok.items[i].fold;
}

static bool token_in(const Sentence *s, int i, const char *const *words)
{
    if (i < 0 || i >= s->tok.count)
        return false;
    const char *f = fold_of(s, i);
    for (; *words; words++)
        if (f[0] == (*words)[0] && str_eq(f, *words))
            return true;
    return false;
}

/* Is token i in one of the closed word classes (WC_* bits)? */
static bool has_class(const Sentence *s, int i, uint32_t cls)
{
    return i >= 0 && i < s->tok.count && (s->word_classes[i] & cls);
}

/* Does a plain fold of three letters or more start like a weekday or a
 * month ("sun", "sept", "march", and also "marching": read_dates decides)?
 * This runs for every word: a table of third letters by the first two
 * (jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat
 * sun), with no branch on the letters. */
#define L(ch) (1u << ((ch) - 'a'))
static const uint32_t calendar_third[26][26] = {
    ['a' - 'a']['p' - 'a'] = L('r'),          ['a' - 'a']['u' - 'a'] = L('g'),
    ['d' - 'a']['e' - 'a'] = L('c'),          ['f' - 'a']['e' - 'a'] = L('b'),
    ['f' - 'a']['r' - 'a'] = L('i'),          ['j' - 'a']['a' - 'a'] = L('n'),
    ['j' - 'a']['u' - 'a'] = L('l') | L('n'), ['m' - 'a']['a' - 'a'] = L('r') | L('y'),
    ['m' - 'a']['o' - 'a'] = L('n'),          ['n' - 'a']['o' - 'a'] = L('v'),
    ['o' - 'a']['c' - 'a'] = L('t'),          ['s' - 'a']['a' - 'a'] = L('t'),
    ['s' - 'a']['e' - 'a'] = L('p'),          ['s' - 'a']['u' - 'a'] = L('n'),
    ['t' - 'a']['h' - 'a'] = L('u'),          ['t' - 'a']['u' - 'a'] = L('e'),
    ['w' - 'a']['e' - 'a'] = L('d'),
};
#undef L

static bool calendar_prefix(const char *f)
{
    unsigned a = (unsigned char)f[0] - 'a', b = (unsigned char)f[1] - 'a',
             c = (unsigned char)f[2] - 'a';
    return a < 26 && b < 26 && c < 26 && (calendar_third[a][b] >> c & 1);
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

/* ---- Sentence analysis ------------------------------------------------------------ */

static bool is_country(const Place *p)
{
    return (p->classes & PLACE_COUNTRY) != 0;
}

static bool is_admin1(const Place *p)
{
    return p->feature == 'A' && (p->classes & PLACE_ADM1);
}

/* A one-word match names a small place only if the place is one the
 * project curated or a town of some size: the transliteration-insensitive
 * matcher turns ordinary words ("says", "Swiss", "hours") into hamlets. */
static bool place_strong(const Place *p, int words)
{
    if (words > 1)
        return true;
    if (p->classes & PLACE_CURATED)
        return true;
    if (p->population >= 20000)
        return true;
    if (p->feature == 'A')
        return true;
    return (p->classes & (PLACE_PPLA | PLACE_PPLC | PLACE_PPLA2)) != 0;
}

static bool place_allowed(const Ctx *c, const Place *p)
{
    if (c->country_count == 0)
        return true;
    for (int i = 0; i < c->country_count; i++)
        if (p->country && str_eq(p->country, c->countries[i]))
            return true;
    return false;
}

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
        !has_class(s, next, WC_FEATURE_WORDS) && !has_class(s, next, WC_NOT_NAMES) &&
        !has_class(s, next, WC_DIRECTIONS)) {
        if (capitalised(s, next))
            return true;
        /* "Hamam al-Alil": an article joined to a capitalised word */
        if (has_class(s, next, WC_NAME_CONNECTORS) && capitalised(s, next + 1) &&
            next + 1 < s->tok.count && text[s->tok.items[next].end] == '-')
            return true;
    }
    if (prev >= 0 && !prev_matched && s->tok.items[prev].kind == TOKEN_WORD &&
        capitalised(s, prev) && !(s->tok.items[prev].flags & TOKEN_SENTENCE_START) &&
        !has_class(s, prev, WC_NOT_NAMES) && !has_class(s, prev, WC_DEMONYMS))
        return true;
    return false;
}

/* A modifier naming a state before an armed noun or a trigger ("Russian
 * airstrikes", "government airstrikes", "Turkish artillery"): the phrase
 * to look the actor up by. */
static const char *const modifier_actor[][2] = {
    {"russian", "Russia"},         {"turkish", "Turkey"},
    {"american", "United States"}, {"israeli", "Israel"},
    {"iraqi", "Iraqi forces"},     {"iranian", "Iran"},
    {"syrian", "Syrian forces"},   {"government", "government forces"},
    {"regime", "regime forces"},   {"jordanian", "Jordan"},
    {"coalition", "coalition"},    {"kurdish", "Kurdish forces"},
    {"rebel", "rebels"},           {"jihadist", "jihadists"}};

static int modifier_lookup(const Ctx *c, const Sentence *s, int i)
{
    const char *f = fold_of(s, i);
    for (size_t k = 0; k < sizeof modifier_actor / sizeof *modifier_actor; k++) {
        if (f[0] != modifier_actor[k][0][0] || !str_eq(f, modifier_actor[k][0]))
            continue;
        int n = 0;
        const Entry *es =
            matcher_lookup(c->lex->matcher, modifier_actor[k][1], strlen(modifier_actor[k][1]), &n);
        for (int e = 0; es && e < n; e++)
            if (es[e].kind == ENTRY_ACTOR)
                return es[e].id;
    }
    return -1;
}

/* Texts with their apostrophes stripped write "Aleppos", "Daraas": an
 * unmatched capitalised word ending in s whose stem is a place or an
 * actor is read as the stem. Returns the entries or NULL. */
static const Entry *stem_lookup(const Ctx *c, const Sentence *s, int i, int *count)
{
    const Token *t = &s->tok.items[i];
    size_t n = t->end - t->start;
    const char *w = c->doc->text + t->start;
    *count = 0;
    if (n < 3 || w[n - 1] != 's')
        return NULL; /* both readings below end in s: most words stop here */
    /* "IS’s", "SDF's": an acronym with a possessive is not all capitals
     * to the matcher */
    size_t apo = n >= 3 && w[n - 1] == 's' && w[n - 2] == '\''                        ? 2
                 : n >= 5 && w[n - 1] == 's' && !memcmp(w + n - 4, "\xe2\x80\x99", 3) ? 4
                                                                                      : 0;
    if (apo && n - apo >= 2) {
        bool caps = true;
        for (size_t k = 0; k < n - apo; k++)
            caps &= isupper((unsigned char)w[k]) != 0;
        if (caps)
            return matcher_lookup_exact(c->lex->matcher, w, n - apo, count);
    }
    if (n < 5 || w[n - 1] != 's' || !capitalised(s, i) || (t->flags & TOKEN_ALLCAPS))
        return NULL;
    char stem[32];
    if (n - 1 >= sizeof stem)
        return NULL;
    for (size_t k = 0; k + 1 < n; k++)
        stem[k] = (char)tolower((unsigned char)w[k]);
    stem[n - 1] = '\0';
    if (word_class(stem) & WC_DEMONYMS)
        return NULL; /* "Syrians" are people, not "Suran" */
    return matcher_lookup(c->lex->matcher, w, n - 1, count);
}

static void places_in_containers(Ctx *c, Sentence *s);

/* "IS fighters drove government troops out of Palmyra": the loser stands
 * between the verb and "out of", so the trigger phrase "drove out" never
 * matches as written. The verb becomes that trigger's mention (frames_fill
 * finds the loser before "out"). */
static void split_out_of(Ctx *c, Sentence *s, int *ment_cap)
{
    static const char *const verbs[] = {"drove",  "drive",  "drives", "driving", "driven",
                                        "pushed", "forced", "chased", "kicked",  NULL};
    /* most sentences have no "out of": the verbs need no look then */
    bool out_of = false;
    if (!s->has_out)
        return;
    for (int k = 2; k + 1 < s->tok.count && !out_of; k++)
        out_of = token_is(c, s, k, "out") && token_is(c, s, k + 1, "of");
    if (!out_of)
        return;
    int trigger = -1;
    for (int i = 0; i + 3 < s->tok.count; i++) {
        if (s->ment_at[i] >= 0 || !token_in(s, i, verbs))
            continue;
        int out = -1;
        for (int k = i + 2; k < s->tok.count - 1 && k <= i + 6; k++) {
            if (s->ment_at[k] >= 0 && s->ments[s->ment_at[k]].trigger >= 0)
                break;
            if (token_is(c, s, k, "out") && token_is(c, s, k + 1, "of")) {
                out = k;
                break;
            }
        }
        if (out < 0)
            continue;
        for (int t = 0; trigger < 0 && t < c->lex->trigger_count; t++)
            if (str_eq(c->lex->triggers[t].phrase, "drove out"))
                trigger = t;
        if (trigger < 0)
            return;
        if (s->ment_count == *ment_cap) {
            s->ments = arena_grow(c->arena, s->ments, (size_t)*ment_cap, (size_t)*ment_cap * 2,
                                  sizeof *s->ments);
            *ment_cap *= 2;
        }
        s->ments[s->ment_count] = (Mention){i, i + 1, -1, -1, trigger, -1, NULL, 0, false};
        s->ment_at[i] = s->ment_count++;
    }
}

static void read_mentions(Ctx *c, Sentence *s, const MatchList *ml)
{
    const Lexicon *lex = c->lex;
    /* at most three mentions per match (a modifier, the match, a split
     * trigger); stems of unmatched words are rare and grow the array */
    int ment_cap = 3 * ml->count + 4;
    /* mentions are written as they are found, and read only below
     * ment_count: no zeroing; ment_at is -1 everywhere (all bytes 0xff),
     * and 0 one past the end as a zeroed array would be */
    s->ments = arena_alloc_uninit(c->arena, (size_t)ment_cap * sizeof *s->ments);
    s->ment_at = arena_alloc_uninit(c->arena, (size_t)(s->tok.count + 1) * sizeof *s->ment_at);
    memset(s->ment_at, 0xff, (size_t)s->tok.count * sizeof *s->ment_at);
    s->ment_at[s->tok.count] = 0;
    Entry places[64]; /* the candidates of one match, for place_choose */
    /* the number phrases are noted by the loop below, which reads every
     * entry anyway; only read_counts (later) asks for them */
    s->number_at = arena_alloc(c->arena, (size_t)(s->tok.count + 1));
    for (int k = 0; k < ml->count; k++) {
        const Match *m = &ml->items[k];
        Mention me = {m->first, m->last, -1, -1, -1, -1, m->entries, m->entry_count, false};
        int np = 0;
        for (int e = 0; e < m->entry_count; e++) {
            const Entry *en = &m->entries[e];
            switch (en->kind) {
            case ENTRY_ACTOR:
                if (me.actor < 0)
                    me.actor = en->id;
                break;
            case ENTRY_OUTLET:
                if (me.outlet < 0)
                    me.outlet = en->id;
                break;
            case ENTRY_TRIGGER:
                if (me.trigger < 0)
                    me.trigger = en->id;
                break;
            case ENTRY_PLACE:
                if (np < 64 && place_allowed(c, &lex->places[en->id]) &&
                    place_strong(&lex->places[en->id], m->last - m->first))
                    places[np++] = *en;
                break;
            case ENTRY_NUMBER:
                if (m->first < s->tok.count)
                    s->number_at[m->first] = s->has_number_phrase = 1;
                break;
            default:
                break;
            }
        }
        if (np && m->last - m->first == 1 && has_class(s, m->first, WC_NOT_NAMES))
            np = 0; /* "June", "Syria", "Monitor": words, not hamlets */
        /* "Syrian", "Turkish": people; but "Western Aleppo" is a name the
         * data spells with its adjective */
        bool demonym =
            has_class(s, m->first, WC_DEMONYMS) && (m->last - m->first == 1 || !m->exact);
        /* in a headline ("… in Qalamoun Advances in …") capitals do not
         * mark names */
        if (np && (demonym || (!s->is_title && inside_longer_name(c, s, ml, k)) ||
                   has_class(s, m->first - 1, WC_SPEECH_VERBS)))
            np = 0; /* "said Omar Abu Leila": a person */
        /* "US airstrike", "Syrian warplanes targeted": an actor phrase that
         * ends in a trigger word is the actor and the trigger */
        int split_trigger = -1;
        if (me.actor >= 0 && me.trigger < 0 && m->last - m->first > 1) {
            int n = 0;
            const Entry *es = matcher_lookup_token(lex->matcher, &s->tok, m->last - 1, &n);
            for (int e = 0; es && e < n; e++)
                if (es[e].kind == ENTRY_TRIGGER) {
                    split_trigger = es[e].id;
                    break;
                }
            if (split_trigger >= 0)
                me.last = m->last - 1;
        }
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
        if (me.actor >= 0 && lex->actors[me.actor].kind_code == ACTOR_KIND_FOREIGN_STATE &&
            (token_is(c, s, m->first - 1, "in") || token_is(c, s, m->first - 1, "across") ||
             token_is(c, s, m->first - 1, "inside") || token_is(c, s, m->first - 1, "throughout") ||
             token_is(c, s, m->first - 1, "into") || token_is(c, s, m->first - 1, "toward") ||
             token_is(c, s, m->first - 1, "towards") ||
             ((token_is(c, s, m->first - 1, "with") || token_is(c, s, m->first - 1, "of")) &&
              (token_is(c, s, m->first - 2, "border") ||
               token_is(c, s, m->first - 2, "direction")))))
            me.actor = -1; /* "operating in Iraq and Syria", "the border with Iraq": the land,
                              not the state */
        if (me.actor >= 0 && me.place >= 0) {
            /* "Iraq" read as the state and as "Arak": the name written
             * exactly wins */
            const char *txt = c->doc->text + s->tok.items[m->first].start;
            size_t len = s->tok.items[m->last - 1].end - s->tok.items[m->first].start;
            bool actor_exact = strlen(lex->actors[me.actor].name) == len &&
                               !strncasecmp(lex->actors[me.actor].name, txt, len);
            bool place_exact = strlen(lex->places[me.place].name) == len &&
                               !strncasecmp(lex->places[me.place].name, txt, len);
            if (actor_exact && !place_exact)
                me.place = -1;
            else if (place_exact && !actor_exact)
                me.actor = -1;
        }
        if (me.actor < 0 && me.outlet < 0 && me.trigger < 0 && me.place < 0)
            continue;
        if (me.trigger >= 0 && m->first > 0 && s->ment_count > 0 &&
            s->ments[s->ment_count - 1].last == m->first - 1 + 1 &&
            s->ments[s->ment_count - 1].actor >= 0) {
            /* actor right before the trigger: nothing to add */
        } else if (me.trigger >= 0 && m->first > 0 &&
                   (s->ment_count == 0 || s->ments[s->ment_count - 1].last <= m->first - 1)) {
            int a = modifier_lookup(c, s, m->first - 1);
            if (a >= 0) {
                Mention am = {m->first - 1, m->first, a, -1, -1, -1, NULL, 0, false};
                s->ments[s->ment_count] = am;
                s->ment_at[m->first - 1] = s->ment_count++;
            }
        }
        int idx = s->ment_count++;
        s->ments[idx] = me;
        for (int t = me.first; t < me.last && t < s->tok.count; t++)
            s->ment_at[t] = idx;
        if (split_trigger >= 0) {
            Mention tm = {me.last, m->last, -1, -1, split_trigger, -1, NULL, 0, false};
            idx = s->ment_count++;
            s->ments[idx] = tm;
            s->ment_at[tm.first] = idx;
        }
    }
    places_in_containers(c, s);
    split_out_of(c, s, &ment_cap);
    /* "Syrias Aleppo", "in Daraas countryside": stems of unmatched words;
     * sentence_scan noted which words could be one */
    for (int i = s->stem_first; i >= 0 && i <= s->stem_last; i++) {
        if (s->ment_at[i] >= 0 || s->tok.items[i].kind != TOKEN_WORD)
            continue;
        int n = 0;
        const Entry *es = stem_lookup(c, s, i, &n);
        if (!es)
            continue;
        Mention me = {i, i + 1, -1, -1, -1, -1, es, n, false};
        int np = 0;
        for (int e = 0; e < n; e++) {
            if (es[e].kind == ENTRY_ACTOR && me.actor < 0)
                me.actor = es[e].id;
            else if (es[e].kind == ENTRY_PLACE && np < 64 &&
                     place_allowed(c, &lex->places[es[e].id]) &&
                     place_strong(&lex->places[es[e].id], 1))
                places[np++] = es[e];
        }
        if (me.actor >= 0)
            np = 0; /* "Kerrys": the person the actor list names, not a village */
        if (np)
            me.place = place_choose(lex, places, np, c->pctx).place;
        if (me.place >= 0 && is_country(&lex->places[me.place]))
            me.place = -1;
        if (me.actor < 0 && me.place < 0)
            continue;
        if (s->ment_count == ment_cap) {
            s->ments = arena_grow(c->arena, s->ments, (size_t)ment_cap, (size_t)ment_cap * 2,
                                  sizeof *s->ments);
            ment_cap *= 2;
        }
        s->ments[s->ment_count] = me;
        s->ment_at[i] = s->ment_count++;
    }
}

/* A city or a governorate: big enough to be the container a smaller place
 * is named in ("the Midan neighbourhood of Damascus"). */
static bool container_place(const Place *p)
{
    if (is_admin1(p) || p->population >= 20000)
        return true;
    return (p->classes & (PLACE_PPLA | PLACE_PPLC | PLACE_PPLA2)) != 0;
}

/* "the Midan neighbourhood of Damascus", "Midan in Damascus", "Zahra
 * district, Aleppo": a name shared by places in several governorates is
 * read in the city or governorate named right after it. */
static void places_in_containers(Ctx *c, Sentence *s)
{
    static const char *const kinds[] = {"neighbourhood", "neighborhood", "district", "quarter",
                                        "suburb",        "area",         "town",     "village",
                                        "city",          "countryside",  "camp",     NULL};
    const Lexicon *lex = c->lex;
    for (int mi = 0; mi < s->ment_count; mi++) {
        Mention *m = &s->ments[mi];
        if (m->place < 0 || m->entry_count < 2)
            continue;
        int j = m->last;
        if (token_in(s, j, kinds))
            j++;
        if (is_punct(c, s, j, ','))
            j++;
        else if (token_is(c, s, j, "of") || token_is(c, s, j, "in"))
            j++;
        else
            continue;
        if (token_is(c, s, j, "the"))
            j++;
        if (token_is(c, s, j, "city") && token_is(c, s, j + 1, "of"))
            j += 2;
        int ci = j < s->tok.count ? s->ment_at[j] : -1;
        if (ci < 0 || ci == mi || s->ments[ci].place < 0)
            continue;
        const Place *box = &lex->places[s->ments[ci].place];
        if (!container_place(box) || !box->admin1 || !*box->admin1)
            continue;
        if (str_eq(lex->places[m->place].admin1 ? lex->places[m->place].admin1 : "", box->admin1))
            continue;
        Entry inside[64];
        int n = 0;
        for (int e = 0; e < m->entry_count && n < 64; e++) {
            const Entry *en = &m->entries[e];
            if (en->kind != ENTRY_PLACE)
                continue;
            const Place *p = &lex->places[en->id];
            if (p->admin1 && str_eq(p->admin1, box->admin1) && p != box &&
                place_strong(p, m->last - m->first))
                inside[n++] = *en;
        }
        if (n) {
            PlaceChoice pc = place_choose(lex, inside, n, c->pctx);
            if (pc.place >= 0)
                m->place = pc.place;
        } else if (is_admin1(box) || has_class(s, s->ments[ci].last, WC_ADMIN_WORDS)) {
            /* "Qassiab in Hasakeh province" where the gazetteer only knows
             * a namesake elsewhere (Kessab, Latakia): an unknown village of
             * that governorate, not the namesake */
            m->place = -1;
            if (m->actor < 0 && m->outlet < 0 && m->trigger < 0)
                for (int t = m->first; t < m->last; t++)
                    s->ment_at[t] = -1;
        }
    }
}

/* "injured", "wounded", "hurt": a participle, said of the counted (not
 * "injuring 25", which the counted did not suffer) */
static bool past_participle(const Sentence *s, int k)
{
    const Token *t = &s->tok.items[k];
    const char *f = s->tok.folded + t->fold;
    return (t->fold_len > 2 && f[t->fold_len - 2] == 'e' && f[t->fold_len - 1] == 'd') ||
           token_is(NULL, s, k, "hurt");
}

/* Is the first verb after token j, past auxiliaries, an injured trigger?
 * "six others injured", "15 people were wounded": the figure counts the
 * wounded. */
static bool wounded_after(const Ctx *c, const Sentence *s, int j)
{
    static const char *const aux[] = {"were", "was",  "have",   "has",  "had",
                                      "been", "also", "others", "more", NULL};
    for (int k = j + 1; k < s->tok.count && k <= j + 4; k++) {
        int mt = s->ment_at[k];
        if (mt >= 0 && s->ments[mt].trigger >= 0)
            return past_participle(s, k) &&
                   c->lex->triggers[s->ments[mt].trigger].frame_code == FRAME_INJURED;
        if (!token_in(s, k, aux))
            return false;
    }
    return false;
}

/* The counted noun after a figure, and whether it is people. */
static void read_count_noun(Ctx *c, Sentence *s, Count *ct)
{
    static const char *const not_people[] = {
        "day",  "days",  "hour",  "hours",  "week",  "weeks", "month",   "months",
        "year", "years", "after", "before", "since", "from",  "against", "by",
        "with", "in",    "on",    "at",     "into",  "near",  NULL};
    uint32_t not_people_letters = first_letters(not_people);
    ct->noun = -1;
    ct->victim_actor = -1;
    bool after_and = false;
    for (int j = ct->last; j < s->tok.count && j < ct->last + 6; j++) {
        if (token_starts_in(s, j, not_people_letters) && token_in(s, j, not_people))
            break; /* "one day after Israel …": a time, and who acted */
        int mi = s->ment_at[j];
        if (mi >= 0 && s->ments[mi].actor >= 0) {
            /* "SDF fighters": the side named first, not the generic noun */
            if (ct->victim_actor < 0 || c->lex->actors[s->ments[mi].actor].side != SIDE_UNKNOWN)
                ct->victim_actor = s->ments[mi].actor;
            s->ments[mi].victim = true;
            j = s->ments[mi].last - 1;
            continue;
        }
        if (s->tok.items[j].kind != TOKEN_WORD)
            break;
        if (has_class(s, j, WC_THING_NOUNS)) {
            ct->noun = j;
            return;
        }
        if (has_class(s, j, WC_PERSON_NOUNS) && !token_is(c, s, j, "of")) {
            ct->noun = j;
            ct->person = true;
            ct->civilian = has_class(s, j, WC_CIVILIAN_NOUNS);
            ct->hurt = !after_and && wounded_after(c, s, j);
            return;
        }
        if (token_is(c, s, j, "of"))
            continue;
        int mt = s->ment_at[j];
        if (mt >= 0 && s->ments[mt].trigger >= 0) {
            /* "5 killed", "three were killed": the figure is people */
            unsigned fr = c->lex->triggers[s->ments[mt].trigger].frame_code;
            if (fr == FRAME_KILLED || fr == FRAME_INJURED)
                ct->person = true;
            /* "killed 15 injured", "killed, six others injured": the
             * figure is the wounded, never a toll of the dead */
            ct->hurt = fr == FRAME_INJURED && !after_and && past_participle(s, j) &&
                       !token_is(c, s, j - 1, "the"); /* "three of the wounded died" */
            return;
        }
        /* "killing 5 and injuring 2": the verb after "and" is another
         * clause's */
        after_and |= token_is(c, s, j, "and");
        if (token_is(c, s, j, "were") || token_is(c, s, j, "have") || token_is(c, s, j, "had") ||
            token_is(c, s, j, "and") || token_is(c, s, j, "more") || token_is(c, s, j, "others"))
            continue;
    }
}

/* Could a count start at token i? Digits, a number phrase of the lexicon
 * (the matcher marked it), an English numeral, or a qualifier ("at least",
 * "more than", "dozens"). parse_count() decides; this only keeps it from
 * being asked at every word. */
static bool may_start_count(const Ctx *c, const Sentence *s, int i)
{
    (void)c;
    const Token *t = &s->tok.items[i];
    if (t->kind == TOKEN_NUMBER || s->number_at[i])
        return true;
    if (t->kind != TOKEN_WORD)
        return false;
    const char *f = fold_of(s, i);
    if ((f[0] == 'a' && (f[1] == '\0' || (f[1] == 'n' && f[2] == '\0'))))
        return has_class(s, i + 1, WC_COUNT_AFTER_A); /* "a hundred", "an estimated" */
    /* "at", "as" and "up" start a count only as the qualifiers "at least",
     * "at most", "as many as" and "up to" (no number phrase of the lexicon
     * starts with them): most are "at the", "as well", "set up" */
    if (token_is(c, s, i, "at"))
        return token_is(c, s, i + 1, "least") || token_is(c, s, i + 1, "most");
    if (token_is(c, s, i, "as"))
        return token_is(c, s, i + 1, "many");
    if (token_is(c, s, i, "up"))
        return token_is(c, s, i + 1, "to");
    return has_class(s, i, WC_COUNT_STARTS);
}

static bool is_passive(const Ctx *c, const Sentence *s, int t0, int t1);

static void read_counts(Ctx *c, Sentence *s)
{
    s->counts = arena_alloc(c->arena, 8 * sizeof *s->counts);
    int cap = 8;
    const char *text = c->doc->text;
    /* a count starts at a figure, a number phrase, or a word that may
     * lead to one (see may_start_count): without any, no word is tried */
    bool may_count = s->has_number || s->has_number_phrase ||
                     (s->classes_any & (WC_COUNT_STARTS | WC_COUNT_AFTER_A));
    for (int i = 0; may_count && i < s->tok.count; i++) {
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
            s->counts =
                arena_grow(c->arena, s->counts, (size_t)cap, (size_t)cap * 2, sizeof *s->counts);
            cap *= 2;
        }
        Count ct = {i, last, r, -1, false, false, -1, false};
        read_count_noun(c, s, &ct);
        s->counts[s->count_count++] = ct;
        i = last - 1;
    }
    /* "Army Kills Terrorist Commander", "killed a senior leader": one
     * person, named by a singular noun after an active kill verb */
    static const char *const one_person[] = {
        "commander", "leader",  "soldier", "officer",    "child",    "boy",
        "girl",      "man",     "woman",   "journalist", "civilian", "fighter",
        "militant",  "emir",    "member",  "policeman",  "activist", "doctor",
        "nurse",     "general", "colonel", "terrorist",  "jihadist", NULL};
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->trigger < 0 || c->lex->triggers[m->trigger].frame_code != FRAME_KILLED ||
            is_passive(c, s, m->first, m->last))
            continue;
        int j = m->last;
        bool taken = false;
        for (int k = 0; k < s->count_count; k++)
            taken |= s->counts[k].first == j;
        if (taken)
            continue;
        int k = j;
        if (token_is(c, s, k, "a") || token_is(c, s, k, "an") || token_is(c, s, k, "the"))
            k++;
        for (int n = 0; n < 3 && k < s->tok.count && s->tok.items[k].kind == TOKEN_WORD &&
                        !token_in(s, k, one_person) && s->ment_at[k] < 0;
             n++)
            k++;
        if (!token_in(s, k, one_person))
            continue;
        if (s->count_count == cap) {
            s->counts =
                arena_grow(c->arena, s->counts, (size_t)cap, (size_t)cap * 2, sizeof *s->counts);
            cap *= 2;
        }
        Count ct = {j,  k + 1, {true, 1, 1, 1}, k, true, has_class(s, k, WC_CIVILIAN_NOUNS),
                    -1, false};
        s->counts[s->count_count++] = ct;
    }
}

/* Could a date expression start at token i? Starts: a number, a weekday
 * or month (WC_CALENDAR), "yesterday", "last", … (WC_DATE_STARTS), or
 * "on", "in", … (WC_DATE_PREPS) before one of those or "the". */
static bool may_start_date(const Sentence *s, int i)
{
    const Token *t = &s->tok.items[i];
    if (t->kind == TOKEN_NUMBER)
        return true;
    if (t->kind != TOKEN_WORD)
        return false;
    uint32_t wc = s->word_classes[i];
    if (wc & (WC_CALENDAR | WC_DATE_STARTS))
        return true;
    /* "by Friday": the lexicon's date prepositions leave out "by", which
     * is mostly an agent ("captured by the army") */
    if ((wc & WC_DATE_PREPS) || token_is(NULL, s, i, "by"))
        return i + 1 < s->tok.count && (s->tok.items[i + 1].kind == TOKEN_NUMBER ||
                                        has_class(s, i + 1, WC_CALENDAR | WC_DATE_STARTS) ||
                                        token_is(NULL, s, i + 1, "the"));
    return false;
}

static void read_dates(Ctx *c, Sentence *s)
{
    /* a date starts at a figure or a calendar, date or date preposition
     * word, or "by" (see may_start_date) */
    if (!s->has_number && !s->has_by &&
        !(s->classes_any & (WC_CALENDAR | WC_DATE_STARTS | WC_DATE_PREPS)))
        return;
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
        dm.speech = has_class(s, before, WC_SPEECH_VERBS) ||
                    (token_is(c, s, before, "reporters") || token_is(c, s, before, "journalists"));
        if (s->date_count == cap) {
            s->dates =
                arena_grow(c->arena, s->dates, (size_t)cap, (size_t)cap * 2, sizeof *s->dates);
            cap *= 2;
        }
        s->dates[s->date_count++] = dm;
        i = last - 1;
    }
}

/* Cue phrases for hedges and denials, searched in the raw text,
 * case-insensitively, at word starts (they may run over several words).
 * Sorted (as strcmp sorts), so that the cues of a word's first two letters
 * are found by a binary search: sentence_cues() asks at every word. */
enum { CUE_HEDGE = 1, CUE_DENIAL = 2, CUE_NOT_CONFIRMED = 4 };
static const struct {
    const char *text;
    uint8_t len;
    uint8_t kind;
} cue_phrases[] = {
    {"allegedly", 9, CUE_HEDGE},
    {"appears to have", 15, CUE_HEDGE},
    {"claimed to have", 15, CUE_HEDGE},
    {"could not be confirmed", 22, CUE_HEDGE},
    {"could not be independently", 26, CUE_HEDGE},
    {"denied", 6, CUE_DENIAL},
    {"denies", 6, CUE_DENIAL},
    {"no confirmation", 15, CUE_NOT_CONFIRMED},
    {"not commented", 13, CUE_NOT_CONFIRMED},
    {"not confirmed", 13, CUE_HEDGE | CUE_NOT_CONFIRMED},
    {"not thus far commented", 22, CUE_NOT_CONFIRMED},
    {"purportedly", 11, CUE_HEDGE},
    {"rejected the claim", 18, CUE_DENIAL},
    {"reportedly", 10, CUE_HEDGE},
    {"reports appeared", 16, CUE_HEDGE},
    {"rumors", 6, CUE_HEDGE},
    {"rumours", 7, CUE_HEDGE},
    {"unconfirmed", 11, CUE_HEDGE},
    {"what appeared to be", 19, CUE_HEDGE},
    {"what appears to be", 18, CUE_HEDGE},
};
enum { CUE_COUNT = sizeof cue_phrases / sizeof *cue_phrases };

/* strncasecmp(s, cue, n) == 0 for a cue in lower case, without a call. */
static bool starts_with_cue(const char *s, const char *cue, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (ascii_lower((unsigned char)s[k]) != (unsigned char)cue[k])
            return false;
    return true;
}

/* The first two letters of a cue (or of a word) as one number, ordered
 * as the table is. */
static inline int cue_key(int first, int second)
{
    return first << 8 | second;
}

/* The cue tables of the article's Ctx (made on first use): a word whose
 * first three letters start no cue, most words, is answered by two table
 * loads and one test, and the others go straight to their cues. Every cue
 * starts with two letters, and has a third character (a space in "no
 * confirmation": letter_bit() maps it as it maps the text's). */
static void cue_tables(Ctx *c)
{
    if (c->cues_ready)
        return;
    for (size_t p = CUE_COUNT; p-- > 0;) {
        const char *ct = cue_phrases[p].text;
        c->cue_third[ct[0] - 'a'][ct[1] - 'a'] |= letter_bit(ct[2]);
        c->cue_from[ct[0] - 'a'][ct[1] - 'a'] = (uint8_t)(p + 1); /* the lowest wins */
    }
    c->cues_ready = true;
}

/* The CUE_* kinds of the cues that start at byte i of the text, whose
 * first two letters (lower-cased) are those of cue_phrases[from] and
 * those after it of the same two, and that end by `end`. */
static unsigned cues_at(const char *t, size_t i, size_t end, size_t from)
{
    unsigned found = 0;
    int key =
        cue_key((unsigned char)cue_phrases[from].text[0], (unsigned char)cue_phrases[from].text[1]);
    for (size_t p = from; p < CUE_COUNT; p++) {
        const char *ct = cue_phrases[p].text;
        if (cue_key((unsigned char)ct[0], (unsigned char)ct[1]) != key)
            break;
        size_t n = cue_phrases[p].len;
        if (i + n <= end && starts_with_cue(t + i, ct, n))
            found |= cue_phrases[p].kind;
    }
    return found;
}

/* A word's fold length and first two bytes as one number, so that the
 * few words sentence_scan notes are each one comparison (f[1] is the
 * fold's NUL for a one-letter word). */
#define WORD_KEY(len, a, b) ((uint32_t)(len) << 16 | (uint32_t)(uint8_t)(a) << 8 | (uint8_t)(b))

/* One pass over the sentence's words for everything the readers after it
 * ask of the sentence as a whole (word classes, the words below, the
 * hedge cues), so that they skip the sentences that lack what they look
 * for instead of each passing over the words again. */
void sentence_scan(Ctx *c, Sentence *s, Span span)
{
    memset(s, 0, sizeof *s);
    s->span = span;
    s->tok = tokenize(c->doc->text, span, c->arena);
    s->matches = matcher_find_cached(c->lex->matcher, &s->tok, c->name_keys, c->arena);
    const char *text = c->doc->text;
    cue_tables(c);
    unsigned cues = 0;
    /* every entry is written below (0 for what is not a word) */
    s->word_classes =
        arena_alloc_uninit(c->arena, (size_t)(s->tok.count + 1) * sizeof *s->word_classes);
    s->word_classes[s->tok.count] = 0;
    lexicon_token_classes(c->lex, &s->tok, s->word_classes);
    int words = 0, caps = 0;             /* for is_title */
    int stem_first = -1, stem_last = -1; /* none */
    /* What the sentence holds, gathered in locals and stored once: the
     * stores through s could alias word_classes[], so in s's fields each
     * would be written back and read again for every word. */
    bool number = false, by = false, out = false, far = false, date_word = false, day = false,
         since = false, after = false, later = false, according = false;
    uint32_t any = 0;
    uint32_t *classes = s->word_classes;
    for (int i = 0; i < s->tok.count; i++) {
        const Token *t = &s->tok.items[i];
        number |= t->kind == TOKEN_NUMBER;
        /* numbers and punctuation start with no letter: no cue, no word
         * below */
        if (t->kind != TOKEN_WORD)
            continue;
        words++;
        caps += (t->flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)) != 0;
        const char *f = fold_of(s, i);
        uint32_t wc = classes[i];
        if (t->fold_len >= 3 && calendar_prefix(f))
            wc |= WC_CALENDAR;
        classes[i] = wc;
        any |= wc;
        uint32_t key = WORD_KEY(t->fold_len, f[0], f[1]);
        by |= key == WORD_KEY(2, 'b', 'y');
        out |= key == WORD_KEY(3, 'o', 'u') && f[2] == 't';
        far |= key == WORD_KEY(3, 'f', 'a') && f[2] == 'r';
        date_word |= key == WORD_KEY(4, 'd', 'a') && !memcmp(f, "date", 4);
        day |= (key == WORD_KEY(3, 'd', 'a') && f[2] == 'y') ||
               (key == WORD_KEY(4, 'd', 'a') && !memcmp(f, "days", 4));
        since |= key == WORD_KEY(5, 's', 'i') && !memcmp(f, "since", 5);
        after |= key == WORD_KEY(5, 'a', 'f') && !memcmp(f, "after", 5);
        later |= key == WORD_KEY(5, 'l', 'a') && !memcmp(f, "later", 5);
        according |= key == WORD_KEY(9, 'a', 'c') && !memcmp(f, "according", 9);
        /* what stem_lookup() can read ("Aleppos", "SDF's"): three bytes or
         * more ending in s, and a capital first */
        size_t at = t->start;
        bool upper_first = (unsigned)(unsigned char)text[at] - 'A' < 26u;
        bool stem = (t->end - at >= 3) & (text[t->end - 1] == 's') &
                    (upper_first | ((t->flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)) != 0));
        /* the first and last such word bound read_mentions' stem pass */
        stem_first = stem && stem_first < 0 ? i : stem_first;
        stem_last = stem ? i : stem_last;
        /* the hedge cues are read in the raw text, case-insensitively
         * (the fold may differ from it); text[at + 1] is the text's NUL
         * at worst, and text[at + 2] is read only after a letter there */
        unsigned k1 = (unsigned)ascii_lower((unsigned char)text[at]) - 'a';
        unsigned k2 = (unsigned)ascii_lower((unsigned char)text[at + 1]) - 'a';
        if ((k1 < 26) & (k2 < 26) &&
            (c->cue_third[k1][k2] & letter_bit((char)ascii_lower((unsigned char)text[at + 2]))))
            cues |= cues_at(text, at, span.end, (size_t)c->cue_from[k1][k2] - 1);
    }
    s->cues = (uint8_t)cues;
    s->has_number = number, s->has_by = by, s->has_out = out, s->has_far = far;
    s->has_date_word = date_word, s->has_day = day, s->has_since = since;
    s->has_after = after, s->has_later = later, s->has_according = according;
    s->classes_any = any;
    s->stem_first = stem_first;
    s->stem_last = stem_last;
    /* Headline style ("Rebels Seize Town In North Syria"): capitals say
     * nothing about names there. Counted in this pass over the words,
     * rather than in a pass of its own. */
    s->is_title = words >= 4 && caps * 10 >= words * 6;
}
#undef WORD_KEY

void sentence_hedges(Ctx *c, Sentence *s)
{
    (void)c; /* the cues were found by sentence_scan */
    s->unconfirmed = (s->cues & CUE_HEDGE) != 0;
    if (s->cues & CUE_DENIAL) {
        s->denial = true;
    } else if (s->cues & CUE_NOT_CONFIRMED) {
        s->denial = true;
        s->denial_unconfirmed = true;
    }
}

/* Which countries does the article's geography point to? Every
 * capitalised place match votes for the countries of its entries (split
 * among them); countries with a fair share of the votes are kept. */
void article_countries(Ctx *c)
{
    const char *names[32];
    double votes[32];
    int n = 0;
    /* One pass over the matches does both jobs: the votes, and the
     * governorates of unambiguous, well-known places that seed the
     * context (so that the first ambiguous name is read where the article
     * is). Neither reads what the other writes. */
    for (int si = 0; si < c->sent_count; si++) {
        const Sentence *s = &c->sents[si];
        for (int k = 0; k < s->matches.count; k++) {
            const Match *m = &s->matches.items[k];
            if (!capitalised(s, m->first) || has_class(s, m->first, WC_DEMONYMS))
                continue;
            int np = 0, place = -1;
            bool other = false;
            for (int e = 0; e < m->entry_count; e++) {
                if (m->entries[e].kind == ENTRY_PLACE) {
                    np++;
                    place = m->entries[e].id;
                } else if (m->entries[e].kind != ENTRY_NUMBER) {
                    other = true;
                }
            }
            if (!np)
                continue;
            for (int e = 0; !other && e < m->entry_count; e++) {
                if (m->entries[e].kind != ENTRY_PLACE ||
                    !place_strong(&c->lex->places[m->entries[e].id], m->last - m->first))
                    continue;
                const char *cc = c->lex->places[m->entries[e].id].country;
                if (!cc || !*cc)
                    continue;
                int i = 0;
                while (i < n && !str_eq(names[i], cc))
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
            /* the seed: one place only, and not a word like "June" */
            if (np != 1 || (m->last - m->first == 1 && has_class(s, m->first, WC_NOT_NAMES)))
                continue;
            const Place *p = &c->lex->places[place];
            if (!p->admin1 || !*p->admin1 || is_country(p) ||
                !(p->population >= 100000 || is_admin1(p) || (p->classes & PLACE_PPLA)))
                continue;
            PlaceContext *x = c->pctx;
            bool seen = false;
            for (int i = 0; i < x->admin1_count; i++)
                seen |= str_eq(x->admin1s[i], p->admin1);
            if (!seen && x->admin1_count < 16)
                x->admin1s[x->admin1_count++] = p->admin1;
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
    /* Counts are read for tolls and victims, and only a trigger of this
     * sentence asks for them (frames_fill, finish_sentence): most
     * sentences have none, and their counts would go unread. */
    bool has_trigger = false;
    for (int mi = 0; mi < s->ment_count && !has_trigger; mi++)
        has_trigger = s->ments[mi].trigger >= 0;
    if (has_trigger)
        read_counts(c, s);
    read_dates(c, s);
}

/* ---- Places ------------------------------------------------------------------------ */

EventPlace place_from_index(const Ctx *c, int idx, const char *precision)
{
    const Place *p = &c->lex->places[idx];
    EventPlace ep = {p->name,
                     p->admin1 ? p->admin1 : "",
                     p->country ? p->country : "",
                     p->lat,
                     p->lon,
                     precision,
                     idx,
                     NULL};
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
    if (has_class(s, m->last, WC_ADMIN_WORDS))
        return true;
    /* "the province of Homs", "Homs Governorate" */
    if (token_is(c, s, m->first - 1, "of") && has_class(s, m->first - 2, WC_ADMIN_WORDS))
        return true;
    return false;
}

/* The governorate a sentence names ("in Hasakeh province"), or NULL. */
static const char *sentence_admin1(const Ctx *c, const Sentence *s)
{
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->place >= 0 && is_admin_phrase(c, s, m)) {
            const char *a = c->lex->places[m->place].admin1;
            if (a && *a)
                return a;
        }
    }
    return NULL;
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
    if (token_is(c, s, k, "of") && has_class(s, k - 1, WC_DIRECTIONS)) {
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
    if (s->is_title || i >= s->tok.count)
        return i;
    /* Most words asked are in lower case: a name can start only with a
     * capital, a connector ("al", "bin") or a figure ("17th Division"),
     * as the run below reads it. */
    const Token *first = &s->tok.items[i];
    if (!(first->flags & TOKEN_CAPITALISED) && !has_class(s, i, WC_NAME_CONNECTORS) &&
        !isdigit((unsigned char)c->doc->text[first->start]))
        return i;
    /* "Airstrikes Against IS Help Assad Government": a headline quoted in
     * the text (a caption, a related link), every word capitalised. A
     * preposition with a capital mid-sentence, in the run of capitalised
     * words just before, tells it: its capitalised words are no names. */
    for (int k = i - 1; k >= 0 && k >= i - 12 && capitalised(s, k); k--)
        if (!(s->tok.items[k].flags & TOKEN_SENTENCE_START) &&
            token_in(s, k,
                     (const char *const[]){"against", "in", "on", "at", "of", "for", "from", "with",
                                           "after", "over", "amid", NULL}))
            return i;
    int j = i;
    bool any_cap = false;
    while (j < s->tok.count) {
        const Token *t = &s->tok.items[j];
        if (s->ment_at[j] >= 0)
            break;
        if (j == i && has_class(s, j, WC_DEMONYMS))
            break; /* "Qatari officials": people, not a place */
        if (t->kind == TOKEN_WORD && (t->flags & TOKEN_CAPITALISED) &&
            !(t->flags & TOKEN_ALLCAPS && t->end - t->start <= 4) &&
            !has_class(s, j, WC_NOT_NAMES)) {
            any_cap = true;
            j++;
        } else if (t->kind == TOKEN_WORD && has_class(s, j, WC_NAME_CONNECTORS) &&
                   j + 1 < s->tok.count && capitalised(s, j + 1)) {
            j++;
        } else if (t->kind == TOKEN_WORD && j == i &&
                   isdigit((unsigned char)c->doc->text[t->start]) && capitalised(s, j + 1)) {
            j++; /* "17th Division" */
        } else {
            break;
        }
    }
    if (!any_cap)
        return i;
    /* "Warplanes from …": a capital at the start of a sentence or quote
     * says nothing; ask for a second capitalised word */
    bool at_start = (s->tok.items[i].flags & TOKEN_SENTENCE_START) || i == 0 ||
                    (s->tok.items[i - 1].kind == TOKEN_PUNCT && !is_punct(c, s, i - 1, ',') &&
                     !is_punct(c, s, i - 1, '('));
    if (at_start && j - i < 2)
        return i;
    /* do not end on a connector */
    while (j > i && has_class(s, j - 1, WC_NAME_CONNECTORS) && !capitalised(s, j - 1))
        j--;
    return j;
}

/* ---- Actors ------------------------------------------------------------------------- */

static bool actor_is_party(const Ctx *c, int actor)
{
    unsigned k = c->lex->actors[actor].kind_code;
    return k != ACTOR_KIND_MONITOR && k != ACTOR_KIND_AGENCY && k != ACTOR_KIND_POLITICAL;
}

/* Is the actor at [first, last) a supporter ("backed by X", "X-backed"),
 * a claimant ("X said", "according to X") or the object of a preposition
 * that makes it something other than the subject? */
static bool actor_is_aside(const Ctx *c, const Sentence *s, int first, int last)
{
    const char *text = c->doc->text;
    const Token *lt = &s->tok.items[last - 1];
    /* "US-backed", and "U.S.-backed" past the abbreviation's full stop */
    size_t end = lt->end;
    int next = last;
    while (next < s->tok.count && next < last + 2 && s->tok.items[next].kind == TOKEN_PUNCT &&
           s->tok.items[next].start == end && text[end] == '.' && end + 1 < s->span.end &&
           (text[end + 1] == '-' || text[end + 1] == '.')) {
        end = s->tok.items[next].end;
        next++;
    }
    if (next < s->tok.count && s->tok.items[next].kind == TOKEN_PUNCT &&
        s->tok.items[next].start == end && text[end] == '-')
        next++; /* the hyphen after a full stop is a token of its own */
    if (end < s->span.end && text[end] == '-' && next < s->tok.count &&
        (token_is(c, s, next, "backed") || token_is(c, s, next, "supported") ||
         token_is(c, s, next, "allied") || token_is(c, s, next, "sponsored") ||
         token_is(c, s, next, "trained") || token_is(c, s, next, "held") ||
         token_is(c, s, next, "controlled") || token_is(c, s, next, "run")))
        return true;
    /* "with Russian air support", "under Russian air cover": a helper */
    if (token_is(c, s, last - 1, "support") || token_is(c, s, last - 1, "cover"))
        return true;
    /* "Russian backed rebels" supports; "troops backed by Russian air
     * power" are themselves the subject */
    if ((token_is(c, s, last, "backed") && !token_is(c, s, last + 1, "by")) ||
        token_is(c, s, last, "said") || token_is(c, s, last, "says") ||
        token_is(c, s, last, "told") || token_is(c, s, last, "reported") ||
        token_is(c, s, last, "announced"))
        return true;
    for (int k = first - 1; k >= 0 && k >= first - 4; k--) {
        if (token_is(c, s, k, "backed") || token_is(c, s, k, "supported") ||
            token_is(c, s, k, "support") || token_is(c, s, k, "according") ||
            token_is(c, s, k, "help") || token_is(c, s, k, "aided") || token_is(c, s, k, "cover") ||
            token_is(c, s, k, "backing"))
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
            if (!actor_is_party(c, m->actor) || actor_is_aside(c, s, m->first, m->last) ||
                m->victim)
                continue;
            if (skip_side >= 0 && (int)actor_side(c, m->actor) == skip_side)
                continue;
            if (c->lex->actors[m->actor].side == SIDE_UNKNOWN) {
                /* "a US-backed alliance of Kurdish and Arab fighters": the
                 * named actor a few words before is who this is */
                for (int k = m->first - 1; k >= from && k >= m->first - 6; k--) {
                    if (is_punct(c, s, k, ',') || is_punct(c, s, k, ';'))
                        break;
                    int mk = s->ment_at[k];
                    if (mk >= 0 && s->ments[mk].actor >= 0 &&
                        c->lex->actors[s->ments[mk].actor].side != SIDE_UNKNOWN &&
                        actor_is_party(c, s->ments[mk].actor))
                        return mk;
                    if (mk >= 0 && s->ments[mk].trigger >= 0)
                        break;
                }
            }
            return mi;
        }
    } else {
        for (int j = from; j < to; j++) {
            int mi = s->ment_at[j];
            if (mi < 0 || s->ments[mi].actor < 0)
                continue;
            const Mention *m = &s->ments[mi];
            j = m->last - 1;
            if (!actor_is_party(c, m->actor) || actor_is_aside(c, s, m->first, m->last) ||
                m->victim)
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
    /* Most clauses name no actor after `from` at all: answer that from
     * the mention index before comparing any word with the list. When
     * they do, a word of the list can only lead to an actor from five
     * words before the first one to just before the last one: the words
     * outside that stretch need no comparing. */
    int first_actor = -1, last_actor = -1;
    for (int k = from + 1; k < to; k++) {
        if (s->ment_at[k] >= 0 && s->ments[s->ment_at[k]].actor >= 0) {
            if (first_actor < 0)
                first_actor = k;
            last_actor = k;
        }
    }
    if (first_actor < 0)
        return -1;
    uint32_t letters = first_letters(preps);
    int start = first_actor - 5 > from ? first_actor - 5 : from;
    for (int j = start; j < last_actor; j++) {
        if (!token_starts_in(s, j, letters) || !token_in(s, j, preps))
            continue;
        for (int k = j + 1; k < to && k <= j + 5; k++) {
            int mi = s->ment_at[k];
            if (mi >= 0 && s->ments[mi].actor >= 0 && actor_is_party(c, s->ments[mi].actor) &&
                !token_is(c, s, s->ments[mi].last - 1, "support") &&
                !token_is(c, s, s->ments[mi].last - 1, "cover"))
                return mi; /* not "with Russian air support": a helper */
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
    /* Both scans run over most of the sentence for every trigger: a
     * token's kind is asked once, and its mark read only for punctuation
     * (what is_punct() asks, without asking it twice). */
    const Token *items = s->tok.items;
    const char *text = c->doc->text;
    int a = t0;
    while (a > 0) {
        if (a - 1 < s->tok.count && items[a - 1].kind == TOKEN_PUNCT) {
            char ch = text[items[a - 1].start];
            if (ch == ';')
                break;
            if (ch == ',' && (token_is(c, s, a, "while") || token_is(c, s, a, "whereas") ||
                              token_is(c, s, a, "but") || token_is(c, s, a, "although")))
                break;
        }
        a--;
    }
    int b = t1 < 0 ? 0 : t1; /* is_punct() asked nothing of a negative index */
    while (b < s->tok.count) {
        const Token *t = &items[b];
        if (t->kind == TOKEN_PUNCT) {
            char ch = text[t->start];
            if (ch == ';')
                break;
            if (ch == ',' && (token_is(c, s, b + 1, "while") || token_is(c, s, b + 1, "whereas") ||
                              token_is(c, s, b + 1, "but") || token_is(c, s, b + 1, "although") ||
                              token_is(c, s, b + 1, "as") || token_is(c, s, b + 1, "which")))
                break;
        }
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
        if (token_is(c, s, j, "if") || token_is(c, s, j, "unless") || token_is(c, s, j, "whether"))
            return true;
        if (has_class(s, j, WC_MODAL_WORDS) && t0 - j <= 8)
            return true;
    }
    /* the words just before: "to capture", "not yet taken", "plans to" */
    int k = t0 - 1;
    int seen = 0;
    while (k >= c0 && seen < 4) {
        if (token_is(c, s, k, "to") && seen == 0)
            return true;
        if (has_class(s, k, WC_NEGATIONS) || token_is(c, s, k, "yet"))
            return true;
        if (has_class(s, k, WC_PLAN_WORDS))
            return true;
        if (!has_class(s, k, WC_ADVERBS) && !has_class(s, k, WC_PASSIVE_AUX) &&
            !token_is(c, s, k, "the"))
            seen++;
        k--;
    }
    return false;
}

/* "the besieged city", "its liberation": adjectival uses of verb triggers.
 * Nouns are fine ("the siege" is resolved by its verb, "the fighting" is a
 * clash). */
static bool adjectival(const Ctx *c, const Sentence *s, int t0, int t1, unsigned frame)
{
    if (frame == FRAME_SIEGE_IMPOSED || frame == FRAME_TERRITORY_GAIN) {
        const char *f = fold_of(s, t1 - 1);
        size_t n = strlen(f);
        bool past = n > 2 && str_eq(f + n - 2, "ed");
        if (past && (token_is(c, s, t0 - 1, "the") || token_is(c, s, t0 - 1, "a") ||
                     token_is(c, s, t0 - 1, "newly") || token_is(c, s, t0 - 1, "its") ||
                     token_is(c, s, t0 - 1, "their")))
            return true;
        /* "SAA-liberated Castello road" keeps its actor: handled as a gain */
    }
    return false;
}

/* A quotation mark, straight or curly: scare quotes around a verb ("had
 * been "liberated"") do not break the verb group. */
static bool is_quote(const Ctx *c, const Sentence *s, int i)
{
    if (i < 0 || i >= s->tok.count || s->tok.items[i].kind != TOKEN_PUNCT)
        return false;
    const unsigned char *t = (const unsigned char *)c->doc->text + s->tok.items[i].start;
    return t[0] == '"' || t[0] == '\'' ||
           (t[0] == 0xE2 && t[1] == 0x80 && t[2] >= 0x98 && t[2] <= 0x9F);
}

static bool is_passive(const Ctx *c, const Sentence *s, int t0, int t1)
{
    for (int k = t0 - 1, n = 0; k >= 0 && n < 3; k--) {
        if (is_quote(c, s, k))
            continue;
        n++;
        if (has_class(s, k, WC_PASSIVE_AUX))
            return true;
        if (!has_class(s, k, WC_ADVERBS))
            break;
    }
    /* reduced passive with an agent: "Palmyra, recaptured by …" */
    return token_is(c, s, t1, "by");
}

/* ---- Events ---------------------------------------------------------------------------- */

static Event *new_event(Ctx *c, int sentence, int trigger_token, const Trigger *tr)
{
    if (c->event_count == c->event_cap) {
        /* not zeroed: each event is cleared below when it is made */
        int cap = c->event_cap ? c->event_cap * 2 : 16;
        Event *events = arena_alloc_uninit(c->arena, (size_t)cap * sizeof *events);
        EventNote *notes = arena_alloc_uninit(c->arena, (size_t)cap * sizeof *notes);
        if (c->event_count) {
            memcpy(events, c->events, (size_t)c->event_count * sizeof *events);
            memcpy(notes, c->notes, (size_t)c->event_count * sizeof *notes);
        }
        c->events = events;
        c->notes = notes;
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
    note->frame_code = tr->frame_code;
    note->victim_actor = -1;
    return ev;
}

static void add_place(Ctx *c, Event *ev, EventPlace p)
{
    for (int i = 0; i < ev->place_count; i++)
        if (str_eq(ev->places[i].name, p.name))
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
static void collect_places(Ctx *c, const Sentence *s, Event *ev, int from, int to, bool unknown_ok)
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
        /* "fled toward the Euphrates", "left towards Jarablus": where
         * people went, not where anything happened (asked only of the
         * words that may be places: most are not) */
        bool maybe_place =
            mi >= 0 ? s->ments[mi].place >= 0 : unknown_ok && s->tok.items[j].kind == TOKEN_WORD;
        bool toward = false;
        if (maybe_place) {
            int before = token_is(c, s, j - 1, "the") ? j - 2 : j - 1;
            toward = token_is(c, s, before, "toward") || token_is(c, s, before, "towards");
        }
        if (mi >= 0 && s->ments[mi].place >= 0) {
            const Mention *m = &s->ments[mi];
            j = m->last - 1;
            const Place *pl = &c->lex->places[m->place];
            if (is_country(pl) || toward)
                continue;
            if (is_admin_phrase(c, s, m)) {
                if (admin_count < 2)
                    admin[admin_count++] = admin1_place(c, m->place);
                continue;
            }
            const char *rel = relation_before(c, s, m->first);
            EventPlace p = place_from_index(c, m->place, NULL);
            const char *named = sentence_admin1(c, s);
            if (named && pl->admin1 && !str_eq(named, pl->admin1) && pl->population < 100000 &&
                !is_admin1(pl) && !(pl->classes & (PLACE_PPLA | PLACE_PPLC))) {
                /* "Qassiab in Hasakeh province" read as a namesake
                 * elsewhere: keep the name as written, in the governorate
                 * the sentence names */
                const Token *a = &s->tok.items[m->first], *b = &s->tok.items[m->last - 1];
                p = (EventPlace){span_text(c, a->start, b->end), named, "", 0, 0, "near", -1, NULL};
            }
            if (rel && !str_eq(rel, "near") && !str_eq(rel, "outskirts of")) {
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
        if (!unknown_ok || s->tok.items[j].kind != TOKEN_WORD || toward)
            continue;
        if (j > from && capitalised(s, j - 1) && s->ment_at[j - 1] < 0 &&
            !has_class(s, j - 1, WC_NOT_NAMES))
            continue; /* inside a name already rejected */
        int e = unknown_name(c, s, j);
        if (e > j) {
            const Token *a = &s->tok.items[j], *b = &s->tok.items[e - 1];
            EventPlace p = {span_text(c, a->start, b->end), "", "", 0, 0, "near", -1, NULL};
            const char *rel = relation_before(c, s, j);
            if (rel && !str_eq(rel, "near"))
                p.relation = rel;
            add_place(c, ev, p);
            j = e - 1;
        }
    }
    /* Unknown names take the governorate of their anchor, or of the
     * governorate named in the sentence, or the article's. */
    const char *admin1 = anchor_count  ? anchors[0].admin1
                         : admin_count ? admin[0].admin1
                                       : c->admin1_context;
    for (int i = first_new; i < ev->place_count; i++) {
        EventPlace *p = &ev->places[i];
        if (p->place < 0) {
            p->admin1 = admin1 ? admin1 : "";
            p->country = anchor_count ? anchors[0].country : admin_count ? admin[0].country : "";
            if (anchor_count && !p->relation) {
                p->relation = anchors[0].relation;
                if (anchors[0].name)
                    p->relation =
                        arena_printf(c->arena, "%s %s", anchors[0].relation, anchors[0].name);
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

/* Where the object of a verb ends: a new clause ("…, creating conditions
 * for an advance on X"), a purpose or a time clause. */
static int object_end(const Ctx *c, const Sentence *s, int from, int to)
{
    for (int j = from; j < to; j++) {
        /* "for", "after", "which", "when", "to", … (WC_CLAUSE_STOPS) */
        if (has_class(s, j, WC_CLAUSE_STOPS) && !(token_is(c, s, j, "to") && j == from))
            return j;
        if (is_punct(c, s, j, ',') && j + 1 < to) {
            const char *f = fold_of(s, j + 1);
            size_t n = strlen(f);
            if (n > 4 && str_eq(f + n - 3, "ing") && s->ment_at[j + 1] < 0 &&
                !str_eq(f, "including"))
                return j;
        }
    }
    return to;
}

/* "the city", "the town", "it": the place named last. */
int same_time_cue(const Sentence *s)
{
    static const char *const spans[] = {"hours", "minutes", "moments", NULL};
    static const char *const refs[] = {"strike", "strikes", "airstrikes", "raid",     "raids",
                                       "attack", "attacks", "bombing",    "shelling", NULL};
    if (!s->has_later && !s->has_after)
        return -1; /* both cues need one of the two words (sentence_scan) */
    for (int i = 1; i < s->tok.count; i++) {
        if (token_is(NULL, s, i, "later") && token_in(s, i - 1, spans))
            return i;
        /* "after the strikes", not "after the strikes on Monday's convoy" */
        if (token_is(NULL, s, i, "after") && token_is(NULL, s, i + 1, "the") &&
            token_in(s, i + 2, refs) &&
            (i + 3 >= s->tok.count || s->tok.items[i + 3].kind != TOKEN_WORD ||
             token_in(s, i + 3, (const char *const[]){"before", "and", "by", NULL})))
            return i;
    }
    return -1;
}

static bool has_place_coref(const Ctx *c, const Sentence *s, int from, int to)
{
    for (int j = from; j < to; j++) {
        if ((token_is(c, s, j, "the") || token_is(c, s, j, "this") || token_is(c, s, j, "that")) &&
            has_class(s, j + 1, WC_COREF_PLACE_WORDS))
            return true;
        if ((token_is(c, s, j, "it") || token_is(c, s, j, "there")) && j > from)
            return true;
    }
    return false;
}

/* "after liberating", ", capturing": the doer is the subject of the
 * clause, not the nearest name before. */
static bool participle(const Ctx *c, const Sentence *s, int t0)
{
    const char *f = fold_of(s, t0);
    size_t n = strlen(f);
    if (n < 5 || !str_eq(f + n - 3, "ing"))
        return false;
    return token_is(c, s, t0 - 1, "after") || token_is(c, s, t0 - 1, "before") ||
           token_is(c, s, t0 - 1, "while") || token_is(c, s, t0 - 1, "by") ||
           token_is(c, s, t0 - 1, "when") || is_punct(c, s, t0 - 1, ',');
}

/* The first eligible actor of the clause: its subject. */
static int clause_subject(const Ctx *c, const Sentence *s, int c0, int t0)
{
    int mi = find_actor(c, s, c0, t0, +1, -1);
    return mi >= 0 ? mi : find_actor(c, s, c0, t0, -1, -1);
}

/* Is token k a word of reported speech ("said", "told", "announced", …)
 * but not "according" (actor_is_aside reads "according to X")? */
static bool speech_verb(const Ctx *c, const Sentence *s, int k)
{
    return has_class(s, k, WC_SPEECH_VERBS) && !token_is(c, s, k, "according");
}

/* Does the reported clause after token k start with the speaker's own
 * pronoun ("… said it struck", "… told reporters that we took")? */
static bool speaker_pronoun_at(const Ctx *c, const Sentence *s, int n)
{
    return token_is(c, s, n, "it") || token_is(c, s, n, "its") || token_is(c, s, n, "we") ||
           token_is(c, s, n, "they") || token_is(c, s, n, "our") || token_is(c, s, n, "their");
}

/* Where the reported words begin after the speech verb at k: past an
 * addressee and "that" ("told President X that …"), else just after the
 * verb. Returns -1 when the words are the speaker's own deed ("said it
 * struck"), which leaves the speaker as the doer. */
static int reported_start(const Ctx *c, const Sentence *s, int k, int t0)
{
    int n = k + 1;
    for (int j = k + 1; j < t0 && j <= k + 10; j++) {
        if (s->ment_at[j] >= 0 && s->ments[s->ment_at[j]].trigger >= 0)
            break;
        if (token_is(c, s, j, "that")) {
            n = j + 1;
            break;
        }
    }
    /* "said Thursday it had agreed", "said one of its warships fired",
     * "said their fighters had taken": the speaker's own deed */
    for (int j = n; j < t0 && j < n + 4; j++)
        if (speaker_pronoun_at(c, s, j))
            return -1;
    return n;
}

/* Is the actor mention [first, last) the speaker or the addressee of a
 * speech verb whose reported words hold the trigger at t0 ("Russia has
 * said …", "Defence Minister X told President Y that the town had been
 * taken")? A speaker is the claimant, not the doer, unless the reported
 * words are its own deed. Returns the token where the reported words
 * begin, or -1. */
static int speech_between(const Ctx *c, const Sentence *s, int first, int last, int t0)
{
    /* the speaker: the verb follows after a title or a name, an auxiliary
     * or an adverb ("Russia has said", "the ministry's spokesman Igor X
     * told") */
    for (int k = last; k < t0 && k < last + 7; k++) {
        if (speech_verb(c, s, k))
            return reported_start(c, s, k, t0);
        if (is_punct(c, s, k, ',') || is_punct(c, s, k, ';') || is_punct(c, s, k, ':') ||
            is_punct(c, s, k, '('))
            break;
        if (s->ment_at[k] >= 0 && s->ments[s->ment_at[k]].trigger >= 0)
            break;
    }
    /* the addressee: "told (President) Y that …" */
    for (int k = first - 1; k >= 0 && k >= first - 3; k--) {
        if (token_is(c, s, k, "told") || token_is(c, s, k, "tells") ||
            token_is(c, s, k, "telling")) {
            int n = reported_start(c, s, k, t0);
            return n > last && n <= t0 ? n : -1;
        }
        if (!capitalised(s, k))
            break;
    }
    return -1;
}

/* A state that speaks of its own weapons is the doer: "Russia said its
 * aircraft had flown 40 sorties", "the Russian defence ministry said a
 * frigate had fired cruise missiles". find_actor passes over a speaker (it
 * is the claimant), so when the clause names no doer this looks for the
 * speaker of a speech verb before the trigger t0 whose reported words are
 * its own deed: they start with its pronoun, or name a weapon carrier
 * with no owner ("a frigate", "warplanes"). Returns the doer's actor
 * index (a ministry gives its state) or -1. Monitors and agencies never
 * own weapons. */
static int speaker_as_doer(const Ctx *c, const Sentence *s, int t0)
{
    static const char *const carriers[] = {"aircraft",  "warplanes", "warplane",    "jets",
                                           "planes",    "bombers",   "helicopters", "drones",
                                           "frigate",   "warship",   "warships",    "ship",
                                           "submarine", "navy",      "artillery",   NULL};
    for (int k = 1; k < t0; k++) {
        if (!speech_verb(c, s, k) || token_is(c, s, k, "reported"))
            continue;
        int speaker = -1;
        for (int j = k - 1; j >= 0 && j >= k - 4 && speaker < 0; j--) {
            int mi = s->ment_at[j];
            if (mi >= 0 && s->ments[mi].actor >= 0)
                speaker = s->ments[mi].actor;
            else if (s->tok.items[j].kind != TOKEN_WORD && !is_quote(c, s, j))
                break;
        }
        if (speaker < 0)
            return -1;
        const Actor *a = &c->lex->actors[speaker];
        if (a->side == SIDE_UNKNOWN || a->side == SIDE_CIVILIANS ||
            a->kind_code == ACTOR_KIND_MONITOR || a->kind_code == ACTOR_KIND_AGENCY)
            return -1;
        int n = reported_start(c, s, k, t0);
        bool own = n < 0;
        for (int j = n; !own && j >= 0 && j < t0; j++) {
            if (s->ment_at[j] >= 0 && s->ments[s->ment_at[j]].actor >= 0)
                return -1; /* an owner is named: "said Syrian aircraft" */
            own = token_in(s, j, carriers);
        }
        if (!own)
            return -1;
        /* a ministry speaks for its state */
        while (c->lex->actors[speaker].parent >= 0 &&
               c->lex->actors[speaker].kind_code == ACTOR_KIND_POLITICAL)
            speaker = c->lex->actors[speaker].parent;
        return speaker;
    }
    return -1;
}

/* ---- Frame filling --------------------------------------------------------------------- */

/* "the city had been liberated", with no "by": the winner is the one an
 * earlier territory event of the article gives for the same place (the
 * lead's "the army took back Palmyra"), not whoever speaks or listens. */
static void actor_of_earlier_capture(const Ctx *c, Event *ev)
{
    const EventPlace *p = &ev->places[0];
    for (int e = 0; e < c->event_count - 1; e++) {
        const Event *o = &c->events[e];
        const EventNote *n = &c->notes[e];
        if (!frame_code_is_territory(n->frame_code) || !o->has_actor1 || !o->has_place)
            continue;
        bool same = (p->place >= 0 && o->place.place == p->place) ||
                    (o->place.name && p->name && str_eq(o->place.name, p->name));
        if (!same)
            continue;
        ev->has_actor1 = true;
        ev->actor1 = o->actor1;
        if (!ev->has_actor2 && o->has_actor2) {
            ev->has_actor2 = true;
            ev->actor2 = o->actor2;
        }
        return;
    }
}

static bool government_side(Side s)
{
    return s == SIDE_GOVERNMENT || s == SIDE_RUSSIA || s == SIDE_IRAQ;
}

static const char *const from_words[] = {"from", NULL};
static const char *const by_words[] = {"by", NULL};
static const char *const to_words[] = {"to", "into", NULL};
static const char *const against_words[] = {"with",      "against",  "on",   "at",
                                            "targeting", "targeted", "upon", NULL};

void frames_fill(Ctx *c, int si)
{
    Sentence *s = &c->sents[si];
    const Lexicon *lex = c->lex;
    if (s->aside == ASIDE_TAGS || s->aside == ASIDE_REPEAT)
        return; /* "Tags Syria Aleppo airstrikes": key words, not events */
    for (int mi = 0; mi < s->ment_count; mi++) {
        const Mention *m = &s->ments[mi];
        if (m->trigger < 0)
            continue;
        const Trigger *tr = &lex->triggers[m->trigger];
        unsigned fc = tr->frame_code; /* the frame, coded at load */
        int t0 = m->first, t1 = m->last;
        int c0, c1;
        clause_bounds(c, s, t0, t1, &c0, &c1);
        if (fc == FRAME_INJURED)
            continue; /* attached to events below, never one itself */
        if (not_an_event(c, s, c0, t0) || adjectival(c, s, t0, t1, fc)) {
            continue;
        }

        bool passive = is_passive(c, s, t0, t1);
        int a1 = -1, a2 = -1;
        Event probe_ev;
        memset(&probe_ev, 0, sizeof probe_ev);

        /* ---- siege: the verb before the noun decides */
        const char *sub = tr->sub_event_type;
        if (fc == FRAME_SIEGE) {
            static const char *const breakers[] = {"broke",  "break",  "breaking", "breaks",
                                                   "broken", "lifted", "lift",     "lifting",
                                                   "ended",  "end",    "ending",   NULL};
            static const char *const imposers[] = {"laid",     "lay",       "lays",
                                                   "laying",   "imposed",   "impose",
                                                   "imposing", "tightened", NULL};
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
            fc = broken ? FRAME_SIEGE_BROKEN : FRAME_SIEGE_IMPOSED;
        }

        /* "the ceasefire agreed with Washington a week earlier": an
         * agreement named by what it was, not one made now */
        if (fc == FRAME_AGREEMENT) {
            static const char *const pacts[] = {"ceasefire", "cease-fire", "truce",
                                                "deal",      "agreement",  NULL};
            if ((token_is(c, s, t0, "agreed") && token_in(s, t0 - 1, pacts)) ||
                (token_in(s, t1 - 1, pacts) && token_is(c, s, t1, "agreed")))
                continue;
        }
        Event *ev = new_event(c, si, t0, tr);
        EventNote *note = &c->notes[c->event_count - 1];
        ev->sub_event_type = sub;
        note->frame_code = (uint8_t)fc;
        /* weak nouns: "a deal", "the attack" (but "forces attacked the
         * village" is a verb with a doer and a target) */
        const char *tw = fold_of(s, t1 - 1);
        size_t twn = strlen(tw);
        bool verb_form = twn > 4 && (str_eq(tw + twn - 2, "ed") || str_eq(tw + twn - 3, "ing"));
        note->generic = fc == FRAME_AGREEMENT || (fc == FRAME_ATTACK && !verb_form) ||
                        fc == FRAME_KILLED || fc == FRAME_LOOTING || fc == FRAME_DRONE_DOWNED ||
                        fc == FRAME_ARREST;

        /* ---- actors and places by frame */
        int places_from = t1, places_to = c1;
        bool unknown_ok = false;
        int loser = -1;
        if (frame_code_is_territory(fc) || fc == FRAME_ADVANCE || fc == FRAME_SIEGE_BROKEN ||
            fc == FRAME_SIEGE_IMPOSED) {
            unknown_ok = true;
            bool fell = fc == FRAME_TERRITORY_FELL;
            bool loss = fc == FRAME_TERRITORY_LOSS;
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
                places_to = object_end(c, s, t1, c1);
                if (passive) {
                    a1 = actor_after_word(c, s, t1 - 1, c1, by_words);
                    places_from = c0;
                    places_to = t0;
                } else if (participle(c, s, t0)) {
                    a1 = clause_subject(c, s, c0, t0);
                } else {
                    a1 = find_actor(c, s, c0, t0, -1, -1);
                }
                loser = actor_after_word(c, s, t1, c1, from_words);
                /* "drove government troops out of Palmyra" */
                for (int k = t1 + 1; loser < 0 && k < c1 - 1 && k <= t1 + 5; k++)
                    if (token_is(c, s, k, "out") && token_is(c, s, k + 1, "of"))
                        loser = find_actor(c, s, t1, k, +1, -1);
            }
            if (a2 < 0)
                a2 = loser;
            if (a2 < 0 && fc == FRAME_SIEGE_IMPOSED)
                a2 = find_actor(c, s, t1, s->tok.count, +1,
                                a1 >= 0 ? (int)actor_side(c, s->ments[a1].actor) : -1);
        } else if (fc == FRAME_AGREEMENT) {
            a1 = find_actor(c, s, 0, s->tok.count, +1, -1);
            if (a1 >= 0)
                a2 = find_actor(c, s, s->ments[a1].last, s->tok.count, +1,
                                (int)actor_side(c, s->ments[a1].actor));
            places_from = 0;
            places_to = s->tok.count;
        } else {
            unknown_ok = fc != FRAME_KILLED && fc != FRAME_PROTEST;
            places_to = object_end(c, s, t1, c1);
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
            if (a1 < 0 && !passive && participle(c, s, t0))
                a1 = clause_subject(c, s, c0, t0);
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
        if (a2 < 0 && !frame_code_is_territory(fc) && fc != FRAME_AGREEMENT && fc != FRAME_KILLED) {
            int k = find_actor(c, s, t1, c1 < t1 + 6 ? c1 : t1 + 6, +1,
                               a1 >= 0 ? (int)actor_side(c, s->ments[a1].actor) : -1);
            if (k >= 0)
                a2 = k;
        }

        /* "Russia has said poison gas leaked from a rebel depot": a state
         * that speaks is the claimant, not the doer, unless it says it did
         * it ("Israel said it struck …") */
        int pronouns_from = c0;
        if (a1 >= 0 && s->ments[a1].last <= t0) {
            int sp = speech_between(c, s, s->ments[a1].first, s->ments[a1].last, t0);
            if (sp >= 0) {
                /* the doer, if any, is named in the reported words */
                a1 = sp < t0 ? find_actor(c, s, sp, t0, -1, -1) : -1;
                pronouns_from = sp;
            }
        }
        /* "met stiff resistance from car bombs", "came under fire from
         * shelling": the subject is on the receiving end */
        bool receiving = a1 >= 0 && a2 < 0 && !frame_code_is_territory(fc) &&
                         token_is(c, s, t0 - 1, "from") && s->ments[a1].last <= t0;
        if (receiving) {
            a2 = a1;
            a1 = -1;
        }
        /* "the militants …, and … civilians were killed in airstrikes":
         * armed groups fly drones, not warplanes */
        if (a1 >= 0 && fc == FRAME_STRIKE && !strstr(tr->phrase, "drone")) {
            Side s1 = actor_side(c, s->ments[a1].actor);
            if (s1 == SIDE_OPPOSITION || s1 == SIDE_ISLAMIC_STATE || s1 == SIDE_HTS ||
                s1 == SIDE_SDF)
                a1 = -1;
        }
        /* civilians are hit, they do not fight, bomb or gas anyone ("6
         * people, including … children, were killed"); they protest */
        if (a1 >= 0 && fc != FRAME_PROTEST &&
            c->lex->actors[s->ments[a1].actor].side == SIDE_CIVILIANS) {
            if (a2 < 0)
                a2 = a1;
            a1 = -1;
        }
        int own_speaker = a1 < 0 && !passive && !receiving && !frame_code_is_territory(fc)
                              ? speaker_as_doer(c, s, t0)
                              : -1;
        if (a1 >= 0) {
            ev->has_actor1 = true;
            ev->actor1 = make_actor(c, s->ments[a1].actor);
        } else if (own_speaker >= 0) {
            ev->has_actor1 = true;
            ev->actor1 = make_actor(c, own_speaker);
        } else if (!passive && !receiving) {
            /* "they", "the group": the last subject (not in a passive: "now
             * that it has been liberated" is the place, not the doer) */
            for (int k = pronouns_from; k < t0; k++)
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
        /* "took Palmyra", "took the town", "took control of X": a weak verb
         * captures only a place that is its object ("it takes every
         * precaution" is no capture, whatever the sentence names) */
        bool take_object = fc != FRAME_TERRITORY_TAKE || places_from != t1 || ev->place_count > 0 ||
                           token_is(c, s, t1, "it") || has_place_coref(c, s, t1, places_to);
        if (ev->place_count == 0 && !(places_from == 0 && places_to == s->tok.count)) {
            /* the rest of the clause, then the sentence */
            /* "at IS targets near the city": the target named before
             * comes ahead of where the shooter stands ("a warship in the
             * Mediterranean fired …") */
            if (places_from == t1 && c->has_last_place && !frame_code_is_territory(fc) &&
                has_place_coref(c, s, t1, places_to))
                add_place(c, ev, c->last_place);
            if (ev->place_count == 0 && places_from == t1)
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
        /* "Hours later, a rocket hit one of the clinics": where the event
         * before was */
        bool coarse = true; /* no place, or only governorates */
        for (int i = 0; i < ev->place_count; i++)
            coarse &= str_eq(ev->places[i].precision, "admin1");
        bool later = coarse && c->event_count >= 2 && same_time_cue(s) >= 0;
        for (int e = c->event_count - 2; later && e >= 0; e--) {
            const Event *o = &c->events[e];
            const EventNote *on = &c->notes[e];
            if (on->sentence < si && !on->dropped && !on->killed_only && o->has_place &&
                !str_eq(o->place.precision, "admin1")) {
                add_place(c, ev, o->place);
                break;
            }
        }
        if (ev->place_count > 0 && frame_code_is_territory(fc) && passive && a1 < 0 &&
            !ev->has_actor1) {
            actor_of_earlier_capture(c, ev);
            /* reported speech with no capture to lean on: the winner
             * stays unknown rather than the article's main side */
            for (int k = 0; k < t0 && !ev->has_actor1; k++)
                if (speech_verb(c, s, k))
                    note->no_winner = true;
        }
        if (ev->place_count > 0) {
            /* the finest place first: a village before its governorate */
            int best = 0;
            for (int i = 0; i < ev->place_count; i++)
                if ((str_eq(ev->places[best].precision, "admin1") &&
                     !str_eq(ev->places[i].precision, "admin1")) ||
                    (place_is_sea(lex, ev->places[best].place) &&
                     !place_is_sea(lex, ev->places[i].place)))
                    best = i;
            ev->has_place = true;
            ev->place = ev->places[best];
        }

        /* ---- an air force "targeted", "attacked", "struck": an air strike */
        if ((fc == FRAME_ATTACK || fc == FRAME_CLASH) && ev->has_actor1 && ev->actor1.name &&
            (strstr(ev->actor1.name, "Air Force") || strstr(ev->actor1.name, "Aerospace") ||
             strstr(ev->actor1.name, "Air Force"))) {
            ev->event_type = "Explosions/Remote violence";
            ev->sub_event_type = "Air/drone strike";
            note->frame_code = FRAME_STRIKE;
        }

        /* ---- "Warplanes of the coalition struck …", "a rocket hit …": a
         * generic attack verb whose subject is an aircraft or a projectile */
        if (fc == FRAME_ATTACK && !passive &&
            (verb_form ||
             !token_in(s, t1 - 1,
                       (const char *const[]){"attack", "attacks", "assault", "assaults",
                                             "offensive", "raid", "raids", NULL}))) {
            static const char *const aircraft[] = {
                "warplanes", "warplane",    "jets",       "jet",    "aircraft", "planes", "plane",
                "bombers",   "helicopters", "helicopter", "drones", "drone",    NULL};
            static const char *const projectiles[] = {"rocket",   "rockets", "missile",
                                                      "missiles", "shell",   "shells",
                                                      "mortar",   "mortars", NULL};
            for (int k = c0; k < t0 && k < c0 + 6; k++) {
                if (token_in(s, k, aircraft) || token_in(s, k, projectiles)) {
                    bool air = token_in(s, k, aircraft);
                    ev->event_type = "Explosions/Remote violence";
                    ev->sub_event_type =
                        air ? "Air/drone strike" : "Shelling/artillery/missile attack";
                    note->frame_code = air ? FRAME_STRIKE : FRAME_SHELLING;
                    break;
                }
                /* the subject's head comes first: determiners, names, sides,
                 * a dateline's dash */
                if (!(token_is(c, s, k, "the") || token_is(c, s, k, "a") ||
                      token_is(c, s, k, "an") || s->ment_at[k] >= 0 || capitalised(s, k) ||
                      s->tok.items[k].kind == TOKEN_PUNCT))
                    break;
            }
        }

        /* ---- territory sub-type from the winner */
        if (frame_code_is_territory(fc)) {
            if (ev->has_actor1) {
                ev->event_type = "Battles";
                ev->sub_event_type = government_side(ev->actor1.side)
                                         ? "Government regains territory"
                                         : "Non-state actor overtakes territory";
            } else if (fc == FRAME_TERRITORY_LOSS) {
                ev->event_type = "Strategic developments";
                ev->sub_event_type = "Non-violent transfer of territory";
            } else {
                ev->event_type = "Battles";
                ev->sub_event_type = "Non-state actor overtakes territory";
            }
            if (fc == FRAME_TERRITORY_LOSS && !ev->has_actor1 && ev->has_actor2 &&
                ev->actor2.side == SIDE_UNKNOWN) {
                ev->has_actor2 = false;
            }
        }
        if (fc == FRAME_TERRITORY_TAKE &&
            (ev->place_count == 0 || !take_object || token_is(c, s, t1, "place"))) {
            /* "took" with no place after it, or "took place", is not a capture */
            c->event_count--; /* "took" with no place after it is not a capture */
            continue;
        }
        if (frame_code_is_territory(fc) && ev->place_count == 0 && !ev->has_actor1) {
            c->event_count--;
            continue;
        }
        if (ev->has_actor1 && a1 >= 0)
            c->last_subject_actor = s->ments[a1].actor;
        (void)probe_ev;
    }
}
