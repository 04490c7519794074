// The Impact view: the pack as edited (the open file's unsaved text in place) against the
// published pack, over a contacts file read in this browser or the service's decision log. The
// server assesses (POST /v1/workspace:impact); this module shows its progress and its report.
import { runImpact } from "./api.js";
import { currentEdit } from "./editor-view.js";
import { transitionChart } from "./impact-chart.js";
import { readImpactStream } from "./impact-stream.js";
import { clearErrorSummary, element, showErrorSummary } from "./messages.js";

const pageSize = 50;

// An outcome as people say it: its code when it has one; "refused" when that side refused.
function outcomeText(value) {
  if (value === null || value === undefined) return "refused";
  if (typeof value === "object" && value.code !== undefined) return String(value.code);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function table(caption, headings, rows, id) {
  const head = element("thead", { class: "govuk-table__head" }, [
    element("tr", { class: "govuk-table__row" },
      headings.map((h) => element("th", { scope: "col", class: "govuk-table__header", text: h }))),
  ]);
  const body = element("tbody", { class: "govuk-table__body" }, rows.map((cells) =>
    element("tr", { class: "govuk-table__row" },
      cells.map((c) => element("td", { class: "govuk-table__cell", text: String(c) })))));
  const attributes = { class: "govuk-table" };
  if (id) attributes.id = id;
  return element("table", attributes, [
    element("caption", { class: "govuk-table__caption govuk-table__caption--m", text: caption }), head, body]);
}

function lineCount(text) {
  return text.split("\n").filter((line, i, all) => i < all.length - 1 || line !== "").length;
}

function contactDetails(contact, contactsText) {
  const name = `${contact.label}${contact.contact_id ? ` (${contact.contact_id})` : ""}: ` +
    `${outcomeText(contact.outcome.before)} to ${outcomeText(contact.outcome.after)}`;
  const inside = [];
  if (contact.refused_before) inside.push(element("p", { class: "govuk-body", text: `Refused before: ${contact.refused_before}` }));
  if (contact.refused_after) inside.push(element("p", { class: "govuk-body", text: `Refused after: ${contact.refused_after}` }));
  if (contact.fields.length)
    inside.push(table("Fields that changed", ["Field", "Before", "After"],
      contact.fields.map((f) => [f.field, f.before ?? "absent", f.after ?? "absent"])));
  if (contact.explanation.length)
    inside.push(table("Why: the rules that changed", ["Rule", "Change", "Before", "After"],
      contact.explanation.map((e) => [e.rule, e.change, e.before ?? "", e.after ?? ""])));
  const line = Number(/^line (\d+)$/.exec(contact.label)?.[1]);
  if (contactsText && line) {
    const walk = element("button", { type: "button", class: "govuk-button govuk-button--secondary", text: "Walk through this contact" });
    walk.addEventListener("click", () => walkThroughLine(contactsText, line));
    inside.push(walk);
  }
  return element("details", { class: "govuk-details impact-contact" }, [
    element("summary", { class: "govuk-details__summary" }, [element("span", { class: "govuk-details__summary-text", text: name })]),
    element("div", { class: "govuk-details__text" }, inside),
  ]);
}

// Puts line `line` of the contacts file in the trainer's "paste a contact" box and starts it.
function walkThroughLine(contactsText, line) {
  const text = contactsText.split("\n")[line - 1] ?? "";
  const box = document.getElementById("walkthrough-contact");
  box.value = text;
  box.closest("details")?.setAttribute("open", "");
  document.getElementById("walkthrough-pick").requestSubmit();
  document.getElementById("walkthrough").scrollIntoView();
}

// The changed contacts a page at a time, so that a long list is not built in one go.
function contactList(contacts, contactsText) {
  const list = element("div", { id: "impact-contacts" });
  const more = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "impact-more" });
  let shown = 0;
  const showPage = () => {
    const page = contacts.slice(shown, shown + pageSize);
    list.append(...page.map((c) => contactDetails(c, contactsText)));
    shown += page.length;
    more.textContent = `Show ${Math.min(pageSize, contacts.length - shown)} more of ${contacts.length - shown}`;
    more.style.display = shown >= contacts.length ? "none" : "";  // the GOV.UK button's display outranks `hidden`
  };
  more.addEventListener("click", showPage);
  showPage();
  return element("section", { "aria-labelledby": "impact-contacts-heading" }, [
    element("h3", { class: "govuk-heading-m", id: "impact-contacts-heading", text: `Contacts that changed (${contacts.length})` }),
    list, more]);
}

function showReport(report, contactsText) {
  const out = document.getElementById("impact-result");
  const transitions = report.outcome_transitions.map((t) => ({
    before: outcomeText(t.before), after: outcomeText(t.after), count: t.count,
    changed: JSON.stringify(t.before) !== JSON.stringify(t.after),
  }));
  const summary = element("dl", { class: "govuk-summary-list", id: "impact-summary" },
    [["Contacts", report.total], ["Compared", report.compared], ["Changed", report.changed],
      ["Explanation changed only", report.explanation_changed],
      ["Refused before", report.refused_before], ["Refused after", report.refused_after]].map(([key, value]) =>
      element("div", { class: "govuk-summary-list__row" }, [
        element("dt", { class: "govuk-summary-list__key", text: key }),
        element("dd", { class: "govuk-summary-list__value", text: String(value) })])));
  out.replaceChildren(
    element("h3", { class: "govuk-heading-m", text: "Summary" }), summary,
    table("Outcomes before and after", ["Before", "After", "Contacts"],
      transitions.map((t) => [t.before, t.changed ? t.after : `${t.after} (unchanged)`, t.count]), "impact-transitions"),
    element("figure", { class: "impact-figure" }, [
      transitionChart(transitions),
      element("figcaption", { class: "govuk-body-s", text: "Each group is an outcome before; each bar what those contacts get now, labelled with its count. Dashed bars changed." })]),
    table("Rules that made the difference", ["Rule", "Change", "Contacts"],
      report.rules.map((r) => [r.rule, r.change, r.contacts]), "impact-rules"),
    table("Fields that changed", ["Field", "Contacts"], report.fields.map((f) => [f.field, f.contacts]), "impact-fields"),
    contactList(report.contacts, contactsText),
  );
}

// `total` null: the decision log, whose size the page does not know (the bar then shows no value).
function showProgress(done, total) {
  const bar = document.getElementById("impact-progress-bar");
  const text = document.getElementById("impact-progress-text");
  if (total === null) {
    bar.removeAttribute("value");
    text.textContent = "Comparing the decisions of the service's log";
    return;
  }
  bar.max = Math.max(total, 1);
  bar.value = Math.min(done, total);
  text.textContent = `${Math.min(done, total)} of ${total} contacts`;
}

async function run(event) {
  event.preventDefault();
  clearErrorSummary();
  const fromLog = document.getElementById("impact-source-log").checked;
  const file = document.getElementById("impact-file").files[0];
  if (!fromLog && !file)
    return showErrorSummary("Choose a contacts file, or the service's decision log", [{ text: "Choose a contacts file", href: "#impact-file" }]);
  const edit = currentEdit();
  const contactsText = fromLog ? null : await file.text();
  const total = fromLog ? null : lineCount(contactsText);
  const button = document.getElementById("impact-run");
  const progress = document.getElementById("impact-progress");
  button.disabled = true;
  progress.hidden = false;
  showProgress(0, total);
  document.getElementById("impact-status").textContent = "Comparing the contacts…";
  document.getElementById("impact-result").replaceChildren();
  try {
    const response = await runImpact(edit ? { path: edit.path, text: edit.text } : null, contactsText);
    if (!response.ok) {
      progress.hidden = true;
      document.getElementById("impact-status").textContent = "";
      const json = await response.json().catch(() => ({}));
      const problems = (json.diagnostics ?? []).map((d) => ({ text: `${d.file}:${d.line}:${d.column}: ${d.message}` }));
      return showErrorSummary(`Could not see the impact: ${json.error?.message ?? response.status}`, problems);
    }
    const report = await readImpactStream(response, (lines) => showProgress(lines, total));
    if (total === null) progress.hidden = true;
    else showProgress(total, total);
    showReport(report, contactsText);
    document.getElementById("impact-status").textContent =
      `Finished: ${report.compared} contacts compared, ${report.changed} changed.`;
  } catch (error) {
    progress.hidden = true;
    document.getElementById("impact-status").textContent = "";
    showErrorSummary(`Could not see the impact: ${error.message}`, []);
  } finally {
    button.disabled = false;
  }
}

export function startImpactView() {
  document.getElementById("impact-form").addEventListener("submit", run);
}
