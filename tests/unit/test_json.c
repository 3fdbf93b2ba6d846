/* test_json.c - the one JSON writer (lib/json.c): escaping and layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "json.h"

static void
escapes(void **state)
{
	sbuf b = {0};
	json_w w;

	(void)state;
	jw_init(&w, &b);
	jw_arr(&w, JW_ROW);
	jw_str(&w, "q\"b\\n\nr\rt\te\x1b"
		   "d\x7f");
	jw_str(&w, "bad \xff\xc0\x80 utf-8, good \xc3\xa9 \xe2\x80\xae");
	jw_str(&w, NULL);
	jw_strn(&w, "a\0b", 3);
	jw_finish(&w);
	assert_false(b.failed);
	assert_string_equal(b.s, "[\"q\\\"b\\\\n\\nr\\rt\\te\\u001bd\\u007f\", "
				 "\"bad \\ufffd\\ufffd\\ufffd utf-8, "
				 "good \xc3\xa9 \\u202e\", null, "
				 "\"a\\u0000b\"]\n");
	free(b.s);
}

static void
layout(void **state)
{
	sbuf b = {0};
	json_w w;

	(void)state;
	jw_init(&w, &b);
	jw_obj(&w, JW_BLOCK);
	jw_kint(&w, "n", -3);
	jw_key(&w, "empty");
	jw_arr(&w, JW_BLOCK);
	jw_end(&w);
	jw_key(&w, "rows");
	jw_arr(&w, JW_BLOCK);
	jw_obj(&w, JW_ROW);
	jw_kuint(&w, "a", 1);
	jw_kbool(&w, "b", 0);
	jw_key(&w, "c");
	jw_fixed(&w, 2.0 / 3.0, 4);
	jw_key(&w, "sub");
	jw_arr(&w, JW_BLOCK); /* a block inside a row breaks lines */
	jw_obj(&w, JW_ROW);
	jw_kstr(&w, "x", "y");
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	jw_kstr(&w, "last", "z");
	jw_finish(&w);
	assert_false(b.failed);
	assert_string_equal(b.s, "{\n"
				 "  \"n\": -3,\n"
				 "  \"empty\": [],\n"
				 "  \"rows\": [\n"
				 "    {\"a\": 1, \"b\": false, \"c\": 0.6667, "
				 "\"sub\": [\n"
				 "      {\"x\": \"y\"}\n"
				 "    ]}\n"
				 "  ],\n"
				 "  \"last\": \"z\"\n"
				 "}\n");
	free(b.s);
}

static void
too_deep(void **state)
{
	sbuf b = {0};
	json_w w;
	int i;

	(void)state;
	jw_init(&w, &b);
	for (i = 0; i <= JW_MAX_DEPTH; i++)
		jw_arr(&w, JW_ROW);
	jw_finish(&w);
	assert_true(b.failed);
	assert_null(sb_finish(&b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(escapes),
	    cmocka_unit_test(layout),
	    cmocka_unit_test(too_deep),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
