"""Where the sample documents and the editable templates live, and loading them once per run."""

from __future__ import annotations

import csv
import os
import tomllib
from functools import cache
from pathlib import Path

from .errors import TrackerError

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _locate(kind: str) -> Path:
    """A source checkout keeps seeds/ and templates/ beside the package; a wheel carries them in _data/."""
    for candidate in (_CHECKOUT / kind, _PACKAGE / "_data" / kind):
        if candidate.is_dir():
            return candidate
    raise TrackerError(f"找不到 {kind} 文件夹，安装可能不完整。请重新安装 tracker。")


def seeds_dir() -> Path:
    """The folder of sample documents that `tracker run` processes by default."""
    return _locate("seeds")


def templates_dir() -> Path:
    """The templates folder; TRACKER_TEMPLATES points to an office's own edited copy."""
    override = os.environ.get("TRACKER_TEMPLATES")
    return Path(override) if override else _locate("templates")


def template_file(name: str) -> Path:
    """Return a template file, falling back to the built-in one when an office copy lacks it."""
    path = templates_dir() / name
    if path.exists():
        return path
    builtin = _locate("templates") / name
    if builtin.exists():
        return builtin
    raise TrackerError(f"找不到模板文件“{name}”。请检查 templates 文件夹。")


@cache
def load_toml(name: str) -> dict:
    """Read a TOML template once per run."""
    path = template_file(name)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise TrackerError(f"模板文件“{path}”格式有误：{error}。请改正或恢复原文件。") from error


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of a template word list (one a line; a line that starts with # is a comment), read once per run."""
    text = template_file(name).read_text(encoding="utf-8-sig")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Read a CSV template (UTF-8, as saved by Excel with BOM or without) once per run."""
    path = template_file(name)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple({k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle))
