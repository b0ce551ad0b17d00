"""Put a "do this or else" sentence in Easy Read order: the action first, then what happens if not.

"If you do not pay within 7 days, you will lose the right to pay by instalments." becomes
"Please pay within 7 days." and "If you do not, you will lose the right to pay by instalments."
(issue 13's example: Easy Read says what to do, then the result). The rewrite is made only in the
one shape where it keeps the meaning exactly; any other condition is left as it is.
"""

from __future__ import annotations

import re

from easyread.language.clause_check import CONDITIONS, words_of

# "If you do not <action>, <you|we|the council> will|must|can|may <result>." The action and the
# result hold no clause breaks, so the condition reaches no further than the comma.
_IF_NOT = re.compile(
    r"^If you (?P<negation>do not|don['’]t) (?P<action>[^,;:()\[\]“”\"]+?),\s+"
    r"(?P<result>(?:you|we|the council|your [a-z]+)\s+(?:will|may|must|could|might)\s+[^;:]+?)(?P<end>[.!])$"
)
# Things a reader is asked to do. "If you do not have a bin, ..." is a state, not a request: "have"
# and the like are left out, so "Please have a bin." is never written.
ACTIONS = frozenset(
    "pay tell return send reply respond contact call apply register renew complete sign book give provide "
    "attend move remove clear cut trim collect arrange inform notify submit fill let update show bring".split()
)
_REACHES_FURTHER = frozenset({"and", "or", "not", "but", "either", "nor", "no", "never"}) | CONDITIONS


def action_first(sentence: str) -> list[str] | None:
    """`sentence` as [the action as a request, "If you do not, <result>."], or None when not safe.

    Safe only when: the condition is "If you do not <action>" with no other condition, "and", "or"
    or negation inside it (each could change what "If you do not" refers to); the action starts
    with one of ACTIONS, verbs of doing ("pay", "tell", "return"); and the result is a main clause
    with "will", "may", "must", "could" or "might" (a consequence; "you can ask for one" offers
    help instead) and no condition of its own. Every word of the source is kept.
    """
    match = _IF_NOT.match(sentence.strip())
    if match is None:
        return None
    action, result = match.group("action").strip(), match.group("result").strip()
    action_words = [word.lower() for word in words_of(action)]
    if not action_words or any(word in _REACHES_FURTHER for word in action_words):
        return None
    if action_words[0] not in ACTIONS or any(word.lower() in CONDITIONS for word in words_of(result)):
        return None
    return [f"Please {action}.", f"If you {match.group('negation')}, {result}{match.group('end')}"]
