/*
 * date_lines.c — recognising the dates that pages print above and inside their
 * articles: "2017-09-05", "March 03, 2017", "Nov 8, 2016", "Tuesday, 13
 * June 2017", "12 June, 2017", "Wed 05 Apr 2017", "06/12/2017",
 * "26.11.2014", "17-08-2013", and the odd glued "Apr 232017".
 *
 * Everything here is a small hand-written recogniser working on bytes: it
 * runs on every line of every page, so it must not allocate or backtrack
 * more than a few bytes.
 */
#include "text_internal.h"

#include <string.h>

bool text_starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || ascii_lower(s[i]) != w[i])
            return false;
    return true;
}

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

int text_month_from_word(const char *s, size_t n)
{
    if (n < 3 || n > 9)
        return 0;
    char w[10];
    for (size_t i = 0; i < n; i++)
        w[i] = ascii_lower(s[i]);
    w[n] = '\0';
    for (int m = 0; m < 12; m++) {
        const char *name = month_names[m];
        /* Most words are not months: the first letter settles most of
         * them without a call (this runs on every word of a header). */
        if (name[0] != w[0])
            continue;
        if (strcmp(w, name) == 0)
            return m + 1;
        /* Three-letter abbreviations, and "Sept". */
        if (n == 3 && strncmp(w, name, 3) == 0)
            return m + 1;
    }
    if (strcmp(w, "sept") == 0)
        return 9;
    return 0;
}

static bool is_weekday_word(const char *s, size_t n)
{
    static const char *const full[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    static const char *const abbr[] = {"mon",  "tue",   "tues", "wed", "thu",
                                       "thur", "thurs", "fri",  "sat", "sun"};
    char w[10];
    if (n < 3 || n > 9)
        return false;
    for (size_t i = 0; i < n; i++)
        w[i] = ascii_lower(s[i]);
    w[n] = '\0';
    /* Weekdays start with one of these: most words stop here. */
    if (!strchr("mtwfs", w[0]))
        return false;
    for (int i = 0; i < 7; i++)
        if (full[i][0] == w[0] && strcmp(w, full[i]) == 0)
            return true;
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (abbr[i][0] == w[0] && strcmp(w, abbr[i]) == 0)
            return true;
    return false;
}

/* Length of the run of ASCII letters at s. */
static size_t word_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ascii_alpha(s[i]))
        i++;
    return i;
}

static size_t digit_run(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ascii_digit(s[i]))
        i++;
    return i;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Skips spaces and tabs (not line breaks: a date never spans lines). */
static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static bool plausible_year(int y)
{
    return y >= 1900 && y <= 2099;
}

/* A date must not run on into more digits ("2017" of "20170"). */
static bool ends_cleanly(const char *s, size_t n, size_t i)
{
    return i >= n || !is_ascii_digit(s[i]);
}

/* Words must end at a non-letter ("Mayor" is not "May"). */
static bool word_boundary(const char *s, size_t n, size_t i)
{
    return i >= n || !is_ascii_alpha(s[i]);
}

static bool make_date(int y, int m, int d, Date *out)
{
    Date r = {(int16_t)y, (int8_t)m, (int8_t)d};
    if (!plausible_year(y) || !date_valid(r))
        return false;
    *out = r;
    return true;
}

/* Skips an ordinal suffix after a day number ("3rd", "21st"). */
static size_t skip_ordinal(const char *s, size_t n, size_t i)
{
    if (i + 2 <= n && word_len(s + i, n - i) == 2) {
        char a = ascii_lower(s[i]), b = ascii_lower(s[i + 1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            return i + 2;
    }
    return i;
}

/* Numeric forms: YYYY-MM-DD, DD.MM.YYYY, DD-MM-YYYY, MM/DD/YYYY. */
static size_t parse_numeric(const char *s, size_t n, Date *out)
{
    size_t a = digit_run(s, n);
    if (a == 4 && a + 6 <= n && s[4] == '-' && digit_run(s + 5, n - 5) == 2 && s[7] == '-' &&
        digit_run(s + 8, n - 8) == 2) {
        if (make_date(digits_value(s, 4), digits_value(s + 5, 2), digits_value(s + 8, 2), out))
            return 10;
        return 0;
    }
    if (a < 1 || a > 2 || a >= n)
        return 0;
    char sep = s[a];
    if (sep != '/' && sep != '.' && sep != '-')
        return 0;
    size_t b = digit_run(s + a + 1, n - a - 1);
    if (b < 1 || b > 2)
        return 0;
    size_t c0 = a + 1 + b;
    if (c0 >= n || s[c0] != sep)
        return 0;
    size_t c = digit_run(s + c0 + 1, n - c0 - 1);
    if (c != 4)
        return 0;
    int x = digits_value(s, a), y = digits_value(s + a + 1, b);
    int year = digits_value(s + c0 + 1, 4);
    int month, day;
    /* Slashes are US order (month first) unless that cannot be; dots and
     * dashes are day first, as in the European and Arabic press. */
    if (sep == '/') {
        month = x, day = y;
        if (month > 12 && day <= 12)
            month = y, day = x;
    } else {
        day = x, month = y;
        if (month > 12 && day <= 12)
            day = y, month = x;
    }
    if (!make_date(year, month, day, out))
        return 0;
    return c0 + 1 + 4;
}

/* Reads a 4-digit year at s[i] (after optional "," and blanks). */
static size_t read_year(const char *s, size_t n, size_t i, int *year)
{
    if (i < n && (s[i] == ',' || s[i] == '.'))
        i++;
    i = skip_blanks(s, n, i);
    if (digit_run(s + i, n - i) != 4)
        return 0;
    *year = digits_value(s + i, 4);
    return i + 4;
}

/* "12 June 2017", "12 June, 2017", "12th of June 2017", "05 Apr 2017". */
static size_t parse_day_month_year(const char *s, size_t n, Date *out)
{
    size_t d = digit_run(s, n);
    if (d < 1 || d > 2)
        return 0;
    int day = digits_value(s, d);
    size_t i = skip_ordinal(s, n, d);
    if (i < n && s[i] == ',')
        i++;
    i = skip_blanks(s, n, i);
    if (i == d) /* "12June" is not a date */
        return 0;
    if (text_starts_with_ci(s + i, n - i, "of ")) {
        i = skip_blanks(s, n, i + 3);
    }
    size_t w = word_len(s + i, n - i);
    int month = text_month_from_word(s + i, w);
    if (!month)
        return 0;
    i += w;
    if (i < n && s[i] == '.')
        i++;
    int year;
    size_t end = read_year(s, n, i, &year);
    if (!end || !ends_cleanly(s, n, end) || !make_date(year, month, day, out))
        return 0;
    return end;
}

/* "March 03, 2017", "Nov 8, 2016", "May 24 2017", "Sept. 5th, 2016", and
 * the glued "Apr 232017" some pages print. */
static size_t parse_month_day_year(const char *s, size_t n, Date *out)
{
    size_t w = word_len(s, n);
    int month = text_month_from_word(s, w);
    if (!month)
        return 0;
    size_t i = w;
    if (i < n && s[i] == '.')
        i++;
    size_t j = skip_blanks(s, n, i);
    if (j == i)
        return 0;
    size_t d = digit_run(s + j, n - j);
    if (d == 5 || d == 6) { /* "232017": day then year, glued */
        int year = digits_value(s + j + d - 4, 4);
        int day = digits_value(s + j, d - 4);
        if (!make_date(year, month, day, out))
            return 0;
        return j + d;
    }
    if (d < 1 || d > 2)
        return 0;
    int day = digits_value(s + j, d);
    i = skip_ordinal(s, n, j + d);
    int year;
    size_t end = read_year(s, n, i, &year);
    if (!end || end == i || !ends_cleanly(s, n, end) || !make_date(year, month, day, out))
        return 0;
    return end;
}

/* The date proper, without a weekday in front. */
static size_t parse_bare_date(const char *s, size_t n, Date *out)
{
    if (n == 0)
        return 0;
    if (is_ascii_digit(s[0])) {
        size_t k = parse_numeric(s, n, out);
        if (k)
            return k;
        return parse_day_month_year(s, n, out);
    }
    if (is_ascii_alpha(s[0]))
        return parse_month_day_year(s, n, out);
    return 0;
}

size_t parse_leading_date(const char *s, size_t n, Date *out)
{
    Date d;
    size_t k = parse_bare_date(s, n, &d);
    if (k) {
        *out = d;
        return k;
    }
    /* A weekday first: "Tuesday, 13 June 2017", "Wed 05 Apr 2017",
     * "Sun Aug 17 2014". */
    size_t w = word_len(s, n);
    if (!w || !is_weekday_word(s, w))
        return 0;
    size_t i = w;
    if (i < n && (s[i] == ',' || s[i] == '.'))
        i++;
    size_t j = skip_blanks(s, n, i);
    if (j == i && j < n)
        return 0;
    k = parse_bare_date(s + j, n - j, &d);
    if (!k)
        return 0;
    *out = d;
    return j + k;
}

/* A clock time after a date line's date: "21:09", "at 2354", "2037 UTC+3". */
static size_t skip_time(const char *s, size_t n, size_t i)
{
    size_t j = skip_blanks(s, n, i);
    if (j < n && (s[j] == '|' || s[j] == '-' || s[j] == ','))
        j = skip_blanks(s, n, j + 1);
    if (text_starts_with_ci(s + j, n - j, "at "))
        j = skip_blanks(s, n, j + 3);
    size_t d = digit_run(s + j, n - j);
    if (d == 1 || d == 2) {
        size_t k = j + d;
        if (k < n && s[k] == ':' && digit_run(s + k + 1, n - k - 1) == 2) {
            k += 3;
            k = skip_blanks(s, n, k);
            if (text_starts_with_ci(s + k, n - k, "am") || text_starts_with_ci(s + k, n - k, "pm"))
                k += 2;
            if (text_starts_with_ci(s + k, n - k, "gmt") ||
                text_starts_with_ci(s + k, n - k, "utc"))
                k += 3;
            return k;
        }
    }
    return i;
}

bool parse_date_line(const char *s, size_t n, Date *out)
{
    /* Trim blanks and the emphasis markers pages put round a date. */
    while (n > 0 && (is_ascii_space(s[0]) || s[0] == '*' || s[0] == '_'))
        s++, n--;
    while (n > 0 && (is_ascii_space(s[n - 1]) || s[n - 1] == '*' || s[n - 1] == '_' ||
                     s[n - 1] == '.' || s[n - 1] == ':'))
        n--;
    if (!has_ascii_digit(s, n))
        return false;
    Date d;
    size_t k = parse_leading_date(s, n, &d);
    if (!k)
        return false;
    k = skip_time(s, n, k);
    k = skip_blanks(s, n, k);
    if (k != n)
        return false;
    *out = d;
    return true;
}

size_t text_date_label_len(const char *s, size_t n)
{
    static const char *const labels[] = {
        "posted on ",
        "published on ",
        "published: ",
        "published ",
        "date of publication: ",
        "date of publication ",
        "last updated at ",
        "last updated: ",
        "last updated ",
        "updated: ",
        "updated on ",
        "updated ",
        "date: ",
        "posted: ",
        "posted ",
    };
    /* Every label starts with one of these: most lines stop here. */
    char first = n ? ascii_lower(s[0]) : '\0';
    if (first != 'p' && first != 'd' && first != 'l' && first != 'u')
        return 0;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (text_starts_with_ci(s, n, labels[i]))
            return skip_blanks(s, n, strlen(labels[i]));
    return 0;
}

/* "August 2016" (month-precision), only where the caller allows it. */
static size_t parse_month_year(const char *s, size_t n, Date *out)
{
    size_t w = word_len(s, n);
    int month = text_month_from_word(s, w);
    if (!month || w < 3)
        return 0;
    size_t i = w;
    if (i < n && s[i] == ',')
        i++;
    size_t j = skip_blanks(s, n, i);
    if (j == i || digit_run(s + j, n - j) != 4 || !ends_cleanly(s, n, j + 4))
        return 0;
    int year = digits_value(s + j, 4);
    if (!plausible_year(year))
        return 0;
    out->year = (int16_t)year;
    out->month = (int8_t)month;
    out->day = 0;
    return j + 4;
}

/* Can a date start with this word (ASCII letters, w of them)? Only a
 * month or a weekday can, and every month and weekday name and
 * abbreviation starts with one of these three letters. Most words of a
 * headline stop here, without the parsers. */
static bool may_open_date(const char *s, size_t w)
{
    if (w < 3 || w > 9)
        return false;
    uint32_t t = (uint32_t)(unsigned char)ascii_lower(s[0]) << 16 |
                 (uint32_t)(unsigned char)ascii_lower(s[1]) << 8 |
                 (uint32_t)(unsigned char)ascii_lower(s[2]);
#define TRI(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
    switch (t) {
    case TRI('j', 'a', 'n'):
    case TRI('f', 'e', 'b'):
    case TRI('m', 'a', 'r'):
    case TRI('a', 'p', 'r'):
    case TRI('m', 'a', 'y'):
    case TRI('j', 'u', 'n'):
    case TRI('j', 'u', 'l'):
    case TRI('a', 'u', 'g'):
    case TRI('s', 'e', 'p'):
    case TRI('o', 'c', 't'):
    case TRI('n', 'o', 'v'):
    case TRI('d', 'e', 'c'):
    case TRI('m', 'o', 'n'):
    case TRI('t', 'u', 'e'):
    case TRI('w', 'e', 'd'):
    case TRI('t', 'h', 'u'):
    case TRI('f', 'r', 'i'):
    case TRI('s', 'a', 't'):
    case TRI('s', 'u', 'n'):
        return true;
    }
#undef TRI
    return false;
}

size_t text_find_date(const char *s, size_t n, bool month_year, Date *out, size_t *at)
{
    if (!has_ascii_digit(s, n)) /* most headlines */
        return 0;
    size_t i = 0;
    while (i < n) {
        if (!is_ascii_alpha(s[i]) && !is_ascii_digit(s[i])) {
            i++;
            continue;
        }
        /* s[i] starts a run of letters and digits: only here can a date
         * start. A date opens with digits (1, 2 or 4 of them: "3 June",
         * "06/12/2017", "2017-09-05") or a month or weekday word. */
        size_t digits = digit_run(s + i, n - i);
        bool candidate =
            digits ? digits <= 2 || digits == 4 : may_open_date(s + i, word_len(s + i, n - i));
        if (candidate) {
            Date d;
            size_t k = parse_leading_date(s + i, n - i, &d);
            if (!k && month_year)
                k = parse_month_year(s + i, n - i, &d);
            if (k) {
                *out = d;
                *at = i;
                return k;
            }
        }
        while (i < n && (is_ascii_alpha(s[i]) || is_ascii_digit(s[i])))
            i++;
    }
    return 0;
}

size_t text_parse_month_day(const char *s, size_t n, int *month, int *day)
{
    size_t w = word_len(s, n);
    int m = text_month_from_word(s, w);
    if (m) {
        size_t i = w;
        if (i < n && s[i] == '.')
            i++;
        size_t j = skip_blanks(s, n, i);
        size_t d = digit_run(s + j, n - j);
        if (j == i || d < 1 || d > 2)
            return 0;
        int dd = digits_value(s + j, d);
        if (dd < 1 || dd > 31)
            return 0;
        *month = m, *day = dd;
        return skip_ordinal(s, n, j + d);
    }
    size_t d = digit_run(s, n);
    if (d < 1 || d > 2)
        return 0;
    size_t i = skip_blanks(s, n, skip_ordinal(s, n, d));
    w = word_len(s + i, n - i);
    m = text_month_from_word(s + i, w);
    int dd = digits_value(s, d);
    if (i == d || !m || dd < 1 || dd > 31 || !word_boundary(s, n, i + w))
        return 0;
    *month = m, *day = dd;
    return i + w;
}
