#!/usr/bin/env python3
"""PNG screenshots of pages in headless Chromium: desktop (1280 px), phone (375 px), dark
(desktop, prefers-color-scheme: dark) and print (desktop, print media), full page up to a height.

    scripts/screenshots.py --out /tmp/shots http://127.0.0.1:8000/ kickoff=http://127.0.0.1:8000/checklists/kick-off/
    scripts/screenshots.py --out /tmp/shots --modes desktop,phone --site public/ / /checklists/kick-off/

A URL may be prefixed with `name=` to name its files (`name-desktop.png` …); otherwise the name is
made from the path. With `--site FOLDER` the paths are served from that built site on 127.0.0.1.
Prints the files it wrote. Tests/Browser/test_visual.py calls `take()`.
"""
import argparse
import base64
import functools
import http.server
import pathlib
import re
import shutil
import sys
import threading
import urllib.parse

MODES = ("desktop", "phone", "dark", "print")


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    return driver


def name_for(url):
    path = urllib.parse.urlsplit(url).path.strip("/")
    return re.sub(r"[^A-Za-z0-9]+", "-", path.split("/")[-1] if path else "home").strip("-") or "home"


def set_mode(driver, mode):
    if mode == "phone":
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    else:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    media = {"media": "print" if mode == "print" else "",
             "features": [{"name": "prefers-color-scheme", "value": "dark" if mode == "dark" else "light"}]}
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", media)


def capture(driver, path, max_height):
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerWidth]")
    width, height = max(size[0], size[2]), min(size[1], max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def take(urls, out, modes=MODES, max_height=2400, driver=None):
    """Screenshots of each (name, url) in each mode into `out`; returns the paths written."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    own = driver is None
    driver = driver or make_driver()
    written = []
    try:
        for mode in modes:
            set_mode(driver, mode)
            for name, url in urls:
                driver.get(url)
                driver.execute_script("return document.fonts && document.fonts.ready")
                path = out / f"{name}-{mode}.png"
                capture(driver, path, max_height)
                written.append(path)
    finally:
        if own:
            driver.quit()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ",".join(MODES))
    parser.add_argument("--max-height", type=int, default=2400, help="crop full-page shots at this height")
    parser.add_argument("--site", help="a built site folder to serve; the URLs are then paths in it")
    parser.add_argument("--prefix", default="", help="prepended to every file name (e.g. shipped-)")
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes {sorted(unknown)}")
    server = None
    origin = ""
    if args.site:
        quiet = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
        handler = functools.partial(quiet, directory=args.site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
    urls = []
    for item in args.urls:
        name, _, url = item.partition("=") if "=" in item and not item.startswith("http") else ("", "", item)
        url = origin + url if origin and url.startswith("/") else url
        urls.append((args.prefix + (name or name_for(url)), url))
    try:
        for path in take(urls, args.out, modes, args.max_height):
            print(path)
    finally:
        if server:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
