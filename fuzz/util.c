/* util.c - helpers shared by the fuzz targets. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

void
fuzz_fail(const char *what, const char *detail, size_t len)
{
	fprintf(stderr, "fuzz oracle: %s\n", what);
	if (detail != NULL)
		fprintf(stderr, "---\n%.*s\n---\n", (int)len, detail);
	abort();
}

static int
rm_cb(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void
fuzz_rmtree(const char *dir)
{
	nftw(dir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}
