/* Opened on its own (the single-file map, a static site): the moment comes from the page's own
   address (?date=&view=&present=) and is written back, replaced in place, when the date settles,
   exactly as in the app (link/moment.js). */

import {fullScreen} from "./bridge.js";
import {readMoment, writeMoment} from "./moment.js";

export function standaloneHost(win = window) {
  let present = false;
  return {
    embedded: false,
    async opening(data) {
      const moment = readMoment(win.location.search, data);
      present = !!moment.present;
      win.document.body.classList.toggle("mbt-present", present);
      return moment;
    },
    attach({map, controller}) {
      controller.setPresent(present);
      map.on("mbt:settle", (e) => {
        if (e.report) writeMoment(win, {day: controller.state.day, view: controller.state.view, present});
      });
    },
    leavePresentation() {
      present = false;
      win.document.body.classList.remove("mbt-present");
    },
    fullScreen() { fullScreen(win, false); },
  };
}
