#!/bin/sh
# tools/schema-c.sh FILE... - the JSON Schemas of spec/schema as C, for
# 'strat schema' (cmd/schema.c): one SCHEMA(name, bytes) line per file,
# name being the file name less .schema.json, bytes a string literal of
# the file exactly as it is (octal escapes for all but plain ASCII).  An
# installed strat prints them without the source tree.
for f in "$@"; do
	name=${f##*/}; name=${name%.schema.json}
	printf 'SCHEMA("%s",\n' "$name"
	od -An -v -tu1 "$f" | awk '
	{ for (i = 1; i <= NF; i++) {
		c = $i + 0
		if (n == 0) printf "    \""
		if (c >= 32 && c < 127 && c != 34 && c != 92 && c != 63)
			printf "%c", c
		else
			printf "\\%03o", c
		if (++n == 60 || c == 10) { printf "\"\n"; n = 0 }
	} }
	END { if (n) printf "\"\n" }'
	printf ')\n'
done
