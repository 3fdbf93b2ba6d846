/*
 * packguard.h - the delta chains of git's packs and its loose objects,
 * checked before libgit2 reads an object.  (internal)
 *
 * libgit2 1.5 (and git) follow a pack's delta chain without a bound: two
 * entries that are each other's base make every read of either object
 * loop forever.  This reads only the .idx files and the entry headers
 * along the chain (never inflates anything of a pack) and says when a
 * chain does not end within PACKGUARD_MAX_DEPTH links (git's own limit is
 * 4095).  Every pack that holds the object is checked (libgit2 picks one
 * by age and its last hit), with version 1 and 2 indexes, in the objects
 * directory and in its alternates (objects/info/alternates, read as
 * libgit2 1.5 reads it).  It opens no descriptor between calls: the .idx
 * files are mapped whole, the packs through a few windows of 1 MB, then
 * closed.  Each entry whose chain ends is remembered, so a chain is walked
 * once per guard.  A loose object is inflated once more (zlib) and its
 * header checked: libgit2 1.5 overflows its buffer on one that holds more
 * than its header says.
 * git.c runs it as an object database backend consulted first.
 */
#ifndef STRAT_PACKGUARD_H
#define STRAT_PACKGUARD_H

#include <stddef.h>

#define PACKGUARD_MAX_DEPTH 10000

typedef struct packguard packguard;

/* A guard over the objects directory dir and its alternates (their packs'
 * .idx files, found at the first check).  NULL when out of memory. */
packguard *packguard_new(const char *dir);
void packguard_free(packguard *g);

/* 0 when the packed object with the 20-byte id has a delta chain that
 * ends (in an object, or in a base the packs do not hold), or the loose
 * object is sound (its zlib stream ends, its header is "TYPE SIZE\0" and,
 * with full, SIZE bytes follow; without full only the header is read), or
 * the object is absent; -1 when the chain loops or runs past
 * PACKGUARD_MAX_DEPTH links or the loose object is damaged, with the
 * reason in why[n]. */
int packguard_check(packguard *g, const unsigned char id[20], int full,
		    char *why, size_t n);

/* How many pack entry headers g has read: each chain is walked once per
 * guard (for the unit tests). */
size_t packguard_headers(const packguard *g);

#endif
