"""Numbering labels of plans and reports: 一、 （一） 1. （1） ① 第一部分, and the numbers they count."""

from __future__ import annotations

import re

CN_NUMERALS = "一二三四五六七八九十百零〇"
# Each numbering style needs its own pattern: the nesting of a plan is read from the order in which the
# styles first appear, so （一） and 1. must never be confused with 一、 or with each other.
STYLES = (
    ("part", rf"第[{CN_NUMERALS}]+(?:部分|章|篇)"),
    ("cn", rf"[{CN_NUMERALS}]+[、.](?!\d)"),
    ("paren_cn", rf"（[{CN_NUMERALS}]+）"),
    ("arabic", r"\d{1,3}(?:\.|、)(?!\d)"),
    ("paren_arabic", r"（\d{1,3}）"),
    ("arabic_paren", r"\d{1,3}）"),
    ("circled", r"[①-⑳]"),
)
_LABEL = re.compile("|".join(f"(?P<{name}>^{pattern})" for name, pattern in STYLES))


def match_label(paragraph: str) -> tuple[str, str, str] | None:
    """Return (style, label, rest) when a paragraph starts with a numbering label such as （一） or 1."""
    match = _LABEL.match(paragraph)
    if not match:
        return None
    return match.lastgroup, match.group(0), paragraph[match.end():].strip()


def label_number(label: str) -> int | None:
    """The number a label counts: （十二） → 12, 3. → 3, ③ → 3, 第二部分 → 2."""
    digits = re.search(r"\d+", label)
    if digits:
        return int(digits.group(0))
    circled = re.search(r"[①-⑳]", label)
    if circled:
        return ord(circled.group(0)) - ord("①") + 1
    numeral = re.search(rf"[{CN_NUMERALS}]+", label)
    return chinese_number(numeral.group(0)) if numeral else None


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十八 → 28, 一百零三 → 103."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    total, current = 0, 0
    for char in numeral:
        if char in values:
            current = values[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current or None
