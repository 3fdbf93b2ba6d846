/*
 * fuzz.h - shared by the fuzz targets in fuzz/.  Each target defines
 * LLVMFuzzerTestOneInput; it is linked either with libFuzzer (make fuzz)
 * or with fuzz/replay.c, a plain-C driver that feeds it files (make check).
 */
#ifndef STRAT_FUZZ_H
#define STRAT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message: a finding of the target's own oracle. */
void fuzz_fail(const char *what, const char *detail, size_t len);

/* Remove dir and everything below it (links not followed): a target's
 * scratch repository. */
void fuzz_rmtree(const char *dir);

#endif
