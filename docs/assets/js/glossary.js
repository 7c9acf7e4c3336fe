// A glossary term (macros/glossary.py writes it as <abbr title="explanation">) explains itself in a
// tooltip when a reader points at it, tabs to it or taps it, as the WAI tooltip pattern has it: the term
// can take focus and is described by its tooltip (aria-describedby), the tooltip stays while the term or
// the tooltip is pointed at or the term has focus, and Escape closes it.
// Material's content.tooltips did this by mounting a component per term as the page started. Here nothing
// runs until a reader points at a term. The title stays in the HTML, for a browser without JavaScript and
// for Material's tooltip where this script does not load; this script, deferred, runs before the
// DOMContentLoaded that Material waits for, and takes the titles off before Material looks for them.
(function () {
  "use strict";

  var GAP = 8; // px between the term and its tooltip
  var MARGIN = 8; // px the tooltip keeps from the edges of the window
  var HIDE_DELAY_MS = 250; // time to move the pointer from the term onto its tooltip

  // Where a tooltip of this size goes, in window coordinates: below the term, or above it when it does
  // not fit below and there is more room above; centred on the term, within the window's margins.
  function place(term, tip, view) {
    var roomBelow = view.height - term.bottom - GAP - MARGIN;
    var roomAbove = term.top - GAP - MARGIN;
    var above = tip.height > roomBelow && roomAbove > roomBelow;
    var centred = term.left + term.width / 2 - tip.width / 2;
    return {
      left: Math.max(MARGIN, Math.min(centred, view.width - MARGIN - tip.width)),
      top: above ? term.top - GAP - tip.height : term.bottom + GAP,
      above: above,
    };
  }

  window.hbGlossary = Object.freeze({ place: place });

  var TERM = "abbr[data-hb-term]";
  var TIP = "hb-tip"; // the class of an explanation
  var shown = null;
  var hideTimer = 0;

  function tipOf(term) {
    return document.getElementById(term.getAttribute("aria-describedby"));
  }

  function closest(node, selector) {
    return node && node.closest ? node.closest(selector) : null;
  }

  // The title holds the explanation HTML-escaped (macros/glossary.py), so that Material's tooltip, which
  // reads it as HTML, shows it as text where this script does not run. Read back here as text, in a
  // document that runs and loads nothing.
  function explanation(term) {
    return new DOMParser().parseFromString(term.title, "text/html").documentElement.textContent;
  }

  function describe(term, index) {
    var tip = document.createElement("div");
    tip.className = TIP;
    tip.id = TIP + "-" + index;
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.textContent = explanation(term);
    document.body.appendChild(tip);
    term.removeAttribute("title");
    term.setAttribute("data-hb-term", "");
    term.setAttribute("aria-describedby", tip.id);
    term.tabIndex = 0;
  }

  function show(term) {
    clearTimeout(hideTimer);
    if (shown === term) return;
    hide();
    var tip = tipOf(term);
    tip.style.left = tip.style.top = "0px"; // measured where nothing narrows it
    tip.hidden = false;
    var at = place(
      term.getBoundingClientRect(),
      { width: tip.offsetWidth, height: tip.offsetHeight },
      { width: document.documentElement.clientWidth, height: window.innerHeight }
    );
    tip.style.left = at.left + window.scrollX + "px";
    tip.style.top = at.top + window.scrollY + "px";
    shown = term;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (shown) tipOf(shown).hidden = true;
    shown = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  }

  document.querySelectorAll("article abbr[title]").forEach(describe);

  document.addEventListener("pointerover", function (event) {
    var term = closest(event.target, TERM);
    if (term) show(term);
    else if (shown && closest(event.target, "." + TIP)) clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    var left = closest(event.target, TERM) || closest(event.target, "." + TIP);
    if (shown && left && document.activeElement !== shown) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var term = closest(event.target, TERM);
    if (term) show(term);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === shown) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) hide();
  });
  // The tooltip sits on the page: it moves with the page, but not with a box that scrolls inside it.
  document.addEventListener("scroll", function (event) {
    if (shown && event.target !== document && event.target.contains(shown)) hide();
  }, true);
  window.addEventListener("resize", hide);
})();
