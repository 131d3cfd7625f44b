"""The sidebar comes from scripts, not from the page: the one every page loads
(assets/nav/index-top.js, the closed top-level entries) and its section's (assets/nav/…js, its
open entry). It must mark the page being read and open its section, be in place before the page
has loaded (no flash), work under a base path, and with scripts off every page must stay
reachable through the links the pages themselves hold (breadcrumbs, section cards, pager)."""
import functools
import html.parser
import http.server
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PLAYBOOK, REPO, QuietHandler, free_port
from test_crawl import PrefixHandler

# A page in a section, a section's own page, a page at the top level, a plan. (The sidebar lists
# what the home page holds, not the home page: nothing is marked there.)
PAGES = ["/principles/ownership/", "/principles/", "/sources/", "/plans/payroll-onboarding/"]

CURRENT_JS = """
const sidebar = document.getElementById('sidebar');
const marked = [...sidebar.querySelectorAll('a[aria-current=page]')];
return marked.map(a => {
  const closed = [];
  for (let d = a.closest('details'); d; d = d.parentElement.closest('details')) if (!d.open) closed.push(d.querySelector('summary').textContent);
  const box = a.getBoundingClientRect();
  return {path: a.pathname, closed: closed, width: box.width, height: box.height};
});
"""


def loaded(driver, url):
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def pages(site_dir):
    """The path of every page of a built site."""
    folders = (p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    return {"/" if folder == "." else f"/{folder}/" for folder in folders}


def test_the_current_page_is_marked_and_its_section_open(browser, base_url):
    loaded(browser, base_url + "/")
    assert browser.execute_script(CURRENT_JS) == []
    for path in PAGES + ["/principles/ownership/index.html"]:
        loaded(browser, base_url + path)
        marked = browser.execute_script(CURRENT_JS)
        expected = path.removesuffix("index.html")
        assert [m["path"] for m in marked] == [expected], f"{path}: {marked}"
        assert marked[0]["closed"] == [], f"{path}: the sections around the current page are closed"
        assert marked[0]["width"] > 0 and marked[0]["height"] > 0, f"{path}: the current page's entry is not shown"


# Run as the parser reaches <main>, right after the sidebar (ProbeHandler puts it there), and at
# DOMContentLoaded: how many sidebar links there are, and the first one's box. A sidebar that
# came later (a deferred script, a fetch) would have no links at <main>.
PROBE = """<script>
(window.__probe = window.__probe || {}).main = (function () {
  const link = document.querySelector('#sidebar li a');
  const box = link ? link.getBoundingClientRect() : null;
  return {links: document.querySelectorAll('#sidebar li a').length, width: box ? box.width : 0,
          height: box ? box.height : 0, readyState: document.readyState,
          content: document.querySelectorAll('main article').length};
})();
document.addEventListener('DOMContentLoaded', function () {
  const link = document.querySelector('#sidebar li a');
  const box = link.getBoundingClientRect();
  window.__probe.ready = {links: document.querySelectorAll('#sidebar li a').length, width: box.width,
                          height: box.height, readyState: document.readyState, content: 1};
});
</script>"""


class ProbeHandler(QuietHandler):
    """Serves the built site with PROBE written at the start of each page's <main>."""

    def do_GET(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        page = path.read_text()
        start = page.index("<main")
        start = page.index(">", start) + 1
        body = (page[:start] + PROBE + page[start:]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def probed_url(site_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                             functools.partial(ProbeHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_sidebar_is_there_before_the_content_is_parsed(browser, probed_url):
    # The first page loads the section's script cold; the second has it from the cache; the
    # third is in another section.
    for path in ["/principles/ownership/", "/principles/mother-test/", "/framework/plan/"]:
        loaded(browser, probed_url + path)
        probe = browser.execute_script("return window.__probe")
        for when in ("main", "ready"):
            seen = probe.get(when)
            assert seen and seen["links"] > 10, f"{path}: no sidebar links at {when}: {probe}"
            assert seen["width"] > 0 and seen["height"] > 0, f"{path}: the first sidebar link has no box at {when}: {probe}"
        assert probe["main"]["readyState"] == "loading" and probe["main"]["content"] == 0, probe
        assert probe["main"]["links"] == probe["ready"]["links"], probe


# The nodes the scripts put between the shared script and the section's, as the browser holds
# them (the current page's mark left out), and the whole sidebar given as arguments[0], parsed by
# the same browser.
SIDEBAR_DOM_JS = """
const scripts = document.querySelectorAll('#sidebar script');
const shown = document.createElement('div');
for (let node = scripts[0].nextSibling; node !== scripts[1]; node = node.nextSibling) shown.appendChild(node.cloneNode(true));
shown.querySelectorAll('[aria-current]').forEach(a => a.removeAttribute('aria-current'));
const whole = document.createElement('template');
whole.innerHTML = arguments[0];
return {shown: shown.innerHTML, whole: whole.innerHTML, links: shown.querySelectorAll('a').length};
"""


def test_the_assembled_sidebar_is_the_whole_one(browser, base_url, tmp_path):
    """Node for node, the sidebar the two scripts assemble is the one a template that cannot be
    split (it reads `nav` twice) puts whole in its section's script."""
    site = tmp_path / "site"
    for folder in ("content", "templates", "examples"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, site / folder)
    shutil.copy(REPO / "playbook.yml", site / "playbook.yml")
    nav = site / "templates" / "partials" / "nav.mustache"
    nav.write_text(nav.read_text() + "{{^nav}}{{/nav}}")
    out = tmp_path / "public"
    subprocess.run([PLAYBOOK, "build", "--source", str(site), "--output", str(out)], check=True, capture_output=True)
    assert not (out / "assets" / "nav" / "index-top.js").exists()
    for path in ["/"] + PAGES:
        loaded(browser, base_url + path)
        sources = browser.execute_script("return [...document.querySelectorAll('#sidebar script')].map(s => s.getAttribute('src'))")
        assert len(sources) == 2 and sources[0] == "/assets/nav/index-top.js", sources
        script = (out / sources[1].lstrip("/")).read_text()
        whole = json.loads(script[script.index('})("') + 3:script.rindex('");') + 1])
        dom = browser.execute_script(SIDEBAR_DOM_JS, whole)
        assert dom["links"] > 20 and dom["shown"] == dom["whole"], path


class Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def test_with_scripts_off_every_page_is_reached_from_the_home_page(no_script_browser, base_url, site_dir):
    """A crawl in a browser with JavaScript off, following the <a href> of each page as parsed."""
    seen, queue = set(), ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        no_script_browser.get(base_url + path)
        assert no_script_browser.find_element(By.TAG_NAME, "html").get_attribute("class") == "no-js", "scripts ran"
        links = no_script_browser.find_element(By.ID, "sidebar").find_elements(By.CSS_SELECTOR, "a")
        assert [a.get_attribute("pathname") for a in links] == ["/"], f"{path}: the sidebar holds more than its note"
        parser = Anchors()
        parser.feed(no_script_browser.page_source)
        for href in parser.hrefs:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(path, href))
            if parts.scheme or parts.netloc or not parts.path.endswith("/"):
                continue
            queue.append(urllib.parse.unquote(parts.path))
    # The redirects at old addresses (`aliases:`) are linked from no page.
    redirects = {path for path in pages(site_dir)
                 if 'http-equiv="refresh"' in (site_dir / path.strip("/") / "index.html").read_text()}
    missing = pages(site_dir) - redirects - seen
    assert missing == set(), f"not reachable without scripts: {sorted(missing)}"


@pytest.fixture(scope="module")
def handbook_url():
    """The shipped playbook built for /handbook/ and served only under that prefix."""
    out = pathlib.Path(tempfile.mkdtemp(prefix="playbook-handbook-")) / "public"
    subprocess.run([PLAYBOOK, "build", "--source", str(REPO), "--output", str(out), "--base-url", "/handbook/"],
                   check=True, capture_output=True)
    handler = type("Handler", (PrefixHandler,), {"prefix": "/handbook/"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), functools.partial(handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(out.parent, ignore_errors=True)


def test_under_a_base_path_the_sidebar_loads_and_marks_the_page(browser, handbook_url):
    for path in PAGES + ["/principles/ownership/index.html", "/principles/ownership"]:
        loaded(browser, handbook_url + "/handbook" + path)
        scripts = browser.execute_script("return [...document.querySelectorAll('#sidebar script')].map(s => s.getAttribute('src'))")
        assert len(scripts) == 2 and scripts[0] == "/handbook/assets/nav/index-top.js", scripts
        assert scripts[1].startswith("/handbook/assets/nav/") and scripts[1] != scripts[0], scripts
        hrefs = browser.execute_script("return [...document.querySelectorAll('#sidebar li a')].map(a => a.getAttribute('href'))")
        assert len(hrefs) > 20 and all(h.startswith("/handbook/") for h in hrefs), hrefs[:5]
        marked = browser.execute_script(CURRENT_JS)
        expected = "/handbook" + path.removesuffix("index.html").rstrip("/") + "/"
        assert [m["path"] for m in marked] == [expected], f"{path}: {marked}"
        assert marked[0]["closed"] == [] and marked[0]["width"] > 0


def test_the_phone_menu_opens_on_the_current_page(phone, base_url):
    loaded(phone, base_url + "/stories/toolkit-at-the-door/")
    phone.find_element(By.CSS_SELECTOR, ".menu-button").click()
    current = phone.switch_to.active_element
    assert current.get_attribute("aria-current") == "page"
    assert current.get_attribute("pathname") == "/stories/toolkit-at-the-door/"
    assert current.is_displayed()


def test_the_preview_reloads_with_a_renamed_page_in_the_sidebar(browser, tmp_path):
    """`playbook serve`: the page open in the browser reloads after a save, and its sidebar (from
    the script the preview serves) shows the new title, still marked as the current page."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copytree(REPO / "templates", site / "templates")
    shutil.copy(REPO / "playbook.yml", site / "playbook.yml")
    if (REPO / "examples").exists():
        shutil.copytree(REPO / "examples", site / "examples")
    proc = subprocess.Popen([PLAYBOOK, "serve", "--source", str(site), "--port", "0", "--base-url", "/handbook/"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = next(m.group(1) for m in map(lambda line: re.search(r"serving (http://\S+)", line), proc.stdout) if m)
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep the pipe from filling
        loaded(browser, url.rstrip("/") + "/principles/ownership/")
        page = site / "content" / "principles" / "ownership.md"
        page.write_text(page.read_text().replace("title: Ownership", "title: Owning it", 1))
        WebDriverWait(browser, 30).until(lambda d: d.execute_script(
            "const a = document.querySelector('#sidebar a[aria-current=page]'); return a && a.textContent") == "Owning it")
        assert browser.current_url.endswith("/handbook/principles/ownership/")
    finally:
        proc.terminate()
        proc.wait()


def test_names_kept_as_written_are_marked(browser, tmp_path):
    """With `urls: keep`, URLs hold spaces and accents, percent-encoded: the current page is
    found all the same, whichever way the address is written."""
    site = tmp_path / "site"
    pages = {"_index.md": "Home", "Café Équipe/_index.md": "Café", "Café Équipe/Straße 1.md": "Straße",
             "Café Équipe/plain.md": "Plain"}
    for name, title in pages.items():
        (site / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / name).write_text(f"---\ntitle: {title}\n---\nText.\n")
    (site / "playbook.yml").write_text("title: Kept\nurls: keep\n")
    shutil.copytree(REPO / "templates", site / "templates")
    out = tmp_path / "public"
    subprocess.run([PLAYBOOK, "build", "--source", str(site), "--output", str(out)], check=True, capture_output=True)
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        for path, title in [("/Caf%C3%A9%20%C3%89quipe/Stra%C3%9Fe%201/", "Straße"), ("/Café Équipe/Straße 1/", "Straße"),
                            ("/Caf%c3%a9%20%c3%89quipe/plain/index.html", "Plain"), ("/Caf%C3%A9%20%C3%89quipe/", "Café")]:
            loaded(browser, origin + path)
            marked = browser.find_elements(By.CSS_SELECTOR, "#sidebar a[aria-current=page]")
            assert [a.text for a in marked] == [title], path
    finally:
        server.shutdown()
