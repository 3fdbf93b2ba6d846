/* util.c - helpers shared by the fuzz targets. */
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
