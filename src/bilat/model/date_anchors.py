"""Which date patterns can be run line by line: the regex analysis behind the date scan's anchors.

A pattern that cannot match without a rare slot (a weekday, a year, a month name) and whose
matches keep to one line is run only on the lines where that slot is found
(`bilat.model.date_scan`): the same matches, found without reading most of the text. Worked
out once per language, when its patterns are built (`bilat.model.date_patterns`).
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from bilat.model.case import lowers_like_patterns

# A part of a pattern found in a text apart: its regex, and whether it is looked for in the text
# in lower case (case-sensitively, which is cheap) rather than in the text as it is.
Anchor = tuple[re.Pattern[str], bool]

# Slots rare in a text, best first: a pattern that needs one is run only on the lines where it is
# found (weekdays are on ~3% of a text, years on 20-30%, months on 10-20%).
_ANCHOR_SLOTS = ("weekday", "relday", "year", "month")


def line_anchor(
    template: str, pattern: re.Pattern[str], slots: dict[str, str], month: re.Pattern[str]
) -> Anchor | None:
    """The regex of a slot `pattern` cannot match without, when its matches keep to one line;
    else None (the pattern is run on the whole text). Months are looked for in the lower case
    text: every month a case-insensitive pattern matches is one of their lower case words there
    (`safe_lower` says when), and one case-sensitive scan costs a fraction of a case-insensitive one."""
    if not _one_line(pattern) or not pattern.flags & re.IGNORECASE:
        return None
    required = _required_slots(template)
    for slot in _ANCHOR_SLOTS:
        if slot not in required:
            continue
        if slot == "month":
            if lowers_like_patterns(month.pattern) and _one_line(month):
                return month, True
        elif _one_line(anchor := re.compile(slots[slot], pattern.flags)):
            return anchor, False
    return None


def _required_slots(template: str) -> set[str]:
    """The placeholders of a template outside any group, alternative or quantifier: every match
    of the template has a match of each of them."""
    depth, out, i = 0, set(), 0
    while i < len(template):
        ch = template[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: to its closing bracket
            end = template.find("]", i + 2)
            i = len(template) if end < 0 else end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return set()  # alternatives at the top: none of them is needed
        elif ch == "{":
            found = re.match(r"\{([A-Za-z_]+)\}", template[i:])
            if found is not None:
                i += found.end()
                quantified = re.match(r"[?*+]|\{\d", template[i:]) is not None
                if depth == 0 and not quantified:
                    out.add(found.group(1))
                continue
        i += 1
    return out


def _one_line(pattern: re.Pattern[str]) -> bool:
    r"""Whether no match of `pattern` holds a line break and it matches nothing empty: then its
    matches in a text are its matches in each line apart (look-arounds see past the line's ends
    the same: a word boundary or `(?!\w)` at a line end sees the line break as an end)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return parsed.getwidth()[0] > 0 and _keeps_to_line(parsed)


def _keeps_to_line(items: Any) -> bool:
    """Whether these nodes of sre's parse tree never take a line break (True only when sure)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            if arg == 10:
                return False
        elif name == "IN":
            if _matches_newline(arg):
                return False
        elif name == "SUBPATTERN":
            if not _keeps_to_line(arg[-1]):
                return False
        elif name == "BRANCH":
            if not all(_keeps_to_line(alt) for alt in arg[1]):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _keeps_to_line(arg[2]):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _keeps_to_line(arg[1]):
                return False
        elif name == "AT":
            if str(arg) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY"):
                return False
        else:  # any character, a back reference, a conditional…: not known to keep to a line
            return False
    return True


_NEWLINE_CATEGORIES = {  # whether the class takes a line break
    "CATEGORY_SPACE": True,
    "CATEGORY_NOT_SPACE": False,
    "CATEGORY_DIGIT": False,
    "CATEGORY_NOT_DIGIT": True,
    "CATEGORY_WORD": False,
    "CATEGORY_NOT_WORD": True,
}


def _matches_newline(items: Any) -> bool:
    """Whether a character class (sre's IN items) takes a line break; True when unsure."""
    negate, member = False, False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            member = member or arg == 10
        elif name == "RANGE":
            member = member or arg[0] <= 10 <= arg[1]
        elif name == "CATEGORY" and str(arg) in _NEWLINE_CATEGORIES:
            member = member or _NEWLINE_CATEGORIES[str(arg)]
        else:
            return True
    return member != negate
