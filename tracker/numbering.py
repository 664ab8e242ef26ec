"""Numbering labels of plans and reports: 一、 （一） 1. （1） ① 第一部分, and the numbers they count."""

from __future__ import annotations

import re

CN_NUMERALS = "一二三四五六七八九十百零〇"
# What a number counts when it is a figure, not a label: 3项, 12月, 1.48亿元, 2.5倍.
_COUNTED = "[年月日号时个项件次人名家万亿元天周期批条届余多倍元]"
# Each numbering style needs its own pattern: the nesting of a plan is read from the order in which the
# styles first appear, so （一） and 1. must never be confused with 一、 or with each other.
STYLES = (
    ("part", rf"第[{CN_NUMERALS}]+(?:部分|章|篇)"),
    # 任务一：深化… / 任务1：… / 第一项 … / 第3项：… / 第一条 …（articles, as a regulation numbers them） / 项目一：… /
    # 行动一：… / 举措一：…: tasks named by their
    # ordinal, or a line of its own that names one (项目一 above a card). The space after 第一项 may be gone once the
    # text is normalised (第一项深化…).
    ("named", rf"(?:(?:任务|项目|行动|举措|第)(?:[{CN_NUMERALS}]+|\d{{1,3}})(?:[项条][：:、\s]?|[：:、\s])"
              rf"|(?:任务|项目|行动|举措)(?:[{CN_NUMERALS}]+|\d{{1,3}})$)"),
    ("cn", rf"[{CN_NUMERALS}]+(?:、|\.(?!\d))"),  # 三、2026年工作思路 is a heading, 一.5 is not
    ("roman", r"[Ⅰ-Ⅻ](?:、|\.(?!\d))"),  # Ⅰ、坚持党的领导 (parts in Roman numerals)
    ("bar", r"\d{2}\s*[|丨｜]\s*"),  # 01 | 加强党的领导, 02丨…: the part numbers of an article on a WeChat account
    ("paren_cn", rf"（[{CN_NUMERALS}]+）"),
    # Decimal outline numbering (1 / 1.1 / 1.1.1), as department task lists and standards use it.
    ("decimal3", r"\d{1,2}\.\d{1,2}\.\d{1,3}(?![\d.])\s*"),
    # 1.2 推进…, but not a figure that starts a wrapped line (1.48亿元, 2.5倍, 3.5%).
    ("decimal2", rf"\d{{1,2}}\.\d{{1,3}}(?![\d.%])\s*(?=[\u4e00-\u9fff“《（])(?!{_COUNTED})"),
    ("arabic", r"\d{1,3}(?:\.|、)(?!\d)"),
    ("paren_arabic", r"（\d{1,3}）"),
    ("arabic_paren", r"\d{1,3}）"),
    ("circled", r"[①-⑳]"),
)
BULLETS = "●•■□◆◇★☆▲△▶►▷→"  # marks that open an item of a list (● 落实…), or set before a number (▶ 三、…)
_MARK = rf"(?:[{BULLETS}]\s*)?"
_LABEL = re.compile("|".join(f"(?P<{name}>^{_MARK}{pattern})" for name, pattern in STYLES))
# The part headings of an outline (1 坚持党的领导 over 1.1, 1.2): a bare number is a label only where the
# document numbers items N.1, N.2 under it; elsewhere it is a page number in a table of contents, or a count.
_BARE = re.compile(rf"^\s*(\d{{1,2}})[ \u3000]*(?=[\u4e00-\u9fff])(?!{_COUNTED})")
_CHILD = re.compile(r"^\s*(\d{1,2})\.\d{1,3}(?![\d%])")


def outline_parts(paragraphs) -> frozenset[int]:
    """The numbers N under which a document numbers items N.1, N.2 …: its outline's parts."""
    return frozenset(int(m.group(1)) for p in paragraphs if (m := _CHILD.match(p)))


def match_label(paragraph: str, parts: frozenset[int] = frozenset()) -> tuple[str, str, str] | None:
    """Return (style, label, rest) when a paragraph starts with a numbering label such as （一） or 1.; with
    the parts of the document's outline, a bare part number (1 坚持党的领导) is one too."""
    match = _LABEL.match(paragraph)
    if match:
        return match.lastgroup, match.group(0), paragraph[match.end():].strip()
    bare = _BARE.match(paragraph) if parts else None
    if bare and int(bare.group(1)) in parts:
        return "decimal1", bare.group(0), paragraph[bare.end():].strip()
    return None


def label_number(label: str) -> int | None:
    """The number a label counts: （十二） → 12, 3. → 3, 2.4 → 4, ③ → 3, 第二部分 → 2."""
    digits = re.findall(r"\d+", label)
    if digits:
        return int(digits[-1])
    circled = re.search(r"[①-⑳]", label)
    if circled:
        return ord(circled.group(0)) - ord("①") + 1
    roman = re.search(r"[Ⅰ-Ⅻ]", label)
    if roman:
        return ord(roman.group(0)) - ord("Ⅰ") + 1
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


class WordListNumbering:
    """Labels of Word's automatic numbering (一、 （一） 1.), which paragraph.text leaves out."""

    FORMATS = {
        "decimal": str,
        "decimalZero": lambda n: f"{n:02d}",
        "chineseCounting": lambda n: chinese_numeral(n),
        "chineseCountingThousand": lambda n: chinese_numeral(n),
        "japaneseCounting": lambda n: chinese_numeral(n),
        "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
        "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if n <= 20 else str(n),
        "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if n <= 20 else str(n),
        "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
        "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
        "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
    }

    def __init__(self, document):
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[str, str, int, bool]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_lists: dict[str | None, tuple[str, int] | None] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                    lvl.find(qn("w:isLgl")) is not None,  # legal numbering: every level's number in digits (1.1)
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self._levels[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]

    def label(self, paragraph) -> str:
        """Return the label Word shows before a paragraph, advancing the list's counters."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        levels = self._levels.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, text, _, legal = levels[level]
        if fmt in ("bullet", "none") or not text:
            return ""
        def render(match):
            index = int(match.group(1)) - 1
            value = counters.get(index, levels.get(index, ("decimal", "", 1, False))[2])
            return str(value) if legal else self.FORMATS.get(levels.get(index, (fmt,))[0], str)(value)
        return re.sub(r"%(\d)", render, text)

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        """The list a paragraph belongs to: its own numbering, else its style's (looked up once per style)."""
        if not self._levels:
            return None
        own = self._find_num_pr(paragraph._p.pPr)
        if own is not None:
            return own
        style_id = paragraph._p.style
        if style_id not in self._style_lists:
            found, style = None, paragraph.style
            while style is not None and found is None:
                found = self._find_num_pr(style.element.pPr)
                style = style.base_style
            self._style_lists[style_id] = found
        return self._style_lists[style_id]

    def _find_num_pr(self, ppr) -> tuple[str, int] | None:
        qn = self._qn
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_id is None:
            return None
        ilvl = num_pr.find(qn("w:ilvl"))
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0


def chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 28 → 二十八 (beyond 99, the digits)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
