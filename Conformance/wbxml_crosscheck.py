"""Cross-checks Almanac's WBXML codec with two codecs nobody here wrote, on every corpus body
(Tests/WBXMLTests/Corpus), in both directions:

- libwbxml (Debian libwbxml2-utils): `wbxml2xml -l ACTIVESYNC` and `xml2wbxml`;
- pyactivesync 0.17.0 (PyPI): its `WBXMLReader` and `WBXMLWriter`.

Almanac encodes (`almanac wbxml encode`) → the peer decodes to the same tree; the peer encodes →
Almanac decodes (`almanac wbxml decode`) to the same tree. Trees are compared by namespace, tag
name and content, with the differences listed in wbxml-crosscheck.known mapped first (a peer's
other spelling of a tag, a code page or tag it lacks, libwbxml's XML showing OPAQUE as base64
text). An element with no content, the content bit but nothing inside, or an empty string all
read as "nothing" (XML cannot tell them apart). A run that a known difference prevents counts as
known, not passed; anything else that differs fails. Prints one summary line; exits non-zero on
any failure.
"""

import base64
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from almanac_server import BINARY, ROOT
from pyactivesync import _codepages as pyas_pages
from pyactivesync import _wbxml as pyas

CORPUS = os.path.join(ROOT, "Tests", "WBXMLTests", "Corpus")
TABLE = os.path.join(ROOT, "Schemas", "wbxml", "codepages.tsv")
KNOWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wbxml-crosscheck.known")
DOCTYPE = ('<?xml version="1.0"?>\n<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" '
           '"http://www.microsoft.com/">\n')


class KnownDifference(Exception):
    """A run that a listed known difference prevents."""


def read_table():
    """{(page number, token): (page name, tag)} and the reverse, from the code page table."""
    by_token, by_name = {}, {}
    with open(TABLE, encoding="utf-8") as table:
        for line in table:
            if line.startswith("#") or not line.strip():
                continue
            page, name, token, tag = line.rstrip("\n").split("\t")
            by_token[(int(page), int(token, 16))] = (name, tag)
            by_name[(name, tag)] = (int(page), int(token, 16))
    return by_token, by_name


def read_known():
    """{peer: {"name": {(ns, spec tag): peer tag}, "namespace": {spec ns: peer ns},
    "missing": {"ns:tag" or "ns:*"}, "opaque-as-text": bool}} from wbxml-crosscheck.known."""
    known = {}
    with open(KNOWN, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.startswith("#") or not line.strip():
                continue
            fields = [field.strip() for field in line.split("|")]
            if len(fields) != 4 or not fields[3]:
                sys.exit(f"{KNOWN}:{number}: want 'peer | kind | subject | reason'")
            peer, kind, subject, _ = fields
            entry = known.setdefault(peer, {"name": {}, "namespace": {}, "missing": set(), "opaque-as-text": False})
            if kind == "name":
                spec, other = (part.strip() for part in subject.split("="))
                namespace, tag = spec.split(":")
                entry["name"][(namespace, tag)] = other
            elif kind == "namespace":
                spec, other = (part.strip() for part in subject.split("="))
                entry["namespace"][spec] = other
            elif kind == "missing":
                entry["missing"].add(subject)
            elif kind == "opaque-as-text":
                entry["opaque-as-text"] = True
            else:
                sys.exit(f"{KNOWN}:{number}: unknown kind {kind}")
    return known


BY_TOKEN, BY_NAME = read_table()
KNOWN_DIFFERENCES = read_known()


def normalize(tree, opaque_as_text=False):
    """(namespace, tag, content) with content ("text", str), ("opaque", bytes), ("children", [...])
    or None for nothing; opaque as base64 text when the peer's XML cannot tell them apart."""
    namespace, tag, content = tree
    if content is None or content in (("text", ""), ("children", []), ("opaque", b"")):
        return (namespace, tag, None)
    if content[0] == "children":
        return (namespace, tag, ("children", [normalize(child, opaque_as_text) for child in content[1]]))
    if content[0] == "opaque" and opaque_as_text:
        return (namespace, tag, ("text", base64.b64encode(content[1]).decode("ascii")))
    return (namespace, tag, content)


def from_xml(text, peer=None):
    """Almanac's or libwbxml's XML form → tree, peer spellings mapped to MS-ASWBXML's."""
    aliases = KNOWN_DIFFERENCES.get(peer, {"name": {}, "namespace": {}})
    names = {(ns, other): tag for (ns, tag), other in aliases["name"].items()}
    namespaces = {other: spec for spec, other in aliases["namespace"].items()}

    def convert(element):
        namespace, tag = element.tag[1:].split("}")
        namespace = namespaces.get(namespace.rstrip(":"), namespace.rstrip(":"))
        tag = names.get((namespace, tag), tag)
        if (namespace, tag) not in BY_NAME:
            raise AssertionError(f"{peer or 'almanac'} wrote {namespace}:{tag}, not an MS-ASWBXML tag")
        children = [convert(child) for child in element]
        if children:
            return (namespace, tag, ("children", children))
        if element.get("opaque") == "base64":
            return (namespace, tag, ("opaque", base64.b64decode(element.text or "")))
        return (namespace, tag, ("text", element.text) if element.text is not None else None)

    return convert(ET.fromstring(text))


def to_libwbxml_xml(tree):
    """A tree in libwbxml's dialect: its tag spellings, OPAQUE as base64 text, its DOCTYPE."""
    aliases = KNOWN_DIFFERENCES["libwbxml"]
    root_namespace = tree[0]

    def render(node, parent_namespace):
        namespace, tag, content = node
        name = aliases["name"].get((namespace, tag), tag)
        shown = aliases["namespace"].get(namespace, namespace)
        xmlns = f' xmlns="{shown}:"' if namespace != parent_namespace else ""
        if content is None:
            return f"<{name}{xmlns}/>"
        kind, value = content
        if kind == "children":
            inner = "".join(render(child, namespace) for child in value)
        elif kind == "opaque":
            inner = base64.b64encode(value).decode("ascii")
        else:
            inner = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f"<{name}{xmlns}>{inner}</{name}>"

    return DOCTYPE + render(tree, None if root_namespace else "")


def almanac(command, data):
    result = subprocess.run([BINARY, "wbxml", command], input=data, capture_output=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"almanac wbxml {command}: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def libwbxml_decode(body):
    with tempfile.TemporaryDirectory() as folder:
        source, target = os.path.join(folder, "in.wbxml"), os.path.join(folder, "out.xml")
        with open(source, "wb") as file:
            file.write(body)
        result = subprocess.run(["wbxml2xml", "-l", "ACTIVESYNC", "-m", "0", "-k", "-o", target, source],
                                capture_output=True, timeout=60)
        if result.returncode != 0 or not os.path.exists(target):
            raise AssertionError(f"wbxml2xml: {(result.stdout + result.stderr).decode(errors='replace').strip()}")
        with open(target, "rb") as file:
            return file.read()


def libwbxml_encode(xml):
    with tempfile.TemporaryDirectory() as folder:
        source, target = os.path.join(folder, "in.xml"), os.path.join(folder, "out.wbxml")
        with open(source, "w", encoding="utf-8") as file:
            file.write(xml)
        result = subprocess.run(["xml2wbxml", "-a", "-n", "-k", "-v", "1.3", "-o", target, source],
                                capture_output=True, timeout=60)
        if result.returncode != 0 or not os.path.exists(target):
            raise AssertionError(f"xml2wbxml: {(result.stdout + result.stderr).decode(errors='replace').strip()}")
        with open(target, "rb") as file:
            return file.read()


def pyas_page_names():
    """pyactivesync's page name → page number, and its tag name → token per page."""
    return pyas_pages.PAGE_INDEX, {pyas_pages.PAGE_INDEX[page]: tags for page, tags in pyas_pages.CODEPAGES.items()}


def check_missing(peer, namespace, tag):
    missing = KNOWN_DIFFERENCES.get(peer, {"missing": set()})["missing"]
    if f"{namespace}:{tag}" in missing or f"{namespace}:*" in missing:
        raise KnownDifference(f"{peer} lacks {namespace}:{tag}")
    raise AssertionError(f"{peer} lacks {namespace}:{tag}, which wbxml-crosscheck.known does not list")


def pyas_decode(body):
    """pyactivesync's reader → (tree, known gaps); its fallback names (pageN, 0xNN) resolve through
    MS-ASWBXML only when wbxml-crosscheck.known lists that page or tag as missing from pyactivesync."""
    pages, tokens = pyas_page_names()
    numbers = {name: number for name, number in pages.items()}
    names = {(ns, other): tag for (ns, tag), other in KNOWN_DIFFERENCES["pyactivesync"]["name"].items()}
    unexplained = []

    def convert(node):
        path, _, children = node
        page_name, tag = path.split(".", 1)
        number = int(page_name[4:]) if page_name.startswith("page") else numbers[page_name]
        spec_page = next(page for (page_number, _), (page, _) in BY_TOKEN.items() if page_number == number)
        if tag.startswith("0x"):
            # pyactivesync's table has no name for this token: MS-ASWBXML's, if the gap is known.
            spec_tag = BY_TOKEN[(number, int(tag, 16))][1]
            try:
                check_missing("pyactivesync", spec_page, spec_tag)
            except KnownDifference as difference:
                unexplained.append(difference)
        else:
            spec_tag = names.get((spec_page, tag), tag)
            if BY_NAME.get((spec_page, spec_tag)) != (number, tokens[number][tag] & 0x3F):
                raise AssertionError(f"pyactivesync's {page_name}.{tag} is not MS-ASWBXML's {spec_page}:{spec_tag}")
        texts = [value for name, value, _ in children if name == "#text"]
        opaques = [value for name, value, _ in children if name == "#opaque"]
        elements = [convert(child) for child in children if not child[0].startswith("#")]
        if elements:
            content = ("children", elements)
        elif opaques:
            content = ("opaque", b"".join(opaques))
        elif texts:
            content = ("text", "".join(texts))
        else:
            content = None
        return (spec_page, spec_tag, content)

    nodes = pyas.WBXMLReader(body).parse()
    if len(nodes) != 1:
        raise AssertionError(f"pyactivesync read {len(nodes)} root elements")
    return convert(nodes[0]), unexplained


def pyas_decode_check(body, expected):
    """The whole tree must match, tags pyactivesync cannot name included (resolved by their token);
    a match that needed such tags is a known difference, not a pass."""
    tree, missing = pyas_decode(body)
    if normalize(tree) != normalize(expected):
        return "trees differ"
    if missing:
        raise KnownDifference(f"tree matches, but pyactivesync names {len(missing)} tags only by token "
                              f"(first: {str(missing[0]).removeprefix('pyactivesync lacks ')})")
    return True


def pyas_encode(tree):
    """The tree through pyactivesync's writer (its page and tag names)."""
    aliases = KNOWN_DIFFERENCES["pyactivesync"]
    pages, tokens = pyas_page_names()

    def builder(node):
        namespace, tag, content = node
        page = aliases["namespace"].get(namespace, namespace)
        name = aliases["name"].get((namespace, tag), tag)
        if page not in pages or name not in tokens[pages[page]]:
            check_missing("pyactivesync", namespace, tag)
        if content is None:
            return pyas.wtag(page, name)
        kind, value = content
        if kind == "children":
            return pyas.wtag(page, name, children=[builder(child) for child in value])
        if kind == "opaque":
            return pyas.wtag(page, name, opaque=value)
        return pyas.wtag(page, name, text=value)

    writer = pyas.WBXMLWriter()
    builder(tree)(writer)
    return writer.render()


def main():
    if not os.access(BINARY, os.X_OK):
        print(f"wbxml-crosscheck: no almanac binary at {BINARY} (swift build first)")
        return 1
    names = sorted(name[:-6] for name in os.listdir(CORPUS) if name.endswith(".wbxml"))
    passed, failed, known = 0, 0, 0
    libwbxml_opaque = KNOWN_DIFFERENCES["libwbxml"]["opaque-as-text"]
    for name in names:
        with open(os.path.join(CORPUS, name + ".wbxml"), "rb") as file:
            body = file.read()
        with open(os.path.join(CORPUS, name + ".xml"), "rb") as file:
            xml = file.read()
        expected = from_xml(xml)
        checks = [
            ("almanac decode = corpus .xml", lambda: almanac("decode", body) == xml or "differs from the .xml"),
            ("almanac encode = corpus .wbxml", lambda: almanac("encode", xml) == body or "differs from the .wbxml"),
            ("almanac → libwbxml", lambda: normalize(from_xml(libwbxml_decode(almanac("encode", xml)), "libwbxml"),
                                                     libwbxml_opaque) == normalize(expected, libwbxml_opaque)),
            ("libwbxml → almanac", lambda: normalize(from_xml(almanac("decode", libwbxml_encode(
                to_libwbxml_xml(expected)))), libwbxml_opaque) == normalize(expected, libwbxml_opaque)),
            ("almanac → pyactivesync", lambda: pyas_decode_check(almanac("encode", xml), expected)),
            ("pyactivesync → almanac", lambda: pyas_round(expected, body)),
        ]
        for label, check in checks:
            try:
                outcome = check()
                if outcome is True:
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {name}: {label}: {outcome if isinstance(outcome, str) else 'trees differ'}")
            except KnownDifference as difference:
                known += 1
                print(f"known {name}: {label}: {difference}")
            except Exception as error:  # noqa: BLE001 - report every failure by body and direction
                failed += 1
                print(f"FAIL {name}: {label}: {type(error).__name__}: {error}")
    print(f"wbxml-crosscheck: {passed} passed, {failed} failed, {known} known differences "
          f"({len(names)} corpus bodies, libwbxml and pyactivesync 0.17.0, both directions)")
    return 1 if failed else 0


def pyas_round(expected, body):
    encoded = pyas_encode(expected)
    decoded = from_xml(almanac("decode", encoded))
    if normalize(decoded) != normalize(expected):
        return "trees differ"
    return encoded == body or "pyactivesync's bytes differ from the corpus .wbxml"


if __name__ == "__main__":
    sys.exit(main())
