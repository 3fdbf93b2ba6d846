/*
 * strat/compare.h - what changed between two versions of a plan, as data.
 *
 * strat_plan_compare() takes two loaded plans (BASE, the older, and HEAD,
 * the newer) and returns the list of changes between them: anchors,
 * outcomes, KPIs, people and calendar items added, removed or altered.
 * Objects are matched by id (items across all calendar files: an item
 * moved to another file is the same item).  Objects without an id, and
 * every occurrence after the first of a duplicated id, are not compared.
 *
 * Users: 'strat diff' (pull-request review) and 'strat week' (what changed
 * since last week).  Rendering is elsewhere; nothing here prints.
 *
 * Ownership: a strat_changes list owns its strings (before/after values);
 * the id, title, file and object pointers are borrowed from the two plans,
 * which must outlive the list.  Free with strat_changes_free (NULL is ok).
 *
 * This API is stable: new kinds and fields are only ever appended.
 */
#ifndef STRAT_COMPARE_H
#define STRAT_COMPARE_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The kinds of change.  STRAT_CHANGE(sym, id, area, summary): sym gives
 * STRAT_CHANGE_<sym>, id is the stable name used in JSON output, area the
 * section it belongs to.  The order is the order of the list and of
 * reports within one object.
 */
#define STRAT_CHANGE_KINDS(X)                                                  \
	X(ANCHOR_ADDED, "anchor-added", STRATEGY, "anchor added")              \
	X(ANCHOR_REMOVED, "anchor-removed", STRATEGY, "anchor removed")        \
	X(ANCHOR_RETITLED, "anchor-retitled", STRATEGY, "anchor retitled")     \
	X(ANCHOR_REOWNED, "anchor-reowned", STRATEGY, "anchor re-owned")       \
	X(ANCHOR_MOVED, "anchor-moved", STRATEGY,                              \
	  "anchor moved to another quarter")                                   \
	X(ANCHOR_OUTCOMES, "anchor-outcomes", STRATEGY,                        \
	  "outcomes an anchor serves changed")                                 \
	X(ANCHOR_DONE, "anchor-done", STRATEGY, "definition of done changed")  \
	X(OUTCOME_ADDED, "outcome-added", STRATEGY, "outcome added")           \
	X(OUTCOME_REMOVED, "outcome-removed", STRATEGY, "outcome removed")     \
	X(OUTCOME_CHANGED, "outcome-changed", STRATEGY,                        \
	  "outcome title, owner or KPI changed")                               \
	X(KPI_ADDED, "kpi-added", STRATEGY, "KPI added")                       \
	X(KPI_REMOVED, "kpi-removed", STRATEGY, "KPI removed")                 \
	X(KPI_CHANGED, "kpi-changed", STRATEGY,                                \
	  "KPI title, owner, target or unit changed")                          \
	X(THESIS_CHANGED, "thesis-changed", STRATEGY,                          \
	  "strategy title, owner or thesis changed")                           \
	X(ITEM_ADDED, "item-added", CALENDAR, "item added")                    \
	X(ITEM_REMOVED, "item-removed", CALENDAR, "item removed")              \
	X(ITEM_RETITLED, "item-retitled", CALENDAR, "item retitled")           \
	X(ITEM_REDATED, "item-redated", CALENDAR, "item re-dated")             \
	X(ITEM_REOWNED, "item-reowned", CALENDAR, "item re-owned")             \
	X(ITEM_REANCHORED, "item-reanchored", CALENDAR,                        \
	  "item moved to another anchor")                                      \
	X(ITEM_SHIPPED, "item-shipped", CALENDAR, "item shipped")              \
	X(ITEM_DROPPED, "item-dropped", CALENDAR, "item dropped")              \
	X(ITEM_STATUS, "item-status", CALENDAR,                                \
	  "other status change (started, reopened)")                           \
	X(PERSON_ADDED, "person-added", TEAM, "person joined the team")        \
	X(PERSON_REMOVED, "person-removed", TEAM, "person left the team")      \
	X(READING_ADDED, "reading-added", METRICS, "KPI reading added")        \
	X(READING_CHANGED, "reading-changed", METRICS,                         \
	  "KPI reading corrected")                                             \
	X(READING_REMOVED, "reading-removed", METRICS, "KPI reading removed")  \
	X(ITEM_MOVED, "item-moved", CALENDAR,                                  \
	  "item moved to another calendar file")

typedef enum {
#define STRAT_CHANGE_ENUM_(sym, id, area, summary) STRAT_CHANGE_##sym,
	STRAT_CHANGE_KINDS(STRAT_CHANGE_ENUM_)
#undef STRAT_CHANGE_ENUM_
	    STRAT_CHANGE__COUNT
} strat_change_kind;

typedef enum {
	STRAT_AREA_STRATEGY = 0,
	STRAT_AREA_CALENDAR = 1,
	STRAT_AREA_TEAM = 2,
	STRAT_AREA_METRICS = 3 /* KPI readings of the metrics files */
} strat_change_area;

/* Flags of a change. */
enum {
	/* ITEM_REMOVED: the item was neither shipped nor dropped in BASE,
	 * so the plan loses it without a record (a silent drop). */
	STRAT_CHANGE_SILENT = 1u << 0,
	/* ITEM_REDATED: the new date is later (a slip; days > 0). */
	STRAT_CHANGE_SLIP = 1u << 1,
	/* ITEM_REDATED: the new date is earlier (a pull-in; days < 0). */
	STRAT_CHANGE_PULL_IN = 1u << 2
};

typedef struct {
	strat_change_kind kind;
	strat_change_area area;
	unsigned flags;    /* STRAT_CHANGE_* flags */
	const char *id;    /* the object's id (anchor, outcome, KPI, item,
			     * person); never NULL */
	const char *title; /* HEAD's title (name for a person), else BASE's;
			     * may be NULL */
	const char *file;  /* where the object is in HEAD, or in BASE when
			     * it was removed; may be NULL */
	uint32_t line;     /* 1-based line of the object in that file */
	/*
	 * The value before and after, as text, NULL when it does not apply:
	 *  RETITLED: titles; REOWNED: person ids; MOVED: quarters
	 *  ("2026-Q2"); REANCHORED: anchor ids; REDATED: dates (YYYY-MM-DD);
	 *  SHIPPED/DROPPED/STATUS: status names ("planned", ...);
	 *  ITEM_MOVED: calendar file paths;
	 *  ANCHOR_OUTCOMES: outcome ids joined by ", "; ANCHOR_DONE: text;
	 *  OUTCOME/KPI/THESIS_CHANGED: "field: value" per changed field,
	 *  joined by "; ";  ADDED/REMOVED: NULL;
	 *  READING_*: the value as written (id is "KPI DATE", title the
	 *  KPI's title), before NULL when added, after NULL when removed.
	 */
	const char *before, *after;
	int32_t days; /* ITEM_REDATED: new date - old date; ITEM_SHIPPED:
			     * shipped date - planned date when both are
			     * known; else 0 */
	/*
	 * Ownership moved by this change (person ids; NULL when none):
	 * an added object is gained by its owner, a removed one lost by its
	 * owner, a re-owned one lost by the old and gained by the new owner.
	 */
	const char *gained_by, *lost_by;
	/* The objects themselves, borrowed from the plans; NULL when absent
	 * on that side or not of that type. */
	const strat_item *base_item, *head_item;
	const strat_anchor *base_anchor, *head_anchor;
} strat_change;

typedef struct strat_changes strat_changes;

typedef struct {
	unsigned version;
	unsigned flags; /* none defined yet; pass 0 */
} strat_compare_options;
#define STRAT_COMPARE_OPTIONS_VERSION 1
#define STRAT_COMPARE_OPTIONS_INIT                                             \
	{                                                                      \
		STRAT_COMPARE_OPTIONS_VERSION, 0                               \
	}

/*
 * Compare base (older) with head (newer).  Either may be NULL, meaning an
 * empty plan (a plan created or deleted by the change).  opts may be NULL.
 * The list is ordered by area (strategy, calendar, team); within an area
 * by object (anchors, outcomes, KPIs, then the strategy itself; objects
 * in HEAD's order, then the removed ones in BASE's order); within an
 * object by kind.
 * Returns 0 with *out set, or STRAT_ENOMEM.
 */
int strat_plan_compare(strat_changes **out, const strat_plan *base,
		       const strat_plan *head,
		       const strat_compare_options *opts);
void strat_changes_free(strat_changes *changes);

size_t strat_changes_count(const strat_changes *changes);
/* Borrowed; valid until the list is freed.  NULL when i is out of range. */
const strat_change *strat_changes_get(const strat_changes *changes, size_t i);
/* Count of changes of one kind. */
size_t strat_changes_count_kind(const strat_changes *changes,
				strat_change_kind kind);

/* "item-added"; "summary" is a lower-case phrase.  "" when out of range. */
const char *strat_change_kind_id(strat_change_kind kind);
const char *strat_change_kind_summary(strat_change_kind kind);
strat_change_area strat_change_kind_area(strat_change_kind kind);
/* Returns the kind, or -1 if the id is unknown. */
int strat_change_kind_lookup(const char *id);
/* "strategy", "calendar", "team". */
const char *strat_change_area_name(strat_change_area area);

/* "planned", "in-progress", "shipped", "dropped", or "none". */
const char *strat_status_name(strat_status status);

/*
 * Findings of head that base does not have.  A finding is matched by its
 * rule and its subject: the item, anchor, outcome, KPI or person whose
 * entry holds it, found by position in the plan it came from, and the
 * field on its line (the message too when it is on no known field), so
 * that moving an item to another file, or renaming or splitting a file,
 * makes no finding new.  A finding outside every such entry (or when the
 * plan is not given) is matched by rule, file and message.  Never by line
 * or column, which shift with unrelated edits.  Counted as multisets:
 * when head repeats a finding more often than base, the extra
 * occurrences are new (the later ones in head's order).  *out is a new
 * list (free with strat_diags_free) carrying head's severities.  Returns
 * 0 or STRAT_ENOMEM.
 */
int strat_diags_new_since_plans(strat_diags **out, const strat_plan *base_plan,
				const strat_diags *base,
				const strat_plan *head_plan,
				const strat_diags *head);
/* The same without the plans: by rule, file and message. */
int strat_diags_new_since(strat_diags **out, const strat_diags *base,
			  const strat_diags *head);

#ifdef __cplusplus
}
#endif

#endif
