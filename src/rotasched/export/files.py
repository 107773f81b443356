"""Writing output folders so that a failed run never leaves a half-written one behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged(outdir: Path) -> Iterator[Path]:
    """Yield an empty sibling folder; on success it replaces `outdir` in one rename.

    If anything raises, the staging folder is removed and the last good `outdir` stays.
    """
    outdir = Path(outdir)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", dir=outdir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if outdir.exists():
        old = outdir.with_name(f".{outdir.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        outdir.rename(old)
    tmp.rename(outdir)
    os.chmod(outdir, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text(path: Path, text: str, bom: bool = False) -> None:
    """UTF-8 with Unix newlines; a BOM where Excel needs one to see Chinese."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
