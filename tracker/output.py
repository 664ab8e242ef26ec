"""Writing result files safely: all or nothing, never over an input, a dated backup of what was there."""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from .errors import OutputError
from .text import shown

TEMP_PREFIX = ".tracker-"
TEMP_SUFFIX = ".tmp"
# A temporary file of a run that was killed: its process is gone, or it is older than any real run takes.
STALE_SECONDS = 3600
_TEMP_PID = re.compile(rf"^{re.escape(TEMP_PREFIX)}(\d+)-")

# What the system said, in words an office user can act on.
_ERRNO_WORDS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.EEXIST: "路径中有一段是文件而不是文件夹",
    errno.ENOENT: "路径不存在",
    errno.EXDEV: "不能移动到该位置",
    errno.EINVAL: "文件名或位置无效",
}


def describe_os_error(error: OSError, path: Path) -> OutputError:
    """Given a failed write, return one Chinese line naming the place, the cause and what to do."""
    cause = _ERRNO_WORDS.get(error.errno or 0, "系统拒绝写入")
    return OutputError(f"无法写入“{shown(path)}”：{cause}。请换一个输出位置或文件名后再试。")


def resolved(path: Path) -> Path:
    """The absolute, link-free form of a path; a link loop stays as it is written."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop
        return path.absolute()


def file_id(path: Path) -> tuple[int, int] | None:
    """The device and inode of an existing file, so that two names of one file are seen as one."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def guard_outputs(outputs: Iterable[str | Path | None], inputs: Iterable[str | Path | None]) -> None:
    """Refuse an output that is an input (by resolved path or inode), or two outputs that are one file."""
    inputs = [Path(p) for p in inputs if p]
    taken = {resolved(p) for p in inputs} | {i for p in inputs if (i := file_id(p))}
    seen: dict[object, Path] = {}
    for output in (Path(p) for p in outputs if p):
        if resolved(output) in taken or file_id(output) in taken:
            raise OutputError(f"输出文件“{shown(output)}”是输入文件之一，不能覆盖输入。请换一个输出文件名。")
        keys = [key for key in (resolved(output), file_id(output)) if key is not None]
        if any(key in seen for key in keys):
            raise OutputError(f"工作簿和 JSON 不能写到同一个文件“{shown(output)}”。请为两者分别指定文件名。")
        seen.update(dict.fromkeys(keys, output))


def backup_name(path: Path, when: datetime | None = None) -> Path:
    """Given a file, return the dated name its previous version is kept under (台账.备份-20261122-1405.xlsx)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.备份-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.备份-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


class Written:
    """Where a result was written, and the backup or fallback taken on the way."""

    def __init__(self, path: Path, backup: Path | None = None, fallback_from: Path | None = None):
        self.path, self.backup, self.fallback_from = path, backup, fallback_from

    def notes(self) -> list[str]:
        """Chinese lines for the terminal about the backup or fallback."""
        out = []
        if self.backup:
            out.append(f"原文件已备份为“{shown(self.backup.name)}”。")
        if self.fallback_from:
            out.append(f"“{shown(self.fallback_from)}”被占用（是否在 Excel、WPS 或 LibreOffice 中打开，或被设为只读？），"
                       f"结果已改存为“{shown(self.path)}”。")
        return out


def write_safely(path: str | Path, write: Callable[[Path], None]) -> Written:
    """Write a file through `write(tmp_path)`, then move it into place, keeping the previous file as a backup.

    When the file is locked (the workbook is open in Excel/WPS) the result goes to a dated name beside it, and
    the returned Written says so. Any other failure is an OutputError in Chinese; no temporary file is left.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(folder)
        handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as error:
        raise describe_os_error(error, path) from error
    os.close(handle)
    tmp = Path(name)
    try:
        _usual_permissions(tmp)
        write(tmp)
        return _move_into_place(tmp, path)
    except OSError as error:
        raise describe_os_error(error, path) from error
    finally:
        tmp.unlink(missing_ok=True)


def remove_stale_temps(folder: Path) -> None:
    """Remove temporary files that a killed run left in a folder; a running run's files stay."""
    now = time.time()
    for candidate in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        match = _TEMP_PID.match(candidate.name)
        try:
            alive = bool(match) and _process_alive(int(match.group(1)))
            if not alive or now - candidate.stat().st_mtime > STALE_SECONDS:
                candidate.unlink()
        except OSError:
            continue


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def _usual_permissions(tmp: Path) -> None:
    """mkstemp makes the file private; a result file should get the usual permissions."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)


def _move_into_place(tmp: Path, path: Path) -> Written:
    if path.exists() and _locked(path):
        fallback = _fallback(path)
        os.replace(tmp, fallback)
        return Written(fallback, None, fallback_from=path)
    backup = None
    if path.exists():
        backup = _keep_copy(path)
    try:
        os.replace(tmp, path)
    except OSError:
        if backup is not None:
            backup.unlink(missing_ok=True)
        raise
    return Written(path, backup)


def _keep_copy(source: Path) -> Path:
    """Keep the previous version under a new backup name, never over another run's backup; the file itself
    stays in place until the new one replaces it."""
    import shutil

    for _ in range(100):
        target = backup_name(source)
        try:
            os.link(source, target)  # no copy needed
            return target
        except FileExistsError:
            continue  # another run took this name a moment ago
        except OSError:  # a file system without hard links
            try:
                with source.open("rb") as old, target.open("xb") as new:
                    shutil.copyfileobj(old, new)
                return target
            except FileExistsError:
                continue
    raise FileExistsError(errno.EEXIST, "no free backup name", str(source))


def _locked(path: Path) -> bool:
    """Excel and WPS keep a lock file ~$name beside an open workbook, LibreOffice .~lock.name#; honour both
    everywhere."""
    if path.with_name("~$" + path.name).exists() or path.with_name(f".~lock.{path.name}#").exists():
        return True
    try:
        with path.open("r+b"):
            return False
    except PermissionError:
        return True


def file_name(text: str, limit: int = 80) -> str:
    """A file name made from document text (a unit's name, a plan's title): no path separators, no characters
    Windows refuses, no runs of spaces, and not too long."""
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", text).strip("._")[:limit] or "未命名"


def _fallback(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate, n = path.with_name(f"{path.stem}-{stamp}{path.suffix}"), 2
    while candidate.exists():
        candidate, n = path.with_name(f"{path.stem}-{stamp}-{n}{path.suffix}"), n + 1
    return candidate


def write_json(path: str | Path, data: object) -> Written:
    """Write JSON (UTF-8, Chinese kept readable) safely, keeping the previous file as a backup."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return write_safely(path, lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"))
