#!/usr/bin/env python3
"""The cost of pages' last-updated facts from git (issue #19): a build with the git pass against
the same build with --no-git, on a handbook-sized history.

    scripts/bench_git.py [--pages 1000] [--commits 5000] [--runs 5] [--work /dev/shm/playbook-bench-git]

Makes, on tmpfs, a site of PAGES generated pages (bench/gen_corpus.py) in a git repository of
COMMITS commits, written in one `git fast-import`: the first commit adds every page (one in 20
under an older name, renamed later, so the pass follows renames), each later one revises one to
three pages, with fixed authors and dates. Then times, alternately, full builds (--clean) with
and without the git pass, and rebuilds from the build cache: with nothing changed (the cache's
git probe, one `git rev-parse`, is all that runs then), with one page edited (the facts come from
the cache) and with one page edited and committed (only the new commit is read). Target: the
pass adds at most 20%.
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
    env = git_env()
    original = subprocess.run(["git", "-C", str(site), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True, env=env).stdout.strip()
    page = sorted((site / "content").glob("section-*/page-*.md"))[7]
    text = page.read_text()
    edits = iter(range(1_000_000))

    def edit(commit):
        """Changes one page (and commits it, for the git builds): what a merge to main brings."""
        page.write_text(text + f"\nEdited for the benchmark, {next(edits)}.\n")
        if commit:
            subprocess.run(["git", "-C", str(site), "commit", "-q", "-a", "-m", "Bench edit"], check=True, env=dict(
                env, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org", GIT_COMMITTER_NAME="Bench",
                GIT_COMMITTER_EMAIL="bench@example.org"))

    # Full builds write to their own folders (no cache); rebuilds start from their own cache.
    cached = lambda kind, flags: base + flags + ["--output", str(out / kind), "--cache-dir", str(work / f"cache-{kind}")]
    pairs = {
        "full": (lambda: base + ["--no-cache", "--output", str(out / "git")],
                 lambda: base + ["--no-cache", "--no-git", "--output", str(out / "nogit")], None),
        # Brought up to date first (untimed): the other rebuilds edit and commit between runs.
        "cached, nothing changed": (lambda: cached("same-git", []), lambda: cached("same-nogit", ["--no-git"]),
                                    lambda git: run(cached("same-git", []) if git else cached("same-nogit", ["--no-git"]))),
        "cached, one page edited": (lambda: cached("edit-git", []), lambda: cached("edit-nogit", ["--no-git"]),
                                    lambda git: edit(commit=False)),
        "cached, one page committed": (lambda: cached("commit-git", []), lambda: cached("commit-nogit", ["--no-git"]),
                                       lambda git: edit(commit=git)),
    }
    log = ["git", "-C", str(site), "log", "-z", "--format=%x01%H %ct %an", "--name-status", "-M", "--relative",
           "HEAD", "--", "content/"]
    timings = {(name, git): [] for name in pairs for git in (True, False)}
    ratios = {name: [] for name in pairs}
    alone = []
    try:
        for name, (with_git, without, prepare) in pairs.items():  # warm-up (and the caches written)
            run(with_git())
            run(without())
        # Each pair runs back to back and the ratio is taken per pair: the machine's speed drifts
        # over a run, and a median of ratios of neighbours is steadier than a ratio of medians.
        for _ in range(a.runs):
            for name, (with_git, without, prepare) in pairs.items():
                results = {}
                for git, cmd in ((True, with_git), (False, without)):
                    if prepare:
                        prepare(git)
                    results[git] = run(cmd())
                    timings[(name, git)].append(results[git])
                ratios[name].append(results[True][0] / results[False][0])
            alone.append(run(log, env=env))
    finally:
        page.write_text(text)
        subprocess.run(["git", "-C", str(site), "reset", "-q", "--hard", original], check=True, env=env)
    med = lambda runs: tuple(statistics.median(r[i] for r in runs) for i in range(2))
    print(f"{a.pages} pages, {count} commits (median of {a.runs}, site and output on tmpfs, {os.cpu_count()} cores)")
    print(f"  {'build':<44}{'wall s':>9}{'cpu s':>9}")
    for (name, git), runs in timings.items():
        wall, cpu = med(runs)
        print(f"  {name + (', git' if git else ', --no-git'):<44}{wall:>9.3f}{cpu:>9.3f}")
    wall, cpu = med(alone)
    print(f"  {'git log alone (the whole history)':<44}{wall:>9.3f}{cpu:>9.3f}")
    for name in pairs:
        with_git, without = med(timings[(name, True)]), med(timings[(name, False)])
        print(f"  {name}: the git pass adds {100 * (statistics.median(ratios[name]) - 1):+.1f}% wall (median of "
              f"paired runs), {100 * (with_git[1] / without[1] - 1):+.1f}% cpu (target: at most +20%)")

if __name__ == "__main__":
    main()
