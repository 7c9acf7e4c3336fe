// A table wider than the screen scrolls sideways (Material wraps it in .md-typeset__scrollwrap).
// A keyboard user can scroll it only when it can take focus (WCAG 2.1.1), so such a wrapper
// becomes a named, focusable region; one that fits stays out of the tab order.
(function () {
  "use strict";

  function updateScrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", "Tabel, schuift opzij");
      } else {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }

  window.addEventListener("load", updateScrollableTables);
  window.addEventListener("resize", updateScrollableTables);
})();
