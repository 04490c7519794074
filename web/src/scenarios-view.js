// The scenarios panel: runs every scenario of the pack as edited (the open file's unsaved text in
// place) and shows each failure with the fields that differ, expected against decided.
import { runScenarios } from "./api.js";
import { currentEdit } from "./editor-view.js";
import { element } from "./messages.js";

function tag(passed) {
  return element("strong", { class: `govuk-tag ${passed ? "govuk-tag--green" : "govuk-tag--red"}`, text: passed ? "Passed" : "Failed" });
}

function failureRows(result) {
  const rows = [];
  const mismatches = result.mismatches.length ? result.mismatches : [{ field: result.error ?? "", expected: "", actual: "" }];
  for (const m of mismatches) {
    rows.push(element("tr", { class: "govuk-table__row" }, [
      element("td", { class: "govuk-table__cell", text: result.file }),
      element("td", { class: "govuk-table__cell", text: m.field }),
      element("td", { class: "govuk-table__cell workspace-json", text: m.expected }),
      element("td", { class: "govuk-table__cell workspace-json", text: m.actual }),
    ]));
  }
  return rows;
}

function failuresTable(failed) {
  const head = element("thead", { class: "govuk-table__head" }, [element("tr", { class: "govuk-table__row" },
    ["Scenario", "Field", "Expected", "Decided"].map((text) => element("th", { scope: "col", class: "govuk-table__header", text })))]);
  const body = element("tbody", { class: "govuk-table__body" }, failed.flatMap(failureRows));
  return element("table", { class: "govuk-table", id: "scenario-failures" }, [
    element("caption", { class: "govuk-table__caption govuk-table__caption--s", text: "Failed scenarios and the fields that differ" }),
    head, body]);
}

export async function runAndShow() {
  const slot = document.getElementById("scenario-results");
  slot.replaceChildren(element("p", { class: "govuk-body", text: "Running the scenarios…" }));
  const edit = currentEdit();
  const answer = await runScenarios(edit?.path, edit?.text);
  if (!answer.ok) {
    slot.replaceChildren(element("p", { class: "govuk-body", text: answer.json.error?.message ?? `The scenarios did not run (status ${answer.status})` }));
    return;
  }
  const { passed, failed, scenarios, coverage } = answer.json;
  const summary = element("p", { class: "govuk-body", id: "scenario-summary" }, [
    tag(failed === 0), ` ${passed} passed, ${failed} failed; ${coverage.covered} of ${coverage.rules} rules exercised.`]);
  const children = [summary];
  const failures = scenarios.filter((s) => !s.passed);
  if (failures.length) children.push(failuresTable(failures));
  slot.replaceChildren(...children);
}
