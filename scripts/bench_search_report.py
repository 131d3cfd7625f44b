"""The tables scripts/bench_search.py prints: its figures against the targets of issue #18.

A run is {"queries": [{"query", "bytes", "requests", "ms", "task_ms", "key_gap_ms", "shown"}, ...],
"total"}: bytes sent by the server for each query, from its first key until its results were
shown, the time from its last key to the results, the longest main-thread task meanwhile (0 when
none passed 50 ms), the median gap between its keys, the results listed, and the bytes of the
whole session. Results are
{site: {engine: [run, ...]}}.
"""
import statistics

ALL = {"shipped", "foreign", "10k"}
# Issue #18's targets: (what, limit, sites it applies to). Bytes in KB of 1,000 bytes.
TARGETS = {
    "first_kb": (60, {"foreign", "10k"}),
    "later_kb": (40, ALL),
    "total_kb": (150, {"10k"}),
    "first_ms": (1000, ALL),
    "later_ms": (300, ALL),
    "task_ms": (50, ALL),
}


def kb(count):
    return count / 1000


def mark(value, target, site, text):
    limit, sites = TARGETS[target]
    return f"{text} ✗" if site in sites and value > limit else text


def cells(site, run):
    """The table's figures for one run (or the medians), each marked when it misses its target."""
    first, later = run["queries"][0], run["queries"][1:]
    later_kb = " + ".join(mark(kb(q["bytes"]), "later_kb", site, f"{kb(q['bytes']):.1f}") for q in later)
    later_ms = " / ".join(mark(q["ms"], "later_ms", site, f"{q['ms']:.0f}") for q in later)
    task = max(q["task_ms"] for q in run["queries"])
    return [mark(kb(first["bytes"]), "first_kb", site, f"{kb(first['bytes']):.1f} KB ({first['requests']} req)"),
            mark(kb(run["total"]), "total_kb", site, f"{kb(run['total']):.1f} KB") + f" (later: {later_kb})",
            mark(first["ms"], "first_ms", site, f"{first['ms']:.0f} ms"),
            later_ms + " ms",
            mark(task, "task_ms", site, f"{task:.0f} ms" if task else "none > 50 ms")]


def row_text(site, run):
    return " | ".join(cells(site, run))


def median_run(runs):
    """A run made of the medians of each figure over `runs`."""
    queries = []
    for i, first in enumerate(runs[0]["queries"]):
        figures = {key: statistics.median(run["queries"][i][key] for run in runs) for key in first if key != "query"}
        queries.append({"query": first["query"], **figures})
    return {"queries": queries, "total": statistics.median(run["total"] for run in runs)}


def table(results, pick):
    lines = ["| site | engine | bytes for the 1st query | 3 queries | phone, 1st results | later results | "
             "longest main-thread task |", "|---|---|---|---|---|---|---|"]
    for site, engines in results.items():
        for engine, runs in engines.items():
            lines.append(f"| {site} | {engine} | " + " | ".join(cells(site, pick(runs))) + " |")
    return "\n".join(lines)


def details(results, pick):
    lines = ["| site | engine | query | bytes | requests | results after | longest task | keys apart | shown |",
             "|---|---|---|---|---|---|---|---|---|"]
    for site, engines in results.items():
        for engine, runs in engines.items():
            for q in pick(runs)["queries"]:
                task = f"{q['task_ms']:.0f} ms" if q["task_ms"] else "none > 50 ms"
                lines.append(f"| {site} | {engine} | {q['query']} | {kb(q['bytes']):.1f} KB | {q['requests']:.0f} | "
                             f"{q['ms']:.0f} ms | {task} | {q['key_gap_ms']:.0f} ms | {q['shown']:.0f} |")
    return "\n".join(lines)


def report(results, queries, runs):
    print("\nQueries (typed a key every 120 ms at most, the box emptied between them):")
    for site in results:
        print(f"- {site}: " + ", ".join(f'"{q}"' for q in queries[site]))
    for number in range(runs):
        print(f"\nRun {number + 1} of {runs}\n")
        print(table(results, lambda all_runs: all_runs[number]))
    pick = median_run if runs > 1 else (lambda all_runs: all_runs[0])
    if runs > 1:
        print(f"\nMedians of {runs} runs\n")
        print(table(results, median_run))
    print(f"\nEach query{f' (medians of {runs} runs)' if runs > 1 else ''}\n")
    print(details(results, pick))
    print("\nKB = 1,000 bytes sent by the server (headers and gzipped bodies). Phone: 375 px, CPU 4x slower, "
          "1.6 Mbps down, 750 kbps up, 150 ms per response. Results after: from the last key's keydown to the "
          "frame that paints the results. 3 queries: every byte from the first key to the third results, "
          "pauses included; later: the 2nd and 3rd queries. Keys apart: the median gap between keydowns. Shown: "
          "the results listed (Playbook lists 20 at most, the Pagefind page the first 5).")
    print("Targets (issue #18), ✗ when missed: 1st query ≤ 60 KB (~1k and 10k); each later query ≤ 40 KB; "
          "3 queries ≤ 150 KB (10k); 1st results ≤ 1 s; later ≤ 300 ms; no main-thread task over 50 ms while typing.")
