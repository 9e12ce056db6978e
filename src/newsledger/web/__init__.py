"""A local web page over a corpus database: map, timeline, table, incident pages with the
words behind every field, entities and quotes, over a JSON API (`newsledger serve`).

Needs the `web` extra (FastAPI on uvicorn); the front-end libraries and the Natural Earth
basemap are vendored into `static/vendor/` at build time (`make web-assets`)."""
