"""Report segmentation: headings, paragraphs and sentences, each sentence with its location and kind."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .meta import SIGNATURE, opening_year, opens_with_year_before, region_of, report_year, signed_date, wrapped_title
from .models import ACHIEVEMENT, OTHER, PLAN, PROBLEM, Claim, Document, Passage, Report, Table, row_value
from .numbering import BULLETS, match_label, outline_parts
from .progress import Row as ProgressRow
from .progress import progress_columns, progress_rows
from .resources import load_toml
from .targets import count_units
from .text import normalize
from .vocabulary import adverse, counted

HEADING_CHARS = 40
TOPIC_CHARS = 45
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*[”’」』）)]*")
_ITEM = re.compile(r"^[一二三四五六七八九十]+是")
_QUOTED = re.compile(r"“[^”]*”")
_DATE_ONLY = re.compile(r"^[（(]?\d{1,2}月\d{1,2}日[—\-~至]+\d{1,2}月\d{1,2}日[）)]?$")


class _Patterns:
    """The patterns of one kind of sentence, searched as two alternations: those that must open the sentence
    (^下一步…) tried once at its start, the others anywhere, behind a look at the characters a match can start with
    (尚, 未, 仍 …). One alternation mixing both is tried in full at every character of every sentence, which cost a
    tenth of the reading of a long report."""

    def __init__(self, patterns: list[str]) -> None:
        opening = "|".join(f"(?:{p[1:]})" for p in patterns if p.startswith("^"))
        anywhere = "|".join(f"(?:{p})" for p in patterns if not p.startswith("^"))
        starts = _first_characters(anywhere)
        if starts:
            anywhere = f"(?=[{re.escape(starts)}])(?:{anywhere})"
        self._opening = re.compile(opening) if opening else None
        self._anywhere = re.compile(anywhere) if anywhere else None

    def search(self, text: str) -> bool:
        return bool(self._opening is not None and self._opening.match(text)
                    or self._anywhere is not None and self._anywhere.search(text))


def _first_characters(pattern: str) -> str:
    """The characters a match of a pattern can start with; empty where it may start with any (a class of all
    characters, a category) or with nothing."""
    try:
        from re import _constants as op
        from re import _parser
        parsed = _parser.parse(pattern)
    except (ImportError, AttributeError, re.error):  # the parser is Python's own: without it, no look ahead
        return ""

    def first(items) -> tuple[set[str] | None, bool]:  # (characters or None for any, whether it may match nothing)
        chars: set[str] = set()
        for code, value in items:
            if code is op.LITERAL:
                return chars | {chr(value)}, False
            if code is op.IN:
                for kind, item in value:
                    if kind is op.LITERAL:
                        chars.add(chr(item))
                    elif kind is op.RANGE and item[1] - item[0] <= 64:
                        chars.update(map(chr, range(item[0], item[1] + 1)))
                    else:
                        return None, False
                return chars, False
            branches = ([value[3]] if code is op.SUBPATTERN else value[1] if code is op.BRANCH
                        else [value[2]] if code in (op.MAX_REPEAT, op.MIN_REPEAT) else None)
            if branches is None:
                if code in (op.AT, op.ASSERT, op.ASSERT_NOT):
                    continue  # takes no character
                return None, False
            empty = code in (op.MAX_REPEAT, op.MIN_REPEAT) and value[0] == 0
            for branch in branches:
                found, nothing = first(branch)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or nothing
            if not empty:
                return chars, False
        return chars, True

    chars, empty = first(parsed)
    return "" if chars is None or empty else "".join(sorted(chars))


@lru_cache(maxsize=1)
def _terms() -> dict:
    terms = load_toml("report_terms.toml")
    # One search per kind: a sentence is searched once, not once per pattern.
    terms["_sentence_plan"] = _Patterns(terms["sentences"]["plan"])
    terms["_sentence_problem"] = _Patterns(terms["sentences"]["problem"])
    score = "|".join(map(re.escape, sorted(terms["headings"]["score_words"], key=len, reverse=True)))
    terms["_score"] = re.compile(rf"(?:{score})[:：为]?\s*\d+(?:\.\d+)?\s*分")
    terms["_sentence_other"] = _Patterns(terms["sentences"]["other"])
    return terms


def heading_kind(heading: str, year: int | None = None, worded: bool = True) -> str | None:
    """The kind of text a heading introduces, or None when it does not say (the parent's kind holds). A heading
    that names a year after the report's own (2026年重点工作 in a 2025 report) introduces plans. Without
    worded, only the names of the parts count (存在的问题, 下一步), not a shortcoming said in other words."""
    # A date (桂川发布 2026年1月26日 18:02, a web page's stamp) names a day, not the year whose work is planned.
    if year and any(int(y) > year for y in re.findall(r"(20\d\d)\s*年(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)",
                                                       heading)):
        return PLAN
    terms = _terms()
    words = terms["headings"]
    # An annex, a chronicle or a contents page is named by a title of its own (附件：…, 2025年法治建设大事记, 目录);
    # 目录 inside a heading (重大决策目录化管理) names a list the work produced.
    bare = re.sub(r"^[一二三四五六七八九十]+、|[【】\[\]（）()：:。\s]", "", heading)
    if bare in words["cases"]:  # 典型案例 on a line of its own, under 附件2 or not: the year's cases
        return ACHIEVEMENT
    if any(heading.startswith(word) for word in words[OTHER]) or (
            any(word in heading for word in words["other_within"]) and not re.search("[，,；;]", heading)):
        # …and an annex of them (附件2：典型案例) tells work done too.
        return ACHIEVEMENT if any(word in heading for word in words["cases"]) else OTHER
    # …and so is it with its ordinal (问题一：, 问题2：, a rectification report's problems one by one).
    if bare in words["problem_alone"] or re.sub(r"[一二三四五六七八九十\d]{1,3}$", "", bare) in words["problem_alone"]:
        return PROBLEM
    # A part on how last year's problems were put right (上年度…存在问题的整改情况) tells work done this year; one
    # headed by that word alone (整改情况：, under 问题二：) does so whatever the heading above it.
    if bare in words["remedied"]:
        return ACHIEVEMENT
    if any(word in heading for word in words["remedied"]):
        return None
    for kind in (PROBLEM, PLAN):
        if any(word in heading for word in words[kind]):
            return kind
    # A heading that says it in other words (存在的主要问题) reads as a sentence of shortcomings does.
    if worded and terms["_sentence_problem"].search(heading):
        return PROBLEM
    return None


def sentence_kind(sentence: str, section_kind: str, year: int | None = None) -> str:
    """A future or shortcoming sentence inside an achievement section is plan or problem, and a line of the
    cover letter (现将…报告如下) other: none of them is evidence. Given the report's year, a sentence that opens
    with an earlier one (2024年，全面完成…) tells of that year's work: other too."""
    terms = _terms()
    # The closing formula (特此报告, 以上汇报，不妥之处请批评指正) is no statement of work, wherever it stands.
    if section_kind != OTHER and terms["_sentence_other"].search(sentence):
        return OTHER
    if section_kind not in (ACHIEVEMENT, PROBLEM):
        return section_kind
    if opens_with_year_before(sentence, year):
        return OTHER
    if terms["_sentence_plan"].search(sentence):
        return PLAN
    if section_kind == PROBLEM:
        return PROBLEM
    if terms["_sentence_problem"].search(sentence):
        return PROBLEM
    return ACHIEVEMENT


# A period typed on an English keyboard after Chinese text (完成全年各项执法任务.现将…) ends a sentence too; a
# point between digits (93.6万元) or after a label (1.加强学习) does not. The split falls after the period.
_ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff”’）)%]\.)(?![\dA-Za-z.])")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into verbatim sentences; closing quotes and brackets stay with their sentence."""
    return [part.strip() for s in _SENTENCE.findall(paragraph) for part in _ASCII_STOP.split(s) if part.strip()]


def is_heading_sentence(sentence: str, limit: int = 30) -> bool:
    """A short sentence without figures (深化“放管服”改革。) names a topic; it proves nothing by itself."""
    normal = without_scores(normalize(sentence)).rstrip("。；;：:")
    normal = _ITEM.sub("", normal)
    return len(normal) <= limit and not re.search(r"\d", normal)


_EMPTY_BRACKETS = re.compile(r"[（(][\s，,、；;]*[）)]")


def without_scores(normal: str) -> str:
    """A heading without its self-evaluation scores (满分14分，自评14分), and without the brackets they leave."""
    if "分" not in normal:
        return normal
    return _EMPTY_BRACKETS.sub("", _terms()["_score"].sub("", normal))


def main_title(normals: list[str]) -> int | None:
    """Index of the report's own title: the last title line before the first numbered heading, among those that
    name a kind of document once running text has begun, a table's caption only where no other is left."""
    words = _terms()["titles"]["words"]
    first_heading = next((i for i, p in enumerate(normals) if match_label(p) and not _attachment_item(normals, i)),
                         len(normals))
    # Once running text has begun (a cover letter's, a report's preamble), a title line must name a kind of
    # document (安平县…情况报告 after the letter sending it): one that only says 情况 (年度主要指标完成情况, a heading
    # of a report whose headings are not numbered) heads a part of the body.
    prose = next((i for i, p in enumerate(normals) if _prose(p)), len(normals))
    documents = _terms()["titles"]["documents"]
    candidates = [index for index, paragraph in enumerate(normals[:first_heading])
                  if len(paragraph) <= 60 and not re.search(r"[。；：:]", paragraph) and any(w in paragraph for w in words)
                  and not re.match(r"^\d{1,3}(?![\d年])|^【", paragraph)
                  and (index < prose or any(w in title_text(normals, index) for w in documents))]
    # Lines alike but for what they quote (关于“深化…”的落实情况, one per task of a plan answered point by point)
    # or for the part of the year in brackets at their end (…进展台账（一季度）, one per sheet of a workbook) head the
    # report's sections; they are not its title.
    shapes = Counter(_shape(normals[i]) for i in candidates)
    titles = [i for i in candidates if shapes[_shape(normals[i])] < 2 or _shape(normals[i]) == normals[i]]
    # A table's caption (…完成情况表, …一览表) is the title of a ledger alone; beside a report's own title it is an
    # annex's, even where it comes before the first numbered heading (a report whose parts open with bold sentences).
    own = [i for i in titles if not normals[i].endswith("表")]
    return (own or titles)[-1] if titles else None


_BRACKETED_END = re.compile(r"[（(][^（）()]{1,12}[)）]$")


def _shape(normal: str) -> str:
    """A title line with what it quotes and its closing bracket left empty."""
    return _BRACKETED_END.sub("（）", _QUOTED.sub("“”", normal))


def _attachment_item(normals: list[str], index: int) -> bool:
    """A line of a cover letter's list of attachments (附件：1.2025年法治政府建设大事记 / 2.主要指标完成情况表, the
    first item on the 附件 line or under it): it names a document sent along, and is no heading of the report."""
    at = index
    while at > 0 and _LIST_ITEM.match(normals[at - 1]):
        at -= 1
    return at > 0 and bool(_ATTACHMENTS.match(normals[at - 1]))


_ATTACHMENTS = re.compile(r"^附\s*件\s*[:：]?\s*(?:\d{1,2}\s*[.、．].*)?$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）])")
PROSE_CHARS = 80


def _prose(normal: str) -> bool:
    """A paragraph of running text: long, with a full stop."""
    return len(normal) >= PROSE_CHARS and "。" in normal


def title_text(normals: list[str], index: int) -> str:
    """The title ending at a line, with its first part where a long title wraps onto a second line, and its last
    character where a PDF wraps it onto a line of its own (…情况报 / 告)."""
    ends = tuple(_terms()["titles"]["words"])
    before = normals[index - 1] if index > 0 else ""
    line = normals[index]
    after = normals[index + 1] if index + 1 < len(normals) else ""
    if len(after) <= 2 and not line.endswith(ends) and (line + after).endswith(ends):
        line += after
    if wrapped_title(before, line, lambda text: text.endswith(ends)):
        return before + line
    return line


@dataclass
class _Open:
    style: str
    heading: str
    kind: str


def split_report(document: Document) -> Report:
    """Given a report document, return its passages: one per sentence, with section, location and kind."""
    paragraphs, rows, claims = report_paragraphs(document)
    normals = [normalize(p) for p in paragraphs]
    parts = outline_parts(normals)
    name = document.name
    title_index = main_title(normals)
    title = title_text(normals, title_index) if title_index is not None else re.sub(r"\.[^.]+$", "", document.name)
    year = report_year(title, normals)
    start = 0 if title_index is None else title_index + 1
    passages: list[Passage] = []
    for index in range(start):
        passages.extend(_passages(name, "", index, paragraphs[index], OTHER, heading_first=True))
    stack: list[_Open] = []
    restating = False  # under 【任务】, the plan's own words copied before 【落实情况】
    title_lines = [_is_title_line(n) for n in normals]
    titles = {_squashed(n) for n, titled in zip(normals[start:], title_lines[start:], strict=True) if titled}
    for index in range(start, len(paragraphs)):
        normal = normals[index]
        marker = _RESTATED.match(normal) or _PROGRESS_MARK.match(normal)
        if marker is not None:
            restating = marker.re is _RESTATED
        if restating and index not in rows:
            passages.extend(_passages(name, _path(stack), index, paragraphs[index], OTHER, marker is not None))
            continue
        if index in rows:  # a row of an indicator or progress table: a fact of this year, located by its row
            location, task, kind = rows[index]
            passages.extend(_passages(name, location, index, paragraphs[index], kind, False, task))
            continue
        if _TOC_ENTRY.search(normal) or "".join(normal.split()) == "目录" or _lists_titles(normal, titles):
            # A table of contents stands outside the document's structure: its lines name the headings to come
            # (一、主要成效……3; a bulletin's 【本期导读】…；…；…, each item one of the titles below) and are
            # neither headings nor evidence.
            passages.extend(_passages(name, "", index, paragraphs[index], OTHER, True))
            continue
        labelled = match_label(normal, parts)
        base_kind = stack[-1].kind if stack else ACHIEVEMENT
        if labelled is not None:
            style, label, rest = labelled
            stack = _numbered(stack)
            styles = [o.style for o in stack]
            if style in styles:
                del stack[styles.index(style):]
            parent_kind = stack[-1].kind if stack else ACHIEVEMENT
            first = (split_sentences(rest) or [""])[0]
            titled = is_heading_sentence(first, HEADING_CHARS) or (first == rest and _is_title_line(rest, 60))
            heading = first if titled else rest[:HEADING_CHARS]
            kind = heading_kind(heading, year) or parent_kind
            stack.append(_Open(style, label + heading.rstrip("。；"), kind))
            passages.extend(_passages(name, _path(stack), index, paragraphs[index], kind, titled, year=year))
            continue
        if title_lines[index]:
            # A signature or a date (a cover page's 2026年1月20日) is no heading, whatever year it names.
            signed = _signed(normal)
            kind = None if signed else heading_kind(normal, year)
            if kind in (PROBLEM, PLAN) and normal.endswith(("：", ":")):
                # A label line (存在问题：, 下一步工作：) speaks for what follows it up to the next heading, not for
                # the rest of the report: in a report answered point by point it comes under each task.
                stack = [_Open("label", normal, kind)]
            elif kind is not None:
                stack = [_Open("title", normal, kind)]
            elif not (signed or normal.endswith(("：", ":"))):
                # An unnumbered heading (a Word heading style, a markdown #): it names what follows.
                # A label line (存在问题：) or a sentence standing alone as a line (…评估尚未开展。) spoke only for
                # what came before this heading.
                stack = [o for o in _numbered(stack)
                         if o.style != "label" and not (o.style == "title" and o.heading.endswith("。"))]
                stack.append(_Open("plain", normal.rstrip("。"), stack[-1].kind if stack else ACHIEVEMENT))
            passages.extend(_passages(name, _path(stack), index, paragraphs[index], OTHER, True))
            continue
        passages.extend(_passages(name, _path(stack), index, paragraphs[index], base_kind, False, year=year))
    return Report(path=document.path, title=title, region=region_of(title + "\n" + "\n".join(normals)),
                  year=year, passages=tuple(passages), date=signed_date(normals),
                  claims=tuple(Claim(name, row.location, row.task, row.claim) for row in claims if row.claim))


def _marker(words: str, bracketed_only: str = "") -> re.Pattern:
    """A label that opens a line, in brackets (【落实情况】) or before a colon (落实情况：)."""
    return re.compile(rf"^(?:[【\[](?:{words}{bracketed_only})[】\]]|(?:{words})\s*[：:])")


# A report that answers its plan task by task quotes each task under a label of its own (【任务】…) before saying
# what was done (【落实情况】…): the quoted task is the plan's text, not the report's work.
_RESTATED = _marker("工作任务|重点任务|任务内容|目标任务|任务要求", bracketed_only="|任务")
_PROGRESS_MARK = _marker("落实情况|完成情况|进展情况|推进情况|工作成效|落实成效|工作进展")


_TOC_ENTRY = re.compile(r"(?:[.…·．]{3,}|…{2,})\s*\d{1,3}$")
_YEAR = re.compile(r"^(20\d\d)\s*年?(?:度|数据|完成|实际)?(?:值|情况)?$")


def report_paragraphs(document: Document) -> tuple[list[str], dict[int, tuple[str, str, str]], list[ProgressRow]]:
    """The report's paragraphs, table rows flattened, and for the rows of two kinds of table their location:
    - an indicator table (指标 | 2024年 | 2025年 | 目标值) gives, for each row, its metric with this year's
      figure only (行政复议案件按期办结率96.5%。), so that last year's figure beside it is never taken for this year's;
    - a progress table (序号 | 工作任务 | 完成情况 | 完成进度) gives each row's 完成情况 text, bound to the row's
      task, and its 存在问题 and 下步措施 cells as problems and plans; the unit's claim (已完成) is returned apart
      and never becomes a paragraph.
    Return the paragraphs, {paragraph index: (location, task of a progress row, kind)} and the progress rows."""
    out: list[str] = []
    rows: dict[int, tuple[str, str, str]] = {}
    progress: list[ProgressRow] = []
    for block in document.blocks:
        if not isinstance(block, Table):
            out.append(block)
            continue
        stood = _stood_up(block)
        columns = progress_columns(stood) if stood is not None else None
        if columns is not None:
            block = stood  # a task card: a progress row laid on its side
        else:
            columns = progress_columns(block)
        if columns is not None:
            out.extend(Document(document.path, document.format, (Table(block.rows[:columns.header]),)).paragraphs())
            for row in progress_rows(block, columns):
                progress.append(row)
                for text, kind in ((row.progress, ACHIEVEMENT), (row.problem, PROBLEM), (row.plan, PLAN)):
                    if text:
                        rows[len(out)] = (row.location, row.task, kind)
                        out.append(text)
            continue
        columns = indicator_columns(block)
        if columns is None and _fields(block):
            out.extend(block.lines())
            continue
        if columns is None and (kinds := _kind_rows(block)):
            out.extend(kinds)
            continue
        if columns is None and (labelled := _labelled_rows(block)):
            out.extend(labelled)
            continue
        if columns is None and (counted := _statistics_rows(block)):
            out.extend(counted)
            continue
        if columns is None:
            out.extend(Document(document.path, document.format, (block,)).paragraphs())
            continue
        name, column, first = columns
        unit, note = _header_column(block, first, _UNIT_HEADERS), _header_column(block, first, _NOTE_HEADERS)
        for number, row in enumerate(block.rows[first:], start=first + 1):
            metric, value = row_value(row, name), row_value(row, column)
            if metric and value and heading_kind(metric) in (PROBLEM, PLAN):
                # The table's closing rows (存在问题 | …; 2026年工作打算 | …): a heading and the text under it.
                out.extend((metric, value))
                continue
            if metric and value and re.search(r"\d", value) and not _nothing_done(metric, value):
                rows[len(out)] = (f"表格第{number}行", "", ACHIEVEMENT)
                out.append(indicator_sentence(metric, value, row_value(row, unit), row_value(row, note)))
    return out, rows, progress


FIELD_CHARS = 16  # a form's field name (存在的问题和不足, 2026年工作打算), not a sentence
FIELD_TEXT_CHARS = 60  # the text a field or heading holds: paragraphs, not a name or a figure


def _fields(table: Table) -> bool:
    """A table of two columns, field names or the report's own headings on the left and the text under each on
    the right: a report typed into a form (报送单位 | …; 重点任务落实情况 | …; 存在的问题 | …) or laid out in two
    columns (一、主要工作 | …). Its cells are read as headings and paragraphs, so that a field or heading names the
    kind of the text beside it."""
    rows = table.distinct_rows()
    if not rows or any(len(row) > 2 for row in rows):
        return False
    pairs = [row for row in rows if len(row) == 2]
    labels = all(len(left) <= FIELD_CHARS and not re.search("[。；;]", left) or match_label(normalize(left))
                 for left, _ in pairs)
    return labels and len(pairs) >= 2 and max(len(text) for _, text in pairs) >= FIELD_TEXT_CHARS


def _stood_up(table: Table) -> Table | None:
    """A table of short fields and their texts, a field a row (任务名称 | … / 落实情况 | … / 佐证材料 | …), stood up: its
    fields the header and its texts the one row, or None for another table. A task card stood up is one row of a
    progress table: its task names the text of what was done, and its list of papers is no evidence. (A plan's
    task cards are stood up likewise, with the plan's fields: plan_table._card_as_row.)"""
    rows = table.distinct_rows()
    pairs = [row for row in rows if len(row) == 2]
    if len(pairs) < 2 or len(pairs) < len(rows) - 1 or any(len(label) > FIELD_CHARS for label, _ in pairs):
        return None  # (a caption row over the fields, 任务卡片1, may stand apart)
    return Table(rows=(tuple(label for label, _ in pairs), tuple(text for _, text in pairs)))


def _kind_rows(table: Table) -> list[str]:
    """A table whose rows each open with the kind of their text (类别 | 序号 | 内容: 存在问题 | 1 | …; 2026年工作计划
    | 1 | …) read as a heading of that kind, once, and the text of each row under it. Empty for another table."""
    rows = table.distinct_rows()
    kinds = [len(row) >= 2 and len(row[0]) <= FIELD_CHARS and heading_kind(row[0]) in (PROBLEM, PLAN) for row in rows]
    if sum(kinds) < max(1, len(rows) - 1):  # every row but a header row
        return []
    out: list[str] = []
    label = ""
    for row, labelled in zip(rows, kinds, strict=True):
        if not labelled:
            out.append("　".join(row))
            continue
        if row[0] != label:
            label = row[0]
            out.append(label)
        out.append("　".join(cell for cell in row[1:] if not re.fullmatch(r"[\d.、]+", cell)))
    return out


ROW_LABEL_CHARS = 30  # a row's label (考核内容: 严格落实重大行政决策程序), not a sentence


def _labelled_rows(table: Table) -> list[str]:
    """A table whose rows each end in text and open with short labels, scores or numbers (考核项目 | 考核内容 |
    分值 | 自评分 | 自评依据: 制度建设 | 严格落实重大行政决策程序 | 8 | 6 | 全年办理…): each row read as its last label,
    a heading that names the row's topic and proves nothing, and the text under it. Empty for another table."""
    rows = table.distinct_rows()
    if len(rows) < 3:
        return []
    out: list[str] = []
    fitting = 0
    for cells in rows:
        *labels, text = cells
        words = [cell for cell in labels if not re.fullmatch(r"[\d.、，,%％分\s]+", cell)]
        fits = (len(text) >= FIELD_TEXT_CHARS // 2 and re.search("[。；;，,]", text) is not None and bool(words)
                and all(len(cell) <= ROW_LABEL_CHARS and not re.search("[。；;]", cell) for cell in words))
        fitting += fits
        out.extend((words[-1], text) if fits else ("　".join(cells),))
    return out if fitting >= len(rows) - 1 else []


_FIGURE_CELL = re.compile(r"[\d.,，%％]+\s*[\u4e00-\u9fff]{0,3}")


def _statistics_rows(table: Table) -> list[str]:
    """A table of figures under a header of what each column counts (类别 | 办件量（件） | 即办件（件） | 占比: 合计 |
    72648 | 37975 | 52.3%): each row read with its header, as a sentence says it (合计，办件量（件）72648，即办件（件）
    37975，占比52.3%。), the figures bound to what they count. Empty for another table."""
    rows = [tuple(re.sub(r"\s+", "", normalize(cell)) for cell in row) for row in table.rows]
    if len(rows) < 2 or len({len(row) for row in rows}) != 1 or len(rows[0]) < 3:
        return []
    header = rows[0]
    if any(re.search(r"\d", cell) for cell in header) or not all(header[1:]):
        return []
    data = [row for row in rows[1:] if any(row)]
    if not data or not all(row[0] and not _FIGURE_CELL.fullmatch(row[0])
                           and all(_FIGURE_CELL.fullmatch(cell) for cell in row[1:] if cell) for row in data):
        return []
    return ["，".join([row[0], *(f"{name}{cell}" for name, cell in zip(header[1:], row[1:], strict=True) if cell)])
            + "。" for row in data]


def _nothing_done(metric: str, value: str) -> bool:
    """A figure of 0 this year for work (培训 | 0 人次); not for something bad (行政诉讼败诉 | 0, 纠错率 | 0)."""
    return bool(re.fullmatch(r"0+(?:\.0+)?", value)) and not any(word in metric for word in adverse())


# An indicator table's column of units (单位 | 计量单位: 次, 人次) and of remarks (备注 | 说明).
_UNIT_HEADERS = ("单位", "计量单位")
_NOTE_HEADERS = ("备注", "说明")


def _header_column(table: Table, first: int, names: tuple[str, ...]) -> int | None:
    header = [re.sub(r"\s+", "", cell) for cell in table.rows[first - 1]]
    return next((i for i, cell in enumerate(header) if cell in names), None)


_UNIT_IN_NAME = re.compile(r"^(?P<name>.+?)\s*[（(](?P<unit>[^（）()]{1,6})[）)]$")


def indicator_sentence(metric: str, value: str, unit: str = "", note: str = "") -> str:
    """A row of an indicator table as the sentence a report would write: 立案查处案件（件） | 1,372 →
    立案查处案件1372件。; 执法人员人均培训学时 | 32 → 执法人员人均培训学时32学时。 (the unit the name ends with);
    草原执法巡查 | 次 | 126 (a column of units) → 草原执法巡查126次。; a remark follows in brackets."""
    value = re.sub(r"(?<=\d),(?=\d{3})", "", value)
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        bracketed = _UNIT_IN_NAME.match(metric)
        if bracketed:
            metric, value = bracketed.group("name"), value + bracketed.group("unit")
        elif unit and not re.search(r"\d", unit):
            value += unit
        else:
            value += next((unit for unit in count_units() if metric.endswith(unit)), "")
    return f"{metric}{value}（{note}）。" if note else f"{metric}{value}。"


def indicator_columns(table: Table) -> tuple[int, int, int] | None:
    """The metric column, this year's figure column and the first data row of an indicator table, or None: the
    latest year of a header row naming two years (指标 | 2024年 | 2025年, perhaps under a row 指标 | 完成情况), or
    the result beside a target (指标 | 目标值 | 完成值 | 备注: 完成 holds the figures, 目标 what was asked)."""
    headers = [[re.sub(r"\s+", "", normalize(cell)) for cell in row] for row in table.rows[:2]]
    for start, header in enumerate(headers, start=1):
        years = {i: int(m.group(1)) for i, cell in enumerate(header) if (m := _YEAR.match(cell))}
        if len(years) >= 2 and start < len(table.rows):
            return _metric_column(table, header, start), max(years, key=years.__getitem__), start
    header = headers[0]
    if len(table.rows) < 2 or not any(word in cell for cell in header for word in ("目标", "计划")):
        return None
    results = [i for i, cell in enumerate(header) if ("完成" in cell or "实际" in cell) and "目标" not in cell]
    figures = {i: sum(1 for row in table.rows[1:] if i < len(row) and re.search(r"\d", row[i])) for i in results}
    if not figures or max(figures.values()) < (len(table.rows) - 1) / 2:
        return None
    # 完成 or 完成值 rather than 完成率 (the share of the target reached) or 完成情况 (已完成).
    column = max(figures, key=lambda i: (figures[i], not header[i].endswith(("率", "情况")), -i))
    return _metric_column(table, header, 1), column, 1


_METRIC_HEADERS = ("指标", "项目", "名称", "内容", "事项")


def _metric_column(table: Table, header: list[str], first: int) -> int:
    """The column naming each row's metric: the one headed 指标, 项目, 工作事项 …, else the first whose cells are
    words rather than numbers (not a 序号 column)."""
    named = [i for i, cell in enumerate(header) if any(word in cell for word in _METRIC_HEADERS)]
    if named:
        return named[0]
    rows = table.rows[first:]
    worded = [i for i in range(len(header))
              if sum(1 for row in rows if i < len(row) and re.search(r"[\u4e00-\u9fff]{2}", row[i])) > len(rows) / 2]
    return worded[0] if worded else 0


def _is_title_line(normal: str, limit: int = 30) -> bool:
    """A short line without inner punctuation: a heading, a signature or a date. A line that ends like a
    sentence and gives a figure (发出复议意见书5份。) is content, not one; without a figure
    (加强和规范行政应诉工作。) it only names a topic. A line that counts something (参与重大事项研究 5 次、信访
    疑难件研判 11 次, a talking point's fragment) is content with or without its full stop."""
    normal = without_scores(normal)
    if normal[:1] in BULLETS:
        return False  # an item of a list (● 执法记录仪配备320台 音像记录全覆盖), however short
    if (normal.endswith(("。", "！", "？", "；")) and re.search(r"\d", normal)) or counted().search(normal):
        return _signed(normal)
    if len(normal) > limit:
        return _signed(normal)
    # Two phrases of a few words each, with no full stop, figure, label or document name (坚持高位推动，法治建设根基
    # 不断夯实), are a heading too; a line a PDF cut (…《行政复议法》，统一) is not.
    halves = normal.split("，")
    paired = (len(halves) == 2 and min(map(len, halves)) >= 4 and not re.search(r"[\d。；;,：:《、]", normal))
    return paired or not re.search(r"[。；，,]", normal.rstrip("。")) or _signed(normal)


def _squashed(normal: str) -> str:
    return re.sub(r"\s+", "", normal).strip("。；;，,")


def _lists_titles(normal: str, titles: set[str]) -> bool:
    """Whether a paragraph is two or more sentences each of which is a title line of the report."""
    body = _LEAD_IN.sub("", normal) if normal[:1] == "【" or "：" in normal[:12] else normal
    first = _SENTENCE.match(body)
    if first is None or _squashed(first.group(0)) not in titles:  # most paragraphs: one look at the first sentence
        return False
    entries = [_squashed(s) for s in split_sentences(body)]
    return len(entries) >= 2 and all(entry in titles for entry in entries)


def _signed(normal: str) -> bool:
    """A signature, a date or a span of dates on a line of its own."""
    return bool(SIGNATURE.match(normal) or _DATE_ONLY.match(normal))


def _numbered(stack: list[_Open]) -> list[_Open]:
    """The open headings without the unnumbered one: a new heading of either kind closes it."""
    return [o for o in stack if o.style != "plain"]


def _path(stack: list[_Open]) -> str:
    return " › ".join(o.heading for o in stack if o.style != "title")


# A bold lead-in 【…】 or 关于“…”： (a task's title quoted as the paragraph's heading), or a short phrase and a colon
# opening the paragraph (强化领导：…, 下步打算：…, 2026年打算：…). An item's number may stand before a 【…】 lead-in
# (❶【压实责任链条】…, 1.【…】…).
_LEAD_IN = re.compile(r"^\s*(?:(?:[①-⑳❶-❿➀-➓⓫-⓾]|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*(?=【))?"
                      r"(【[^】]{2,40}】|关于[^：:。，,；;]{2,40}[：:]|(?:20\d\d年)?[\u4e00-\u9fff]{2,8}[：:])\s*(?=\S)")


_TURN = re.compile(r"(?<=[，,；;])(?=(?:但是?|然而|不过|只是)[^。]{2,})")


def _turned(sentence: str) -> list[str]:
    """A sentence that reports work done and then, after 但, what is still undone (已完成…轮训，但网格调解员队伍
    尚未配齐) as its two clauses: the first is evidence, the second a shortfall."""
    if not _terms()["_sentence_problem"].search(sentence):
        return [sentence]  # nothing undone in it (most sentences: one search instead of two readings)
    parts = _TURN.split(sentence, maxsplit=1)
    if len(parts) == 2 and sentence_kind(normalize(parts[0]), ACHIEVEMENT) == ACHIEVEMENT \
            and sentence_kind(normalize(parts[1]), ACHIEVEMENT) == PROBLEM:
        return parts
    # A shortfall told only in the last clause, after work with figures (…92家按时公开，公开率为96.8%，另有3家因机构
    # 调整未能按期公开。): the work is evidence, the last clause a shortfall.
    cut = max(sentence.rfind(mark) for mark in "，,；;")
    if cut > 0 and sentence_kind(normalize(sentence[cut + 1:]), ACHIEVEMENT) == PROBLEM \
            and re.search(r"\d", sentence[:cut]) \
            and sentence_kind(normalize(sentence[:cut + 1]), ACHIEVEMENT) == ACHIEVEMENT:
        return [sentence[:cut + 1], sentence[cut + 1:]]
    return [sentence]


def _announces(sentence: str, own: str, kind: str, year: int | None) -> bool:
    """Whether a sentence of plans or problems announces them before a colon (…还存在一定差距：…)."""
    colon = _COLON.search(sentence)
    return colon is not None and sentence_kind(normalize(sentence[:colon.start()]), kind, year) == own


_COLON = re.compile(r"[：:]")
_QUOTED_ONLY = re.compile(r"[「“『][^」”』]{2,60}[」”』][。；;]?")


def _passages(report: str, section: str, index: int, paragraph: str, kind: str, heading_first: bool,
              row_task: str = "", year: int | None = None) -> list[Passage]:
    """The sentences of a paragraph as passages. A heading names a topic and proves nothing by itself: the
    paragraph's own heading line, a 一是 item's short opener, a bold lead-in 【…】, or a short first sentence
    without figures that the rest of the paragraph develops (坚持依法科学民主决策。制定…)."""
    out = []
    pieces = split_sentences(paragraph)
    lead_in = _LEAD_IN.match(pieces[0]) if pieces else None
    if lead_in:
        pieces[:1] = [lead_in.group(1), pieces[0][lead_in.end():]]
    if kind == ACHIEVEMENT:
        pieces = [part for piece in pieces for part in _turned(piece)]
    carried = ""
    # A lead-in (存在问题：…, 下步打算：…) speaks for its whole paragraph when it names problems or plans; so does a
    # short first sentence that names the part (存在的困难和问题。…, 下一步工作安排。…), but not one that tells of
    # a shortcoming the paragraph goes on to overcome (年初…任务分解工作有所滞后。4月，印发…).
    opener = lead_in.group(1) if lead_in else pieces[0] if len(pieces) > 1 and is_heading_sentence(
        pieces[0], TOPIC_CHARS) else ""
    if opener and kind == ACHIEVEMENT:
        named = heading_kind(opener.strip("【】：:。；; "), year, worded=lead_in is not None)
        carried = {PLAN: PLAN, PROBLEM: PROBLEM}.get(named, "")
    # A label and its colon (法律顾问：覆盖9个社区，审核合同17份) name the subject of the paragraph's sentences, which
    # do not repeat it; a bold 【…】 lead-in is a heading, which may echo a task over other work.
    topic = (lead_in.group(1).rstrip("：:") if lead_in and not carried and lead_in.group(1)[-1] in "：:"
             and not lead_in.group(1).startswith("关于") else "")
    for number, sentence in enumerate(pieces, start=1):
        heading = ((number == 1 and (heading_first or lead_in is not None))
                   or _QUOTED_ONLY.fullmatch(sentence.strip()) is not None  # 任务五：「开展…评查」, a title quoted
                   or (_ITEM.match(sentence) is not None and is_heading_sentence(sentence)
                       and not re.search(r"[，,]", sentence))  # 一是…，… tells the work, it does not name it
                   or (number == 1 and len(pieces) > 1 and is_heading_sentence(sentence, TOPIC_CHARS)
                       and not sentence.rstrip().endswith(("；", ";"))))  # the first of a run of clauses
        normal = normalize(sentence)
        own = sentence_kind(normal, kind, year)
        # A paragraph that opens with next year (2026年，我镇将…) is that year's plan throughout.
        if number == 1 and own == PLAN and year and (opening_year(normal) or 0) > year:
            carried = PLAN
        # A sentence that announces plans or problems (下一步，重点做好以下工作：一是…; …还有不小差距。一是…;
        # 同时也要看到，…还存在一定差距：基层…) speaks for the items that follow it in its paragraph (二是…；三是…).
        if own in (PLAN, PROBLEM) and (_announces(sentence, own, kind, year) or (
                number < len(pieces) and _ITEM.match(pieces[number])
                and not any(_ITEM.match(piece) for piece in pieces[:number]))):
            carried = own
        out.append(Passage(report=report, section=section, paragraph=index + 1, sentence=number,
                           kind=carried if carried and own == ACHIEVEMENT else own, text=sentence,
                           heading=heading, row_task=row_task, topic="" if heading else topic))
    return out
