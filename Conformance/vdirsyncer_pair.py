"""What the vdirsyncer runners share: a vdirsyncer configuration pairing a local folder with
one Almanac collection ("a wins" on conflicts), running vdirsyncer, counting steps, and the
`main` that starts the server and prints the summary line."""

import os
import subprocess
import sys
import tempfile

from almanac_server import AlmanacServer

VDIRSYNCER = os.path.join(os.path.dirname(sys.executable), "vdirsyncer")


class VdirsyncerPair:
    """`storage` is vdirsyncer's storage type ("caldav", "carddav"), `path` the collection's
    path below the server, `fileext` the local files' extension."""

    def __init__(self, server, folder, pair, storage, path, fileext):
        self.server = server
        self.folder = folder
        self.local = os.path.join(folder, "local")
        self.collection = f"{server.base}{path}"
        os.makedirs(self.local)
        self.config = os.path.join(folder, "config")
        with open(self.config, "w") as config:
            config.write(f"""[general]
status_path = "{folder}/status/"

[pair {pair}]
a = "local"
b = "almanac"
collections = null
conflict_resolution = "a wins"

[storage local]
type = "filesystem"
path = "{self.local}"
fileext = "{fileext}"

[storage almanac]
type = "{storage}"
url = "{self.collection}"
username = "{server.user}"
password = "{server.password}"
""")
        self.auth = (server.user, server.password)
        self.passed, self.failed = 0, 0

    def vdirsyncer(self, *arguments):
        result = subprocess.run(
            [VDIRSYNCER, "-c", self.config, *arguments], capture_output=True, text=True, timeout=120,
            input="y\n" * 5)
        if result.returncode != 0:
            raise AssertionError(f"vdirsyncer {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout + result.stderr

    def sync(self):
        return self.vdirsyncer("sync")

    def local_files(self):
        files = {}
        for name in os.listdir(self.local):
            with open(os.path.join(self.local, name), encoding="utf-8", newline="") as file:
                files[name] = file.read()
        return files

    def step(self, name, function):
        try:
            function()
            self.passed += 1
        except Exception as error:  # noqa: BLE001 - report every step
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            self.failed += 1


def main(run_class, label):
    """Runs `run_class(server, folder).run()` against a fresh demo server; prints the summary."""
    with AlmanacServer() as server, tempfile.TemporaryDirectory(prefix="almanac-vdirsyncer-") as folder:
        run = run_class(server, folder)
        run.run()
    print(f"{label}: {run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0
