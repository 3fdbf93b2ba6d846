/*
 * model.c - positioned node trees into the typed model.
 *
 * Each kind of file is described by field tables; one walker applies them,
 * typing scalars by the schema (never by YAML 1.1 rules) and reporting the
 * LOAD-stage rules of the registry as it goes.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag_impl.h"
#include "plan_impl.h"
#include "yaml.h"

typedef enum {
	F_STR,       /* a string */
	F_ID,        /* a string matching the id pattern */
	F_OWNER,     /* one team id */
	F_DATE,      /* YYYY-MM-DD; off points at a strat_str, aux at a day */
	F_QUARTER,   /* YYYY-Qn */
	F_STATUS,    /* planned | in-progress | shipped | dropped */
	F_IDLIST,    /* a list of ids */
	F_STRLIST,   /* a list of strings */
	F_VERSION,   /* the integer 1 */
	F_KIND,      /* the expected kind */
	F_LIST,      /* a list of objects, read by a sub-table */
	F_RULES,     /* mapping of rule id to severity */
	F_WEEKDAY,   /* monday | sunday */
	F_IGNORE,    /* accepted, not kept (e.g. a schema hint) */
	F_NUMBER,    /* a number; off: strat_number, aux: 1 allows '%' */
	F_DAYS,      /* a count of days 1..3650; off: strat_str, aux: int */
	F_DIRECTION, /* up | down; off: strat_str, aux: int (1 = down) */
	F_MAP        /* a mapping, read by f->list */
} ftype;

typedef struct ctx ctx;
typedef struct field field;

/* A key and value of a streamed item whose reading waits for the item's
 * end: what it reports names the item, whose id may come later. */
typedef struct {
	const field *f; /* NULL: the key is not a field (k reports) */
	const ynode *k, *v;
} pending;

struct field {
	const char *name;
	ftype type;
	size_t off, aux;    /* offsets into the object */
	strat_rule missing; /* rule when absent; STRAT_RULE__COUNT = none */
	int (*list)(ctx *c, const ynode *v, void *obj, const field *f);
};

struct ctx {
	strat_plan *plan;
	const char *file;
	strat_diags *diags;
	const char *kind; /* the kind this file must declare */
	const char *what; /* "item 'x'", for messages; NULL: see what() */
	char whatbuf[160];
	const char *noun; /* what() names noun and map or index lazily */
	const ynode *named;
	size_t index;
	int kind_seen, version_seen;
	int fatal; /* the file is not checked further (SPEC.md, "Cascades") */
	/* A streamed item (named == NULL): its id for what(), its scalar
	 * keys for duplicate detection, the pairs read at its end. */
	const char *name;
	char namebuf[100];
	ykey *keys;
	size_t nkeys, capkeys;
	pending *pend;
	size_t npend, cappend;
	uint32_t item_required; /* bits of item_fields */
};

#define NONE      STRAT_RULE__COUNT
#define STR(T, m) offsetof(T, m)

/* strcmp(a, b) == 0 for the short names of the tables, without a call. */
static inline int
streq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int
oom(void)
{
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

/* "item 'x'" or "item 3", formatted only when a message needs it: most
 * objects have no finding at all. */
static const char *
what(ctx *c)
{
	const ynode *k, *map = c->named;

	if (c->what != NULL)
		return c->what;
	if (map == NULL) {
		if (c->name != NULL)
			snprintf(c->whatbuf, sizeof(c->whatbuf), "%s '%s'",
				 c->noun, c->name);
		else
			snprintf(c->whatbuf, sizeof(c->whatbuf), "%s %zu",
				 c->noun, c->index + 1);
		c->what = c->whatbuf;
		return c->what;
	}
	for (k = map->first; k && k->next; k = k->next->next)
		if (k->type == YN_SCALAR && strcmp(k->s, "id") == 0 &&
		    k->next->type == YN_SCALAR && k->next->len < 100) {
			snprintf(c->whatbuf, sizeof(c->whatbuf), "%s '%s'",
				 c->noun, k->next->s);
			c->what = c->whatbuf;
			return c->what;
		}
	snprintf(c->whatbuf, sizeof(c->whatbuf), "%s %zu", c->noun,
		 c->index + 1);
	c->what = c->whatbuf;
	return c->what;
}

static const char *
type_name(const ynode *v)
{
	switch (v->type) {
	case YN_SEQ:
		return "a list";
	case YN_MAP:
		return "a mapping";
	case YN_NULL:
		return "empty";
	default:
		return "a string";
	}
}

static int
wrong_type(ctx *c, const ynode *v, const char *key, const char *want)
{
	return strat_diags_add(
	    c->diags, STRAT_RULE_WRONG_TYPE, c->file, v->line, v->column, NULL,
	    "'%s' of %s must be %s, not %s", key, what(c), want, type_name(v));
}

static int
set_str(ctx *c, strat_str *out, const ynode *v)
{
	out->s = arena_strndup(&c->plan->mem, v->s, v->len);
	out->line = v->line;
	out->column = v->column;
	return out->s ? 0 : oom();
}

/* Lower-case letters and digits as the C locale's islower and isdigit
 * (strat never sets a locale), '.', '_' and '-': bit ch of a 128-bit map,
 * so a character costs no branch on its class. */
#define ID_DIGITS (0x3FFull << '0')
static const uint64_t id_map[2] = {ID_DIGITS | 1ull << '-' | 1ull << '.',
				   0x3FFFFFFull << ('a' - 64) |
				       1ull << ('_' - 64)};
static const uint64_t id_first[2] = {ID_DIGITS, 0x3FFFFFFull << ('a' - 64)};

static inline int
in_map(const uint64_t *map, unsigned char ch)
{
	return ch < 128 && ((map[ch >> 6] >> (ch & 63)) & 1);
}

static int
valid_id(const char *s)
{
	unsigned ok;

	if (!in_map(id_first, (unsigned char)*s))
		return 0;
	for (ok = 1; *s; s++)
		ok &= (unsigned)in_map(id_map, (unsigned char)*s);
	return (int)ok;
}

/* Whether s holds one of ",&/+;" or " and " (one pass). */
static int
several_people(const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case ',':
		case '&':
		case '/':
		case '+':
		case ';':
			return 1;
		case ' ':
			if (s[1] == 'a' && s[2] == 'n' && s[3] == 'd' &&
			    s[4] == ' ')
				return 1;
			break;
		default:
			break;
		}
	return 0;
}

#define OWNER_HINT                                                             \
	"pick the one person accountable; others can help without owning "     \
	"it"
#define ID_HINT                                                                \
	"ids use lowercase letters, digits, '.', '_' and '-', and start "      \
	"with a letter or digit"

static const char *const statuses[] = {"planned", "in-progress", "shipped",
				       "dropped"};

/* The index of status s in statuses, or -1. */
static int
status_index(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (s[0] == statuses[i][0] && streq(s, statuses[i]))
			return i;
	return -1;
}

static int
scalar_field(ctx *c, const field *f, const ynode *v, void *obj)
{
	strat_str *out = (strat_str *)((char *)obj + f->off);
	int rc, y, q, k;
	char hint[128];

	if (v->type != YN_SCALAR) {
		if (f->type == F_OWNER && v->type == YN_SEQ && v->n > 1)
			return strat_diags_add(
			    c->diags, STRAT_RULE_OWNER_NOT_SINGLE, c->file,
			    v->line, v->column, OWNER_HINT,
			    "%s has %u owners; an owner is one person", what(c),
			    (unsigned)v->n);
		if (f->type == F_OWNER && v->type == YN_SEQ)
			return strat_diags_add(
			    c->diags, STRAT_RULE_OWNER_NOT_SINGLE, c->file,
			    v->line, v->column, OWNER_HINT,
			    "owner of %s must be one person, not a list",
			    what(c));
		return wrong_type(c, v, f->name, "a string");
	}
	/* A valid status is one of four constant strings. */
	if (f->type == F_STATUS && (k = status_index(v->s)) >= 0) {
		out->s = statuses[k];
		out->line = v->line;
		out->column = v->column;
		*(strat_status *)((char *)obj + f->aux) = (strat_status)(k + 1);
		return 0;
	}
	if ((rc = set_str(c, out, v)) < 0)
		return rc;
	switch (f->type) {
	case F_ID:
		if (!valid_id(out->s))
			strat_diags_add(c->diags, STRAT_RULE_INVALID_ID,
					c->file, v->line, v->column, ID_HINT,
					"invalid id '%s'", out->s);
		break;
	case F_OWNER:
		if (several_people(out->s)) {
			strat_diags_add(c->diags, STRAT_RULE_OWNER_NOT_SINGLE,
					c->file, v->line, v->column, OWNER_HINT,
					"owner '%s' of %s names more than one "
					"person",
					out->s, what(c));
			/* not a team id: owner-unknown would repeat it */
			out->s = NULL;
		}
		break;
	case F_DATE: {
		strat_day *d = (strat_day *)((char *)obj + f->aux);

		if (strat_date_parse(out->s, d) < 0) {
			char why[96];

			*d = STRAT_NO_DATE;
			strat_date_hint(out->s, why, sizeof(why));
			strat_diags_add(c->diags, STRAT_RULE_INVALID_DATE,
					c->file, v->line, v->column, why,
					"'%s' of %s is not a valid date: '%s'",
					f->name, what(c), out->s);
		}
		break;
	}
	case F_QUARTER: {
		int *yq = (int *)((char *)obj + f->aux);

		if (strat_quarter_parse(out->s, &y, &q) < 0) {
			yq[0] = yq[1] = 0;
			strat_diags_add(c->diags, STRAT_RULE_INVALID_QUARTER,
					c->file, v->line, v->column,
					"expected YYYY-Qn with n from 1 to 4, "
					"e.g. 2026-Q2",
					"'%s' of %s is not a valid quarter: "
					"'%s'",
					f->name, what(c), out->s);
		} else {
			yq[0] = y;
			yq[1] = q;
		}
		break;
	}
	case F_STATUS: {
		strat_status *st = (strat_status *)((char *)obj + f->aux);
		const char *s;

		k = status_index(out->s);
		*st = k >= 0 ? (strat_status)(k + 1) : STRAT_STATUS_NONE;
		if (*st == STRAT_STATUS_NONE) {
			s = suggest(out->s, statuses, 4);
			if (s)
				snprintf(hint, sizeof(hint),
					 "did you mean '%s'?", s);
			else
				snprintf(hint, sizeof(hint),
					 "use planned, in-progress, shipped "
					 "or dropped");
			strat_diags_add(c->diags, STRAT_RULE_INVALID_STATUS,
					c->file, v->line, v->column, hint,
					"unknown status '%s' of %s", out->s,
					what(c));
		}
		break;
	}
	default:
		break;
	}
	return 0;
}

static int
list_field(ctx *c, const field *f, const ynode *v, void *obj)
{
	strat_str **arr = (strat_str **)((char *)obj + f->off);
	size_t *n = (size_t *)((char *)obj + f->aux);
	const ynode *e;
	size_t i = 0;
	int rc;

	if (v->type != YN_SEQ)
		return wrong_type(c, v, f->name, "a list of strings");
	*arr = arena_zalloc(&c->plan->mem, (v->n ? v->n : 1) * sizeof(**arr));
	if (*arr == NULL)
		return oom();
	for (e = v->first; e; e = e->next) {
		if (e->type != YN_SCALAR) {
			wrong_type(c, e, f->name, "a list of strings");
			continue;
		}
		if ((rc = set_str(c, &(*arr)[i], e)) < 0)
			return rc;
		if (f->type == F_IDLIST && !valid_id((*arr)[i].s))
			strat_diags_add(c->diags, STRAT_RULE_INVALID_ID,
					c->file, e->line, e->column, ID_HINT,
					"invalid id '%s'", (*arr)[i].s);
		i++;
	}
	*n = i;
	return 0;
}

static int
version_field(ctx *c, const field *f, const ynode *v)
{
	char hint[128];

	c->version_seen = 1;
	if (v->type != YN_SCALAR || !v->plain || v->len == 0 ||
	    strspn(v->s, "0123456789") != v->len)
		return wrong_type(c, v, f->name, "the integer 1");
	if (strcmp(v->s, "1") != 0) {
		c->fatal = 1;
		snprintf(hint, sizeof(hint),
			 "this strat reads format version 1; upgrade strat "
			 "or write '%s: 1'",
			 f->name);
		return strat_diags_add(c->diags, STRAT_RULE_UNSUPPORTED_VERSION,
				       c->file, v->line, v->column, hint,
				       "unsupported format version '%s'", v->s);
	}
	return 0;
}

static int
kind_field(ctx *c, const ynode *v)
{
	static const char *const kinds[] = {"calendar", "strategy", "team",
					    "metrics"};
	const char *sug;
	char hint[128];
	size_t i;

	c->kind_seen = 1;
	if (v->type != YN_SCALAR)
		return wrong_type(c, v, "kind", "a string");
	if (strcmp(v->s, c->kind) == 0)
		return 0;
	c->fatal = 1;
	snprintf(hint, sizeof(hint),
		 "this path is read as a %s file; write 'kind: %s' or move "
		 "the file",
		 c->kind, c->kind);
	for (i = 0; i < 4; i++)
		if (strcmp(v->s, kinds[i]) == 0)
			return strat_diags_add(
			    c->diags, STRAT_RULE_UNKNOWN_KIND, c->file, v->line,
			    v->column, hint,
			    "file has kind '%s', expected '%s'", v->s, c->kind);
	if ((sug = suggest(v->s, kinds, 4)) != NULL)
		snprintf(hint, sizeof(hint), "did you mean '%s'?", sug);
	return strat_diags_add(c->diags, STRAT_RULE_UNKNOWN_KIND, c->file,
			       v->line, v->column, hint, "unknown kind '%s'",
			       v->s);
}

static int
rules_field(ctx *c, const ynode *v)
{
	const ynode *k, *s;
	int r;
	const char *ids[STRAT_RULE__COUNT], *sug;
	static const char *const sevs[] = {"error", "warning", "off"};
	char hint[128];
	size_t i;

	if (v->type != YN_MAP)
		return wrong_type(c, v, "rules",
				  "a mapping of rule to severity");
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		ids[i] = strat_rule_id((strat_rule)i);
	for (k = v->first; k && k->next; k = k->next->next) {
		s = k->next;
		if (k->type != YN_SCALAR)
			continue;
		r = strat_rule_lookup(k->s);
		if (r < 0) {
			sug = suggest(k->s, ids, STRAT_RULE__COUNT);
			if (sug)
				snprintf(hint, sizeof(hint),
					 "did you mean '%s'?", sug);
			strat_diags_add(c->diags, STRAT_RULE_UNKNOWN_KEY,
					c->file, k->line, k->column,
					sug ? hint
					    : "'strat help rules' lists them",
					"unknown rule '%s'", k->s);
			continue;
		}
		if (s->type != YN_SCALAR) {
			wrong_type(c, s, k->s, "error, warning or off");
			continue;
		}
		for (i = 0; i < 3; i++)
			if (strcmp(s->s, sevs[i]) == 0)
				break;
		if (i == 3) {
			strat_diags_add(
			    c->diags, STRAT_RULE_WRONG_TYPE, c->file, s->line,
			    s->column, "use error, warning or off",
			    "unknown severity '%s' for rule '%s'", s->s, k->s);
			continue;
		}
		strat_diags_set_severity(c->diags, (strat_rule)r,
					 i == 0   ? STRAT_SEV_ERROR
					 : i == 1 ? STRAT_SEV_WARNING
						  : STRAT_SEV_OFF);
	}
	return 0;
}

static int
field_is(const field *f, const char *name)
{
	return f->name[0] == name[0] && streq(f->name, name);
}

static const field *
find_field(const field *t, const char *name)
{
	for (; t->name; t++)
		if (field_is(t, name))
			return t;
	return NULL;
}

static int
unknown_key(ctx *c, const field *t, const ynode *k)
{
	const char *names[32], *s;
	char hint[128];
	size_t n = 0;

	for (; t->name && n < 32; t++)
		names[n++] = t->name;
	s = suggest(k->s, names, n);
	if (s)
		snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
	return strat_diags_add(c->diags, STRAT_RULE_UNKNOWN_KEY, c->file,
			       k->line, k->column, s ? hint : NULL,
			       "unknown key '%s' in %s", k->s, what(c));
}

/* What a key that is not a field of t reports. */
static int
key_error(ctx *c, const field *t, const ynode *k)
{
	if (k->type != YN_SCALAR) {
		return strat_diags_add(c->diags, STRAT_RULE_WRONG_TYPE, c->file,
				       k->line, k->column, NULL,
				       "keys of %s must be strings", what(c));
	}
	if (k->s[0] == '<' && k->s[1] == '<' && k->s[2] == '\0') {
		c->fatal = 1;
		return strat_diags_add(c->diags, STRAT_RULE_YAML_ALIAS, c->file,
				       k->line, k->column,
				       "write the values out in full",
				       "yaml merge key '<<' is not allowed in "
				       "plan files");
	}
	return unknown_key(c, t, k);
}

/* Type the text of num as a number; report what does not parse. */
static int
number_check(ctx *c, strat_number *num, int percent_ok, const char *key)
{
	int rc;

	rc = strat_number_parse(num->text.s, percent_ok, &num->value,
				&num->percent);
	num->valid = rc == 0;
	if (rc == -2)
		return strat_diags_add(
		    c->diags, STRAT_RULE_INVALID_NUMBER, c->file,
		    num->text.line, num->text.column,
		    "numbers of a plan lie between -1e15 and 1e15",
		    "'%s' of %s is out of range: '%s'", key, what(c),
		    num->text.s);
	if (rc < 0)
		return strat_diags_add(
		    c->diags, STRAT_RULE_INVALID_NUMBER, c->file,
		    num->text.line, num->text.column,
		    percent_ok ? "write a decimal number such as 400, "
				 "2.5 or 30%"
			       : "write a decimal number such as 400 or "
				 "2.5, without a unit",
		    "'%s' of %s is not a number: '%s'", key, what(c),
		    num->text.s);
	return 0;
}

static int
number_field(ctx *c, const field *f, const ynode *v, void *obj)
{
	strat_number *num = (strat_number *)((char *)obj + f->off);
	int rc;

	if (v->type != YN_SCALAR)
		return wrong_type(c, v, f->name, "a number");
	if ((rc = set_str(c, &num->text, v)) < 0)
		return rc;
	return number_check(c, num, (int)f->aux, f->name);
}

/* kpi-stale-days and direction: a few words or digits. */
static int
small_field(ctx *c, const field *f, const ynode *v, void *obj)
{
	strat_str *out = (strat_str *)((char *)obj + f->off);
	int *val = (int *)((char *)obj + f->aux);
	int rc, min;

	if (v->type != YN_SCALAR)
		return wrong_type(c, v, f->name,
				  f->type == F_DAYS ? "a number of days"
						    : "up or down");
	if ((rc = set_str(c, out, v)) < 0)
		return rc;
	if (f->type == F_DIRECTION) {
		if (strcmp(v->s, "up") == 0 || strcmp(v->s, "down") == 0) {
			*val = v->s[0] == 'd';
			return 0;
		}
		out->s = NULL;
		return strat_diags_add(c->diags, STRAT_RULE_WRONG_TYPE, c->file,
				       v->line, v->column,
				       "use up (higher is better) or down "
				       "(lower is better)",
				       "'direction' of %s must be up or down, "
				       "not '%s'",
				       what(c), v->s);
	}
	/* a grace window may be none at all */
	min = strcmp(f->name, "grace-days") == 0 ? 0 : 1;
	if (!v->plain || v->len == 0 || v->len > 4 ||
	    strspn(v->s, "0123456789") != v->len || atoi(v->s) < min ||
	    atoi(v->s) > 3650) {
		out->s = NULL;
		return strat_diags_add(c->diags, STRAT_RULE_WRONG_TYPE, c->file,
				       v->line, v->column,
				       min ? "write a whole number of days "
					     "from 1 to 3650"
					   : "write a whole number of days "
					     "from 0 to 3650",
				       "'%s' must be a number of days, not "
				       "'%s'",
				       f->name, v->s);
	}
	*val = atoi(v->s);
	return 0;
}

/* Apply one key and value of an object; sets bit i of *seen. */
static int
apply(ctx *c, const field *t, const ynode *k, const ynode *v, void *obj,
      uint32_t *seen)
{
	const field *f;

	if (k->type != YN_SCALAR || (f = find_field(t, k->s)) == NULL)
		return key_error(c, t, k);
	if ((v->type == YN_NULL || (v->type == YN_SCALAR && v->len == 0)) &&
	    f->type != F_VERSION && f->type != F_KIND)
		return 0; /* an empty value ('', "" or none) counts as absent */
	if (*seen & (1u << (f - t)))
		return 0; /* a duplicate key (reported): the first is used */
	*seen |= 1u << (f - t);
	switch (f->type) {
	case F_VERSION:
		return version_field(c, f, v);
	case F_KIND:
		return kind_field(c, v);
	case F_IDLIST:
	case F_STRLIST:
		return list_field(c, f, v, obj);
	case F_LIST:
		if (v->type != YN_SEQ)
			return wrong_type(c, v, f->name, "a list");
		return f->list(c, v, obj, f);
	case F_RULES:
		return rules_field(c, v);
	case F_WEEKDAY:
		if (v->type != YN_SCALAR ||
		    (strcmp(v->s, "monday") && strcmp(v->s, "sunday")))
			return strat_diags_add(c->diags, STRAT_RULE_WRONG_TYPE,
					       c->file, v->line, v->column,
					       NULL,
					       "'week-starts' must be monday "
					       "or sunday");
		*(int *)((char *)obj + f->off) = strcmp(v->s, "monday") == 0;
		return 0;
	case F_IGNORE:
		return 0;
	case F_MAP:
		if (v->type != YN_MAP)
			return wrong_type(c, v, f->name, "a mapping");
		return f->list(c, v, obj, f);
	case F_NUMBER:
		return number_field(c, f, v, obj);
	case F_DAYS:
	case F_DIRECTION:
		return small_field(c, f, v, obj);
	default:
		return scalar_field(c, f, v, obj);
	}
}

/* Report required fields that stayed absent (an empty value is absent). */
static int
missing(ctx *c, const field *t, uint32_t seen, uint32_t line, uint32_t col)
{
	const field *f;
	char hint[128];

	for (f = t; f->name; f++) {
		if (f->missing == NONE || (seen & (1u << (f - t))))
			continue;
		if (f->type == F_KIND) {
			c->fatal = 1;
			snprintf(hint, sizeof(hint), "add 'kind: %s'", c->kind);
			strat_diags_add(c->diags, STRAT_RULE_UNKNOWN_KIND,
					c->file, line, col, hint,
					"missing 'kind' (expected '%s')",
					c->kind);
		} else if (f->missing == STRAT_RULE_MISSING_FIELD) {
			snprintf(hint, sizeof(hint),
				 f->type == F_VERSION ? "add '%s: 1'"
						      : "add '%s:'",
				 f->name);
			strat_diags_add(c->diags, f->missing, c->file, line,
					col, hint,
					"%s is missing required field '%s'",
					what(c), f->name);
		} else {
			snprintf(hint, sizeof(hint), "%s",
				 f->type == F_OWNER
				     ? "add 'owner: <team id>', the one "
				       "person accountable"
				     : "add 'anchor: <anchor id>', the "
				       "strategy anchor it serves");
			strat_diags_add(c->diags, f->missing, c->file, line,
					col, hint, "%s has no %s", what(c),
					f->name);
		}
	}
	return 0;
}

static int
apply_map(ctx *c, const field *t, const ynode *map, void *obj)
{
	const ynode *k;
	uint32_t seen = 0;
	int rc;

	for (k = map->first; k && k->next; k = k->next->next)
		if ((rc = apply(c, t, k, k->next, obj, &seen)) < 0)
			return rc;
	return missing(c, t, seen, map->line, map->column);
}

/* "anchor 'q2-seo'" or "anchor 3" when it has no usable id; see what(). */
static void
name_it(ctx *c, const char *noun, const ynode *map, size_t index)
{
	c->what = NULL;
	c->noun = noun;
	c->named = map;
	c->index = index;
}

/* Read a list of objects of size sz with table t into *arr, *n. */
static int
object_list(ctx *c, const ynode *v, void **arr, size_t *n, size_t sz,
	    const field *t, const char *noun)
{
	const ynode *e;
	const char *saved = what(c);
	char *base;
	size_t i = 0;
	int rc;

	base = arena_zalloc(&c->plan->mem, (v->n ? v->n : 1) * sz);
	if (base == NULL)
		return oom();
	for (e = v->first; e; e = e->next) {
		if (e->type != YN_MAP) {
			c->what = saved;
			wrong_type(c, e, noun, "a mapping");
			continue;
		}
		name_it(c, noun, e, i);
		((uint32_t *)(base + i * sz))[0] = e->line;
		((uint32_t *)(base + i * sz))[1] = e->column;
		if ((rc = apply_map(c, t, e, base + i * sz)) < 0)
			return rc;
		i++;
	}
	c->what = saved;
	*arr = base;
	*n = i;
	return 0;
}

/* ---- strategy ---- */

static const field milestone_fields[] = {
    {"title", F_STR, STR(strat_milestone, title), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"date", F_DATE, STR(strat_milestone, date_text),
     STR(strat_milestone, date), STRAT_RULE_MISSING_FIELD, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static int
milestones(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_anchor *a = obj;
	const ynode *e;
	const char *saved = what(c);
	char what[160];
	size_t i = 0;
	int rc;

	(void)f;
	a->milestones = arena_zalloc(
	    &c->plan->mem, (v->n ? v->n : 1) * sizeof(strat_milestone));
	if (a->milestones == NULL)
		return oom();
	snprintf(what, sizeof(what), "a milestone of %s", saved);
	for (e = v->first; e; e = e->next) {
		c->what = what;
		if (e->type != YN_MAP) {
			wrong_type(c, e, "milestones", "a mapping");
			continue;
		}
		a->milestones[i].date = STRAT_NO_DATE;
		if ((rc = apply_map(c, milestone_fields, e,
				    &a->milestones[i])) < 0)
			return rc;
		i++;
	}
	c->what = saved;
	a->nmilestones = i;
	return 0;
}

static const field done_when_fields[] = {
    {"kpi", F_ID, STR(strat_done_when, kpi), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"at-least", F_NUMBER, STR(strat_done_when, bound), 0, NONE, NULL},
    {"at-most", F_NUMBER, STR(strat_done_when, bound), 0, NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

/* done-when: {kpi: <id>, at-least: N} or {kpi: <id>, at-most: N}. */
static int
done_when(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_anchor *a = obj;
	strat_done_when *dw = &a->done_when;
	const char *saved = what(c);
	char what[192];
	const ynode *k;
	uint32_t seen = 0;
	int rc;

	(void)f;
	snprintf(what, sizeof(what), "'done-when' of %s", saved);
	c->what = what;
	dw->line = v->line;
	dw->column = v->column;
	for (k = v->first; k && k->next; k = k->next->next)
		if ((rc = apply(c, done_when_fields, k, k->next, dw, &seen)) <
		    0)
			return rc;
	rc = missing(c, done_when_fields, seen, v->line, v->column);
	if ((seen & 6) == 6) {
		strat_diags_add(c->diags, STRAT_RULE_WRONG_TYPE, c->file,
				v->line, v->column,
				"keep one of 'at-least' and 'at-most'",
				"%s gives both 'at-least' and 'at-most'", what);
		dw->op = STRAT_DONE_NONE;
	} else if ((seen & 6) == 0) {
		strat_diags_add(c->diags, STRAT_RULE_MISSING_FIELD, c->file,
				v->line, v->column,
				"add 'at-least: N' or 'at-most: N'",
				"%s gives no bound", what);
	} else {
		dw->op = (seen & 2) ? STRAT_DONE_AT_LEAST : STRAT_DONE_AT_MOST;
	}
	c->what = saved;
	return rc;
}

/* The first two members of anchor, outcome, kpi and person are line and
 * column; object_list fills them. */
static const field anchor_fields[] = {
    {"id", F_ID, STR(strat_anchor, id), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, STR(strat_anchor, title), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"quarter", F_QUARTER, STR(strat_anchor, quarter), STR(strat_anchor, year),
     STRAT_RULE_MISSING_FIELD, NULL},
    {"owner", F_OWNER, STR(strat_anchor, owner), 0,
     STRAT_RULE_ANCHOR_OWNER_MISSING, NULL},
    {"outcomes", F_IDLIST, STR(strat_anchor, outcomes),
     STR(strat_anchor, noutcomes), STRAT_RULE_MISSING_FIELD, NULL},
    {"done", F_STR, STR(strat_anchor, done), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"milestones", F_LIST, 0, 0, NONE, milestones},
    {"notes", F_IGNORE, 0, 0, NONE, NULL},
    {"done-when", F_MAP, 0, 0, NONE, done_when},
    {NULL, 0, 0, 0, NONE, NULL}};

static const field outcome_fields[] = {
    {"id", F_ID, STR(strat_outcome, id), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, STR(strat_outcome, title), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"owner", F_OWNER, STR(strat_outcome, owner), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"kpi", F_ID, STR(strat_outcome, kpi), 0, NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static const field kpi_fields[] = {
    {"id", F_ID, STR(strat_kpi, id), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, STR(strat_kpi, title), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"owner", F_OWNER, STR(strat_kpi, owner), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"target", F_STR, STR(strat_kpi, target), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"unit", F_STR, STR(strat_kpi, unit), 0, NONE, NULL},
    {"direction", F_DIRECTION, STR(strat_kpi, direction), STR(strat_kpi, down),
     NONE, NULL},
    {"baseline", F_NUMBER, STR(strat_kpi, baseline), 1, NONE, NULL},
    {"target-date", F_DATE, STR(strat_kpi, target_date_text),
     STR(strat_kpi, target_date), NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static int
anchors(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_strategy *s = obj;
	size_t i;
	int rc;

	(void)f;
	rc = object_list(c, v, (void **)&s->anchors, &s->nanchors,
			 sizeof(strat_anchor), anchor_fields, "anchor");
	/* quarter defaults: a missing quarter leaves year 0 */
	for (i = 0; rc == 0 && i < s->nanchors; i++)
		if (s->anchors[i].quarter.s == NULL)
			s->anchors[i].year = 0;
	return rc;
}

static int
outcomes(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_strategy *s = obj;

	(void)f;
	return object_list(c, v, (void **)&s->outcomes, &s->noutcomes,
			   sizeof(strat_outcome), outcome_fields, "outcome");
}

static int
kpis(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_strategy *s = obj;
	strat_kpi *k;
	const char *saved = c->what;
	size_t i;
	int rc;

	(void)f;
	/* the target is kept as written (a string, section 3) and typed as a
	 * number here: "400" and "30%" are numbers */
	rc = object_list(c, v, (void **)&s->kpis, &s->nkpis, sizeof(strat_kpi),
			 kpi_fields, "kpi");
	for (i = 0; rc == 0 && i < s->nkpis; i++) {
		k = &s->kpis[i];
		if (k->target_date_text.s == NULL)
			k->target_date = STRAT_NO_DATE;
		if (k->target.s == NULL)
			continue;
		k->target_num.text = k->target;
		c->what = NULL;
		c->noun = "kpi";
		c->named = NULL;
		c->name = k->id.s;
		c->index = i;
		rc = number_check(c, &k->target_num, 1, "target");
		c->name = NULL;
		c->what = saved;
	}
	return rc;
}

/* ---- metrics ---- */

static const field reading_fields[] = {
    {"kpi", F_ID, STR(strat_reading, kpi), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"date", F_DATE, STR(strat_reading, date_text), STR(strat_reading, date),
     STRAT_RULE_MISSING_FIELD, NULL},
    {"value", F_NUMBER, STR(strat_reading, value), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"note", F_STR, STR(strat_reading, note), 0, NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static int
readings(ctx *c, const ynode *v, void *obj, const field *f)
{
	const ynode *e;
	strat_reading *r;
	const char *saved = what(c);
	size_t i = 0;
	int rc;

	(void)obj;
	(void)f;
	for (e = v->first; e; e = e->next, i++) {
		if (e->type != YN_MAP) {
			c->what = saved;
			wrong_type(c, e, "readings", "a mapping");
			continue;
		}
		if ((r = plan_reading_new(c->plan)) == NULL)
			return oom();
		r->line = e->line;
		r->column = e->column;
		r->file = c->file;
		r->date = STRAT_NO_DATE;
		c->what = NULL;
		c->noun = "reading";
		c->named = NULL;
		c->name = NULL;
		c->index = i;
		if ((rc = apply_map(c, reading_fields, e, r)) < 0)
			return rc;
	}
	c->what = saved;
	return 0;
}

static const field metrics_fields[] = {
    {"kind", F_KIND, 0, 0, STRAT_RULE_UNKNOWN_KIND, NULL},
    {"version", F_VERSION, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_IGNORE, 0, 0, NONE, NULL},
    {"readings", F_LIST, 0, 0, STRAT_RULE_MISSING_FIELD, readings},
    {NULL, 0, 0, 0, NONE, NULL}};

static const field strategy_fields[] = {
    {"kind", F_KIND, 0, 0, STRAT_RULE_UNKNOWN_KIND, NULL},
    {"version", F_VERSION, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, STR(strat_strategy, title), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"owner", F_OWNER, STR(strat_strategy, owner), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"thesis", F_STR, STR(strat_strategy, thesis), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"outcomes", F_LIST, 0, 0, NONE, outcomes},
    {"kpis", F_LIST, 0, 0, NONE, kpis},
    {"anchors", F_LIST, 0, 0, STRAT_RULE_MISSING_FIELD, anchors},
    {NULL, 0, 0, 0, NONE, NULL}};

/* ---- team ---- */

static const field person_fields[] = {
    {"id", F_ID, STR(strat_person, id), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"name", F_STR, STR(strat_person, name), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"email", F_STR, STR(strat_person, email), 0, NONE, NULL},
    {"role", F_STR, STR(strat_person, role), 0, NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static int
people(ctx *c, const ynode *v, void *obj, const field *f)
{
	strat_team *t = obj;

	(void)f;
	return object_list(c, v, (void **)&t->people, &t->npeople,
			   sizeof(strat_person), person_fields, "person");
}

static const field team_fields[] = {
    {"kind", F_KIND, 0, 0, STRAT_RULE_UNKNOWN_KIND, NULL},
    {"version", F_VERSION, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"people", F_LIST, 0, 0, STRAT_RULE_MISSING_FIELD, people},
    {NULL, 0, 0, 0, NONE, NULL}};

/* ---- config ---- */

static const field config_fields[] = {
    {"strat", F_VERSION, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"strategy", F_STR, STR(strat_config, strategy), 0, NONE, NULL},
    {"team", F_STR, STR(strat_config, team), 0, NONE, NULL},
    {"calendars", F_STRLIST, STR(strat_config, calendars),
     STR(strat_config, ncalendars), NONE, NULL},
    {"channels", F_STRLIST, STR(strat_config, channels),
     STR(strat_config, nchannels), NONE, NULL},
    {"week-starts", F_WEEKDAY, STR(strat_config, week_starts), 0, NONE, NULL},
    {"grace-days", F_DAYS, STR(strat_config, grace_days_text),
     STR(strat_config, grace_days), NONE, NULL},
    {"stale-days", F_DAYS, STR(strat_config, item_stale_days_text),
     STR(strat_config, item_stale_days), NONE, NULL},
    {"rules", F_RULES, 0, 0, NONE, NULL},
    {"metrics", F_STRLIST, STR(strat_config, metrics),
     STR(strat_config, nmetrics), NONE, NULL},
    {"kpi-stale-days", F_DAYS, STR(strat_config, stale_days_text),
     STR(strat_config, stale_days), NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

/* ---- calendar ---- */

static const field item_fields[] = {
    {"id", F_ID, STR(strat_item, id), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, STR(strat_item, title), 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"anchor", F_ID, STR(strat_item, anchor), 0, STRAT_RULE_ITEM_ANCHOR_MISSING,
     NULL},
    {"owner", F_OWNER, STR(strat_item, owner), 0, STRAT_RULE_ITEM_OWNER_MISSING,
     NULL},
    {"channel", F_STR, STR(strat_item, channel), 0, STRAT_RULE_MISSING_FIELD,
     NULL},
    {"date", F_DATE, STR(strat_item, date_text), STR(strat_item, date),
     STRAT_RULE_MISSING_FIELD, NULL},
    {"status", F_STATUS, STR(strat_item, status_text), STR(strat_item, status),
     STRAT_RULE_MISSING_FIELD, NULL},
    {"shipped", F_DATE, STR(strat_item, shipped_text), STR(strat_item, shipped),
     NONE, NULL},
    {"link", F_STR, STR(strat_item, link), 0, NONE, NULL},
    {"notes", F_STR, STR(strat_item, notes), 0, NONE, NULL},
    {"kpi", F_ID, STR(strat_item, kpi), 0, NONE, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

static const field calendar_fields[] = {
    {"kind", F_KIND, 0, 0, STRAT_RULE_UNKNOWN_KIND, NULL},
    {"version", F_VERSION, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {"title", F_STR, 0, 0, NONE, NULL}, /* off 0: the calendar's title */
    {"items", F_LIST, 0, 0, STRAT_RULE_MISSING_FIELD, NULL},
    {NULL, 0, 0, 0, NONE, NULL}};

/* Type scalar v of field f straight from the event stream when that
 * reports nothing: 1 when done, 0 when scalar_field must read it (it has
 * a finding to report), or a negative code.  Writes nothing to obj in the
 * 0 case but what scalar_field sets anew. */
static int
item_scalar(ctx *c, const field *f, const yscalar *v, void *obj)
{
	strat_str *out = (strat_str *)((char *)obj + f->off);
	strat_day *d;
	int k;
	ftype ty;

	ty = f->type;
	switch (ty) {
	case F_STATUS:
		if ((k = status_index(v->s)) < 0)
			return 0;
		out->s = statuses[k];
		out->line = v->line;
		out->column = v->column;
		*(strat_status *)((char *)obj + f->aux) = (strat_status)(k + 1);
		return 1;
	case F_DATE:
		d = (strat_day *)((char *)obj + f->aux);
		if (v->len != 10 || strat_date_parse(v->s, d) < 0)
			return 0;
		out->line = v->line;
		out->column = v->column;
		out->s = arena_strndup(&c->plan->mem, v->s, v->len);
		return out->s ? 1 : oom();
	case F_ID:
	case F_OWNER:
	case F_STR:
		break;
	default:
		return 0;
	}
	if (ty == F_ID ? !valid_id(v->s)
		       : ty == F_OWNER && several_people(v->s))
		return 0;
	out->line = v->line;
	out->column = v->column;
	out->s = arena_strndup(&c->plan->mem, v->s, v->len);
	return out->s ? 1 : oom();
}

/* The field of item_fields named s (len bytes), *exact when its name is
 * all of s (a key holding a NUL byte is not). */
static inline const field *
item_field(const char *s, uint32_t len, int *exact)
{
	const field *f = find_field(item_fields, s);

	*exact = f != NULL && strlen(s) == len;
	return f;
}

static int
grow_keys(ctx *c)
{
	ykey *v =
	    realloc(c->keys, (c->capkeys ? 2 * c->capkeys : 16) * sizeof(*v));

	if (v == NULL)
		return oom();
	c->keys = v;
	c->capkeys = c->capkeys ? 2 * c->capkeys : 16;
	return 0;
}

static inline int
push_key(ctx *c, const char *s, uint32_t len, uint32_t line, uint32_t col)
{
	ykey *v;
	int rc;

	if (c->nkeys == c->capkeys && (rc = grow_keys(c)) < 0)
		return rc;
	v = &c->keys[c->nkeys++];
	v->s = s;
	v->len = len;
	v->line = line;
	v->column = col;
	return 0;
}

/* The text of v (shorter than namebuf), kept for what(). */
static const char *
name_copy(ctx *c, const yscalar *v)
{
	memcpy(c->namebuf, v->s, v->len + 1);
	return c->namebuf;
}

static int
push_pending(ctx *c, const field *f, const ynode *k, const ynode *v)
{
	pending *p;

	if (c->npend == c->cappend) {
		p = realloc(c->pend,
			    (c->cappend ? 2 * c->cappend : 16) * sizeof(*p));
		if (p == NULL)
			return oom();
		c->pend = p;
		c->cappend = c->cappend ? 2 * c->cappend : 16;
	}
	p = &c->pend[c->npend++];
	p->f = f;
	p->k = k;
	p->v = v;
	return 0;
}

/*
 * Read the item whose mapping r has just entered (at line, col), key by
 * key from the event stream: a scalar value of a field is typed straight
 * into the item, one copy.  What would report a finding (a key that is
 * not a field, a value of the wrong type or with a finding) is kept as a
 * node and read at the end of the mapping, after its duplicate keys, so
 * findings come in the order and with the names apply_map gives them.
 * Returns 0 or a negative code; on a YAML error (reported) the reader has
 * failed and the item is left half read (the file is discarded).
 */
static int
stream_item(ctx *c, yreader *r, arena *a, uint32_t line, uint32_t col,
	    size_t index)
{
	const field *t = item_fields, *f;
	strat_item *it;
	yscalar ks, vs;
	ynode *k, *v;
	uint32_t seen = 0, bit, keybits = 0;
	size_t pairs = 0, i;
	int st, rc, dups = 0, exact, named;

	if ((it = plan_item_new(c->plan)) == NULL)
		return oom();
	it->file = c->file;
	it->line = line;
	it->column = col;
	it->date = it->shipped = STRAT_NO_DATE;
	name_it(c, "item", NULL, index);
	c->name = NULL;
	c->nkeys = c->npend = 0;
	while ((st = yr_map_key(r, &ks)) > 0) {
		pairs++;
		k = v = NULL;
		f = NULL;
		if (st == 2) { /* a list or mapping as a key */
			if (yr_value(r, a, &k) < 0)
				return 0;
		} else if (ks.type == YN_SCALAR &&
			   (f = item_field(ks.s, ks.len, &exact)) != NULL &&
			   exact) {
			/* the field's name is the key's text: a duplicate
			 * is possible only when its field comes again */
			bit = 1u << (f - t);
			dups |= (keybits & bit) != 0;
			keybits |= bit;
			if ((rc = push_key(c, f->name, ks.len, ks.line,
					   ks.column)) < 0)
				return rc;
		} else {
			dups = 1;
			/* not a field, not a string, or a field's name and
			 * a NUL byte (apply reads the name up to the NUL) */
			if ((k = yr_scalar_node(r, a, &ks)) == NULL)
				return 0;
			if (k->type == YN_SCALAR &&
			    (rc = push_key(c, k->s, k->len, k->line,
					   k->column)) < 0)
				return rc;
		}
		if ((st = yr_scalar(r, &vs)) < 0)
			return 0;
		if (st == 0 && yr_value(r, a, &v) < 0)
			return 0;
		if (f == NULL) {
			if ((rc = push_pending(c, NULL, k, NULL)) < 0)
				return rc;
			continue;
		}
		/* what(): the first id that is a short string names it;
		 * item_scalar's copy, when it keeps one, else namebuf */
		named = f == t && c->name == NULL && v == NULL &&
			vs.type == YN_SCALAR && vs.len < 100;
		/* apply(): empty counts as absent; the first one is used */
		bit = 1u << (f - t);
		if ((v == NULL && (vs.type == YN_NULL || vs.len == 0)) ||
		    (seen & bit)) {
			if (named)
				c->name = name_copy(c, &vs);
			continue;
		}
		seen |= bit;
		if (v == NULL) {
			if ((rc = item_scalar(c, f, &vs, it)) != 0) {
				if (rc < 0)
					return rc;
				if (named)
					c->name = it->id.s;
				continue;
			}
			if (named)
				c->name = name_copy(c, &vs);
			if ((v = yr_scalar_node(r, a, &vs)) == NULL)
				return 0;
		}
		if ((rc = push_pending(c, f, k, v)) < 0)
			return rc;
	}
	if (st < 0)
		return 0;
	if (dups)
		yr_dup_keys(r, c->keys, c->nkeys, pairs);
	for (i = 0; i < c->npend; i++) {
		const pending *p = &c->pend[i];

		rc = p->f ? scalar_field(c, p->f, p->v, it)
			  : key_error(c, t, p->k);
		if (rc < 0)
			return rc;
	}
	if ((seen & c->item_required) == c->item_required)
		return 0;
	return missing(c, t, seen, line, col);
}

/* A list element stream_item does not read: one that is not a mapping
 * (reported), or an item over the limit (reported once).  stream_item is
 * the one way an item is read. */
static int
item_not_read(ctx *c, const ynode *e)
{
	if (e->type != YN_MAP) {
		c->what = "calendar";
		return wrong_type(c, e, "items", "a list of mappings");
	}
	if (c->plan->limit_hit < 2) {
		c->plan->limit_hit = 2;
		strat_diags_add(c->diags, STRAT_RULE_LIMIT_EXCEEDED, c->file,
				e->line, e->column,
				"split the plan; the rest of the items are "
				"not read",
				"plan has more than %u items", STRAT_MAX_ITEMS);
	}
	return 0;
}

/* ---- the file walker ---- */

/* What an unusable file still reports: the reasons it is unusable, and of
 * yaml-alias only the first (SPEC.md, "Cascades"). */
static int
keep_fatal(const strat_diag *g, void *arg)
{
	int *aliases = arg;

	switch (g->rule) {
	case STRAT_RULE_YAML_ALIAS:
		return (*aliases)++ == 0;
	case STRAT_RULE_YAML_SYNTAX:
	case STRAT_RULE_MULTIPLE_DOCUMENTS:
	case STRAT_RULE_LIMIT_EXCEEDED:
	case STRAT_RULE_UNKNOWN_KIND:
	case STRAT_RULE_UNSUPPORTED_VERSION:
		return 1;
	default:
		return 0;
	}
}

/* A file that is not checked further contributes nothing to the plan:
 * take back what it added and the findings about its content. */
static void
discard(ctx *c, size_t diags0, size_t items0, strat_calendar *cal)
{
	strat_plan *plan = c->plan;
	int aliases = 0;
	size_t i;

	diags_withdraw(c->diags, diags0, keep_fatal, &aliases);
	if (cal) {
		plan->nitems = items0;
	} else if (strcmp(c->kind, "strategy") == 0) {
		memset(&plan->strategy, 0, sizeof(plan->strategy));
	} else if (strcmp(c->kind, "team") == 0) {
		memset(&plan->team, 0, sizeof(plan->team));
	} else if (strcmp(c->kind, "metrics") == 0) {
		plan->nreadings = plan->metrics_files[plan->nmetrics - 1].first;
	} else {
		memset(&plan->config, 0, sizeof(plan->config));
		plan->config.week_starts = 1;
		plan->config.item_stale_days = STRAT_STALE_DAYS;
		for (i = 0; i < STRAT_RULE__COUNT; i++)
			strat_diags_set_severity(
			    c->diags, (strat_rule)i,
			    strat_rule_default_severity((strat_rule)i));
	}
}

static int
read_file(strat_plan *plan, const char *file, const ytext *in,
	  strat_diags *diags, const char *kind, const field *t, void *obj)
{
	ctx c;
	arena scratch;
	arena_mark mark;
	yreader *r;
	ynode *root, *k, *v;
	uint32_t seen = 0;
	size_t index = 0, diags0, items0;
	int rc = 0, st;
	strat_calendar *cal = NULL;

	memset(&c, 0, sizeof(c));
	c.plan = plan;
	c.file = file;
	c.diags = diags;
	c.kind = kind;
	c.what = kind ? kind : "strat.yaml";
	if (strcmp(kind, "config") == 0)
		c.what = "strat.yaml";
	if (strcmp(kind, "calendar") == 0) {
		const field *f;

		cal = &plan->cals[plan->ncals - 1];
		for (f = item_fields; f->name; f++) {
			if (f->missing != NONE)
				c.item_required |= 1u << (f - item_fields);
		}
	}
	diags0 = strat_diags_count(diags);
	items0 = plan->nitems;
	arena_init(&scratch);
	if ((r = yr_open_text(file, in, diags)) == NULL) {
		arena_free(&scratch);
		return oom();
	}
	st = yr_begin(r, &scratch, &root);
	if (st == 0) {
		strat_diags_add(diags, STRAT_RULE_UNKNOWN_KIND, file, 0, 0,
				"see 'strat help format'",
				"file is empty; expected a %s file",
				strcmp(kind, "config") ? kind : "strat.yaml");
		c.fatal = 1;
		goto out;
	}
	if (st < 0) {
		if (root != NULL)
			strat_diags_add(diags, STRAT_RULE_WRONG_TYPE, file,
					root->line, root->column, NULL,
					"the top of a %s file must be a "
					"mapping, not %s",
					kind, type_name(root));
		c.fatal = 1;
		goto out;
	}
	mark = arena_get_mark(&scratch);
	while ((st = yr_next_key(r, &scratch, &k)) == 1) {
		if (cal && k->type == YN_SCALAR && strcmp(k->s, "items") == 0) {
			seen |= 1u << 3;
			st = yr_seq_begin(r);
			if (st < 0)
				break;
			if (st == 0) {
				if (yr_value(r, &scratch, &v) < 0)
					break;
				if (v->type != YN_NULL)
					wrong_type(&c, v, "items", "a list");
				continue;
			}
			while ((st = yr_seq_more(r)) == 1) {
				uint32_t line, col;

				if (c.fatal) { /* read on for yaml findings */
					st = yr_value(r, &scratch, &v);
					arena_reset(&scratch, mark);
					if (st < 0)
						break;
					continue;
				}
				/* A mapping, unless the items are over the
				 * limit, is streamed; anything else is built
				 * and reported by item_not_read. */
				st = plan->nitems < STRAT_MAX_ITEMS
					 ? yr_map_begin(r, &line, &col)
					 : 0;
				if (st < 0)
					break;
				if (st == 1) {
					rc = stream_item(&c, r, &scratch, line,
							 col, index++);
				} else {
					if (yr_value(r, &scratch, &v) < 0) {
						st = -1;
						break;
					}
					rc = item_not_read(&c, v);
					index++;
				}
				c.what = "calendar";
				arena_reset(&scratch, mark);
				if (rc < 0)
					goto out;
				if (yr_failed(r)) {
					st = -1;
					break;
				}
			}
			if (st < 0)
				break;
			continue;
		}
		if (yr_value(r, &scratch, &v) < 0)
			break;
		if (cal && k->type == YN_SCALAR && strcmp(k->s, "title") == 0) {
			seen |= 1u << 2;
			if (v->type == YN_SCALAR)
				rc = set_str(&c, &cal->title, v);
			else if (v->type != YN_NULL)
				rc = wrong_type(&c, v, "title", "a string");
		} else if (!c.fatal) {
			rc = apply(&c, t, k, v, obj, &seen);
		}
		arena_reset(&scratch, mark);
		if (rc < 0)
			goto out;
	}
	if (st == 0 && !yr_failed(r))
		yr_end(r);
	if (!yr_failed(r) && !c.fatal)
		rc = missing(&c, t, seen, 1, 1);
out:
	if (yr_failed(r))
		c.fatal = 1;
	if (c.fatal) {
		/* the root was not a mapping: nothing else to take back */
		if (st >= 0 || root == NULL)
			discard(&c, diags0, items0, cal);
		else
			discard(&c, strat_diags_count(diags), items0, cal);
	}
	if (cal)
		cal->loaded = !c.fatal;
	free(c.keys);
	free(c.pend);
	yr_close(r);
	arena_free(&scratch);
	return rc < 0 ? rc : c.fatal;
}

int
model_read_config(strat_plan *plan, const char *file, const ytext *in,
		  strat_diags *diags)
{
	return read_file(plan, file, in, diags, "config", config_fields,
			 &plan->config);
}

int
model_read_strategy(strat_plan *plan, const char *file, const ytext *in,
		    strat_diags *diags)
{
	return read_file(plan, file, in, diags, "strategy", strategy_fields,
			 &plan->strategy);
}

int
model_read_team(strat_plan *plan, const char *file, const ytext *in,
		strat_diags *diags)
{
	return read_file(plan, file, in, diags, "team", team_fields,
			 &plan->team);
}

int
model_read_calendar(strat_plan *plan, const char *file, const ytext *in,
		    strat_diags *diags)
{
	return read_file(plan, file, in, diags, "calendar", calendar_fields,
			 NULL);
}

int
model_read_metrics(strat_plan *plan, const char *file, const ytext *in,
		   strat_diags *diags)
{
	return read_file(plan, file, in, diags, "metrics", metrics_fields,
			 NULL);
}

/* ---- the role of a file read alone (strat lint -) ---- */

int
strat_plan_file_kind(const char *buf, size_t len, const char **kind)
{
	static const char *const kinds[] = {"strategy", "team", "calendar",
					    "metrics"};
	strat_diags *scratch = NULL;
	arena a;
	yreader *r;
	ynode *root, *k, *v;
	size_t i;
	int st, rc;

	*kind = NULL;
	if ((rc = strat_diags_new(&scratch)) < 0)
		return rc;
	arena_init(&a);
	if ((r = yr_open("-", buf, len, scratch)) == NULL) {
		rc = oom();
		goto out;
	}
	if (yr_begin(r, &a, &root) == 1)
		while ((st = yr_next_key(r, &a, &k)) == 1) {
			if (k->type == YN_SCALAR && streq(k->s, "strat")) {
				*kind = "strat";
				break;
			}
			if (yr_value(r, &a, &v) < 0)
				break;
			if (k->type != YN_SCALAR || !streq(k->s, "kind") ||
			    v->type != YN_SCALAR)
				continue;
			for (i = 0; i < 4; i++)
				if (streq(v->s, kinds[i]))
					*kind = kinds[i];
			break;
		}
	yr_close(r);
out:
	arena_free(&a);
	strat_diags_free(scratch);
	return rc;
}
