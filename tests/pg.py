"""A real PostgreSQL server for the ledger tests: Debian's binaries, a cluster made in a
temporary folder, listening on 127.0.0.1 on a free port, stopped and removed afterwards.

PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user the
Debian package creates and its commands run through `runuser -u postgres --`.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

MISSING = "PostgreSQL is not installed (apt-get install postgresql; make system-deps)"


def binaries() -> Path | None:
    """The newest /usr/lib/postgresql/<major>/bin that has initdb and pg_ctl."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    found = [p for p in found if (p / "pg_ctl").is_file()]
    if not found:
        return None
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            pytest.skip(MISSING)
        self.bin = bin_dir
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self.owner = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip(f"{MISSING}: no 'postgres' user to run it as")
        # Not under pytest's tmp_path: its parents are private to root, and the server runs
        # as postgres. mkdtemp makes a folder only its owner may enter.
        self.root = Path(tempfile.mkdtemp(prefix="rotasched-pg-"))
        if self.as_root:
            os.chown(self.root, self.owner.pw_uid, self.owner.pw_gid)
        self.data = self.root / "data"
        self.port = _free_port()
        self.dbs = 0
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C")  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                  "-w", "-t", "60", "start")  # fmt: skip

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            raise RuntimeError(f"{tool} failed: {done.stderr}{done.stdout}{tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database: each test its own."""
        self.dbs += 1
        name = f"ledger_{self.dbs}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
