"""Fixtures for the browser tests: the shipped playbook built once into a temporary folder,
served on 127.0.0.1 by a small static server, and headless Chromium driven by Selenium."""
import functools
import http.server
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
PLAYBOOK = os.environ.get("PLAYBOOK_BIN", str(REPO / ".build" / "debug" / "playbook"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as a host such as GitHub Pages does.
        if code == 404:
            page = pathlib.Path(self.directory) / "404.html"
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_dir():
    out = pathlib.Path(tempfile.mkdtemp(prefix="playbook-browser-")) / "public"
    subprocess.run([PLAYBOOK, "build", "--source", str(REPO), "--output", str(out)], check=True, capture_output=True)
    yield out
    shutil.rmtree(out.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(site_dir):
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def make_driver(width=1280, height=900, scripts=True):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(flag)
    if not scripts:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture()
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture()
def phone():
    driver = make_driver(500, 900)
    # Chromium's windows are at least 500 px wide; emulate a 375 px phone screen instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 375, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    yield driver
    driver.quit()


@pytest.fixture()
def no_script_browser():
    driver = make_driver(scripts=False)
    yield driver
    driver.quit()


def serve(directory):
    """Serves a folder on 127.0.0.1 like base_url does; returns (url, server)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def foreign_site_dir():
    """A handbook written for GitHub (scripts/gen_foreign_corpus.py --rich, 60 pages plus the
    engineering pages), with this branch's templates, built into its own output. The corpus uses
    `links: warn`, so its planted broken links are warnings, not a failed build."""
    base = pathlib.Path(tempfile.mkdtemp(prefix="playbook-foreign-"))
    site, out = base / "site", base / "public"
    subprocess.run(["python3", str(REPO / "scripts" / "gen_foreign_corpus.py"), "--pages", "60", "--rich",
                    "--out", str(site)], check=True, capture_output=True)
    shutil.copytree(REPO / "templates", site / "templates")
    build = subprocess.run([PLAYBOOK, "build", "--source", str(site), "--output", str(out)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    yield out
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def foreign_url(foreign_site_dir):
    url, server = serve(foreign_site_dir)
    yield url
    server.shutdown()
