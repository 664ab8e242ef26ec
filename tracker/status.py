"""The status vocabulary: the four statuses, their Chinese labels, their signs for grey print and their
colours (templates/workbook.toml), and reading a status back from a label as a reviewer types it."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from .resources import load_toml


class Status(StrEnum):
    """A task's or a unit's status. Members are strings ("done"), so JSON and comparisons stay plain."""

    DONE = "done"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_SUBMITTED = "not_submitted"


STATUSES = tuple(Status)


@lru_cache(maxsize=1)
def _spec() -> dict:
    return load_toml("workbook.toml")["status"]


def status_label(status: str, sign: bool = True) -> str:
    """Chinese label of a status, with its sign for grey print: √ 已落实."""
    spec = _spec()[status]
    return f"{spec['sign']} {spec['label']}" if sign else spec["label"]


def status_sign(status: str) -> str:
    """√, △, × or ○."""
    return _spec()[status]["sign"]


def status_colors(status: str) -> tuple[str, str]:
    """The fill and the font colour of a status, as RGB hex."""
    return _spec()[status]["fill"], _spec()[status]["font"]


def status_from_label(text: str) -> str | None:
    """Read a status back from a label as a reviewer may type it: 已落实, √ 已落实, √已落实, done."""
    value = (text or "").strip()
    if not value:
        return None
    for status in STATUSES:
        label, sign = status_label(status, sign=False), status_sign(status)
        if value in (label, f"{sign} {label}", f"{sign}{label}", status.value):
            return status
    return None
