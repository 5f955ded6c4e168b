/* date.c — proleptic Gregorian calendar arithmetic. */
#include "core.h"

#include <stdio.h>

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool date_valid(Date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= date_days_in_month(d.year, d.month);
}

/* Howard Hinnant's days_from_civil. */
long date_to_days(Date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    Date out = {(int16_t)(y + (m <= 2)), (int8_t)m, (int8_t)d};
    return out;
}

int date_weekday(Date d)
{
    long days = date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* Offsets beyond any calendar year 1..9999 give an unknown date rather
 * than a signed overflow (n can come from a number in a report). */
Date date_add_days(Date d, long n)
{
    enum { DAYS_LIMIT = 3700000 }; /* about 10,000 years */
    if (n > DAYS_LIMIT || n < -DAYS_LIMIT)
        return (Date){0, 0, 0};
    return date_from_days(date_to_days(d) + n);
}

/* Writes v as exactly `width` decimal digits (v < 10^width). */
static char *put_digits(char *o, unsigned v, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        o[k] = (char)('0' + v % 10);
        v /= 10;
    }
    return o + width;
}

char *date_format(Date d, char out[11])
{
    /* The bytes of "%04u-%02u-%02u" (or the shorter forms), written by
     * hand: this runs for every event written, and snprintf costs more
     * than the rest of the event's date handling. The modulo keeps every
     * field within its width; valid dates are unaffected. */
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
             dd = (unsigned)d.day % 100u;
    char *o = out;
    if (d.year > 0) {
        o = put_digits(o, y, 4);
        if (d.month > 0) {
            *o++ = '-';
            o = put_digits(o, m, 2);
            if (d.day > 0) {
                *o++ = '-';
                o = put_digits(o, dd, 2);
            }
        }
    }
    *o = '\0';
    return out;
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool date_parse_iso(const char *s, size_t n, Date *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return false;
    Date r = {(int16_t)y, (int8_t)m, (int8_t)d};
    if (!date_valid(r))
        return false;
    *out = r;
    return true;
}
