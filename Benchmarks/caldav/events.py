"""The benchmark's calendar: N deterministic events and the answer a correct
server gives to the one-month query.

Every event falls in 2026. One in ten recurs (RRULE weekly or monthly, ended
by COUNT, by UNTIL or not at all); a third of those also carry an EXDATE and
an overridden instance (a second VEVENT with RECURRENCE-ID, moved by a few
days). Most events are timed in UTC; some use TZID=Europe/Berlin with its
VTIMEZONE, some are all-day (VALUE=DATE, one to three days). Timed events
start between 08:00 and 17:45 and last at most two hours, so every instance
stays inside one calendar day in UTC and in Berlin: the expected matches of a
time range on whole UTC days can be computed from dates alone.
"""

import calendar
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# RFC 4791 §9.9 time range of the one-month query: June 2026, UTC.
QUERY_START = date(2026, 6, 1)
QUERY_END = date(2026, 7, 1)  # exclusive
FIRST_DAY = date(2026, 1, 5)
SPAN_DAYS = 350
HORIZON = date(2027, 12, 31)  # an open-ended rule is expanded up to here

CRLF = "\r\n"

VTIMEZONE_BERLIN = CRLF.join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
)

WORDS = (
    "budget review planning sync design standup retro quarterly offsite "
    "customer call interview lunch training demo release audit workshop"
).split()


@dataclass
class Event:
    index: int
    name: str  # resource name inside the calendar collection
    uid: str
    body: str
    in_query: bool  # a correct server returns it for the one-month query
    recurring: bool
    exceptions: bool


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _instances(start: date, freq: str, count, until) -> list:
    out = []
    k = 0
    while True:
        day = start + timedelta(days=7 * k) if freq == "WEEKLY" else add_months(start, k)
        if day > HORIZON or (count is not None and k >= count) or (until is not None and day > until):
            return out
        out.append(day)
        k += 1


def _overlaps(day: date, length: int) -> bool:
    return day < QUERY_END and day + timedelta(days=length) > QUERY_START


class _Writer:
    """Formats DTSTART-like properties for one event's style."""

    def __init__(self, style: str, hour: int, minute: int, minutes: int, days: int):
        self.style, self.hour, self.minute = style, hour, minute
        self.minutes, self.days = minutes, days

    def stamp(self, day: date) -> str:
        if self.style == "allday":
            return day.strftime("%Y%m%d")
        moment = datetime(day.year, day.month, day.day, self.hour, self.minute)
        return moment.strftime("%Y%m%dT%H%M%S") + ("Z" if self.style == "utc" else "")

    def end(self, day: date) -> str:
        if self.style == "allday":
            return (day + timedelta(days=self.days)).strftime("%Y%m%d")
        moment = datetime(day.year, day.month, day.day, self.hour, self.minute)
        moment += timedelta(minutes=self.minutes)
        return moment.strftime("%Y%m%dT%H%M%S") + ("Z" if self.style == "utc" else "")

    def prop(self, name: str, value: str) -> str:
        if self.style == "allday":
            return f"{name};VALUE=DATE:{value}"
        if self.style == "tz":
            return f"{name};TZID=Europe/Berlin:{value}"
        return f"{name}:{value}"

    def until(self, day: date) -> str:
        # RFC 5545 §3.3.10: UNTIL is a DATE for DATE starts, else UTC.
        return day.strftime("%Y%m%d") if self.style == "allday" else day.strftime("%Y%m%dT235959Z")


def _fold(line: str) -> str:
    # RFC 5545 §3.1: lines longer than 75 octets are folded (ASCII here).
    parts = [line[:75]]
    rest = line[75:]
    while rest:
        parts.append(" " + rest[:74])
        rest = rest[74:]
    return CRLF.join(parts)


def make_event(index: int, seed: int) -> Event:
    rng = random.Random(seed * 1_000_003 + index)
    recurring = index % 10 == 0
    exceptions = recurring and (index // 10) % 3 == 0
    if recurring:
        style = rng.choice(["utc", "utc", "tz", "allday"])
    else:
        roll = rng.random()
        style = "allday" if roll < 0.05 else "tz" if roll < 0.10 else "utc"
    start = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    writer = _Writer(
        style,
        hour=rng.randrange(8, 18),
        minute=rng.choice([0, 15, 30, 45]),
        minutes=rng.choice([30, 45, 60, 90, 120]),
        days=rng.randint(1, 3) if style == "allday" else 1,
    )
    length = writer.days if style == "allday" else 1
    uid = f"bench-{seed}-{index:05d}@almanac.test"
    summary = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} #{index}"
    description = " ".join(rng.choice(WORDS) for _ in range(30))

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//CalDAV benchmark//EN"]
    if style == "tz":
        lines.append(VTIMEZONE_BERLIN)
    master = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260101T000000Z",
        writer.prop("DTSTART", writer.stamp(start)),
        writer.prop("DTEND", writer.end(start)),
    ]
    days = [start]
    override = []
    if recurring:
        freq = rng.choice(["WEEKLY", "MONTHLY"])
        if freq == "MONTHLY" and start.day > 28:
            start = start.replace(day=28)
            master[3:5] = [writer.prop("DTSTART", writer.stamp(start)), writer.prop("DTEND", writer.end(start))]
        ending = rng.choice(["count", "until", "none"])
        count = rng.randint(4, 30) if ending == "count" else None
        until = start + timedelta(days=rng.randint(30, 300)) if ending == "until" else None
        rule = f"RRULE:FREQ={freq}"
        if count is not None:
            rule += f";COUNT={count}"
        if until is not None:
            rule += f";UNTIL={writer.until(until)}"
        master.append(rule)
        days = _instances(start, freq, count, until)
        if exceptions and len(days) >= 3:
            picks = rng.sample(range(1, len(days)), 2)
            rid, exdate = days[picks[0]], days[picks[1]]
            master.append(writer.prop("EXDATE", writer.stamp(exdate)))
            moved = rid + timedelta(days=rng.choice([-3, -2, -1, 1, 2, 3]))
            override = [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                "DTSTAMP:20260101T000000Z",
                writer.prop("RECURRENCE-ID", writer.stamp(rid)),
                writer.prop("DTSTART", writer.stamp(moved)),
                writer.prop("DTEND", writer.end(moved)),
                f"SUMMARY:{summary} (moved)",
                "SEQUENCE:1",
                "END:VEVENT",
            ]
            days = [d for d in days if d not in (rid, exdate)] + [moved]
        else:
            exceptions = False
    master += [
        f"SUMMARY:{summary}",
        f"LOCATION:Room {rng.randint(1, 40)}, Building {rng.choice('ABCD')}",
        f"DESCRIPTION:{description}",
        "SEQUENCE:0",
        "END:VEVENT",
    ]
    lines += master + override + ["END:VCALENDAR"]
    body = CRLF.join(_fold(line) if "\r\n" not in line else line for line in lines) + CRLF
    return Event(
        index=index,
        name=f"ev-{index:05d}.ics",
        uid=uid,
        body=body,
        in_query=any(_overlaps(d, length) for d in days),
        recurring=recurring,
        exceptions=exceptions,
    )


def make_events(count: int, seed: int = 1) -> list:
    return [make_event(i, seed) for i in range(count)]


def changed(event: Event, revision: int) -> str:
    """The event's body with its SUMMARY and SEQUENCE changed (times kept)."""
    out = []
    seen_summary = False
    for line in event.body.split(CRLF):
        if line.startswith("SUMMARY:") and not seen_summary:
            line = f"{line} (edit {revision})"
            seen_summary = True
        elif line == "SEQUENCE:0":
            line = f"SEQUENCE:{revision}"
        out.append(line)
    return CRLF.join(out)
