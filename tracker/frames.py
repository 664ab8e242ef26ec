"""Results as tables for analysts: a result JSON (tracker match/audit --json) read back as pandas DataFrames,
one row per task or per unit's task, ready to filter, pivot or save as CSV for Excel.

    import tracker
    result = tracker.load_result("结果.json")
    tasks = result.to_frame()                 # one row per task
    tasks.groupby("lead_units")["status"].value_counts()
    result.units_frame().to_csv("各单位.csv", encoding="utf-8-sig", index=False)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import shown

TASK_COLUMNS = ["seq", "no", "title", "lead_units", "units", "status", "auto_status", "score", "confidence",
                "due", "due_date", "previous_status", "trend", "evidence", "first_quote", "explanation"]
MAX_JSON_BYTES = 50 * 1024 * 1024
UNIT_COLUMNS = ["unit", "group", "reports", "seq", "role", "status", "score", "evidence"]


@dataclass(frozen=True)
class ResultFile:
    """A result JSON as written by tracker: the plan, the tasks and, for an audit or a match, the units."""

    data: dict

    @property
    def plan(self) -> dict:
        return self.data.get("plan", {})

    def to_frame(self):
        """One row per task: its final status (with the system's beside it), score, confidence, deadline,
        last year's status, how many quotes and the first of them."""
        import pandas as pd

        rows = []
        for task in self.data.get("tasks", []):
            evidence = task.get("evidence", [])
            previous = task.get("previous") or {}
            rows.append({
                "seq": task["seq"], "no": task.get("no", ""), "title": task["title"],
                "lead_units": "、".join(task.get("lead_units", [])), "units": "、".join(task.get("units", [])),
                "status": task["status"], "auto_status": task.get("auto_status", task["status"]),
                "score": task.get("score"), "confidence": task.get("confidence", ""), "due": task.get("due", ""),
                "due_date": task.get("due_date", ""), "previous_status": previous.get("status", ""),
                "trend": task.get("trend", ""), "evidence": len(evidence),
                "first_quote": evidence[0]["text"] if evidence else "", "explanation": task.get("explanation", ""),
            })
        return pd.DataFrame(rows, columns=TASK_COLUMNS)

    def units_frame(self):
        """One row per unit and task it leads or shares (groups included, marked), with the unit's status."""
        import pandas as pd

        rows = []
        for unit in [*self.data.get("units", []), *self.data.get("groups", [])]:
            for task in unit.get("tasks", []):
                rows.append({"unit": unit["unit"], "group": bool(unit.get("group")),
                             "reports": len(unit.get("reports", [])), "seq": task["seq"], "role": task["role"],
                             "status": task["status"], "score": task.get("score"),
                             "evidence": len(task.get("evidence", []))})
        return pd.DataFrame(rows, columns=UNIT_COLUMNS)


def load_result(path: str | Path) -> ResultFile:
    """Read a result JSON written by tracker match or tracker audit (--json)."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_JSON_BYTES:
        raise InputError(f"“{shown(path.name)}”过大，不像 tracker 输出的结果 JSON。")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError(f"找不到结果文件“{shown(path)}”。") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f"“{shown(path.name)}”不是 tracker 输出的结果 JSON。") from error
    if not isinstance(data, dict) or not isinstance(data.get("tasks"), list):
        raise InputError(f"“{shown(path.name)}”不是 tracker 输出的结果 JSON（没有 tasks）。")
    return ResultFile(data)
