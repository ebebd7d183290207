/* Finding a map unit by what a person types: its name or its code, whatever the accents,
   apostrophes or case ("Cote d'Ivoire", "cote divoire" and "CIV" all find Côte d'Ivoire). */

/** *text* as compared: no accents, letters and digits only, lower case, single spaces. */
export function fold(text) {
  return String(text).normalize("NFD").replace(/\p{M}/gu, "").replace(/['’ʼ`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim().toLowerCase();
}

/** The codes of the units *query* finds, best first: a code, then a whole name, then names
    that start with it, then names that contain it. *units*: {iso3: name or [names]} (the
    page's language's and the English one: "Litwa" and "Lithuania" both find LTU). */
export function findUnits(units, query) {
  const wanted = fold(query);
  if (!wanted) return [];
  const ranked = [];
  for (const [iso3, names] of Object.entries(units)) {
    let best = null;
    for (const folded of [names].flat().map(fold)) {
      const rank = iso3.toLowerCase() === wanted ? 0 : folded === wanted ? 1 : folded.startsWith(wanted) ? 2
        : folded.includes(wanted) ? 3 : -1;
      if (rank >= 0 && (best === null || rank < best[0])) best = [rank, folded, iso3];
    }
    if (best) ranked.push(best);
  }
  return ranked.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).map(([, , iso3]) => iso3);
}
