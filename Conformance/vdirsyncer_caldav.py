"""A vdirsyncer two-way sync of a calendar between a local folder and Almanac:
create, edit and delete on both sides, and a conflict resolved as configured.
Prints one summary line; exits non-zero on any failure."""

import os
import sys

import requests

from vdirsyncer_pair import VdirsyncerPair, main


def event(uid, summary):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac conformance//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261120T100000Z\r\nDTEND:20261120T110000Z\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


class Run(VdirsyncerPair):
    def __init__(self, server, folder):
        super().__init__(server, folder, "calendar", "caldav", "/dav/calendars/demo@example.test/calendar/", ".ics")

    def remote(self, name):
        return requests.get(self.collection + name, auth=self.auth, timeout=30)

    def put_remote(self, name, body, **headers):
        response = requests.put(
            self.collection + name, data=body.encode(), auth=self.auth, timeout=30,
            headers={"Content-Type": "text/calendar", **headers})
        assert response.status_code in (201, 204), (response.status_code, response.text)
        return response.headers["ETag"]

    def local_with(self, uid):
        return [name for name, text in self.local_files().items() if f"UID:{uid}" in text]

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


if __name__ == "__main__":
    sys.exit(main(Run, "vdirsyncer-caldav"))
