"""What both benchmarks' command lines share: the options, starting each
server in turn on one kind of collection, and the closing lines."""

import json
from pathlib import Path

from .servers import REPO, Almanac, Radicale, Xandikos
from .steps import loadavg, log


def add_server_arguments(parser):
    parser.add_argument("--servers", default="almanac,radicale,xandikos", help="comma-separated, Almanac first")
    parser.add_argument("--almanac-bin", type=Path, default=REPO / ".build" / "release" / "almanac")
    parser.add_argument("--put-budget", type=float, default=180.0, help="seconds for the PUT phase of one server")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the servers' temporary folders")


def run_servers(args, kind: str, make_run):
    """Starts each server of `--servers` in turn with a `kind` collection
    ("calendar", "addressbook"), runs `make_run(server)`, and stops it.
    Returns the runs and the load average at each server's start."""
    factories = {
        "almanac": lambda: Almanac(args.almanac_bin, kind),
        "radicale": lambda: Radicale(kind),
        "xandikos": lambda: Xandikos(kind),
    }
    runs, loads = [], []
    for name in args.servers.split(","):
        server = factories[name.strip().lower()]()
        loads.append((server.name, loadavg()))
        log(f"{server.name} {server.version()}: starting on {server.base_url} (load {loads[-1][1]})")
        run = make_run(server)
        try:
            server.start()
            server.check_collection()
            run.run()
        except Exception as error:
            run.problem(f"could not run: {type(error).__name__}: {error}\n{server.log_tail()}")
        finally:
            server.stop(keep=args.keep)
        runs.append(run)
    return runs, loads


def print_problems(runs):
    for run in runs:
        for text in run.problems:
            print(f"{run.server.name} problem: {text}")


def write_json(path: Path, payload: dict, runs, loads):
    payload = {**payload, "loads": loads, "runs": {r.server.name: {"figures": r.figures, "problems": r.problems} for r in runs}}
    path.write_text(json.dumps(payload, indent=2, default=str))
