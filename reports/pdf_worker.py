"""The child process that lays out one PDF: HTML on stdin, the PDF on stdout.

Run by ``reports.pdf.html_to_pdf`` as ``python -m reports.pdf_worker``, never by hand. It does
not load Django: it is given the HTML, the static folders it may read and its limits, and it
caps its own address space and CPU time before it imports WeasyPrint, as WeasyPrint's
documentation advises for servers. A refused fetch is skipped by WeasyPrint, so a risk whose
text names an image on another server still renders, without the image.

Exit status: 0 with the PDF on stdout; ``EXIT_MEMORY`` when the layout needed more memory
than allowed; anything else is a failure with the reason on stderr.
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

EXIT_MEMORY = 3
# The address every relative URL in a report resolves against; ``.invalid`` never resolves,
# so even a fetcher bug could not reach a real host by it.
BASE_URL = "https://riskreg.invalid/"


def static_path(url: str, static_url: str, roots: list[Path]) -> Path | None:
    """The file under one of ``roots`` that ``url`` names below ``static_url``, or None.

    Only ``BASE_URL`` + ``static_url`` + a path without ``..`` that exists inside a root.
    """
    base = BASE_URL.rstrip("/") + "/" + static_url.strip("/") + "/"
    if not url.startswith(base):
        return None
    parts = urlsplit(url)
    relative = unquote(parts.path)[len(urlsplit(base).path) :]
    if not relative or relative.startswith("/") or "\\" in relative:
        return None
    for root in roots:
        root = root.resolve()
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


# A table header's scope in HTML, as PDF/UA's /Scope attribute names it.
SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def _boxes(box):
    """Every box of a laid-out page, depth first."""
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", ()))


def finish_tags(document, pdf) -> None:
    """What WeasyPrint's tagging leaves out and PDF/UA-1 asks for, added before the PDF is
    written: each table header's /Scope (a column's, unless the HTML says ``scope="row"``),
    and each link's description in words (the link's own text, not its target)."""
    import pydyf

    for page in document.pages:
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            mark = getattr(box, "mark", None)
            if mark is not None and getattr(box, "element_tag", None) == "th":
                scope = SCOPES.get(element.attrib.get("scope", ""), "/Column")
                mark["A"]["Scope"] = scope
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None and element is not None:
                words = " ".join("".join(element.itertext()).split())
                if words:
                    annotation["Contents"] = pydyf.String(words)


def _limit(memory_mb: int, cpu_seconds: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # A backstop should the parent die: the parent's own timeout normally comes first.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))


def lay_out(html: str, *, variant: str | None, static_url: str, static_roots: list[Path]) -> bytes:
    """``html`` laid out as PDF bytes by WeasyPrint, fetching only ``data:`` URLs and the files
    under ``static_roots`` that ``static_url`` names: what the child does once it has capped
    itself, and what ``bench/reports.py`` times on its own beside the whole build."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        """Inline ``data:`` URLs and our own static files; every other URL is refused."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_path(url, static_url, static_roots)
            if path is None:
                raise ValueError(f"riskreg PDFs fetch only riskreg's static files: {url}")
            return super().fetch(path.as_uri(), headers)

    options = {"pdf_variant": variant, "finisher": finish_tags} if variant else {}
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnly()).write_pdf(**options)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variant", default=None)
    parser.add_argument("--static-url", default="/static/")
    parser.add_argument("--static-root", action="append", default=[], type=Path)
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    args = parser.parse_args(argv)
    _limit(args.memory_mb, args.cpu_seconds)
    try:
        html = sys.stdin.buffer.read().decode("utf-8")
        pdf = lay_out(
            html,
            variant=args.variant,
            static_url=args.static_url,
            static_roots=args.static_root,
        )
    except MemoryError:
        print("out of memory", file=sys.stderr)
        return EXIT_MEMORY
    except SystemError as error:
        # A C function that returns NULL without raising is one whose allocation failed under
        # the memory cap (seen in WeasyPrint's write_pdf when the cap is near its need).
        if "without setting an exception" not in str(error):
            raise
        print(f"out of memory: {error}", file=sys.stderr)
        return EXIT_MEMORY
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
