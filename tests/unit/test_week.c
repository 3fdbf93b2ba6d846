/* test_week.c - week starts and ISO 8601 labels (spec section 8). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "strat/week.h"

static strat_day
day(const char *s)
{
	strat_day d;

	assert_int_equal(strat_date_parse(s, &d), 0);
	return d;
}

static void
label_is(const char *date, int starts, int y, int w, const char *start)
{
	int ly, lw;
	strat_day s = strat_week_start(day(date), starts);

	assert_int_equal(s, day(start));
	strat_week_label(s, starts, &ly, &lw);
	assert_int_equal(ly, y);
	assert_int_equal(lw, w);
}

static void
test_monday(void **state)
{
	(void)state;
	label_is("2026-09-15", 1, 2026, 38, "2026-09-14");
	label_is("2026-09-14", 1, 2026, 38, "2026-09-14");
	label_is("2026-09-20", 1, 2026, 38, "2026-09-14");
	/* The spec's year-boundary examples. */
	label_is("2026-12-31", 1, 2026, 53, "2026-12-28");
	label_is("2027-01-01", 1, 2026, 53, "2026-12-28");
	label_is("2025-12-29", 1, 2026, 1, "2025-12-29");
	label_is("1970-01-01", 1, 1970, 1, "1969-12-29");
	label_is("1969-12-28", 1, 1969, 52, "1969-12-22");
}

static void
test_sunday(void **state)
{
	(void)state;
	/* Sunday 2026-05-03 to Saturday 05-09 is labelled 2026-W19. */
	label_is("2026-05-03", 0, 2026, 19, "2026-05-03");
	label_is("2026-05-09", 0, 2026, 19, "2026-05-03");
	label_is("2026-05-10", 0, 2026, 20, "2026-05-10");
	label_is("2027-01-02", 0, 2026, 53, "2026-12-27");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_monday),
	    cmocka_unit_test(test_sunday),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
