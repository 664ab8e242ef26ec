"""Text clean-up: decoding, conversion artifacts, re-joining hard-wrapped lines, width normalisation."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from functools import lru_cache

from .errors import InputError
from .numbering import BULLETS, match_label, outline_parts

# ---------------------------------------------------------------- decoding

ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, name: str) -> str:
    """Given the bytes of a text file, return its text, whether UTF-8 (with or without BOM) or GBK/GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(f"“{name}”不是文本文件（含有二进制内容）。请确认选对了文件，或另存为 .txt/.docx 后重试。")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _looks_like_chinese(text):
            break
        return text
    raise InputError(f"无法识别“{name}”的文字编码。请用记事本或 WPS 打开后“另存为”UTF-8 编码的 .txt 文件再试。")


def _looks_like_chinese(text: str) -> bool:
    """Bytes that happen to decode as GB18030 but are not Chinese text show few common ideographs."""
    sample = text[:5000]
    letters = [c for c in sample if not c.isspace()]
    if not letters:
        return True
    common = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or c.isascii() or c in FULLWIDTH_PUNCT)
    return common / len(letters) > 0.8


# ---------------------------------------------------------------- line clean-up

FULLWIDTH_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕—…·％　"
TERMINAL = set("。！？；：!?;:）)】」』…")
SENTENCE_END = set("。！？；!?;")
OPENING = set("（《“‘(【〔")
CONTINUING = set("，、（《“‘—-－(")
UNIT_LABEL_HEADS = ("牵头单", "责任单", "配合单", "协办单", "参与单", "牵头部", "责任部", "配合部", "承办单")

_ARTIFACT = re.compile(r"\[bookmark:[^\]]*\]|\{#[^}]*\}|<!--.*?-->|[\u1800-\u18af\u200b-\u200f\u2060\ufeff]")
# A web page's stamp, printed or copied with its article (发布时间：2026-01-20 来源：县司法局 浏览次数：1325 【打印】).
_WEB_STAMP = re.compile(r"发布(?:时间|日期)|来源[：:]|(?:浏览|阅读|访问)(?:次数|量)|【?字体[：:]"
                        r"|【打印】|【关闭】|分享到|打印本页|关闭窗口")
_LONE_STAMP = re.compile(r"^\s*(?:发布(?:时间|日期)|来源)[：:]\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
# A to-do item (- [ ] …, - [x] …) and a quoted line (> 责任科室：…): the marks only.
_MD_CHECKBOX = re.compile(r"^\[[ xX√]\]\s*")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# A page number: — 2 —, 第1页，共3页, 2/3, 2, page 2 of 3.
_PAGE_FORMS = (r"[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?"
               r"|\d{1,4}\s*[/／]\s*\d{1,4}|\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?")
_PAGE_NUMBER = re.compile(rf"^\s*(?:{_PAGE_FORMS})\s*$", re.IGNORECASE)
_TRAILING_PAGE = re.compile(rf"(?:{_PAGE_FORMS})$", re.IGNORECASE)


def is_page_number(line: str) -> bool:
    """A page number on a line of its own (— 2 —, 第1页，共3页, 2/3)."""
    return bool(_PAGE_NUMBER.match(line))


# Numbered items are told by numbering.match_label; articles and sections (第三条, 第二节) start paragraphs too.
_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百]+[节条]")

@lru_cache(maxsize=1)
def _unit_line() -> re.Pattern:
    """A line that opens with a unit label (牵头单位：, 协办处室：, 【责任科室】)."""
    from .vocabulary import unit_labels

    words = "|".join(map(re.escape, sorted((w for role in unit_labels().values() for w in role), key=len, reverse=True)))
    return re.compile(rf"^\s*(?:(?:{words})\s*[:：]|[【〔［\[](?:{words})[】〕］\]])")


def clean_text(text: str) -> list[str]:
    """Given plain text (file or extracted PDF text), return its paragraphs without artifacts or hard wraps."""
    return join_lines(strip_markup(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")))


def clean_pages(pages: list[str]) -> list[str]:
    """Given the text of each PDF page, drop page numbers and running headers, then join into paragraphs."""
    page_lines = [[line for line in page.splitlines()] for page in pages]
    repeated = running_lines(page_lines)
    kept: list[str] = []
    for lines in page_lines:
        kept.extend(line for line in lines if running_key(line) not in repeated)
        kept.append("")
    return join_lines(strip_markup("\n".join(kept)))


def squash(line: str) -> str:
    return re.sub(r"\s+", "", line)


def running_key(line: str) -> str:
    """A line as running_lines() compares it: without spaces or the page number it ends with (…html 2/4)."""
    return _TRAILING_PAGE.sub("", squash(line))


RUNNING_CHARS = 100  # a browser prints the page's address and the page number as one footer line


def running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of most pages (titles, dates, a web page's address), their page numbers
    ignored: the running_key() of each."""
    if len(page_lines) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        filled = [running_key(line) for line in lines if line.strip()]
        edge = set(filled[:2] + filled[-2:])
        counts.update(line for line in edge if len(line) <= RUNNING_CHARS)
    return {line for line, n in counts.items() if n >= max(3, len(page_lines) // 2)}


def strip_markup(text: str) -> list[tuple[str, bool]]:
    """Return (line, stands alone) pairs with markdown marks, page numbers and conversion artifacts removed: a
    heading or a list item is never joined to the lines around it."""
    out: list[tuple[str, bool]] = []
    for raw in text.split("\n"):
        line = _ARTIFACT.sub("", raw)
        if (_MD_RULE.match(line) or _MD_TABLE_RULE.match(line) or _PAGE_NUMBER.match(line)
                or _LONE_STAMP.match(line) or len(_WEB_STAMP.findall(line)) >= 2):
            out.append(("", False))
            continue
        # A heading or a list item (- **深化…**, its measures indented under it) stands on its own line.
        heading = bool(_MD_HEADING.match(line) or _MD_BULLET.match(line) or _MD_QUOTE.match(line))
        line = _MD_HEADING.sub("", line)
        line = _MD_QUOTE.sub("", line)
        line = _MD_CHECKBOX.sub("", _MD_BULLET.sub("", line))
        line = _MD_EMPHASIS.sub("", line)
        if line.strip().startswith("|") and line.strip().endswith("|"):
            line = "　".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        if _PAGE_NUMBER.match(line):
            line = ""
        out.append((line.rstrip(), heading))
    return out


def width(line: str) -> float:
    """Display width of a line: ideographs count 1, ASCII characters 1/2."""
    line = line.strip()
    return len(line) - 0.5 * len(line.encode("ascii", "ignore"))


def join_lines(lines: list[tuple[str, bool]]) -> list[str]:
    """Given cleaned lines, re-join paragraphs cut by hard wraps and page breaks."""
    filled = [(line, heading) for line, heading in lines if line.strip()]
    widths = [width(line) for line, _ in filled]
    full = _full_width(widths)
    indented = sum(1 for line, _ in filled if _is_indented(line))
    uses_indent = 0.05 <= indented / max(1, len(filled)) <= 0.6

    parts = outline_parts(line.strip() for line, _ in filled)
    paragraphs: list[str] = []
    current = ""
    last_line, last_heading = "", False
    for line, heading in lines:
        if not line.strip():
            continue
        if current and not heading and not last_heading and _continues(last_line, line, full, uses_indent, parts):
            current = _glue(current, line)
        else:
            if current:
                paragraphs.append(current.strip())
            current = line
        last_line, last_heading = line, heading
    if current:
        paragraphs.append(current.strip())
    return [p for p in (re.sub(r"[ \t]+$", "", p) for p in paragraphs) if p]


def _full_width(widths: list[float]) -> float | None:
    """The width of a full line when the text is hard-wrapped (PDF extraction), else None."""
    if len(widths) < 8:
        return None
    top = statistics.quantiles(widths, n=10)[-1]
    if top > 70 or top < 10:
        return None
    near_full = sum(1 for w in widths if w >= 0.8 * top)
    return top if near_full / len(widths) >= 0.4 else None


def _span(line: str) -> float:
    """How far a line reaches across the page: its width with its indent (an indented first line of a paragraph
    holds two characters fewer than a full line, and is as full)."""
    indent = line[: len(line) - len(line.lstrip())]
    return width(line) + indent.count("\u3000") + 0.5 * (len(indent) - indent.count("\u3000"))


def _is_indented(line: str) -> bool:
    return line.startswith(("  ", "\t", "\u3000"))


LABEL_SPAN = 40


def starts_paragraph(line: str, uses_indent: bool = False, parts: frozenset[int] = frozenset()) -> bool:
    """True when a line opens a new paragraph: a numbered item (also 1.1 and an outline's part 1 标题), an item
    marked with a long dash (——健全…) or a bullet (● 落实…), a unit label line or an indented first line."""
    if uses_indent and _is_indented(line):
        return True
    stripped = line.strip()
    # A label opens the line: its first characters are all that need normalising (a wrapped line may be long).
    return bool(match_label(normalize(stripped[:LABEL_SPAN]), parts) or _ARTICLE.match(stripped) or stripped.startswith("——")
                or stripped[:1] in BULLETS or _unit_line().match(stripped))


_SIGNATURE_LINE = re.compile(r"^[\u4e00-\u9fff（）]{2,24}(?:人民政府|政府|局|委员会|办公室)$"
                             r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


_FINISHED = re.compile(r"[。！？!?](?:[（(][^（）()]*[）)])?$")


def _continues(previous: str, line: str, full: float | None, uses_indent: bool,
               parts: frozenset[int] = frozenset()) -> bool:
    prev = previous.strip()
    # A unit label cut in two by the wrap (牵头单 / 位：) always belongs together.
    if prev.endswith(UNIT_LABEL_HEADS) and line.strip().startswith("位"):
        return True
    # An opening bracket or quote at the end of a line is always continued on the next one.
    if prev[-1] in OPENING:
        return True
    # Where paragraphs open indented, a flush-left line after a full one is the wrap of a long paragraph, even
    # when the wrap falls just before a measure's number (…起草工作；/2.开展…). After a finished sentence (。),
    # or its bracket (…违约毁约。（责任单位：…）), it may be a flush-left heading.
    if (uses_indent and full is not None and not _is_indented(line) and _span(previous) >= 0.9 * full
            and not _FINISHED.search(prev)):
        return True
    if starts_paragraph(line, uses_indent, parts):
        return False
    if full is not None and _span(previous) >= 0.8 * full:
        return True
    last = prev[-1]
    if last in CONTINUING:
        return True
    if _unit_line().match(prev):
        return False  # a unit clause closes its task: the next line is the next item, or the issuer's
    if _SIGNATURE_LINE.match(line.strip()):
        return False  # the issuer's name or the date under a document, never the tail of its last line
    if last in TERMINAL or (last in "”’\"" and len(prev) > 1 and prev[-2] in SENTENCE_END):
        return False
    # A line that stops without punctuation was cut by a page break when it is long or holds a finished
    # sentence; a short one without a sentence in it is a heading.
    return width(prev) >= 40 or any(c in SENTENCE_END for c in prev)


def _glue(current: str, line: str) -> str:
    left, right = current.rstrip(), line.strip()
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


# ---------------------------------------------------------------- normalisation for parsing and matching

_TO_ASCII = {code: code - 0xFEE0 for code in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
             + list(range(0xFF41, 0xFF5B))}
_TO_ASCII.update({ord("％"): "%", ord("．"): ".", ord("＋"): "+", ord("－"): "-", ord("／"): "/"})
_TO_ASCII.update({ord("("): "（", ord(")"): "）", ord(";"): "；", ord("［"): "【", ord("］"): "】"})
_TO_ASCII.update({0x2474 + i: f"（{i + 1}）" for i in range(20)})  # ⑴ … ⒇
_TO_ASCII.update({0x2488 + i: f"{i + 1}." for i in range(20)})  # ⒈ … ⒛
# Circled digits in dingbat styles (❶, ➀, ➊, ⓵) count as ① … ⑩; ⓫ … ⓴ as ⑪ … ⑳.
for _first in (0x2776, 0x2780, 0x278A, 0x24F5):
    _TO_ASCII.update({_first + i: chr(0x2460 + i) for i in range(10)})
_TO_ASCII.update({0x24EB + i: chr(0x246A + i) for i in range(10)})
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》—…·"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")
_ANY_SPACE = re.compile(r"[ \t\u00a0\u3000]")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_PERIOD = re.compile(r"(?<=[\u4e00-\u9fff”）%])\.(?=\s*[\u4e00-\u9fff“（]|\s*$)")
_LABEL_BEFORE = re.compile(r"\s*(?:第?[一二三四五六七八九十百]+|[（(][一二三四五六七八九十百]+[）)])$")  # 一.主要工作
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{0,40}[\u4e00-\u9fff][^"\n]{0,40})"')


# A year in Chinese numerals (二〇二五年, 二零二六年), as formal documents date themselves.
_CN_YEAR = re.compile(r"二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2}(?=\s*年)")
_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "000012345678" + "9")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Unify full/half-width digits, letters, brackets and colons, years in Chinese numerals (二〇二五年 → 2025年),
    the full stops and quotes of a text typed with half-width punctuation (…职责.街道… → …职责。街道…), and drop
    spaces around Chinese text."""
    text = text.translate(_TO_ASCII)
    # Each pass runs only where its character occurs: most lines have no year in numerals, no comma between
    # digits and no space.
    if "二" in text:
        text = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    if ":" in text:
        text = _COLON.sub("：", text)
    if "," in text:
        text = _COMMA.sub("，", text)
    # A text typed with half-width punctuation ends its sentences with . and quotes with "…" too.
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    if "." in text:
        text = _PERIOD.sub(lambda m: m.group() if _LABEL_BEFORE.match(text, 0, m.start()) else "。", text)
    if _ANY_SPACE.search(text):
        text = _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", text))
    return text.strip()


_SENTENCE_END = re.compile(r"(?<=[。！？；!?])")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。！？；, keeping the punctuation."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(name: object) -> str:
    """A file name or path as it may be printed on one line: control characters shown escaped (\\n, \\x1b)."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(name))


_ITEM_OPENER = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])")


def brief(text: str, limit: int = 30) -> str:
    """A measure or sentence made short enough for a cell or a notice, cut only at punctuation: the clauses
    that fit within limit characters, or the whole first clause when even it is longer (never mid-word).
    An item opener (一是, （二）) is dropped."""
    text = _ITEM_OPENER.sub("", text.strip()).rstrip("。；;，,、：:")
    if len(text) <= limit:
        return text
    cuts = [m.start() for m in re.finditer(r"[，,；;：:]", text)]  # a list (A、B、C) is never cut
    within = [c for c in cuts if c <= limit]
    if within:
        return text[:within[-1]]
    return text[:cuts[0]] if cuts else text


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """Pad or cut a string to a display width."""
    out, used = "", 0
    for char in text:
        w = display_width(char)
        if used + w > width:
            out = out[: -1] + "…" if out else out
            used = display_width(out)
            break
        out += char
        used += w
    return out + " " * max(0, width - used)
