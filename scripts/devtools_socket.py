"""A second DevTools protocol connection to a page, to send commands without waiting for their answers.

scripts/bench_search.py types through it: WebDriver (and chromedriver's CDP command) returns only
once Chromium has handled a key, so a page slow to take a key would slow the typist down, where a
real user keeps typing and the keys queue. Here each key is sent at its time and the answers are
read on a thread. Stdlib only: a minimal WebSocket client (RFC 6455, text frames, no extensions).

    socket = DevToolsSocket.for_driver(driver)   # the page chromedriver is on
    socket.send("Input.dispatchKeyEvent", {...})  # returns at once
    socket.close()
"""
import base64
import json
import os
import socket
import struct
import threading
import urllib.parse
import urllib.request


class DevToolsSocket:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        self._handshake(parts.netloc, parts.path)
        self.sock.settimeout(None)
        self._next_id = 0
        self._lock = threading.Lock()
        self.errors = []
        self.answered = 0
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    @classmethod
    def for_driver(cls, driver):
        """Connects to the page target of a Chromium that chromedriver started."""
        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        with urllib.request.urlopen(f"http://{address}/json/list", timeout=10) as response:
            targets = json.load(response)
        pages = [t for t in targets if t.get("type") == "page"]
        if len(pages) != 1:
            raise RuntimeError(f"expected one page in Chromium, found {len(pages)}")
        return cls(pages[0]["webSocketDebuggerUrl"])

    def _handshake(self, host, path):
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            head += chunk
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError(f"DevTools refused the WebSocket: {head.splitlines()[0]!r}")

    def send(self, method, params):
        """Sends a command; does not wait for its answer (errors are kept in self.errors)."""
        with self._lock:
            self._next_id += 1
            payload = json.dumps({"id": self._next_id, "method": method, "params": params}).encode()
            mask = os.urandom(4)
            size = len(payload)
            if size < 126:
                header = struct.pack("!BB", 0x81, 0x80 | size)
            elif size < 1 << 16:
                header = struct.pack("!BBH", 0x81, 0x80 | 126, size)
            else:
                header = struct.pack("!BBQ", 0x81, 0x80 | 127, size)
            body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            self.sock.sendall(header + mask + body)

    def _read_exactly(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def _read_frame(self):
        """(final fragment?, opcode, payload) of the next frame from the server (never masked)."""
        first, second = self._read_exactly(2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", self._read_exactly(2))[0]
        elif size == 127:
            size = struct.unpack("!Q", self._read_exactly(8))[0]
        return bool(first & 0x80), first & 0x0F, self._read_exactly(size)

    def _read_loop(self):
        message = b""
        try:
            while True:
                final, opcode, data = self._read_frame()
                if opcode == 8:  # close
                    return
                if opcode not in (0, 1):  # ping, pong, binary: not used by DevTools here
                    continue
                message += data
                if final:
                    self._answer(message)
                    message = b""
        except (ConnectionError, OSError):
            return

    def _answer(self, message):
        reply = json.loads(message)
        if "id" in reply:
            self.answered += 1
            if "error" in reply:
                self.errors.append(reply["error"])

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
