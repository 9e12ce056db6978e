// The timeline: stacked bars per day/week/month and event type, drawn as SVG, with a brush.
// Dragging across it sets the `from`/`to` filters, which filter every other view; the bars
// themselves always cover all dates (the API's timeline ignores the date filters).
"use strict";

const Timeline = (() => {
  const HEIGHT = 150, PAD = { left: 44, right: 10, top: 8, bottom: 22 };
  const DAY = 86400000;

  const parse = (iso) => Date.parse(`${iso}T00:00:00Z`);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function nextStart(ms, bucket) {
    const d = new Date(ms);
    if (bucket === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return ms + (bucket === "week" ? 7 : 1) * DAY;
  }

  function draw(svgEl, timeline, metric, range, onBrush) {
    const { h, svg, colour, number } = NL;
    svgEl.replaceChildren();
    const width = Math.max(svgEl.clientWidth || 800, 300);
    svgEl.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    svgEl.setAttribute("height", HEIGHT);
    const bins = timeline.bins;
    if (!bins.length) {
      const t = svg("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "empty" });
      t.textContent = "no dated incidents";
      svgEl.append(t);
      return;
    }
    // One column per bucket, its bars stacked in a fixed type order.
    const columns = new Map();
    for (const bin of bins) {
      if (!columns.has(bin.start)) columns.set(bin.start, []);
      columns.get(bin.start).push(bin);
    }
    const starts = [...columns.keys()].sort();
    const t0 = parse(starts[0]), t1 = nextStart(parse(starts[starts.length - 1]), timeline.bucket);
    const x = (ms) => PAD.left + ((ms - t0) / (t1 - t0)) * (width - PAD.left - PAD.right);
    const totals = starts.map((s) => columns.get(s).reduce((n, b) => n + b[metric], 0));
    const top = Math.max(1, ...totals);
    const y = (v) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);

    const axis = svg("g", { class: "axis" });
    for (const v of [0, top]) {
      const label = svg("text", { x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end" });
      label.textContent = number(v);
      axis.append(label, svg("line", { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }));
    }
    const ticks = Math.max(2, Math.floor((width - PAD.left - PAD.right) / 110));  // a label per ~110 px
    for (let k = 0; k <= ticks; k++) {
      const ms = t0 + ((t1 - DAY - t0) * k) / ticks;
      const anchor = k === 0 ? "start" : k === ticks ? "end" : "middle";
      const label = svg("text", { x: x(ms), y: HEIGHT - 6, "text-anchor": anchor });
      label.textContent = timeline.bucket === "month" ? iso(ms).slice(0, 7) : iso(ms);
      axis.append(label, svg("line", { class: "tick", x1: x(ms), x2: x(ms), y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom + 4 }));
    }
    svgEl.append(axis);

    const bars = svg("g", { class: "bars" });
    for (const start of starts) {
      const ms = parse(start);
      const x0 = x(ms), w = Math.max(1, x(nextStart(ms, timeline.bucket)) - x0 - 1);
      let base = 0;
      for (const bin of columns.get(start).sort((a, b) => (a.event_type || "").localeCompare(b.event_type || ""))) {
        const value = bin[metric];
        if (!value) continue;
        const rect = svg("rect", { class: "bar", x: x0, width: w, y: y(base + value),
                                   height: y(base) - y(base + value), fill: colour(bin.event_type) });
        rect.dataset.start = start;
        const tip = svg("title");
        tip.textContent = `${start} · ${bin.event_type || "?"} · ${number(value)} ${metric}`;
        rect.append(tip);
        bars.append(rect);
        base += value;
      }
    }
    svgEl.append(bars);

    // The brush: the chosen range, and a transparent overlay that takes the drags.
    const sel = svg("rect", { class: "brush", y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom, x: 0, width: 0 });
    const clamp = (ms) => Math.min(Math.max(ms, t0), t1);
    if (range.from || range.to) {
      const a = x(clamp(range.from ? parse(range.from) : t0)), b = x(clamp(range.to ? parse(range.to) + DAY : t1));
      sel.setAttribute("x", a);
      sel.setAttribute("width", Math.max(2, b - a));
    } else sel.setAttribute("visibility", "hidden");
    const overlay = svg("rect", { class: "overlay", x: PAD.left, y: 0, width: width - PAD.left - PAD.right, height: HEIGHT });
    svgEl.append(sel, overlay);

    const toMs = (event) => {
      const box = svgEl.getBoundingClientRect();
      const px = ((event.clientX - box.left) / box.width) * width;
      return clamp(t0 + ((px - PAD.left) / (width - PAD.left - PAD.right)) * (t1 - t0));
    };
    let anchor = null;
    overlay.addEventListener("pointerdown", (event) => {
      anchor = toMs(event);
      overlay.setPointerCapture(event.pointerId);
    });
    overlay.addEventListener("pointermove", (event) => {
      if (anchor === null) return;
      const ms = toMs(event);
      sel.setAttribute("visibility", "visible");
      sel.setAttribute("x", x(Math.min(anchor, ms)));
      sel.setAttribute("width", Math.abs(x(ms) - x(anchor)));
    });
    overlay.addEventListener("pointerup", (event) => {
      if (anchor === null) return;
      const ms = toMs(event), a = Math.min(anchor, ms), b = Math.max(anchor, ms);
      anchor = null;
      if (Math.abs(x(b) - x(a)) < 3) onBrush(null, null);         // a click clears the range
      else onBrush(iso(a), iso(b));
    });
  }

  return { draw };
})();
