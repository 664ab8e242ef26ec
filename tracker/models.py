"""Plain data passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .status import Status


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; merged cells repeat their text in every cell they cover."""

    rows: tuple[tuple[str, ...], ...]

    def distinct_rows(self) -> list[list[str]]:
        """Each row's distinct cells (a merged cell repeats), stripped, without empty cells; empty rows left out."""
        return [cells for row in self.rows if (cells := list(dict.fromkeys(c.strip() for c in row if c.strip())))]

    def lines(self) -> list[str]:
        """The table read as text: row by row, each distinct cell once (a merged cell repeats), line by line."""
        return [line for row in self.rows for cell in dict.fromkeys(c for c in row if c.strip())
                for line in cell.splitlines() if line.strip()]


Block = str | Table


def row_value(row: tuple[str, ...] | list[str], columns: int | list[int] | None, joiner: str = "、") -> str:
    """The text of one or more columns of a table row (distinct values joined), empty where the row is short."""
    indices = [columns] if isinstance(columns, int) else columns or []
    return joiner.join(dict.fromkeys(row[i].strip() for i in indices if i < len(row) and row[i].strip()))


@dataclass(frozen=True)
class Document:
    """A file read into paragraphs and tables, in document order."""

    path: str
    format: str
    blocks: tuple[Block, ...]

    @property
    def name(self) -> str:
        return Path(self.path).name

    def paragraphs(self) -> list[str]:
        """Return the text paragraphs, each table row flattened into one paragraph."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    cells = _distinct(cell for cell in row if cell.strip())
                    if cells:
                        out.append("　".join(cells))
            else:
                out.append(block)
        return out


def _distinct(cells) -> list[str]:
    seen: list[str] = []
    for cell in cells:
        if not seen or seen[-1] != cell:
            seen.append(cell)
    return seen


@dataclass(frozen=True)
class Target:
    """A quantitative target of a task, such as 出庭应诉率达到98% or 不少于60学时."""

    text: str
    metric: str
    op: str  # ">=", "<=" or "="
    value: float | None  # None for qualitative targets such as 全覆盖
    unit: str  # "%", "学时", "项", ..., or "全覆盖"

    def to_dict(self) -> dict:
        return {"text": self.text, "metric": self.metric, "op": self.op, "value": self.value, "unit": self.unit}


@dataclass(frozen=True)
class Task:
    """One task of the plan, with the units it is assigned to."""

    seq: int
    no: str
    section: str
    title: str
    text: str
    lead_units: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    deadline: str = ""
    targets: tuple[Target, ...] = ()

    @property
    def reference(self) -> str:
        """How a notice names the task: 任务（一）, 任务（5）, 任务（1.2）; a label's own brackets are kept, once."""
        return f"任务{self.no}" if self.no.startswith("（") else f"任务（{self.no}）"

    @property
    def fingerprint(self) -> str:
        """A short digest of the task's wording: a review given to other wording needs another look."""
        import hashlib

        return hashlib.sha1(f"{self.title}\n{self.text}".encode()).hexdigest()[:12]

    def to_dict(self) -> dict:
        return {
            "seq": self.seq,
            "no": self.no,
            "section": self.section,
            "title": self.title,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "units": list(self.units),
            "deadline": self.deadline,
            "targets": [t.to_dict() for t in self.targets],
        }


@dataclass(frozen=True)
class Unit:
    """A unit named in the plan: its canonical name, the spellings seen, and whether it is a group."""

    name: str
    group: bool = False
    variants: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"name": self.name, "group": self.group, "variants": list(self.variants)}


@dataclass(frozen=True)
class Plan:
    """A parsed plan: where it came from and its tasks."""

    source: str
    format: str
    title: str
    region: str
    year: int | None
    sections: tuple[str, ...]
    tasks: tuple[Task, ...]
    units: tuple[Unit, ...] = field(default=())

    @property
    def name(self) -> str:
        return Path(self.source).name

    def group_names(self) -> set[str]:
        return {u.name for u in self.units if u.group}

    def to_dict(self) -> dict:
        return {
            "plan": {
                "title": self.title,
                "source": self.name,
                "format": self.format,
                "region": self.region,
                "year": self.year,
                "sections": list(self.sections),
                "task_count": len(self.tasks),
                "units": [u.to_dict() for u in self.units],
            },
            "tasks": [t.to_dict() for t in self.tasks],
        }


ACHIEVEMENT, PROBLEM, PLAN, OTHER = "achievement", "problem", "plan", "other"


@dataclass(frozen=True)
class Passage:
    """One sentence of a report, verbatim, with where it stands and what kind of text it is."""

    report: str
    section: str
    paragraph: int
    sentence: int
    kind: str
    text: str
    heading: bool = False
    row_task: str = ""  # a row of a progress table: the task it reports on, and it alone
    topic: str = ""  # the label its paragraph opens with (法律顾问：覆盖9个社区…): what the sentence is about

    @property
    def location(self) -> str:
        if self.row_task:
            return f"{self.section}第{self.sentence}句"
        where = f"全文第{self.paragraph}段第{self.sentence}句"  # counted from the top of the file, not the section
        return f"{self.section}，{where}" if self.section else where


@dataclass(frozen=True)
class Report:
    """A report split into passages, with its title, place and year."""

    path: str
    title: str
    region: str
    year: int | None
    passages: tuple[Passage, ...]
    claims: tuple[Claim, ...] = ()
    date: str = ""  # the date it was signed (ISO), from a date line such as 2025年1月10日

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class Claim:
    """A unit's own word on a task in a progress table (已完成, 推进中): shown, never taken as evidence."""

    report: str
    location: str
    task: str
    text: str


DONE, PARTIAL, MISSING, NOT_SUBMITTED = Status.DONE, Status.PARTIAL, Status.MISSING, Status.NOT_SUBMITTED
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote from a report that supports a task."""

    report: str
    location: str
    text: str
    score: float
    secondary: bool = False  # from the government's report, not the unit's own (tracker audit --government)

    def to_dict(self) -> dict:
        out = {"report": self.report, "location": self.location, "text": self.text, "score": round(self.score, 3)}
        return out | {"secondary": True} if self.secondary else out


@dataclass(frozen=True)
class MeasureResult:
    """How one measure of a task fared: concrete, general, only in problem/plan sections, or none."""

    text: str
    found: str  # "concrete" | "general" | "elsewhere" | "none"
    quote: str = ""
    core: bool = False  # the task's heading sentence
    kind: str = ""  # the kind of the quoted sentence: achievement, or problem / plan for "elsewhere"

    def to_dict(self) -> dict:
        return {"text": self.text, "found": self.found in ("concrete", "general"), "evidence": self.found,
                "quote": self.quote, "core": self.core}


@dataclass(frozen=True)
class TargetResult:
    """A quantitative target checked against the figures of the reports."""

    target: Target
    status: str  # met | not_met | unknown
    figure: str = ""

    def to_dict(self) -> dict:
        return {**self.target.to_dict(), "status": self.status, "figure": self.figure}

    def describe(self) -> str:
        """In Chinese: 已达到（报告：…）, 未达到（报告：…） or 报告未见数据."""
        if self.status == MET:
            return f"已达到（报告：{self.figure}）"
        if self.status == NOT_MET:
            return f"未达到（报告：{self.figure}）"
        return "报告未见数据"


@dataclass(frozen=True)
class Review:
    """A reviewer's correction of a task's status, carried from one run's workbook into the next."""

    seq: int
    no: str
    fingerprint: str  # of the task's text when the review was given
    status: str | None  # done / partial / missing / not_submitted, or None for a note alone
    note: str = ""
    stale: bool = False  # the task's text changed since: the review needs another look (需重新复核)
    title: str = ""

    def to_dict(self) -> dict:
        return {"status": self.status, "note": self.note, "stale": self.stale}


@dataclass(frozen=True)
class TaskResult:
    """The assessment of one task: the system's status, score in [0, 1], quotes, measures, targets and why,
    and a reviewer's correction if there is one."""

    task: Task
    status: str
    score: float
    evidence: tuple[Evidence, ...]
    measures: tuple[MeasureResult, ...]
    targets: tuple[TargetResult, ...]
    explanation: str
    review: Review | None = None
    claim: str = ""  # the unit's own word in a progress table (已完成 / 推进中), never evidence
    confidence: str = ""  # high | medium | low: how sure the system's status is
    confidence_reason: str = ""
    due: str = ""  # overdue | soon | later, on the date the results are for; "" without a dated deadline
    due_date: str = ""  # the last day the deadline allows, ISO
    previous_status: str = ""  # last year's final status of the task that matches this one best (--previous)
    previous_title: str = ""
    trend: str = ""  # worse | missing_twice | better | ""


    @property
    def final_status(self) -> str:
        """The reviewer's conclusion where there is one, else the system's status."""
        return self.review.status if self.review and self.review.status else self.status

    def to_dict(self) -> dict:
        task = self.task
        return {
            "seq": task.seq,
            "no": task.no,
            "title": task.title,
            "lead_units": list(task.lead_units),
            "units": list(task.units),
            "status": self.final_status,
            "auto_status": self.status,
            "review": self.review.to_dict() if self.review else None,
            "score": round(self.score, 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "measures": [m.to_dict() for m in self.measures],
            "targets": [t.to_dict() for t in self.targets],
            "explanation": self.explanation,
            "confidence": self.confidence,
            "confidence_reason": self.confidence_reason,
            "due": self.due,
            "due_date": self.due_date,
        } | ({"previous": {"title": self.previous_title, "status": self.previous_status}, "trend": self.trend}
             if self.previous_status else {}) | ({"claim": self.claim} if self.claim else {})


@dataclass(frozen=True)
class Results:
    """A plan assessed against its reports."""

    plan: Plan
    reports: tuple[Report, ...]
    tasks: tuple[TaskResult, ...]

    def counts(self) -> dict[str, int]:
        """Tasks per final status."""
        out = {DONE: 0, PARTIAL: 0, MISSING: 0}
        for result in self.tasks:
            out[result.final_status] = out.get(result.final_status, 0) + 1
        return out

    def to_dict(self) -> dict:
        plan = self.plan.to_dict()["plan"]
        return {
            "plan": plan,
            "reports": [{"source": r.name, "title": r.title, "region": r.region, "year": r.year,
                         "passages": len(r.passages)} for r in self.reports],
            "summary": self.counts(),
            "tasks": [t.to_dict() for t in self.tasks],
        }


LEAD, RESPONSIBLE = "lead", "responsible"


@dataclass(frozen=True)
class UnitTask:
    """A task as one unit owes it: its role, the status of its part, and what is still missing."""

    seq: int
    role: str  # lead | responsible
    status: str  # done | partial | missing | not_submitted
    missing: str = ""
    score: float = 0.0
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict:
        return {"seq": self.seq, "role": self.role, "status": self.status, "score": round(self.score, 3),
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class UnitResult:
    """One unit of the plan: its reports and the tasks it leads or shares."""

    unit: str
    group: bool
    tasks: tuple[UnitTask, ...]
    reports: tuple[str, ...] = ()  # the unit's own reports
    basis: tuple[str, ...] = ()  # reports of others its statuses rest on, when it sent none (tracker match)

    @property
    def rate(self) -> float:
        """Completion rate: done counts 1, partial 1/2, over the tasks assigned."""
        if not self.tasks:
            return 0.0
        return sum(1.0 if t.status == DONE else 0.5 if t.status == PARTIAL else 0.0 for t in self.tasks) / len(self.tasks)

    def count(self, status: str) -> int:
        return sum(1 for t in self.tasks if t.status == status)

    def to_dict(self) -> dict:
        return {"unit": self.unit, "group": self.group, "reports": list(self.reports),
                "tasks": [t.to_dict() for t in self.tasks], "rate": round(self.rate, 4)} | (
                    {"basis": list(self.basis)} if self.basis else {})
