/*
 * md_shape.c - print the shape of a GitHub-flavoured Markdown text read
 * from stdin, as GitHub would parse it (tables, autolinks): one line of
 * "name count" pairs.  Used by tests/suite-hostile.sh to prove that user
 * text made no links, images or raw HTML.
 */
#include <stdio.h>
#include <stdlib.h>

#include "markdown.h"

int
main(void)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0, n;
	md_shape s;

	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL)
				return 2;
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, stdin)) == 0)
			break;
		len += n;
	}
	if (md_shape_of(buf ? buf : "", len, &s) < 0)
		return 2;
	printf("links %zu images %zu html %zu code_blocks %zu headings %zu "
	       "tables %zu rows %zu cells %zu-%zu lists %zu items %zu "
	       "other %zu\n",
	       s.links, s.images, s.html, s.code_blocks, s.headings, s.tables,
	       s.rows, s.cells_min, s.cells_max, s.lists, s.items,
	       s.other_blocks);
	free(buf);
	return 0;
}
