"""A vdirsyncer two-way sync of the default address book between a local folder
and Almanac: vCard 3.0 and 4.0 cards (a base64 PHOTO, non-ASCII names) created,
edited and deleted on both sides, and a conflict resolved as configured.
Prints one summary line; exits non-zero on any failure."""

import base64
import os
import re
import sys
import xml.etree.ElementTree as ET

import requests

from vdirsyncer_pair import VdirsyncerPair, main

# A 1×1 PNG: small, but a real image whose bytes must survive both ways.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
# A 4.0 UID as Apple and DAVx5 write it: not safe as a file name, so vdirsyncer
# names the resource with a random UUID and the card is found by its UID.
ZOE_UID = "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"
SAKURA_UID = "urn:uuid:0e5c1c2a-7d4b-4f43-9a55-8c0f1b9d2e61"


def fold(line):
    """RFC 6350 §3.2: lines of at most 75 octets, never splitting a UTF-8 sequence."""
    out, current = [], ""
    for character in line:
        limit = 75 if not out else 74
        if len((current + character).encode()) > limit:
            out.append(current)
            current = ""
        current += character
    out.append(current)
    return "\r\n ".join(out)


def card(*lines):
    return "".join(fold(line) + "\r\n" for line in ["BEGIN:VCARD", *lines, "END:VCARD"])


def ada(note):
    """vCard 3.0 with an inline base64 PHOTO (RFC 2426 §3.1.4)."""
    return card(
        "VERSION:3.0", "PRODID:-//Almanac conformance//EN", "UID:local-1", "FN:Ada Lovelace",
        "N:Lovelace;Ada;;;", "ORG:Analytical Engines Ltd", "EMAIL;TYPE=INTERNET,WORK:ada@example.org",
        "TEL;TYPE=CELL:+44 20 7946 0018", f"NOTE:{note}",
        "PHOTO;ENCODING=b;TYPE=PNG:" + base64.b64encode(PNG).decode(), "REV:20261101T090000Z")


def zoe(note):
    """vCard 4.0 with a non-ASCII name."""
    return card(
        "VERSION:4.0", "PRODID:-//Almanac conformance//EN", f"UID:{ZOE_UID}", "KIND:individual",
        "FN:Zoë Ångström-Żółkiewska", "N:Ångström-Żółkiewska;Zoë;;;", "EMAIL;TYPE=home:zoe@example.net",
        "TEL;VALUE=uri;TYPE=cell:tel:+48-22-555-0142", f"NOTE:{note}", "REV:20261101T090000Z")


def sakura(note):
    """vCard 4.0 with a CJK name and a data: URI PHOTO (RFC 6350 §6.2.4)."""
    return card(
        "VERSION:4.0", "PRODID:-//Almanac conformance//EN", f"UID:{SAKURA_UID}", "FN:渡辺 さくら",
        "N:渡辺;さくら;;;", "EMAIL;TYPE=work:sakura.watanabe@example.jp", f"NOTE:{note}",
        "PHOTO:data:image/png;base64," + base64.b64encode(PNG).decode(), "REV:20261101T090000Z")


def unfolded(text):
    return re.sub(r"\r?\n[ \t]", "", text)


def uid(text):
    match = re.search(r"^UID:(.*?)\r?$", unfolded(text), re.MULTILINE)
    return match.group(1) if match else None


def photo(text):
    """The decoded bytes of the card's PHOTO (3.0 ENCODING=b or a 4.0 data: URI)."""
    match = re.search(r"^PHOTO[;:](.*)$", unfolded(text), re.MULTILINE | re.IGNORECASE)
    assert match, f"no PHOTO in:\n{text}"
    value = match.group(1)
    payload = value.split("base64,", 1)[1] if "base64," in value else value.split(":", 1)[1]
    return base64.b64decode(payload.strip())


class Run(VdirsyncerPair):
    def __init__(self, server, folder):
        super().__init__(
            server, folder, "contacts", "carddav", "/dav/addressbooks/demo@example.test/contacts/", ".vcf")

    def remote_cards(self):
        """Every card of the address book by href: PROPFIND Depth 1, then a GET of each."""
        listing = requests.request(
            "PROPFIND", self.collection, auth=self.auth, timeout=30, headers={"Depth": "1"},
            data='<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>')
        assert listing.status_code == 207, (listing.status_code, listing.text)
        hrefs = [href.text for href in ET.fromstring(listing.content).iter("{DAV:}href")]
        cards = {}
        for href in hrefs:
            if href.endswith("/"):
                continue
            response = requests.get(self.server.base + href, auth=self.auth, timeout=30)
            assert response.status_code == 200, (href, response.status_code, response.text)
            assert response.headers["Content-Type"].startswith("text/vcard"), response.headers["Content-Type"]
            cards[href] = response.content.decode()
        return cards

    def remote_with(self, wanted):
        found = [(href, text) for href, text in self.remote_cards().items() if uid(text) == wanted]
        assert len(found) == 1, f"{len(found)} cards on the server with UID {wanted}"
        return found[0]

    def put_remote(self, name, body, **headers):
        response = requests.put(
            self.collection + name, data=body.encode(), auth=self.auth, timeout=30,
            headers={"Content-Type": "text/vcard; charset=utf-8", **headers})
        assert response.status_code in (201, 204), (response.status_code, response.text)
        return response.headers["ETag"]

    def local_with(self, wanted):
        found = [name for name, text in self.local_files().items() if uid(text) == wanted]
        assert len(found) == 1, f"{len(found)} local cards with UID {wanted}: {sorted(self.local_files())}"
        return found[0]

    def write_local(self, name, text):
        with open(os.path.join(self.local, name), "w", encoding="utf-8", newline="") as file:
            file.write(text)

    def run(self):
        self.step("discover", lambda: self.vdirsyncer("discover"))
        self.step("initial sync", self.sync)

        def local_create_v3():
            self.write_local("local-1.vcf", ada("Made on the desktop"))
            self.sync()
            response = requests.get(self.collection + "local-1.vcf", auth=self.auth, timeout=30)
            assert response.status_code == 200, (response.status_code, response.text)
            assert "Made on the desktop" in response.text and "VERSION:3.0" in response.text, response.text
            assert photo(response.text) == PNG, "the PHOTO bytes changed on the way to the server"
        self.step("create a 3.0 card with a PHOTO locally, appears on the server", local_create_v3)

        def local_create_v4():
            self.write_local("zoe.vcf", zoe("Made on the desktop"))
            self.sync()
            _, text = self.remote_with(ZOE_UID)
            assert "FN:Zoë Ångström-Żółkiewska" in text and "VERSION:4.0" in text, text
        self.step("create a 4.0 card with a non-ASCII name locally, appears on the server", local_create_v4)

        def remote_create():
            self.put_remote("sakura.vcf", sakura("Made on the server"))
            self.sync()
            text = self.local_files()[self.local_with(SAKURA_UID)]
            assert "FN:渡辺 さくら" in text and "Made on the server" in text, text
            assert photo(text) == PNG, "the PHOTO bytes changed on the way from the server"
        self.step("create a 4.0 card on the server, appears locally", remote_create)

        def edit_both():
            self.write_local(self.local_with(ZOE_UID), zoe("Edited on the desktop"))
            etag = requests.get(self.collection + "sakura.vcf", auth=self.auth, timeout=30).headers["ETag"]
            self.put_remote("sakura.vcf", sakura("Edited on the server"), **{"If-Match": etag})
            self.sync()
            _, text = self.remote_with(ZOE_UID)
            assert "Edited on the desktop" in text, text
            local = self.local_files()[self.local_with(SAKURA_UID)]
            assert "Edited on the server" in local, local
        self.step("edit on each side, both propagate", edit_both)

        def conflict():
            self.write_local("local-1.vcf", ada("Desktop wins"))
            etag = requests.get(self.collection + "local-1.vcf", auth=self.auth, timeout=30).headers["ETag"]
            self.put_remote("local-1.vcf", ada("Server loses"), **{"If-Match": etag})
            output = self.sync()
            assert "conflict resolution for item local-1" in output, f"vdirsyncer saw no conflict:\n{output}"
            remote = requests.get(self.collection + "local-1.vcf", auth=self.auth, timeout=30).text
            assert "Desktop wins" in remote, remote
            assert "Desktop wins" in self.local_files()["local-1.vcf"]
            assert photo(remote) == PNG, "the PHOTO bytes changed"
        self.step("conflict resolved as configured (a wins)", conflict)

        def delete_both():
            os.remove(os.path.join(self.local, self.local_with(ZOE_UID)))
            response = requests.delete(self.collection + "sakura.vcf", auth=self.auth, timeout=30)
            assert response.status_code == 204, response.status_code
            self.sync()
            remaining = "".join(self.remote_cards().values())
            assert ZOE_UID not in remaining, remaining
            assert SAKURA_UID not in "".join(self.local_files().values()), sorted(self.local_files())
        self.step("delete on each side, both disappear", delete_both)

        def settled():
            remote_before, local_before = self.remote_cards(), self.local_files()
            self.sync()
            assert self.remote_cards() == remote_before, "a sync with nothing to do changed the server"
            assert self.local_files() == local_before, "a sync with nothing to do changed the local folder"
            remote = sorted(uid(text) for text in remote_before.values())
            local = sorted(uid(text) for text in local_before.values())
            assert remote == local == ["local-1"], (remote, local)
        self.step("a further sync changes nothing and both sides agree", settled)


if __name__ == "__main__":
    sys.exit(main(Run, "vdirsyncer-carddav"))
