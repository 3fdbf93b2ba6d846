/* test_yaml.c - the libyaml wrapper: positions, limits and rejections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "yaml.h"

typedef struct {
	strat_diags *diags;
	arena a;
	ynode *keys[32], *vals[32];
	int nkeys;
	int begin, failed;
} doc;

/* Read a whole document the way lib/model.c does: the root mapping key
 * by key, each value as a tree; from t when given, else from buf. */
static void
parse_text(doc *d, const char *buf, size_t len, const ytext *t)
{
	yreader *r;
	ynode *root, *k, *v;
	int st;

	memset(d, 0, sizeof(*d));
	assert_int_equal(strat_diags_new(&d->diags), 0);
	arena_init(&d->a);
	r = t ? yr_open_text("t.yaml", t, d->diags)
	      : yr_open("t.yaml", buf, len, d->diags);
	assert_non_null(r);
	d->begin = st = yr_begin(r, &d->a, &root);
	if (st == 1) {
		while ((st = yr_next_key(r, &d->a, &k)) == 1) {
			if (yr_value(r, &d->a, &v) < 0)
				break;
			if (d->nkeys < 32) {
				d->keys[d->nkeys] = k;
				d->vals[d->nkeys++] = v;
			}
		}
		if (st == 0 && !yr_failed(r))
			yr_end(r);
	}
	d->failed = yr_failed(r);
	yr_close(r);
}

static void
parse(doc *d, const char *buf, size_t len)
{
	parse_text(d, buf, len, NULL);
}

static void
done(doc *d)
{
	strat_diags_free(d->diags);
	arena_free(&d->a);
}

static const strat_diag *
only(doc *d, strat_rule rule)
{
	const strat_diag *g;

	if (strat_diags_count(d->diags) != 1) {
		size_t i;

		for (i = 0; i < strat_diags_count(d->diags); i++)
			print_message("  %s\n",
				      strat_diags_get(d->diags, i)->message);
		fail_msg("want 1 diagnostic, got %zu",
			 strat_diags_count(d->diags));
	}
	g = strat_diags_get(d->diags, 0);
	assert_string_equal(strat_rule_id(g->rule), strat_rule_id(rule));
	return g;
}

#define PARSE(d, s) parse(d, s, sizeof(s) - 1)

static void
positions_are_one_based_code_points(void **state)
{
	doc d;

	(void)state;
	/* "é" and "日本" are 2 and 6 bytes but 1 and 2 code points */
	PARSE(&d, "kind: calendar\n"
		  "\"é\": x\n"
		  "title: \"日本\"   \n"
		  "k\xc3\xa9y: [a, \"日\", b]\n");
	assert_int_equal(d.begin, 1);
	assert_int_equal(strat_diags_count(d.diags), 0);
	assert_int_equal(d.nkeys, 4);
	assert_int_equal(d.keys[0]->line, 1);
	assert_int_equal(d.keys[0]->column, 1);
	assert_int_equal(d.vals[0]->column, 7);
	assert_int_equal(d.vals[1]->line, 2);
	assert_int_equal(d.vals[1]->column, 6); /* "é": x -> col 6 */
	assert_int_equal(d.vals[2]->column, 8);
	assert_string_equal(d.vals[2]->s, "日本");
	assert_int_equal(d.vals[2]->len, 6);
	assert_int_equal(d.vals[3]->type, YN_SEQ);
	assert_int_equal(d.vals[3]->n, 3);
	assert_int_equal(d.vals[3]->column, 6);
	assert_int_equal(d.vals[3]->first->column, 7);
	assert_int_equal(d.vals[3]->first->next->column, 10);
	assert_int_equal(d.vals[3]->first->next->next->column, 15);
	done(&d);
}

static void
scalars_stay_strings(void **state)
{
	doc d;

	(void)state;
	PARSE(&d, "a: no\nb: 1.30\nc: 2026-04-01\nd: on\ne: ~\nf: ''\n"
		  "g: null\nh: 'null'\ni: 0x1F\n");
	assert_int_equal(strat_diags_count(d.diags), 0);
	assert_string_equal(d.vals[0]->s, "no");
	assert_string_equal(d.vals[1]->s, "1.30");
	assert_string_equal(d.vals[2]->s, "2026-04-01");
	assert_string_equal(d.vals[3]->s, "on");
	assert_int_equal(d.vals[4]->type, YN_NULL);
	assert_int_equal(d.vals[5]->type, YN_SCALAR); /* quoted: a string */
	assert_int_equal(d.vals[5]->len, 0);
	assert_int_equal(d.vals[6]->type, YN_NULL);
	assert_int_equal(d.vals[7]->type, YN_SCALAR);
	assert_string_equal(d.vals[8]->s, "0x1F");
	assert_true(d.vals[0]->plain);
	assert_false(d.vals[7]->plain);
	done(&d);
}

static void
duplicate_keys(void **state)
{
	doc d;
	const strat_diag *g;

	(void)state;
	/* at the root, reported with the line of the first one */
	PARSE(&d, "kind: calendar\nversion: 1\nkind: other\n");
	g = only(&d, STRAT_RULE_DUPLICATE_KEY);
	assert_int_equal(g->line, 3);
	assert_int_equal(g->column, 1);
	assert_string_equal(g->message, "duplicate key 'kind'");
	assert_string_equal(g->hint, "'kind' is first given at line 1");
	done(&d);
	/* inside a value */
	PARSE(&d, "items:\n  - id: a\n    owner: x\n    owner: y\n");
	g = only(&d, STRAT_RULE_DUPLICATE_KEY);
	assert_int_equal(g->line, 4);
	assert_int_equal(g->column, 5);
	assert_string_equal(g->hint, "'owner' is first given at line 3");
	done(&d);
	/* in a large mapping (hashed) */
	{
		char buf[4096];
		size_t n = 0;
		int i;

		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "m:\n");
		for (i = 0; i < 40; i++)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n,
					      "  k%d: v\n", i);
		n +=
		    (size_t)snprintf(buf + n, sizeof(buf) - n, "  k7: again\n");
		parse(&d, buf, n);
		g = only(&d, STRAT_RULE_DUPLICATE_KEY);
		assert_int_equal(g->line, 42);
		assert_string_equal(g->hint, "'k7' is first given at line 9");
		done(&d);
	}
	/* the same key in sibling mappings is fine */
	PARSE(&d, "items:\n  - {id: a}\n  - {id: b}\n");
	assert_int_equal(strat_diags_count(d.diags), 0);
	done(&d);
}

static void
aliases_and_anchors_rejected(void **state)
{
	doc d;
	const strat_diag *g;

	(void)state;
	PARSE(&d, "a: &x 1\n");
	g = only(&d, STRAT_RULE_YAML_ALIAS);
	assert_int_equal(g->line, 1);
	assert_int_equal(g->column, 4);
	assert_string_equal(g->message,
			    "yaml anchor '&x' is not allowed in plan files");
	done(&d);
	PARSE(&d, "a: b\nc: *x\n");
	g = only(&d, STRAT_RULE_YAML_ALIAS);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 4);
	assert_string_equal(g->message,
			    "yaml alias '*x' is not allowed in plan files");
	done(&d);
	PARSE(&d, "&root\nkind: x\n");
	only(&d, STRAT_RULE_YAML_ALIAS);
	done(&d);
	/* the first one ends the reading: one finding per file */
	PARSE(&d, "a: &s [1, 2]\nb: &m {c: d}\n");
	assert_int_equal(strat_diags_count(d.diags), 1);
	done(&d);
}

static void
multiple_documents(void **state)
{
	doc d;
	const strat_diag *g;

	(void)state;
	PARSE(&d, "a: 1\n---\nb: 2\n");
	g = only(&d, STRAT_RULE_MULTIPLE_DOCUMENTS);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 1);
	done(&d);
	PARSE(&d, "---\na: 1\n...\n---\nb: 2\n");
	g = only(&d, STRAT_RULE_MULTIPLE_DOCUMENTS);
	assert_int_equal(g->line, 4);
	done(&d);
	/* one document with explicit markers is fine */
	PARSE(&d, "---\na: 1\n...\n");
	assert_int_equal(strat_diags_count(d.diags), 0);
	assert_int_equal(d.nkeys, 1);
	done(&d);
}

static void
empty_and_non_mapping(void **state)
{
	doc d;

	(void)state;
	PARSE(&d, "");
	assert_int_equal(d.begin, 0);
	done(&d);
	PARSE(&d, "# only a comment\n");
	assert_int_equal(d.begin, 0);
	done(&d);
	PARSE(&d, "---\n");
	assert_int_equal(d.begin, 0);
	assert_int_equal(strat_diags_count(d.diags), 0);
	done(&d);
	PARSE(&d, "- a\n- b\n");
	assert_int_equal(d.begin, -1);
	assert_int_equal(strat_diags_count(d.diags), 0); /* caller says */
	done(&d);
}

static void
depth_limit_fails_fast(void **state)
{
	size_t n = 100000;
	char *buf = malloc(n + 1);
	struct timespec t0, t1;
	double secs;
	const strat_diag *g;
	doc d;

	(void)state;
	assert_non_null(buf);
	memset(buf, '[', n);
	buf[n] = '\n';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	parse(&d, buf, n + 1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	g = only(&d, STRAT_RULE_LIMIT_EXCEEDED);
	assert_int_equal(g->line, 1);
	assert_int_equal(g->column, STRAT_MAX_DEPTH + 1);
	assert_true(d.failed);
	if (secs > 1.0)
		fail_msg("100000 '[' took %.2f s", secs);
	done(&d);
	free(buf);
	/* the same in block style, under a key */
	{
		char b2[8192];
		size_t k = 0;
		int i;

		k += (size_t)snprintf(b2, sizeof(b2), "a:\n");
		for (i = 1; i <= 70; i++)
			k += (size_t)snprintf(b2 + k, sizeof(b2) - k, "%*s- \n",
					      i, "");
		parse(&d, b2, k);
		g = only(&d, STRAT_RULE_LIMIT_EXCEEDED);
		assert_string_equal(g->message,
				    "nesting depth exceeds the limit of 64");
		done(&d);
	}
}

static void
scalar_limit(void **state)
{
	size_t n = STRAT_MAX_SCALAR + 10;
	char *buf = malloc(n + 8);
	doc d;
	const strat_diag *g;

	(void)state;
	assert_non_null(buf);
	memcpy(buf, "a: ", 3);
	memset(buf + 3, 'x', n);
	buf[n + 3] = '\n';
	parse(&d, buf, n + 4);
	g = only(&d, STRAT_RULE_LIMIT_EXCEEDED);
	assert_int_equal(g->line, 1);
	assert_int_equal(g->column, 4);
	done(&d);
	free(buf);
}

static void
nul_byte(void **state)
{
	static const char buf[] = "a: 1\nbé: \"x\0y\"\n";
	doc d;
	const strat_diag *g;

	(void)state;
	parse(&d, buf, sizeof(buf) - 1);
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	/* b 5, é 6-7, ": " 8-9, \" 10, x 11: the NUL is byte 12, col 7 */
	assert_string_equal(g->message, "NUL byte at byte offset 12");
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 7);
	done(&d);
}

static void
invalid_utf8(void **state)
{
	doc d;
	const strat_diag *g;

	(void)state;
	/* a lone continuation byte */
	PARSE(&d, "a: 1\nb: \"\xc3\xa9\x80\"\n");
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_string_equal(g->message,
			    "invalid leading UTF-8 octet at byte offset 11");
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 6);
	assert_string_equal(g->hint, "save the file as UTF-8 text");
	done(&d);
	/* a leading byte whose sequence breaks off: blame its start */
	PARSE(&d, "a: 1\nb: \"\xe6\x97x\"\n");
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_string_equal(g->message,
			    "invalid UTF-8 sequence at byte offset 9");
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 5);
	done(&d);
	/* a Latin-1 file */
	PARSE(&d, "title: caf\xe9\n");
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_int_equal(g->line, 1);
	assert_int_equal(g->column, 11);
	done(&d);
}

static void
syntax_error_position(void **state)
{
	doc d;
	const strat_diag *g;

	(void)state;
	PARSE(&d, "a: [1, 2\nb: 3\n");
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 2);
	assert_non_null(g->hint);
	done(&d);
	PARSE(&d, "a: 1\n\tb: 2\n");
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 1);
	assert_string_equal(
	    g->hint, "indent with spaces; YAML does not allow tabs here");
	done(&d);
}

static void
offset_position(void **state)
{
	static const char s[] = "ab\né日\nx";
	uint32_t l, c;

	(void)state;
	yr_offset_position(s, sizeof(s) - 1, 0, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 1);
	yr_offset_position(s, sizeof(s) - 1, 3, &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 1);
	yr_offset_position(s, sizeof(s) - 1, 5, &l, &c); /* 日 */
	assert_int_equal(l, 2);
	assert_int_equal(c, 2);
	yr_offset_position(s, sizeof(s) - 1, 9, &l, &c); /* x */
	assert_int_equal(l, 3);
	assert_int_equal(c, 1);
	yr_offset_position(s, sizeof(s) - 1, 1000, &l, &c); /* clamped */
	assert_int_equal(l, 3);
	assert_int_equal(c, 2);
}

/* A text read in pieces: at most `most` bytes a call (libyaml asks for
 * its whole buffer), the whole text on demand unless `nowhole`. */
typedef struct {
	const char *buf;
	size_t len, at, most;
	int nowhole, wholes;
} pieces;

static int
piece_read(void *arg, unsigned char *out, size_t cap, size_t *got)
{
	pieces *p = arg;
	size_t n = p->len - p->at;

	if (n > cap)
		n = cap;
	memcpy(out, p->buf + p->at, n);
	p->at += n;
	*got = n;
	return 0;
}

static int
piece_whole(void *arg, const char **buf, size_t *len)
{
	pieces *p = arg;

	p->wholes++;
	if (p->nowhole)
		return -1;
	*buf = p->buf;
	*len = p->len;
	return 0;
}

/* The findings of buf read whole and read in pieces are the same ones,
 * positions, messages and hints alike; the whole text is asked for only
 * when a syntax error must be placed. */
static void
same_streamed(const char *buf, size_t len, int wants_whole)
{
	pieces p = {buf, len, 0, 0, 0, 0};
	ytext t = {NULL, len, piece_read, piece_whole, &p};
	doc a, b;
	size_t i;

	parse(&a, buf, len);
	parse_text(&b, NULL, 0, &t);
	assert_int_equal(p.at, len < 65536 ? len : p.at);
	assert_int_equal(a.begin, b.begin);
	assert_int_equal(a.failed, b.failed);
	assert_int_equal(a.nkeys, b.nkeys);
	assert_int_equal(strat_diags_count(a.diags),
			 strat_diags_count(b.diags));
	for (i = 0; i < strat_diags_count(a.diags); i++) {
		const strat_diag *x = strat_diags_get(a.diags, i),
				 *y = strat_diags_get(b.diags, i);

		assert_int_equal(x->rule, y->rule);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->column, y->column);
		assert_string_equal(x->message, y->message);
		assert_string_equal(x->hint ? x->hint : "-",
				    y->hint ? y->hint : "-");
	}
	assert_int_equal(p.wholes, wants_whole);
	done(&a);
	done(&b);
}

#define SAME_STREAMED(s, w) same_streamed(s, sizeof(s) - 1, w)

static void
streamed_as_whole(void **state)
{
	size_t n = 40000, i;
	char *big = malloc(n + 64);

	(void)state;
	SAME_STREAMED("a: 1\nb: [x, y]\nc: {d: e}\n", 0);
	SAME_STREAMED("a: 1\nb: 2\na: 3\n", 0); /* duplicate key */
	SAME_STREAMED("a: 1\nbé: \"x\0y\"\n", 1);
	SAME_STREAMED("a: 1\nb: \"\xe6\x97x\"\n", 1);
	SAME_STREAMED("a: 1\n\tb: 2\n", 1);
	SAME_STREAMED("title: Webinar: how to\n", 1);
	SAME_STREAMED("a: [1, 2\nb: 3\n", 1);
	/* byte order marks: UTF-8 is read, UTF-16 and UTF-32 refused */
	SAME_STREAMED("\xef\xbb\xbf"
		      "a: 1\n",
		      0);
	SAME_STREAMED("\xff\xfe"
		      "a\0:\0 \0001\0\n\0",
		      1);
	SAME_STREAMED("\xfe\xff\0a", 1);
	SAME_STREAMED("\xff\xfe\0\0a\0\0\0", 1);
	SAME_STREAMED("", 0);
	SAME_STREAMED("a", 0); /* not a mapping: the caller says so */
	/* an error far past libyaml's first buffer */
	assert_non_null(big);
	for (i = 0; i + 12 < n; i += 12)
		snprintf(big + i, 13, "k%09zu:\n", i);
	memcpy(big + i, "\tz: 1\n", 6);
	same_streamed(big, i + 6, 1);
	free(big);
}

/* When the whole text cannot be had again, a syntax error is still
 * reported where libyaml's marks place it (no quote, no crash). */
static void
streamed_without_whole(void **state)
{
	static const char s[] = "a: 1\n\tb: 2\n";
	pieces p = {s, sizeof(s) - 1, 0, 0, 1, 0};
	ytext t = {NULL, sizeof(s) - 1, piece_read, piece_whole, &p};
	const strat_diag *g;
	doc d;

	(void)state;
	parse_text(&d, NULL, 0, &t);
	g = only(&d, STRAT_RULE_YAML_SYNTAX);
	assert_int_equal(g->line, 2);
	assert_int_equal(g->column, 1);
	assert_int_equal(p.wholes, 1);
	done(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(positions_are_one_based_code_points),
	    cmocka_unit_test(scalars_stay_strings),
	    cmocka_unit_test(duplicate_keys),
	    cmocka_unit_test(aliases_and_anchors_rejected),
	    cmocka_unit_test(multiple_documents),
	    cmocka_unit_test(empty_and_non_mapping),
	    cmocka_unit_test(depth_limit_fails_fast),
	    cmocka_unit_test(scalar_limit),
	    cmocka_unit_test(nul_byte),
	    cmocka_unit_test(invalid_utf8),
	    cmocka_unit_test(syntax_error_position),
	    cmocka_unit_test(offset_position),
	    cmocka_unit_test(streamed_as_whole),
	    cmocka_unit_test(streamed_without_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
