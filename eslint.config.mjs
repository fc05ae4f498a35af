// ESLint for the site's own JavaScript (`make lint`). Each app's scripts are ES modules served
// as they are (no bundler); add an app's static folder to `files` once its scripts are modules.
import js from "@eslint/js";

export default [
    {
        files: ["courses/static/**/*.js"],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "module",
            globals: {
                window: "readonly",
                document: "readonly",
                URLSearchParams: "readonly",
            },
        },
    },
];
