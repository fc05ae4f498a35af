// PurgeCSS keeps the KERN selectors our markup uses (manage.py build_assets; output in var/build/,
// never committed). Content: every template, our JavaScript, and Python, which sets widget and
// block classes (e.g. attrs={"class": "kern-form-input__input"}).
module.exports = {
  css: ["node_modules/@kern-ux/native/dist/kern.min.css"],
  content: [
    "templates/**/*.html",
    "{cms,courses,events,learning}/**/*.{js,py,html}",
  ],
  // KERN's theme and state selectors that JavaScript or the server set at run time, and the
  // class families templates compose from a variable (kern-alert--{{ variant }}, …).
  safelist: {
    standard: [
      "html",
      "body",
      /^kern-alert--/,
      /^kern-icon--(info|success|warning|danger)$/,
      /^kern-form-check__(radio|checkbox)/,
    ],
    deep: [],
    greedy: [/data-kern-theme/, /:focus-visible/, /aria-/],
  },
  variables: false,
  keyframes: true,
  fontFace: true,
};
