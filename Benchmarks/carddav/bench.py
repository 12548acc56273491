#!/usr/bin/env python3
"""CardDAV benchmark: Almanac beside Radicale and Xandikos, one run, one table.

Each server is started on 127.0.0.1 with a temporary folder, one at a time,
given the same address book (cards.py), and stopped:

  1. N vCards PUT one by one (If-None-Match: *): mean, p50, p99, and p99 of
     the last 1,000 PUTs ("at N cards"); server CPU per PUT.
  2. PROPFIND Depth 1 of getetag on the address book (median of 5).
  3. addressbook-multiget of all N hrefs, getetag + address-data (median of 3).
  4. addressbook-query, prop-filter EMAIL text-match contains a domain,
     getetag (median of 5), with the matches checked against the answer
     computed from the generated cards.
  5. sync-collection: initial (empty token) and incremental after changing
     one card (median of 5 each).

Steps 1-3 and 5 are the shared ones of Benchmarks/davbench (steps.py), the
servers those of davbench/servers.py. Run with the venv's Python (see
Benchmarks/davbench/setup.sh):
  Benchmarks/davbench/.venv/bin/python Benchmarks/carddav/bench.py [--quick]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cards import PHOTO_EVERY, QUERY_TEXT, changed, make_cards  # noqa: E402
from davbench.cli import add_server_arguments, print_problems, run_servers, write_json  # noqa: E402
from davbench.client import CARDDAV  # noqa: E402
from davbench.steps import CollectionRun, loadavg, log  # noqa: E402
from davbench.table import render, targets  # noqa: E402
from reports import email_query_body, multiget_body  # noqa: E402

VCF = {"Content-Type": "text/vcard; charset=utf-8"}


class Run(CollectionRun):
    """One server's figures over the address book: the shared steps (PUT,
    ETag listing, multiget, sync) and the e-mail query."""

    noun = "cards"
    media = VCF
    multiget_name = "addressbook-multiget"
    data_tag = f"{CARDDAV}address-data"
    data_prefix = "BEGIN:VCARD"

    def multiget_body(self, hrefs) -> str:
        return multiget_body(hrefs)

    def changed(self, item, revision: int) -> str:
        return changed(item, revision)

    def steps(self) -> list:
        return [self.put_all, self.etag_listing, self.multiget, self.email_query, self.sync]

    # addressbook-query ------------------------------------------------------
    def email_query(self):
        answer = self.query("addressbook-query", email_query_body(QUERY_TEXT))
        if answer is None:
            return
        got, expected = answer
        if got != expected:
            missing, extra = sorted(expected - got), sorted(got - expected)
            self.problem(
                f"addressbook-query EMAIL contains {QUERY_TEXT!r}: {len(got)} matches, expected {len(expected)}; "
                f"missing {len(missing)} {missing[:5]}, extra {len(extra)} {extra[:5]}"
            )


ROWS = [
    # key, label, format, lower is better
    ("put_mean_ms", "PUT mean (ms)", "{:.2f}", True),
    ("put_p50_ms", "PUT p50 (ms)", "{:.2f}", True),
    ("put_p99_ms", "PUT p99 (ms)", "{:.2f}", True),
    ("put_last1000_p99_ms", "PUT p99 of last 1,000, at N cards (ms)", "{:.2f}", True),
    ("put_cpu_ms", "server CPU per PUT (ms)", "{:.2f}", True),
    ("propfind_ms", "PROPFIND Depth 1 getetag (ms, median of 5)", "{:.1f}", True),
    ("multiget_ms", "addressbook-multiget all, etag+data (ms, median of 3)", "{:.1f}", True),
    ("query_ms", "addressbook-query EMAIL contains (ms, median of 5)", "{:.1f}", True),
    ("query_matches", "  matches (expected: see below)", "{:d}", None),
    ("sync_initial_ms", "sync-collection initial (ms, median of 5)", "{:.1f}", True),
    ("sync_incremental_ms", "sync-collection incremental (ms, median of 5)", "{:.2f}", True),
    ("peak_rss_mib", "server peak RSS (MiB)", "{:.0f}", True),
]


def notes(runs) -> list:
    expected = runs[0].figures.get("query_expected")
    return [f"Query EMAIL contains {QUERY_TEXT!r}, expected matches (computed from the generated cards): {expected}"]


def target_checks(args) -> list:
    return [
        (f"PUT p99 at {args.cards:,} cards < 5 ms", "put_last1000_p99_ms", 5),
        ("addressbook-query < 30 ms", "query_ms", 30),
        ("full addressbook-multiget < 1 s", "multiget_ms", 1000),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="smoke run: 500 cards")
    add_server_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.cards = 500
        args.put_budget = min(args.put_budget, 60.0)

    cards = make_cards(args.cards, args.seed)
    expected = sum(c.in_query for c in cards)
    size = sum(len(c.body.encode("utf-8")) for c in cards)
    log(
        f"{len(cards)} cards ({sum(c.photo for c in cards)} with a PHOTO, one in {PHOTO_EVERY}; "
        f"{size / 1e6:.1f} MB), {expected} with an EMAIL containing {QUERY_TEXT!r}"
    )
    runs, loads = run_servers(args, "addressbook", lambda server: Run(server, cards, args))

    print()
    print(f"CardDAV benchmark, {args.cards:,} cards, {time.strftime('%Y-%m-%d %H:%M')}, load at end {loadavg()}")
    print("Versions: " + ", ".join(f"{r.server.name} {r.server.version()}" for r in runs))
    print()
    print(render(runs, ROWS, args.cards, "cards", notes(runs), loads))
    print()
    if runs and runs[0].server.name == "Almanac":
        print(targets(runs[0], target_checks(args)))
    print_problems(runs)
    if args.json:
        write_json(args.json, {"cards": args.cards, "expected_query_matches": expected}, runs, loads)


if __name__ == "__main__":
    main()
