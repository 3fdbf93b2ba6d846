/*
 * fuzz_pack.c - lib/pack.c, strat's pack reader, on packs made of the
 * input.  The input is:
 *
 *   byte 0          K - 1: the pack holds K objects (1 to 16)
 *   K x 3 bytes     each object's offset in the pack, big-endian; an
 *                   offset with its top bit set is listed in the index's
 *                   table of 64-bit offsets
 *   the rest        the pack's entries, after its 12-byte header
 *
 * The target writes the pack ("PACK", version 2, K, the entries, a zero
 * trailer) and a version-2 index naming K made-up ids in order, then
 * reads every id with a 1 MiB limit.  Oracles: no crash, leak or UB; an
 * object it returns is within the limit and NUL-terminated.  Seeds
 * (fuzz/seeds/pack) are real packs git wrote, in this shape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "pack.h"

#define MAXOBJ 16
#define LIMIT ((size_t)1 << 20)

static char dir[64];

static void
cleanup(void)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/pack/pack-f.pack", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/pack/pack-f.idx", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/pack", dir);
	rmdir(path);
	rmdir(dir);
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static int
write_file(const char *name, const unsigned char *a, size_t alen,
	   const unsigned char *b, size_t blen)
{
	char path[256];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/pack/%s", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	ok = fwrite(a, 1, alen, f) == alen &&
	     (blen == 0 || fwrite(b, 1, blen, f) == blen);
	return fclose(f) == 0 && ok ? 0 : -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char head[12], tail[20] = {0}, id[MAXOBJ][20], *idx;
	uint32_t off[MAXOBJ];
	size_t k, i, n64 = 0, idxlen, body;
	packdb *db;
	packobj o;
	char *p;

	if (dir[0] == '\0') {
		char path[80];

		snprintf(dir, sizeof(dir), "/tmp/strat-fuzz-pack.XXXXXX");
		if (mkdtemp(dir) == NULL)
			return 0;
		snprintf(path, sizeof(path), "%s/pack", dir);
		if (mkdir(path, 0700) != 0)
			return 0;
		atexit(cleanup);
	}
	if (size < 1)
		return 0;
	k = (size_t)(data[0] % MAXOBJ) + 1;
	if (size < 1 + 3 * k)
		return 0;
	for (i = 0; i < k; i++) {
		const uint8_t *q = data + 1 + 3 * i;

		off[i] = (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 | q[2];
		/* made-up ids, in order: the first byte spreads them */
		memset(id[i], (int)i, 20);
		id[i][0] = (unsigned char)(i * 13 + 1);
	}
	body = 1 + 3 * k;
	/* the pack */
	memcpy(head, "PACK", 4);
	put32(head + 4, 2);
	put32(head + 8, (uint32_t)k);
	{
		size_t plen = 12 + (size - body) + 20;
		unsigned char *pk = malloc(plen);

		if (pk == NULL)
			return 0;
		memcpy(pk, head, 12);
		memcpy(pk + 12, data + body, size - body);
		memcpy(pk + 12 + (size - body), tail, 20);
		if (write_file("pack-f.pack", pk, plen, NULL, 0) < 0) {
			free(pk);
			return 0;
		}
		free(pk);
	}
	/* the index: header, fan-out, ids, CRCs, offsets, 64-bit offsets,
	 * two checksums */
	idxlen = 8 + 1024 + k * 28 + MAXOBJ * 8 + 40;
	if ((idx = calloc(1, idxlen)) == NULL)
		return 0;
	memcpy(idx, "\377tOc", 4);
	put32(idx + 4, 2);
	for (i = 0; i < 256; i++) {
		size_t c = 0, j;

		for (j = 0; j < k; j++)
			c += id[j][0] <= i;
		put32(idx + 8 + i * 4, (uint32_t)c);
	}
	for (i = 0; i < k; i++) {
		memcpy(idx + 8 + 1024 + i * 20, id[i], 20);
		if (off[i] & 0x800000u) {
			unsigned char *t = idx + 8 + 1024 + k * 28 + n64 * 8;

			put32(t, 0);
			put32(t + 4, off[i] & 0x7fffffu);
			put32(idx + 8 + 1024 + k * 24 + i * 4,
			      0x80000000u | (uint32_t)n64);
			n64++;
		} else {
			put32(idx + 8 + 1024 + k * 24 + i * 4, off[i]);
		}
	}
	/* the 64-bit table as long as used, then the checksums */
	idxlen = 8 + 1024 + k * 28 + n64 * 8 + 40;
	if (write_file("pack-f.idx", idx, idxlen, NULL, 0) < 0) {
		free(idx);
		return 0;
	}
	free(idx);

	if ((db = packdb_open(dir)) == NULL)
		return 0;
	for (i = 0; i < k; i++) {
		if (!packdb_read(db, id[i], LIMIT, &o))
			continue;
		if (o.len > LIMIT || o.type < PACK_COMMIT || o.type > PACK_TAG)
			fuzz_fail("object out of bounds", o.data, 0);
		if (o.data[o.len] != '\0')
			fuzz_fail("object not NUL-terminated", o.data, 0);
		if (i % 2 && (p = packdb_take(db)) != NULL) {
			if (p[o.len] != '\0')
				fuzz_fail("taken object not NUL-terminated",
					  p, 0);
			free(p);
		}
	}
	{
		unsigned char none[20];

		memset(none, 0xee, sizeof(none));
		if (packdb_read(db, none, LIMIT, &o))
			fuzz_fail("found an id the index does not have", NULL,
				  0);
	}
	packdb_free(db);
	return 0;
}
