"""A report saved from a government website (另存为网页, .html/.htm): the article's paragraphs and tables, without
the page's navigation, scripts, share bar and footer."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from .models import Block, Table
from .text import decode

_SKIPPED = {"script", "style", "noscript", "head", "title", "template", "svg", "select", "button", "iframe"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main",
           "blockquote", "pre", "header", "footer", "nav", "aside", "dd", "dt", "form", "center"}
_CONTAINERS = {"div", "article", "section", "main", "td", "body", "center"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
# The article's share of the page's text below which the whole page is kept (a page that is all article).
ARTICLE_SHARE = 0.3
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def normalize_space(text: str) -> str:
    """Text as a browser shows it: the source's line breaks and indentation are one space, and none between
    Chinese characters (a line of the page's source that ends mid-sentence)."""
    return _CJK_GAP.sub("", re.sub(r"[\s\u00a0]+", " ", text)).strip(" \u3000")


class _Page(HTMLParser):
    """Collects the page's paragraphs and tables, each with the containers it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []  # open elements, each with its serial number
        self.serial = 0
        self.skipping = 0
        self.text: list[str] = []
        self.blocks: list[tuple[tuple[int, ...], Block]] = []  # (containers, paragraph or table)
        self.tables: list[list[list[str]]] = []  # tables being read, innermost last
        self.spans: list[list[list[tuple[int, int]]]] = []  # each cell's (rowspan, colspan), as self.tables
        self.heading = ""  # the report's title (its meta title, the page's <title> or first <h1>), often outside the article
        self.in_title = False

    def containers(self) -> tuple[int, ...]:
        return tuple(serial for tag, serial in self.stack if tag in _CONTAINERS)

    def flush(self) -> None:
        text = normalize_space("".join(self.text))
        self.text.clear()
        if not text:
            return
        if self.tables:
            if self.tables[-1] and self.tables[-1][-1] is not None:
                row = self.tables[-1][-1]
                row[-1] = (row[-1] + "\n" + text).strip() if row else text
                return
        self.blocks.append((self.containers(), text))

    def handle_starttag(self, tag: str, attrs) -> None:
        named = dict(attrs)
        if tag == "meta" and (named.get("name") or "").lower() in ("articletitle", "title") and named.get("content"):
            self.heading = normalize_space(named["content"])  # the article's own title, as CMS pages give it
        if tag == "title":
            self.in_title = True
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag in _VOID:
            if tag == "br":
                self.flush()
            return
        if tag in _BLOCKS or tag in ("table", "tr", "td", "th"):
            self.flush()
        if tag == "table":
            self.tables.append([])
            self.spans.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
            self.spans[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("")
            self.spans[-1][-1].append((_span(named.get("rowspan")), _span(named.get("colspan"))))
        self.serial += 1
        self.stack.append((tag, self.serial))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self.stack):
            return
        if tag in _BLOCKS or tag in ("table", "tr", "td", "th"):
            self.flush()
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "table" and self.tables:
            grid = _grid(self.tables.pop(), self.spans.pop())
            rows = tuple(tuple(cell.strip() for cell in row) for row in grid if any(c.strip() for c in row))
            if rows:
                self.blocks.append((self.containers(), Table(rows=rows)))

    def handle_data(self, data: str) -> None:
        if self.in_title and not self.heading:
            # 青龙县人民政府关于…的报告_法治政府建设_青龙县人民政府: the page's title before the site's names.
            self.heading = re.split(r"\s*[_|｜]\s*|\s+-\s+", normalize_space(data))[0]
        if self.skipping:
            return
        self.text.append(data)
        if self.stack and self.stack[-1][0] == "h1" and not self.heading:
            self.heading = normalize_space(data)

    def close(self) -> None:
        super().close()
        self.flush()


MAX_SPAN = 100


def _span(value: str | None) -> int:
    return min(MAX_SPAN, max(1, int(value))) if value and value.strip().isdigit() else 1


def _grid(rows: list[list[str]], spans: list[list[tuple[int, int]]]) -> list[list[str]]:
    """A table's rows with each cell that spans rows or columns (rowspan, colspan) repeated in every cell it
    covers, as merged cells of Word and Excel tables are read."""
    out: list[list[str]] = []
    above: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still covers below)
    for row, widths in zip(rows, spans, strict=True):
        cells, column, own = [], 0, iter(zip(row, widths, strict=True))
        while True:
            if column in above:
                text, left = above.pop(column)
                if left > 1:
                    above[column] = (text, left - 1)
                cells.append(text)
                column += 1
                continue
            cell = next(own, None)
            if cell is None:
                break
            text, (down, across) = cell
            for _ in range(across):
                if down > 1:
                    above[column] = (text, down - 1)
                cells.append(text)
                column += 1
        out.append(cells)
    return out


def read_html(path: Path) -> list[Block]:
    """The article of a saved web page: the container holding most of the page's paragraph text, with its
    paragraphs and tables in order, under the report's title when that stands outside it."""
    page = _Page()
    page.feed(decode(path.read_bytes(), path.name))
    page.close()
    weight: Counter[int] = Counter()
    for containers, block in page.blocks:
        size = len(block) if isinstance(block, str) else sum(len(c) for row in block.rows for c in row)
        if containers:
            weight[containers[-1]] += size  # text counts for the container it sits in directly
    total = sum(weight.values())
    article = max(weight, key=weight.__getitem__, default=None)
    if article is None or weight[article] < ARTICLE_SHARE * total:
        return [block for _, block in page.blocks]
    kept = [block for containers, block in page.blocks if article in containers]
    if page.heading and not any(isinstance(b, str) and page.heading in b for b in kept):
        kept.insert(0, page.heading)
    return kept

