"""Starts a real `almanac serve --demo` on 127.0.0.1 for a conformance runner.

The server gets a free port and a temporary data directory, is waited for,
and is always stopped (SIGTERM, then SIGKILL) when the `with` block ends.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALMANAC_BIN", os.path.join(ROOT, ".build", "debug", "almanac"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AlmanacServer:
    def __init__(self, timeout=60):
        self.timeout = timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.data = tempfile.mkdtemp(prefix="almanac-conformance-")
        self.accounts = {}

    def __enter__(self):
        self.log = open(os.path.join(self.data, "server.log"), "w")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--demo", "--data-dir", os.path.join(self.data, "data"),
             "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + self.timeout
        output = ""
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"almanac exited early:\n{output}")
            output += line
            match = re.match(r"\s+(\S+@\S+)\s+password: (\S+)", line)
            if match:
                self.accounts[match.group(1)] = match.group(2)
            if line.startswith("Try:"):
                break
        if "demo@example.test" not in self.accounts:
            raise RuntimeError(f"no demo account printed:\n{output}")
        self.user = "demo@example.test"
        self.password = self.accounts[self.user]
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        if exc[0] is not None:
            with open(os.path.join(self.data, "server.log")) as log:
                print(log.read()[-4000:])
        shutil.rmtree(self.data, ignore_errors=True)
        return False
