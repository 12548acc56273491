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

Steps 1-3 and 5 are the shared ones of Benchmarks/davbench (steps.py), the
servers those of davbench/servers.py. Run with the venv's Python (see
Benchmarks/davbench/setup.sh):
  Benchmarks/davbench/.venv/bin/python Benchmarks/caldav/bench.py [--quick]
"""

import argparse
import multiprocessing
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from davbench.cli import add_server_arguments, print_problems, run_servers, write_json  # noqa: E402
from davbench.client import CALDAV  # noqa: E402
from davbench.steps import CollectionRun, loadavg, log, pct  # noqa: E402
from davbench.table import render, targets  # noqa: E402
from events import QUERY_END, QUERY_START, changed, make_events  # noqa: E402
from reports import multiget_body, time_range_query_body  # noqa: E402

ICS = {"Content-Type": "text/calendar; charset=utf-8"}


class Run(CollectionRun):
    """One server's figures over the calendar: the shared steps (PUT, ETag
    listing, multiget, sync), the one-month query and the concurrent GETs."""

    noun = "events"
    media = ICS
    multiget_name = "calendar-multiget"
    data_tag = f"{CALDAV}calendar-data"
    data_prefix = "BEGIN:VCALENDAR"

    def multiget_body(self, hrefs) -> str:
        return multiget_body(hrefs)

    def changed(self, item, revision: int) -> str:
        return changed(item, revision)

    def steps(self) -> list:
        return [self.put_all, self.etag_listing, self.multiget, self.month_query, self.sync, self.concurrent_gets]

    # one-month calendar-query -----------------------------------------------
    def month_query(self):
        start, end = QUERY_START.strftime("%Y%m%dT000000Z"), QUERY_END.strftime("%Y%m%dT000000Z")
        answer = self.query("calendar-query", time_range_query_body(start, end))
        if answer is None:
            return
        got, expected = answer
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

    # concurrent GETs --------------------------------------------------------
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


def notes(runs) -> list:
    expected = runs[0].figures.get("query_expected")
    return [f"One-month query expected matches (computed from the generated events): {expected}"]


def target_checks(args) -> list:
    return [
        (f"PUT p99 at {args.events:,} items < 5 ms", "put_last1000_p99_ms", 5),
        ("incremental sync < 20 ms", "sync_incremental_ms", 20),
        ("full etag listing < 200 ms", "propfind_ms", 200),
        ("one-month query < 50 ms", "query_ms", 50),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="smoke run: 500 events, 3 s of concurrent GETs")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--client-processes", type=int, default=2, help="processes the clients are spread over")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of concurrent GETs")
    add_server_arguments(parser)
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
    runs, loads = run_servers(args, "calendar", lambda server: Run(server, events, args))

    print()
    print(f"CalDAV benchmark, {args.events:,} events, {time.strftime('%Y-%m-%d %H:%M')}, load at end {loadavg()}")
    print("Versions: " + ", ".join(f"{r.server.name} {r.server.version()}" for r in runs))
    print()
    print(render(runs, ROWS, args.events, "events", notes(runs), loads))
    print()
    if runs and runs[0].server.name == "Almanac":
        print(targets(runs[0], target_checks(args)))
    print_problems(runs)
    if args.json:
        write_json(args.json, {"events": args.events, "expected_query_matches": expected}, runs, loads)


if __name__ == "__main__":
    main()
