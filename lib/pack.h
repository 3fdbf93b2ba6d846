/*
 * pack.h - a read-only reader of git pack files, for long history walks.
 * (internal)
 *
 * strat report reads every commit of a first-parent chain, a tree or two
 * per commit and every changed calendar blob: hundreds of thousands of
 * objects.  Through libgit2 1.5 each read costs a locked cache probe, a
 * pack-index search by memcmp calls, window bookkeeping and zlib with its
 * checksum; git itself is twice as fast.  This reader does only what such
 * a walk needs: version-2 pack indexes found in objects/pack, entries
 * inflated with libdeflate (the only file that uses it), OFS and REF
 * deltas applied with git's own delta base cache.
 *
 * It is an accelerator, never the authority: whatever it does not know
 * (a loose object, an alternate, an index version, damage of any kind) it
 * answers "not here" and the caller asks libgit2, which then reports the
 * damage in its own words.  tests/unit/test_pack.c checks it against
 * libgit2 object by object on packs git writes in all its ways.
 */
#ifndef STRAT_PACK_H
#define STRAT_PACK_H

#include <stddef.h>

typedef struct packdb packdb;

enum { PACK_COMMIT = 1, PACK_TREE = 2, PACK_BLOB = 3, PACK_TAG = 4 };

typedef struct {
	int type;          /* PACK_COMMIT ... PACK_TAG */
	const char *data;  /* NUL-terminated; valid until the next read */
	size_t len;
} packobj;

/* Opens the packs of an objects directory (.../objects).  Returns NULL
 * only when out of memory; a directory without readable packs gives a
 * reader that finds nothing. */
packdb *packdb_open(const char *objects_dir);
void packdb_free(packdb *db);

/* Reads the object with the 20-byte id: 1 and *out, or 0 when this reader
 * cannot give it (not in its packs, larger than max bytes, damaged,
 * out of memory): then ask libgit2. */
int packdb_read(packdb *db, const unsigned char id[20], size_t max,
		packobj *out);

/* The data of the last object read, as a malloc'd buffer of len + 1 bytes
 * the caller frees (moved, not copied, when possible); NULL when out of
 * memory.  The object can then not be taken again. */
char *packdb_take(packdb *db);

#endif
