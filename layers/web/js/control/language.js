/* The language of the map: a list of the languages, each in its own name. Beside the views
   (World, Europe, Eastern flank) on a wide map, in presentation mode too; behind "More" in the
   date control on a narrow one (map.css shows one of the two). A choice opens the map again at
   the same moment in that language (the host says how: the app redraws its page in it, a page
   on its own reloads with ?lang=). */

import {el} from "../core/dom.js";
import {t} from "../core/i18n.js";

export const language = {
  name: "language",
  needs: ["views", "timebar"],
  start({map, data, host, parts}) {
    const options = Object.entries(data.languages).filter(([code]) => Object.hasOwn(data.langs, code));
    const choices = [
      listIn(map.getContainer().querySelector(".mbt-views"), options, data.lang, "mbt-language mbt-language-wide"),
      parts.timebar.addSelect(t("Language"), options.map(([code, name]) => [name, code]), data.lang),
    ];
    choices[1].classList.add("mbt-language", "mbt-language-narrow");
    for (const choice of choices) {
      for (const option of choice.options) option.lang = option.value;  /* read in its own language */
      choice.addEventListener("change", () => host.setLanguage(choice.value));
    }
    return {choices};
  },
};

function listIn(parent, options, chosen, className) {
  const node = el("select", className, null, parent);
  node.setAttribute("aria-label", t("Language"));
  for (const [code, name] of options) {
    const option = el("option", "", name, node);
    option.value = code;
    if (code === chosen) option.selected = true;
  }
  return node;
}
