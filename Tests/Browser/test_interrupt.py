"""Interrupting a build: SIGINT and SIGTERM sent to the real binary at several moments of a build
of a generated 3,000-page corpus. After every stop the output folder must hold either the previous
site or the new one, complete and byte for byte, the tool must exit by itself (0 when it finished
first, else 128 + the signal, or the
signal itself when it lands before the tool has installed its handler), and no staging (`.public.building-*`) or retired (`.public.old-*`)
folder may be left beside it.

Two versions of the corpus (A and B, differing in the home page and one section page) are built
once each into reference folders; every interrupted run then builds the version that is not the
one currently in the output, so both outcomes are told apart.
"""
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zlib

import pytest

from conftest import PLAYBOOK, REPO

GEN_CORPUS = REPO / "bench" / "gen_corpus.py"
PAGES = 3000


def snapshot(folder):
    """Every file under `folder` by relative path, with its size and CRC-32."""
    result = {}
    for root, dirs, files in os.walk(folder):
        for name in files:
            path = pathlib.Path(root, name)
            data = path.read_bytes()
            result[str(path.relative_to(folder))] = (len(data), zlib.crc32(data))
    return result


def leftovers(parent):
    return sorted(n for n in os.listdir(parent) if ".building-" in n or ".old-" in n)


@pytest.fixture(scope="module")
def corpus():
    if not GEN_CORPUS.exists():
        pytest.skip(f"no corpus generator at {GEN_CORPUS}")
    base = pathlib.Path(tempfile.mkdtemp(prefix="playbook-interrupt-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    a = base / "a"
    subprocess.run([sys.executable, str(GEN_CORPUS), "--pages", str(PAGES), "--out", str(a)], check=True, capture_output=True)
    shutil.copytree(REPO / "templates", a / "templates")
    (a / "playbook.yml").write_text("title: X\n")
    b = base / "b"
    shutil.copytree(a, b)
    home = b / "content" / "_index.md"
    home.write_text(home.read_text() + "\nVersion B of the home page.\n")
    section = b / "content" / "section-1" / "_index.md"
    section.write_text(section.read_text() + "\nVersion B of this section.\n")
    # The two references, built at the same time (one per core).
    refs = {}
    procs = {}
    for name, source in (("a", a), ("b", b)):
        refs[name] = base / f"ref-{name}"
        procs[name] = subprocess.Popen([PLAYBOOK, "build", "--source", str(source), "--output", str(refs[name])],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for name, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    snaps = {name: snapshot(ref) for name, ref in refs.items()}
    assert snaps["a"] != snaps["b"]
    assert len(snaps["a"]) > PAGES
    # The output starts as version A.
    out = base / "site" / "public"
    out.parent.mkdir()
    shutil.copytree(refs["a"], out)
    assert (out / ".playbook-output").exists(), "the reference lacks the output marker"
    yield {"sources": {"a": a, "b": b}, "snaps": snaps, "out": out}
    shutil.rmtree(base, ignore_errors=True)


def interrupted_build(source, out, sig, delay=None, after_stage=None):
    """Starts a build and sends `sig` after `delay` seconds, or as soon as the progress line of
    `after_stage` is printed (-v prints each stage's line when it ends). Returns the exit status."""
    proc = subprocess.Popen([PLAYBOOK, "build", "-v", "--source", str(source), "--output", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if after_stage is None:
            time.sleep(delay)
            proc.send_signal(sig)
        else:
            for line in proc.stdout:
                if after_stage in line.decode().split():  # "  [2/5] render  3.84 s"
                    proc.send_signal(sig)
                    break
            else:
                pytest.fail(f"the build never printed the end of stage '{after_stage}'")
        proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode


# (signal, seconds after the start, or the stage whose end triggers the signal)
MOMENTS = [
    (signal.SIGINT, 0.05, None),
    (signal.SIGTERM, 0.2, None),
    (signal.SIGINT, 0.5, None),
    (signal.SIGTERM, 1.0, None),
    (signal.SIGINT, 2.0, None),
    (signal.SIGTERM, None, "index"),   # the output is being written or swapped
    (signal.SIGINT, None, "write"),    # the swap is done; the old site may be being removed
]


def test_interrupted_builds_leave_the_old_or_the_new_site(corpus):
    out = corpus["out"]
    snaps = corpus["snaps"]
    current = "a"
    outcomes = []
    for sig, delay, stage in MOMENTS:
        target = "b" if current == "a" else "a"
        status = interrupted_build(corpus["sources"][target], out, sig, delay, stage)
        moment = f"{sig.name} at {stage or f'{delay} s'}"
        # Before the guard is installed (while the process starts) the signal's default action
        # ends it: that is the signal sent, never another (a crash would be SIGSEGV or SIGABRT).
        assert status in (0, 128 + sig, -sig), f"{moment}: exit status {status}"
        assert leftovers(out.parent) == [], f"{moment}: temporary folders left: {leftovers(out.parent)}"
        now = snapshot(out)
        if now == snaps[target]:
            current = target
        else:
            assert now == snaps[current], f"{moment}: the output is neither the old site nor the new one"
        outcomes.append((moment, status, current))
        print(moment, status, current)
    # At least one stop must have left the old site in place, or the test proves nothing.
    assert any(status != 0 for _, status, _ in outcomes), outcomes
