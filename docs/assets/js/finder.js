// The method finder on the Werkwijzen page: filters over server-rendered cards.
// Within a filter the chosen options combine with OR, across filters with AND.
// The filter state lives in the address (?fase=verkennen&setting=team&deelnemers=20&tijd=120).
// With a number of participants or an available time, only methods whose data give that number take part.
(() => {
  "use strict";

  const PARTICIPANTS = "deelnemers";
  const AVAILABLE_MINUTES = "tijd";

  function tokens(card, key) {
    return (card.dataset[key] || "").split(" ").filter(Boolean);
  }

  function boundOf(card, name) {
    const value = card.dataset[name];
    return value === undefined || value === "" ? null : Number(value);
  }

  function fitsGroup(card, participants) {
    const low = boundOf(card, "deelnemersMin");
    const high = boundOf(card, "deelnemersMax");
    // Without a group size, a duration per group size still says how many participants it counts on.
    if (low === null && high === null) return neededMinutes(card, participants) !== null && tokens(card, "minutenPerGroep").length > 0;
    return (low === null || participants >= low) && (high === null || participants <= high);
  }

  // The minutes a method needs: with a duration per group size ("8:45 30:90") the time of the
  // smallest group that holds the participants, none when they are more than every row allows.
  function neededMinutes(card, participants) {
    const rows = tokens(card, "minutenPerGroep").map((row) => row.split(":").map(Number));
    if (rows.length === 0 || participants === null) return boundOf(card, "minutenMin");
    const row = rows.find(([upTo]) => participants <= upTo);
    return row ? row[1] : null;
  }

  function fitsTime(card, minutes, participants) {
    const needed = neededMinutes(card, participants);
    return needed !== null && needed <= minutes;
  }

  function parseCount(text) {
    const number = Number(text);
    return text !== null && text !== "" && Number.isInteger(number) && number > 0 ? number : null;
  }

  function setUp(finder) {
    const form = finder.querySelector("[data-hb-finder-form]");
    const cards = Array.from(finder.querySelectorAll("[data-hb-finder-card]"));
    const count = finder.querySelector("[data-hb-finder-count]");
    const empty = finder.querySelector("[data-hb-finder-empty]");
    const first = finder.querySelector("[data-hb-finder-first]");
    const more = finder.querySelector("[data-hb-finder-more]");
    const participantsInput = form.elements.namedItem(PARTICIPANTS);
    const minutesInput = form.elements.namedItem(AVAILABLE_MINUTES);
    const checkboxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
    const keys = Array.from(new Set(checkboxes.map((box) => box.name)));

    function selection() {
      const chosen = {};
      for (const key of keys) {
        chosen[key] = checkboxes.filter((box) => box.name === key && box.checked).map((box) => box.value);
      }
      return chosen;
    }

    function matches(card, chosen, participants, minutes) {
      const everyFacet = keys.every(
        (key) => chosen[key].length === 0 || tokens(card, key).some((value) => chosen[key].includes(value)),
      );
      return everyFacet && (participants === null || fitsGroup(card, participants))
        && (minutes === null || fitsTime(card, minutes, participants));
    }

    function writeAddress(chosen, participants, minutes) {
      const params = new URLSearchParams();
      for (const key of keys) {
        for (const value of chosen[key]) params.append(key, value);
      }
      if (participants !== null) params.set(PARTICIPANTS, String(participants));
      if (minutes !== null) params.set(AVAILABLE_MINUTES, String(minutes));
      const query = params.toString();
      const address = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
      try {
        window.history.replaceState(window.history.state, "", address);
      } catch (error) {
        // Some browsers refuse to change a file:// address; the filters still work.
      }
    }

    // On a small screen the cards start below the filters: the status line, which stays at the bottom
    // of the window while the filters are in view, names the first result and links to it.
    function showFirst(card) {
      first.hidden = card === undefined;
      if (card === undefined) return;
      const source = card.querySelector("a");
      const link = first.querySelector("a");
      if (link.textContent !== source.textContent) link.textContent = source.textContent;
      link.setAttribute("href", source.getAttribute("href"));
    }

    function apply() {
      const chosen = selection();
      const participants = parseCount(participantsInput.value);
      const minutes = parseCount(minutesInput.value);
      const shownCards = [];
      for (const card of cards) {
        const visible = matches(card, chosen, participants, minutes);
        card.hidden = !visible;
        if (visible) shownCards.push(card);
      }
      const shown = shownCards.length;
      showFirst(shownCards[0]);
      const text = window.hbWords.text("finder_count", { shown, all: cards.length });
      // A checkbox fires both input and change: announce the count once.
      if (count.textContent !== text) count.textContent = text;
      empty.hidden = shown > 0;
      writeAddress(chosen, participants, minutes);
    }

    function readAddress() {
      const params = new URLSearchParams(window.location.search);
      for (const box of checkboxes) {
        box.checked = params.getAll(box.name).includes(box.value);
        if (box.checked && more && more.contains(box)) more.open = true;
      }
      const participants = parseCount(params.get(PARTICIPANTS));
      participantsInput.value = participants === null ? "" : String(participants);
      const minutes = parseCount(params.get(AVAILABLE_MINUTES));
      minutesInput.value = minutes === null ? "" : String(minutes);
    }

    function reset() {
      for (const box of checkboxes) box.checked = false;
      participantsInput.value = "";
      minutesInput.value = "";
      apply();
    }

    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", (event) => event.preventDefault());
    finder.querySelector("[data-hb-finder-reset]").addEventListener("click", reset);
    readAddress();
    apply();
  }

  function start() {
    document.querySelectorAll("[data-hb-finder]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
