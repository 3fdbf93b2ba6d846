/*
 * yamlhist.c - the reference of the report benchmark: a bare libyaml event
 * pass over every changed calendar blob version of a history.
 *
 *	yamlhist REPO DIR
 *
 * Walks the first-parent chain of HEAD in REPO (libgit2, no sorting),
 * and for each commit whose tree entry DIR (the calendar directory, e.g.
 * "calendar" or "sub/plan/calendar") differs from its first parent's,
 * lists the blobs under DIR and reads every one whose id is new for its
 * path.  Each such blob goes through a bare yaml_parser_parse loop
 * (events deleted at once, nothing built).
 *
 * Only the parse loops are timed (clock_gettime around each), so the
 * reference is the parse pass alone, as if the blobs had been extracted
 * beforehand: walking, diffing trees and inflating blobs are free for it.
 * Prints "PARSE_SECONDS BLOBS BYTES TOTAL_SECONDS" on stdout.
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

typedef struct {
	char *path;
	git_oid id;
} seen;

static seen *tab;
static size_t ntab, captab;
static git_repository *repo;
static double parse_s;
static size_t nblobs, nbytes;

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void
die(const char *what)
{
	const git_error *e = git_error_last();

	fprintf(stderr, "yamlhist: %s: %s\n", what, e ? e->message : "?");
	exit(2);
}

static void
parse(const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	double a = now();
	int done = 0;

	if (!yaml_parser_initialize(&p))
		exit(2);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yamlhist: parse error\n");
			exit(2);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	parse_s += now() - a;
	nblobs++;
	nbytes += len;
}

static int
cb(const char *root, const git_tree_entry *e, void *payload)
{
	char path[4096];
	git_blob *b;
	size_t i;

	(void)payload;
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	snprintf(path, sizeof(path), "%s%s", root, git_tree_entry_name(e));
	for (i = 0; i < ntab; i++)
		if (strcmp(tab[i].path, path) == 0)
			break;
	if (i < ntab && git_oid_equal(&tab[i].id, git_tree_entry_id(e)))
		return 0;
	if (i == ntab) {
		if (ntab == captab) {
			captab = captab ? 2 * captab : 64;
			if ((tab = realloc(tab, captab * sizeof(*tab))) == NULL)
				exit(2);
		}
		tab[ntab++].path = strdup(path);
	}
	git_oid_cpy(&tab[i].id, git_tree_entry_id(e));
	if (git_blob_lookup(&b, repo, git_tree_entry_id(e)) < 0)
		die("blob");
	parse(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
	git_blob_free(b);
	return 0;
}

int
main(int argc, char **argv)
{
	git_oid id, *chain = NULL, prev;
	size_t n = 0, cap = 0, i;
	git_commit *c;
	git_tree *t, *sub;
	git_tree_entry *e;
	double a;

	if (argc != 3) {
		fputs("usage: yamlhist REPO DIR\n", stderr);
		return 2;
	}
	a = now();
	git_libgit2_init();
	if (git_repository_open(&repo, argv[1]) < 0)
		die(argv[1]);
	if (git_reference_name_to_id(&id, repo, "HEAD") < 0)
		die("HEAD");
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			if ((chain = realloc(chain, cap * sizeof(*chain))) ==
			    NULL)
				return 2;
		}
		chain[n++] = id;
		if (git_commit_lookup(&c, repo, &id) < 0)
			die("commit");
		if (git_commit_parentcount(c) == 0) {
			git_commit_free(c);
			break;
		}
		git_oid_cpy(&id, git_commit_parent_id(c, 0));
		git_commit_free(c);
	}
	memset(&prev, 0, sizeof(prev));
	for (i = n; i-- > 0;) {
		if (git_commit_lookup(&c, repo, &chain[i]) < 0 ||
		    git_commit_tree(&t, c) < 0)
			die("commit");
		if (git_tree_entry_bypath(&e, t, argv[2]) == 0) {
			if (!git_oid_equal(&prev, git_tree_entry_id(e))) {
				git_oid_cpy(&prev, git_tree_entry_id(e));
				if (git_tree_lookup(&sub, repo, &prev) < 0)
					die("tree");
				git_tree_walk(sub, GIT_TREEWALK_PRE, cb, NULL);
				git_tree_free(sub);
			}
			git_tree_entry_free(e);
		}
		git_tree_free(t);
		git_commit_free(c);
	}
	printf("%.4f %zu %zu %.4f\n", parse_s, nblobs, nbytes, now() - a);
	return 0;
}
