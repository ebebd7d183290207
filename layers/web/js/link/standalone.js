/* Opened on its own (the single-file map, a static site): the moment comes from the page's own
   address (?date=&view=&lang=&present=) and is written back, replaced in place, when the date
   settles, exactly as in the app (link/moment.js). Another language opens the page again at the
   same moment in it (the single file has every language inside; a site fetches the one). */

import {fullScreen} from "./bridge.js";
import {momentQuery, readMoment, writeMoment} from "./moment.js";

export function standaloneHost(win = window) {
  let present = false, controller = null, card = null;
  const moment = () => ({day: controller.state.day, view: controller.state.view, lang: win.document.documentElement.lang,
    focus: card ? card.current() : null, present});
  return {
    embedded: false,
    async opening(data) {
      const opened = readMoment(win.location.search, data);
      /* No ?lang=: the browser's first language that the page has (as the app does). */
      if (!opened.lang) opened.lang = browserLanguage(win.navigator.languages || [win.navigator.language], data.langs);
      present = !!opened.present;
      win.document.body.classList.toggle("mbt-present", present);
      return opened;
    },
    attach(context) {
      controller = context.controller;
      card = context.parts.card || null;
      controller.setPresent(present);
      context.map.on("mbt:settle", (e) => {
        if (e.report) writeMoment(win, moment());
      });
      context.map.on("mbt:focus", () => writeMoment(win, moment()));
    },
    setLanguage(lang) {
      const location = win.location;
      location.replace(location.pathname + momentQuery({...moment(), lang}, location.search) + location.hash);
    },
    leavePresentation() {
      present = false;
      win.document.body.classList.remove("mbt-present");
    },
    fullScreen() { fullScreen(win, false); },
  };
}

/** The first of the browser's *preferred* languages ("pl-PL", "fi") that *langs* has, or undefined. */
export function browserLanguage(preferred, langs) {
  for (const tag of preferred) {
    const code = String(tag || "").toLowerCase().split(/[-_]/)[0];
    if (Object.hasOwn(langs, code)) return code;
  }
  return undefined;
}
