"""Judge sentences with the CMU Link Grammar parser; run by Debian's /usr/bin/python3, not the venv.

Debian's `python3-link-grammar` builds its module for the system Python only, so `completeness.py`
starts this script as a child process and talks to it in JSON lines: one sentence (a JSON string)
in, one verdict out: {"complete": bool, "why": str, "walls": [str], "linkages": int}.

A sentence is complete when one of its best linkages (those of the lowest disjunct cost, the
parser's own preference; "Call us." ties an imperative with a subjectless verb phrase) links every
word (no null links) and joins the LEFT-WALL to a clause. The English dictionary (4.0.dict, "wall connectors") also lets the wall
take fragments: Wa a noun phrase ("The dog."), Wl a place phrase ("At the property."), Wg a verb
phrase without a subject ("Rode a bike today"), Wn "What a shame!", Wx "Ruined!", Wo "To be
continued", Wt "Later.", Wh "How much money?". Those count as fragments unless the same linkage
also has a CO link, the link of a fronted phrase to the clause that follows it ("In 7 days you
will lose ..."). `why` is "" for a complete sentence, else "no full parse", "fragment (Wa)" and
so on, or "timed out". Nothing here imports easyread.
"""

from __future__ import annotations

import json
import re
import sys

CLAUSE_WALLS = {"Wd", "Wp", "Wr", "Wq", "Ws", "Wj", "Wc", "We", "Wv", "Wi", "Wb", "Ww", "Qd"}
FRONTED_WALLS = {"Wl", "Wt"}  # a clause only when a fronted phrase joins one (a CO link)
LINKAGE_LIMIT = 200
PARSE_SECONDS = 10
# "11th March" is read as "11 March": the dictionary knows the day and month order only without
# the ordinal ending, and the ending does not change whether the sentence is complete
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)(?= (?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)\b)")
COST_TIE = 0.01  # linkages within this of the best disjunct cost count as equally good


def _head(label: str) -> str:
    """The link type without its direction marks and subscripts: "hWd" -> "Wd", "dCO*s" -> "CO"."""
    label = label.lstrip("dh")
    return label[:2] if label[:1] == "W" else label.rstrip("*abcdefghijklmnopqrstuvwxyz")


def judge(sentence: str, dictionary, options) -> dict:  # type: ignore[no-untyped-def]
    """The verdict on one sentence (see the module docstring). "&" is read as "and", which the
    dictionary lacks between words ("managed well & keeps people safe"), and "11th March" as
    "11 March"."""
    import linkgrammar as lg

    parsed = lg.Sentence(_ORDINAL_DAY.sub(r"\1", sentence.replace(" & ", " and ")), dictionary, options)
    linkages = parsed.parse()
    timed_out = bool(options.resources_timer_expired()) if hasattr(options, "resources_timer_expired") else False
    walls: set[str] = set()
    count = 0
    best = None
    for linkage in linkages:
        cost = linkage.disjunct_cost()
        best = cost if best is None else best
        if cost > best + COST_TIE:
            break
        count += 1
        labels = {_head(link.left_label) for link in linkage.links()}
        wall = {_head(link.left_label) for link in linkage.links() if link.left_word.startswith("LEFT-WALL")}
        wall = {label for label in wall if label.startswith("W") or label == "Qd"}
        walls |= wall
        if wall & CLAUSE_WALLS or (wall & FRONTED_WALLS and "CO" in labels):
            return {"complete": True, "why": "", "walls": sorted(wall), "linkages": count}
    if not count:
        return {"complete": False, "why": "timed out" if timed_out else "no full parse", "walls": [], "linkages": 0}
    named = ", ".join(sorted(walls)) or "no W link"
    return {"complete": False, "why": f"fragment ({named})", "walls": sorted(walls),
            "linkages": count}


def main() -> int:
    import linkgrammar as lg

    lg.ParseOptions  # noqa: B018 - fail here, not mid-stream, when the module is broken
    dictionary = lg.Dictionary("en")
    options = lg.ParseOptions(min_null_count=0, max_null_count=0, linkage_limit=LINKAGE_LIMIT,
                              max_parse_time=PARSE_SECONDS, verbosity=0)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        sentence = json.loads(line)
        try:
            verdict = judge(sentence, dictionary, options)
        except Exception as error:  # noqa: BLE001 - a parser error is a verdict, not the end of the run
            verdict = {"complete": False, "why": f"parser error: {error}", "walls": [], "linkages": 0}
        print(json.dumps(verdict), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
