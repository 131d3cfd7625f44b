#!/usr/bin/env python3
"""Times `playbook lint` on generated engagement plans (a benchmark, not a test).

    scripts/bench_lint.py [--plans 1000] [--runs 5] [--work /dev/shm/playbook-lint-bench]

Writes N plans made from the shipped ones in content/plans/ (every tenth with a misspelt
owner, so findings are produced and printed too), then runs the release binary on the folder,
alternating with nothing else, and prints the median wall time and CPU time of the runs.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def generate(count, folder):
    sources = sorted(p for p in (ROOT / "content" / "plans").glob("*.md") if p.name != "_index.md")
    texts = [p.read_text(encoding="utf-8") for p in sources]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(count):
        text = texts[i % len(texts)].replace("\ntitle: ", f"\ntitle: #{i} ", 1)
        if i % 10 == 0:
            text = text.replace("    owner: ", "    owner: X", 1)
        (folder / f"plan-{i:05d}.md").write_text(text, encoding="utf-8")


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench_lint: {' '.join(cmd)} exited {code}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/dev/shm/playbook-lint-bench")
    ap.add_argument("--playbook", default=str(ROOT / ".build" / "release" / "playbook"))
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    if not work.parent.exists():
        work = pathlib.Path("/tmp/playbook-lint-bench")
    plans = work / "plans"
    generate(a.plans, plans)
    cmd = [a.playbook, "lint", "--source", str(work), str(plans)]
    run(cmd)  # warm-up
    results = [run(cmd) for _ in range(a.runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    print(f"playbook lint, {a.plans} generated plans (median of {a.runs} runs): wall {wall:.3f} s, cpu {cpu:.3f} s")


if __name__ == "__main__":
    main()
