/* SPDX-License-Identifier: BSD-2-Clause */
/* Dates, times, zones. */
#include "dates.h"
#include "helpers.h"

START_TEST(calendar_dates)
{
    long day;
    ck_assert(slog_date_parse("1970-01-01", &day));
    ck_assert_int_eq(day, 0);
    ck_assert(slog_date_parse("2025-10-07", &day));
    ck_assert_int_eq(day, 20368);
    ck_assert(!slog_date_parse("2025-02-30", &day));
    ck_assert(!slog_date_parse("2025-13-01", &day));
    ck_assert(!slog_date_parse("2025-00-10", &day));
    ck_assert(!slog_date_parse("2025-04-31", &day));
    ck_assert(!slog_date_parse("2025-10-00", &day));
    ck_assert(!slog_date_parse("2025-1-07x", &day));
}
END_TEST

START_TEST(leap_years)
{
    long day;
    ck_assert(slog_date_parse("2024-02-29", &day));
    ck_assert(slog_date_parse("2000-02-29", &day));
    ck_assert(!slog_date_parse("2025-02-29", &day));
    ck_assert(!slog_date_parse("1900-02-29", &day));
    ck_assert(!slog_date_parse("2100-02-29", &day));
}
END_TEST

START_TEST(day_numbers_round_trip)
{
    char buf[11];
    for (long d = -800000; d < 800000; d += 997) {
        int y, m, dd;
        slog_civil_from_days(d, &y, &m, &dd);
        ck_assert_int_eq(slog_days_from_civil(y, m, dd), d);
    }
    slog_date_format(20368, buf);
    ck_assert_str_eq(buf, "2025-10-07");
}
END_TEST

START_TEST(times)
{
    ck_assert_int_eq(slog_time_parse("14:51"), 14 * 3600 + 51 * 60);
    ck_assert_int_eq(slog_time_parse("14:51:03"), 14 * 3600 + 51 * 60 + 3);
    ck_assert_int_eq(slog_time_parse("9:05"), 9 * 3600 + 5 * 60);
    ck_assert_int_eq(slog_time_parse("24:00"), -1);
    ck_assert_int_eq(slog_time_parse("12:60"), -1);
}
END_TEST

START_TEST(zones)
{
    int m;
    ck_assert(slog_zone_offset("Z", &m) && m == 0);
    ck_assert(slog_zone_offset("UTC", &m) && m == 0);
    ck_assert(slog_zone_offset("MDT", &m) && m == -360);
    ck_assert(slog_zone_offset("+02:00", &m) && m == 120);
    ck_assert(slog_zone_offset("-0600", &m) && m == -360);
    /* a sign alone or a short offset: nothing read past the string (fuzz_config) */
    ck_assert(!slog_zone_offset("+", &m));
    ck_assert(!slog_zone_offset("-1", &m));
    ck_assert(!slog_zone_offset("+02:0", &m));
    ck_assert(!slog_zone_offset("+020", &m));
    ck_assert(!slog_zone_offset("+02:000", &m));
    ck_assert(slog_zone_offset("+05:30", &m) && m == 330);
    ck_assert(!slog_zone_offset("XYZT", &m));
    ck_assert(!slog_zone_offset("+25:00", &m));
    /* after UTC or GMT the minutes may be left out ("UTC+0200" was unknown) */
    ck_assert(slog_zone_offset("UTC+2", &m) && m == 120);
    ck_assert(slog_zone_offset("GMT-05", &m) && m == -300);
    ck_assert(slog_zone_offset("UTC+5:30", &m) && m == 330);
    ck_assert(slog_zone_offset("UTC+0200", &m) && m == 120);
    ck_assert(slog_zone_offset("utc-0930", &m) && m == -570);
    ck_assert(!slog_zone_offset("UTC+", &m));
    ck_assert(!slog_zone_offset("GMT+2:", &m));
    ck_assert(!slog_zone_offset("UTC+24", &m));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates");
    TCase *tc = tcase_create("dates");
    tcase_add_test(tc, calendar_dates);
    tcase_add_test(tc, leap_years);
    tcase_add_test(tc, day_numbers_round_trip);
    tcase_add_test(tc, times);
    tcase_add_test(tc, zones);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
