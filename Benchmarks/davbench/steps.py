"""The steps every collection goes through, whatever it holds.

`CollectionRun` PUTs the items one by one, lists their ETags (PROPFIND
Depth 1), fetches them all with the kind's multiget REPORT, and runs
sync-collection from scratch and after one change. A benchmark subclasses
it for its kind (media type, multiget body, data property, how an item is
changed) and adds its own steps (a query, concurrent GETs).
"""

import random
import statistics
import sys
import time
from pathlib import Path

from .client import DAV, parse_multistatus, propfind_body, sync_collection_body

XML = {"Content-Type": "application/xml; charset=utf-8"}


def log(message: str):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def pct(values, q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class CollectionRun:
    """One server's figures, problems and notes over one collection of items.

    Items have `name` (the resource name inside the collection) and `body`.
    Subclasses set the class attributes below and `steps()`.
    """

    noun = "items"  # plural, in messages: "events", "cards"
    media = {"Content-Type": "application/octet-stream"}  # of a PUT body
    multiget_name = "multiget"  # the REPORT's element, in messages
    data_tag = ""  # the multiget's data property, e.g. {urn:ietf:params:xml:ns:caldav}calendar-data
    data_prefix = ""  # how its text starts, e.g. BEGIN:VCALENDAR

    def __init__(self, server, items, args):
        self.server, self.items, self.args = server, items, args
        self.figures = {}
        self.problems = []
        self.stored = []  # items the server accepted

    def problem(self, text: str):
        log(f"{self.server.name}: PROBLEM {text}")
        self.problems.append(text)

    def href(self, item) -> str:
        return self.server.collection + item.name

    def multiget_body(self, hrefs) -> str:
        raise NotImplementedError

    def changed(self, item, revision: int) -> str:
        """The item's body, changed (revision 1, 2, …) so that its ETag changes."""
        raise NotImplementedError

    def steps(self) -> list:
        return [self.put_all, self.etag_listing, self.multiget, self.sync]

    # PUT ------------------------------------------------------------------
    def put_all(self):
        dav = self.server.client()
        times = []
        cpu0 = self.server.cpu_seconds()
        began = time.monotonic()
        for item in self.items:
            if time.monotonic() - began > self.args.put_budget:
                self.problem(
                    f"PUT phase capped by --put-budget {self.args.put_budget:.0f} s after {len(times)} of {len(self.items)} {self.noun}"
                )
                break
            reply = dav.request("PUT", self.href(item), item.body, {**self.media, "If-None-Match": "*"})
            if reply.status not in (200, 201, 204):
                if len([p for p in self.problems if p.startswith("PUT")]) < 5:
                    self.problem(f"PUT {item.name} -> {reply.status} {reply.body[:200]!r}")
                continue
            times.append(reply.seconds * 1000)
            self.stored.append(item)
            if len(times) % 1000 == 0:
                log(f"{self.server.name}: {len(times)} PUTs, last 1000 p50 {pct(times[-1000:], 50):.2f} ms")
        wall = time.monotonic() - began
        cpu = self.server.cpu_seconds() - cpu0
        dav.close()
        rest = self.items[len(times) :] if len(times) < len(self.items) and len(self.stored) == len(times) else []
        if rest and self.server.can_bulk_fill:
            # So that the read measures still see N items: write the rest
            # straight into the peer's storage while it is stopped.
            log(f"{self.server.name}: writing the other {len(rest)} {self.noun} into its storage directly")
            self.server.stop(keep=True)
            self.server.bulk_fill(rest)
            self.server.start()
            self.stored += rest
            self.figures["bulk_filled"] = len(rest)
        tail = times[-1000:]
        self.figures.update(
            {
                "put_count": len(times),
                "put_mean_ms": statistics.fmean(times) if times else float("nan"),
                "put_p50_ms": pct(times, 50),
                "put_p99_ms": pct(times, 99),
                "put_last1000_p99_ms": pct(tail, 99),
                "put_last1000_p50_ms": pct(tail, 50),
                "put_cpu_ms": cpu * 1000 / max(1, len(times)),
                "put_wall_s": wall,
            }
        )

    def timed(self, method: str, body: str, runs: int):
        """`runs` identical Depth 1 requests on the collection over one connection: their times in
        ms and the last reply."""
        dav = self.server.client()
        times = []
        for _ in range(runs):
            reply = dav.request(method, self.server.collection, body, {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        dav.close()
        return times, reply

    def query(self, name: str, body: str):
        """A query REPORT (median of 5) whose matching members are compared with the stored items
        marked `in_query`; records query_ms, query_matches and query_expected and returns
        (got, expected) as sets of names, or None when the server refused it."""
        times, reply = self.timed("REPORT", body, 5)
        if reply.status != 207:
            self.problem(f"{name} -> {reply.status} {reply.body[:200]!r}")
            return None
        entries, _ = parse_multistatus(reply.body)
        collection = self.server.collection.rstrip("/")
        got = {e.href.rsplit("/", 1)[-1] for e in entries if e.ok and e.href.rstrip("/") != collection}
        expected = {item.name for item in self.stored if item.in_query}
        self.figures["query_ms"] = statistics.median(times)
        self.figures["query_matches"] = len(got)
        self.figures["query_expected"] = len(expected)
        return got, expected

    # PROPFIND Depth 1 -----------------------------------------------------
    def etag_listing(self):
        times, reply = self.timed("PROPFIND", propfind_body("<D:getetag/>"), 5)
        if reply.status != 207:
            self.problem(f"PROPFIND Depth 1 -> {reply.status} {reply.body[:200]!r}")
            return
        entries, _ = parse_multistatus(reply.body)
        members = [e for e in entries if e.href.rstrip("/") != self.server.collection.rstrip("/")]
        with_etag = [e for e in members if f"{DAV}getetag" in e.props]
        if len(with_etag) != len(self.stored):
            self.problem(f"PROPFIND Depth 1 listed {len(with_etag)} etags for {len(self.stored)} stored {self.noun}")
        self.figures["propfind_ms"] = statistics.median(times)
        self.figures["propfind_bytes"] = len(reply.body)

    # multiget REPORT ------------------------------------------------------
    def multiget(self):
        body = self.multiget_body(self.href(e) for e in self.stored)
        times, reply = self.timed("REPORT", body, 3)
        if reply.status != 207:
            self.problem(f"{self.multiget_name} -> {reply.status} {reply.body[:200]!r}")
            return
        entries, _ = parse_multistatus(reply.body)
        with_data = [e for e in entries if e.props.get(self.data_tag, "").startswith(self.data_prefix)]
        if len(with_data) != len(self.stored):
            data_name = self.data_tag.rsplit("}", 1)[-1]
            self.problem(f"{self.multiget_name} returned {len(with_data)} {data_name} for {len(self.stored)} hrefs")
        self.figures["multiget_ms"] = statistics.median(times)
        self.figures["multiget_bytes"] = len(reply.body)

    # sync-collection (RFC 6578) ---------------------------------------------
    def sync(self):
        dav = self.server.client()
        times, token = [], None
        for _ in range(5):
            reply = dav.request("REPORT", self.server.collection, sync_collection_body(""), {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        if reply.status != 207:
            self.problem(f"sync-collection initial -> {reply.status} {reply.body[:200]!r}")
            dav.close()
            return
        entries, token = parse_multistatus(reply.body)
        if len([e for e in entries if e.ok]) != len(self.stored):
            self.problem(f"sync-collection initial listed {len(entries)} members for {len(self.stored)} stored {self.noun}")
        self.figures["sync_initial_ms"] = statistics.median(times)
        rng = random.Random(7)
        times = []
        for revision in range(1, 6):
            item = rng.choice(self.stored)
            put = dav.request("PUT", self.href(item), self.changed(item, revision), self.media)
            if put.status not in (200, 201, 204):
                self.problem(f"PUT (change) {item.name} -> {put.status} {put.body[:200]!r}")
            reply = dav.request("REPORT", self.server.collection, sync_collection_body(token), {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
            if reply.status != 207:
                self.problem(f"sync-collection incremental -> {reply.status} {reply.body[:200]!r}")
                break
            entries, token = parse_multistatus(reply.body)
            names = [e.href.rsplit("/", 1)[-1] for e in entries]
            if names != [item.name]:
                self.problem(f"incremental sync after changing {item.name} listed {names[:5]} ({len(names)} entries)")
        dav.close()
        self.figures["sync_incremental_ms"] = statistics.median(times)

    def run(self):
        for step in self.steps():
            if not self.stored and step != self.put_all:
                break
            log(f"{self.server.name}: {step.__name__} (load {loadavg()})")
            try:
                step()
            except Exception as error:  # a failed step is reported, the others still run
                self.problem(f"{step.__name__} failed: {type(error).__name__}: {error}")
        self.figures["stored"] = len(self.stored)
        self.figures["peak_rss_mib"] = self.server.peak_rss_mib()
