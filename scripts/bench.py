#!/usr/bin/env python3
"""Side-by-side build timings: playbook (release), Hugo and the libcmark floor.

    scripts/bench.py [--pages 1000,10000] [--runs 5] [--work /dev/shm/playbook-bench]

Generates each corpus with bench/gen_corpus.py, sets up the same content for the
three tools, then runs them alternately (playbook, hugo, floor, playbook, ...) so a noisy
machine affects all of them alike. Every output goes to tmpfs. Prints, per corpus, the median
wall time, CPU time (user + system) and peak memory of each tool, the ratios playbook/Hugo and
playbook/floor, and the growth in cost from the smallest to the largest corpus.
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
BENCH = ROOT / "bench"


def run(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def setup(pages, work):
    corpus = work / f"corpus-{pages}"
    if not (corpus / "content").exists():
        subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--pages", str(pages), "--out", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    site = work / f"playbook-{pages}"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    (site / "content").symlink_to(corpus / "content")
    shutil.copytree(ROOT / "templates", site / "templates")
    (site / "playbook.yml").write_text("title: Bench\nbase-url: https://playbook.example.com/\n")
    hugo = work / f"hugo-{pages}"
    shutil.rmtree(hugo, ignore_errors=True)
    shutil.copytree(BENCH / "hugo-site", hugo)
    os.chmod(hugo, 0o755)
    for path in hugo.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.copytree(corpus / "content", hugo / "content")
    return corpus, site, hugo


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/dev/shm/playbook-bench")
    ap.add_argument("--playbook", default=str(ROOT / ".build" / "release" / "playbook"))
    ap.add_argument("--no-hugo", action="store_true")
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    floor = work / "floor"
    source = BENCH / "floor.c"
    if not floor.exists() or floor.stat().st_mtime < source.stat().st_mtime:
        cc = os.environ.get("CC") or shutil.which("gcc") or shutil.which("cc") or "clang"
        subprocess.run([cc, "-O2", "-o", str(floor), str(source), "-lcmark"], check=True)
    have_hugo = shutil.which("hugo") and not a.no_hugo
    rows = []
    for pages in [int(p) for p in a.pages.split(",")]:
        corpus, site, hugo = setup(pages, work)
        out = work / f"out-{pages}"
        tools = {
            # --clean: a full build that ignores the build cache (and writes it anew).
            "playbook": lambda: run([a.playbook, "build", "--clean", "--source", str(site), "--output", str(out / "playbook")]),
            "floor": lambda: run([str(floor), str(corpus / "content"), str(out / "floor")]),
        }
        if have_hugo:
            tools["hugo"] = lambda: run(["hugo", "--source", str(hugo), "--destination", str(out / "hugo"), "--quiet"])
            # The same work as playbook, which colours fenced code: Hugo with Chroma on.
            tools["hugo+hl"] = lambda: run(["hugo", "--source", str(hugo), "--config", "hugo.toml,hugo-highlight.toml",
                                            "--destination", str(out / "hugo+hl"), "--quiet"])
        results = {name: [] for name in tools}
        for name, tool in tools.items():  # one warm-up each
            shutil.rmtree(out / name, ignore_errors=True)
            tool()
        for _ in range(a.runs):
            for name, tool in tools.items():
                shutil.rmtree(out / name, ignore_errors=True)
                results[name].append(tool())
        med = {name: tuple(statistics.median(r[i] for r in runs) for i in range(3)) for name, runs in results.items()}
        rows.append((pages, med))
        print(f"\n{pages} pages (median of {a.runs}, output on tmpfs)")
        print(f"  {'tool':<10}{'wall s':>9}{'cpu s':>9}{'peak MiB':>10}")
        for name, (wall, cpu, rss) in med.items():
            print(f"  {name:<10}{wall:>9.3f}{cpu:>9.3f}{rss:>10.0f}")
        pb = med["playbook"]
        if "hugo" in med:
            print(f"  playbook/hugo:  wall {pb[0] / med['hugo'][0]:.2f}x  cpu {pb[1] / med['hugo'][1]:.2f}x  memory {pb[2] / med['hugo'][2]:.2f}x")
            hl = med["hugo+hl"]
            print(f"  playbook/hugo+hl (both colour code): wall {pb[0] / hl[0]:.2f}x  cpu {pb[1] / hl[1]:.2f}x  memory {pb[2] / hl[2]:.2f}x")
        print(f"  playbook/floor: wall {pb[0] / med['floor'][0]:.2f}x  cpu {pb[1] / med['floor'][1]:.2f}x")
        rebuilds = incremental(a, site, corpus, out / "playbook")
        for name, (wall, cpu, rss) in rebuilds.items():
            print(f"  playbook {name:<22}{wall:>9.3f}{cpu:>9.3f}{rss:>10.0f}   {wall / pb[0]:.3f}x the full build's wall time")
    if len(rows) > 1:
        (small, a_med), (large, b_med) = rows[0], rows[-1]
        print(f"\ncost growth {small} -> {large} pages ({large / small:.0f}x the pages):")
        for name in b_med:
            print(f"  {name:<10} wall {b_med[name][0] / a_med[name][0]:.1f}x  cpu {b_med[name][1] / a_med[name][1]:.1f}x")


def incremental(a, site, corpus, out):
    """Medians of rebuilds that start from the build cache the full builds left: with nothing
    changed, and with one page's body changed before each run."""
    build = [a.playbook, "build", "--source", str(site), "--output", str(out)]
    run(build)  # the output and the cache now match the sources
    same = [run(build) for _ in range(a.runs)]
    page = sorted((corpus / "content").glob("section-*/page-*.md"))[len(a.pages) % 7]
    original = page.read_text()
    one = []
    try:
        for number in range(a.runs):
            page.write_text(original + f"\nEdited for run {number} of the benchmark.\n")
            one.append(run(build))
    finally:
        page.write_text(original)
    median = lambda runs: tuple(statistics.median(r[i] for r in runs) for i in range(3))
    return {"no-change rebuild": median(same), "one-page rebuild": median(one)}


if __name__ == "__main__":
    main()
