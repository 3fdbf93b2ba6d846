/* test_number.c - numbers of a plan: parsing (SPEC.md section 6, rule 5)
 * and the shortest text that reads back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "strat/plan.h"

static void
ok(const char *s, int pct_ok, double want, int want_pct)
{
	double v = -12345;
	int pct = -1;

	if (strat_number_parse(s, pct_ok, &v, &pct) != 0)
		fail_msg("'%s' should parse", s);
	if (v != want || pct != want_pct)
		fail_msg("'%s' read as %g (%d), want %g (%d)", s, v, pct, want,
			 want_pct);
}

static void
bad(const char *s, int pct_ok, int want)
{
	double v = 7;
	int rc = strat_number_parse(s, pct_ok, &v, NULL);

	if (rc != want)
		fail_msg("'%s': %d, want %d", s, rc, want);
	if (v != 7)
		fail_msg("'%s' changed the value", s);
}

static void
parse(void **state)
{
	(void)state;
	ok("400", 0, 400, 0);
	ok("-2.5", 0, -2.5, 0);
	ok("+3", 0, 3, 0);
	ok("1.30", 0, 1.3, 0);
	ok("1e3", 0, 1000, 0);
	ok("1.5E-2", 0, 0.015, 0);
	ok("30%", 1, 30, 1);
	ok("4.5%", 1, 4.5, 1);
	ok("1e15", 0, 1e15, 0);
	ok("-1000000000000000", 0, -1e15, 0);
	bad("30%", 0, -1);
	bad("", 0, -1);
	bad(" 1", 0, -1);
	bad("1 ", 0, -1);
	bad(".5", 0, -1);
	bad("5.", 0, -1);
	bad("1,200", 0, -1);
	bad("0x1F", 0, -1);
	bad("nan", 0, -1);
	bad(".nan", 0, -1);
	bad("inf", 0, -1);
	bad("-.inf", 0, -1);
	bad("1e", 0, -1);
	bad("1e99999", 0, -1);
	bad("%", 1, -1);
	bad("12abc", 0, -1);
	bad("1e16", 0, -2);
	bad("-1000000000000001", 0, -2);
	bad("10000000000000000000000000000000000000000000000000000000000000000"
	    "0",
	    0, -2);
}

static void
format(void **state)
{
	static const struct {
		double v;
		const char *s;
	} cases[] = {{400, "400"},
		     {2.5, "2.5"},
		     {-0.0, "0"},
		     {1e6, "1000000"},
		     {0.1, "0.1"},
		     {1e15, "1000000000000000"},
		     {1234.5678, "1234.5678"},
		     {-42, "-42"}};
	char out[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strat_number_format(cases[i].v, out);
		if (strcmp(out, cases[i].s) != 0)
			fail_msg("%g formats as '%s', want '%s'", cases[i].v,
				 out, cases[i].s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parse),
	    cmocka_unit_test(format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
