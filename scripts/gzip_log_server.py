#!/usr/bin/env python3
"""A small static server that gzips text and logs the bytes it really sends (for scripts/bench_search.py).

    scripts/gzip_log_server.py DIR [--port 8000] [--base /handbook/]

Serves DIR on 127.0.0.1, under a base path when one is given (other paths are 404), like a static
host: `folder/` serves `folder/index.html`, `folder` redirects to `folder/`, a missing file gets the
site's own 404.html. Text responses (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) are
gzipped, at level 6, when the request accepts gzip; compressed bodies are kept in memory, so only a
file's first request pays for compressing it, and `warm()` compresses every text file but the HTML
pages beforehand (a CDN serves them from its cache). Responses say `Cache-Control: max-age=600`, as
GitHub Pages does. Every request is logged with its time, status and the bytes written to the
socket (status line, headers and the body as sent, so compressed): `LoggingServer.entries` in
Python, one line per request on stderr when run as a script.
"""
import argparse
import gzip
import http.server
import mimetypes
import pathlib
import sys
import threading
import time
import urllib.parse

TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml",
              "application/manifest+json")
LEVEL = 6


class Entry:
    """One request as served: when it ended (time.monotonic()), what, and the bytes sent."""

    def __init__(self, ended, method, path, status, sent, encoding):
        self.ended, self.method, self.path, self.status = ended, method, path, status
        self.sent, self.encoding = sent, encoding

    def __str__(self):
        return f"{self.ended:.3f} {self.method} {self.path} {self.status} {self.sent} B {self.encoding or 'identity'}"


class CountingWriter:
    """Wraps the socket's writer and counts what goes through it."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def flush(self):
        self.raw.flush()

    def close(self):
        self.raw.close()

    @property
    def closed(self):
        return self.raw.closed


def is_text(content_type):
    return content_type.startswith(TEXT_TYPES)


def content_type(path):
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return kind + "; charset=utf-8" if kind.startswith("text/") or kind in ("application/javascript", "application/json") else kind


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    server_version = "gzip-log-server"

    def setup(self):
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def log_message(self, *args):
        pass

    def do_GET(self):
        start = self.wfile.count
        status, encoding = self.respond()
        self.server.owner.record(Entry(time.monotonic(), self.command, self.path, status, self.wfile.count - start, encoding))

    def respond(self):
        """Sends the response; returns (status, content encoding or None)."""
        owner = self.server.owner
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path + "/" == owner.base:
            return self.send_redirect(owner.base), None
        if not path.startswith(owner.base):
            return self.send_not_found(), None
        file = owner.root.joinpath(path[len(owner.base):]).resolve()
        if owner.root not in file.parents and file != owner.root:
            return self.send_not_found(), None
        if file.is_dir():
            if not path.endswith("/"):
                return self.send_redirect(urllib.parse.quote(path) + "/"), None
            file = file / "index.html"
        if not file.is_file():
            return self.send_not_found(), None
        return self.send_file(file, 200)

    def send_file(self, file, status):
        kind = content_type(file)
        encoding = "gzip" if is_text(kind) and "gzip" in self.headers.get("Accept-Encoding", "") else None
        body = self.server.owner.gzipped(file) if encoding else file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if is_text(kind):
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        self.wfile.write(body)
        return status, encoding

    def send_redirect(self, location):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return 301

    def send_not_found(self):
        page = self.server.owner.root / "404.html"
        if page.is_file():
            return self.send_file(page, 404)[0]
        body = b"not found\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return 404


class LoggingServer:
    """A threaded server for `root` on 127.0.0.1 (a free port unless one is given), in a daemon thread."""

    def __init__(self, root, base="/", port=0, echo=False):
        self.root = pathlib.Path(root).resolve()
        self.base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
        self.echo = echo
        self.entries = []
        self._lock = threading.Lock()
        self._gzipped = {}
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        """The site's address, base path included, ending in /."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.base}"

    def record(self, entry):
        with self._lock:
            self.entries.append(entry)
        if self.echo:
            print(entry, file=sys.stderr, flush=True)

    def mark(self):
        """A position in the log, to pass to since()."""
        with self._lock:
            return len(self.entries)

    def since(self, mark):
        with self._lock:
            return list(self.entries[mark:])

    def gzipped(self, file):
        key = (file, file.stat().st_mtime_ns)
        body = self._gzipped.get(key)
        if body is None:
            body = gzip.compress(file.read_bytes(), compresslevel=LEVEL, mtime=0)
            self._gzipped[key] = body
        return body

    def warm(self):
        """Compresses every text file but the HTML pages now, so no measured request waits for it."""
        for file in self.root.rglob("*"):
            if file.is_file() and file.suffix != ".html" and is_text(content_type(file)):
                self.gzipped(file)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base", default="/")
    args = parser.parse_args()
    server = LoggingServer(args.root, args.base, args.port, echo=True)
    print(f"serving {server.url}", file=sys.stderr, flush=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
