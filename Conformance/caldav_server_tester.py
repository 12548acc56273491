"""Runs every check of caldav-server-tester (PyPI) against a real Almanac and
compares the deviations from the standard with the checked-in list in
caldav-server-tester.known. Fails on any new or worse deviation; prints the
counts and the known deviations that no longer occur (remove them)."""

import json
import os
import subprocess
import sys

from almanac_server import AlmanacServer

HERE = os.path.dirname(os.path.abspath(__file__))
TESTER = os.path.join(os.path.dirname(sys.executable), "caldav-server-tester")
# From best to worst, as the tester names support levels.
LEVELS = ["full", "fragile", "quirk", "unknown", "unsupported", "ungraceful", "broken"]


def known_deviations():
    known = {}
    with open(os.path.join(HERE, "caldav-server-tester.known")) as file:
        for line in file:
            line = line.split("#", 1)[0].strip()
            if line:
                feature, support = line.split()
                known[feature] = support
    return known


def main():
    with AlmanacServer() as server:
        result = subprocess.run(
            [TESTER, "--caldav-url", server.base + "/caldav", "--caldav-username", server.user,
             "--caldav-password", server.password, "--format", "json"],
            capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not result.stdout.strip():
        print(result.stdout[-3000:], result.stderr[-3000:])
        print("caldav-server-tester: 0 passed, 1 failed")
        return 1
    features = json.loads(result.stdout)["features"]
    known = known_deviations()
    full, deviations, regressions = 0, [], []
    for feature, value in sorted(features.items()):
        support = value.get("support", "full") if isinstance(value, dict) else str(value)
        if support == "full":
            full += 1
            continue
        deviations.append(feature)
        allowed = known.get(feature)
        worse = allowed is None or (
            support in LEVELS and allowed in LEVELS and LEVELS.index(support) > LEVELS.index(allowed))
        if worse:
            regressions.append(f"{feature}: {support} (known: {allowed or 'none'}) {value}")
    for line in regressions:
        print("NEW DEVIATION", line)
    for feature in sorted(set(known) - set(deviations)):
        print(f"fixed: {feature} no longer deviates; remove it from caldav-server-tester.known")
    print(
        f"caldav-server-tester: {len(features)} features reported, {full} full, "
        f"{len(deviations)} deviations ({len(deviations) - len(regressions)} known)")
    print(f"caldav-server-tester: {len(features) - len(regressions)} passed, {len(regressions)} failed")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
