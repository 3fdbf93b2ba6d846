/*
 * yamlpass.c - the lint benchmark's reference: a bare libyaml event pass.
 *
 * Reads FILE into memory as strat's working-tree source does (open, fstat,
 * one malloc of the size, read), hands it to yaml_parser_set_input_string
 * and parses every event, deleting each.  Prints the event count.  Whatever
 * strat lint does beyond this is its own cost.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

int
main(int argc, char **argv)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct stat st;
	unsigned long events = 0;
	size_t got = 0;
	ssize_t r;
	char *buf;
	int fd, done = 0;

	if (argc != 2) {
		fputs("usage: yamlpass FILE\n", stderr);
		return 2;
	}
	if ((fd = open(argv[1], O_RDONLY)) < 0 || fstat(fd, &st) < 0) {
		perror(argv[1]);
		return 2;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		return 2;
	while (got < (size_t)st.st_size &&
	       (r = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	buf[got] = '\0';
	if (!yaml_parser_initialize(&p))
		return 2;
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, got);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s: %s\n", argv[1],
				p.problem ? p.problem : "parse error");
			return 1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&p);
	free(buf);
	printf("%lu events\n", events);
	return 0;
}
