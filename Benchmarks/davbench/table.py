"""One table of figures: the first server's (Almanac's) and the ratios to each peer."""


def render(runs, rows, count: int, noun: str, notes=(), loads=()) -> str:
    """`rows`: (key, label, format, lower is better or None); " N " in a label
    becomes the item count. `notes` are printed after the line on ratios."""
    first, peers = runs[0], runs[1:]
    header = ["measure", first.server.name] + [r.server.name for r in peers] + [f"{first.server.name}/{r.server.name}" for r in peers]
    lines = [header]
    for key, label, fmt, better in rows:
        row = [label.replace(" N ", f" {count:,} ")]
        values = [r.figures.get(key) for r in runs]
        for run, value in zip(runs, values):
            text = "—" if value is None else fmt.format(value)
            reached = run.figures.get("put_count" if key.startswith("put") else "stored", count)
            if reached < count and value is not None and key != "peak_rss_mib":
                text += f" @{reached}"
            row.append(text)
        for value in values[1:]:
            if better is None or values[0] is None or value in (None, 0):
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
    out.append("")
    out.append(f"Ratios are {first.server.name} ÷ peer: below 1 means {first.server.name} is faster, except req/s (above 1 is faster).")
    out.extend(notes)
    out.append(f"A figure marked @K was measured over K {noun} (PUT phase capped by --put-budget).")
    for run in runs:
        if run.figures.get("bulk_filled"):
            out.append(
                f"{run.server.name}: PUTs capped at {run.figures['put_count']}; the other {run.figures['bulk_filled']} "
                f"{noun} were written into its storage directly (server stopped), so the read measures see all of them."
            )
    out.append("Load average (1/5/15 min) at each server's start: " + "; ".join(f"{n} {l}" for n, l in loads))
    return "\n".join(out)


def targets(run, checks) -> str:
    """`checks`: (label, figure key, limit in ms); each is met or MISSED."""
    lines = [f"{run.server.name} targets:"]
    for label, key, limit in checks:
        value = run.figures.get(key)
        verdict = "n/a" if value is None else ("met" if value < limit else "MISSED")
        lines.append(f"  {label}: {'—' if value is None else f'{value:.2f} ms'} -> {verdict}")
    return "\n".join(lines)
