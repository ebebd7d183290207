/* Inside Streamlit: the components v1 protocol, in this one place. The map reports the date
   and view the user settles on ({date, view, present, seq, linked}) and follows a date the app
   sends, unless it is a stale echo (link/sequence.js). The frame's height is set here, and the
   page's URL is written from here (the frame has the page's origin): replaced, not pushed, so
   Back leaves the map and Streamlit does not re-render its page for it; `linked` says whether
   that worked (if not, another origin, the app writes the URL). */

import {isoDay, parseDay} from "../core/days.js";
import {createSequence} from "./sequence.js";
import {writeMoment} from "./moment.js";

const HEADER = 60;  /* Streamlit's header bar, px */
const MIN_HEIGHT = 300;
const MIN_BELOW = 480;

export function streamlitHost(win = window) {
  const parent = win.parent;
  const post = (type, extra) => parent.postMessage({isStreamlitMessage: true, type, ...extra}, "*");
  let height = 0, present = false, first = null, onRender = null, onPresent = null;
  /* The app's height, but never taller than the window: on a laptop the date control is in
     view on open; on a phone held sideways (390 px) the date, the map and the date control are
     on screen together and one finger scrolls past it. Presenting, the whole window. */
  const fitFrame = () => {
    let value = height;
    try {
      const room = win.top.innerHeight;
      /* Below the page's title if the map has room there (a laptop: the date control in view
         on open), else the window less the header (a phone sideways: scrolled to). */
      const below = room - win.frameElement.getBoundingClientRect().top - win.top.scrollY - 8;
      value = present ? room : Math.min(height, below >= MIN_BELOW ? below : Math.max(MIN_HEIGHT, room - HEADER));
    } catch {
      if (present) value = win.screen.height;
    }
    post("streamlit:setFrameHeight", {height: value});
  };
  const setPresent = (on) => {
    present = on;
    win.document.body.classList.toggle("mbt-present", on);
    fitFrame();
    if (onPresent) onPresent(on);
  };
  const firstArgs = new Promise((resolve) => {
    win.addEventListener("message", (e) => {
      const message = e.data;
      if (!message || message.type !== "streamlit:render" || !message.args) return;
      if (message.args.height) height = message.args.height;
      setPresent(!!message.args.present);
      if (!first) {
        first = message.args;
        resolve(first);
      } else if (onRender) {
        onRender(message.args);
      }
    });
    /* Opened in some other frame, no arguments ever come: start anyway. */
    win.setTimeout(() => resolve({}), 1500);
  });
  try {
    win.top.addEventListener("resize", () => { if (height) fitFrame(); });
    /* Streamlit names its frame after the component ("page_sections.treaty_map_..."): a screen
       reader announces the frame's title, so it is the map's. */
    if (win.frameElement) win.frameElement.title = win.document.title;
  } catch { /* another origin */ }
  post("streamlit:componentReady", {apiVersion: 1});
  return {
    embedded: true,
    /** The moment the app asks for on open: {day, view, lang, present} (parts may be missing). */
    async opening() {
      const args = await firstArgs;
      const day = args.date ? parseDay(args.date) : null;
      return {day, view: args.view, lang: args.lang, focus: args.focus || null, present: !!args.present};
    },
    attach({map, controller, data, parts}) {
      const sequence = createSequence(controller.state.day);
      const lang = win.document.documentElement.lang;
      const card = parts.card || null;
      let chosen = lang, focus = first && first.focus ? first.focus : null, tourStart = 0;
      /* A presenter's own tour from the app (its rows as layers/web/payload.py tour_payload
         makes them), else the page's; a new tourStart starts it. */
      const builtIn = data.tour;
      const useTour = (args) => {
        const own = Array.isArray(args.tour) && args.tour.length > 0;
        if (own !== (data.tour !== builtIn) && parts.timebar) parts.timebar.ownTour(own);
        data.tour = own ? args.tour : builtIn;
        if (typeof args.tourStart === "number" && args.tourStart > tourStart) {
          tourStart = args.tourStart;
          if (parts.timebar) parts.timebar.startTour();
        }
      };
      if (first) {
        tourStart = first.tourStart || 0;  /* opened again (a reload): no tour restarts */
        useTour({tour: first.tour});
      }
      const report = () => {
        const {day, view} = controller.state;
        const seq = sequence.report(day);
        const linked = writeMoment(parent, {day, view, lang: chosen, focus, present});
        post("streamlit:setComponentValue", {dataType: "json", value: {date: isoDay(day), view, lang: chosen, focus, present, seq, linked}});
      };
      map.on("mbt:settle", (e) => { if (e.report) report(); });
      /* A card opened or closed: the app's panels follow the country (app.py). */
      map.on("mbt:focus", (e) => {
        if ((e.iso3 || null) === focus) return;
        focus = e.iso3 || null;
        report();
      });
      /* The map asks the app for another language; the app draws its page in it and sends it
         back, and the map opens again in it (below). */
      this.setLanguage = (code) => { chosen = code; report(); };
      onRender = (args) => {
        if (args.lang && args.lang !== lang && Object.hasOwn(data.langs, args.lang)) {
          win.location.reload();  /* Streamlit sends the arguments again to the new document */
          return;
        }
        useTour(args);
        /* The app chose a country (its own search): its card opens, as the map's Find does. */
        const wanted = args.focus || null;
        if (card && wanted !== focus && (wanted === null || Object.hasOwn(data.units, wanted))) {
          focus = wanted;
          if (wanted && parts.find) parts.find.show(wanted);
          else if (wanted) card.open(wanted);
          else card.close();
        }
        const day = sequence.follow({day: args.date ? parseDay(args.date) : null, seq: args.seq || 0},
          controller.state.day, controller.playing || controller.touring);
        if (day !== null) controller.scrub(day);
      };
      onPresent = (on) => { controller.setPresent(on); map.fire("mbt:present", {present: on}); };
      controller.setPresent(present);
      this.leavePresentation = () => { setPresent(false); report(); };
      report();  /* the app waits for this to add the panels below the map (app.py) */
    },
    leavePresentation() {},
    setLanguage() {},
    fullScreen() { fullScreen(win, true); },
  };
}

/** Full screen for the page the map is in (the top page when it can be reached). */
export function fullScreen(win, embedded) {
  let doc = win.document, target = doc.documentElement;
  try {
    if (embedded) {
      doc = win.top.document;
      target = doc.documentElement;
    }
  } catch { /* another origin */ }
  if (doc.fullscreenElement) doc.exitFullscreen();
  else if (target.requestFullscreen) target.requestFullscreen().catch(() => {});
}
