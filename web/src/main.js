// The workspace page: the file list, the editor, the scenarios panel, the impact of the edit,
// publishing, the trainer's walkthrough and the graph (docs/workspace.md).
import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "./style.css";
import { describePack, listFiles } from "./api.js";
import { openFile, save } from "./editor-view.js";
import { runAndShow } from "./scenarios-view.js";
import { startImpactView } from "./impact-view.js";
import { element, showErrorSummary } from "./messages.js";
import { startPublishView } from "./publish-view.js";
import { askForToken } from "./token-view.js";
import { startWalkthroughView } from "./walkthrough-view.js";
import { startGraphView } from "./graph-view.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

async function showFiles() {
  const answer = await listFiles();
  if (!answer.ok) return showErrorSummary(`Could not list the pack's files: ${answer.json.error?.message}`, []), [];
  const all = answer.json.files.map((f) => f.path);
  await startWalkthroughView(all);
  startGraphView(all);
  // Scenarios are run from the panel, not edited here (yet): the list holds the rule and data files.
  const files = all.filter((path) => !path.includes("/"));
  const list = document.getElementById("file-list");
  for (const path of files) {
    const link = element("a", { href: `#${encodeURIComponent(path)}`, class: "govuk-link", text: path });
    link.dataset.path = path;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      openFile(path);
    });
    list.append(element("li", {}, [link]));
  }
  return files;
}

async function start() {
  const pack = await describePack();
  if (pack.status === 401) {
    askForToken();
    document.body.dataset.ready = "true";
    return;
  }
  if (pack.ok) document.getElementById("pack-caption").textContent = `${pack.json.name} ${pack.json.version}`;
  const files = await showFiles();
  document.getElementById("save").addEventListener("click", () => save(false));
  document.getElementById("save-with-errors").addEventListener("click", () => save(true));
  document.getElementById("run-scenarios").addEventListener("click", () => runAndShow());
  startImpactView();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const first = files.includes(wanted) ? wanted : files.find((path) => path.endsWith(".rules"));
  if (first) await openFile(first);
  await startPublishView();
  document.body.dataset.ready = "true";
}

start();
