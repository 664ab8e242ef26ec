"""Writing result files safely: all or nothing, never over an input, a dated backup of what was there."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .errors import OutputError


def backup_name(path: Path, when: datetime | None = None) -> Path:
    """Given a file, return the dated name its previous version is kept under (台账.备份-20261122-1405.xlsx)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.备份-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.备份-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def write_safely(path: str | Path, write: Callable[[Path], None], inputs: tuple[str | Path, ...] = (),
                 keep_previous: bool = True) -> Written:
    """Write a file through `write(tmp_path)`, then move it into place.

    The previous file, if any, is kept as a dated backup unless keep_previous is False. When the place is
    locked (the workbook is open in Excel/WPS) or the folder is read-only, the result goes to a fallback
    name beside it or in the current folder, and the returned Written says so.
    """
    path = Path(path)
    for source in inputs:
        if Path(source).exists() and path.exists() and path.resolve() == Path(source).resolve():
            raise OutputError(f"输出文件“{path}”与输入文件相同，不能覆盖输入。请换一个输出文件名。")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    tmp = _temp_in(folder) or _temp_in(Path.cwd())
    if tmp is None:
        raise OutputError(f"无法写入“{folder}”：文件夹不可写。请换一个输出位置（例如 --out 指定的文件夹）。")
    try:
        write(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return _move_into_place(tmp, path, keep_previous)


class Written:
    """Where a result was written, and the backup or fallback taken on the way."""

    def __init__(self, path: Path, backup: Path | None = None, fallback_from: Path | None = None):
        self.path, self.backup, self.fallback_from = path, backup, fallback_from

    def notes(self) -> list[str]:
        """Chinese lines for the terminal about the backup or fallback."""
        out = []
        if self.backup:
            out.append(f"原文件已备份为“{self.backup.name}”。")
        if self.fallback_from:
            out.append(f"“{self.fallback_from}”被占用或不可写（是否在 Excel/WPS 中打开？），结果已改存为“{self.path}”。")
        return out


def _temp_in(folder: Path) -> Path | None:
    try:
        handle, name = tempfile.mkstemp(prefix=".tracker-", suffix=".tmp", dir=folder)
    except OSError:
        return None
    os.close(handle)
    # mkstemp makes the file private; a result file should get the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)
    return Path(name)


def _move_into_place(tmp: Path, path: Path, keep_previous: bool) -> Written:
    backup = None
    try:
        if path.exists():
            _check_unlocked(path)
            if keep_previous:
                backup = backup_name(path)
                os.replace(path, backup)
        os.replace(tmp, path)
        return Written(path, backup)
    except OSError:
        if backup is not None and backup.exists() and not path.exists():
            os.replace(backup, path)
            backup = None
        fallback = _fallback(path)
        try:
            os.replace(tmp, fallback)
        except OSError:
            import shutil

            shutil.move(str(tmp), str(fallback))
        return Written(fallback, None, fallback_from=path)


def _check_unlocked(path: Path) -> None:
    """Excel on Windows keeps a lock file ~$name beside an open workbook; honour it everywhere."""
    if path.with_name("~$" + path.name).exists():
        raise PermissionError(path)
    with path.open("r+b"):
        pass


def _fallback(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{path.stem}-{stamp}{path.suffix}"
    for folder in (path.parent, Path.cwd()):
        if os.access(folder, os.W_OK):
            return folder / name
    raise OutputError(f"无法写入“{path}”，当前文件夹也不可写。请换一个输出位置。")


def write_json(path: str | Path, data: object, inputs: tuple[str | Path, ...] = ()) -> Written:
    """Write JSON (UTF-8, Chinese kept readable) safely."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return write_safely(path, lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"), inputs, keep_previous=False)
