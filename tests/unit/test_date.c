/* test_date.c - civil dates, leap years, quarters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "strat/date.h"

static strat_day
day(const char *s)
{
	strat_day d = STRAT_NO_DATE;

	assert_int_equal(strat_date_parse(s, &d), 0);
	return d;
}

static void
parse_valid(void **state)
{
	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("1970-01-02"), 1);
	assert_int_equal(day("1969-12-31"), -1);
	assert_int_equal(day("2000-03-01") - day("2000-02-28"), 2);
	assert_int_equal(day("2026-01-01") - day("2025-12-31"), 1);
	assert_int_equal(day("9999-12-31") > day("2026-01-01"), 1);
}

static void
parse_invalid(void **state)
{
	static const char *const bad[] = {"",
					  "2026",
					  "2026-4-01",
					  "2026-04-1",
					  "26-04-01",
					  "2026/04/01",
					  "2026-04-01T00:00",
					  "2026-04-01 ",
					  " 2026-04-01",
					  "2026-00-10",
					  "2026-13-01",
					  "2026-04-00",
					  "2026-04-31",
					  "2026-02-29",
					  "1900-02-29",
					  "2100-02-29",
					  "2026-02-30",
					  "1899-12-31",
					  "2026-0a-01",
					  "+026-01-01",
					  "2026--1-01",
					  "yesterday",
					  "no",
					  "2026-06-31",
					  "2026-09-31",
					  "2026-11-31"};
	strat_day d = 42;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (strat_date_parse(bad[i], &d) != -1)
			fail_msg("'%s' parsed as a date", bad[i]);
	}
	assert_int_equal(d, 42); /* untouched on failure */
}

static void
leap_years(void **state)
{
	strat_day d;

	(void)state;
	assert_int_equal(strat_date_parse("2024-02-29", &d), 0);
	assert_int_equal(strat_date_parse("2000-02-29", &d), 0);
	assert_int_equal(strat_date_parse("2028-02-29", &d), 0);
	assert_int_equal(strat_date_parse("2100-02-29", &d), -1);
	assert_int_equal(strat_date_parse("2026-02-29", &d), -1);
	assert_int_equal(day("2024-03-01") - day("2024-02-28"), 2);
	assert_int_equal(day("2100-03-01") - day("2100-02-28"), 1);
	assert_int_equal(day("2025-01-01") - day("2024-01-01"), 366);
	assert_int_equal(day("2026-01-01") - day("2025-01-01"), 365);
}

static void
format_roundtrip(void **state)
{
	static const char *const dates[] = {"1970-01-01", "2000-02-29",
					    "2024-12-31", "2026-04-01",
					    "1900-01-01", "9999-12-31"};
	char out[11];
	strat_day d;
	size_t i;
	int y, m, dd;

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		d = day(dates[i]);
		strat_date_format(d, out);
		assert_string_equal(out, dates[i]);
	}
	/* every day of four years, including a leap year, round-trips */
	for (d = day("2023-01-01"); d <= day("2026-12-31"); d++) {
		strat_date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(strat_date_from_ymd(y, m, dd), d);
		strat_date_format(d, out);
		assert_int_equal(day(out), d);
	}
	strat_date_format(STRAT_NO_DATE, out);
	assert_string_equal(out, "-");
}

static void
quarters(void **state)
{
	int y = 0, q = 0;
	static const char *const bad[] = {
	    "2026-Q0",  "2026-Q5", "2026-q1", "2026Q1", "Q1-2026",
	    "2026-Q12", "26-Q1",   "",        "2026-Q", "1899-Q4"};
	size_t i;

	(void)state;
	assert_int_equal(strat_quarter_parse("2026-Q2", &y, &q), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(q, 2);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strat_quarter_parse(bad[i], &y, &q) != -1)
			fail_msg("'%s' parsed as a quarter", bad[i]);
	assert_int_equal(strat_quarter_start(2026, 1), day("2026-01-01"));
	assert_int_equal(strat_quarter_end(2026, 1), day("2026-03-31"));
	assert_int_equal(strat_quarter_start(2026, 2), day("2026-04-01"));
	assert_int_equal(strat_quarter_end(2026, 2), day("2026-06-30"));
	assert_int_equal(strat_quarter_start(2026, 3), day("2026-07-01"));
	assert_int_equal(strat_quarter_end(2026, 3), day("2026-09-30"));
	assert_int_equal(strat_quarter_start(2026, 4), day("2026-10-01"));
	assert_int_equal(strat_quarter_end(2026, 4), day("2026-12-31"));
	/* Q1 of a leap year has 91 days */
	assert_int_equal(
	    strat_quarter_end(2024, 1) - strat_quarter_start(2024, 1) + 1, 91);
	assert_int_equal(
	    strat_quarter_end(2026, 1) - strat_quarter_start(2026, 1) + 1, 90);
}

/* The library reads no environment: STRAT_TODAY is the command's
 * (cmd/util.c, cmd_today); strat_date_today is the clock. */
static void
today_is_the_clock(void **state)
{
	strat_day before, got, after;

	(void)state;
	setenv("STRAT_TODAY", "2001-01-01", 1);
	before = (strat_day)(time(NULL) / 86400);
	got = strat_date_today();
	after = (strat_day)(time(NULL) / 86400);
	unsetenv("STRAT_TODAY");
	assert_true(got >= before && got <= after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parse_valid), cmocka_unit_test(parse_invalid),
	    cmocka_unit_test(leap_years),  cmocka_unit_test(format_roundtrip),
	    cmocka_unit_test(quarters),    cmocka_unit_test(today_is_the_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
