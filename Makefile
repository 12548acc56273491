# The README's two commands: `make run` and `make test`.
SWIFT ?= swift
DATA_DIR ?= data
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test build lint format bench bench-wbxml bench-foldersync bench-sync bench-ping bench-caldav bench-carddav

## Installs what the server needs, builds it, and runs it on the demo data.
run:
	scripts/install-deps run
	$(SWIFT) build -c release --product almanac
	.build/release/almanac serve --demo --data-dir $(DATA_DIR) --host $(HOST) --port $(PORT)

## Installs what the tests need and runs every test.
test:
	scripts/install-deps test
	$(SWIFT) build --build-tests
	$(SWIFT) test
	Conformance/run-all
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks Schemas/Schemas.swift

build:
	$(SWIFT) build

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Schemas/Schemas.swift

## Benchmarks (not part of `make test`): see Benchmarks/README.md.
bench:
	scripts/install-deps run
	$(SWIFT) run -c release AlmanacBench store

## WBXML decode and encode throughput of a Sync response (a few seconds; no server, no network).
bench-wbxml:
	scripts/install-deps run
	$(SWIFT) run -c release AlmanacBench wbxml $(BENCH_ARGS)

## FolderSync requests per second through a server on 127.0.0.1 (up to 20 s per case).
bench-foldersync:
	scripts/install-deps run
	$(SWIFT) run -c release AlmanacBench foldersync $(BENCH_ARGS)

## EAS initial Sync (windows of 512) and incremental Sync of 10,000 events and 10,000 contacts
## through a server on 127.0.0.1 (under 3 minutes). BENCH_ARGS=--quick for 1,000 of each.
bench-sync:
	scripts/install-deps run
	$(SWIFT) run -c release AlmanacBench sync $(BENCH_ARGS)

## 10,000 phones waiting in Ping on an almanac serve process (a few minutes; BENCH_ARGS=--quick: 1,000).
bench-ping:
	scripts/install-deps run
	$(SWIFT) build -c release --product almanac
	$(SWIFT) run -c release AlmanacBench ping $(BENCH_ARGS)

## CalDAV beside Radicale and Xandikos (PyPI, in Benchmarks/davbench/.venv).
## BENCH_ARGS=--quick for a 500-event smoke run.
bench-caldav:
	Benchmarks/davbench/setup.sh
	$(SWIFT) build -c release --product almanac
	Benchmarks/davbench/.venv/bin/python Benchmarks/caldav/bench.py $(BENCH_ARGS)

## CardDAV beside Radicale and Xandikos (same venv as bench-caldav).
## BENCH_ARGS=--quick for a 500-card smoke run.
bench-carddav:
	Benchmarks/davbench/setup.sh
	$(SWIFT) build -c release --product almanac
	Benchmarks/davbench/.venv/bin/python Benchmarks/carddav/bench.py $(BENCH_ARGS)
