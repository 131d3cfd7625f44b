#!/usr/bin/env python3
"""The cost of pages' last-updated facts from git (issue #19): a build with the git pass against
the same build with --no-git, on a handbook-sized history.

    scripts/bench_git.py [--pages 1000] [--commits 5000] [--runs 5] [--work /dev/shm/playbook-bench-git]

Makes, on tmpfs, a site of PAGES generated pages (bench/gen_corpus.py) in a git repository of
COMMITS commits, written in one `git fast-import`: the first commit adds every page (one in 20
under an older name, renamed later, so the pass follows renames), each later one revises one to
three pages, with fixed authors and dates. Then times, alternately, full builds (--clean) with
and without the git pass, and rebuilds from the build cache with nothing changed (the cache's
git probe, one `git rev-parse`, is all that runs then). Target: the pass adds at most 20%.
"""
import argparse
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
AUTHORS = ["Dana Reyes", "Priya Nair", "Sam Okafor", "Lee Chen", "Ana Silva", "Tomás Ferreira"]
START = 1_735_689_600  # 2025-01-01T00:00:00Z


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, cpu seconds of it and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench_git: {' '.join(map(str, cmd))} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def git_env():
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LC_ALL="C")
    return env


def history(content, commits, seed):
    """The fast-import stream: every file of `content`, then revisions, renames on the way."""
    rng = random.Random(seed)
    files = sorted(p.relative_to(content.parent).as_posix() for p in content.rglob("*.md"))
    texts = {path: (content.parent / path).read_bytes() for path in files}
    pages = [p for p in files if "/page-" in p]
    # One page in 20 starts under an older name and is renamed to its own one later.
    renamed = {p: p.replace("/page-", "/draft-page-") for p in pages[::20]}
    out = bytearray()

    def commit(number, author, operations):
        when = START + number * 3_600 + rng.randint(0, 3_000)
        message = f"Change {number}\n".encode()
        out.extend(b"commit refs/heads/main\n")
        out.extend(f"author {author} <{author.split()[0].lower()}@example.org> {when} +0000\n".encode())
        out.extend(f"committer {author} <{author.split()[0].lower()}@example.org> {when} +0000\n".encode())
        out.extend(b"data %d\n%s" % (len(message), message))
        for operation in operations:
            out.extend(operation)

    def modify(path, data):
        return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)

    commit(1, AUTHORS[0], [modify(renamed.get(p, p), texts[p]) for p in files])
    pending = list(renamed.items())
    rng.shuffle(pending)
    for number in range(2, commits + 1):
        operations = []
        if pending and number % max(1, commits // (len(renamed) + 1)) == 0:
            final, old = pending.pop()
            operations.append(b"R %s %s\n" % (old.encode(), final.encode()))
        else:
            for page in rng.sample(pages, rng.randint(1, 3)):
                texts[page] = texts[page].split(b"\nRevision ")[0] + b"\nRevision %d.\n" % number
                current = page if page not in dict(pending) else dict(pending)[page]
                operations.append(modify(current, texts[page]))
        commit(number, rng.choice(AUTHORS), operations)
    # What is left to rename goes in a last commit, so the tree ends with every page's own name.
    if pending:
        commit(commits + 1, AUTHORS[1], [b"R %s %s\n" % (old.encode(), final.encode()) for final, old in pending])
    return bytes(out)


def make_site(work, pages, commits):
    site = work / f"site-{pages}-{commits}"
    if (site / ".git").exists():
        return site
    corpus = work / f"corpus-{pages}"
    if not (corpus / "content").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--pages", str(pages), "--out", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    env = git_env()
    subprocess.run(["git", "-C", str(site), "init", "-q", "-b", "main"], check=True, env=env)
    stream = history(corpus / "content", commits, seed=19)
    subprocess.run(["git", "-C", str(site), "fast-import", "--quiet"], input=stream, check=True, env=env)
    subprocess.run(["git", "-C", str(site), "checkout", "-q", "-f", "main"], check=True, env=env)
    shutil.copytree(ROOT / "templates", site / "templates")
    (site / "playbook.yml").write_text("title: Bench\nbase-url: https://playbook.example.com/\n"
                                       "repository: https://github.com/example/handbook\n")
    return site


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/dev/shm/playbook-bench-git")
    ap.add_argument("--playbook", default=str(ROOT / ".build" / "release" / "playbook"))
    a = ap.parse_args()
    if not shutil.which("git"):
        sys.exit("bench_git: git is not installed")
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    site = make_site(work, a.pages, a.commits)
    count = subprocess.run(["git", "-C", str(site), "rev-list", "--count", "HEAD"], capture_output=True, text=True,
                           check=True).stdout.strip()
    out = work / "out"
    base = [a.playbook, "build", "--source", str(site)]
    # Full builds write to their own folders (no cache); rebuilds start from the cache.
    variants = {
        "full, git": base + ["--no-cache", "--output", str(out / "git")],
        "full, --no-git": base + ["--no-cache", "--no-git", "--output", str(out / "nogit")],
        "cached, nothing changed, git": base + ["--output", str(out / "cached-git"), "--cache-dir", str(work / "cache-git")],
        "cached, nothing changed, --no-git": base + ["--no-git", "--output", str(out / "cached-nogit"),
                                                     "--cache-dir", str(work / "cache-nogit")],
    }
    log = ["git", "-C", str(site), "log", "-z", "--format=%x01%H %ct %an", "--name-status", "-M", "--relative",
           "HEAD", "--", "content/"]
    timings = {name: [] for name in variants}
    timings["git log alone"] = []
    for name, cmd in variants.items():  # warm-up (and the caches written)
        run(cmd)
    for _ in range(a.runs):
        for name, cmd in variants.items():
            timings[name].append(run(cmd))
        timings["git log alone"].append(run(log, env=git_env()))
    med = {name: tuple(statistics.median(r[i] for r in runs) for i in range(2)) for name, runs in timings.items()}
    print(f"{a.pages} pages, {count} commits (median of {a.runs}, site and output on tmpfs, {os.cpu_count()} cores)")
    print(f"  {'build':<36}{'wall s':>9}{'cpu s':>9}")
    for name, (wall, cpu) in med.items():
        print(f"  {name:<36}{wall:>9.3f}{cpu:>9.3f}")
    for kind in ("full", "cached, nothing changed"):
        with_git, without = med[f"{kind}, git"], med[f"{kind}, --no-git"]
        print(f"  {kind}: the git pass adds {100 * (with_git[0] / without[0] - 1):+.1f}% wall, "
              f"{100 * (with_git[1] / without[1] - 1):+.1f}% cpu (target: at most +20%)")


if __name__ == "__main__":
    main()
