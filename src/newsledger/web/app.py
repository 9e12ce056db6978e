"""The ASGI application: the JSON API under /api/ (its OpenAPI schema at /api/openapi.json)
and the pages that use it. Read-only: every request opens the corpus
read-only (db.py) and nothing writes to it."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask

from ..corpus.exports import export
from ..corpus.store import Store
from ..errors import InputError
from . import pages, queries
from .db import Corpus, DatabaseBusy
from .filters import PARAMETERS, BadRequest, IncidentFilters, parse_filters

HERE = Path(__file__).parent
STATIC = HERE / "static"
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
DOWNLOADS = {  # ?format= → (exports format, file suffix, media type)
    "csv": ("acled-csv", "csv", "text/csv; charset=utf-8"),
    "geojson": ("geojson", "geojson", "application/geo+json"),
    "parquet": ("parquet", "parquet", "application/vnd.apache.parquet"),
    "jsonl": ("jsonl", "jsonl", "application/x-ndjson"),
}
# The page loads only its own files; no inline script, nothing from elsewhere, no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def create_app(db: str | Path) -> FastAPI:
    corpus = Corpus(db)
    app = FastAPI(title="newsledger", summary="Incidents, reports and evidence of a corpus database",
                  # no /docs viewer: FastAPI's loads its scripts from a CDN, and the page is offline
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.corpus = corpus
    _handlers(app)
    _api(app, corpus)
    _pages(app)
    return app


def check_assets() -> None:
    """The vendored front-end files are built, not committed (see the Makefile)."""
    if not (STATIC / "vendor" / "leaflet.js").is_file():
        raise InputError("the page's front-end files are missing: run `make web-assets`", "missing")


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(BadRequest)
    async def bad_request(_: Request, err: BadRequest) -> JSONResponse:
        return JSONResponse({"error": str(err)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid')}"}, status_code=400)

    @app.exception_handler(DatabaseBusy)
    async def busy(_: Request, err: DatabaseBusy) -> JSONResponse:
        return JSONResponse({"error": str(err)}, status_code=503, headers={"Retry-After": "1"})

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


def _only(request: Request, allowed: set[str]) -> None:
    """A misspelt parameter would silently filter nothing: refuse it."""
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise BadRequest(f"unknown parameter {unknown[0][:30]!r}; known: {', '.join(sorted(allowed))}")


def filter_params(
    request: Request,
    date_from: str | None = Query(None, alias="from", description=PARAMETERS["from"]),
    date_to: str | None = Query(None, alias="to", description=PARAMETERS["to"]),
    country: list[str] = Query([], description=PARAMETERS["country"]),
    admin1: list[str] = Query([], description=PARAMETERS["admin1"]),
    kind: list[str] = Query([], alias="type", description=PARAMETERS["type"]),
    sub_type: list[str] = Query([], description=PARAMETERS["sub_type"]),
    actor: str | None = Query(None, description=PARAMETERS["actor"]),
    min_fatalities: str | None = Query(None, description=PARAMETERS["min_fatalities"]),
    disagreement: str | None = Query(None, description=PARAMETERS["disagreement"]),
    q: str | None = Query(None, description=PARAMETERS["q"]),
) -> IncidentFilters:
    """The filters shared by every view (declared here for the OpenAPI schema; parsed and
    checked by filters.parse_filters)."""
    return parse_filters({k: request.query_params.getlist(k) for k in PARAMETERS})


def _api(app: FastAPI, corpus: Corpus) -> None:
    @app.get("/api/incidents", tags=["incidents"])
    def list_incidents(request: Request, filters: IncidentFilters = Depends(filter_params),
                       sort: str = Query("-date", description=f"one of {', '.join(queries.SORTS)}; "
                                                             "prefix - for descending"),
                       page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=queries.MAX_PAGE_SIZE),
                       ) -> dict[str, Any]:
        """Incidents matching the filters, one page of them, sorted."""
        _only(request, set(PARAMETERS) | {"sort", "page", "per_page"})
        with corpus.read() as con:
            return queries.incidents(con, corpus.narrow(con, filters), sort, page, per_page)

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def get_incident(incident_id: str) -> dict[str, Any]:
        """One incident with every report: its article's text cut into highlighted pieces,
        its evidence and provenance, and the fields the reports disagree on, side by side."""
        _check_id(incident_id)
        with corpus.read() as con:
            found = queries.incident(con, incident_id)
        if found is None:
            return JSONResponse({"error": f"no incident {incident_id}"}, status_code=404)
        return found

    @app.get("/api/stats", tags=["incidents"])
    def get_stats(request: Request, filters: IncidentFilters = Depends(filter_params),
                  bucket: str = Query("auto", description="timeline bucket: auto, day, week or month"),
                  ) -> dict[str, Any]:
        """Totals, counts by type and country, the timeline (over all dates, for the brush)
        and the values each filter may take."""
        _only(request, set(PARAMETERS) | {"bucket"})
        with corpus.read() as con:
            return queries.stats(con, corpus.narrow(con, filters), bucket)

    @app.get("/api/map", tags=["incidents"])
    def get_map(request: Request, filters: IncidentFilters = Depends(filter_params),
                zoom: int = Query(2, ge=0, le=20),
                bbox: str | None = Query(None, description="west,south,east,north in degrees"),
                ) -> dict[str, Any]:
        """Incidents grouped on a grid as fine as the zoom; single incidents as themselves."""
        _only(request, set(PARAMETERS) | {"zoom", "bbox"})
        with corpus.read() as con:
            return queries.map_cells(con, corpus.narrow(con, filters), zoom, _bbox(bbox))

    @app.get("/api/export", tags=["incidents"])
    def download(request: Request, filters: IncidentFilters = Depends(filter_params),
                 fmt: str = Query("csv", alias="format", description=f"one of {', '.join(DOWNLOADS)}"),
                 ) -> FileResponse:
        """The filtered incidents as a file, written by the corpus exports."""
        _only(request, set(PARAMETERS) | {"format"})
        if fmt not in DOWNLOADS:
            raise BadRequest(f"format: {fmt[:20]!r} is not one of {', '.join(DOWNLOADS)}")
        return _export_file(corpus, filters, fmt)

    @app.get("/api/entities/{name}", tags=["entities"])
    def get_entity(name: str) -> dict[str, Any]:
        """A name's aliases, the incidents it is an actor in, and its quotes."""
        if not name.strip() or len(name) > 200:
            raise BadRequest("name: 1 to 200 characters")
        with corpus.read() as con:
            found = queries.entity(con, name)
        if found is None:
            return JSONResponse({"error": f"no entity named {name[:60]}"}, status_code=404)
        return found

    @app.get("/api/quotes", tags=["entities"])
    def list_quotes(request: Request, q: str | None = Query(None, max_length=200),
                    speaker: str | None = Query(None, max_length=200),
                    page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=queries.MAX_PAGE_SIZE),
                    ) -> dict[str, Any]:
        """Who said what: quotes of every article, searchable by words or speaker."""
        _only(request, {"q", "speaker", "page", "per_page"})
        with corpus.read() as con:
            return queries.quotes(con, q, speaker, page, per_page)


def _check_id(incident_id: str) -> None:
    if not _ID.match(incident_id):
        raise BadRequest("incident_id: letters, digits, - and _ only (at most 64)")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise BadRequest("bbox: four numbers west,south,east,north") from None
    if not (-90 <= south <= north <= 90) or any(v != v for v in (west, east)):
        raise BadRequest("bbox: south and north from -90 to 90, south ≤ north")
    if east - west >= 360 or west > east:
        return None  # the whole world, or a view across the antimeridian: no longitude bound
    return west, south, east, north


def _export_file(corpus: Corpus, filters: IncidentFilters, fmt: str) -> FileResponse:
    kind, suffix, media = DOWNLOADS[fmt]
    handle, name = tempfile.mkstemp(prefix="newsledger-", suffix=f".{suffix}")
    os.close(handle)
    try:
        with corpus.read() as con:
            store = Store.adopt(con, corpus.path)
            filters = corpus.narrow(con, filters)
            if kind == "parquet":
                export(store, kind, name, filters)
            else:
                with open(name, "w", encoding="utf-8", newline="") as out:
                    export(store, kind, out, filters)
    except BaseException:
        os.unlink(name)
        raise
    return FileResponse(name, media_type=media, filename=f"newsledger-incidents.{suffix}",
                        background=BackgroundTask(os.unlink, name))


def _pages(app: FastAPI) -> None:
    # StaticFiles resolves every path inside its folder and refuses the rest (no ../).
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    html = pages.rendered()

    def page(name: str) -> HTMLResponse:
        return HTMLResponse(html[name.removesuffix(".html")])

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return page("index.html")

    @app.get("/incidents/{incident_id}", include_in_schema=False)
    def incident_page(incident_id: str) -> HTMLResponse:
        _check_id(incident_id)
        return page("incident.html")

    @app.get("/entities/{name}", include_in_schema=False)
    def entity_page(name: str) -> HTMLResponse:
        return page("entity.html")

    @app.get("/quotes", include_in_schema=False)
    def quotes_page() -> HTMLResponse:
        return page("quotes.html")
