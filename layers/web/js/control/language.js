/* The language of the map, each language in its own name. On a wide map (in presentation mode
   too) a small button beside the views names the language shown ("EN ▾") and opens the list;
   on a narrow one a list behind "More" in the date control (map.css shows one of the two). A
   choice opens the map again at the same moment in that language (the host says how: the app
   redraws its page in it, a page on its own reloads with ?lang=). */

import {button, el} from "../core/dom.js";
import {t} from "../core/i18n.js";
import {markOpen} from "./open.js";

export const language = {
  name: "language",
  needs: ["views", "timebar"],
  start({L, map, data, host, parts}) {
    const options = Object.entries(data.languages).filter(([code]) => Object.hasOwn(data.langs, code));
    const choose = (code) => { if (code !== data.lang) host.setLanguage(code); };
    const menu = languageMenu(map, map.getContainer().querySelector(".mbt-views"), options, data.lang, choose);
    const list = parts.timebar.addSelect(t("Language"), options.map(([code, name]) => [name, code]), data.lang);
    list.classList.add("mbt-language", "mbt-language-narrow");
    for (const option of list.options) option.lang = option.value;  /* read in its own language */
    list.addEventListener("change", () => choose(list.value));
    L.DomEvent.disableClickPropagation(menu.box);
    map.fire("mbt:panels");  /* the views' panel grew: the view is refitted, names placed again */
    return {menu, list};
  },
};

/* A disclosure button and its list of languages (buttons), closed by a choice, Escape
   (control/open.js) or a click elsewhere. */
function languageMenu(map, parent, options, chosen, choose) {
  const box = el("div", "mbt-language mbt-language-wide", null, parent);
  const names = Object.fromEntries(options);
  /* Named "EN Language: English": the visible code first, as what is seen is said (WCAG 2.5.3). */
  const toggle = button(box, chosen.toUpperCase(), null);
  el("span", "mbt-sr", ` ${t("Language: {name}", {name: names[chosen]})}`, toggle);
  el("span", "", " ▾", toggle).setAttribute("aria-hidden", "true");
  toggle.title = t("Language: {name}", {name: names[chosen]});
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "mbt-language-list");
  const list = el("ul", "mbt-language-list", null, box);
  list.id = "mbt-language-list";
  list.hidden = true;
  const show = (on) => {
    list.hidden = !on;
    toggle.setAttribute("aria-expanded", String(on));
    markOpen(map, toggle, on ? () => show(false) : null);
  };
  for (const [code, name] of options) {
    const item = button(el("li", "", null, list), name, null, () => { show(false); choose(code); });
    item.lang = code;
    item.setAttribute("aria-current", String(code === chosen));
  }
  toggle.addEventListener("click", () => {
    show(list.hidden);
    if (!list.hidden) list.querySelector("[aria-current=true]").focus();
  });
  map.on("click", () => { if (!list.hidden) show(false); });
  return {box, toggle, list};
}
