/*
 * dates.c — resolving the date expressions of reporting ("on Thursday",
 * "yesterday", "earlier this week", "last month", "in March", "Dec. 30",
 * "Monday 5 September") against the date of the article that contains them.
 *
 * The reference date may be partial: a year alone (month 0) when the article
 * is undated but the document says which year it is about. Expressions that
 * need the day ("yesterday", a bare weekday) then fail rather than guess.
 *
 * Conventions (from the seed gold):
 *  - a weekday is the most recent such day on or before the article date
 *    ("Thursday" in a Friday 25 Aug story is 24 Aug; "Tuesday" in a Tuesday
 *    story is that day); "last Thursday" is strictly before;
 *  - a month and day without a year take the article's year, or the year
 *    before when that would put them more than a week after the article
 *    ("Dec. 30" in a January story is the previous December);
 *  - a month alone is the most recent such month on or before the article;
 *  - vague spans get a coarser precision and the earliest plausible day of
 *    the span ("earlier this week" is the Monday of the article's week).
 */
#include "extract.h"
#include "ascii.h"

#include <stdint.h>
#include <string.h>

const char *date_precision_name(DatePrecision p)
{
    switch (p) {
    case PRECISION_DAY:
        return "day";
    case PRECISION_WEEK:
        return "week";
    case PRECISION_MONTH:
        return "month";
    case PRECISION_YEAR:
        return "year";
    case PRECISION_NONE:
        break;
    }
    return NULL;
}

/* ---- A tiny scanner over the raw bytes ---------------------------------- */

/* resolve_date_expression() is asked at every number, calendar word and
 * preposition of the text, and most of them are no date. So a word is not
 * copied or lower-cased when read: it is compared in place, against words
 * of known length, and the length rejects nearly all of them (bytes are
 * tested with ascii.h, not the libc calls). */

typedef enum { W_END, W_WORD, W_NUM, W_PUNCT } WordKind;

typedef struct Word {
    WordKind kind;
    const char *text; /* the letters or digits, in the input */
    size_t end;       /* offset after the word in the input */
    size_t len;       /* how many (not counting an ordinal suffix) */
    long value;       /* W_NUM */
    char punct;       /* W_PUNCT: the ASCII byte, or '\'' for a curly one */
} Word;

/* Reads the word at *pos (skipping spaces, including U+00A0). */
static Word next_word(const char *s, size_t n, size_t *pos)
{
    Word w = {0};
    size_t i = *pos;
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    w.text = s + i;
    if (i >= n) {
        w.kind = W_END;
        w.end = i;
        *pos = i;
        return w;
    }
    unsigned char c = (unsigned char)s[i];
    if (ascii_alpha(c)) {
        while (i < n && ascii_alpha((unsigned char)s[i]))
            i++;
        w.len = (size_t)(s + i - w.text);
        w.kind = W_WORD;
    } else if (ascii_digit(c)) {
        long v = 0;
        while (i < n && ascii_digit((unsigned char)s[i])) {
            if (v < 100000000)
                v = v * 10 + (s[i] - '0');
            i++;
        }
        w.len = (size_t)(s + i - w.text);
        /* ordinal suffixes: "23rd", "1st" */
        if (i + 1 < n &&
            ((s[i] == 's' && s[i + 1] == 't') || (s[i] == 'n' && s[i + 1] == 'd') ||
             (s[i] == 'r' && s[i + 1] == 'd') || (s[i] == 't' && s[i + 1] == 'h')) &&
            (i + 2 >= n || !ascii_alpha((unsigned char)s[i + 2])))
            i += 2;
        w.kind = W_NUM;
        w.value = v;
    } else if (i + 2 < n && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
        w.kind = W_PUNCT;
        w.punct = '\'';
        i += 3;
    } else if (i + 2 < n && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
        w.kind = W_PUNCT; /* en and em dashes */
        w.punct = '-';
        i += 3;
    } else {
        w.kind = W_PUNCT;
        w.punct = (char)c;
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++; /* rest of a multibyte character */
    }
    w.end = i;
    *pos = i;
    return w;
}

static Word peek_word(const char *s, size_t n, size_t pos)
{
    return next_word(s, n, &pos);
}

/* Is w the word lit (lower case, len bytes), in any case? */
static inline bool word_is(const Word *w, const char *lit, size_t len)
{
    if (w->kind != W_WORD || w->len != len)
        return false;
    for (size_t j = 0; j < len; j++)
        if (ascii_lower((unsigned char)w->text[j]) != lit[j])
            return false;
    return true;
}
/* is(&w, "may"): the literal's length is known at compile time. */
#define is(w, lit) word_is((w), "" lit, sizeof(lit) - 1)

/* The lookups below are asked of most words of a date candidate: the
 * first letter picks the few names to compare, and is() rejects the rest
 * by their length. */

static int weekday_of(const Word *w)
{
    if (w->kind != W_WORD || w->len < 3 || w->len > 9)
        return -1; /* "mon" .. "wednesday" */
    switch (ascii_lower((unsigned char)w->text[0])) {
    case 'm':
        return is(w, "monday") || is(w, "mon") ? 0 : -1;
    case 't':
        if (is(w, "tuesday") || is(w, "tue") || is(w, "tues"))
            return 1;
        return is(w, "thursday") || is(w, "thu") || is(w, "thur") || is(w, "thurs") ? 3 : -1;
    case 'w':
        return is(w, "wednesday") || is(w, "wed") ? 2 : -1;
    case 'f':
        return is(w, "friday") || is(w, "fri") ? 4 : -1;
    case 's':
        if (is(w, "saturday") || is(w, "sat"))
            return 5;
        return is(w, "sunday") || is(w, "sun") ? 6 : -1;
    }
    return -1;
}

/* Months and their abbreviations: "Jan", "Feb", "Sept", … ("mar" and "may"
 * are fine: "may" is a month only when a day or year follows, checked
 * below) */
static int month_of(const Word *w)
{
    if (w->kind != W_WORD || w->len < 3 || w->len > 9)
        return 0; /* "may" .. "september" */
    switch (ascii_lower((unsigned char)w->text[0])) {
    case 'j':
        if (is(w, "january") || is(w, "jan"))
            return 1;
        if (is(w, "june") || is(w, "jun"))
            return 6;
        return is(w, "july") || is(w, "jul") ? 7 : 0;
    case 'f':
        return is(w, "february") || is(w, "feb") ? 2 : 0;
    case 'm':
        if (is(w, "march") || is(w, "mar"))
            return 3;
        return is(w, "may") ? 5 : 0;
    case 'a':
        if (is(w, "april") || is(w, "apr"))
            return 4;
        return is(w, "august") || is(w, "aug") ? 8 : 0;
    case 's':
        return is(w, "september") || is(w, "sep") || is(w, "sept") ? 9 : 0;
    case 'o':
        return is(w, "october") || is(w, "oct") ? 10 : 0;
    case 'n':
        return is(w, "november") || is(w, "nov") ? 11 : 0;
    case 'd':
        return is(w, "december") || is(w, "dec") ? 12 : 0;
    }
    return 0;
}

/* "a", "one" .. "six" before "days ago", "weeks ago"; 0 for other words. */
static long small_number_of(const Word *w)
{
    if (w->kind != W_WORD || w->len > 5)
        return 0;
    switch (ascii_lower((unsigned char)w->text[0])) {
    case 'a':
        return is(w, "a") ? 1 : 0;
    case 'o':
        return is(w, "one") ? 1 : 0;
    case 't':
        return is(w, "two") ? 2 : is(w, "three") ? 3 : 0;
    case 'f':
        return is(w, "four") ? 4 : is(w, "five") ? 5 : 0;
    case 's':
        return is(w, "six") ? 6 : 0;
    }
    return 0;
}

/* Words that may stand between a weekday and what follows ("Thursday
 * morning"); they are consumed with the weekday. */
static bool is_day_part(const Word *w)
{
    return is(w, "morning") || is(w, "afternoon") || is(w, "evening") || is(w, "night") ||
           is(w, "nights");
}

static bool plausible_year(long v)
{
    return v >= 1900 && v <= 2100;
}

/* ---- Resolution helpers ------------------------------------------------- */

static bool known_day(Date d)
{
    return d.year > 0 && d.month > 0 && d.day > 0;
}

/* Most recent weekday wd on or before ref (strictly before if strict). */
static Date weekday_before(Date ref, int wd, bool strict)
{
    int diff = date_weekday(ref) - wd;
    if (diff < 0)
        diff += 7;
    if (diff == 0 && strict)
        diff = 7;
    return date_add_days(ref, -diff);
}

/* Year for a month/day without one. ref may be year-only. */
static int infer_year(Date ref, int month, int day)
{
    if (ref.month == 0)
        return ref.year;
    Date cand = {ref.year, (int8_t)month, (int8_t)(day > 0 ? day : 1)};
    if (day > date_days_in_month(ref.year, month))
        cand.day = (int8_t)date_days_in_month(ref.year, month);
    /* A week of grace: reports quote the next day's schedule, reposts
     * carry a later date than the report. */
    if (date_to_days(cand) > date_to_days(ref) + 7)
        return ref.year - 1;
    return ref.year;
}

/* Year for "Monday 5 September": the year nearest to the reference whose
 * day has that weekday; the plain inference when none fits. */
static int year_for_weekday(Date ref, int month, int day, int wd)
{
    int base = infer_year(ref, month, day);
    static const int offsets[] = {0, -1, 1, -2, 2, -3, 3};
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++) {
        int y = base + offsets[i];
        if (ref.month > 0 && offsets[i] > 0)
            continue; /* a dated article does not report next year */
        Date d = {(int16_t)y, (int8_t)month, (int8_t)day};
        if (date_valid(d) && date_weekday(d) == wd)
            return y;
    }
    return base;
}

static bool finish(Date d, DatePrecision p, size_t used, Date *out, DatePrecision *precision,
                   size_t *used_out)
{
    if (d.year <= 0)
        return false;
    if (d.month <= 0)
        d.month = 1;
    if (d.day <= 0)
        d.day = 1;
    if (!date_valid(d))
        return false;
    *out = d;
    *precision = p;
    *used_out = used;
    return true;
}

/* Tries "DAY MONTH [YEAR]" or "MONTH[.] DAY[,] [YEAR]" or "MONTH YEAR" or
 * "MONTH" starting with the word a, already read (the caller has it; p is
 * where it ends). weekday >= 0 when one was read just before. */
static bool explicit_date(const char *s, size_t n, const Word *first, size_t p, Date ref,
                          int weekday, bool month_alone_ok, Date *out, DatePrecision *prec,
                          size_t *used)
{
    const Word a = *first;
    int day = 0, month = 0, year = 0;
    size_t end = 0;

    if (a.kind == W_NUM && a.value >= 1 && a.value <= 31) {
        /* "5 September [2016]" */
        size_t q = p;
        Word b = next_word(s, n, &q);
        if (b.kind == W_PUNCT && b.punct == '.')
            b = next_word(s, n, &q);
        month = month_of(&b);
        if (!month)
            return false;
        day = (int)a.value;
        end = b.end;
        size_t r = q;
        Word c = next_word(s, n, &r);
        if (c.kind == W_PUNCT && c.punct == ',')
            c = next_word(s, n, &r);
        if (c.kind == W_NUM && plausible_year(c.value) && c.len == 4) {
            year = (int)c.value;
            end = c.end;
        }
    } else if ((month = month_of(&a)) != 0) {
        end = a.end;
        size_t q = p;
        Word b = next_word(s, n, &q);
        if (b.kind == W_PUNCT && b.punct == '.') {
            end = b.end;
            b = next_word(s, n, &q);
        }
        if (b.kind == W_NUM && b.value >= 1 && b.value <= 31 && b.len <= 2) {
            day = (int)b.value;
            end = b.end;
            size_t r = q;
            Word c = next_word(s, n, &r);
            if (c.kind == W_PUNCT && c.punct == ',')
                c = next_word(s, n, &r);
            if (c.kind == W_NUM && plausible_year(c.value) && c.len == 4) {
                year = (int)c.value;
                end = c.end;
            }
        } else if (b.kind == W_NUM && plausible_year(b.value) && b.len == 4) {
            year = (int)b.value;
            end = b.end;
        } else {
            /* A month alone: "May" and "March" are also ordinary words, so
             * only full names, and only where the caller allows it. */
            if (!month_alone_ok || is(&a, "may") || is(&a, "march") || a.len < 4)
                return false;
            if (a.len == 4 && !is(&a, "june") && !is(&a, "july") && !is(&a, "sept"))
                return false; /* of the four-letter month words, only these stand alone */
        }
    } else {
        return false;
    }

    if (day > 0) {
        if (!year) {
            if (ref.year <= 0)
                return false;
            year = weekday >= 0 ? year_for_weekday(ref, month, day, weekday)
                                : infer_year(ref, month, day);
        }
        Date d = {(int16_t)year, (int8_t)month, (int8_t)day};
        return finish(d, PRECISION_DAY, end - 0, out, prec, used);
    }
    if (!year) {
        if (ref.year <= 0)
            return false;
        year = ref.year;
        if (ref.month > 0 && month > ref.month)
            year--;
    }
    Date d = {(int16_t)year, (int8_t)month, 1};
    return finish(d, PRECISION_MONTH, end, out, prec, used);
}

bool resolve_date_expression(const char *s, size_t n, Date ref, Date *out, DatePrecision *precision,
                             size_t *used)
{
    size_t pos = 0;
    Word w = next_word(s, n, &pos);
    bool had_preposition = false;

    /* Leading prepositions belong to the expression. */
    if (is(&w, "on") || is(&w, "in") || is(&w, "during") || is(&w, "from") || is(&w, "at") ||
        is(&w, "by") || is(&w, "over")) {
        had_preposition = true;
        Word nx = peek_word(s, n, pos);
        if ((is(&w, "over") || is(&w, "in") || is(&w, "during")) && is(&nx, "the")) {
            /* "over the weekend"; "in the last 24 hours", "over the past day" */
            size_t q = nx.end;
            Word wk = next_word(s, n, &q);
            if (is(&wk, "weekend") && known_day(ref) && is(&w, "over")) {
                int today = date_weekday(ref);
                Date d = today >= 5 ? weekday_before(ref, 5, false) : weekday_before(ref, 5, true);
                return finish(d, PRECISION_WEEK, wk.end, out, precision, used);
            }
            if ((is(&wk, "past") || is(&wk, "last")) && known_day(ref)) {
                Word unit = next_word(s, n, &q);
                if (unit.kind == W_NUM && unit.value <= 48) {
                    Word hours = next_word(s, n, &q);
                    if (is(&hours, "hours"))
                        return finish(ref, PRECISION_DAY, hours.end, out, precision, used);
                }
                if (is(&unit, "day") || is(&unit, "night"))
                    return finish(ref, PRECISION_DAY, unit.end, out, precision, used);
            }
            return false;
        }
        w = nx; /* the word after the preposition, read once */
        pos = nx.end;
    }

    /* "the" before "weekend" / "past 24 hours" after "at" or "over" */
    if (is(&w, "yesterday")) {
        if (!known_day(ref))
            return false;
        return finish(date_add_days(ref, -1), PRECISION_DAY, w.end, out, precision, used);
    }
    if (is(&w, "today") || is(&w, "tonight")) {
        if (!known_day(ref))
            return false;
        return finish(ref, PRECISION_DAY, w.end, out, precision, used);
    }

    /* "early", "late", "earlier", "later", "mid" qualify what follows. */
    bool earlier = false, last = false, this_ = false;
    bool vague = false; /* early/late/mid: coarsens a month to month precision */
    if (is(&w, "early") || is(&w, "late") || is(&w, "mid")) {
        vague = true;
        Word nx = peek_word(s, n, pos);
        pos = nx.end;
        w = nx.kind == W_PUNCT && nx.punct == '-' ? next_word(s, n, &pos) : nx;
    } else if (is(&w, "earlier") || is(&w, "later")) {
        earlier = true;
        w = next_word(s, n, &pos);
    }
    if (is(&w, "last") || is(&w, "past") || is(&w, "previous")) {
        last = true;
        w = next_word(s, n, &pos);
    } else if (is(&w, "this")) {
        this_ = true;
        w = next_word(s, n, &pos);
    }

    /* "this morning", "this afternoon", "last night" */
    if (is_day_part(&w) && !vague) {
        if (!known_day(ref) || (!this_ && !last))
            return false;
        Date d = last && (is(&w, "night") || is(&w, "evening")) ? date_add_days(ref, -1) : ref;
        return finish(d, PRECISION_DAY, w.end, out, precision, used);
    }

    /* Spans: week, weekend, month, year. */
    if ((this_ || last) &&
        (is(&w, "week") || is(&w, "weekend") || is(&w, "month") || is(&w, "year"))) {
        if (ref.year <= 0)
            return false;
        if (is(&w, "year"))
            return finish((Date){(int16_t)(ref.year - (last ? 1 : 0)), 1, 1}, PRECISION_YEAR, w.end,
                          out, precision, used);
        if (ref.month <= 0)
            return false;
        if (is(&w, "month")) {
            Date d = {ref.year, ref.month, 1};
            if (last) {
                d.month--;
                if (d.month == 0) {
                    d.month = 12;
                    d.year--;
                }
            }
            return finish(d, PRECISION_MONTH, w.end, out, precision, used);
        }
        if (!known_day(ref))
            return false;
        if (is(&w, "weekend")) {
            Date d = weekday_before(ref, 5, !this_ || date_weekday(ref) < 5);
            return finish(d, PRECISION_WEEK, w.end, out, precision, used);
        }
        Date monday = weekday_before(ref, 0, false);
        if (last)
            monday = date_add_days(monday, -7);
        (void)earlier;
        return finish(monday, PRECISION_WEEK, w.end, out, precision, used);
    }

    /* A weekday, possibly followed by a day part or an explicit date. */
    int wd = weekday_of(&w);
    if (wd >= 0) {
        size_t end = w.end;
        size_t q = pos;
        Word nx = next_word(s, n, &q);
        if (nx.kind == W_PUNCT && nx.punct == '\'') {
            /* "Saturday's fighting" */
            Word sfx = next_word(s, n, &q);
            if (is(&sfx, "s")) {
                end = sfx.end;
                pos = q;
                nx = next_word(s, n, &q);
            }
        } else if (nx.kind == W_PUNCT && nx.punct == ',') {
            nx = next_word(s, n, &q);
        }
        if (nx.kind == W_NUM || month_of(&nx)) {
            if (explicit_date(s, n, &nx, q, ref, wd, false, out, precision, used))
                return true;
        }
        if (is_day_part(&nx))
            end = nx.end;
        if (!known_day(ref))
            return false;
        Date d = weekday_before(ref, wd, last);
        return finish(d, PRECISION_DAY, end, out, precision, used);
    }

    /* "N days ago", "two weeks ago" */
    long k = w.kind == W_NUM ? w.value : small_number_of(&w);
    if (w.kind == W_NUM || k > 0) {
        size_t q = pos;
        Word unit = next_word(s, n, &q);
        /* the unit first: most figures are followed by something else */
        bool days = is(&unit, "day") || is(&unit, "days");
        bool weeks = !days && (is(&unit, "week") || is(&unit, "weeks"));
        if ((days || weeks) && known_day(ref) && k > 0 && k < 400) {
            Word ago = next_word(s, n, &q);
            if (is(&ago, "ago") && days)
                return finish(date_add_days(ref, -k), PRECISION_DAY, ago.end, out, precision, used);
            if (is(&ago, "ago") && weeks)
                return finish(date_add_days(ref, -7 * k), PRECISION_WEEK, ago.end, out, precision,
                              used);
        }
    }

    /* Explicit dates; a bare year after a preposition. */
    if (w.kind == W_NUM || month_of(&w)) {
        if (w.kind == W_NUM && plausible_year(w.value) && w.len == 4) {
            if (!had_preposition && !vague)
                return false;
            return finish((Date){(int16_t)w.value, 1, 1}, PRECISION_YEAR, w.end, out, precision,
                          used);
        }
        bool month_alone_ok = had_preposition || vague || last || earlier;
        if (last && month_of(&w) && ref.year > 0) {
            /* "last March": the most recent March strictly before */
            int m = month_of(&w);
            int y = ref.year;
            if (ref.month > 0 && m >= ref.month)
                y--;
            Date d = {(int16_t)y, (int8_t)m, 1};
            return finish(d, PRECISION_MONTH, w.end, out, precision, used);
        }
        if (explicit_date(s, n, &w, pos, ref, -1, month_alone_ok, out, precision, used)) {
            if (vague && *precision == PRECISION_DAY)
                *precision = PRECISION_MONTH;
            return true;
        }
    }
    return false;
}
