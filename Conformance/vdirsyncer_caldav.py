"""A vdirsyncer two-way sync of a calendar between a local folder and Almanac:
create, edit and delete on both sides, and a conflict resolved as configured.
Prints one summary line; exits non-zero on any failure."""

import os
import subprocess
import sys
import tempfile

import requests

from almanac_server import AlmanacServer

VDIRSYNCER = os.path.join(os.path.dirname(sys.executable), "vdirsyncer")


def event(uid, summary):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac conformance//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261120T100000Z\r\nDTEND:20261120T110000Z\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


class Run:
    def __init__(self, server, folder):
        self.server = server
        self.folder = folder
        self.local = os.path.join(folder, "local")
        self.collection = f"{server.base}/dav/calendars/demo@example.test/calendar/"
        os.makedirs(self.local)
        self.config = os.path.join(folder, "config")
        with open(self.config, "w") as config:
            config.write(f"""[general]
status_path = "{folder}/status/"

[pair calendar]
a = "local"
b = "almanac"
collections = null
conflict_resolution = "a wins"

[storage local]
type = "filesystem"
path = "{self.local}"
fileext = ".ics"

[storage almanac]
type = "caldav"
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

    def sync(self):
        self.vdirsyncer("sync")

    def remote(self, name):
        return requests.get(self.collection + name, auth=self.auth, timeout=30)

    def put_remote(self, name, body, **headers):
        response = requests.put(
            self.collection + name, data=body.encode(), auth=self.auth, timeout=30,
            headers={"Content-Type": "text/calendar", **headers})
        assert response.status_code in (201, 204), (response.status_code, response.text)
        return response.headers["ETag"]

    def local_files(self):
        return {name: open(os.path.join(self.local, name)).read() for name in os.listdir(self.local)}

    def local_with(self, uid):
        return [name for name, text in self.local_files().items() if f"UID:{uid}" in text]

    def step(self, name, function):
        try:
            function()
            self.passed += 1
        except Exception as error:  # noqa: BLE001 - report every step
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            self.failed += 1

    def run(self):
        self.step("discover", lambda: self.vdirsyncer("discover"))
        self.step("initial sync", self.sync)

        def local_create():
            with open(os.path.join(self.local, "local-1.ics"), "w", newline="") as file:
                file.write(event("local-1", "Made on the desktop"))
            self.sync()
            response = self.remote("local-1.ics")
            assert response.status_code == 200 and "Made on the desktop" in response.text, response.status_code
        self.step("create locally, appears on the server", local_create)

        def remote_create():
            self.put_remote("remote-1.ics", event("remote-1", "Made on the server"))
            self.sync()
            names = self.local_with("remote-1")
            assert len(names) == 1, self.local_files().keys()
        self.step("create on the server, appears locally", remote_create)

        def edit_both():
            path = os.path.join(self.local, "local-1.ics")
            with open(path, "w", newline="") as file:
                file.write(event("local-1", "Edited on the desktop"))
            etag = self.remote("remote-1.ics").headers["ETag"]
            self.put_remote("remote-1.ics", event("remote-1", "Edited on the server"), **{"If-Match": etag})
            self.sync()
            assert "Edited on the desktop" in self.remote("local-1.ics").text
            local = self.local_files()[self.local_with("remote-1")[0]]
            assert "Edited on the server" in local, local
        self.step("edit on each side, both propagate", edit_both)

        def conflict():
            path = os.path.join(self.local, "local-1.ics")
            with open(path, "w", newline="") as file:
                file.write(event("local-1", "Desktop wins"))
            etag = self.remote("local-1.ics").headers["ETag"]
            self.put_remote("local-1.ics", event("local-1", "Server loses"), **{"If-Match": etag})
            self.sync()
            assert "Desktop wins" in self.remote("local-1.ics").text
            assert "Desktop wins" in open(path).read()
        self.step("conflict resolved as configured (a wins)", conflict)

        def delete_both():
            os.remove(os.path.join(self.local, "local-1.ics"))
            response = requests.delete(self.collection + "remote-1.ics", auth=self.auth, timeout=30)
            assert response.status_code == 204, response.status_code
            self.sync()
            assert self.remote("local-1.ics").status_code == 404
            assert not self.local_with("remote-1"), self.local_files().keys()
        self.step("delete on each side, both disappear", delete_both)

        def settled():
            self.sync()
            listing = requests.request(
                "PROPFIND", self.collection, auth=self.auth, timeout=30, headers={"Depth": "1"},
                data='<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>')
            assert listing.status_code == 207
            assert listing.text.count("<d:response>") == 1 + len(self.local_files()), listing.text
        self.step("a further sync changes nothing and both sides agree", settled)


def main():
    with AlmanacServer() as server, tempfile.TemporaryDirectory(prefix="almanac-vdirsyncer-") as folder:
        run = Run(server, folder)
        run.run()
    print(f"vdirsyncer-caldav: {run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
