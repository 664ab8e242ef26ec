"""The entry points the command line calls: each reads inputs, runs the stages and writes results."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .excel import write_task_table
from .ingest import READERS, read_document
from .models import Document, Plan, Table
from .output import Written, write_json, write_safely
from .plan import parse_plan
from .resources import seeds_dir
from .text import normalize


def load_plan(path: str | Path) -> Plan:
    """Read and parse a plan file (.docx, .pdf, .txt/.md or an Excel task table)."""
    return parse_plan(read_document(path))


@dataclass
class ParseResult:
    plan: Plan
    written: list[Written]


def parse(plan_path: str | Path, xlsx: str | Path | None = None, json_path: str | Path | None = None) -> ParseResult:
    """Parse a plan and write its task table and JSON where asked."""
    plan = load_plan(plan_path)
    written = []
    if xlsx:
        written.append(write_safely(xlsx, lambda tmp: write_task_table(plan, tmp), inputs=(plan_path,)))
    if json_path:
        written.append(write_json(json_path, plan.to_dict(), inputs=(plan_path,)))
    return ParseResult(plan, written)


_PLAN_WORDS = re.compile(r"(?:工作计划|工作要点|实施方案|任务分解|本计划|本要点|本方案)")
_REPORT_WORDS = re.compile(r"(?:报告|总结|汇报|情况|公报)")


def is_plan(document: Document) -> bool:
    """A plan names itself so near the top (工作计划, 工作要点, 本计划); a report calls itself 报告 or 总结."""
    head = [normalize(p) for p in document.paragraphs()[:15]]
    for paragraph in head:
        if len(paragraph) <= 60 and _REPORT_WORDS.search(paragraph) and not _PLAN_WORDS.search(paragraph):
            return False
    return any(_PLAN_WORDS.search(p) for p in head) or any(isinstance(b, Table) for b in document.blocks)


def seed_documents(folder: Path) -> tuple[list[Path], list[Path]]:
    """Split a folder of documents into plans and reports by what they say about themselves."""
    plans, reports = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in READERS or path.name.lower().startswith("readme"):
            continue
        (plans if is_plan(read_document(path)) else reports).append(path)
    return plans, reports


def run(out_dir: str | Path) -> list[Written]:
    """The main job on the sample documents: one workbook per plan in out_dir."""
    plans, _ = seed_documents(seeds_dir())
    written = []
    for path in plans:
        plan = load_plan(path)
        target = Path(out_dir) / f"{plan.title}-任务分解表.xlsx"
        written.append(write_safely(target, lambda tmp, plan=plan: write_task_table(plan, tmp)))
    return written
