// What a what-if changed, as the server's comparison says it (compare_what_if in the engine): the
// facts changed, each difference in the decision with what gave it before and now (in words, so
// that nothing is told by colour alone), then each step that went differently, with its clause.
import { element } from "./messages.js";

const bullets = (lines) => element("ul", { class: "govuk-list govuk-list--bullet" }, lines.map((text) => element("li", { text })));

function difference(d) {
  const parts = [element("p", { class: "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1", text: d.change })];
  const rows = [];
  if (d.before) rows.push(["Before", d.before]);
  if (d.now) rows.push(["Now", d.now]);
  if (rows.length) {
    parts.push(element("dl", { class: "govuk-summary-list govuk-summary-list--no-border" }, rows.map(([key, value]) =>
      element("div", { class: "govuk-summary-list__row" }, [
        element("dt", { class: "govuk-summary-list__key", text: key }),
        element("dd", { class: "govuk-summary-list__value", text: value })]))));
  }
  return element("li", { class: "workspace-difference" }, parts);
}

function changedStep(step) {
  const heading = element("p", { class: "govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" }, [step.heading]);
  if (step.source) heading.append(" ", element("strong", { class: "govuk-tag govuk-tag--grey", text: "Protocol" }), ` ${step.source}`);
  return element("li", {}, [heading, bullets([...step.lines, step.note])]);
}

export function showWhatIf(slot, whatIf) {
  const children = [element("h3", { class: "govuk-heading-m", id: "what-if-heading", text: "What changed, and why" }),
    element("h4", { class: "govuk-heading-s", text: "You changed" }), bullets([...whatIf.changes, ...whatIf.facts_changed])];
  children.push(element("h4", { class: "govuk-heading-s", text: "What changed in the decision" }));
  if (whatIf.refused_before) {
    children.push(element("p", { class: "govuk-body", text: `Before, the contact was refused (${whatIf.refused_before}); now it is decided:` }),
                  bullets(whatIf.decided_now));
  } else if (whatIf.differences.length) {
    children.push(element("ul", { class: "govuk-list", id: "what-if-differences" }, whatIf.differences.map(difference)));
  } else {
    children.push(element("p", { class: "govuk-body", id: "what-if-differences", text: "Nothing: the decision is the same." }));
  }
  if (!whatIf.refused_before) {
    children.push(element("h4", { class: "govuk-heading-s", text: "Why: the steps that went differently" }));
    children.push(whatIf.steps.length ? element("ul", { class: "govuk-list" }, whatIf.steps.map(changedStep))
      : element("p", { class: "govuk-body", text: "None: every step gave what it gave before." }));
  }
  slot.replaceChildren(element("section", { class: "workspace-what-if", "aria-labelledby": "what-if-heading" }, children));
}
