/* test_file.c - strat_file_write: replace, create, modes, links, refusals,
 * and that a refusal leaves every file as it was and no temporary behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <cmocka.h>

#include "strat/common.h"
#include "strat/file.h"

/* Each test runs in a fresh directory T with T/repo (the root) and
 * T/outside; the working directory is T. */
static char top[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(top, sizeof(top), "/tmp/strat-test-file-XXXXXX");
	if (mkdtemp(top) == NULL || chdir(top) < 0 || mkdir("repo", 0755) < 0 ||
	    mkdir("outside", 0755) < 0 || mkdir("repo/sub", 0755) < 0)
		return -1;
	umask(022);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	if (chdir("/") < 0)
		return -1;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *path, const char *s, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(s, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/* The contents of path (static buffer), or NULL when it cannot be read. */
static const char *
get(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode;
}

/* The number of entries of dir whose name contains ".strat-". */
static int
temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strstr(e->d_name, ".strat-") != NULL;
	closedir(d);
	return n;
}

static int
wr(const char *path, const char *s, unsigned flags, unsigned mode)
{
	strat_file_opts o = STRAT_FILE_OPTS_INIT;

	o.flags = flags;
	if (mode)
		o.mode = mode;
	return strat_file_write(NULL, "repo", path, s, strlen(s), &o);
}

static void
replace_keeps_mode(void **state)
{
	char *out = NULL;

	(void)state;
	put("repo/a.yaml", "old\n", 0640);
	assert_int_equal(strat_file_write(&out, "repo", "repo/a.yaml",
					  "new\r\nno final newline", 22, NULL),
			 0);
	assert_string_equal(get("repo/a.yaml"), "new\r\nno final newline");
	assert_int_equal(mode_of("repo/a.yaml") & 07777, 0640);
	assert_non_null(out);
	assert_non_null(strstr(out, "/repo/a.yaml"));
	assert_int_equal(out[0], '/');
	free(out);
	/* A mode the umask would strip is kept too. */
	put("repo/x.sh", "#!/bin/sh\n", 0777);
	assert_int_equal(wr("repo/x.sh", "#!/bin/sh\nexit 0\n", 0, 0), 0);
	assert_int_equal(mode_of("repo/x.sh") & 07777, 0777);
	assert_int_equal(temps("repo"), 0);
}

static void
create_new(void **state)
{
	(void)state;
	assert_int_equal(wr("repo/sub/new.yaml", "x: 1\n", 0, 0), 0);
	assert_string_equal(get("repo/sub/new.yaml"), "x: 1\n");
	assert_int_equal(mode_of("repo/sub/new.yaml") & 07777, 0644);
	assert_int_equal(
	    wr("repo/hook", "#!/bin/sh\n", STRAT_FILE_CREATE, 0755), 0);
	assert_int_equal(mode_of("repo/hook") & 07777, 0755);
	/* Relative to the working directory, from inside the root. */
	assert_int_equal(chdir("repo/sub"), 0);
	assert_int_equal(strat_file_write(NULL, "..", "rel.yaml", "r", 1, NULL),
			 0);
	assert_int_equal(chdir(top), 0);
	assert_string_equal(get("repo/sub/rel.yaml"), "r");
	assert_int_equal(temps("repo/sub"), 0);
}

static void
create_never_overwrites(void **state)
{
	(void)state;
	put("repo/a.yaml", "mine\n", 0644);
	assert_int_equal(wr("repo/a.yaml", "theirs\n", STRAT_FILE_CREATE, 0),
			 STRAT_EEXISTS);
	assert_string_equal(get("repo/a.yaml"), "mine\n");
	assert_non_null(strstr(strat_error_last(), "exists"));
	assert_int_equal(temps("repo"), 0);
}

static void
link_inside_written_through(void **state)
{
	char *out = NULL;

	(void)state;
	put("repo/sub/real.yaml", "old\n", 0600);
	assert_int_equal(symlink("sub/real.yaml", "repo/cal.yaml"), 0);
	assert_int_equal(
	    strat_file_write(&out, "repo", "repo/cal.yaml", "new\n", 4, NULL),
	    0);
	assert_true(S_ISLNK(mode_of("repo/cal.yaml")));
	assert_string_equal(get("repo/sub/real.yaml"), "new\n");
	assert_int_equal(mode_of("repo/sub/real.yaml") & 07777, 0600);
	assert_non_null(out);
	assert_non_null(strstr(out, "/repo/sub/real.yaml"));
	free(out);
	assert_int_equal(temps("repo"), 0);
	assert_int_equal(temps("repo/sub"), 0);
	/* Not with NOFOLLOW. */
	assert_int_equal(wr("repo/cal.yaml", "x\n", STRAT_FILE_NOFOLLOW, 0),
			 STRAT_EEXISTS);
	assert_string_equal(get("repo/sub/real.yaml"), "new\n");
	/* Nor a new file through a link. */
	assert_int_equal(wr("repo/cal.yaml", "x\n", STRAT_FILE_CREATE, 0),
			 STRAT_EEXISTS);
	assert_string_equal(get("repo/sub/real.yaml"), "new\n");
}

static void
link_outside_refused(void **state)
{
	char *out = (char *)1;

	(void)state;
	put("outside/secret", "keep\n", 0644);
	assert_int_equal(symlink("../outside/secret", "repo/cal.yaml"), 0);
	assert_int_equal(
	    strat_file_write(&out, "repo", "repo/cal.yaml", "x", 1, NULL),
	    STRAT_EOUTSIDE);
	assert_null(out);
	assert_string_equal(get("outside/secret"), "keep\n");
	assert_true(S_ISLNK(mode_of("repo/cal.yaml")));
	assert_non_null(strstr(strat_error_last(), "outside"));
	/* A directory of the path that leads outside. */
	assert_int_equal(symlink("../outside", "repo/out"), 0);
	assert_int_equal(wr("repo/out/secret", "x", 0, 0), STRAT_EOUTSIDE);
	assert_int_equal(wr("repo/out/new", "x", 0, 0), STRAT_EOUTSIDE);
	assert_null(get("outside/new"));
	/* '..' out of the root, and an absolute path elsewhere. */
	assert_int_equal(wr("repo/../outside/secret", "x", 0, 0),
			 STRAT_EOUTSIDE);
	assert_int_equal(wr("/tmp/strat-test-file-never", "x", 0, 0),
			 STRAT_EOUTSIDE);
	assert_string_equal(get("outside/secret"), "keep\n");
	assert_int_equal(temps("outside"), 0);
	assert_int_equal(temps("repo"), 0);
}

static void
dangling_link_in_the_way(void **state)
{
	(void)state;
	/* A link to a file that does not exist yet: writing through it
	 * would create a file wherever the link points. */
	assert_int_equal(symlink("../outside/planted", "repo/new.yaml"), 0);
	assert_int_equal(wr("repo/new.yaml", "x", 0, 0), STRAT_EEXISTS);
	assert_null(get("outside/planted"));
	assert_int_equal(symlink("sub/later.yaml", "repo/in.yaml"), 0);
	assert_int_equal(wr("repo/in.yaml", "x", 0, 0), STRAT_EEXISTS);
	assert_null(get("repo/sub/later.yaml"));
	assert_int_equal(temps("repo"), 0);
}

static void
planted_temporary_not_followed(void **state)
{
	char name[300];
	int n;

	(void)state;
	/* Links planted at the first temporary names must not be used. */
	put("outside/victim", "keep\n", 0644);
	put("repo/a.yaml", "old\n", 0644);
	for (n = 0; n < 3; n++) {
		snprintf(name, sizeof(name), "repo/.a.yaml.strat-%ld-%d",
			 (long)getpid(), n);
		assert_int_equal(symlink("../outside/victim", name), 0);
	}
	assert_int_equal(wr("repo/a.yaml", "new\n", 0, 0), 0);
	assert_string_equal(get("repo/a.yaml"), "new\n");
	assert_string_equal(get("outside/victim"), "keep\n");
	assert_int_equal(temps("repo"), 3); /* the planted ones only */
}

static void
not_a_regular_file(void **state)
{
	(void)state;
	assert_int_equal(wr("repo/sub", "x", 0, 0), STRAT_EIO);
	assert_int_equal(wr("repo/missing/a.yaml", "x", 0, 0), STRAT_ENOTFOUND);
	assert_int_equal(wr("repo/", "x", 0, 0), STRAT_EUSAGE);
	assert_int_equal(temps("repo"), 0);
	assert_int_equal(strat_file_write(NULL, "nope", "nope/a", "x", 1, NULL),
			 STRAT_ENOTFOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(replace_keeps_mode, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(create_new, setup, teardown),
	    cmocka_unit_test_setup_teardown(create_never_overwrites, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(link_inside_written_through, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(link_outside_refused, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(dangling_link_in_the_way, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(planted_temporary_not_followed,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(not_a_regular_file, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
