// Bewaard: methods and worksheets a reader keeps, in this browser's localStorage only
// (through storage.js). Each saved item is {kind, id, title}; the Bewaard page builds its links
// from the overview links on that page, which MkDocs made relative to it.
(() => {
  "use strict";

  const STORAGE_NAME = "handboek.bewaard";
  const say = window.hbWords.text;
  const KINDS = { methods: say("saved_methods"), worksheets: say("saved_worksheets") };
  const BLOCKED = say("saved_blocked");

  function isItem(value) {
    return Boolean(value) && typeof value.id === "string" && typeof value.title === "string"
      && Object.prototype.hasOwnProperty.call(KINDS, value.kind);
  }

  // null when this browser does not let the page keep anything.
  function readSaved() {
    try {
      const parsed = JSON.parse(window.hbStorage.read(STORAGE_NAME) || "[]");
      return Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch (error) {
      return error instanceof SyntaxError ? [] : null;
    }
  }

  function writeSaved(items) {
    return window.hbStorage.write(STORAGE_NAME, JSON.stringify(items));
  }

  const same = (a, b) => a.kind === b.kind && a.id === b.id;

  function toggled(saved, item) {
    return saved.some((other) => same(other, item)) ? saved.filter((other) => !same(other, item)) : saved.concat([item]);
  }

  function itemOf(button) {
    return { kind: button.dataset.kind, id: button.dataset.id, title: button.dataset.title };
  }

  function showButton(button, saved) {
    const pressed = saved.some((item) => same(item, itemOf(button)));
    button.setAttribute("aria-pressed", String(pressed));
    button.textContent = pressed ? say("saved_pressed") : say("save");
    if ("hbSaveNamed" in button.dataset) {
      button.setAttribute("aria-label", `${button.textContent}: ${button.dataset.title}`);
    }
  }

  // Said next to the button the reader pressed, so that "Bewaren" never silently does nothing.
  // A new status region is filled a frame later: screen readers announce changes, not arrivals.
  function sayBlocked(button) {
    const next = button.nextElementSibling;
    if (next && next.matches("[data-hb-save-status]")) {
      next.textContent = BLOCKED;
      return;
    }
    const status = document.createElement("span");
    status.className = "hb-save__status";
    status.dataset.hbSaveStatus = "";
    status.setAttribute("role", "status");
    button.after(" ", status);
    window.requestAnimationFrame(() => { status.textContent = BLOCKED; });
  }

  function setUpButtons(onChange) {
    const buttons = Array.from(document.querySelectorAll("[data-hb-save]"));
    const refresh = (saved) => buttons.forEach((button) => showButton(button, saved));
    refresh(readSaved() || []);
    buttons.forEach((button) => {
      button.addEventListener("click", () => {
        const next = toggled(readSaved() || [], itemOf(button));
        if (writeSaved(next)) {
          refresh(next);
          onChange(next);
        } else {
          sayBlocked(button);
        }
      });
    });
    return refresh;
  }

  // The link to an item, next to the overview link of its kind on the Bewaard page:
  // `../werkwijzen/` gives `../werkwijzen/<id>/`, `werkwijzen/index.html` gives `werkwijzen/<id>.html`.
  function itemHref(base, id) {
    const folder = base.replace(/[^/]*$/, "");
    return base.endsWith(".html") ? `${folder}${encodeURIComponent(id)}.html` : `${folder}${encodeURIComponent(id)}/`;
  }

  function setUpList(container) {
    const list = container.querySelector("[data-hb-saved-list]");
    const message = container.querySelector("[data-hb-saved-message]");
    const status = container.querySelector("[data-hb-saved-status]");
    const bases = {};
    document.querySelectorAll("[data-hb-saved-base]").forEach((link) => {
      bases[link.dataset.hbSavedBase] = link.getAttribute("href");
    });

    function removeButton(item) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button hb-saved__remove";
      button.textContent = say("saved_remove");
      button.setAttribute("aria-label", say("saved_remove_named", { title: item.title }));
      button.addEventListener("click", () => {
        const next = (readSaved() || []).filter((other) => !same(other, item));
        if (!writeSaved(next)) return;
        const position = Array.from(list.querySelectorAll(".hb-saved__remove")).indexOf(button);
        render(next);
        status.textContent = say("saved_removed", { title: item.title });
        const remaining = list.querySelectorAll(".hb-saved__remove");
        (remaining[Math.min(position, remaining.length - 1)] || message).focus();
      });
      return button;
    }

    function entry(item) {
      const row = document.createElement("li");
      row.className = "hb-saved__item";
      const link = document.createElement("a");
      link.href = itemHref(bases[item.kind] || "", item.id);
      link.textContent = item.title;
      row.append(link, " ", removeButton(item));
      return row;
    }

    function render(saved) {
      list.replaceChildren();
      if (saved === null) {
        message.textContent = BLOCKED;
        message.hidden = false;
        return;
      }
      message.textContent = say("saved_none");
      message.hidden = saved.length > 0;
      for (const [kind, heading] of Object.entries(KINDS)) {
        const items = saved.filter((item) => item.kind === kind);
        if (items.length === 0) continue;
        const title = document.createElement("h2");
        title.textContent = heading;
        const group = document.createElement("ul");
        group.className = "hb-saved__group";
        group.append(...items.map(entry));
        list.append(title, group);
      }
    }

    render(readSaved());
    return render;
  }

  function start() {
    const container = document.querySelector("[data-hb-saved]");
    const renderList = container ? setUpList(container) : () => {};
    const refreshButtons = setUpButtons(renderList);
    // Another tab saved or removed something: show the same state here.
    window.addEventListener("storage", (event) => {
      if (event.key !== window.hbStorage.key(STORAGE_NAME) && event.key !== null) return;
      const saved = readSaved();
      refreshButtons(saved || []);
      renderList(saved);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
