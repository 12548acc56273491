"""The `caldav` library (PyPI) finds the calendars from the URLs people paste:
the /caldav URL, the host alone, /.well-known/caldav and /dav/.
Prints one summary line; exits non-zero on any failure."""

import sys

import caldav

from almanac_server import AlmanacServer

EXPECTED = {"Calendar", "Tasks", "Notes"}


def main():
    passed, failed = 0, 0
    with AlmanacServer() as server:
        for url in [server.base + "/caldav", server.base, server.base + "/.well-known/caldav", server.base + "/dav/"]:
            try:
                with caldav.DAVClient(url=url, username=server.user, password=server.password) as client:
                    principal = client.principal()
                    names = {calendar.get_display_name() for calendar in principal.calendars()}
                    assert principal.url.path == "/dav/principals/demo@example.test/", principal.url
                    assert names == EXPECTED, names
                passed += 1
            except Exception as error:  # noqa: BLE001 - report every failure by URL
                print(f"FAIL {url}: {type(error).__name__}: {error}")
                failed += 1
    print(f"caldav-discovery: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
