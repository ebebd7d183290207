/* The map's entry point: read the page's settings and data (JSON, never code), wait until the
   frame has a size and the host (Streamlit, or the page itself) has said which moment to open,
   then build the Leaflet map and start its parts. */

import {startOrder, startParts} from "../core/parts.js";
import {localize, t} from "../core/i18n.js";
import {streamlitHost} from "../link/bridge.js";
import {standaloneHost} from "../link/standalone.js";
import {installPatterns} from "../layer/patterns.js";
import {statusLayer} from "../layer/status.js";
import {beltLayer} from "../layer/belt.js";
import {labels} from "../layer/labels.js";
import {beltPanel} from "../control/beltpanel.js";
import {card} from "../control/card.js";
import {caption} from "../control/caption.js";
import {chart} from "../control/chart.js";
import {eventsPanel} from "../control/events.js";
import {find} from "../control/find.js";
import {language} from "../control/language.js";
import {legend} from "../control/legend.js";
import {timebar} from "../control/timebar.js";
import {views} from "../control/views.js";
import {announce} from "./announce.js";
import {createController} from "./controller.js";
import {extentBounds, projectedCrs} from "./crs.js";
import {fitView} from "./fit.js";
import {installHooks} from "./hooks.js";
import {keyboard} from "./keyboard.js";
import {touchGestures} from "./touch.js";

const CATALOGUE = Object.fromEntries([statusLayer, beltLayer, legend, caption, beltPanel, eventsPanel, timebar,
  chart, views, keyboard, announce, labels, find, language, card].map((part) => [part.name, part]));

const timing = {script: performance.now()};

function readJson(element) {
  return JSON.parse(element.textContent);
}

async function fetchJson(file) {
  const answer = await fetch(file);
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  /* The app's are gzipped once when the page is built and served as application/gzip, so the
     server sends the stored bytes as they are; a static site's are plain JSON (its host
     compresses them). */
  if (!file.endsWith(".gz")) return answer.json();
  return new Response(answer.body.pipeThrough(new DecompressionStream("gzip"))).json();
}

async function loadData(config) {
  const inline = document.getElementById("mbt-data");
  return inline ? readJson(inline) : fetchJson(config.dataFile);
}

/* A language's pack: in the page ("#id", the single file) or a file beside it. */
async function loadPack(config, lang) {
  const source = config.langs[lang];
  return source.startsWith("#") ? readJson(document.getElementById(source.slice(1))) : fetchJson(source);
}

function sized(element) {
  return new Promise((resolve) => {
    if (element.clientWidth && element.clientHeight) { resolve(); return; }
    const observer = new ResizeObserver(() => {
      if (!element.clientWidth || !element.clientHeight) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
}

/* Tab goes to the date control first, then the views and zoom, then the panels' own buttons:
   the corners' order in the document (on screen each keeps its place). The map itself is not a
   Tab stop: its keys are the date's (map/keys.js), so Leaflet's own (arrows pan) are off; zoom
   and views have their buttons. */
function keyboardOrder(map) {
  const corners = map._controlCorners, parent = corners.topleft.parentNode;
  for (const name of ["bottomleft", "topright", "topleft", "bottomright"]) parent.appendChild(corners[name]);
  map.keyboard.disable();
  map.getContainer().setAttribute("tabindex", "-1");
}

async function boot() {
  const config = readJson(document.getElementById("mbt-config"));
  const settings = {};
  for (const script of document.querySelectorAll("script[data-mbt-part]")) settings[script.dataset.mbtPart] = readJson(script);
  const host = config.host === "streamlit" ? streamlitHost(window) : standaloneHost(window);
  const container = document.getElementById(config.container);
  const [data] = await Promise.all([loadData(config), sized(container)]);
  timing.data = performance.now();
  data.langs = config.langs;  /* readMoment checks ?lang= and ?focus= against these and the units */
  const opening = await host.opening(data);
  const lang = Object.hasOwn(config.langs, opening.lang ?? "") ? opening.lang : config.lang;
  localize(data, await loadPack(config, lang));
  document.documentElement.lang = lang;
  document.title = t(document.title);
  container.setAttribute("aria-label", t("Map"));
  timing.start = performance.now();
  const L = window.L;
  const map = L.map(container, {...config.map, crs: projectedCrs(L)});
  keyboardOrder(map);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(t(config.attribution));
  installPatterns(data.styles, data.palette);
  const day = opening.day ?? config.day;
  const controller = createController({
    emit: (name, detail) => map.fire(name, detail),
    start: data.start, end: data.end, eventDays: data.ticks.map(([tick]) => tick),
    day: Math.max(data.start, Math.min(data.end, day)),
    view: Object.hasOwn(data.views, opening.view) ? opening.view : config.view,
    views: data.views,
    options: {...config.playback, reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches},
    scheduler: window,
  });
  const fit = (view, animate) => fitView(L, map, data.views[view].extent, animate);
  map.fitBounds(extentBounds(L, data.views[controller.state.view].extent), {animate: false});
  const context = {L, map, data, config, controller, host, fit};
  startParts(startOrder(CATALOGUE, Object.keys(settings)), context, settings);
  host.attach(context);
  if (opening.focus && context.parts.card && Object.hasOwn(data.units, opening.focus)) context.parts.card.open(opening.focus);
  const touch = touchGestures(map, {embedded: host.embedded, present: controller.state.present});
  map.on("mbt:present", (e) => touch.setPresent(e.present));
  map.fire("mbt:day", {day: controller.state.day, event: null});
  map.fire("mbt:settle", {day: controller.state.day, view: controller.state.view, report: false});
  timing.ready = performance.now();
  if (window.MBT_TEST_HOOKS === true) installHooks(window, context, timing);
}

boot().catch((error) => {
  const container = document.getElementById("mbt-map");
  if (container) container.textContent = `The map could not be shown (${error.message}). Reload the page.`;
  throw error;
});
