// The Publish panel (docs/workspace.md, Publishing): where the workspace publishes, the pack
// active on the service against the draft (DIR as saved), and Publish, which first shows what
// changes in the published directory and asks to confirm. The server decides everything: whether
// the pack may be published, and whether the service has it active.
import { publishPack, publishState } from "./api.js";
import { currentEdit } from "./editor-view.js";
import { clearBanner, clearErrorSummary, element, showBanner, showErrorSummary } from "./messages.js";

// "sha256:abcdef012345…" for a digest, the full digest in its title.
function digestText(digest) {
  const hex = digest.replace(/^sha256:/, "");
  return element("span", { class: "workspace-json", title: digest, "data-digest": digest, text: `${hex.slice(0, 12)}…` });
}

function packRow(key, pack, id, missing) {
  const value = pack
    ? [`${pack.name} ${pack.version}, digest `, digestText(pack.digest)]
    : [missing];
  return element("div", { class: "govuk-summary-list__row" }, [
    element("dt", { class: "govuk-summary-list__key", text: key }),
    element("dd", { class: "govuk-summary-list__value", id }, value),
  ]);
}

function textRow(key, text, id) {
  return element("div", { class: "govuk-summary-list__row" }, [
    element("dt", { class: "govuk-summary-list__key", text: key }),
    element("dd", { class: "govuk-summary-list__value", id, text }),
  ]);
}

let state = null;

function render() {
  const slot = document.getElementById("publish-state");
  if (!state.enabled) {
    slot.replaceChildren(element("div", { class: "govuk-inset-text", id: "publish-why", text: state.why }));
    return;
  }
  const published = state.service ? state.active : state.in_directory;
  const rows = [
    textRow("Publishes to", state.directory, "publish-directory"),
    textRow("Decision service", state.service ?? "none given: the service watching the directory reloads it itself",
            "publish-service"),
    packRow(state.service ? "Active on the service" : "In the directory", published, "publish-published",
            state.active_problem ?? "no pack that loads"),
    packRow("Draft (the rules as saved here)", state.draft, "publish-draft", "the saved rules have errors"),
    textRow("Published is the draft", state.differs ? "No: publishing would change the published rules"
                                                    : "Yes: nothing to publish", "publish-differs"),
  ];
  slot.replaceChildren(element("dl", { class: "govuk-summary-list" }, rows));
}

export async function refreshPublishState() {
  const answer = await publishState();
  if (!answer.ok) {
    state = { enabled: false, why: answer.json.error?.message ?? `Could not read the publish state (${answer.status})` };
  } else {
    state = answer.json;
  }
  render();
}

function changeList(title, paths) {
  if (!paths.length) return [];
  return [element("h4", { class: "govuk-heading-s", text: `${title} (${paths.length})` }),
          element("ul", { class: "govuk-list govuk-list--bullet" }, paths.map((p) => element("li", { text: p })))];
}

async function confirmPublish() {
  clearErrorSummary();
  clearBanner();
  await refreshPublishState();
  if (!state.enabled) return showErrorSummary(state.why, []);
  const slot = document.getElementById("publish-confirmation");
  const changes = state.changes ?? { added: [], changed: [], removed: [] };
  const none = !changes.added.length && !changes.changed.length && !changes.removed.length;
  const heading = element("h3", { class: "govuk-heading-s", id: "publish-heading-confirm", tabindex: "-1",
                                  text: `Publish ${state.draft ? `${state.draft.name} ${state.draft.version}` : "the rules"} to ${state.directory}?` });
  const confirm = element("button", { type: "button", class: "govuk-button govuk-button--warning", id: "publish-confirm",
                                      text: "Publish now" });
  const cancel = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "publish-cancel",
                                     text: "Cancel" });
  const edit = currentEdit();
  const unsaved = edit?.unsaved ? [element("div", { class: "govuk-warning-text", id: "publish-unsaved" }, [
    element("span", { class: "govuk-warning-text__icon", "aria-hidden": "true", text: "!" }),
    element("strong", { class: "govuk-warning-text__text" }, [
      element("span", { class: "govuk-visually-hidden", text: "Warning" }),
      `${edit.path} has changes that are not saved: they are not published. Save it first to publish them.`])])] : [];
  confirm.addEventListener("click", () => publish());
  cancel.addEventListener("click", () => slot.replaceChildren());
  slot.replaceChildren(element("div", { class: "workspace-accept", id: "publish-changes" }, [
    heading,
    element("p", { class: "govuk-body", text: none
      ? "The published directory already has these files: publishing asks the service to reload them."
      : "Publishing changes these pack files in the published directory (nothing else there is touched):" }),
    ...changeList("Added", changes.added),
    ...changeList("Changed", changes.changed),
    ...changeList("Removed", changes.removed),
    ...unsaved,
    element("div", { class: "govuk-button-group" }, [confirm, cancel]),
  ]));
  heading.focus();
}

function problemsOf(json) {
  const diagnostics = (json.diagnostics ?? []).filter((d) => d.severity === "error")
    .map((d) => ({ text: `${d.file}${d.line ? `:${d.line}:${d.column}` : ""}: ${d.message}` }));
  const failing = (json.failing ?? []).map((f) => ({ text: `${f.file}: ${f.title}` }));
  const service = (json.service_diagnostics ?? []).map((d) => ({ text: d.rendered ?? d.message }));
  return [...diagnostics, ...failing, ...service];
}

async function publish() {
  const button = document.getElementById("publish-confirm");
  button.disabled = true;
  button.textContent = "Publishing…";
  const answer = await publishPack();
  document.getElementById("publish-confirmation").replaceChildren();
  const json = answer.json;
  if (!answer.ok) {
    showErrorSummary(json.error?.message ?? `Not published (status ${answer.status})`, problemsOf(json));
  } else if (json.active) {
    showBanner(`Published: pack ${json.name} version ${json.version}, digest ${json.digest.replace(/^sha256:/, "").slice(0, 12)}… is now active on the service`,
               [element("p", { class: "govuk-body" }, ["Full digest: ",
                 element("span", { class: "workspace-json", id: "published-digest", text: json.digest })])]);
  } else {
    showErrorSummary(`Published to ${json.directory}, but not seen active on the service: ${json.why}`, problemsOf(json));
  }
  await refreshPublishState();
}

export async function startPublishView() {
  document.getElementById("publish").addEventListener("click", () => {
    if (state && !state.enabled) {
      clearBanner();
      return showErrorSummary(state.why, []);
    }
    return confirmPublish();
  });
  document.getElementById("publish-refresh").addEventListener("click", () => refreshPublishState());
  await refreshPublishState();
}
