"""A4 vector PDFs printed by headless Chromium.

The input is the static report page (no JavaScript; charts are SVG images), so Chromium
only lays out and prints. Chromium is Debian's package (installed by
``scripts/install-system-deps.sh``); nereport talks to it directly over the DevTools
protocol on a pair of pipes (``--remote-debugging-pipe``): no driver process, no port, nothing
downloaded. The page runs with JavaScript disabled and the network off, and Chromium runs as
a single process, which prints report after report (:class:`Printer`). Chromium exits when its
pipe closes, so it never outlives a build, even one that is killed.

The PDFs are tagged (a structure tree in reading order, the charts' descriptions as alternative
text, the page's language) and carry an outline of the headings. Chromium stamps every PDF with
the time it was made and numbers its structure elements by DOM node; :func:`finished` makes
both reproducible (``SOURCE_DATE_EPOCH``, by default the month the data were read), so
identical pages give identical bytes.
"""

from __future__ import annotations

import base64
import calendar
import contextlib
import io
import json
import os
import re
import selectors
import shutil
import subprocess
import threading
import time
from typing import Any

from nereport.build.safety import interrupts_deferred, process_temp_dir
from nereport.data.sources import newest_access
from nereport.errors import NereportError

#: Debian's Chromium binary (the /usr/bin/chromium wrapper script only adds noise).
DEFAULT_CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ENV = "NEREPORT_CHROMIUM"

#: Seconds Chromium may take to start, or to lay out and print one report.
TIMEOUT = 120

#: Reports one Chromium prints before a new one takes over (what it holds in memory grows).
PAGES_PER_BROWSER = 50

_ARGS = [
    "--headless",
    "--remote-debugging-pipe",
    "--no-startup-window",
    "--no-sandbox",  # builds run as root on CI machines
    # One process: the renderer, the GPU, network and print services would each map the
    # whole 250 MB binary again, and a print-compositor process was started for every PDF.
    "--single-process",
    "--no-zygote",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: nothing can be fetched
    "--nereport-pdf",  # unknown to Chromium, ignored; names our browser in a process list
]
_PRINT = {
    "preferCSSPageSize": True,  # A4 and margins come from the print stylesheet
    "printBackground": True,
    "marginTop": 0,
    "marginBottom": 0,
    "marginLeft": 0,
    "marginRight": 0,
    "generateTaggedPDF": True,
    "generateDocumentOutline": True,
}
_NODE_ID = re.compile(rb"\(node(\d{8})\)")


class PdfError(NereportError):
    """Chromium could not be started or could not print a page."""


def chromium_path() -> str:
    return os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


def chromium_version() -> str:
    """What ``chromium --version`` prints, or why it could not be asked: part of what makes a
    PDF, so it goes into a report's cache key. Asked once per binary (its path, size, times
    and inode): asking takes 50 ms, a sixth of a build that finds nothing to do."""
    from nereport.cache import cached

    path = chromium_path()
    try:
        st = os.stat(path)
    except OSError:
        return _ask_version()
    binary = [path, *map(str, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))]
    return cached("chromium-version", binary, lambda: _ask_version().encode()).decode()


def _ask_version() -> str:
    try:
        out = subprocess.run(
            [chromium_path(), "--version"], capture_output=True, text=True, timeout=30
        )
        return (out.stdout or out.stderr).strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unavailable: {exc}"


def source_date_epoch() -> int:
    """The time every PDF says it was made: ``SOURCE_DATE_EPOCH`` when set, else the month its
    figures were read (the newest access date of the sources): identical inputs, identical
    bytes, and a date that means something."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    return int(calendar.timegm(newest_access().timetuple()))


def finished(pdf: bytes, info: dict[str, str]) -> bytes:
    """Chromium's PDF made reproducible and described: the dates become
    :func:`source_date_epoch`, the structure tree's element ids (Chromium's DOM node numbers,
    which run on from one page to the next) count from 1, and ``info`` (Author, Subject,
    Keywords) joins the title Chromium took from the page."""
    # An interrupt inside the import of pikepdf's nanobind extension aborts the process
    # ("Critical nanobind error"): no clean-up, and a traceback instead of the build's message.
    with interrupts_deferred():
        import pikepdf

    ids = [int(n) for n in _NODE_ID.findall(pdf)]
    if ids:  # the same shift for all keeps their order (the structure tree's IDTree is sorted)
        first = min(ids) - 1
        pdf = _NODE_ID.sub(lambda m: b"(node%08d)" % (int(m[1]) - first), pdf)
    stamp = time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(source_date_epoch()))
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for key, value in {**info, "CreationDate": stamp, "ModDate": stamp}.items():
            doc.docinfo[f"/{key}"] = value
        _set_xmp(doc, source_date_epoch())
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def _set_xmp(doc: Any, epoch: int) -> None:
    """The XMP metadata (what citation managers and archives read) from the document
    information: title, author, subject and the same reproducible date. pikepdf is kept from
    stamping itself and the wall clock in (``set_pikepdf_as_editor``)."""
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    info = {k: str(v) for k, v in doc.docinfo.items()}
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if "/Title" in info:
            meta["dc:title"] = info["/Title"]
        if "/Author" in info:
            meta["dc:creator"] = [info["/Author"]]
        if "/Subject" in info:
            meta["dc:description"] = info["/Subject"]
        meta["dc:date"] = [when]
        meta["xmp:CreateDate"] = when
        meta["xmp:ModifyDate"] = when
        meta["xmp:MetadataDate"] = when


# Printed (and thrown away) first by every Chromium, before its first report:
# the fonts Chromium picks for text that none of the listed fonts covers as asked (bold
# Chinese: WenQuanYi has no bold face) depend on the fonts loaded before, so without this a
# PDF's bytes depended on which reports were printed before it in the same Chromium.
_WARM_UP = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>body{font-family:'
    '"Liberation Sans",Arial,"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif}</style>'
    "</head><body><p>东北〔〕 <b>东北〔〕</b> <i>东北</i></p></body></html>"
)


class Printer:
    """Prints PDFs in one Chromium, which :meth:`start` launches without waiting for it and
    :meth:`pdf` replaces when it has died or has printed :data:`PAGES_PER_BROWSER` pages. Safe
    to call from several threads (one page is printed at a time).

    What Chromium prints does not depend on what it printed before: its fallback fonts are
    settled by a first page printed by every new Chromium (``_WARM_UP``), and the charts' text
    sizes by the static page (:func:`nereport.build.export.print_width`). A Chromium of its own
    for every report would cost 0.9 s of CPU to start each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._browser: _Browser | None = None
        self._printed = 0
        self._aborted = False

    def start(self) -> None:
        """Launch Chromium now, so that it starts up while other work goes on. A Chromium that
        cannot be launched is reported by :meth:`pdf`, for each report it fails."""
        with self._lock, contextlib.suppress(PdfError):
            self._launch()

    def pdf(self, page_html: str, info: dict[str, str] | None = None) -> bytes:
        """Print ``page_html`` (a complete, self-contained HTML page) to a tagged A4 PDF with an
        outline of its headings; ``info`` goes into its document information (:func:`finished`)."""
        info = info or {}
        with self._lock:
            if self._printed >= PAGES_PER_BROWSER:
                self._stop()
            try:
                return finished(self._print(page_html), info)
            except _BrowserGone:
                # Chromium died (not this page's fault, as far as anyone can tell): one more
                # try in a new one, and the error is the second attempt's.
                self._stop()
                try:
                    return finished(self._print(page_html), info)
                except _BrowserGone as exc:
                    self._stop()
                    raise PdfError(f"Chromium could not print the report: {exc}") from None
            except PdfError:
                self._stop()
                raise

    def _print(self, page_html: str) -> bytes:
        data = self._launch().print(page_html)
        self._printed += 1
        return data

    def fds(self) -> list[int]:
        """The pipes to Chromium, which processes forked from this one should close."""
        return self._browser.fds() if self._browser else []

    def close(self) -> None:
        with self._lock:
            self._stop()

    def abort(self) -> None:
        """From another thread than the one printing: kill Chromium now, so that the page it
        prints fails at once, and launch no other (an interrupted build)."""
        self._aborted = True
        if (browser := self._browser) is not None:
            browser.kill()

    def _launch(self) -> _Browser:
        if self._aborted:
            raise PdfError("the build was interrupted")
        if self._browser is None:
            self._browser = _Browser(chromium_path())
            self._printed = 0
        return self._browser

    def _stop(self) -> None:
        browser, self._browser = self._browser, None
        if browser is not None:
            with interrupts_deferred():  # a Ctrl-C here would leave its folder behind
                browser.close()


class _BrowserGone(Exception):
    """Chromium closed its pipe or stopped answering."""


class _Browser:
    """A Chromium process and a DevTools session with one page, over two pipes: Chromium
    reads commands from its fd 3 and writes replies and events to its fd 4, each message
    JSON ended by a NUL byte."""

    def __init__(self, path: str):
        if not os.access(path, os.X_OK):
            raise PdfError(
                f"Chromium is needed to print PDFs and was not found at {path}. Run "
                "`make setup` (it installs Debian's chromium package), or point "
                f"{CHROMIUM_ENV} at a Chromium binary."
            )
        self._dir = process_temp_dir("chromium")
        to_chromium, self._out = os.pipe()
        self._in, from_chromium = os.pipe()
        os.set_inheritable(to_chromium, True)
        os.set_inheritable(from_chromium, True)
        self._log = open(os.path.join(self._dir, "stderr.log"), "wb")  # noqa: SIM115
        try:
            # bash puts the pipes where Chromium looks for them, then becomes Chromium (dash,
            # Debian's sh, cannot redirect file descriptors above 9).
            self._process = subprocess.Popen(
                [
                    "/bin/bash",
                    "-c",
                    f'exec "$0" "$@" 3<&{to_chromium} 4>&{from_chromium}',
                    path,
                    f"--user-data-dir={os.path.join(self._dir, 'profile')}",
                    *_ARGS,
                ],
                pass_fds=(to_chromium, from_chromium),
                # Its lock socket goes in TMPDIR: this folder, short enough for a socket path.
                env={**os.environ, "TMPDIR": self._dir},
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
            )
        except OSError as exc:
            self.close()
            raise PdfError(f"Chromium ({path}) could not be started: {exc}") from exc
        finally:
            os.close(to_chromium)
            os.close(from_chromium)
        self._path = path
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._next_id = 0
        self._session: str | None = None
        self._frame = ""

    def fds(self) -> list[int]:
        return [self._in, self._out]

    def print(self, page_html: str) -> bytes:
        if self._session is None:
            self._open_page()
            self._print(_WARM_UP)
        data = self._print(page_html)
        # Let go of the page and what it decoded: a Chromium kept all its reports' charts in
        # memory (350 MB after one report, 800 MB after 30; 420 MB this way).
        self._call("Page.setDocumentContent", {"frameId": self._frame, "html": "<html></html>"})
        self._call("Memory.simulatePressureNotification", {"level": "critical"})
        return data

    def _print(self, page_html: str) -> bytes:
        self._events.clear()
        self._call("Page.setDocumentContent", {"frameId": self._frame, "html": page_html})
        self._wait_for("Page.loadEventFired")  # images (the charts) are decoded by then
        return base64.b64decode(self._call("Page.printToPDF", _PRINT)["data"])

    def _open_page(self) -> None:
        context = self._call("Target.createBrowserContext", {}, session=False)
        target = self._call(
            "Target.createTarget",
            {"url": "about:blank", "browserContextId": context["browserContextId"]},
            session=False,
        )
        attached = self._call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, False
        )
        self._session = attached["sessionId"]
        self._call("Page.enable", {})
        self._call("Emulation.setScriptExecutionDisabled", {"value": True})
        self._call("Network.enable", {})
        self._call(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        self._frame = self._call("Page.getFrameTree", {})["frameTree"]["frame"]["id"]

    def _call(self, method: str, params: dict[str, Any], session: bool = True) -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        try:
            os.write(self._out, json.dumps(message).encode() + b"\0")
        except OSError as exc:
            raise _BrowserGone(f"{exc}{self._stderr()}") from None
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise PdfError(f"Chromium refused {method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _wait_for(self, event: str) -> None:
        while True:
            for message in self._events:
                if message["method"] == event and message.get("sessionId") == self._session:
                    return
            self._events.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        with selectors.DefaultSelector() as selector:
            selector.register(self._in, selectors.EVENT_READ)
            while b"\0" not in self._buffer:
                if not selector.select(max(0.0, deadline - time.monotonic())):
                    raise _BrowserGone(f"no answer from Chromium in {TIMEOUT} s")
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise _BrowserGone(f"Chromium exited{self._stderr()}")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _stderr(self) -> str:
        """The end of what Chromium wrote, for error messages."""
        with contextlib.suppress(OSError), open(self._log.name, "rb") as fh:
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 600))
            tail = fh.read().decode(errors="replace").strip()
            return f"; Chromium said: {tail}" if tail else ""
        return ""

    def kill(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self._process.kill()

    def close(self) -> None:
        for fd in (getattr(self, "_in", None), getattr(self, "_out", None)):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)  # Chromium exits when its pipe closes
        process = getattr(self, "_process", None)
        if process is not None:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if getattr(self, "_log", None) is not None:
            self._log.close()
        shutil.rmtree(self._dir, ignore_errors=True)
