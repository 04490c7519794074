// The trainer's view (docs/workspace.md, "For trainers"): pick a scenario or paste a contact, step
// through its walkthrough, change facts with a form made from the pack's input declaration and see
// what changed and why, and take the walkthrough away as a handout. Every sentence is the server's
// (POST /v1/workspace:walkthrough); the page only lays them out.
import { describeInput, walkThrough } from "./api.js";
import { factForm } from "./fact-form.js";
import { handoutActions } from "./handout.js";
import { element } from "./messages.js";
import { showSteps } from "./walkthrough-steps.js";
import { showWhatIf } from "./what-if-view.js";

const state = { request: null, form: null, schema: null };

function errorSummary(message, href) {
  const item = element("li", {}, [href ? element("a", { href, text: message }) : message]);
  const summary = element("div", { class: "govuk-error-summary", tabindex: "-1", id: "walkthrough-error" }, [
    element("div", { role: "alert" }, [
      element("h3", { class: "govuk-error-summary__title", text: "There is a problem" }),
      element("div", { class: "govuk-error-summary__body" }, [element("ul", { class: "govuk-list govuk-error-summary__list" }, [item])]),
    ])]);
  return summary;
}

// A refusal after the what-ifs names the fact at fault: its control gets the GOV.UK error message.
function markField(path, message) {
  const group = document.querySelector(`#what-if-form [data-field="${CSS.escape(path)}"]`);
  if (!group) return null;
  group.classList.add("govuk-form-group--error");
  const control = group.querySelector("input, select");
  const id = `${control.id}-error`;
  group.insertBefore(element("p", { class: "govuk-error-message", id }, [
    element("span", { class: "govuk-visually-hidden", text: "Error:" }), ` ${message}`]), [...group.children].find((child) => child.contains(control)));
  control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  return `#${control.id}`;
}

function problemOf(answer) {
  const error = answer.json.error ?? {};
  const at = error.path !== undefined ? ` (at ${error.path || "the whole contact"})` : "";
  const first = answer.json.diagnostics?.[0];
  return `${error.message ?? `The walkthrough failed (status ${answer.status})`}${at}${first ? `: ${first.message}` : ""}`;
}

function whatIfForm(walkthrough) {
  const { body, changes } = factForm(state.schema, walkthrough.contact ?? {});
  const button = element("button", { type: "submit", class: "govuk-button", id: "see-what-changes", text: "See what changes" });
  const form = element("form", { id: "what-if-form", class: "workspace-no-print", novalidate: "" }, [
    element("h3", { class: "govuk-heading-m", text: "Change a fact" }),
    element("p", { class: "govuk-body", text: "Change any of the contact's facts below, then see what changes in the decision and why." }),
    body, button]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    seeWhatChanges(changes());
  });
  return form;
}

function show(walkthrough) {
  const result = document.getElementById("walkthrough-result");
  const children = [element("h3", { class: "govuk-heading-m", id: "walkthrough-title", text: `Walkthrough: ${walkthrough.title}` })];
  if (walkthrough.stale.length) {
    children.push(element("div", { class: "govuk-warning-text" }, [
      element("span", { class: "govuk-warning-text__icon", "aria-hidden": "true", text: "!" }),
      element("strong", { class: "govuk-warning-text__text" }, [
        element("span", { class: "govuk-visually-hidden", text: "Warning" }),
        `This scenario's narrative no longer matches the decision the pack gives: ${walkthrough.stale.join("; ")}`])]));
  }
  const steps = element("div", { id: "walkthrough-steps" });
  const whatIf = element("div", { id: "what-if-result" });
  children.push(steps, handoutActions(walkthrough.title, walkthrough.markdown), whatIf);
  if (state.schema) children.push(whatIfForm(walkthrough));
  result.replaceChildren(...children);
  showSteps(steps, walkthrough);
  if (walkthrough.what_if) showWhatIf(whatIf, walkthrough.what_if);
}

async function seeWhatChanges(changes) {
  const whatIf = document.getElementById("what-if-result");
  document.getElementById("walkthrough-error")?.remove();
  for (const group of document.querySelectorAll("#what-if-form .govuk-form-group--error")) {
    group.classList.remove("govuk-form-group--error");
    group.querySelector(".govuk-error-message")?.remove();
  }
  if (changes.length === 0) {
    whatIf.replaceChildren(element("p", { class: "govuk-body", text: "Change a fact in the form first." }));
    return;
  }
  const answer = await walkThrough({ ...state.request, what_if: changes });
  if (!answer.ok) {
    const href = answer.json.error?.what_if ? markField(answer.json.error.path, answer.json.error.message) : null;
    const summary = errorSummary(`The changed contact is refused: ${problemOf(answer)}`, href);
    whatIf.replaceChildren(summary);
    summary.focus();
    return;
  }
  document.getElementById("handout-actions").replaceWith(handoutActions(answer.json.title, answer.json.markdown));
  showWhatIf(whatIf, answer.json.what_if);
  document.getElementById("what-if-heading").scrollIntoView();
}

async function start(event) {
  event.preventDefault();
  const result = document.getElementById("walkthrough-result");
  const pasted = document.getElementById("walkthrough-contact").value.trim();
  if (pasted) {
    try {
      state.request = { contact: JSON.parse(pasted) };
    } catch {
      result.replaceChildren(errorSummary("The pasted contact is not JSON", "#walkthrough-contact"));
      return;
    }
  } else {
    state.request = { scenario: document.getElementById("walkthrough-scenario").value };
  }
  result.replaceChildren(element("p", { class: "govuk-body", text: "Walking through…" }));
  const answer = await walkThrough(state.request);
  if (!answer.ok) {
    const summary = errorSummary(problemOf(answer));
    result.replaceChildren(summary);
    summary.focus();
    return;
  }
  show(answer.json);
  document.getElementById("walkthrough-title").scrollIntoView();
}

// Fills the scenario list from the pack's files and wires the form.
export async function startWalkthroughView(files) {
  const picker = document.getElementById("walkthrough-scenario");
  for (const path of files.filter((f) => f.startsWith("scenarios/") && f.endsWith(".json")))
    picker.append(element("option", { value: path, text: path.slice("scenarios/".length) }));
  const schema = await describeInput();
  if (schema.ok) state.schema = schema.json;
  document.getElementById("walkthrough-pick").addEventListener("submit", start);
}
