// ESLint for the first-party JavaScript (flat config): the recommended rules, browser globals,
// ES modules. Vendor code (KERN, axe, h5p-standalone) is served from node_modules and not ours.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [
      "node_modules/**",
      ".venv/**",
      "var/**",
      "**/vendor/**",
    ],
  },
  js.configs.recommended,
  {
    files: ["{cms,courses,events,learning}/static/**/*.{js,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser },
    },
  },
  {
    // A classic script on purpose: it sets the theme in <head> before the first paint, which a
    // (deferred) module cannot do.
    files: ["cms/static/lernhafen/js/display.js"],
    languageOptions: { sourceType: "script" },
  },
];
