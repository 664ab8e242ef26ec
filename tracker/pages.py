"""Pages into paragraphs and tables: what a PDF's text layer and an OCR of a scan both give, page by page, as
text lines and tables with their height on the page. Running headers, footers and page numbers are dropped
across pages; a table broken over pages is joined again, including a row split by a page break."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Block, Table
from .text import clean_pages, running_lines, squash

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
                if squash(segment.text) not in repeated:
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
    head = list(first.rows)
    if rows and head and _split_row(head[-1], rows[0], first):
        head[-1] = tuple(a + b for a, b in zip(head[-1], rows[0], strict=True))
        rows = rows[1:]
    return Table(rows=tuple(head + rows))


def _split_row(last: tuple[str, ...], first: tuple[str, ...], table: Table) -> bool:
    """A row cut by a page break: the new part names no number or task of its own, and the widest text column
    of the part before stops mid-sentence."""
    if first[0].strip():
        return False
    widths = [sum(len(row[i]) for row in table.rows if i < len(row)) for i in range(len(last))]
    text_column = max(range(len(last)), key=widths.__getitem__)
    before = last[text_column].strip()
    return bool(before) and bool(first[text_column].strip()) and before[-1] not in _TERMINAL
