"""Starts and stops each server on 127.0.0.1 with a temporary data folder.

A server is started for one kind of collection, "calendar" (the CalDAV
benchmark) or "addressbook" (the CardDAV benchmark): `collection` is then
the path of the calendar or address book that the benchmark fills, made by
the server itself (Almanac's demo user, Xandikos's `--defaults`) or by the
benchmark (Radicale: MKCALENDAR, or an extended MKCOL for an address book).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .client import CALDAV, CARDDAV, Client, propfind_body, resource_types

REPO = Path(__file__).resolve().parents[2]
KINDS = {"calendar": "caldav", "addressbook": "carddav"}
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds:.0f} s")


class Server:
    """Base: subclasses set `name` and `collections` (kind -> path), build `command()`."""

    name = "?"
    user = None
    password = None
    collections = {}

    def __init__(self, kind: str = "calendar"):
        if kind not in KINDS:
            raise ValueError(f"unknown collection kind {kind!r}")
        self.kind = kind
        self.collection = self.collections[kind]
        self.dir = Path(tempfile.mkdtemp(prefix=f"{KINDS[kind]}-bench-{self.name.lower()}-"))
        self.port = free_port()
        self.process = None
        self.log_path = self.dir / "server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, timeout: float = 120.0) -> Client:
        return Client(self.base_url, self.user, self.password, timeout=timeout, agent=f"almanac-{KINDS[self.kind]}-bench")

    def command(self) -> list:
        raise NotImplementedError

    def version(self) -> str:
        return "?"

    def start(self):
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
        log.close()
        wait_for_port(self.port, self.process)
        self.after_start()

    def after_start(self):
        pass

    # Set by a subclass that can write items straight into its storage.
    can_bulk_fill = False

    def bulk_fill(self, items):
        """Writes items (each with `name` and `body`) into the stopped server's storage, bypassing HTTP."""
        raise NotImplementedError

    def restart(self):
        self.stop(keep=True)
        self.start()

    def check_collection(self):
        """The collection exists and has the kind's resource type (CALDAV:calendar, CARDDAV:addressbook)."""
        dav = self.client()
        reply = dav.request(
            "PROPFIND", self.collection, propfind_body("<D:resourcetype/>"), {"Depth": "0", "Content-Type": "application/xml"}
        )
        dav.close()
        wanted = {"calendar": f"{CALDAV}calendar", "addressbook": f"{CARDDAV}addressbook"}[self.kind]
        if reply.status != 207 or wanted not in resource_types(reply.body):
            raise RuntimeError(f"{self.name}: PROPFIND {self.collection} -> {reply.status} {reply.body[:300]!r}")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, keep: bool = False):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)


class Almanac(Server):
    name = "Almanac"
    user = "demo@example.test"
    collections = {
        "calendar": "/dav/calendars/demo@example.test/calendar/",
        "addressbook": "/dav/addressbooks/demo@example.test/contacts/",
    }

    def __init__(self, binary: Path, kind: str = "calendar"):
        super().__init__(kind)
        self.binary = binary

    def command(self):
        data = self.dir / "data"
        return [str(self.binary), "serve", "--demo", "--data-dir", str(data), "--host", "127.0.0.1", "--port", str(self.port)]

    def version(self):
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()

    def after_start(self):
        # The demo password is printed once: `  demo@example.test  password: <pw>  (enhanced)`.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            match = re.search(r"demo@example\.test\s+password:\s+(\S+)", self.log_path.read_text(errors="replace"))
            if match:
                self.password = match.group(1)
                return
            time.sleep(0.1)
        raise RuntimeError("almanac printed no demo password")


class Radicale(Server):
    name = "Radicale"
    user = "bench"
    password = "bench"
    collections = {"calendar": "/bench/calendar/", "addressbook": "/bench/contacts/"}

    def command(self):
        config = self.dir / "config"
        config.write_text(
            "\n".join(
                [
                    "[server]",
                    f"hosts = 127.0.0.1:{self.port}",
                    "max_connections = 32",
                    "[auth]",
                    "type = none",
                    "[rights]",
                    "type = owner_only",
                    "[storage]",
                    f"filesystem_folder = {self.dir / 'collections'}",
                    # Its default (10,000) refuses a multiget of 10,000 hrefs with 400.
                    "[reporting]",
                    "max_expand_occurrence = 1000000",
                    "[logging]",
                    "level = warning",
                    "",
                ]
            )
        )
        return [str(VENV_BIN / "radicale"), "--config", str(config)]

    def version(self):
        from importlib.metadata import version

        return version("radicale")

    can_bulk_fill = True

    def storage(self) -> Path:
        return self.dir / "collections" / "collection-root" / self.collection.strip("/")

    def bulk_fill(self, items):
        # Radicale's filesystem storage is one file per item, named by its href.
        folder = self.storage()
        for item in items:
            (folder / item.name).write_text(item.body, newline="")

    def after_start(self):
        if self.storage().exists():
            return
        dav = self.client()
        # The first request of a user makes its principal collection.
        dav.request("PROPFIND", "/bench/", propfind_body("<D:resourcetype/>"), {"Depth": "0"})
        if self.kind == "calendar":
            method = "MKCALENDAR"
            body = (
                '<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" '
                'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Bench</D:displayname>'
                "</D:prop></D:set></C:mkcalendar>"
            )
        else:
            # Extended MKCOL (RFC 5689) with the CardDAV resource type (RFC 6352 §6.3.1).
            method = "MKCOL"
            body = (
                '<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" '
                'xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>'
                "<D:resourcetype><D:collection/><CR:addressbook/></D:resourcetype>"
                "<D:displayname>Bench</D:displayname></D:prop></D:set></D:mkcol>"
            )
        reply = dav.request(method, self.collection, body, {"Content-Type": "application/xml"})
        dav.close()
        if reply.status != 201:
            raise RuntimeError(f"Radicale {method} {self.collection} -> {reply.status} {reply.body[:300]!r}")


class Xandikos(Server):
    name = "Xandikos"
    # What `--defaults` makes for its one user.
    collections = {"calendar": "/user/calendars/calendar/", "addressbook": "/user/contacts/addressbook/"}

    def command(self):
        return [
            str(VENV_BIN / "xandikos"),
            "serve",
            "--defaults",
            "-d",
            str(self.dir / "root"),
            "--state-dir",
            str(self.dir / "state"),
            "-l",
            "127.0.0.1",
            "-p",
            str(self.port),
        ]

    def version(self):
        from importlib.metadata import version

        return version("xandikos")

    can_bulk_fill = True

    def bulk_fill(self, items):
        # Xandikos keeps a collection as a git working tree: add the files, commit once.
        tree = self.dir / "root" / self.collection.strip("/")
        for item in items:
            (tree / item.name).write_text(item.body, newline="")
        git = ["git", "-C", str(tree), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
        subprocess.run(git + ["add", "--", *[i.name for i in items]], check=True, capture_output=True)
        subprocess.run(git + ["commit", "-q", "-m", f"bulk fill of {len(items)} items"], check=True, capture_output=True)
