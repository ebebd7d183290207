/* A country's card (issue 17): a panel at the left of the map with the unit's status on the day,
   a bar of its statuses since the Convention opened, its key dates, its events and, for a
   State of the belt, its land borders, each with its source. Built when opened; while it is
   open a date change rewrites only the status line and moves the marker. Escape closes it
   (control/open.js); other parts follow it through "mbt:focus". */

import {button, el} from "../core/dom.js";
import {parseDay, parts} from "../core/days.js";
import {km, longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore, valueAt} from "../core/lookup.js";
import {lengthText, shownWith} from "../core/phrases.js";
import {fill} from "../layer/patterns.js";
import {markOpen} from "./open.js";
import {addPanel} from "./panel.js";

const SVG = "http://www.w3.org/2000/svg";
const HEADING_ID = "mbt-card-name";
const BAR = {top: 2, height: 14, tick: 4};  /* px: the bar, and the year ticks under it */

/** A unit's status on *day*: its index in data.styles, its label, and why the colour is not
    its own decision ("" if it is). */
export function statusOn(data, iso3, day) {
  const unit = data.units[iso3], index = valueAt(unit.r, day);
  return {index, label: t(data.styles[index].label), note: shownWith(unit, day)};
}

/** Where *day* falls between *start* and *end*, in per cent (0-100, clamped). */
export function dayShare(day, start, end) {
  return Math.max(0, Math.min(100, 100 * (day - start) / Math.max(1, end - start)));
}

/** The runs (first day, status index) as the bar's segments from *start* to *end*: one per
    status in force, with its position and width in per cent. Before its first run a unit has
    the lookup's default status (0), as on the map. */
export function barSegments(runs, start, end) {
  const segments = [];
  const add = (from, to, index) => {
    if (to > from) segments.push({from, to, index, x: dayShare(from, start, end), width: dayShare(to, start, end) - dayShare(from, start, end)});
  };
  let from = start, index = valueAt(runs, start);
  for (let i = lastAtOrBefore(runs, start) + 1; i < runs.length && runs[i][0] <= end; i += 1) {
    if (runs[i][1] === index) continue;
    add(from, runs[i][0], index);
    [from, index] = runs[i];
  }
  add(from, end, index);
  return segments;
}

/** The bar's year ticks: the first year at its start, then 1 January of every *every*th year;
    a tick is labelled if it is *gap* per cent or more from the last labelled one. *anchor*
    keeps a label at either end inside the bar. */
export function yearTicks(start, end, every = 5, gap = 15) {
  const first = parts(start).year;
  const ticks = [{year: first, x: 0, label: true, anchor: "start"}];
  let labelled = 0;
  for (let year = (Math.floor(first / every) + 1) * every; ; year += every) {
    const day = parseDay(`${year}-01-01`);
    if (day === null || day > end) break;
    const x = dayShare(day, start, end), label = x - labelled >= gap;
    if (label) labelled = x;
    ticks.push({year, x, label, anchor: x > 100 - gap / 2 ? "end" : "middle"});
  }
  return ticks;
}

/** The unit's key dates (label, date as a person reads it, source), in the order they happen. */
export function keyDateRows(data, iso3) {
  const unit = data.units[iso3], source = data.sources[unit.s];
  return unit.d.map(([label, iso]) => {
    const day = parseDay(iso);
    return {label: t(label), day, date: day === null ? iso : longDay(day), source};
  });
}

/** The events of the unit (data.events rows [day, iso3, kind, title, source index]), in order. */
export function eventRows(data, iso3) {
  return data.events.filter((event) => event[1] === iso3)
    .map(([day, , , title, source]) => ({day, date: longDay(day), title, source: data.sources[source]}));
}

/** A belt State's land borders with Russia and Belarus, one row per neighbour (measured on the
    map; published, or "not published"), with their total if more than one; null for a unit
    that is not a State of the belt. */
export function borderRows(data, iso3) {
  const state = data.belt && data.belt.states.find((s) => s.iso3 === iso3);
  if (!state) return null;
  const rows = data.belt.pairs.filter((pair) => pair[0] === iso3).map(([, neighbour, measured, published]) => ({
    neighbour, name: data.units[neighbour] ? data.units[neighbour].n : neighbour, measured: km(measured), published: lengthText(published),
  }));
  const total = rows.length > 1 ? {measured: km(state.measured), published: lengthText(state.published)} : null;
  return {rows, total, contested: !!state.contested};
}

export const card = {
  name: "card",
  needs: [],
  after: ["caption", "beltpanel", "events"],  /* the last panel of the top left corner */
  start({L, map, data, controller}) {
    let heading, statusLine, noteLine, body, marker = null, shown = null, opener = null, last = {};
    const box = addPanel(L, map, "topleft", "mbt-card", (panel) => {
      panel.hidden = true;
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-modal", "false");
      panel.setAttribute("aria-labelledby", HEADING_ID);
      panel.setAttribute("data-testid", "card");
      const head = el("div", "mbt-card-head", null, panel);
      heading = el("h2", "mbt-card-name", "", head);
      heading.id = HEADING_ID;
      heading.tabIndex = -1;
      button(head, "×", t("Close"), () => close()).className = "mbt-card-close";
      statusLine = el("div", "mbt-card-status", "", panel);
      noteLine = el("div", "mbt-card-shown", "", panel);
      body = el("div", "mbt-card-body", null, panel);
    });
    /* Not one of the panels a view is fitted around (panel.js panelBoxes): opening a card, or
       a date change while it is open, never moves the map under the country it is about. */
    box.classList.remove("mbt-panel");
    /* Per day: the status line and the marker, each only if it changed. */
    const update = (day) => {
      if (!shown || day === last.day) return;
      last.day = day;
      const status = statusOn(data, shown, day);
      statusLine.textContent = t("{status} on {date}", {status: status.label, date: longDay(day)});
      if (status.note !== last.note) {
        noteLine.textContent = last.note = status.note;
        noteLine.hidden = !status.note;
      }
      const x = `${dayShare(day, data.start, data.end).toFixed(2)}%`;
      if (x !== last.x) marker.setAttribute("x", last.x = x);
    };
    /* Over the panels below the caption (the belt, the events: they stay where they are, so
       the map does not move), from under the caption down to the date control; taller than
       that, it scrolls (layers/assets/card.css reads --mbt-card-top and --mbt-card-room; on a
       phone it is a sheet at the bottom instead). */
    const fitRoom = () => {
      if (box.hidden) return;
      const corner = box.parentNode.getBoundingClientRect();
      const caption = box.parentNode.querySelector(".mbt-caption");
      const top = caption && !caption.hidden ? caption.getBoundingClientRect().bottom - corner.top + 10 : 0;
      box.style.setProperty("--mbt-card-top", `${Math.round(top)}px`);
      const floor = map.getContainer().querySelector(".leaflet-bottom.leaflet-left").getBoundingClientRect().top;
      const from = getComputedStyle(box).position === "absolute" ? corner.top + top : box.getBoundingClientRect().top;
      box.style.setProperty("--mbt-card-room", `${Math.max(120, Math.floor(floor - from - 10))}px`);
    };
    /* *takeFocus*: false for a tour's stop (the presenter's keys stay where they are). */
    const open = (iso3, takeFocus = true) => {
      if (!Object.hasOwn(data.units, iso3)) return false;
      const focused = box.ownerDocument.activeElement;
      if (!shown || !box.contains(focused)) opener = focused;
      shown = iso3;
      last = {};
      heading.textContent = data.units[iso3].n;
      body.textContent = "";
      marker = fillBody(body, data, iso3);
      box.hidden = false;
      box.scrollTop = 0;
      fitRoom();
      update(controller.state.day);
      markOpen(map, box, close);
      if (takeFocus) heading.focus({preventScroll: true});
      map.fire("mbt:focus", {iso3});
      return true;
    };
    const close = () => {
      if (!shown) return;
      const hadFocus = box.contains(box.ownerDocument.activeElement);
      box.hidden = true;
      shown = marker = null;
      body.textContent = "";
      markOpen(map, box, null);
      if (hadFocus) giveFocusBack(map, opener);
      opener = null;
      map.fire("mbt:focus", {iso3: null});
    };
    map.on("mbt:day", (e) => update(e.day));
    map.on("mbt:tourfocus", (e) => open(e.iso3, false));
    map.on("resize", fitRoom);
    /* A panel above it (the belt, the events) unfolds or folds. */
    const above = new ResizeObserver(fitRoom);
    for (const panel of box.parentNode.children) if (panel !== box) above.observe(panel);
    return {open, close, current: () => shown, box};
  },
};

/** The card below its status line, for one unit; the marker on its bar. */
function fillBody(body, data, iso3) {
  const marker = timeline(body, barSegments(data.units[iso3].r, data.start, data.end), yearTicks(data.start, data.end), data.styles);
  keyDates(body, keyDateRows(data, iso3));
  if (data.units[iso3].note) el("div", "mbt-card-note", data.units[iso3].note, body);
  events(body, eventRows(data, iso3));
  const borders = borderRows(data, iso3);
  if (borders) bordersTable(body, borders);
  return marker;
}

function svgNode(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  parent.appendChild(node);
  return node;
}

/* The bar in per cent of its width, not a viewBox: stretched, the hatches would be too. */
function timeline(parent, segments, ticks, styles) {
  const box = el("div", "mbt-card-timeline", null, parent);
  const svg = svgNode("svg", {class: "mbt-card-bar", width: "100%", height: BAR.top + BAR.height + BAR.tick, "aria-hidden": "true"}, box);
  for (const s of segments) svgNode("rect", {x: `${s.x}%`, y: BAR.top, width: `${s.width}%`, height: BAR.height, fill: fill(styles[s.index])}, svg);
  svgNode("rect", {class: "mbt-card-frame", x: 0, y: BAR.top, width: "100%", height: BAR.height, fill: "none"}, svg);
  const years = el("div", "mbt-card-years", null, box);
  for (const tick of ticks) {
    if (tick.x > 0) svgNode("rect", {class: "mbt-card-tick", x: `${tick.x}%`, y: BAR.top + BAR.height, width: 1, height: BAR.tick}, svg);
    if (tick.label) el("span", `mbt-card-year mbt-${tick.anchor}`, tick.year, years).style.left = `${tick.x}%`;
  }
  return svgNode("rect", {class: "mbt-card-marker", x: 0, y: 0, width: 3, height: BAR.top * 2 + BAR.height, transform: "translate(-1.5 0)"}, svg);
}

function section(parent, title) {
  el("h3", "mbt-card-section", title, parent);
}

/* A source follows the last of the rows that cite it: the key dates of a unit share one. */
function keyDates(parent, rows) {
  if (!rows.length) return;
  section(parent, t("Key dates"));
  const table = el("table", "mbt-card-dates", null, parent);
  rows.forEach((row, i) => {
    const line = el("tr", "", null, table);
    el("th", "", row.label, line).scope = "row";
    el("td", "", row.date, line);
    if (i + 1 < rows.length && rows[i + 1].source === row.source) return;
    const cell = el("td", "mbt-source", t("Source: {source}", {source: row.source}), el("tr", "", null, table));
    cell.colSpan = 2;
  });
}

function events(parent, rows) {
  if (!rows.length) return;
  section(parent, t("Events"));
  const list = el("ol", "mbt-card-events", null, parent);
  for (const row of rows) {
    const item = el("li", "", null, list);
    el("span", "mbt-when", `${row.date} `, item);
    el("span", "", row.title, item);
    el("div", "mbt-source", t("Source: {source}", {source: row.source}), item);
  }
}

function bordersTable(parent, {rows, total, contested}) {
  section(parent, t("Land borders with Russia and Belarus"));
  const table = el("table", "mbt-card-borders", null, parent);
  const head = el("tr", "", null, el("thead", "", null, table));
  for (const text of [t("Neighbour"), t("Published"), t("Measured")]) el("th", "", text, head).scope = "col";
  const tbody = el("tbody", "", null, table);
  const line = (name, published, measured, className) => {
    const tr = el("tr", className, null, tbody);
    el("th", "", name, tr).scope = "row";
    el("td", "mbt-n", published, tr);
    el("td", "mbt-n", measured, tr);
  };
  for (const row of rows) line(row.name, row.published, row.measured, "");
  if (total) line(t("Total"), total.published, total.measured, "mbt-card-total");
  if (contested) el("div", "mbt-card-note", t("Contested: listed apart, not counted in the belt's totals."), parent);
  el("div", "mbt-source", t("Measured on the 1:10m map; published figures follow every river bend."), parent);
}

/* Focus goes back where it was, unless that is gone or hidden, or is a country's shape
   (focused, a shape opens its tooltip): then to the map. */
function giveFocusBack(map, element) {
  const usable = element && element.isConnected && element !== element.ownerDocument.body
    && !element.closest("[data-iso3]") && element.offsetParent !== null;
  (usable ? element : map.getContainer()).focus({preventScroll: true});
}
