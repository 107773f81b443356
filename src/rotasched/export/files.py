"""Writing output folders so that a failed run never leaves a half-written one behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
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


@contextmanager
def alongside(work: Callable[[], object], fork: bool) -> Iterator[None]:
    """Run `work` beside the body of the `with`: in a forked child process if `fork` and it is
    safe here, else after the body, in this process. Either way `work` has run when the
    `with` ends, and its error is raised there.

    The export's second core: the city's calendars, half of its export, are written by a
    child while this process writes the tables and the site. Forking is safe only from a
    process with one thread (a fork copies the calling thread only: locks held by others stay
    locked in the child), not from a daemon process (a Dask worker may have no children), and
    only on Linux.
    If the body fails, the child is ended before the error goes on, so that nothing writes
    into a staging folder that `staged` is removing; if the child fails, its error is raised
    here as it would have been without the fork."""
    import multiprocessing
    import sys
    import threading

    fork = (
        fork
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )
    if not fork:
        yield
        work()
        return
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(work, send), name="rotasched-export")
    child.start()  # flushes stdout and stderr first, so nothing is written twice
    send.close()
    try:
        yield
    except BaseException:
        child.terminate()
        child.join()
        raise
    try:
        failure = receive.recv()
    except EOFError:  # killed before it could say
        failure = None
    child.join()
    if isinstance(failure, BaseException):
        raise failure  # as it would have been raised here
    if failure is not None or child.exitcode != 0:
        raise RuntimeError(failure or f"the export's child process ended with {child.exitcode}")


def _child(work: Callable[[], object], send: Connection) -> None:
    try:
        work()
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            send.send(exc)
        except Exception:  # an error that cannot be pickled: its text
            send.send(f"{type(exc).__name__}: {exc}")
        raise SystemExit(1) from None
    send.send(None)
