"""CardDAV REPORT bodies (RFC 6352 §8.6, §8.7) the CardDAV benchmark sends."""

from xml.sax.saxutils import escape


def multiget_body(hrefs) -> str:
    refs = "".join(f"<D:href>{escape(h)}</D:href>" for h in hrefs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<CR:addressbook-multiget xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">'
        f"<D:prop><D:getetag/><CR:address-data/></D:prop>{refs}</CR:addressbook-multiget>"
    )


def email_query_body(text: str) -> str:
    """prop-filter EMAIL, text-match contains `text` (default collation,
    i;unicode-casemap, RFC 6352 §10.5.4), getetag."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<CR:addressbook-query xmlns:D="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">'
        "<D:prop><D:getetag/></D:prop>"
        '<CR:filter><CR:prop-filter name="EMAIL">'
        f'<CR:text-match match-type="contains">{escape(text)}</CR:text-match>'
        "</CR:prop-filter></CR:filter></CR:addressbook-query>"
    )
