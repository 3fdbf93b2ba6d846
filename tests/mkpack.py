#!/usr/bin/env python3
"""tests/mkpack.py [--idx1] [--end] GITDIR OID... - write a pack (and its
.idx, version 2, or version 1 with --idx1) into GITDIR/objects/pack in
which the objects named form a cycle of REF_DELTA entries: each is a delta
against the next, the last against the first.
git and libgit2 1.5 follow such a chain forever; strat must not.  With
--end the last is a whole blob instead: a chain that ends (the unit tests
of lib/packguard.c; only the entries' headers mean anything there).  OID
"-" reads the ids from standard input, one a line.  The
objects' loose copies are the caller's to remove.  Prints the pack's path.
"""
import hashlib
import os
import struct
import sys
import zlib


def entry(base, delta):
    n = len(delta)
    b = [((7 if base else 3) << 4) | (n & 15)]  # 7: REF_DELTA, 3: blob
    n >>= 4
    while n:
        b[-1] |= 0x80
        b.append(n & 0x7F)
        n >>= 7
    return bytes(b) + (base or b"") + zlib.compress(delta)


def main():
    args = sys.argv[1:]
    v1 = "--idx1" in args
    end = "--end" in args
    args = [a for a in args if a not in ("--idx1", "--end")]
    if args[1:] == ["-"]:  # the ids on standard input, one a line
        args = args[:1] + sys.stdin.read().split()
    gitdir, oids = args[0], [bytes.fromhex(o) for o in args[1:]]
    delta = bytes([5, 5, 5]) + b"hello"  # src 5, dst 5, insert 5 bytes
    body, offs, crcs = b"", {}, {}
    head = b"PACK" + struct.pack(">II", 2, len(oids))
    for i, o in enumerate(oids):
        if end and i == len(oids) - 1:
            e = entry(None, b"hello")
        else:
            e = entry(oids[(i + 1) % len(oids)], delta)
        offs[o] = len(head) + len(body)
        crcs[o] = zlib.crc32(e) & 0xFFFFFFFF
        body += e
    pack = head + body
    pack += hashlib.sha1(pack).digest()
    s = sorted(oids)
    fan = [sum(1 for o in s if o[0] <= i) for i in range(256)]
    if v1:  # fanout, then each object's offset and id
        idx = struct.pack(">256I", *fan)
        idx += b"".join(struct.pack(">I", offs[o]) + o for o in s)
    else:  # header, fanout, ids, crcs, offsets
        idx = b"\377tOc" + struct.pack(">I", 2) + struct.pack(">256I", *fan)
        idx += b"".join(s)
        idx += b"".join(struct.pack(">I", crcs[o]) for o in s)
        idx += b"".join(struct.pack(">I", offs[o]) for o in s)
    idx += pack[-20:]
    idx += hashlib.sha1(idx).digest()
    name = os.path.join(gitdir, "objects", "pack", "pack-" + pack[-20:].hex())
    os.makedirs(os.path.dirname(name), exist_ok=True)
    with open(name + ".pack", "wb") as f:
        f.write(pack)
    with open(name + ".idx", "wb") as f:
        f.write(idx)
    print(name + ".pack")


main()
