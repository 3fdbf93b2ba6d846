#!/bin/sh
# tools/rule-help.sh SPEC.md URL - the rule catalogue of the specification
# (section 11: '### <rule-id>' with its **Checks**, **Why.** and **Fix.**
# paragraphs) as C: one RULE_HELP(id, checks, why, fix) line per rule, the
# Markdown kept as written (links to a section made absolute on URL).  Built into lib/rule_help.c, so SARIF's rule
# help and the specification are one text.
awk -v url="$2" '
function cstr(s) {
	gsub(/\]\(#/, "](" url "#", s) # section links made absolute
	gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
	return "\"" s "\""
}
function flush() {
	if (id != "" && (checks != "" || why != "" || fix != ""))
		printf "RULE_HELP(%s, %s, %s, %s)\n", cstr(id), cstr(checks),
		    cstr(why), cstr(fix)
	id = ""; checks = ""; why = ""; fix = ""
}
function endpara() {
	if (cur == "checks") checks = para
	else if (cur == "why") why = para
	else if (cur == "fix") fix = para
	cur = ""; para = ""
}
/^## 11\./ { in11 = 1; next }
/^## / && in11 { endpara(); flush(); in11 = 0 }
!in11 { next }
/^```/ { endpara(); fence = !fence; next }
fence { next }
/^### / { endpara(); flush(); id = $2; next }
/^$/ { endpara(); next }
{
	if (cur == "" && para == "") {
		if ($0 ~ /^\*\*Checks\*\*/) cur = "checks"
		else if ($0 ~ /^\*\*Why\.\*\*/) cur = "why"
		else if ($0 ~ /^\*\*Fix\.\*\*/) cur = "fix"
		else cur = "other"
		para = $0
	} else {
		para = para " " $0
	}
}
END { endpara(); flush() }
' "$1"
