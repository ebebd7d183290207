/* The date control, the page's one: slider with event ticks, previous/next event, play/pause,
   speed, "Play the belt", the tour and its pace. It only calls the date controller; other
   controls add their buttons to its row with addButton(). */

import {button, el} from "../core/dom.js";
import {isoDay, parts as dayParts} from "../core/days.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {addPanel} from "./panel.js";

export const timebar = {
  name: "timebar",
  needs: [],
  start({L, map, data, controller}, settings) {
    const ui = {};
    const tourStops = () => data.tour.map((index) => {
      const event = data.events[index];
      return {day: event[0], event, view: "eastern"};
    });
    const box = addPanel(L, map, "bottomleft", "mbt-timebar", (panel) => {
      panel.setAttribute("role", "group");
      panel.setAttribute("aria-label", t("Date control"));
      const row = ui.row = el("div", "mbt-row", null, panel);
      button(row, t("‹ Event"), t("Previous event (PageUp)"), () => controller.step(-1));
      ui.play = button(row, t("▶ Play"), t("Play or pause (Space)"), () => controller.toggle());
      ui.play.className = "mbt-play";
      ui.play.setAttribute("aria-pressed", "false");
      button(row, t("Event ›"), t("Next event (PageDown)"), () => controller.step(1));
      ui.speed = select(row, t("Speed"), settings.speeds.map(([label, days]) => [t(label), days]), controller.speed);
      ui.speed.addEventListener("change", () => controller.setSpeed(+ui.speed.value));
      ui.belt = button(row, t("▶ Play the belt, 2025-26"), t("Play 2025-03-01 to 2026-03-01"), () => {
        controller.setSpeed(Math.min(+ui.speed.value, settings.beltSpeed));
        controller.setView("eastern", false);
        controller.play(data.belt.window[0], data.belt.window[1]);
      });
      ui.tour = button(row, t("Tour of the belt"), t("Guided tour: the key events of 2025-26, one at a time"), () => {
        if (controller.touring) controller.pause(true); else controller.tour(tourStops());
      });
      ui.tour.setAttribute("aria-pressed", "false");
      ui.pace = select(row, t("Seconds on each tour stop"), settings.paces.map((s) => [t("{seconds} s a stop", {seconds: s}), s]), settings.pace);
      ui.pace.addEventListener("change", () => controller.setTourPace(1000 * +ui.pace.value));
      controller.setTourPace(1000 * settings.pace);
      const track = el("div", "mbt-track", null, panel);
      const ticks = el("div", "mbt-ticks", null, track);
      for (const [day, major] of data.ticks) {
        const tick = el("div", `mbt-tick${major ? " mbt-major" : ""}`, null, ticks);
        tick.style.left = `${100 * (day - data.start) / (data.end - data.start)}%`;
      }
      const slider = ui.slider = el("input", "mbt-slider", null, track);
      Object.assign(slider, {type: "range", min: data.start, max: data.end, step: 1, value: controller.state.day});
      slider.setAttribute("aria-label", t("Date"));
      slider.setAttribute("aria-valuetext", longDay(controller.state.day));
      slider.setAttribute("data-testid", "date-slider");
      slider.addEventListener("input", () => controller.scrub(+slider.value));
      slider.addEventListener("change", () => controller.release());
      const axis = el("div", "mbt-axis", null, panel);
      el("span", "", isoDay(data.start), axis);
      for (let year = 2000; year < dayParts(data.end).year; year += 5) el("span", "", year, axis);
      el("span", "", isoDay(data.end), axis);
    });
    map.on("mbt:day", (e) => {
      ui.slider.value = e.day;
      ui.slider.setAttribute("aria-valuetext", longDay(e.day));
    });
    map.on("mbt:play", () => {
      const playing = controller.playing;
      ui.play.textContent = playing ? t("❚❚ Pause") : t("▶ Play");
      ui.play.setAttribute("aria-pressed", String(playing));
      ui.tour.setAttribute("aria-pressed", String(controller.touring));
    });
    return {
      box,
      slider: ui.slider,
      /** A button at the end of the control's row (the chart's toggle). */
      addButton: (text, label) => button(ui.row, text, label),
    };
  },
};

function select(parent, label, options, chosen) {
  const node = el("select", "", null, parent);
  node.setAttribute("aria-label", label);
  for (const [text, value] of options) {
    const option = el("option", "", text, node);
    option.value = value;
    if (value === chosen) option.selected = true;
  }
  return node;
}
