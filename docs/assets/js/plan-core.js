// The session plan as data, apart from the page: reading and checking a plan from a file, a link
// or storage, times and totals, links. No DOM and no storage here; planner.js shows and keeps the
// plan. `window.hbPlanCore(data, say)` takes the planner's embedded data (methods, worksheets, plans) and
// the texts to speak in: say(key, values), by default the page's (words.js).
(() => {
  "use strict";

  const FILE_FORMAT = "handboek-sessieplan";
  const VERSION = 1;
  const DEFAULT_START = "09:00";
  const DEFAULT_MINUTES = 30;
  const MAX_MINUTES = 1440;
  const MAX_ROWS = 200;
  const MAX_TEXT = 2000;
  const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  class PlanError extends Error {}

  window.hbPlanCore = (data, say = window.hbWords.text) => {
    const methods = new Map(data.methods.map((method) => [method.id, method]));
    const plans = new Map(data.plans.map((plan) => [plan.id, plan]));
    let nextKey = 1;

    // ── The plan as data: no page, no storage ─────────────────────────────────

    function emptyPlan() {
      return { title: "", date: "", start: DEFAULT_START, notes: "", rows: [] };
    }

    function isEmptyPlan(value) {
      return !value.rows.length && !value.title && !value.notes;
    }

    function samePlan(a, b) {
      return JSON.stringify(asFile(a)) === JSON.stringify(asFile(b));
    }

    function newRow(fields) {
      return {
        key: nextKey++,
        title: fields.title || "",
        method: fields.method || null,
        step: fields.step || null,
        minutes: fields.minutes,
        note: fields.note || "",
        worksheets: (fields.worksheets || []).filter((id) => Object.prototype.hasOwnProperty.call(data.worksheets, id)),
      };
    }

    function rowTitle(row) {
      if (row.title) {
        return row.title;
      }
      if (row.step) {
        return row.step;
      }
      return row.method && methods.has(row.method) ? methods.get(row.method).title : say("plan_part");
    }

    function methodStep(row) {
      const method = row.method && methods.get(row.method);
      const step = method && row.step ? method.steps.find((candidate) => candidate.title === row.step) : null;
      return { method, step };
    }

    // The minutes the handbook gives for what a row does; null for a free part or a mere mention.
    function dataMinutes(row) {
      const { method, step } = methodStep(row);
      if (!method) {
        return null;
      }
      return (step ? step.minutes : method.minutes) || null;
    }

    // What the facilitator needs for a row: the method's invitation, way of working, preparation and
    // materials, and who does what in the row's steps (all steps for a whole method, one for a step).
    function guideOf(row) {
      const { method, step } = methodStep(row);
      if (!method) {
        return { invitation: null, configurations: null, who: [], preparation: [], materials: [] };
      }
      const steps = step ? [step] : (row.step ? [] : method.steps);
      return {
        invitation: method.invitation || null,
        configurations: method.configurations || null,
        who: steps.filter((candidate) => candidate.who).map((candidate) => ({ step: candidate.title, who: candidate.who })),
        preparation: method.preparation || [],
        materials: method.materials || [],
      };
    }

    // Moves a row within the plan; returns the moved row.
    function moveRow(value, from, to) {
      const [row] = value.rows.splice(from, 1);
      value.rows.splice(to, 0, row);
      return row;
    }

    // Where a dragged row lands: before the first other row whose middle lies below the pointer.
    // `middles` are the vertical middles of all rows as they stand, the dragged one (`from`) included.
    function dropIndex(middles, from, pointer) {
      return middles.filter((middle, index) => index !== from && middle < pointer).length;
    }

    // 2025-02-31 matches the pattern, but is no day: Date would quietly make it 3 March.
    function isRealDate(value) {
      const match = DATE.exec(value);
      if (!match) {
        return false;
      }
      const [year, month, day] = match.slice(1).map(Number);
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }

    function toMinutes(time) {
      const match = TIME.exec(time);
      return match ? Number(match[1]) * 60 + Number(match[2]) : 9 * 60;
    }

    function clock(minutes) {
      const inDay = ((minutes % 1440) + 1440) % 1440;
      return `${String(Math.floor(inDay / 60)).padStart(2, "0")}:${String(inDay % 60).padStart(2, "0")}`;
    }

    function startsOf(value) {
      let time = toMinutes(value.start);
      return value.rows.map((row) => {
        const start = time;
        time += row.minutes;
        return start;
      });
    }

    function totalMinutes(value) {
      return value.rows.reduce((sum, row) => sum + row.minutes, 0);
    }

    function hoursText(minutes) {
      const hours = Math.floor(minutes / 60);
      const rest = minutes % 60;
      return rest ? say("plan_hours_minutes", { hours, minutes: rest }) : say("plan_hours", { hours });
    }

    function totalText(value) {
      const total = totalMinutes(value);
      const begin = toMinutes(value.start);
      const hours = total >= 60 ? ` (${hoursText(total)})` : "";
      return say("plan_total", { minutes: total, hours, from: clock(begin), to: clock(begin + total) });
    }

    function partsText(count) {
      return count === 1 ? say("plan_one_part") : say("plan_parts", { count });
    }

    function worksheetIds(value) {
      return [...new Set(value.rows.flatMap((row) => row.worksheets))];
    }

    function asFile(value) {
      return {
        format: FILE_FORMAT,
        version: VERSION,
        title: value.title,
        date: value.date,
        start: value.start,
        notes: value.notes,
        rows: value.rows.map(({ title, method, step, minutes, note, worksheets }) => ({
          title, method, step, minutes, note, worksheets,
        })),
      };
    }

    // ── Reading a plan from a file, a link or storage: trust nothing ────────────

    const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

    // Titles may come from the handbook's own data, so their limit is the general one: a long method
    // title must not make a stored plan unreadable.
    function text(value, what, limit = MAX_TEXT) {
      if (value === undefined || value === null) {
        return "";
      }
      if (typeof value !== "string" || value.length > limit) {
        throw new PlanError(say("plan_error_text", { what, limit }));
      }
      return value.trim();
    }

    function readDate(value) {
      const date = text(value, say("plan_the_date"), 10);
      if (date && !isRealDate(date)) {
        throw new PlanError(say("plan_error_date", { value: date }));
      }
      return date;
    }

    function readStart(value) {
      if (value === undefined) {
        return DEFAULT_START;
      }
      if (typeof value !== "string" || !TIME.test(value)) {
        throw new PlanError(say("plan_error_start"));
      }
      return value;
    }

    function rowName(value, index) {
      const title = isRecord(value) && typeof value.title === "string" ? value.title.trim().slice(0, 80) : "";
      return title ? say("plan_row_titled", { number: index + 1, title }) : say("plan_row", { number: index + 1 });
    }

    function readRow(value, index) {
      const where = rowName(value, index);
      if (!isRecord(value)) {
        throw new PlanError(say("plan_error_row", { where }));
      }
      const minutes = value.minutes;
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
        throw new PlanError(say("plan_error_minutes", { where, max: MAX_MINUTES }));
      }
      const method = text(value.method, say("plan_method_of", { where }));
      const known = methods.get(method);
      const step = text(value.step, say("plan_step_of", { where }));
      const worksheets = value.worksheets === undefined ? [] : value.worksheets;
      if (!Array.isArray(worksheets) || !worksheets.every((id) => typeof id === "string")) {
        throw new PlanError(say("plan_error_worksheets", { where }));
      }
      const title = text(value.title, say("plan_title_of", { where }));
      const knownStep = known && known.steps.some((candidate) => candidate.title === step) ? step : "";
      // A method or step this handbook does not know stays readable in the title, never a broken link.
      const fallback = [known ? "" : method, knownStep ? "" : step].filter(Boolean).join(": ");
      if (!title && !fallback && !known) {
        throw new PlanError(say("plan_error_untitled", { where }));
      }
      return newRow({
        title: title || fallback,
        method: known ? method : null,
        step: knownStep || null,
        minutes,
        note: text(value.note, say("plan_note_of", { where })),
        worksheets,
      });
    }

    // The plan with every part that can be read, and what was left out and why. Throws only when the
    // value is no plan at all.
    function readPlan(value) {
      if (!isRecord(value)) {
        throw new PlanError(say("plan_error_no_plan"));
      }
      if (value.format !== FILE_FORMAT || value.version !== VERSION) {
        throw new PlanError(say("plan_error_foreign"));
      }
      if (!Array.isArray(value.rows) || value.rows.length > MAX_ROWS) {
        throw new PlanError(say("plan_error_rows", { max: MAX_ROWS }));
      }
      const dropped = [];
      const kept = (read, otherwise) => {
        try {
          return read();
        } catch (error) {
          if (!(error instanceof PlanError)) {
            throw error;
          }
          dropped.push(error.message);
          return otherwise;
        }
      };
      const read = {
        title: kept(() => text(value.title, say("plan_the_title")), ""),
        date: kept(() => readDate(value.date), ""),
        start: kept(() => readStart(value.start), DEFAULT_START),
        notes: kept(() => text(value.notes, say("plan_the_notes")), ""),
        rows: value.rows.map((row, index) => kept(() => readRow(row, index), null)).filter(Boolean),
      };
      return { plan: read, dropped };
    }

    // A file or link is opened whole or not at all: the reader can still open the original.
    function wholePlan(result) {
      if (result.dropped.length) {
        throw new PlanError(result.dropped[0]);
      }
      return result.plan;
    }

    function readJson(source, what) {
      let value;
      try {
        value = JSON.parse(source);
      } catch (error) {
        throw new PlanError(say("plan_error_json", { what }));
      }
      return readPlan(value);
    }

    function readyPlan(id) {
      const ready = plans.get(id);
      return {
        title: ready.title,
        date: "",
        start: DEFAULT_START,
        notes: ready.summary,
        rows: ready.items.map((item) => newRow(item)),
      };
    }

    // ── Links: #plan=<base64url of the plan file>, or ?plan=<id of a ready-made plan> ──

    function encodeLink(value) {
      const bytes = new TextEncoder().encode(JSON.stringify(value));
      let binary = "";
      bytes.forEach((byte) => { binary += String.fromCharCode(byte); });
      return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function decodeLink(encoded) {
      const broken = new PlanError(say("plan_error_link"));
      if (!/^[A-Za-z0-9_-]+$/.test(encoded) || encoded.length > 200000) {
        throw broken;
      }
      try {
        const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
        const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch (error) {
        throw broken;
      }
    }

    // What the address asks to open: {name, plan}; null when it asks nothing; PlanError when broken.
    function addressedPlan(address) {
      if (address.hash.startsWith("#plan=")) {
        const opened = wholePlan(readJson(decodeLink(address.hash.slice("#plan=".length)), say("plan_the_link")));
        return { name: say("plan_shared"), plan: opened };
      }
      const id = new URLSearchParams(address.search).get("plan");
      if (id === null) {
        return null;
      }
      if (!plans.has(id)) {
        throw new PlanError(say("plan_error_unknown", { id: id.slice(0, 80) }));
      }
      return { name: say("plan_named", { title: plans.get(id).title }), plan: readyPlan(id), id };
    }

    return Object.freeze({
      DEFAULT_MINUTES, MAX_MINUTES, MAX_ROWS, MAX_TEXT, TIME, PlanError, methods, plans,
      emptyPlan, isEmptyPlan, samePlan, newRow, rowTitle, dataMinutes, guideOf, moveRow, dropIndex,
      isRealDate, toMinutes, clock, startsOf, totalText,
      partsText, worksheetIds, asFile, readPlan, wholePlan, readJson, readyPlan, encodeLink, addressedPlan,
    });
  };
})();
