#!/usr/bin/env python3
"""tests/textcheck.py [csv] - read a command's output on stdin; exit 1 and
say where when it is not valid UTF-8, or holds a raw control character
(C0 but tab and LF, DEL, C1) or a bidirectional mark, override or isolate.
With 'csv', CR is allowed as the first half of a CRLF line end (RFC 4180).
"""
import re
import sys

data = sys.stdin.buffer.read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("invalid UTF-8 at byte %d: %r" % (e.start, data[max(0, e.start - 20):e.start + 10]))
    sys.exit(1)
if sys.argv[1:] == ["csv"]:
    text = text.replace("\r\n", "\n")
bad = re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text)
if bad:
    print("raw U+%04X at %d: %r" % (ord(bad.group()), bad.start(), text[max(0, bad.start() - 30):bad.start() + 10]))
    sys.exit(1)
