// A table wider than the screen scrolls sideways inside its own box (handbook.css): Material's
// .md-typeset__scrollwrap, or the block around a worksheet's table. A keyboard user can scroll such a
// box only when it can take focus (WCAG 2.1.1), so it becomes a named, focusable region; one that fits
// stays out of the tab order.
(function () {
  "use strict";

  var SCROLL_BOXES = ".md-typeset__scrollwrap, .md-typeset .hb-block:has(> table.hb-fill)";
  var LABEL = window.hbWords.text("table_scrolls");

  function scrollsSideways(box) {
    return box.scrollWidth > box.clientWidth;
  }

  function updateScrollBoxes() {
    document.querySelectorAll(SCROLL_BOXES).forEach(function (box) {
      if (scrollsSideways(box)) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", LABEL);
      } else if (box.getAttribute("aria-label") === LABEL) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  // At most once per frame while a window is being resized.
  var pending = false;
  function updateSoon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      updateScrollBoxes();
    });
  }

  window.addEventListener("load", updateScrollBoxes);
  window.addEventListener("resize", updateSoon);
})();
