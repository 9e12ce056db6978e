"""The HTML pages: one layout (`pages/layout.html`: head, header, error line) filled per page
with its title, scripts and body. Rendered once, when the app is made."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

PAGES = Path(__file__).resolve().parent / "pages"


@dataclass(frozen=True)
class Page:
    title: str
    scripts: tuple[str, ...]         # under /static/, after common.js
    body: str                        # after the error line
    styles: tuple[str, ...] = ()     # under /static/, before app.css
    libraries: tuple[str, ...] = ()  # under /static/, before common.js
    header: str = ""                 # inside the header, after the navigation
    intro: str = ""                  # between the header and the error line


def _part(name: str) -> str:
    return (PAGES / name).read_text("utf-8")


def _detail(name: str) -> Page:
    """A page the script fills in: an incident, an entity, the quotes."""
    return Page(name, (f"{name}.js",), f'<main id="{name}" class="page"></main>\n')


def _index() -> Page:
    return Page("incidents", ("map.js", "timeline.js", "main.js"), _part("index-main.html"),
                styles=("vendor/leaflet.css",),
                libraries=("vendor/leaflet.js", "vendor/topojson-client.min.js"),
                header='  <p id="summary" class="summary" aria-live="polite"></p>\n',
                intro=_part("index-filters.html"))


def render(page: Page) -> str:
    styles = "".join(f'<link rel="stylesheet" href="/static/{s}">\n' for s in page.styles)
    scripts = "".join(f'<script src="/static/{s}" defer></script>\n'
                      for s in (*page.libraries, "common.js", *page.scripts))
    return Template(_part("layout.html")).substitute(
        title=page.title, styles=styles, scripts=scripts, header=page.header,
        intro=page.intro, body=page.body)


def rendered() -> dict[str, str]:
    """Page name → its HTML."""
    pages = {"index": _index(), **{n: _detail(n) for n in ("incident", "entity", "quotes")}}
    return {name: render(page) for name, page in pages.items()}
