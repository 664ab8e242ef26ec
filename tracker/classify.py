"""What a file is: a plan or a report, by what it says about itself; and reading each as such, with the
warnings worth a line (a "plan" that reads like a report, a report that reads like a plan)."""

from __future__ import annotations

import re
from pathlib import Path

from .checks import NOT_A_REPORT, plan_warnings
from .ingest import READERS, read_document
from .models import Document, Plan, Report, Table
from .plan import parse_plan
from .progress import progress_columns
from .segment import split_report
from .text import normalize, shown
from .vocabulary import document_words


def load_plan(path: str | Path, converted: Path | None = None) -> Plan:
    """Read and parse a plan file (.docx, .pdf, .txt/.md or an Excel task table); converted as read_document's."""
    return parse_plan(read_document(path, converted))


def read_plan(path: str | Path, converted: Path | None = None) -> tuple[Plan, list[str]]:
    """Read and parse a plan, with the warnings worth a line before its tasks are trusted."""
    document = read_document(path, converted)
    plan = parse_plan(document)
    return plan, plan_warnings(plan, is_plan(document))


def is_plan(document: Document) -> bool:
    """A plan names itself so near the top (工作计划, 工作要点, 本计划); a report calls itself 报告 or 总结, or is
    a filled progress table (完成情况 for each task)."""
    tables = [b for b in document.blocks if isinstance(b, Table)]
    if any(progress_columns(table) for table in tables):
        return False
    plan_words, report_words = document_words()
    ends_as_report = re.compile(rf"(?:{report_words.pattern})[）)]?$")
    head = [normalize(p) for p in document.paragraphs()[:15]]
    # A title a PDF wrapped (…推进法治政府建设工作总 / 结) is read joined as well.
    for paragraph in head + [a + b for a, b in zip(head, head[1:], strict=False)]:
        # A title line, not a sentence that mentions a report; one that ends as a report (…工作要点落实情况的报告)
        # is one, whatever plan it names.
        if (len(paragraph) <= 60 and not re.search(r"[，。；：]", paragraph) and report_words.search(paragraph)
                and (not plan_words.search(paragraph) or ends_as_report.search(paragraph))):
            return False
    return any(plan_words.search(p) for p in head) or bool(tables)


def seed_documents(folder: Path) -> tuple[list[Path], list[Path]]:
    """Split a folder of documents into plans and reports by what they say about themselves."""
    plans, reports = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in READERS or path.name.lower().startswith("readme"):
            continue
        (plans if is_plan(read_document(path)) else reports).append(path)
    return plans, reports


def load_report(path: str | Path, converted: Path | None = None) -> Report:
    """Read a report and split it into passages; converted as read_document's."""
    return read_report(path, converted)[0]


def read_report(path: str | Path, converted: Path | None = None) -> tuple[Report, list[str]]:
    """Read a report, with a warning when it reads like a plan (the files given in the wrong order)."""
    document = read_document(path, converted)
    warnings = []
    if is_plan(document):
        warnings.append(f"注意：“{shown(document.name)}”{NOT_A_REPORT}，其中的任务表述会被当作落实情况，"
                        f"请检查文件顺序：先写计划，再写报告。")
    return split_report(document), warnings
