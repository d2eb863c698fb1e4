"""HTML to PDF with WeasyPrint, in a child process with a time and memory cap.

Every document is an ordinary template (the same one the preview page shows) with a print
stylesheet inlined by ``reports/pdf_base.html``. Rendering runs in ``reports.pdf_worker``, a
child process that caps its own memory and is killed when it runs out of time, so a huge or
hostile document can neither stall nor exhaust the web server (WeasyPrint's advice for
servers). The child fetches nothing but riskreg's own static files: a URL in a risk's text
is never fetched, and the PDF cannot be made to call out.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from reports.pdf_worker import EXIT_MEMORY

log = logging.getLogger(__name__)

PDF_UA_1 = "pdf/ua-1"


class PdfFailed(Exception):
    """The PDF could not be produced; ``str()`` is the message for the person who asked."""


def static_roots() -> list[Path]:
    """The folders the child may read static files from: ours and, once collected, the root."""
    roots = [Path(folder) for folder in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT and Path(settings.STATIC_ROOT).is_dir():
        roots.append(Path(settings.STATIC_ROOT))
    return roots


def html_to_pdf(html: str, *, variant: str | None = PDF_UA_1) -> bytes:
    """Lay ``html`` out as PDF bytes in a child process: tagged PDF/UA-1 (a structure tree for
    screen readers, the language, the title shown), or untagged with ``variant=None``.

    Raises ``PdfFailed`` when the child runs out of time (``RISKREG_PDF_TIMEOUT_SECONDS``) or
    memory (``RISKREG_PDF_MEMORY_MB``), or fails.
    """
    timeout = settings.RISKREG_PDF_TIMEOUT_SECONDS
    command = [
        sys.executable,
        "-m",
        "reports.pdf_worker",
        f"--static-url={settings.STATIC_URL}",
        f"--memory-mb={settings.RISKREG_PDF_MEMORY_MB}",
        f"--cpu-seconds={timeout + 5}",
        *(f"--static-root={root}" for root in static_roots()),
    ]
    if variant:
        command.append(f"--variant={variant}")
    try:
        done = subprocess.run(
            command,
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            cwd=settings.BASE_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        raise _too_slow(timeout) from expired
    if done.returncode == -signal.SIGXCPU:
        raise _too_slow(timeout)
    if done.returncode == EXIT_MEMORY or (done.returncode != 0 and b"MemoryError" in done.stderr):
        log.error("PDF rendering ran out of memory (%s MB)", settings.RISKREG_PDF_MEMORY_MB)
        raise PdfFailed(
            "The PDF needed more memory than the server allows for one document and was "
            "stopped. Ask for a smaller report, or ask your administrator to raise "
            "RISKREG_PDF_MEMORY_MB."
        )
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
        log.error(
            "PDF rendering failed (exit %s): %s",
            done.returncode,
            done.stderr.decode("utf-8", "replace")[-2000:],
        )
        raise PdfFailed("The PDF could not be produced. The error has been logged.")
    return done.stdout


def _too_slow(timeout: int) -> PdfFailed:
    log.error("PDF rendering stopped after %s s", timeout)
    return PdfFailed(
        f"The PDF took longer than {timeout} second{'s' if timeout != 1 else ''} to lay out "
        "and was stopped. Try again later, or ask for a smaller report."
    )


def render_pdf(template_name: str, context: dict, *, variant: str | None = PDF_UA_1) -> bytes:
    """Render ``template_name`` (extending ``reports/pdf_base.html``) to PDF bytes, PDF/UA-1
    unless ``variant`` says otherwise: every report the app writes is tagged."""
    return html_to_pdf(
        render_to_string(template_name, {**context, "for_pdf": True}), variant=variant
    )
