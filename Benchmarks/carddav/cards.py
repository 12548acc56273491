"""The benchmark's address book: N deterministic vCard 3.0 contacts and the
answer a correct server gives to the e-mail query.

Each card has a UID, FN and N (given and family names from many scripts and
alphabets: Zoë Dvořák, Łukasz Nguyễn, 田中 太郎, Сергей Иванов), one to three
EMAIL, one or two TEL, an ADR; most have an ORG and TITLE (a work address at
the organisation's domain), some a NOTE (with escaped commas and line
breaks) or a BDAY. One in twenty carries an inline PHOTO: a base64 JPEG of
5-30 KB whose bytes are made up (JFIF header, quantisation and Huffman
tables, a start of scan, then filler entropy-coded data and EOI), so it is
well-formed base64 of something JPEG-shaped, not a picture.

The query (RFC 6352 §10.5): prop-filter EMAIL, text-match contains
QUERY_TEXT. The text is only in the e-mail addresses of the people at one
organisation (and, as a decoy, in some NOTEs and in that organisation's
ORG, which the filter must not look at), all in lower case, so the expected
matches do not depend on the collation.
"""

import base64
import random
import uuid
from dataclasses import dataclass

CRLF = "\r\n"
QUERY_TEXT = "nordwind-logistik.example"
PHOTO_EVERY = 20  # one card in PHOTO_EVERY has a PHOTO
PHOTO_BYTES = (5 * 1024, 30 * 1024)

# (as written, as in an e-mail address)
GIVEN = [
    ("José", "jose"), ("Zoë", "zoe"), ("Łukasz", "lukasz"), ("Søren", "soren"), ("François", "francois"),
    ("Ólafur", "olafur"), ("Anna", "anna"), ("Mei", "mei"), ("Jürgen", "juergen"), ("Chloé", "chloe"),
    ("Mateus", "mateus"), ("Aylin", "aylin"), ("Niamh", "niamh"), ("Oğuz", "oguz"), ("Ingrid", "ingrid"),
    ("Raúl", "raul"), ("Thomas", "thomas"), ("Priya", "priya"), ("Siobhán", "siobhan"), ("Ewa", "ewa"),
    ("Björn", "bjorn"), ("Amélie", "amelie"), ("Kwame", "kwame"), ("Hana", "hana"), ("David", "david"),
]
FAMILY = [
    ("Müller", "mueller"), ("Dvořák", "dvorak"), ("García", "garcia"), ("Nguyễn", "nguyen"), ("O'Brien", "obrien"),
    ("Åström", "astrom"), ("Smith", "smith"), ("Kowalski", "kowalski"), ("Çelik", "celik"), ("Brontë", "bronte"),
    ("Schröder", "schroeder"), ("Novák", "novak"), ("Žukauskas", "zukauskas"), ("Ferreira", "ferreira"),
    ("Lefèvre", "lefevre"), ("Okafor", "okafor"), ("Sørensen", "sorensen"), ("Jansen", "jansen"), ("Weiß", "weiss"),
]
# (family, given, ascii family, ascii given): whole names in other scripts.
OTHER_SCRIPTS = [
    ("田中", "太郎", "tanaka", "taro"),
    ("王", "秀英", "wang", "xiuying"),
    ("Иванов", "Сергей", "ivanov", "sergei"),
    ("Παπαδόπουλος", "Γιώργος", "papadopoulos", "giorgos"),
    ("כהן", "נועה", "cohen", "noa"),
    ("김", "민준", "kim", "minjun"),
]
# (ORG value, its mail domain); the first one's domain is QUERY_TEXT.
ORGS = [
    ("Nordwind Logistik GmbH;Einkauf", QUERY_TEXT),
    ("Almanac Example Ltd;Engineering", "almanac-example.test"),
    ("Café Rösterei Åhus AB", "rosteri.example"),
    ("Universidad de Ejemplo;Facultad de Física", "uni-ejemplo.example"),
    ("Bäckerei Schmidt & Söhne", "baeckerei.example"),
    ("Société Générale d'Exemple", "sge.example"),
    ("Globex Corporation;Sales", "globex.example"),
    ("Initech;TPS", "initech.example"),
    ("Stadtwerke Beispielstadt", "stadtwerke.example"),
    ("Krankenhaus St. Georg;Radiologie", "kh-georg.example"),
    ("Oceanic Airlines", "oceanic.example"),
    ("Østfold Energi AS", "ostfold.example"),
]
PERSONAL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "posteo.example", "web.example"]
TITLES = ["Einkäuferin", "Engineer", "Head of Sales", "Dozentin", "Bäckermeister", "Chargé d'affaires", "Nurse", "Pilot"]
STREETS = [
    ("Hauptstraße", "Berlin", "10115", "Deutschland"),
    ("Rue de la Paix", "Paris", "75002", "France"),
    ("Calle Mayor", "Madrid", "28013", "España"),
    ("Storgatan", "Malmö", "211 34", "Sverige"),
    ("Main Street", "Springfield", "62701", "USA"),
    ("ul. Długa", "Gdańsk", "80-827", "Polska"),
    ("Václavské náměstí", "Praha", "110 00", "Česko"),
    ("Karl Johans gate", "Oslo", "0154", "Norge"),
]
NOTE_WORDS = "met at the trade fair, call back in spring; prefers e-mail. Kinder: zwei. Allergie: Nüsse".split()


@dataclass
class Card:
    index: int
    name: str  # resource name inside the address book
    uid: str
    body: str
    emails: list
    photo: bool
    in_query: bool  # a correct server returns it for the e-mail query


def escape(text: str) -> str:
    """A TEXT value (RFC 2426 §4: backslash, comma, semicolon, newline)."""
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 2425 §5.8.1: lines of at most 75 octets, never splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(len(data), start + limit)
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character: back off
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation line starts with one space
    return (CRLF + " ").join(parts)


def jpeg_bytes(rng: random.Random, size: int) -> bytes:
    """`size` bytes shaped like a baseline JFIF file (not a decodable picture)."""
    width, height = rng.randrange(96, 481, 8), rng.randrange(96, 481, 8)
    head = bytearray(b"\xff\xd8")  # SOI
    head += b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00"  # APP0
    head += b"\xff\xdb\x00\x43\x00" + bytes(rng.randint(1, 60) for _ in range(64))  # DQT
    head += b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big")  # SOF0
    head += b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    # DHT: the standard luminance DC table (ITU T.81 Table K.3).
    head += b"\xff\xc4\x00\x1f\x00" + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(12))
    head += b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"  # SOS
    # Entropy-coded filler without 0xFF, so no marker appears before EOI.
    filler = rng.randbytes(max(0, size - len(head) - 2)).replace(b"\xff", b"\xfe")
    return bytes(head) + filler + b"\xff\xd9"  # EOI


def make_card(index: int, seed: int) -> Card:
    rng = random.Random(seed * 1_000_003 + index)
    uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if rng.random() < 0.08:
        family, given, family_ascii, given_ascii = rng.choice(OTHER_SCRIPTS)
        fn = f"{family} {given}"
    else:
        (given, given_ascii), (family, family_ascii) = rng.choice(GIVEN), rng.choice(FAMILY)
        fn = f"{given} {family}"
    org = rng.choice(ORGS) if rng.random() < 0.7 else None
    locals_ = [f"{given_ascii}.{family_ascii}", f"{given_ascii[0]}{family_ascii}", f"{given_ascii}{rng.randint(1, 99)}"]
    emails = []
    count = rng.choice([1, 1, 2, 2, 3])
    if org is not None:
        emails.append((("INTERNET", "WORK"), f"{given_ascii}.{family_ascii}@{org[1]}"))
    while len(emails) < count:
        local = locals_[len(emails) % len(locals_)]
        emails.append((("INTERNET", "HOME"), f"{local}@{rng.choice(PERSONAL_DOMAINS)}"))
    if len(emails) > 1 and rng.random() < 0.5:
        emails[0] = (emails[0][0] + ("PREF",), emails[0][1])

    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Almanac//CardDAV benchmark//EN",
        f"UID:{uid}",
        f"FN:{escape(fn)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    if rng.random() < 0.1:
        lines.append(f"NICKNAME:{escape(given[:3])}")
    for types, address in emails:
        lines.append(f"EMAIL;TYPE={','.join(types)}:{address}")
    lines.append(f"TEL;TYPE=CELL:+49 15{rng.randint(1, 9)} {rng.randint(1000000, 9999999)}")
    if rng.random() < 0.5:
        lines.append(f"TEL;TYPE=WORK,VOICE:+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}")
    street, city, code, country = rng.choice(STREETS)
    street = f"{street} {rng.randint(1, 200)}"
    lines.append(f"ADR;TYPE={'WORK' if org else 'HOME'}:;;{escape(street)};{escape(city)};;{escape(code)};{escape(country)}")
    if org is not None:
        # ORG is structured: its components are separated by unescaped ';'.
        lines.append("ORG:" + ";".join(escape(part) for part in org[0].split(";")))
        lines.append(f"TITLE:{escape(rng.choice(TITLES))}")
    if rng.random() < 0.25:
        words = " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randint(5, 40)))
        if rng.random() < 0.2:
            words += "\nSaw the Nordwind Logistik stand, " + QUERY_TEXT  # a decoy for the EMAIL filter
        lines.append(f"NOTE:{escape(words)}")
    if rng.random() < 0.3:
        lines.append(f"BDAY:{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    photo = index % PHOTO_EVERY == PHOTO_EVERY - 1
    if photo:
        picture = jpeg_bytes(rng, rng.randint(*PHOTO_BYTES))
        lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(picture).decode("ascii"))
    lines += ["REV:2026-01-01T00:00:00Z", "END:VCARD"]
    body = CRLF.join(fold(line) for line in lines) + CRLF
    addresses = [address for _, address in emails]
    return Card(
        index=index,
        name=f"card-{index:05d}.vcf",
        uid=uid,
        body=body,
        emails=addresses,
        photo=photo,
        in_query=any(QUERY_TEXT in address.lower() for address in addresses),
    )


def make_cards(count: int, seed: int = 1) -> list:
    return [make_card(i, seed) for i in range(count)]


def changed(card: Card, revision: int) -> str:
    """The card with its REV moved on and a CATEGORIES line added (UID and FN kept)."""
    out = []
    for line in card.body.split(CRLF):
        if line.startswith("REV:"):
            out.append(f"CATEGORIES:Bench edit {revision}")
            line = f"REV:2026-02-{revision:02d}T00:00:00Z"
        out.append(line)
    return CRLF.join(out)
