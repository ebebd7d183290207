/* The language of the map: a list of the languages, each in its own name, at the end of the
   date control's row (behind "More" on a narrow screen; there in presentation mode too). A
   choice opens the map again at the same moment in that language (the host says how: the app
   redraws its page in it, a page on its own reloads with ?lang=). */

import {t} from "../core/i18n.js";

export const language = {
  name: "language",
  needs: ["timebar"],
  after: ["chart"],
  start({data, host, parts}) {
    const options = Object.entries(data.languages).filter(([code]) => Object.hasOwn(data.langs, code));
    const choice = parts.timebar.addSelect(t("Language"), options.map(([code, name]) => [name, code]), data.lang);
    choice.classList.add("mbt-language");
    for (const option of choice.options) option.lang = option.value;  /* read in its own language */
    choice.addEventListener("change", () => host.setLanguage(choice.value));
    return {choice};
  },
};
