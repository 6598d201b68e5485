"""A4 vector PDFs printed by one headless Chromium that stays open for the whole build.

The input is the static report page (no JavaScript; charts are SVG images), so Chromium
only lays out and prints: about 0.5 s of CPU a report (Chromium and its driver), against
1.5-2 s for WeasyPrint, which made the PDF the most expensive step of a build. Chromium is Debian's package (installed by
``scripts/install-system-deps.sh``), driven by Playwright over pipes: nothing is downloaded,
and the page runs with JavaScript disabled and the network off.

Playwright's sync API belongs to the thread that started it, so the browser lives in a
thread of its own and any thread may ask it to print. Chromium stamps every PDF with the
time it was made; those two dates are rewritten (same length, so the cross-reference table
stays valid) to ``SOURCE_DATE_EPOCH`` (default 0): identical pages give identical bytes.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import threading
import time
from concurrent.futures import Future
from typing import Any

from nereport.errors import NereportError

#: Debian's Chromium binary (the /usr/bin/chromium wrapper script only adds noise).
DEFAULT_CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ENV = "NEREPORT_CHROMIUM"

_ARGS = [
    "--no-sandbox",  # builds run as root on CI machines
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Fewer processes: each maps the whole Chromium binary, so each costs RSS. Only a page
    # of static HTML is printed here, so GPU, network and audio live in the browser.
    "--no-zygote",
    "--in-process-gpu",
    "--enable-features=NetworkServiceInProcess2,NetworkServiceInProcess",
    "--disable-features=AudioServiceOutOfProcess,SpareRendererForSitePerProcess",
    "--renderer-process-limit=1",
    "--disable-site-isolation-trials",
    "--nereport-pdf",  # unknown to Chromium, ignored; names our browser in a process list
]
_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)")


class PdfError(NereportError):
    """Chromium could not be started or could not print a page."""


def chromium_path() -> str:
    return os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


def chromium_version() -> str:
    """What ``chromium --version`` prints, or why it could not be asked: part of what makes a
    PDF, so it goes into a report's cache key."""
    try:
        out = subprocess.run(
            [chromium_path(), "--version"], capture_output=True, text=True, timeout=30
        )
        return (out.stdout or out.stderr).strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unavailable: {exc}"


def fixed_dates(pdf: bytes) -> bytes:
    """Replace the creation and modification dates with ``SOURCE_DATE_EPOCH``, keeping the
    length of every string so that the byte offsets in the PDF stay right."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)).encode()

    def rewrite(m: re.Match[bytes]) -> bytes:
        # Chromium writes "+HH'MM'"; UTC in the same seven characters.
        zone = (b"+00'00'" if len(m[3]) == 7 else b"Z".ljust(len(m[3]))) if m[3] else b""
        return b"/" + m[1] + b" (D:" + stamp + zone + b")"

    return _DATES.sub(rewrite, pdf)


class Printer:
    """One Chromium page, reused for every PDF; started on first use, closed by :meth:`close`.

    Its thread is a daemon: a build interrupted while Chromium prints exits at once (the
    driver and the browser end when their pipes close), never waiting on the printer."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Any, tuple[Any, ...], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._serve, name="nereport-pdf", daemon=True)
        self._thread.start()
        self._lock = threading.Lock()
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None

    def start(self) -> None:
        """Launch Chromium in the background (so the first PDF does not wait for it)."""
        self._jobs.put((self._ensure_started, (), Future()))

    def pdf(self, page_html: str) -> bytes:
        """Print ``page_html`` (a complete, self-contained HTML page) to an A4 PDF."""
        with self._lock:
            return self._call(self._print, page_html)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._call(self._stop, timeout=30)
        self._jobs.put(None)

    def _call(self, fn: Any, *args: Any, timeout: float | None = None) -> Any:
        done: Future[Any] = Future()
        self._jobs.put((fn, args, done))
        return done.result(timeout)

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, args, done = job
            try:
                done.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                done.set_exception(exc)

    # -- in the printer thread ---------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self._page is not None and self._browser.is_connected():
            return
        self._stop()
        from playwright.sync_api import Error, sync_playwright

        path = chromium_path()
        if not os.access(path, os.X_OK):
            raise PdfError(
                f"Chromium is needed to print PDFs and was not found at {path}. Run "
                "`make setup` (it installs Debian's chromium package), or point "
                f"{CHROMIUM_ENV} at a Chromium binary."
            )
        try:
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=path, args=_ARGS)
            context = self._browser.new_context(java_script_enabled=False, offline=True)
            # Belt and braces: the page's Content-Security-Policy already forbids any fetch.
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("data:", "about:"))
                    else route.abort()
                ),
            )
            self._page = context.new_page()
        except Error as exc:
            self._stop()
            raise PdfError(f"Chromium ({path}) could not be started: {exc}") from exc

    def _print(self, page_html: str) -> bytes:
        from playwright.sync_api import Error

        self._ensure_started()
        try:
            self._page.set_content(page_html, wait_until="load")
            pdf = self._page.pdf(prefer_css_page_size=True, print_background=True)
        except Error as exc:
            self._stop()  # the next report gets a new browser
            raise PdfError(f"Chromium could not print the report: {exc}") from exc
        return fixed_dates(pdf)

    def _stop(self) -> None:
        with contextlib.suppress(Exception):
            if self._browser is not None:
                self._browser.close()
        with contextlib.suppress(Exception):
            if self._playwright is not None:
                self._playwright.stop()
        self._playwright = self._browser = self._page = None
