// ESLint for the map's browser code (layers/web/js) and its unit tests (tests/js).
import js from "@eslint/js";
import globals from "globals";

export default [
  {ignores: ["layers/web/js/dist/**", "layers/assets/**", "node_modules/**", ".venv/**", "bench/**"]},
  js.configs.recommended,
  {
    files: ["layers/web/js/**/*.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {...globals.browser}},
  },
  {
    files: ["layers/web/js/build.mjs", "tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {...globals.node}},
  },
];
