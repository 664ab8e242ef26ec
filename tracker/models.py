"""Plain data passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; merged cells repeat their text in every cell they cover."""

    rows: tuple[tuple[str, ...], ...]


Block = str | Table


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
