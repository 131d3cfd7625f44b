#!/usr/bin/env python3
"""Time from saving a page to the rebuilt page being served by `playbook serve`.

    scripts/serve_bench.py [--pages 10000] [--runs 15] [--work /dev/shm/playbook-bench]

Runs the preview on the shipped playbook and on a generated corpus (tmpfs), edits one page's
body again and again, and polls the page over HTTP until the edit shows. Prints the median and
the spread. Polling every millisecond adds at most about a millisecond to each figure.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def start(binary, source):
    proc = subprocess.Popen([binary, "serve", "--source", str(source), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.perf_counter()
    for line in proc.stdout:
        match = re.search(r"serving (http://\S+)", line)
        if match:
            return proc, match.group(1).rstrip("/"), time.perf_counter() - started
    sys.exit("serve did not start:\n" + proc.stdout.read())


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def measure(binary, source, page, url_path, runs):
    proc, base, startup = start(binary, source)
    path = source / "content" / page
    original = path.read_text()
    times = []
    try:
        fetch(base + url_path)
        for run in range(runs):
            marker = f"saved-marker-{run}-{time.time_ns()}"
            saved = time.perf_counter()
            path.write_text(original + f"\n\n{marker}\n")
            while marker not in fetch(base + url_path):
                time.sleep(0.001)
            times.append((time.perf_counter() - saved) * 1000)
            time.sleep(0.05)
    finally:
        path.write_text(original)
        proc.terminate()
        proc.wait()
    return startup, times


def report(name, startup, times):
    print(f"{name}: first build and start {startup:.2f} s; save to served: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f}, max {max(times):.1f} ({len(times)} saves)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--work", default="/dev/shm/playbook-bench")
    ap.add_argument("--playbook", default=str(ROOT / ".build" / "release" / "playbook"))
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)

    shipped = work / "serve-shipped"
    shutil.rmtree(shipped, ignore_errors=True)
    shutil.copytree(ROOT, shipped, ignore=shutil.ignore_patterns(".build*", ".git", "public"))
    report("shipped playbook", *measure(a.playbook, shipped, "stories/baku.md", "/stories/baku/", a.runs))

    corpus = work / f"corpus-{a.pages}"
    if not (corpus / "content").exists():
        subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--pages", str(a.pages), "--out", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    site = work / f"serve-{a.pages}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus / "content", site / "content")
    shutil.copytree(ROOT / "templates", site / "templates")
    (site / "playbook.yml").write_text("title: Bench\n")
    report(f"{a.pages}-page corpus", *measure(a.playbook, site, "section-1/page-1.md", "/section-1/page-1/", a.runs))
    # The preview's first build starts from the cache `playbook build` left.
    subprocess.run([a.playbook, "build", "--source", str(site)], check=True, stdout=subprocess.DEVNULL)
    report(f"{a.pages}-page corpus after playbook build",
           *measure(a.playbook, site, "section-1/page-1.md", "/section-1/page-1/", a.runs))


if __name__ == "__main__":
    main()
