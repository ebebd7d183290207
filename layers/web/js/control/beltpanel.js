/* The belt in numbers, on the map: kilometres of land border with Russia and Belarus along the
   States leaving (published and measured, labelled), a bar per State that grows as it joins the
   belt, and their population. Ukraine's borders are listed apart, as contested. The totals are
   computed in geodata/belt.py for every day they change; the panel looks them up. */

import {button, el} from "../core/dom.js";
import {km, number} from "../core/format.js";
import {t} from "../core/i18n.js";
import {lastAtOrBefore, valueAt} from "../core/lookup.js";
import {lengthText} from "../core/phrases.js";
import {markOpen} from "./open.js";
import {addPanel, isNarrow, NARROW} from "./panel.js";

export const beltPanel = {
  name: "beltpanel",
  needs: [],
  after: ["caption"],  /* below the caption, in the same corner */
  start({L, map, data, controller}) {
    /* The States whose borders can join the belt, with their lengths (geodata/belt.py). */
    const states = data.belt.states.filter((s) => !s.contested);
    const longest = Math.max(...states.map((s) => s.published ?? s.measured));
    const rows = {};
    let total, people, apart, table;
    /* Open on the eastern flank and in presentation mode; on a narrow map folded into one line
       (a button) that unfolds over the map. */
    const opens = () => (controller.state.view === "eastern" || controller.state.present) && !isNarrow(map);
    let chosen = false;  /* once the user folds or unfolds it, it stays so */
    const box = addPanel(L, map, "topleft", "mbt-belt", (panel) => {
      panel.setAttribute("data-testid", "belt-panel");
      const toggle = button(panel, "");
      el("span", "mbt-chip-text", t("Belt ▸"), toggle);
      const word = el("span", "mbt-toggle-text", "", toggle);
      el("h2", "mbt-title", t("The belt: land borders with Russia and Belarus"), panel);
      total = el("div", "mbt-total", "", panel);
      people = el("div", "mbt-source", "", panel);
      table = el("table", "", null, panel);
      for (const state of states) {
        const row = el("tr", "", null, table);
        el("td", "", data.units[state.iso3].n, row);
        const cell = el("td", "mbt-barcell", null, row);
        rows[state.iso3] = {bar: el("div", "mbt-bar", null, cell), value: el("td", "mbt-n", "", row)};
      }
      apart = el("div", "mbt-source", "", panel);
      const show = (on, user) => {
        table.hidden = !on;
        panel.classList.toggle("mbt-folded", !on);
        word.textContent = on ? t("Hide") : t("Show");
        toggle.setAttribute("aria-expanded", String(on));
        if (user) markOpen(map, toggle, on ? () => show(false, true) : null);
        chosen = chosen || user;
      };
      show(opens(), false);
      toggle.addEventListener("click", () => show(table.hidden, true));
      /* Where the panels of its corner would reach the date control (a short window, the single
         file's events below it), it opens folded, unless the user chose. */
      const makeRoom = () => {
        if (chosen || table.hidden) return;
        const bar = map.getContainer().querySelector(".mbt-timebar");
        const panels = [...panel.parentNode.children].filter((p) => p.offsetParent !== null);
        if (!bar || !panels.length) return;
        const bottom = Math.max(...panels.map((p) => p.getBoundingClientRect().bottom));
        if (bottom > bar.getBoundingClientRect().top - 4) {
          show(false, false);
          map.fire("mbt:panels");  /* the view is refitted into the room it leaves */
        }
      };
      map.whenReady(() => requestAnimationFrame(makeRoom));
      map.on("resize mbt:fitted", makeRoom);
      /* The frame's size is set after the map starts (link/bridge.js), and a phone turns. */
      map.getContainer().ownerDocument.defaultView.matchMedia(NARROW).addEventListener("change", () => {
        if (!chosen) show(opens(), false);
      });
      /* Unfolded over a narrow map, a tap on the map folds it again. */
      map.on("click", () => { if (!table.hidden && isNarrow(map)) show(false, true); });
    });
    let shownKey = null;
    const update = (day) => {
      /* Called on every frame of playback: the panel changes only when the totals do. */
      const index = lastAtOrBefore(data.belt.totals, day);
      const key = `${index}:${states.map((s) => valueAt(data.units[s.iso3].r, day)).join()}`;
      if (key === shownKey) return;
      shownKey = key;
      const totals = index < 0 ? null : data.belt.totals[index][1];
      const inside = new Set(totals ? totals.states : []);
      for (const state of states) {
        const row = rows[state.iso3], on = inside.has(state.iso3);
        row.bar.style.width = on ? `${100 * (state.published ?? state.measured) / longest}%` : "0";
        row.bar.style.background = data.styles[valueAt(data.units[state.iso3].r, day)].colour;
        row.value.textContent = on ? lengthText(state.published) : "–";
      }
      const count = inside.size;
      total.textContent = count
        ? t("{published} published · {measured} measured", {published: lengthText(totals.published), measured: km(totals.measured)})
        : t("No State leaving");
      people.textContent = count
        ? t("States: {count} · {people} million people (Natural Earth estimate). Measured on the 1:10m map; published figures follow every river bend.",
          {count, people: number(totals.population / 1e6, 1)})
        : "";
      apart.textContent = (totals ? totals.contested : []).map((c) => t("{state}: {published} published ({measured} measured), contested, not counted",
        {state: data.units[c.iso3].n, published: lengthText(c.published), measured: km(c.measured)})).join("; ");
    };
    map.on("mbt:day", (e) => update(e.day));
    update(controller.state.day);
    return {box, totals: () => {
      const index = lastAtOrBefore(data.belt.totals, controller.state.day);
      const totals = index < 0 ? null : data.belt.totals[index][1];
      return totals ? {published: totals.published, measured: totals.measured, states: totals.states.length, population: totals.population}
        : {published: 0, measured: 0, states: 0, population: 0};
    }};
  },
};
