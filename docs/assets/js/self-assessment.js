// Self-assessment worksheets on screen: the reader picks a score per point, and the summary names the
// points scored lowest and what trains their competences (the data the page embeds, per competence).
// Nothing is sent or stored. `window.hbSelfAssessment.lowestScored` is the pure core, without the DOM.
(() => {
  "use strict";

  // rows: [{text, competence, score}] with score a number or null. The rows with the lowest score
  // given, in their order on the sheet; the competences of those rows, each once; how many have no score.
  function lowestScored(rows) {
    const scored = rows.filter((row) => Number.isFinite(row.score));
    const lowest = scored.length ? Math.min(...scored.map((row) => row.score)) : null;
    const rowsAtLowest = scored.filter((row) => row.score === lowest);
    return {
      lowest,
      rows: rowsAtLowest,
      competences: [...new Set(rowsAtLowest.map((row) => row.competence))],
      unscored: rows.length - scored.length,
    };
  }

  window.hbSelfAssessment = Object.freeze({ lowestScored });

  function rowsOf(block) {
    return [...block.querySelectorAll("tr[data-hb-competence]")].map((row) => {
      const checked = row.querySelector("input[type=radio]:checked");
      return {
        text: row.querySelector("th").textContent,
        competence: row.dataset.hbCompetence,
        score: checked ? Number(checked.value) : null,
      };
    });
  }

  function element(tag, text) {
    const made = document.createElement(tag);
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  function listOf(items, render) {
    const list = element("ul");
    for (const item of items) {
      const entry = element("li");
      render(entry, item);
      list.append(entry);
    }
    return list;
  }

  const say = window.hbWords.text;

  function practiceItem(entry, practice) {
    const link = element("a", practice.title);
    link.href = practice.url;
    entry.append(link, ` (${practice.kind.toLowerCase()}): ${practice.summary}`);
  }

  function suggestionsFor(competence) {
    if (!competence.practice.length) {
      return [element("p", say("assessment_no_practice", { name: competence.name }))];
    }
    return [element("p", say("assessment_practice_with", { name: competence.name })), listOf(competence.practice, practiceItem)];
  }

  function summary(outcome, practice) {
    if (outcome.lowest === null) {
      return [element("p", say("assessment_no_scores"))];
    }
    const parts = [
      element("p", say("assessment_lowest", { score: outcome.lowest })),
      listOf(outcome.rows, (entry, row) => entry.append(row.text)),
    ];
    if (outcome.unscored) {
      const unscored = outcome.unscored === 1 ? say("assessment_one_unscored") : say("assessment_unscored", { count: outcome.unscored });
      parts.push(element("p", unscored));
    }
    for (const id of outcome.competences) {
      if (practice[id]) {
        parts.push(...suggestionsFor(practice[id]));
      }
    }
    return parts;
  }

  function show(block) {
    const practice = JSON.parse(block.querySelector("script[data-hb-practice]").textContent);
    const result = block.querySelector("[data-hb-self-assessment-result]");
    result.replaceChildren(...summary(lowestScored(rowsOf(block)), practice));
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-hb-self-assessment-show]");
    if (button) {
      show(button.closest("[data-hb-self-assessment]"));
    }
  });
})();
