"""CardDAV discovery and use with plain WebDAV requests (`requests`; the `caldav`
library has no CardDAV client), as a contacts app does it: from the /carddav URL,
the host alone, /.well-known/carddav and /dav/, current-user-principal →
addressbook-home-set → the address books of the home; then a card is PUT,
fetched back with addressbook-multiget and found by an addressbook-query.
Prints one summary line; exits non-zero on any failure."""

import sys
import xml.etree.ElementTree as ET

import requests

from almanac_server import AlmanacServer

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
PRINCIPAL = "/dav/principals/demo@example.test/"
HOME = "/dav/addressbooks/demo@example.test/"
BOOK = HOME + "contacts/"


def name(namespace, local):
    return f"{{{namespace}}}{local}"


def propfind(*properties):
    """A PROPFIND body asking for (namespace, name) properties."""
    prop = "".join(f'<x:{local} xmlns:x="{namespace}"/>' for namespace, local in properties)
    return f'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>{prop}</d:prop></d:propfind>'


def card(uid, full_name, email):
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Almanac conformance//EN\r\n"
        f"UID:{uid}\r\nFN:{full_name}\r\nN:{full_name.split()[-1]};{full_name.split()[0]};;;\r\n"
        f"EMAIL;TYPE=INTERNET,WORK:{email}\r\nTEL;TYPE=CELL:+1 555 0100\r\nEND:VCARD\r\n"
    )


ALICE = card("discovery-alice", "Alice Wong", "alice.wong@example.com")
BOB = card("discovery-bob", "Bob Marsh", "bob@example.org")
ASA = card("discovery-asa", "Åsa Ørsted", "asa.orsted@example.se")


class Run:
    def __init__(self, server):
        self.server = server
        self.session = requests.Session()
        self.session.auth = (server.user, server.password)
        self.passed, self.failed = 0, 0
        self.etags = {}

    def request(self, method, url, body=None, expect=207, **headers):
        response = self.session.request(
            method, url, data=body.encode() if body is not None else None, timeout=30,
            headers={"Content-Type": "application/xml; charset=utf-8", **headers} if body is not None else headers)
        assert response.status_code == expect, (
            f"{method} {url} answered {response.status_code}, not {expect}:\n{response.text[:2000]}")
        return response

    def multistatus(self, method, url, body, depth):
        """The `DAV:response` elements of a 207 answer, keyed by href."""
        response = self.request(method, url, body, Depth=depth)
        root = ET.fromstring(response.content)
        assert root.tag == name(DAV, "multistatus"), root.tag
        return {element.findtext(name(DAV, "href")): element for element in root.findall(name(DAV, "response"))}

    @staticmethod
    def found(response, tag):
        """The property `tag` from the 200 propstat of a `DAV:response`, or None."""
        for propstat in response.findall(name(DAV, "propstat")):
            if " 200 " in (propstat.findtext(name(DAV, "status")) or ""):
                value = propstat.find(f"{name(DAV, 'prop')}/{tag}")
                if value is not None:
                    return value
        return None

    def only_href(self, responses, tag):
        assert len(responses) == 1, list(responses)
        value = self.found(next(iter(responses.values())), tag)
        assert value is not None, f"no {tag} in the answer"
        href = value.findtext(name(DAV, "href"))
        assert href, f"{tag} has no href"
        return href

    def step(self, label, function):
        try:
            function()
            self.passed += 1
        except Exception as error:  # noqa: BLE001 - report every step
            print(f"FAIL {label}: {type(error).__name__}: {error}")
            self.failed += 1

    # Discovery (RFC 6764 §6, RFC 6352 §7.1.1)

    def discover(self, url):
        principal = self.only_href(
            self.multistatus("PROPFIND", url, propfind((DAV, "current-user-principal")), "0"),
            name(DAV, "current-user-principal"))
        assert principal == PRINCIPAL, f"current-user-principal is {principal}"
        home = self.only_href(
            self.multistatus(
                "PROPFIND", self.server.base + principal, propfind((CARDDAV, "addressbook-home-set")), "0"),
            name(CARDDAV, "addressbook-home-set"))
        assert home == HOME, f"addressbook-home-set is {home}"
        listing = self.multistatus(
            "PROPFIND", self.server.base + home, propfind((DAV, "resourcetype"), (DAV, "displayname")), "1")
        books = {
            href for href, response in listing.items()
            if (kind := self.found(response, name(DAV, "resourcetype"))) is not None
            and kind.find(name(CARDDAV, "addressbook")) is not None
            and kind.find(name(DAV, "collection")) is not None
        }
        assert books == {BOOK}, f"address books listed: {sorted(books)} of {sorted(listing)}"

    def well_known(self):
        url = self.server.base + "/.well-known/carddav"
        for method, status in [("GET", 301), ("HEAD", 301), ("PROPFIND", 308)]:
            response = self.session.request(method, url, allow_redirects=False, timeout=30)
            assert response.status_code == status, f"{method} answered {response.status_code}, not {status}"
            assert response.headers.get("Location") == "/dav/", response.headers.get("Location")

    # A card in, and back

    def put(self):
        for body, resource in [(ALICE, "alice.vcf"), (BOB, "bob.vcf"), (ASA, "asa.vcf")]:
            response = self.request(
                "PUT", self.server.base + BOOK + resource, body, expect=201,
                **{"Content-Type": "text/vcard; charset=utf-8", "If-None-Match": "*"})
            assert response.headers.get("ETag"), "no ETag on the PUT answer"
            self.etags[BOOK + resource] = response.headers["ETag"]

    def multiget(self):
        missing = BOOK + "nobody.vcf"
        hrefs = "".join(f"<d:href>{href}</d:href>" for href in [BOOK + "alice.vcf", missing])
        responses = self.multistatus(
            "REPORT", self.server.base + BOOK,
            f'<?xml version="1.0" encoding="utf-8"?><card:addressbook-multiget xmlns:d="DAV:" xmlns:card="{CARDDAV}">'
            f"<d:prop><d:getetag/><card:address-data/></d:prop>{hrefs}</card:addressbook-multiget>", "0")
        assert set(responses) == {BOOK + "alice.vcf", missing}, sorted(responses)
        alice = responses[BOOK + "alice.vcf"]
        etag = self.found(alice, name(DAV, "getetag"))
        assert etag is not None and etag.text == self.etags[BOOK + "alice.vcf"], "getetag differs from the PUT's ETag"
        data = self.found(alice, name(CARDDAV, "address-data"))
        assert data is not None and "UID:discovery-alice" in data.text, "address-data is not the card"
        assert data.text.replace("\r\n", "\n") == ALICE.replace("\r\n", "\n"), f"address-data changed:\n{data.text}"
        status = responses[missing].findtext(name(DAV, "status")) or ""
        assert " 404 " in status, f"a missing href answered {status!r}, not 404 (RFC 6352 §8.7)"

    def query(self, prop, text_match):
        """The hrefs and address-data an addressbook-query with one prop-filter finds."""
        responses = self.multistatus(
            "REPORT", self.server.base + BOOK,
            f'<?xml version="1.0" encoding="utf-8"?><card:addressbook-query xmlns:d="DAV:" xmlns:card="{CARDDAV}">'
            "<d:prop><d:getetag/><card:address-data/></d:prop>"
            f'<card:filter><card:prop-filter name="{prop}">{text_match}</card:prop-filter></card:filter>'
            "</card:addressbook-query>", "1")
        return {href: self.found(response, name(CARDDAV, "address-data")) for href, response in responses.items()}

    def query_email(self):
        # RFC 6352 §10.5.4: match-type contains, and the default collation ignores case.
        found = self.query("EMAIL", '<card:text-match match-type="contains">WONG@EXAMPLE</card:text-match>')
        assert list(found) == [BOOK + "alice.vcf"], f"the query found {sorted(found)}"
        data = found[BOOK + "alice.vcf"]
        assert data is not None and "alice.wong@example.com" in data.text, "address-data is not the card"

    def query_default_collation(self):
        # RFC 6352 §10.5.4: `collation CDATA "i;unicode-casemap"`, so without the attribute
        # "ørsted" matches "Ørsted" (i;ascii-casemap, CalDAV's default, folds only A-Z).
        found = self.query("FN", '<card:text-match match-type="contains">ørsted</card:text-match>')
        assert list(found) == [BOOK + "asa.vcf"], (
            f"FN contains \"ørsted\" with the default collation found {sorted(found)}, not the card "
            f"FN:Åsa Ørsted (the default collation must be i;unicode-casemap, RFC 6352 §10.5.4)")

    def run(self):
        base = self.server.base
        for url in [base + "/carddav", base, base + "/.well-known/carddav", base + "/dav/"]:
            self.step(f"discovery from {url}", lambda url=url: self.discover(url))
        self.step("/.well-known/carddav redirects (301 GET/HEAD, 308 PROPFIND)", self.well_known)
        self.step("PUT three cards into the contacts address book", self.put)
        self.step("addressbook-multiget returns a card and 404 for a missing href", self.multiget)
        self.step("addressbook-query EMAIL text-match contains finds the card", self.query_email)
        self.step(
            "addressbook-query default collation (i;unicode-casemap) finds a non-ASCII name",
            self.query_default_collation)


def main():
    with AlmanacServer() as server:
        run = Run(server)
        run.run()
    print(f"carddav-discovery: {run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
