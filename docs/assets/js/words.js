// The texts of the handbook's scripts in the site's language: the JSON of <script id="hb-words">
// (overrides/main.html, from macros/languages/). `hbWords.text(key, {name: value})` fills in each {name}.
(() => {
  "use strict";

  const fill = (texts, key, values = {}) => {
    if (!(key in texts)) {
      throw new Error(`no text ${key} in hb-words`);
    }
    return texts[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  };

  const blob = document.getElementById("hb-words");
  const texts = blob ? JSON.parse(blob.textContent) : {};
  window.hbWords = Object.freeze({ fill, text: (key, values) => fill(texts, key, values) });
})();
