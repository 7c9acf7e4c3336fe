// Sessie plannen: a session agenda built from the handbook's methods, steps and ready-made plans.
// The data comes embedded in the page (#hb-planner-data), so nothing is fetched and the planner
// works from file:// too. The plan as data is plan-core.js's; this file shows it and keeps it, in
// this browser's localStorage only (through storage.js). A file or a link carries it elsewhere, and
// a link never replaces the reader's own plan unasked. Everything from data, files, links or storage
// is shown with textContent only.
(() => {
  "use strict";

  const STORAGE_NAME = "handboek.sessieplan";
  const LOADED_KEY = "handboek.sessieplan.adres";
  const text = window.hbWords.text;
  const BLOCKED = text("planner_blocked");

  const root = document.getElementById("hb-planner");
  const dataElement = document.getElementById("hb-planner-data");
  if (!root || !dataElement) {
    return;
  }

  const data = JSON.parse(dataElement.textContent);
  const {
    DEFAULT_MINUTES, MAX_MINUTES, MAX_ROWS, MAX_TEXT, TIME, PlanError, methods, plans,
    emptyPlan, isEmptyPlan, samePlan, newRow, rowTitle, dataMinutes, guideOf, moveRow, dropIndex,
    isRealDate, toMinutes, clock, startsOf, totalText, partsText, worksheetIds, asFile, wholePlan, readJson, readyPlan, encodeLink, addressedPlan,
  } = window.hbPlanCore(data);
  const element = (id) => document.getElementById(`hb-planner-${id}`);

  let plan = emptyPlan();
  let storageBlocked = false;
  let preview = null;
  // Which rows have their facilitator's details open: how the reader left them, also after a move.
  const openGuides = new Set();

  // ── Links ─────────────────────────────────────────────────────────────────

  function shareLink() {
    const address = new URL(window.location.href);
    address.search = "";
    address.hash = `plan=${encodeLink(asFile(plan))}`;
    return address.href;
  }

  // ── Storage ───────────────────────────────────────────────────────────────

  function save() {
    if (!window.hbStorage.write(STORAGE_NAME, JSON.stringify(asFile(plan))) && !storageBlocked) {
      storageBlocked = true;
      notice();
    }
  }

  // The reader's own plan and what to tell them about it.
  function storedPlan() {
    let source;
    try {
      source = window.hbStorage.read(STORAGE_NAME);
    } catch (error) {
      storageBlocked = true;
      return { plan: emptyPlan(), messages: [] };
    }
    if (!source) {
      return { plan: emptyPlan(), messages: [] };
    }
    try {
      const { plan: own, dropped } = readJson(source, text("planner_the_saved_plan"));
      const messages = dropped.length
        ? [text("planner_saved_partly", { dropped: dropped.join("; ") })]
        : [];
      return { plan: own, messages };
    } catch (error) {
      if (!(error instanceof PlanError)) {
        throw error;
      }
      return { plan: emptyPlan(), messages: [text("planner_saved_unreadable", { error: error.message })] };
    }
  }

  // ── Showing the plan ──────────────────────────────────────────────────────

  function make(tag, properties = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, properties);
    node.append(...children);
    return node;
  }

  function say(message) {
    element("message").textContent = message;
  }

  // What the reader must know about the plan as it opened: from a link, from storage, about storage.
  function notice(...messages) {
    const all = storageBlocked ? [...messages, BLOCKED] : messages;
    element("notice").replaceChildren(...all.map((message) => make("p", { textContent: message })));
  }

  function methodLine(row) {
    const method = row.method && methods.get(row.method);
    if (!method) {
      return null;
    }
    const line = make("p", { className: "hb-planner__source" });
    line.append(make("a", { href: method.url, textContent: method.title }));
    if (row.step && row.step !== row.title) {
      line.append(` · ${row.step}`);
    }
    return line;
  }

  function worksheetLine(row) {
    if (!row.worksheets.length) {
      return null;
    }
    const line = make("p", { className: "hb-planner__sheets" }, [make("strong", { textContent: `${text("planner_worksheets")}: ` })]);
    row.worksheets.forEach((id, index) => {
      const sheet = data.worksheets[id];
      line.append(make("a", { href: sheet.url, textContent: sheet.title }), index < row.worksheets.length - 1 ? ", " : "");
    });
    return line;
  }

  function labelled(label, value) {
    return make("p", {}, [make("strong", { textContent: `${label}: ` }), value]);
  }

  function listed(label, items) {
    return items.length
      ? [make("p", {}, [make("strong", { textContent: `${label}:` })]), make("ul", {}, items.map((text) => make("li", { textContent: text })))]
      : [];
  }

  // What the facilitator needs in the room for this row, folded away until asked for.
  function guideElement(row) {
    const guide = guideOf(row);
    const parts = [
      guide.invitation && labelled(text("planner_invitation"), guide.invitation),
      guide.configurations && labelled(text("planner_configuration"), guide.configurations),
      ...listed(text("planner_who_does_what"), guide.who.map(({ step, who }) => `${step}: ${who}`)),
      ...listed(text("planner_preparation"), guide.preparation),
      ...listed(text("planner_materials"), guide.materials),
      worksheetLine(row),
    ].filter(Boolean);
    if (!parts.length) {
      return null;
    }
    const details = make("details", { className: "hb-planner__guide", open: openGuides.has(row.key) });
    details.dataset.key = String(row.key);
    details.append(make("summary", { textContent: text("planner_for_facilitator") }), ...parts);
    return details;
  }

  // A row whose method or step has no time in the handbook says so, instead of a silent default.
  function minutesHint(row, input) {
    if (!row.method || dataMinutes(row) !== null) {
      return null;
    }
    const brief = methods.get(row.method).brief;
    const hint = make("p", {
      className: "hb-planner__hint hb-planner__no-time",
      id: `hb-planner-row-${row.key}-no-time`,
      textContent: brief ? text("planner_no_time_brief") : text("planner_no_time"),
    });
    input.setAttribute("aria-describedby", hint.id);
    return hint;
  }

  function field(row, name, label, input) {
    input.id = `hb-planner-row-${row.key}-${name}`;
    input.dataset.field = name;
    return make("p", { className: `hb-planner__field hb-planner__field--${name}` }, [
      make("label", { htmlFor: input.id, textContent: label }),
      input,
    ]);
  }

  function button(action, label, rowTitleText) {
    const node = make("button", { type: "button", className: "md-button hb-planner__button" });
    node.dataset.action = action;
    node.append(label, make("span", { className: "hb-visually-hidden", textContent: `: ${rowTitleText}` }));
    return node;
  }

  function rowElement(row, index) {
    const title = rowTitle(row);
    const item = make("li", { className: "hb-planner__row" });
    item.dataset.key = String(row.key);
    // Dragging is for the pointer; the Omhoog and Omlaag buttons do the same from the keyboard.
    const handle = make("span", { className: "hb-planner__handle", title: text("planner_drag"), textContent: "⋮⋮" });
    handle.setAttribute("aria-hidden", "true");
    const start = make("p", { className: "hb-planner__start" }, [
      handle,
      make("span", { className: "hb-visually-hidden", textContent: `${text("planner_starts_at")} ` }),
      make("span", { className: "hb-planner__time" }),
    ]);
    const minutes = make("input", {
      type: "number", value: String(row.minutes), min: "1", max: String(MAX_MINUTES), step: "1", inputMode: "numeric",
    });
    const fields = make("div", { className: "hb-planner__row-fields" }, [
      field(row, "title", text("planner_part"), make("input", { type: "text", value: title, maxLength: 200, autocomplete: "off" })),
      field(row, "minutes", text("planner_minutes"), minutes),
      field(row, "note", text("planner_note"), make("input", { type: "text", value: row.note, maxLength: MAX_TEXT, autocomplete: "off" })),
    ]);
    const details = [minutesHint(row, minutes), methodLine(row), guideElement(row)].filter(Boolean);
    const actions = make("p", { className: "hb-planner__row-actions" }, [
      button("up", text("planner_up"), title),
      button("down", text("planner_down"), title),
      button("remove", text("planner_remove"), title),
    ]);
    actions.querySelector('[data-action="up"]').disabled = index === 0;
    actions.querySelector('[data-action="down"]').disabled = index === plan.rows.length - 1;
    item.append(start, fields, ...details, actions);
    return item;
  }

  function renderRows() {
    const list = element("rows");
    list.replaceChildren(...plan.rows.map(rowElement));
    element("empty").hidden = plan.rows.length > 0;
    list.hidden = plan.rows.length === 0;
    update();
  }

  function renderSession() {
    element("title").value = plan.title;
    element("date").value = plan.date;
    element("start").value = plan.start;
    element("notes").value = plan.notes;
  }

  // Times, total and the printed agenda follow every change without rebuilding the form.
  function update() {
    const times = startsOf(plan);
    element("rows").querySelectorAll(".hb-planner__row").forEach((item, index) => {
      item.querySelector(".hb-planner__time").textContent = clock(times[index]);
    });
    element("total").textContent = plan.rows.length ? totalText(plan) : "";
    renderPrint(times);
  }

  // The printed session: cover, agenda and facilitator page, with the classes of the printed
  // packets (worksheet.css), so that both print alike.
  function printAgenda(times) {
    const head = make("thead", {}, [make("tr", {}, [text("planner_time"), text("planner_min"), text("planner_part_and_approach"), text("planner_note")].map(
      (label) => make("th", { scope: "col", textContent: label }),
    ))]);
    const seen = new Set();
    const body = make("tbody", {}, plan.rows.map((row, index) => {
      const method = row.method && methods.get(row.method);
      const part = make("td", {}, [make("p", { className: "hb-agenda__title", textContent: rowTitle(row) })]);
      if (method && method.title !== rowTitle(row)) {
        part.firstChild.append(make("span", { className: "hb-agenda__method", textContent: ` (${method.title})` }));
      }
      const guide = guideOf(row);
      const steps = [
        ...(guide.invitation ? [`${text("planner_invitation")}: ${guide.invitation}`] : []),
        ...guide.who.map((entry) => `${entry.step}: ${entry.who}`),
      ];
      if (steps.length) {
        part.append(make("ul", { className: "hb-agenda__steps" }, steps.map((text) => make("li", { textContent: text }))));
      }
      if (method && !seen.has(method.id) && guide.materials.length) {
        part.append(
          make("p", { className: "hb-agenda__note", textContent: `${text("planner_materials")}:` }),
          make("ul", { className: "hb-agenda__steps hb-planner-sheet__materials" }, guide.materials.map((text) => make("li", { textContent: text }))),
        );
      }
      if (method) {
        seen.add(method.id);
      }
      return make("tr", {}, [
        make("td", { textContent: `${clock(times[index])}–${clock(times[index] + row.minutes)}` }),
        make("td", { textContent: String(row.minutes) }),
        part,
        make("td", { textContent: row.note }),
      ]);
    }));
    const foot = make("tfoot", {}, [make("tr", {}, [
      make("td", { colSpan: 4, textContent: totalText(plan) }),
    ])]);
    return make("table", { className: "hb-agenda" }, [head, body, foot]);
  }

  function listOrSay(items, className, none) {
    return items.length
      ? make("ul", { className }, items.map((text) => make("li", { textContent: text })))
      : make("p", { textContent: none });
  }

  function printFacilitator() {
    const guides = plan.rows.map(guideOf);
    const unique = (lists) => [...new Set(lists.flat())];
    const sheets = worksheetIds(plan);
    const parts = [
      make("h3", { textContent: text("planner_for_facilitator") }),
      make("h4", { textContent: text("planner_preparation") }),
      listOrSay(unique(guides.map((guide) => guide.preparation)), "", text("planner_no_preparation")),
      make("h4", { textContent: text("planner_materials") }),
      listOrSay(unique(guides.map((guide) => guide.materials)), "hb-packet__checklist", text("planner_no_materials")),
      make("h4", { textContent: text("planner_printing") }),
    ];
    if (!sheets.length) {
      parts.push(make("p", { textContent: text("planner_no_worksheets") }));
      return parts;
    }
    parts.push(
      make("p", {}, [`${text("planner_participant_count")}: `, make("span", { className: "hb-packet__blank hb-packet__blank--short" })]),
      make("table", { className: "hb-agenda" }, [
        make("thead", {}, [make("tr", {}, [text("planner_worksheet"), text("planner_where"), text("planner_how_often")].map((label) => make("th", { scope: "col", textContent: label })))]),
        make("tbody", {}, sheets.map((id) => {
          const sheet = data.worksheets[id];
          const where = sheet.method ? text("planner_sheet_of_method", { title: sheet.method }) : text("planner_sheet_where");
          return make("tr", {}, [sheet.title, where, text("planner_one_each")].map((text) => make("td", { textContent: text })));
        })),
      ]),
    );
    return parts;
  }

  function renderPrint(times) {
    const sheet = element("sheet");
    const date = plan.date ? new Date(`${plan.date}T12:00:00`).toLocaleDateString(text("planner_date_locale"), {
      weekday: "long", day: "numeric", month: "long", year: "numeric",
    }) : "";
    const handbook = document.querySelector(".md-header__topic .md-ellipsis");
    const fact = (label, value) => [make("dt", { textContent: label }), make("dd", value)];
    const cover = make("section", { className: "hb-part hb-packet__cover" }, [
      make("p", { className: "hb-packet__handbook", textContent: handbook ? handbook.textContent.trim() : "" }),
      make("h2", { className: "hb-planner-sheet__title", textContent: plan.title || text("planner_agenda") }),
      make("dl", { className: "hb-packet__facts" }, [
        ...fact(text("planner_date"), date ? { textContent: date } : { className: "hb-packet__blank" }),
        ...fact(text("planner_start"), { textContent: clock(toMinutes(plan.start)) }),
        ...fact(text("planner_total_time"), { textContent: plan.rows.length ? totalText(plan) : "" }),
      ]),
    ]);
    if (plan.notes) {
      cover.append(make("p", { className: "hb-planner-sheet__notes", textContent: plan.notes }));
    }
    const agenda = make("section", { className: "hb-part hb-packet__agenda" }, [make("h3", { textContent: text("planner_agenda") })]);
    if (plan.rows.length) {
      agenda.append(printAgenda(times));
    }
    const facilitator = make("section", { className: "hb-part hb-packet__facilitator" }, printFacilitator());
    sheet.replaceChildren(cover, agenda, facilitator);
  }

  // ── Choosing what to add ──────────────────────────────────────────────────

  function minutesLabel(minutes, brief) {
    if (minutes) {
      return ` (${text("planner_minutes_short", { minutes })})`;
    }
    return ` (${brief ? text("planner_brief_no_time") : text("planner_no_duration")})`;
  }

  function fillPicker() {
    const picker = element("pick");
    picker.replaceChildren(...data.methods.map((method) => {
      const group = make("optgroup", { label: method.title });
      group.append(make("option", { value: `m:${method.id}`, textContent: `${text("planner_whole_method", { title: method.title })}${minutesLabel(method.minutes, method.brief)}` }));
      method.steps.forEach((step, index) => {
        group.append(make("option", { value: `s:${method.id}:${index}`, textContent: `${step.title}${minutesLabel(step.minutes, method.brief)}` }));
      });
      return group;
    }));
    const planPicker = element("plan");
    planPicker.replaceChildren(...data.plans.map((ready) => make("option", { value: ready.id, textContent: ready.title })));
    element("load").disabled = data.plans.length === 0;
  }

  function filterPicker() {
    const words = element("search").value.toLocaleLowerCase(text("planner_date_locale")).split(/\s+/).filter(Boolean);
    const picker = element("pick");
    let shown = 0;
    picker.querySelectorAll("optgroup").forEach((group) => {
      const groupMatches = words.every((word) => group.label.toLocaleLowerCase(text("planner_date_locale")).includes(word));
      let visible = 0;
      group.querySelectorAll("option").forEach((option) => {
        const haystack = `${group.label} ${option.textContent}`.toLocaleLowerCase(text("planner_date_locale"));
        option.hidden = !groupMatches && !words.every((word) => haystack.includes(word));
        option.disabled = option.hidden;
        visible += option.hidden ? 0 : 1;
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    const first = picker.querySelector("option:not([hidden])");
    if (first && (!picker.selectedOptions[0] || picker.selectedOptions[0].hidden)) {
      picker.value = first.value;
    }
    element("add").disabled = shown === 0;
    element("search-result").textContent = words.length
      ? (shown ? text(shown === 1 ? "planner_one_found" : "planner_found", { count: shown }) : text("planner_none_found"))
      : "";
  }

  function picked() {
    const [kind, id, index] = element("pick").value.split(":");
    const method = methods.get(id);
    if (!method) {
      return null;
    }
    if (kind === "m") {
      return { title: method.title, method: id, minutes: method.minutes || DEFAULT_MINUTES, worksheets: method.worksheets };
    }
    const step = method.steps[Number(index)];
    return { title: step.title, method: id, step: step.title, minutes: step.minutes || DEFAULT_MINUTES, worksheets: step.worksheets };
  }

  // ── Actions ───────────────────────────────────────────────────────────────

  function addRow(fields) {
    if (plan.rows.length >= MAX_ROWS) {
      say(text("planner_full", { max: MAX_ROWS }));
      return;
    }
    const row = newRow(fields);
    plan.rows.push(row);
    renderRows();
    save();
    say(text("planner_added", { title: rowTitle(row), number: plan.rows.length }));
  }

  function focusRow(key, action) {
    const item = element("rows").querySelector(`[data-key="${key}"]`);
    if (!item) {
      return;
    }
    const wanted = item.querySelector(`[data-action="${action}"]`);
    const target = wanted && !wanted.disabled ? wanted : item.querySelector("[data-action]:not(:disabled)");
    target.focus();
  }

  function moveTo(index, target) {
    const row = moveRow(plan, index, target);
    renderRows();
    save();
    say(text("planner_moved", { title: rowTitle(row), place: target + 1, count: plan.rows.length }));
    return row;
  }

  function move(index, offset) {
    const target = index + offset;
    if (target < 0 || target >= plan.rows.length) {
      return;
    }
    const row = moveTo(index, target);
    focusRow(row.key, offset < 0 ? "up" : "down");
  }

  // ── Dragging a row by its handle (pointer events: mouse, pen and touch alike) ──

  let drag = null;

  function rowItems() {
    return [...element("rows").querySelectorAll(".hb-planner__row")];
  }

  function dragTarget(pointer) {
    const middles = rowItems().map((item) => {
      const box = item.getBoundingClientRect();
      return box.top + box.height / 2;
    });
    return dropIndex(middles, drag.from, pointer);
  }

  function markDrop(target) {
    // The row now at the target's place: the dragged row goes before it (moving up) or after it (down).
    rowItems().forEach((item, index) => {
      item.classList.toggle("hb-planner__row--drop-before", target < drag.from && index === target);
      item.classList.toggle("hb-planner__row--drop-after", target > drag.from && index === target);
    });
  }

  function endDrag(event, dropped) {
    if (!drag) {
      return;
    }
    const { from } = drag;
    const target = dropped ? dragTarget(event.clientY) : from;
    rowItems().forEach((item) => item.classList.remove("hb-planner__row--dragging", "hb-planner__row--drop-before", "hb-planner__row--drop-after"));
    drag = null;
    if (target !== from) {
      moveTo(from, target);
    }
  }

  function bindDragging() {
    const list = element("rows");
    list.addEventListener("pointerdown", (event) => {
      const handle = event.target.closest(".hb-planner__handle");
      const index = handle ? rowIndexOf(handle) : -1;
      if (index < 0 || event.button !== 0) {
        return;
      }
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      drag = { from: index };
      handle.closest(".hb-planner__row").classList.add("hb-planner__row--dragging");
    });
    list.addEventListener("pointermove", (event) => {
      if (drag) {
        markDrop(dragTarget(event.clientY));
      }
    });
    list.addEventListener("pointerup", (event) => endDrag(event, true));
    list.addEventListener("pointercancel", (event) => endDrag(event, false));
  }

  function remove(index) {
    const [row] = plan.rows.splice(index, 1);
    renderRows();
    save();
    const next = plan.rows[Math.min(index, plan.rows.length - 1)];
    if (next) {
      focusRow(next.key, "remove");
    } else {
      element("pick").focus();
    }
    say(text("planner_removed", { title: rowTitle(row) }));
  }

  function show() {
    renderSession();
    renderRows();
  }

  function replacePlan(next, message) {
    plan = next;
    show();
    save();
    say(message);
  }

  function download() {
    const blob = new Blob([JSON.stringify(asFile(plan), null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const slug = (plan.title || text("planner_file_name")).toLocaleLowerCase(text("planner_date_locale")).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "sessieplan";
    const link = make("a", { href: url, download: `${slug}.json`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(text("planner_downloaded", { file: `${slug}.json` }));
  }

  async function importFile(input) {
    const [file] = input.files;
    if (!file) {
      return;
    }
    try {
      if (file.size > 1000000) {
        throw new PlanError(text("planner_file_too_big"));
      }
      const next = wholePlan(readJson(await file.text(), text("planner_the_file")));
      replacePlan(next, text("planner_file_loaded", { file: file.name, parts: partsText(next.rows.length) }));
    } catch (error) {
      if (!(error instanceof PlanError)) {
        throw error;
      }
      say(text("planner_file_unreadable", { error: error.message }));
    } finally {
      input.value = "";
    }
  }

  // ── Opening a plan from the address ─────────────────────────────────────────

  function addressText() {
    return window.location.pathname + window.location.search + window.location.hash;
  }

  // Once a link is dealt with, drop it from the address, so that a reload shows the reader's plan
  // and does not ask again. A file:// page may not change its address: then remember it for this tab.
  function forgetAddress() {
    try {
      window.history.replaceState(null, "", window.location.pathname);
    } catch (error) {
      try {
        window.sessionStorage.setItem(LOADED_KEY, addressText());
      } catch (ignored) {
        // Without storage a reload offers the plan from the address again.
      }
    }
  }

  function handledBefore() {
    try {
      return window.sessionStorage.getItem(LOADED_KEY) === addressText();
    } catch (error) {
      return false;
    }
  }

  function ownPlanStays() {
    return isEmptyPlan(plan) ? "" : ` ${text("planner_own_plan_unchanged")}`;
  }

  function openAddressed(opened) {
    plan = opened.plan;
    show();
    save();
    if (opened.id) {
      element("plan").value = opened.id;
    }
    forgetAddress();
    notice(text("planner_opened", { name: capitalised(opened.name), parts: partsText(plan.rows.length) }));
  }

  function capitalised(value) {
    return value.charAt(0).toLocaleUpperCase(text("planner_date_locale")) + value.slice(1);
  }

  function openFromAddress(messages = []) {
    if (handledBefore()) {
      notice(...messages);
      return;
    }
    let opened;
    try {
      opened = addressedPlan(window.location);
    } catch (error) {
      if (!(error instanceof PlanError)) {
        throw error;
      }
      forgetAddress();
      notice(...messages, `${text("planner_link_unreadable", { error: error.message })}${ownPlanStays()}`);
      return;
    }
    if (!opened) {
      notice(...messages);
    } else if (isEmptyPlan(plan) || samePlan(plan, opened.plan)) {
      openAddressed(opened);
    } else {
      notice(...messages);
      showPreview(opened);
    }
  }

  // ── The preview: a plan from a link next to the reader's own ─────────────────

  function previewRow(row, start) {
    return make("li", { textContent: `${clock(start)} ${rowTitle(row)} (${row.minutes} min.)` });
  }

  function showPreview(opened) {
    preview = opened;
    const incoming = opened.plan;
    element("preview-text").textContent = text("planner_preview", {
      name: opened.name, title: incoming.title || text("planner_untitled"), parts: partsText(incoming.rows.length),
      own: plan.title || text("planner_untitled"), ownParts: partsText(plan.rows.length),
    });
    const times = startsOf(incoming);
    element("preview-rows").replaceChildren(...incoming.rows.map((row, index) => previewRow(row, times[index])));
    element("preview-total").textContent = incoming.rows.length ? totalText(incoming) : "";
    root.classList.add("hb-planner--preview");
    element("preview").hidden = false;
    element("preview-heading").focus();
  }

  function closePreview() {
    const opened = preview;
    preview = null;
    element("preview").hidden = true;
    root.classList.remove("hb-planner--preview");
    return opened;
  }

  function replaceByPreview() {
    const opened = closePreview();
    openAddressed(opened);
    notice(text("planner_replaced", { name: capitalised(opened.name), parts: partsText(plan.rows.length) }));
    element("title").focus();
  }

  function cancelPreview() {
    closePreview();
    forgetAddress();
    notice(text("planner_link_cancelled"));
    element("title").focus();
  }

  // ── Editing ─────────────────────────────────────────────────────────────────

  function rowIndexOf(node) {
    const item = node.closest(".hb-planner__row");
    return item ? plan.rows.findIndex((row) => String(row.key) === item.dataset.key) : -1;
  }

  // The buttons of a row say which row they act on ("Omhoog: Pauze"), also after a new title.
  function renameButtons(item, row) {
    item.querySelectorAll(".hb-planner__row-actions .hb-visually-hidden").forEach((context) => {
      context.textContent = `: ${rowTitle(row)}`;
    });
  }

  function onRowInput(event) {
    const index = rowIndexOf(event.target);
    const name = event.target.dataset.field;
    if (index < 0 || !name) {
      return;
    }
    const row = plan.rows[index];
    if (name === "minutes") {
      const minutes = Number(event.target.value);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
        event.target.setAttribute("aria-invalid", "true");
        return;
      }
      event.target.removeAttribute("aria-invalid");
      row.minutes = minutes;
    } else {
      row[name] = event.target.value.trim();
    }
    if (name === "title") {
      renameButtons(event.target.closest(".hb-planner__row"), row);
    }
    update();
    save();
  }

  function onRowClick(event) {
    const control = event.target.closest("[data-action]");
    const index = control ? rowIndexOf(control) : -1;
    if (index < 0) {
      return;
    }
    const action = control.dataset.action;
    if (action === "up") {
      move(index, -1);
    } else if (action === "down") {
      move(index, 1);
    } else if (action === "remove") {
      remove(index);
    }
  }

  function bindSession() {
    const edited = (change) => (event) => {
      change(event.target.value);
      update();
      save();
    };
    element("title").addEventListener("input", edited((value) => { plan.title = value.trim(); }));
    element("date").addEventListener("input", edited((value) => { plan.date = isRealDate(value) ? value : ""; }));
    element("start").addEventListener("input", edited((value) => {
      if (TIME.test(value)) {
        plan.start = value;
      }
    }));
    element("notes").addEventListener("input", edited((value) => { plan.notes = value.trim(); }));
  }

  async function share() {
    const link = shareLink();
    const output = element("link");
    output.value = link;
    element("link-field").hidden = false;
    output.focus();
    output.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch (error) {
      copied = false;
    }
    say(copied
      ? text("planner_link_copied")
      : text("planner_link_copy"));
  }

  function bindActions() {
    element("search").addEventListener("input", filterPicker);
    element("add").addEventListener("click", () => {
      const fields = picked();
      if (fields) {
        addRow(fields);
      }
    });
    element("add-free").addEventListener("click", () => {
      const title = element("free").value.trim() || text("planner_break");
      addRow({ title, minutes: title.toLocaleLowerCase() === text("planner_break").toLocaleLowerCase() ? 15 : DEFAULT_MINUTES });
    });
    element("load").addEventListener("click", () => {
      const id = element("plan").value;
      if (plans.has(id)) {
        replacePlan(readyPlan(id), text("planner_ready_loaded", { title: plans.get(id).title }));
      }
    });
    element("rows").addEventListener("input", onRowInput);
    element("rows").addEventListener("click", onRowClick);
    // toggle does not bubble: listen on the way down.
    element("rows").addEventListener("toggle", (event) => {
      const key = Number(event.target.dataset.key);
      if (event.target.open) {
        openGuides.add(key);
      } else {
        openGuides.delete(key);
      }
    }, true);
    element("print").addEventListener("click", () => window.print());
    element("export").addEventListener("click", download);
    element("import").addEventListener("change", (event) => { importFile(event.target); });
    element("share").addEventListener("click", share);
    element("clear").addEventListener("click", () => {
      if (plan.rows.length && !window.confirm(text("planner_confirm_clear"))) {
        return;
      }
      replacePlan(emptyPlan(), text("planner_cleared"));
      element("title").focus();
    });
    element("replace").addEventListener("click", replaceByPreview);
    element("cancel").addEventListener("click", cancelPreview);
  }

  function start() {
    fillPicker();
    bindSession();
    bindActions();
    bindDragging();
    const own = storedPlan();
    plan = own.plan;
    show();
    filterPicker();
    openFromAddress(own.messages);
    window.addEventListener("hashchange", () => {
      if (window.location.hash.startsWith("#plan=")) {
        openFromAddress();
      }
    });
  }

  start();
})();
