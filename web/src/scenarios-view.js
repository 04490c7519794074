// The scenarios panel: runs every scenario of the pack as edited (the open file's unsaved text in
// place) and shows each failure with the fields that differ, expected against decided; a failing
// scenario's new result can be accepted (after seeing the difference, and confirming), which
// rewrites that scenario file's expectation on the server. Each run also marks, in the editor, the
// rows no scenario reached.
import { acceptScenario, runScenarios } from "./api.js";
import { currentEdit, markUncovered } from "./editor-view.js";
import { clearBanner, clearErrorSummary, element, showBanner, showErrorSummary } from "./messages.js";

function tag(passed) {
  return element("strong", { class: `govuk-tag ${passed ? "govuk-tag--green" : "govuk-tag--red"}`, text: passed ? "Passed" : "Failed" });
}

function acceptButton(result) {
  const button = element("button", { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-bottom-0",
                                     "data-accept": result.file }, [
    "Accept the new result", element("span", { class: "govuk-visually-hidden", text: ` of ${result.file}` })]);
  button.addEventListener("click", () => showConfirmation(result));
  return button;
}

function failureRows(result) {
  const mismatches = result.mismatches.length ? result.mismatches : [{ field: result.error ?? "", expected: "", actual: "" }];
  return mismatches.map((m, index) => element("tr", { class: "govuk-table__row" }, [
    element("td", { class: "govuk-table__cell", text: result.file }),
    element("td", { class: "govuk-table__cell", text: m.field }),
    element("td", { class: "govuk-table__cell workspace-json", text: m.expected }),
    element("td", { class: "govuk-table__cell workspace-json", text: m.actual }),
    element("td", { class: "govuk-table__cell" }, index === 0 && result.mismatches.length ? [acceptButton(result)] : []),
  ]));
}

function failuresTable(failed) {
  const head = element("thead", { class: "govuk-table__head" }, [element("tr", { class: "govuk-table__row" },
    ["Scenario", "Field", "Expected", "Decided", "Action"].map((text) => element("th", { scope: "col", class: "govuk-table__header", text })))]);
  const body = element("tbody", { class: "govuk-table__body" }, failed.flatMap(failureRows));
  return element("table", { class: "govuk-table", id: "scenario-failures" }, [
    element("caption", { class: "govuk-table__caption govuk-table__caption--s", text: "Failed scenarios and the fields that differ" }),
    head, body]);
}

// The difference to accept, field by field, and the buttons that confirm or cancel it.
function showConfirmation(result) {
  const slot = document.getElementById("accept-confirmation");
  const rows = result.mismatches.map((m) => element("div", { class: "govuk-summary-list__row" }, [
    element("dt", { class: "govuk-summary-list__key", text: m.field }),
    element("dd", { class: "govuk-summary-list__value workspace-json" }, [
      element("p", { class: "govuk-body", text: `Expected now: ${m.expected}` }),
      element("p", { class: "govuk-body", text: `Will expect: ${m.actual}` })]),
  ]));
  const heading = element("h3", { class: "govuk-heading-s", id: "accept-heading", tabindex: "-1", text: `Accept the new result of ${result.file}?` });
  const confirm = element("button", { type: "button", class: "govuk-button govuk-button--warning", id: "accept-confirm",
                                      text: "Rewrite the expectation" });
  const cancel = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "accept-cancel", text: "Cancel" });
  // Accepting against unsaved rules is allowed (the expectation follows the edit), but said plainly:
  // until the file is saved, the saved rules fail the rewritten scenario.
  const edit = currentEdit();
  const unsaved = edit?.unsaved ? [element("div", { class: "govuk-warning-text", id: "accept-unsaved" }, [
    element("span", { class: "govuk-warning-text__icon", "aria-hidden": "true", text: "!" }),
    element("strong", { class: "govuk-warning-text__text" }, [
      element("span", { class: "govuk-visually-hidden", text: "Warning" }),
      `${edit.path} has changes that are not saved. The scenario will expect what the rules as edited decide, `
      + `and the saved rules will fail it until you save ${edit.path}.`])])] : [];
  confirm.addEventListener("click", () => accept(result));
  cancel.addEventListener("click", () => slot.replaceChildren());
  slot.replaceChildren(element("div", { class: "workspace-accept" }, [
    heading,
    element("p", { class: "govuk-body", text: `This rewrites what scenarios/${result.file} expects to what the rules as edited now decide:` }),
    element("dl", { class: "govuk-summary-list" }, rows),
    ...unsaved,
    element("div", { class: "govuk-button-group" }, [confirm, cancel]),
  ]));
  heading.focus();
}

async function accept(result) {
  clearErrorSummary();
  clearBanner();
  const edit = currentEdit();
  const answer = await acceptScenario(`scenarios/${result.file}`, edit?.path, edit?.text);
  if (!answer.ok) return showErrorSummary(answer.json.error?.message ?? `Not accepted (status ${answer.status})`, []);
  document.getElementById("accept-confirmation").replaceChildren();
  showBanner(answer.json.accepted ? `Accepted the new result of ${result.file}: its expectation is rewritten`
                                   : `${result.file} already passes: nothing to accept`);
  await runAndShow();
}

export async function runAndShow() {
  const slot = document.getElementById("scenario-results");
  document.getElementById("accept-confirmation").replaceChildren();
  slot.replaceChildren(element("p", { class: "govuk-body", text: "Running the scenarios…" }));
  const edit = currentEdit();
  const answer = await runScenarios(edit?.path, edit?.text);
  if (!answer.ok) {
    slot.replaceChildren(element("p", { class: "govuk-body", text: answer.json.error?.message ?? `The scenarios did not run (status ${answer.status})` }));
    return;
  }
  const { passed, failed, scenarios, coverage } = answer.json;
  const uncovered = coverage.uncovered ?? [];
  markUncovered(uncovered);
  const here = edit ? uncovered.filter((u) => u.file === edit.path).length : 0;
  const summary = element("p", { class: "govuk-body", id: "scenario-summary" }, [
    tag(failed === 0), ` ${passed} passed, ${failed} failed; ${coverage.covered} of ${coverage.rules} rules exercised.`]);
  const children = [summary];
  if (edit) {
    children.push(element("p", { class: "govuk-body", id: "coverage-note", text: here === 0
      ? `Every rule of ${edit.path} is reached by a scenario.`
      : `${here} ${here === 1 ? "rule" : "rules"} of ${edit.path} no scenario reaches: marked ○ in the editor's margin ("no scenario reaches this row").` }));
  }
  const failures = scenarios.filter((s) => !s.passed);
  if (failures.length) children.push(failuresTable(failures));
  slot.replaceChildren(...children);
}
