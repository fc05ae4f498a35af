"""Throughput and weight of the public site as a visitor gets it (`make bench`).

Starts gunicorn with the production settings of `make run` (2 workers, whitenoise, page cache)
on BENCH_PORT (default 8765) over the seeded database, or measures BENCH_URL when that is set.
For every anonymous page type it prints

* requests per second of the page and of a static file from the same server (wrk with 16
  connections when installed, otherwise a Python client with 16 threads) and their ratio;
* the bytes of a first visit without images (HTML, stylesheets, scripts and the font files
  whose unicode-range the page's text needs) and of a repeat visit (what the browser cache does
  not cover: revalidated with If-None-Match, 0 on 304).

Figures are printed, never asserted; tests/cms/test_assets.py and test_page_cache.py assert
what can be asserted. BENCH_SECONDS (default 5) sets the duration of each throughput run.
"""

from __future__ import annotations

import html
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from cms.assets import font_files_for  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 16
PORT = int(os.environ.get("BENCH_PORT", "8765"))
ACCEPT = {"Accept-Encoding": "br, gzip", "User-Agent": "lernhafen-bench"}
LINK = re.compile(r"<link\b([^>]*)>")
SCRIPT = re.compile(r"<script\b([^>]*)>")
HREF = re.compile(r'href="(/[^"#?]*)"')


def attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\b{name}(?:="([^"]*)")?', tag)
    return None if match is None else (match.group(1) or "")


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    # Only http(s) URLs of our own server reach here.
    request = urllib.request.Request(url, headers={**ACCEPT, **(headers or {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- Which pages ------------------------------------------------------------------------------


def page_types(base: str) -> dict[str, str]:
    """One URL per anonymous page type, found by following links of the seeded site."""

    def links(path: str) -> list[str]:
        return HREF.findall(fetch(base + path)[2].decode())

    def first(candidates: list[str], pattern: str) -> str | None:
        return next((link for link in candidates if re.fullmatch(pattern, link)), None)

    home_links = links("/")
    catalogue = links("/kurse/")
    tutorials = links("/anleitungen/")
    calendar = links("/kalender/")
    workshop = first(calendar, r"/kalender/[\w-]+/")
    session = first(calendar, r"/kalender/[\w-]+/termin/\d+/") or (
        workshop and first(links(workshop), r"/kalender/[\w-]+/termin/\d+/")
    )
    tutorial = first(tutorials, r"/anleitungen/[\w-]+/")
    found = {
        "home": "/",
        "catalogue /kurse/": "/kurse/",
        "course": first(catalogue, r"/kurse/[\w-]+/"),
        "tutorial index": "/anleitungen/",
        "tutorial step": tutorial and tutorial + "?schritt=2",
        "calendar /kalender/": "/kalender/",
        "workshop": workshop,
        "session": session,
        "search": "/suche/?q=Smartphone",
        "content page": first(home_links, r"/(impressum|datenschutz|barrierefreiheit)/"),
    }
    return {name: path for name, path in found.items() if path}


# --- Throughput -------------------------------------------------------------------------------


def requests_per_second(url: str) -> float:
    if shutil.which("wrk"):
        output = subprocess.run(  # noqa: S603
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", url],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return python_client(url)


def python_client(url: str) -> float:
    """Fallback without wrk: 16 threads, each with one keep-alive connection."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + SECONDS
    counts = [0] * CONNECTIONS

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.perf_counter() < deadline:
            connection.request("GET", target)
            connection.getresponse().read()
            counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONNECTIONS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


# --- Weight -----------------------------------------------------------------------------------


def resources(base: str, path: str, page: str) -> list[str]:
    """Stylesheets (not print), scripts and the fonts a browser fetches for this page."""
    head_urls, fonts = [], []
    page_url = base + path
    for tag in LINK.findall(page):
        rel, href = attribute(tag, "rel"), attribute(tag, "href")
        if rel == "stylesheet" and attribute(tag, "media") != "print":
            head_urls.append(urljoin(page_url, href))
    for tag in SCRIPT.findall(page):
        src = attribute(tag, "src")
        if src:
            head_urls.append(urljoin(page_url, src))
    text = html.unescape(page)
    for css_url in head_urls:
        if css_url.endswith(".css"):
            css = fetch(css_url, {"Accept-Encoding": "identity"})[2].decode()
            fonts += [urljoin(css_url, font) for font in font_files_for(text, css)]
    return list(dict.fromkeys(head_urls + fonts))


def max_age(headers: dict) -> int:
    match = re.search(r"max-age=(\d+)", headers.get("Cache-Control", ""))
    return int(match.group(1)) if match else 0


def visit_bytes(base: str, path: str) -> tuple[int, int, int]:
    """(first visit, of which fonts, repeat visit) in bytes as sent over the wire."""
    _, headers, body = fetch(base + path)
    page = body.decode(errors="replace") if "Content-Encoding" not in headers else ""
    if not page:
        page = fetch(base + path, {"Accept-Encoding": "identity"})[2].decode()
    first = len(body)
    fonts = 0
    repeat = 0
    validators = {"If-None-Match": headers["ETag"]} if "ETag" in headers else {}
    repeat += len(fetch(base + path, validators)[2]) if validators else len(body)
    for url in resources(base, path, page):
        _, res_headers, res_body = fetch(url)
        first += len(res_body)
        if url.endswith(".woff2"):
            fonts += len(res_body)
        if max_age(res_headers) == 0:
            etag = res_headers.get("ETag")
            repeat += len(fetch(url, {"If-None-Match": etag} if etag else {})[2])
    return first, fonts, repeat


# --- Server -----------------------------------------------------------------------------------


def start_server() -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "LERNHAFEN_LOCAL_RUN": "1",
        "RATELIMIT_ENABLE": "0",
    }
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(60):
        try:
            if fetch(f"http://127.0.0.1:{PORT}/healthz/")[0] == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("gunicorn did not answer on /healthz/ within 30 s")


def main() -> None:
    base = os.environ.get("BENCH_URL", "").rstrip("/")
    server = None if base else start_server()
    base = base or f"http://127.0.0.1:{PORT}"
    try:
        pages = page_types(base)
        home = fetch(base + "/", {"Accept-Encoding": "identity"})[2].decode()
        static_path = next(
            href
            for tag in LINK.findall(home)
            if attribute(tag, "rel") == "stylesheet"
            and "kern" in (href := attribute(tag, "href") or "")
        )
        print(f"{base}, {SECONDS} s per run, {CONNECTIONS} connections")
        static_before = requests_per_second(base + static_path)
        rows = []
        for name, path in pages.items():
            fetch(base + path)  # the first request renders and fills the page cache
            rows.append((name, path, requests_per_second(base + path), *visit_bytes(base, path)))
        static = (static_before + requests_per_second(base + static_path)) / 2
        print(f"static file {static_path}: {static:,.0f} req/s (mean of before and after)\n")
        print(
            f"{'page type':22} {'req/s':>8} {'÷ static':>9} {'first KB':>9} {'fonts KB':>9} "
            f"{'repeat KB':>10}  url"
        )
        for name, path, rps, first, fonts, repeat in rows:
            print(
                f"{name:22} {rps:8,.0f} {rps / static:9.2f} {first / 1024:9.1f} "
                f"{fonts / 1024:9.1f} {repeat / 1024:10.1f}  {path}"
            )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
