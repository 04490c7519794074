// The editor: one rule file in CodeMirror, checked by the server with the whole pack as the user
// types (debounced by the linter), the engine's diagnostics as squiggles, a "did you mean" as a
// quick fix, and saving (formatted, and only when the pack checks clean unless asked otherwise).
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { checkFile, readFile, saveFile } from "./api.js";
import { rulesLanguage } from "./rules-language.js";
import { positionOf } from "./positions.js";
import { coverageMarks, showUncovered } from "./coverage-marks.js";
import { clearBanner, clearErrorSummary, element, showBanner, showErrorSummary } from "./messages.js";

// `uncovered`: the rules the last run of the scenarios did not reach, to mark in any file opened.
const current = { path: null, view: null, uncovered: [] };

function describe(d) {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file || "the pack";
  return `${where}: ${d.severity}: ${d.message}`;
}

function setStatus(text) {
  document.getElementById("check-status").textContent = text;
}

// Problems in files other than the one open: listed under the editor, since they have no squiggle here.
function showOtherFiles(diagnostics) {
  const slot = document.getElementById("other-files-problems");
  const others = diagnostics.filter((d) => d.file !== current.path && d.severity === "error");
  if (others.length === 0) return slot.replaceChildren();
  const list = element("ul", { class: "govuk-list govuk-list--bullet" });
  for (const d of others) list.append(element("li", { text: describe(d) }));
  slot.replaceChildren(element("h3", { class: "govuk-heading-s", text: "Problems in other files" }), list);
}

function toLint(doc, d) {
  const from = positionOf(doc, d.line, d.column);
  const to = Math.max(from, positionOf(doc, d.end_line, d.end_column));
  const lint = { from, to, severity: d.severity === "note" ? "info" : d.severity, message: d.message, source: "frontdoor" };
  if (d.fix !== undefined) {
    lint.actions = [{
      name: `Change to ${d.fix}`,
      apply(view, fixFrom, fixTo) {
        view.dispatch({ changes: { from: fixFrom, to: fixTo, insert: d.fix } });
      },
    }];
  }
  return lint;
}

// The linter's source: the server checks the text as it is now, with the rest of the pack.
async function checkNow(view) {
  const path = current.path;
  const answer = await checkFile(path, view.state.doc.toString());
  if (path !== current.path || !answer.ok) {
    if (!answer.ok) setStatus(`Could not check: ${answer.json.error?.message ?? answer.status}`);
    return [];
  }
  const mine = answer.json.diagnostics.filter((d) => d.file === path && d.line > 0);
  const errors = answer.json.diagnostics.filter((d) => d.severity === "error").length;
  setStatus(errors === 0 ? "Checked: the pack has no errors." : `Checked: the pack has ${errors} ${errors === 1 ? "error" : "errors"}.`);
  showOtherFiles(answer.json.diagnostics);
  return mine.map((d) => toLint(view.state.doc, d));
}

function extensions() {
  return [
    basicSetup,
    rulesLanguage(),
    lintGutter(),
    coverageMarks(),
    linter(checkNow, { delay: 400 }),
    // tabindex: the text is the scrolling region's focusable content (axe: scrollable-region-focusable).
    EditorView.contentAttributes.of({ "aria-label": "Rule file text", "aria-describedby": "check-status", tabindex: "0" }),
  ];
}

export async function openFile(path) {
  const answer = await readFile(path);
  if (!answer.ok) return showErrorSummary(`Could not open ${path}: ${answer.json.error?.message}`, []);
  current.path = path;
  current.saved = answer.json.text;
  document.getElementById("editor-heading").textContent = path;
  for (const link of document.querySelectorAll("#file-list a")) {
    if (link.dataset.path === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const state = EditorState.create({ doc: answer.json.text, extensions: extensions() });
  if (current.view) {
    current.view.setState(state);
    current.view.scrollDOM.scrollTo(0, 0);  // a file opens at its start, not where the last one was left
  } else current.view = new EditorView({ state, parent: document.getElementById("editor") });
  showUncovered(current.view, path, current.uncovered);
  setStatus("Checking…");
  forceLinting(current.view);
}

// Opens `path` (unless it is the file open, whose edits are kept) with the cursor at 1-based `line`
// and character `column`, scrolled into view and focused: where a node of the graph is written.
export async function openFileAt(path, line, column) {
  if (current.path !== path) await openFile(path);
  if (current.path !== path) return;
  const at = positionOf(current.view.state.doc, line, column);
  current.view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: "center" }) });
  document.getElementById("editor-heading").scrollIntoView();
  current.view.focus();
}

// After each run of the scenarios: marks the rows of the open file (and of any opened later) that
// no scenario reached.
export function markUncovered(uncovered) {
  current.uncovered = uncovered;
  if (current.view) showUncovered(current.view, current.path, uncovered);
}

// The open file as edited; `unsaved`: its text is not what the directory holds (as last read or saved).
export function currentEdit() {
  if (!current.path) return null;
  const text = current.view.state.doc.toString();
  return { path: current.path, text, unsaved: text !== current.saved };
}

export async function save(withErrors) {
  clearErrorSummary();
  clearBanner();
  const edit = currentEdit();
  if (!edit) return;
  const answer = await saveFile(edit.path, edit.text, withErrors);
  if (answer.ok) {
    current.saved = answer.json.text;
    if (answer.json.text !== edit.text) {
      current.view.dispatch({ changes: { from: 0, to: current.view.state.doc.length, insert: answer.json.text } });
    }
    const errors = answer.json.diagnostics.filter((d) => d.severity === "error").length;
    showBanner(errors === 0 ? `Saved ${edit.path}` : `Saved ${edit.path} with ${errors} ${errors === 1 ? "error" : "errors"}`);
    return;
  }
  const problems = (answer.json.diagnostics ?? []).filter((d) => d.severity === "error")
    .map((d) => ({ text: describe(d), href: "#editor" }));
  showErrorSummary(answer.json.error?.message ?? `Not saved (status ${answer.status})`, problems);
}
