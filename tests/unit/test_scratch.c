/* test_scratch.c - the scratch plan of history walks (plan_impl.h):
 * each version read releases the previous one, so reading many versions
 * costs what the largest one costs, not their number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "plan_impl.h"

/* Version v of a calendar of n items whose every string is new. */
static size_t
version(char *buf, size_t cap, unsigned v, unsigned n)
{
	size_t len = (size_t)snprintf(buf, cap,
				      "kind: calendar\nversion: 1\n"
				      "items:\n");
	unsigned i;

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(
		    buf + len, cap - len,
		    "  - id: v%u-item-%u\n    title: title %u of version %u\n"
		    "    anchor: a%u\n    owner: o%u\n    channel: c%u\n"
		    "    date: 2026-%02u-%02u\n    status: planned\n",
		    v, i, i, v, v, v, v, 1 + v % 12, 1 + i % 28);
	assert_true(len < cap);
	return len;
}

static void
memory_bounded_by_largest_version(void **state)
{
	static char buf[64 * 1024];
	char want[64];
	strat_plan *p = plan_new_scratch();
	size_t first = 0, len, most = 0;
	unsigned v;
	int loaded;

	(void)state;
	assert_non_null(p);
	for (v = 0; v < 2000; v++) {
		strat_diags *d = NULL;

		len = version(buf, sizeof(buf), v, 100);
		assert_int_equal(strat_diags_new(&d), 0);
		assert_int_equal(plan_scratch_calendar(p, "calendar/c.yaml",
						       buf, len, d, &loaded),
				 0);
		assert_int_equal(loaded, 1);
		assert_int_equal(p->nitems, 100);
		/* the items are those of this version */
		snprintf(want, sizeof(want), "title 99 of version %u", v);
		assert_string_equal(strat_plan_item(p, 99)->title.s, want);
		strat_diags_free(d);
		if (v == 0)
			first = p->mem.total;
		if (p->mem.total > most)
			most = p->mem.total;
	}
	/* 2,000 versions of about 20 KB of strings each kept nothing of the
	 * ones before: the arena holds one version (and a spare chunk) */
	assert_true(most <= 2 * first + (128u << 10));
	strat_plan_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(memory_bounded_by_largest_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
