"""Base-URL correctness: the shipped playbook, built for the site root and for a project site
under /handbook/, served under that prefix and crawled link by link. Every page, asset, link
the search index the script fetches and every alias in _redirects must answer 200."""
import functools
import html.parser
import http.server
import json
import pathlib
import shutil
import subprocess
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import PLAYBOOK, REPO, QuietHandler, free_port


class PrefixHandler(QuietHandler):
    """Serves the folder under a path prefix, as GitHub Pages serves a project site."""
    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(pathlib.Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
        self.base = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and "data-base" in attrs:
            self.base = attrs["data-base"]
        for name in ("href", "src"):
            if attrs.get(name):
                self.found.append(attrs[name])


def crawl(origin, start, also=()):
    seen, queue, broken, pages = set(), [start, *also], [], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(origin + url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            broken.append(f"{url}: {error.code}")
            continue
        if "html" not in kind and not url.endswith((".html", "/")):
            continue
        pages += 1
        parser = Links()
        parser.feed(body.decode("utf-8"))
        if parser.base is not None:
            queue.append(parser.base + "search/index.json")
        for link in parser.found:
            absolute = urllib.parse.urljoin(url, link)
            parts = urllib.parse.urlsplit(absolute)
            if parts.scheme or parts.netloc:
                continue
            queue.append(parts.path)
    return pages, broken, seen


@pytest.mark.parametrize("prefix", ["/", "/handbook/"])
def test_every_link_asset_and_index_fetch_answers(prefix):
    out = pathlib.Path(tempfile.mkdtemp(prefix="playbook-crawl-")) / "public"
    try:
        subprocess.run([PLAYBOOK, "build", "--source", str(REPO), "--output", str(out), "--base-url", prefix],
                       check=True, capture_output=True)
        handler = type("Handler", (PrefixHandler,), {"prefix": prefix})
        port = free_port()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        # Every alias (an old address the _redirects file lists) answers, and so does where it leads.
        redirects = [line.split() for line in (out / "_redirects").read_text().splitlines() if line.strip()]
        assert redirects, "the shipped playbook keeps at least one old address"
        try:
            pages, broken, seen = crawl(f"http://127.0.0.1:{port}", prefix, [old for old, _, _ in redirects])
        finally:
            server.shutdown()
        assert broken == []
        assert all(old.startswith(prefix) and new in seen for old, new, _ in redirects), redirects
        built = len(list(out.rglob("index.html")))
        assert pages >= built, f"crawled {pages} pages of {built}"
        assert prefix + "search/index.json" in seen
        assert all(url.startswith(prefix) for url in seen), [u for u in seen if not u.startswith(prefix)][:5]
        manifest = json.loads((out / "search" / "index.json").read_text())
        for name in manifest["shards"].values():
            assert (out / "search" / "t" / f"{name}.json").is_file(), name
        fragments = [json.loads((out / "search" / manifest["fragments"] / f"{n}.json").read_text())
                     for n in range(manifest["pages"])]
        assert all(url.startswith(prefix) for url, _, _ in fragments)
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def test_a_handbook_written_for_github_builds_and_crawls(tmp_path):
    """The foreign-style corpus (no front matter, README.md/index.md, spaces and accents in names,
    folder links, images and PDFs beside pages) under /handbook/: every link answers except the
    broken ones the build reported as warnings (migration mode)."""
    site = tmp_path / "foreign"
    subprocess.run(["python3", str(REPO / "scripts" / "gen_foreign_corpus.py"), "--pages", "150", "--out", str(site)],
                   check=True, capture_output=True)
    shutil.copytree(REPO / "templates", site / "templates")
    out = tmp_path / "public"
    build = subprocess.run([PLAYBOOK, "build", "-v", "--source", str(site), "--output", str(out),
                            "--base-url", "/handbook/"], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    warned = [line.split("broken link: '")[1].split("'")[0] for line in build.stderr.splitlines()
              if "[link/broken]" in line]
    assert warned, "the corpus plants broken links"
    handler = type("Handler", (PrefixHandler,), {"prefix": "/handbook/"})
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pages, broken, seen = crawl(f"http://127.0.0.1:{port}", "/handbook/")
    finally:
        server.shutdown()
    assert pages >= 150
    assert any(url.endswith(".png") for url in seen) and any(url.endswith(".pdf") for url in seen)
    warned_names = {urllib.parse.unquote(destination.rstrip("/").split("/")[-1]) for destination in warned}
    for entry in broken:
        name = urllib.parse.unquote(entry.split(": ")[0].rstrip("/").split("/")[-1])
        assert name in warned_names, f"{entry} is broken but the build did not warn about it"
