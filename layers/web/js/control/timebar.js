/* The date control, the page's one: slider with event ticks, a date field, previous/next event,
   play/pause, and (behind "More" on a narrow screen) speed, "Play the belt", the tour and its
   pace. It only calls the date controller; other
   controls add their buttons to its row with addButton(). */

import {button, el} from "../core/dom.js";
import {isoDay, parseDay, parts as dayParts} from "../core/days.js";
import {longDay} from "../core/format.js";
import {t} from "../core/i18n.js";
import {markOpen} from "./open.js";
import {addPanel} from "./panel.js";

export const timebar = {
  name: "timebar",
  needs: [],
  start({L, map, data, controller}, settings) {
    const ui = {};
    /* The tour's stops come from Python (layers/tours.py, a tour file; a presenter's own
       through the app): the caption shows the stop's title and note with the source of that
       day's first event; each is held for its own seconds, until the presenter picks a pace. */
    let paceChosen = false;
    const tourStops = () => data.tour.map(([day, view, title, index, hold, focus, note]) => {
      const event = index === null ? null : data.events[index];
      return {day, view, focus: focus || null, holdMs: paceChosen || !hold ? 0 : hold * 1000,
        event: [day, focus || (event ? event[1] : ""), event ? event[2] : "", title, event ? event[4] : null, note || ""]};
    });
    const box = addPanel(L, map, "bottomleft", "mbt-timebar", (panel) => {
      panel.setAttribute("role", "group");
      panel.setAttribute("aria-label", t("Date control"));
      /* The slider first (the first Tab stop in the map), then the buttons, then the date as a
         field to type or pick (dragging to one day on a phone is hard; its day, month and year
         are three Tab stops, so it comes last; a narrow map shows it beside the slider). */
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
      axis.setAttribute("aria-hidden", "true");
      el("span", "", isoDay(data.start), axis);
      for (let year = 2000; year < dayParts(data.end).year; year += 5) el("span", "", year, axis);
      el("span", "", isoDay(data.end), axis);
      const row = el("div", "mbt-row", null, panel);
      /* On a narrow map the buttons show their symbol only (the word is in their name). */
      words(button(row, "", t("Previous event (PageUp)"), () => controller.step(-1)), t("‹ Event"), "‹");
      ui.play = button(row, "", t("Play or pause (Space)"), () => controller.toggle());
      words(ui.play, t("▶ Play"), "▶");
      ui.play.className = "mbt-play";
      ui.play.setAttribute("aria-pressed", "false");
      words(button(row, "", t("Next event (PageDown)"), () => controller.step(1)), t("Event ›"), "›");
      /* On a narrow screen the other controls wait behind "More" (map.css), so the control
         keeps to two rows; elsewhere "More" is not shown and they follow in the row. */
      const more = ui.more = el("div", "mbt-more", null, row);
      more.id = "mbt-more";
      ui.moreButton = moreButton(row, more, panel, map);
      ui.speed = select(more, t("Speed"), settings.speeds.map(([label, days]) => [t(label), days]), controller.speed);
      ui.speed.addEventListener("change", () => controller.setSpeed(+ui.speed.value));
      /* A name that starts with the words shown (WCAG 2.5.3, Label in Name). */
      ui.belt = button(more, t("▶ Play the belt, 2025-26"), t("Play the belt, 2025-26: 2025-03-01 to 2026-03-01"), () => {
        controller.setSpeed(Math.min(+ui.speed.value, settings.beltSpeed));
        controller.setView("eastern", false);
        controller.play(data.belt.window[0], data.belt.window[1]);
      });
      ui.tour = button(more, t("Tour of the belt"), t("Tour of the belt. Guided tour: the key events of 2025-26, one at a time"), () => {
        if (controller.touring) controller.pause(true); else controller.tour(tourStops());
      });
      ui.tour.setAttribute("aria-pressed", "false");
      ui.pace = select(more, t("Seconds on each tour stop"), settings.paces.map((s) => [t("{seconds} s a stop", {seconds: s}), s]), settings.pace);
      ui.pace.addEventListener("change", () => {
        paceChosen = true;  /* the presenter's pace, over the file's holds */
        controller.setTourPace(1000 * +ui.pace.value);
      });
      controller.setTourPace(1000 * settings.pace);
      ui.field = dateField(row, data, controller);
    });
    map.on("mbt:day", (e) => {
      ui.slider.value = e.day;
      ui.slider.setAttribute("aria-valuetext", longDay(e.day));
    });
    const showField = () => {
      if (document.activeElement !== ui.field) ui.field.value = isoDay(controller.state.day);
    };
    map.on("mbt:settle", showField);
    map.on("mbt:play", () => {
      showField();
      const playing = controller.playing;
      words(ui.play, playing ? t("❚❚ Pause") : t("▶ Play"), playing ? "❚❚" : "▶");
      ui.play.setAttribute("aria-pressed", String(playing));
      ui.tour.setAttribute("aria-pressed", String(controller.touring));
    });
    return {
      box,
      slider: ui.slider,
      play: ui.play,
      /** A button at the end of the control's row, behind "More" on a narrow screen (the
          chart's toggle). */
      addButton: (text, label) => button(ui.more, text, label),
      /** Start the tour of data.tour (the app's "Present this tour"). */
      startTour: () => controller.tour(tourStops()),
      /** The tour button names a presenter's own tour (the app sent one) or the belt's. */
      ownTour(own) {
        ui.tour.textContent = own ? t("Your tour") : t("Tour of the belt");
        const label = own ? t("Your tour: its stops, one at a time")
          : t("Tour of the belt. Guided tour: the key events of 2025-26, one at a time");
        ui.tour.title = label;
        ui.tour.setAttribute("aria-label", label);
      },
      /** A list to choose from, at the end of the row (the language). */
      addSelect: (label, options, value) => select(ui.more, label, options, value),
    };
  },
};

/** A button's text, *symbol* apart from the words (a narrow map shows the symbol only; the
    words stay in the button's name). */
function words(node, text, symbol) {
  node.textContent = "";
  const at = text.indexOf(symbol);
  if (at < 0) return el("span", "", text, node);
  if (at > 0) el("span", "mbt-word", text.slice(0, at), node);
  el("span", "mbt-symbol", symbol, node);
  if (at + symbol.length < text.length) el("span", "mbt-word", text.slice(at + symbol.length), node);
  return node;
}

/** The date as a field (a date picker on a phone): a whole date typed or picked shows it. */
function dateField(parent, data, controller) {
  const field = el("input", "mbt-datefield", null, parent);
  Object.assign(field, {type: "date", min: isoDay(data.start), max: isoDay(data.end), value: isoDay(controller.state.day), required: true});
  field.setAttribute("aria-label", t("Date, to type or pick"));
  field.setAttribute("data-testid", "date-field");
  field.addEventListener("change", () => {
    const day = parseDay(field.value);
    if (day !== null) controller.setDay(day);
  });
  return field;
}

/** "More": shows the row's other controls on a narrow screen; Escape or a tap on the map closes. */
function moreButton(row, more, panel, map) {
  const toggle = button(row, t("More"), null);
  toggle.className = "mbt-more-button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", more.id);
  const show = (on) => {
    panel.classList.toggle("mbt-more-open", on);
    toggle.setAttribute("aria-expanded", String(on));
    markOpen(map, toggle, on ? () => show(false) : null);
  };
  toggle.addEventListener("click", () => show(!panel.classList.contains("mbt-more-open")));
  map.on("click", () => { if (panel.classList.contains("mbt-more-open")) show(false); });
  row.insertBefore(toggle, more);
  return toggle;
}

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
