"""Reading PDFs: text in reading order and tables, via pdfplumber (MIT), with bounded decompression.

pdfplumber keeps each character where it stands on the line, so a curly quote that LibreOffice draws in
another font stays in place (pypdf moved the “ ” of a line to its start), and it finds ruled tables, so a
plan published as a task table (任务分工表) reads as a table, as its Word form does. A page becomes a list of
segments in vertical order: text lines outside tables, and tables. Running headers, footers and page numbers
are dropped across pages; a table broken over pages is joined again, including a row split by a page break.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from pathlib import Path

from .errors import InputError
from .models import Block, Table
from .numbering import match_label
from .pages import Segment, pages_to_blocks
from .text import shown

# Most one can expect one page's streams to inflate to; a compression bomb is stopped here.
MAX_STREAM_BYTES = 80 * 1024 * 1024
MAX_PAGES = 2000
# A page of a real text layer holds hundreds of characters; a scan holds none or a few stray marks.
MIN_CHARS_PER_PAGE = 20


class _BoundedZlib:
    """zlib for pdfminer, with decompress() bounded: a stream that inflates beyond MAX_STREAM_BYTES is refused."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES or inflater.unconsumed_tail:
            raise _TooLarge()
        return out

    @staticmethod
    def decompressobj(*args, **kwargs):
        return zlib.decompressobj(*args, **kwargs)


class _TooLarge(Exception):
    pass


def read_pdf(path: Path) -> list[Block]:
    """The text layer of a PDF as paragraphs and tables, in reading order."""
    import pdfminer.pdftypes
    import pdfplumber

    pdfminer.pdftypes.zlib = _BoundedZlib
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"“{shown(path.name)}”有 {len(pdf.pages)} 页，超过 {MAX_PAGES} 页的上限。请确认是否选错了文件。")
            pages, columns = [], None
            for page in pdf.pages:
                segments, columns = page_segments(page, columns)
                pages.append(segments)
    except InputError:
        raise
    except _TooLarge as error:
        raise InputError(f"“{shown(path.name)}”超出读取限制：其中的数据解压后超过 {MAX_STREAM_BYTES // 1024 // 1024} MB，"
                         f"文件可能已损坏。请重新导出 PDF，或改用 Word 版本。") from error
    except Exception as error:  # pdfminer fails on a damaged or encrypted file in many ways
        if "password" in type(error).__name__.lower() or "encrypt" in str(error).lower():
            raise InputError(f"“{shown(path.name)}”设置了打开密码。请去掉密码后另存为 PDF 再试。") from error
        raise InputError(f"“{shown(path.name)}”已损坏或不是有效的 PDF 文件。请重新导出 PDF，或改用 Word 版本。") from error
    if not pages:
        raise InputError(f"“{shown(path.name)}”没有页面。请重新导出 PDF 再试。")
    visible = sum(len("".join(s.text.split())) + (_table_chars(s.table) if s.table else 0) for p in pages for s in p)
    if visible < MIN_CHARS_PER_PAGE * len(pages):
        from . import ocr

        if ocr.available():
            blocks = ocr.ocr_pdf(path)
            if sum(len(b) for b in blocks if isinstance(b, str)) >= MIN_CHARS_PER_PAGE:
                return blocks
            raise InputError(f"“{shown(path.name)}”是扫描件或图片 PDF，文字识别也没有读出文字。"
                             f"请向发文单位索取 Word/文字版 PDF。")
        raise InputError(f"“{shown(path.name)}”是扫描件或图片 PDF，没有文字层，无法读取。"
                         f"请先用 OCR 软件识别成文字，或向发文单位索取 Word/文字版 PDF"
                         f"（安装文字识别组件后可直接读取扫描件：pip install \"tracker[ocr]\"）。")
    return pages_to_blocks(pages)


def page_segments(page, columns: list[float] | None = None) -> tuple[list[Segment], list[float] | None]:
    """One page as text lines outside tables and the tables, top to bottom; with the column bounds of a table
    aligned by spaces only, which the next page may continue without repeating its header."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    segments = []
    for table in tables:
        rows, spilled = _table_rows(page, table)
        boxes += spilled
        if rows:
            segments.append(Segment(table.bbox[1], table=Table(rows=rows)))
    aligned = None if tables else aligned_table(page, columns)
    if aligned is not None:
        table, box, columns = aligned
        boxes.append(box)
        segments.append(Segment(box[1], table=table))
    else:
        columns = None
    outside = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    for offset, region in _reading_regions(outside, not boxes):
        lines = region.extract_text_lines(strip=True)
        segments += [Segment(offset + line["top"], text=indent + unspaced(line["text"]))
                     for line, indent in _indents(lines)]
    return sorted(segments, key=lambda s: s.top), columns


GUTTER_SHARE = (0.4, 0.6)  # where a two-column page's gutter may lie, as shares of the page width
MIN_COLUMN_CHARS = 150
MIN_COLUMN_SHARE = 0.4  # the columns fill at least this share of the page's height


def _reading_regions(page, whole: bool) -> list[tuple[float, object]]:
    """The parts of a page in reading order, each with an offset that keeps it there when lines are sorted by
    height: the page itself, or, where its body is set in two columns (a 简报), the lines above the columns,
    the left column, the right column and the lines below. pdfplumber reads a line across both columns."""
    if not whole:
        return [(0.0, page)]
    import numpy as np

    chars = [c for c in page.chars if c.get("text", "").strip()]
    if len(chars) < 2 * MIN_COLUMN_CHARS:
        return [(0.0, page)]
    width, height = page.width, page.height
    x0, x1, top, bottom = (np.array([c[key] for c in chars]) for key in ("x0", "x1", "top", "bottom"))
    upper = top < 0.5 * height
    best = None
    for gutter in range(int(GUTTER_SHARE[0] * width), int(GUTTER_SHARE[1] * width), 2):
        # The column region: below the last character across the gutter in the page's upper half (a masthead,
        # a title), above the first one in its lower half (a footer).
        band = (x0 < gutter + 2) & (x1 > gutter - 2)
        start = float(bottom[band & upper].max()) if (band & upper).any() else 0.0
        end = float(top[band & ~upper].min()) if (band & ~upper).any() else height
        if best is None or end - start > best[0]:
            best = (end - start, gutter, start, end)
    if best is None or best[0] < MIN_COLUMN_SHARE * height:
        return [(0.0, page)]
    _, gutter, start, end = best
    inside = [c for c in chars if start <= c["top"] < end]
    if (sum(1 for c in inside if c["x1"] <= gutter) < MIN_COLUMN_CHARS
            or sum(1 for c in inside if c["x0"] >= gutter) < MIN_COLUMN_CHARS):
        return [(0.0, page)]
    # Each character in one region only: the one that holds it whole.
    regions = [(0.0, page.within_bbox((0, 0, width, start + 0.5))) if start > 0 else None,
               (0.0, page.within_bbox((0, start + 0.5, gutter, end - 0.5))),
               (height, page.within_bbox((gutter, start + 0.5, width, end - 0.5))),
               (2 * height, page.within_bbox((0, end - 0.5, width, height))) if end < height else None]
    return [region for region in regions if region is not None]


_NUMBER = re.compile(r"^\d{1,3}[.．、]?$")
_PAGE_NUMBER = re.compile(r"^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d+\s*页")


def aligned_table(page, columns: list[float] | None) -> tuple[Table, tuple, list[float]] | None:
    """A task table drawn without ruling lines, its columns only aligned by spaces: found by a header line of
    known column names (序号 | 工作任务 | 具体措施 | 责任股室 | 完成时限), or continued from the page before with
    the same columns. A numbered line starts a row, a line of 一、… is a section row, other lines go on the row
    above, each word in the column it starts under. Returns the table, its box and the column bounds."""
    from .vocabulary import column_names

    lines = _word_lines(page.extract_words(x_tolerance=1.5))
    names = column_names()
    start = None
    for index, words in enumerate(lines):
        texts = [w["text"] for w in words]
        if len(texts) >= 3 and sum(t in names for t in texts) >= max(3, 0.6 * len(texts)):
            columns = _column_bounds(words, lines[index + 1: index + 40])
            start = index
            break
    if start is None and columns:
        start = next((i for i, words in enumerate(lines) if _NUMBER.match(words[0]["text"]) and len(words) >= 3), None)
        start = None if start is None else start - 1  # the header is on an earlier page
    if start is None or not columns:
        return None
    width = len(columns) + 1
    rows: list[list[str]] = [[w["text"] for w in lines[start]]] if start >= 0 and len(lines[start]) == width else []
    top = lines[max(start, 0)][0]["top"]
    bottom, numbered = top, 0
    for words in lines[start + 1:]:
        text = "".join(w["text"] for w in words)
        if _PAGE_NUMBER.match(text):
            continue
        first = words[0]
        if len(words) <= 2 and (labelled := match_label(text)) is not None and labelled[0] in ("part", "cn"):
            rows.append([text] * width)
        elif _NUMBER.match(first["text"]) and first["x1"] <= columns[0]:
            rows.append([""] * width)
            _place(rows[-1], words, columns)
            numbered += 1
        elif first["x0"] < columns[0] or not rows:
            break  # a line across the columns (注：…) or before any row: the table has ended
        else:
            _place(rows[-1], words, columns)
        bottom = max(w["bottom"] for w in words)
    if numbered < 2:
        return None
    return Table(rows=tuple(tuple(unspaced(c) for c in row) for row in rows)), (0, top - 1, page.width, bottom + 1), columns


def _column_bounds(header: list[dict], below: list[list[dict]]) -> list[float]:
    """Where each column after the first begins: where the words under its header most often start (a header
    is centred over its column, the cells' text starts at its left edge), right of the header before it."""
    starts = Counter(round(w["x0"]) for words in below for w in words)
    common = sorted(x for x, n in starts.items() if n >= 2)
    bounds = []
    for before, name in zip(header, header[1:], strict=False):
        fits = [x for x in common if before["x1"] < x <= name["x0"] + 2]
        bounds.append(fits[-1] - 1 if fits else (before["x1"] + name["x0"]) / 2)
    return bounds


def _place(row: list[str], words: list[dict], columns: list[float]) -> None:
    """Add each word of a line to the cell of the column it starts in."""
    from bisect import bisect

    for word in words:
        column = bisect(columns, word["x0"])
        row[column] += word["text"]


def _word_lines(words: list[dict], tolerance: float = 3) -> list[list[dict]]:
    """Words grouped into lines by their height on the page, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _indents(lines: list[dict]) -> list[tuple[dict, str]]:
    """Each line with the first-line indent the layout draws and the text layer drops (two ideographic spaces
    where the line starts a character and a half or more right of the page's left margin), so that a paragraph
    after an unpunctuated heading line is told from the heading's continuation, as in the Word form. The margin
    is the leftmost start shared by two lines or more (a centred title starts further right)."""
    starts = [round(line["x0"]) for line in lines if line.get("chars")]
    if not starts:
        return [(line, "") for line in lines]
    margin = min([x for x, n in Counter(starts).items() if n >= 2] or starts)
    sizes = sorted(c["size"] for line in lines for c in line.get("chars", ())[:1])
    em = sizes[len(sizes) // 2]
    return [(line, "\u3000\u3000" if line.get("chars") and line["x0"] >= margin + 1.5 * em else "") for line in lines]


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


_CJK = "\u4e00-\u9fff，。；：、（）《》“”"
# LibreOffice and Word draw a gap between Chinese and figures (2025 年, 受理 42 件): in the text layer it
# becomes a space the document never had, and a quote would differ from the Word form's.
_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%]) (?=[{_CJK}])")


def unspaced(text: str) -> str:
    """A line without the spaces a PDF shows between Chinese and figures."""
    return _GAP.sub("", text)


# A line of a cell that stops more than this many characters short of its column's right edge, and ends where
# a line may end (a sentence, a role in brackets, or before a numbered line), was ended by its author: the last
# line of a numbered measure, a unit named with its role. A line the column wrapped runs to the edge,
# or stops a character or so short where a character may not begin the next line or figures do not fit.
SHORT_LINE_EMS = 1.5
# The most a cell's margin can be, in points: the least room any line of a column leaves is its margin, unless
# no line of the column fills it.
MAX_CELL_MARGIN = 8.0


def _table_rows(page, table) -> tuple[tuple[tuple[str, ...], ...], list[tuple]]:
    """A ruled table's cells, each with the line breaks its author made and without those of wrapping; with
    the boxes below the table that an open cell's text was taken from."""
    texts, spilled = _with_open_cells(page, table, table.extract())
    ends = []  # per row, per cell: (right edge, [(line's right end, font size)]) or None
    for row in table.rows:
        top, bottom = row.bbox[1], row.bbox[3]
        chars = [c for c in page.chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom and c["text"].strip()]
        ends.append([None if box is None else (box[2], _line_ends(chars, box)) for box in row.cells])
    margins: dict[float, float] = {}
    for row in ends:
        for cell in row:
            if cell and cell[1]:
                right = round(cell[0], 1)
                margins[right] = min(margins.get(right, MAX_CELL_MARGIN), *(cell[0] - x for x, _ in cell[1]))
    return tuple(tuple(_cell(text, cell and (cell[1], cell[0] - margins.get(round(cell[0], 1), 0.0)))
                       for text, cell in zip(row_texts, row, strict=False))
                 for row_texts, row in zip(texts, ends, strict=False)), spilled


def _with_open_cells(page, table, texts: list[list[str | None]]) -> tuple[list[list[str | None]], list[tuple]]:
    """The text of cells whose ruling is not closed: a cell merged down over rows that a page break cuts (a
    task's 序号 and 名称 in a list printed from Excel) has no bottom line on the page, so no cell is found there
    and its text, drawn halfway down the merged rows, would be lost. The rows under such an open cell, up to the
    table's end, take its text on the first of them; it is printed again on the next page (pages.py)."""
    rows = table.rows
    closed = list(table.cells)
    columns = len(texts[0]) if texts else 0
    spilled = []
    for column in range(columns):
        spans = [row.cells[column] for row in rows if column < len(row.cells) and row.cells[column] is not None]
        if not spans:
            continue
        left, right = spans[0][0], spans[0][2]
        start = None
        for index, row in enumerate(rows):
            top, bottom = row.bbox[1], row.bbox[3]
            own = column < len(row.cells) and row.cells[column] is not None
            covered = own or any(box[0] <= (left + right) / 2 <= box[2] and box[1] <= top and bottom <= box[3] + 0.5
                                 for box in closed)
            start = None if covered else (index if start is None else start)
        if start is None:
            continue
        # Its text may be drawn below the table's last line, by up to a row's height.
        last = rows[-1].bbox
        box = (left, rows[start].bbox[1], right, min(page.height, last[3] + (last[3] - last[1])))
        region = page.within_bbox(box, strict=False).filter(
            lambda obj: obj.get("object_type") != "char" or not _inside(obj, closed))
        text = region.extract_text().strip()
        if text:
            texts[start][column] = text
            spilled.append((left, last[3], right, box[3]))
    return texts, spilled


def _line_ends(chars: list[dict], box: tuple) -> list[tuple[float, float]]:
    """Each line of a cell, top to bottom, as the right end of its last character and that character's size."""
    lines: list[list[dict]] = []
    inside = [c for c in chars if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]]
    for char in sorted(inside, key=lambda c: c["top"]):
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= 3:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [(max(c["x1"] for c in line), max(line, key=lambda c: c["x1"])["size"]) for line in lines]


def _cell(value: str | None, geometry: tuple[list[tuple[float, float]], float] | None = None) -> str:
    """A table cell's text: lines a narrow column wrapped are joined (Chinese wraps without spaces); with the
    ends of its lines and the column's edge, a line its author ended keeps its break."""
    if not value:
        return ""
    lines = [unspaced(line.strip()) for line in value.splitlines() if line.strip()]
    ends, edge = geometry if geometry and len(geometry[0]) == len(lines) else ([], 0.0)
    out = ""
    for index, line in enumerate(lines):
        if out and ends and edge - ends[index - 1][0] > SHORT_LINE_EMS * ends[index - 1][1] and _may_end(out, line):
            out += "\n"
        elif out and re.match(r"[A-Za-z0-9]", line) and re.search(r"[A-Za-z]$", out):
            out += " "
        out += line
    return out


def _may_end(text: str, following: str) -> bool:
    """Whether a line of a cell may end where the text so far stops: after a sentence or a role in brackets
    (区委宣传部（牵头）), or before a numbered line. A unit's name alone may be wrapped (代办 / 点), so a list of
    units whose lines were joined is taken apart by the units' reading."""
    return text[-1] in "。；;：:！？!?）)" or match_label(following) is not None


def _table_chars(table: Table) -> int:
    return sum(len(cell) for row in table.rows for cell in row)
