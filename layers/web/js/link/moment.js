/* A moment of the map as a link: ?date=YYYY-MM-DD&view=NAME&lang=xx[&focus=ISO3][&present=1]
   (focus: the country whose card is open). Read on open and
   written when the date settles, the same in the app, the single file and the static site.
   The app's parser of the same parameters is layers/params.py. */

import {isoDay, parseDay} from "../core/days.js";

/* Parameters that belong to the page the map is shown in (Streamlit's embedding, the app's
   tour), kept as they are when the map writes its own. */
const KEPT = ["embed", "embed_options", "tour"];

/** The query string ("?date=...") for a moment, keeping the page's own parameters of *current*. */
export function momentQuery({day, view, lang, focus, present}, current = "") {
  const params = new URLSearchParams();
  params.set("date", isoDay(day));
  params.set("view", view);
  if (lang) params.set("lang", lang);
  if (focus) params.set("focus", focus);
  if (present) params.set("present", "1");
  new URLSearchParams(current).forEach((value, key) => {
    if (KEPT.includes(key)) params.append(key, value);
  });
  return `?${params.toString()}`;
}

/** The moment a query string names, within the data's days, views and languages: only the
    parts that are valid ({day, view, lang, focus, present}, each may be missing). */
export function readMoment(search, {start, end, views, langs = {}, units = {}}) {
  const params = new URLSearchParams(search);
  const moment = {};
  const day = params.has("date") ? parseDay(params.get("date")) : null;
  if (day !== null && day >= start && day <= end) moment.day = day;
  const view = params.get("view");
  if (view !== null && Object.hasOwn(views, view)) moment.view = view;
  const lang = params.get("lang");
  if (lang !== null && Object.hasOwn(langs, lang)) moment.lang = lang;
  const focus = params.get("focus");
  if (focus !== null && Object.hasOwn(units, focus)) moment.focus = focus;
  const present = params.get("present");
  if (present !== null && ["1", "true", "yes", "on"].includes(present.trim().toLowerCase())) moment.present = true;
  return moment;
}

/** Replace the address of *win* with the moment (no history entry: Back leaves the map);
    false if it cannot be written (another origin). */
export function writeMoment(win, moment) {
  try {
    const location = win.location, query = momentQuery(moment, location.search);
    if (location.search !== query) {
      win.history.replaceState(win.history.state, "", location.pathname + query + location.hash);
    }
    return true;
  } catch {
    return false;
  }
}
