"""The live page: loopback only, serving the current snapshot and reloading itself when it changes.

The page long-polls /version; when the version moves on it reloads the shown product in place.
Only files of the current snapshot are served, by name: nothing else on disk is reachable, and a
request naming another host (a DNS-rebinding page in the user's browser) is refused.
"""

from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from briefwright.live.state import LiveState, Snapshot

LOOPBACK = "127.0.0.1"
_CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".png": "image/png"}

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>briefwright · {title}</title>
<style>
body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f4f4f2; color: #222; }}
header {{ padding: 8px 14px; background: #1f3a5f; color: #fff; display: flex; gap: 14px; align-items: baseline; }}
header a {{ color: #fff; }} header .status {{ margin-left: auto; opacity: .8; }}
#errors {{ background: #fde8e8; color: #7a1111; border-bottom: 2px solid #c33; padding: 8px 14px; white-space: pre-wrap;
          font: 13px/1.35 ui-monospace, monospace; }}
#warnings {{ background: #fff7e0; color: #6b4a00; padding: 6px 14px; white-space: pre-wrap;
            font: 12px ui-monospace, monospace; }}
iframe {{ width: 100%; height: calc(100vh - 48px); border: 0; background: #fff; }}
.pages img {{ display: block; margin: 12px auto; max-width: 95%; box-shadow: 0 1px 4px #0004; background: #fff; }}
</style></head>
<body data-version="{version}">
<header><strong>briefwright</strong>{links}<span class="status">{status}</span></header>
{errors}{warnings}{body}
<script>
(async function poll() {{
  const version = document.body.dataset.version;
  while (true) {{
    try {{
      const answer = await fetch("/version?since=" + version, {{cache: "no-store"}});
      const state = await answer.json();
      if (String(state.version) !== version) {{ location.reload(); return; }}
    }} catch (error) {{ await new Promise(done => setTimeout(done, 1000)); }}
  }}
}})();
</script></body></html>
"""


def render_page(snapshot: Snapshot, shown: str | None) -> str:
    names = [*snapshot.html, *snapshot.pages]
    current = shown if shown in names else (names[0] if names else None)
    links = "".join(f' <a href="/?show={html.escape(name)}">{"<u>" if name == current else ""}{html.escape(name)}'
                    f'{"</u>" if name == current else ""}</a>' for name in names)
    if current in snapshot.html:
        body = f'<iframe src="/file/{html.escape(current)}?v={snapshot.version}" title="{html.escape(current)}"></iframe>'
    elif current in snapshot.pages:
        body = '<div class="pages">' + "".join(
            f'<img src="/page/{html.escape(current)}/{number}.png?v={snapshot.version}" alt="page {number + 1}">'
            for number in range(len(snapshot.pages[current]))) + "</div>"
    else:
        body = "<p style='padding:14px'>Nothing built yet.</p>"
    status = ("making " + ", ".join(snapshot.pending) + " · " if snapshot.pending else "") + \
        f"version {snapshot.version}" + (f" · built in {snapshot.built_in:.2f}s" if snapshot.built_in else "")
    errors = f'<div id="errors">{html.escape(chr(10).join(snapshot.errors))}\n(the page shows the last good build)</div>' \
        if snapshot.errors else ""
    warnings = f'<div id="warnings">{html.escape(chr(10).join(snapshot.warnings))}</div>' if snapshot.warnings else ""
    return _PAGE.format(title=html.escape(current or "live"), version=snapshot.version, links=links, status=status,
                        errors=errors, warnings=warnings, body=body)


class _Handler(BaseHTTPRequestHandler):
    state: LiveState
    port: int

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows builds, not requests

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.headers.get("Host") not in (f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"):
            self._send(403, b"this page answers only on its loopback address", "text/plain; charset=utf-8")
            return
        url = urlparse(self.path)
        query = parse_qs(url.query)
        snapshot = self.state.snapshot
        if url.path == "/":
            shown = query.get("show")
            page = render_page(snapshot, shown[0] if shown else None)
            self._send(200, page.encode("utf-8"), _CONTENT_TYPES[".html"])
        elif url.path == "/version":
            since = (query.get("since") or [""])[0]
            if since.isdigit():
                snapshot = self.state.wait_for_change(int(since), timeout=20)
            body = {"version": snapshot.version, "errors": len(snapshot.errors), "pending": snapshot.pending}
            self._send(200, json.dumps(body).encode(), "application/json")
        else:
            path = self._file(snapshot, unquote(url.path))
            if path is None or not path.is_file():
                self._send(404, b"not found", "text/plain; charset=utf-8")
            else:
                self._send(200, path.read_bytes(), _CONTENT_TYPES[path.suffix])

    @staticmethod
    def _file(snapshot: Snapshot, path: str) -> Path | None:
        """Only a file of the current snapshot, looked up by name: never a path from the request."""
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "file":
            return snapshot.html.get(parts[1])
        if len(parts) == 3 and parts[0] == "page" and parts[2].removesuffix(".png").isdigit():
            pages = snapshot.pages.get(parts[1], [])
            number = int(parts[2].removesuffix(".png"))
            return pages[number] if number < len(pages) else None
        return None


def start_server(state: LiveState, port: int = 0) -> ThreadingHTTPServer:
    """Serve the live page on 127.0.0.1 (a free port when port is 0) from a daemon thread."""

    server = ThreadingHTTPServer((LOOPBACK, port), _Handler, bind_and_activate=True)
    server.daemon_threads = True
    # A handler class of its own per server: the state it shows and the port its Host header must name.
    server.RequestHandlerClass = type("LiveHandler", (_Handler,), {"state": state, "port": server.server_address[1]})
    threading.Thread(target=server.serve_forever, name="briefwright-live-server", daemon=True).start()
    return server
