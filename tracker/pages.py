"""Pages into paragraphs and tables: what a PDF's text layer and an OCR of a scan both give, page by page, as
text lines and tables with their height on the page. Running headers, footers and page numbers are dropped
across pages; a table broken over pages is joined again, including a row split by a page break."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Block, Table
from .text import clean_pages, is_page_number, running_key, running_lines

_TERMINAL = "。；;！？!?）)"


@dataclass(frozen=True)
class Segment:
    """A piece of a page: a text line or a table, with its distance from the top of the page."""

    top: float
    text: str = ""
    table: Table | None = None


def pages_to_blocks(pages: list[list[Segment]]) -> list[Block]:
    """Given each page's segments, return paragraphs and tables: running lines dropped, text joined across
    pages, and a table continued on the next page joined to its first part."""
    texts = [[s.text for s in page if s.table is None] for page in pages]
    repeated = running_lines(texts)
    blocks: list[Block] = []
    lines: list[str] = []
    for page in pages:
        for segment in page:
            if segment.table is None:
                # A page's number is furniture: it does not stand between a table and its continuation.
                if running_key(segment.text) not in repeated and not is_page_number(segment.text):
                    lines.append(segment.text)
                continue
            text_between = any(line.strip() for line in lines)
            if text_between:
                blocks.extend(clean_pages(["\n".join(lines)]))
            if blocks and isinstance(blocks[-1], Table) and not text_between and _continues(blocks[-1], segment.table):
                blocks[-1] = _join_tables(blocks[-1], segment.table)
            else:
                blocks.append(segment.table)
            lines = []
        lines.append("")  # a page break ends no paragraph by itself: join_lines decides
    if any(line.strip() for line in lines):
        blocks.extend(clean_pages(["\n".join(lines)]))
    return blocks


def _continues(first: Table, second: Table) -> bool:
    """A table on the next page with the same columns, and no text between, goes on the same table."""
    return bool(first.rows and second.rows) and len(first.rows[0]) == len(second.rows[0])


def _join_tables(first: Table, second: Table) -> Table:
    """Append the second part of a table; drop its repeated header; mend a row split by the page break."""
    rows = list(second.rows)
    if rows and rows[0] == first.rows[0]:
        rows = rows[1:]
    elif rows and (beside := _beside_header(rows[0], first.rows[0])) is not None:
        rows = ([beside] if any(beside) else []) + rows[1:]
    head = list(first.rows)
    # A cell merged down over rows that the page break cuts (a task's 序号 and 名称) is printed on both pages:
    # where the second part opens with the label the first part ended under, its rows go on under that label.
    merged = _merged_label(head)
    if rows and merged and tuple(rows[0][:len(merged)]) == merged:
        rows[0] = ("",) * len(merged) + tuple(rows[0][len(merged):])
        if not any(rows[0]):
            rows = rows[1:]
    if rows and head and _split_row(head[-1], rows[0], first):
        head[-1] = tuple(a + b for a, b in zip(head[-1], rows[0], strict=True))
        rows = rows[1:]
    return Table(rows=tuple(head + rows))


def _beside_header(row: tuple[str, ...], header: tuple[str, ...]) -> tuple[str, ...] | None:
    """A repeated header that a merged cell's text was drawn into (10序号, 加强行政执法队伍建设重点任务): that
    text, column by column; None for a row that is no header."""
    named = [name for name in header if name.strip()]
    if len(row) != len(header) or len(named) < 2 or not all(name in cell for name, cell in zip(header, row, strict=True)):
        return None
    return tuple(cell.replace(name, "", 1).strip() if name else cell for name, cell in zip(header, row, strict=True))


def _merged_label(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The leading cells of the last row with a number that the rows after it leave empty: the label of a
    merged region still open at the table's end."""
    labelled = max((i for i, row in enumerate(rows) if row and row[0].strip()), default=None)
    if labelled is None or labelled == 0:
        return ()
    after = rows[labelled + 1:]
    width = 0
    while width < len(rows[labelled]) - 1 and rows[labelled][width].strip() and all(
            width < len(row) and not row[width].strip() for row in after):
        width += 1
    return tuple(rows[labelled][:width])


def _split_row(last: tuple[str, ...], first: tuple[str, ...], table: Table) -> bool:
    """A row cut by a page break: the new part names no number or task of its own, leaves empty a cell the part
    before filled, and the widest text column of the part before stops mid-sentence."""
    if first[0].strip():
        return False
    # A row with all its cells filled is a row of its own, even where its text has no closing stop (Excel).
    if all(cell.strip() for cell, before in zip(first, last, strict=False) if before.strip()):
        return False
    widths = [sum(len(row[i]) for row in table.rows if i < len(row)) for i in range(len(last))]
    text_column = max(range(len(last)), key=widths.__getitem__)
    before = last[text_column].strip()
    return bool(before) and bool(first[text_column].strip()) and before[-1] not in _TERMINAL
