#!/usr/bin/env python3
"""CalDAV benchmark: Almanac beside Radicale and Xandikos, one run, one table.

Each server is started on 127.0.0.1 with a temporary folder, one at a time,
given the same workload, and stopped:

  1. N events PUT one by one (If-None-Match: *): mean, p50, p99, and p99 of
     the last 1,000 PUTs ("at N items"); server CPU per PUT.
  2. PROPFIND Depth 1 of getetag on the calendar (median of 5).
  3. calendar-multiget of all N hrefs, getetag + calendar-data (median of 3).
  4. one-month calendar-query (VEVENT time-range, June 2026), getetag
     (median of 5), with the number of matches checked against the answer
     computed from the generated events.
  5. sync-collection: initial (empty token) and incremental after changing
     one event (median of 5 each).
  6. 16 concurrent clients GET random events for 10 s: requests/s, p50, p99.

Run with the venv's Python (see setup.sh):
  Benchmarks/caldav/.venv/bin/python Benchmarks/caldav/bench.py [--quick]
"""

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from client import (  # noqa: E402
    CALDAV,
    DAV,
    multiget_body,
    parse_multistatus,
    propfind_body,
    sync_collection_body,
    time_range_query_body,
)
from events import QUERY_END, QUERY_START, changed, make_events  # noqa: E402
from servers import REPO, Almanac, Radicale, Xandikos  # noqa: E402

XML = {"Content-Type": "application/xml; charset=utf-8"}
ICS = {"Content-Type": "text/calendar; charset=utf-8"}


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


class Run:
    """One server's figures, problems and notes."""

    def __init__(self, server, events, args):
        self.server, self.events, self.args = server, events, args
        self.figures = {}
        self.problems = []
        self.stored = []  # events the server accepted

    def problem(self, text: str):
        log(f"{self.server.name}: PROBLEM {text}")
        self.problems.append(text)

    def href(self, event) -> str:
        return self.server.calendar + event.name

    # 1 ------------------------------------------------------------------
    def put_all(self):
        dav = self.server.client()
        times = []
        cpu0 = self.server.cpu_seconds()
        began = time.monotonic()
        for event in self.events:
            if time.monotonic() - began > self.args.put_budget:
                self.problem(
                    f"PUT phase capped by --put-budget {self.args.put_budget:.0f} s after {len(times)} of {len(self.events)} events"
                )
                break
            reply = dav.request("PUT", self.href(event), event.body, {**ICS, "If-None-Match": "*"})
            if reply.status not in (200, 201, 204):
                if len([p for p in self.problems if p.startswith("PUT")]) < 5:
                    self.problem(f"PUT {event.name} -> {reply.status} {reply.body[:200]!r}")
                continue
            times.append(reply.seconds * 1000)
            self.stored.append(event)
            if len(times) % 1000 == 0:
                log(f"{self.server.name}: {len(times)} PUTs, last 1000 p50 {pct(times[-1000:], 50):.2f} ms")
        wall = time.monotonic() - began
        cpu = self.server.cpu_seconds() - cpu0
        dav.close()
        rest = self.events[len(times) :] if len(times) < len(self.events) and len(self.stored) == len(times) else []
        if rest and self.server.can_bulk_fill:
            # So that the read measures still see N events: write the rest
            # straight into the peer's storage while it is stopped.
            log(f"{self.server.name}: writing the other {len(rest)} events into its storage directly")
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

    # 2 ------------------------------------------------------------------
    def etag_listing(self):
        dav = self.server.client()
        times = []
        for _ in range(5):
            reply = dav.request("PROPFIND", self.server.calendar, propfind_body("<D:getetag/>"), {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        dav.close()
        if reply.status != 207:
            self.problem(f"PROPFIND Depth 1 -> {reply.status} {reply.body[:200]!r}")
            return
        entries, _ = parse_multistatus(reply.body)
        members = [e for e in entries if e.href.rstrip("/") != self.server.calendar.rstrip("/")]
        with_etag = [e for e in members if f"{DAV}getetag" in e.props]
        if len(with_etag) != len(self.stored):
            self.problem(f"PROPFIND Depth 1 listed {len(with_etag)} etags for {len(self.stored)} stored events")
        self.figures["propfind_ms"] = statistics.median(times)
        self.figures["propfind_bytes"] = len(reply.body)

    # 3 ------------------------------------------------------------------
    def multiget(self):
        dav = self.server.client()
        body = multiget_body(self.href(e) for e in self.stored)
        times = []
        for _ in range(3):
            reply = dav.request("REPORT", self.server.calendar, body, {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        dav.close()
        if reply.status != 207:
            self.problem(f"calendar-multiget -> {reply.status} {reply.body[:200]!r}")
            return
        entries, _ = parse_multistatus(reply.body)
        with_data = [e for e in entries if e.props.get(f"{CALDAV}calendar-data", "").startswith("BEGIN:VCALENDAR")]
        if len(with_data) != len(self.stored):
            self.problem(f"calendar-multiget returned {len(with_data)} calendar-data for {len(self.stored)} hrefs")
        self.figures["multiget_ms"] = statistics.median(times)
        self.figures["multiget_bytes"] = len(reply.body)

    # 4 ------------------------------------------------------------------
    def month_query(self):
        dav = self.server.client()
        start, end = QUERY_START.strftime("%Y%m%dT000000Z"), QUERY_END.strftime("%Y%m%dT000000Z")
        body = time_range_query_body(start, end)
        times = []
        for _ in range(5):
            reply = dav.request("REPORT", self.server.calendar, body, {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        dav.close()
        if reply.status != 207:
            self.problem(f"calendar-query -> {reply.status} {reply.body[:200]!r}")
            return
        entries, _ = parse_multistatus(reply.body)
        got = {e.href.rsplit("/", 1)[-1] for e in entries if e.ok and e.href.rstrip("/") != self.server.calendar.rstrip("/")}
        expected = {e.name for e in self.stored if e.in_query}
        self.figures["query_ms"] = statistics.median(times)
        self.figures["query_matches"] = len(got)
        self.figures["query_expected"] = len(expected)
        if got != expected:
            by_name = {e.name: e for e in self.stored}
            missing, extra = sorted(expected - got), sorted(got - expected)
            self.problem(
                f"calendar-query June 2026: {len(got)} matches, expected {len(expected)}; "
                f"missing {len(missing)} {missing[:5]}, extra {len(extra)} {extra[:5]}"
            )
            self.figures["query_missing"] = [(n, by_name[n].recurring, by_name[n].exceptions) for n in missing[:20]]
            self.figures["query_extra"] = [
                (n, by_name[n].recurring if n in by_name else None, by_name[n].exceptions if n in by_name else None)
                for n in extra[:20]
            ]

    # 5 ------------------------------------------------------------------
    def sync(self):
        dav = self.server.client()
        times, token = [], None
        for _ in range(5):
            reply = dav.request("REPORT", self.server.calendar, sync_collection_body(""), {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
        if reply.status != 207:
            self.problem(f"sync-collection initial -> {reply.status} {reply.body[:200]!r}")
            dav.close()
            return
        entries, token = parse_multistatus(reply.body)
        if len([e for e in entries if e.ok]) != len(self.stored):
            self.problem(f"sync-collection initial listed {len(entries)} members for {len(self.stored)} stored events")
        self.figures["sync_initial_ms"] = statistics.median(times)
        rng = random.Random(7)
        times = []
        for revision in range(1, 6):
            event = rng.choice(self.stored)
            put = dav.request("PUT", self.href(event), changed(event, revision), ICS)
            if put.status not in (200, 201, 204):
                self.problem(f"PUT (change) {event.name} -> {put.status} {put.body[:200]!r}")
            reply = dav.request("REPORT", self.server.calendar, sync_collection_body(token), {**XML, "Depth": "1"})
            times.append(reply.seconds * 1000)
            if reply.status != 207:
                self.problem(f"sync-collection incremental -> {reply.status} {reply.body[:200]!r}")
                break
            entries, token = parse_multistatus(reply.body)
            names = [e.href.rsplit("/", 1)[-1] for e in entries]
            if names != [event.name]:
                self.problem(f"incremental sync after changing {event.name} listed {names[:5]} ({len(names)} entries)")
        dav.close()
        self.figures["sync_incremental_ms"] = statistics.median(times)

    # 6 ------------------------------------------------------------------
    def concurrent_gets(self):
        hrefs = [self.href(e) for e in self.stored]
        clients, processes = self.args.clients, max(1, min(self.args.client_processes, self.args.clients))
        per = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        start_at = time.time() + 0.5
        workers = [
            context.Process(
                target=_get_worker, args=(self.server, hrefs, n, start_at, self.args.duration, 1000 + i, queue)
            )
            for i, n in enumerate(per)
        ]
        cpu0 = self.server.cpu_seconds()
        for worker in workers:
            worker.start()
        latencies, errors, bad = [], 0, []
        for _ in workers:
            lat, err, samples = queue.get(timeout=self.args.duration + 180)
            latencies += lat
            errors += err
            bad += samples
        for worker in workers:
            worker.join()
        cpu = self.server.cpu_seconds() - cpu0
        if errors:
            self.problem(f"concurrent GET: {errors} failed requests, e.g. {bad[:3]}")
        self.figures.update(
            {
                "get_rps": len(latencies) / self.args.duration,
                "get_p50_ms": pct(latencies, 50),
                "get_p99_ms": pct(latencies, 99),
                "get_cpu_ms": cpu * 1000 / max(1, len(latencies)),
            }
        )

    def run(self):
        steps = [self.put_all, self.etag_listing, self.multiget, self.month_query, self.sync, self.concurrent_gets]
        for step in steps:
            if not self.stored and step != self.put_all:
                break
            log(f"{self.server.name}: {step.__name__} (load {loadavg()})")
            try:
                step()
            except Exception as error:  # a failed step is reported, the others still run
                self.problem(f"{step.__name__} failed: {type(error).__name__}: {error}")
        self.figures["stored"] = len(self.stored)
        self.figures["peak_rss_mib"] = self.server.peak_rss_mib()


def _get_worker(server, hrefs, threads, start_at, duration, seed, queue):
    results = []
    lock = threading.Lock()

    def loop(thread_seed):
        rng = random.Random(thread_seed)
        dav = server.client(timeout=30)
        lat, errors, bad = [], 0, []
        while time.time() < start_at:
            time.sleep(0.001)
        deadline = start_at + duration
        while time.time() < deadline:
            href = rng.choice(hrefs)
            try:
                reply = dav.request("GET", href)
                if reply.status == 200 and reply.body.startswith(b"BEGIN:VCALENDAR"):
                    lat.append(reply.seconds * 1000)
                else:
                    errors += 1
                    bad.append(f"GET {href} -> {reply.status}")
            except Exception as error:
                errors += 1
                bad.append(f"GET {href} -> {type(error).__name__}")
                dav.close()
        dav.close()
        with lock:
            results.append((lat, errors, bad[:3]))

    pool = [threading.Thread(target=loop, args=(seed * 100 + i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    queue.put(([x for r in results for x in r[0]], sum(r[1] for r in results), [b for r in results for b in r[2]]))


# The table ------------------------------------------------------------------

ROWS = [
    # key, label, format, lower is better
    ("put_mean_ms", "PUT mean (ms)", "{:.2f}", True),
    ("put_p50_ms", "PUT p50 (ms)", "{:.2f}", True),
    ("put_p99_ms", "PUT p99 (ms)", "{:.2f}", True),
    ("put_last1000_p99_ms", "PUT p99 of last 1,000, at N items (ms)", "{:.2f}", True),
    ("put_cpu_ms", "server CPU per PUT (ms)", "{:.2f}", True),
    ("propfind_ms", "PROPFIND Depth 1 getetag (ms, median of 5)", "{:.1f}", True),
    ("multiget_ms", "calendar-multiget all, etag+data (ms, median of 3)", "{:.1f}", True),
    ("query_ms", "one-month calendar-query (ms, median of 5)", "{:.1f}", True),
    ("query_matches", "  matches (expected: see below)", "{:d}", None),
    ("sync_initial_ms", "sync-collection initial (ms, median of 5)", "{:.1f}", True),
    ("sync_incremental_ms", "sync-collection incremental (ms, median of 5)", "{:.2f}", True),
    ("get_rps", "16 clients GET random (req/s)", "{:.0f}", False),
    ("get_p50_ms", "  GET p50 (ms)", "{:.2f}", True),
    ("get_p99_ms", "  GET p99 (ms)", "{:.2f}", True),
    ("get_cpu_ms", "  server CPU per GET (ms)", "{:.3f}", True),
    ("peak_rss_mib", "server peak RSS (MiB)", "{:.0f}", True),
]


def render(runs, args, loads) -> str:
    first, peers = runs[0], runs[1:]
    header = ["measure", first.server.name] + [r.server.name for r in peers] + [f"{first.server.name}/{r.server.name}" for r in peers]
    lines = [header]
    for key, label, fmt, _ in ROWS:
        row = [label.replace("N items", f"{args.events:,} items")]
        values = [r.figures.get(key) for r in runs]
        for run, value in zip(runs, values):
            text = "—" if value is None else fmt.format(value)
            count = run.figures.get("put_count" if key.startswith("put") else "stored", args.events)
            if count < args.events and value is not None and key != "peak_rss_mib":
                text += f" @{count}"
            row.append(text)
        for value in values[1:]:
            if key == "query_matches" or values[0] is None or value in (None, 0):
                row.append("")
            else:
                row.append(f"{values[0] / value:.2f}")
        lines.append(row)
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        cells = [str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(line)]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    expected = runs[0].figures.get("query_expected")
    out.append("")
    out.append(f"Ratios are {first.server.name} ÷ peer: below 1 means {first.server.name} is faster, except req/s (above 1 is faster).")
    out.append(f"One-month query expected matches (computed from the generated events): {expected}")
    out.append("A figure marked @K was measured over K events (PUT phase capped by --put-budget).")
    for run in runs:
        if run.figures.get("bulk_filled"):
            out.append(
                f"{run.server.name}: PUTs capped at {run.figures['put_count']}; the other {run.figures['bulk_filled']} "
                "events were written into its storage directly (server stopped), so the read measures see all of them."
            )
    out.append("Load average (1/5/15 min) at each server's start: " + "; ".join(f"{n} {l}" for n, l in loads))
    return "\n".join(out)


def targets(run, args) -> str:
    f = run.figures
    checks = [
        (f"PUT p99 at {args.events:,} items < 5 ms", f.get("put_last1000_p99_ms"), 5),
        ("incremental sync < 20 ms", f.get("sync_incremental_ms"), 20),
        ("full etag listing < 200 ms", f.get("propfind_ms"), 200),
        ("one-month query < 50 ms", f.get("query_ms"), 50),
    ]
    lines = [f"{run.server.name} targets:"]
    for label, value, limit in checks:
        verdict = "n/a" if value is None else ("met" if value < limit else "MISSED")
        lines.append(f"  {label}: {'—' if value is None else f'{value:.2f} ms'} -> {verdict}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="smoke run: 500 events, 3 s of concurrent GETs")
    parser.add_argument("--servers", default="almanac,radicale,xandikos", help="comma-separated, Almanac first")
    parser.add_argument("--almanac-bin", type=Path, default=REPO / ".build" / "release" / "almanac")
    parser.add_argument("--put-budget", type=float, default=180.0, help="seconds for the PUT phase of one server")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--client-processes", type=int, default=2, help="processes the clients are spread over")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of concurrent GETs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the servers' temporary folders")
    args = parser.parse_args()
    if args.quick:
        args.events = 500
        args.duration = 3.0
        args.put_budget = min(args.put_budget, 60.0)

    events = make_events(args.events, args.seed)
    expected = sum(e.in_query for e in events)
    log(
        f"{len(events)} events ({sum(e.recurring for e in events)} recurring, "
        f"{sum(e.exceptions for e in events)} with RECURRENCE-ID + EXDATE), {expected} in June 2026"
    )
    factories = {"almanac": lambda: Almanac(args.almanac_bin), "radicale": Radicale, "xandikos": Xandikos}
    runs, loads = [], []
    for name in args.servers.split(","):
        server = factories[name.strip().lower()]()
        loads.append((server.name, loadavg()))
        log(f"{server.name} {server.version()}: starting on {server.base_url} (load {loads[-1][1]})")
        run = Run(server, events, args)
        try:
            server.start()
            server.check_calendar()
            run.run()
        except Exception as error:
            run.problem(f"could not run: {type(error).__name__}: {error}\n{server.log_tail()}")
        finally:
            server.stop(keep=args.keep)
        runs.append(run)

    print()
    print(f"CalDAV benchmark, {args.events:,} events, {time.strftime('%Y-%m-%d %H:%M')}, load at end {loadavg()}")
    print("Versions: " + ", ".join(f"{r.server.name} {r.server.version()}" for r in runs))
    print()
    print(render(runs, args, loads))
    print()
    if runs and runs[0].server.name == "Almanac":
        print(targets(runs[0], args))
    for run in runs:
        for text in run.problems:
            print(f"{run.server.name} problem: {text}")
    if args.json:
        payload = {
            "events": args.events,
            "expected_query_matches": expected,
            "loads": loads,
            "runs": {r.server.name: {"figures": r.figures, "problems": r.problems} for r in runs},
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str))


if __name__ == "__main__":
    main()
