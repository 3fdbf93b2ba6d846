/* test_suggest.c - "did you mean" by edit distance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "plan_impl.h"

static const char *const statuses[] = {"planned", "in-progress", "shipped",
				       "dropped"};
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
close_matches(void **state)
{
	static const char *const keys[] = {
	    "id", "title", "anchor", "owner", "channel", "date", "status"};

	(void)state;
	assert_string_equal(suggest("plannd", statuses, N(statuses)),
			    "planned");
	assert_string_equal(suggest("Shipped", statuses, N(statuses)),
			    "shipped");
	assert_string_equal(suggest("in progress", statuses, N(statuses)),
			    "in-progress");
	assert_string_equal(suggest("titel", keys, N(keys)), "title");
	assert_string_equal(suggest("ower", keys, N(keys)), "owner");
	assert_string_equal(suggest("chanel", keys, N(keys)), "channel");
}

static void
far_or_empty(void **state)
{
	static const char *const people[] = {"dana", "alex", "sam"};

	(void)state;
	assert_null(suggest("done", statuses, N(statuses)));
	assert_null(suggest("zzzzzzzz", statuses, N(statuses)));
	assert_null(suggest("max", people, N(people))); /* 2 edits of 3 */
	assert_string_equal(suggest("sem", people, N(people)), "sam");
	/* an adjacent swap is one edit (bne for ben) */
	assert_string_equal(suggest("sma", people, N(people)), "sam");
	assert_null(suggest("msa", people, N(people))); /* two swaps */
	assert_null(suggest("x", people, 0));
	assert_null(suggest("", people, N(people)));
}

static void
null_candidates_and_ties(void **state)
{
	static const char *const c1[] = {NULL, "blog", NULL};
	static const char *const c2[] = {"bbb", "aaa"};

	(void)state;
	assert_string_equal(suggest("blg", c1, N(c1)), "blog");
	/* a tie goes to the first in byte order, whatever the order given */
	assert_string_equal(suggest("aba", c2, N(c2)), "aaa");
}

static void
long_strings(void **state)
{
	char big[200];
	static const char *c[1];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(big) - 1; i++)
		big[i] = 'a';
	big[sizeof(big) - 1] = '\0';
	c[0] = big;
	assert_null(suggest(big, c, 1)); /* over 64: not compared */
	assert_string_equal(
	    suggest("q3-organc",
		    (const char *const[]){"q3-organic", "q3-events"}, 2),
	    "q3-organic");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(close_matches),
	    cmocka_unit_test(far_or_empty),
	    cmocka_unit_test(null_candidates_and_ties),
	    cmocka_unit_test(long_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
