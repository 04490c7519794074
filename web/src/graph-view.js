// The graph view (docs/workspace.md, "See the graph"): the decision graph of the pack as edited,
// as the server draws it (POST /v1/workspace:graph), laid out left to right on a canvas
// (graph-canvas.js, loaded only when first drawn) with the same graph as a list of nodes beside it:
// the list is what a keyboard or a screen reader uses. Each node's name, condition and citation are
// shown; clicking one opens the file where it is written at its line; with a scenario or a pasted
// contact, the path it took is marked in the drawing and said in words in the list.
import { drawGraph } from "./api.js";
import { currentEdit, openFileAt } from "./editor-view.js";
import { element } from "./messages.js";

const state = { canvas: null, graph: null, withContact: false };
const onPath = { applied: "On this contact's path", "not applied": "Tried, not applied" };

function errorSummary(message, items = []) {
  const list = element("ul", { class: "govuk-list govuk-error-summary__list" },
    [message, ...items].map((text) => element("li", { text })));
  return element("div", { class: "govuk-error-summary", tabindex: "-1", id: "graph-error" }, [
    element("div", { role: "alert" }, [
      element("h3", { class: "govuk-error-summary__title", text: "There is a problem" }),
      element("div", { class: "govuk-error-summary__body" }, [list])])]);
}

function where(vertex) {
  return vertex.source ? `${vertex.source.file}:${vertex.source.line}:${vertex.source.column}` : null;
}

function condition(vertex) {
  if (vertex.kind !== "row") return null;
  const plain = ["otherwise", "always"].includes(vertex.condition) || vertex.condition.startsWith("for each ");
  return plain ? vertex.condition : `when ${vertex.condition}`;
}

// Opens the file where `vertex` is written, at its line.
function openSource(vertex) {
  if (vertex.source) openFileAt(vertex.source.file, vertex.source.line, vertex.source.column);
}

// A node picked in the list: shown in full beside the drawing, centred on it, and its file opened.
function pickFromList(vertex) {
  showSelected(vertex);
  state.canvas?.show(vertex);
  openSource(vertex);
}

function sourceLink(vertex, text, action = openSource) {
  const link = element("a", { href: "#editor", class: "govuk-link", "data-vertex": String(vertex.id), text });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    action(vertex);
  });
  return link;
}

function summaryRow(key, value) {
  return [element("dt", { class: "govuk-!-font-weight-bold", text: key }), element("dd", {}, [value])];
}

// The side panel: everything about the node picked on the canvas, in full.
function showSelected(vertex) {
  const rows = [summaryRow("Node", vertex.label), summaryRow("Kind", vertex.kind)];
  if (vertex.kind === "row") {
    rows.push(summaryRow("Name", vertex.name ?? "none (known by its position)"));
    rows.push(summaryRow("Condition", condition(vertex)));
    rows.push(summaryRow("Citation", vertex.citation ?? "none"));
  }
  if (vertex.state) rows.push(summaryRow("This contact", onPath[vertex.state] ?? "Not tried"));
  rows.push(summaryRow("Written at", where(vertex) ? sourceLink(vertex, where(vertex)) : "nowhere: an input field is read, not written"));
  document.getElementById("graph-selected").replaceChildren(
    element("h3", { class: "govuk-heading-s", text: "Selected node" }),
    element("dl", { class: "govuk-body workspace-graph-selected", id: "graph-selected-node" }, rows.flat()));
}

// The list of nodes: the graph in words, one item per node, in the engine's order.
function nodeList(graph) {
  return element("ol", { class: "govuk-list workspace-graph-nodes", id: "graph-nodes" }, graph.vertices.map((vertex) => {
    const heading = where(vertex)
      ? sourceLink(vertex, vertex.label, pickFromList)
      : element("span", { class: "govuk-!-font-weight-bold", text: vertex.label });
    const facts = [`${vertex.kind}${where(vertex) ? `, written at ${where(vertex)}` : ""}`];
    if (vertex.kind === "row") facts.push(condition(vertex), vertex.citation ? `[${vertex.citation}]` : "no citation");
    const item = element("li", { "data-state": vertex.state ?? "", "data-label": vertex.label }, [
      heading, element("span", { class: "workspace-graph-facts", text: ` (${facts.join("; ")})` })]);
    if (onPath[vertex.state]) item.append(" ", element("strong", { class: "workspace-graph-marker", text: onPath[vertex.state] }));
    return item;
  }));
}

function button(id, text, action) {
  const node = element("button", { type: "button", class: "govuk-button govuk-button--secondary govuk-!-margin-bottom-2", id, text });
  node.addEventListener("click", action);
  return node;
}

async function show(graph, what) {
  state.canvas?.destroy();
  state.graph = graph;
  const applied = graph.vertices.filter((v) => v.state === "applied").length;
  const summary = what
    ? `${graph.vertices.length} nodes. ${applied} are on the path of ${what}: bold with a thick border and "✔ on the path" on the drawing, marked in the list.`
    : `${graph.vertices.length} nodes, each read from left to right: what is read points to what reads it.`;
  const canvas = element("div", { class: "workspace-graph-canvas", id: "graph-canvas", role: "img",
                                  "aria-label": "The decision graph, drawn left to right. The list of nodes below says the same in words." });
  const controls = element("div", { class: "govuk-button-group workspace-graph-controls" }, [
    button("graph-fit", "Fit to the frame", () => state.canvas?.fit()),
    button("graph-zoom-in", "Zoom in", () => state.canvas?.zoomIn()),
    button("graph-zoom-out", "Zoom out", () => state.canvas?.zoomOut())]);
  document.getElementById("graph-result").replaceChildren(
    element("p", { class: "govuk-body", id: "graph-summary", text: summary }),
    element("div", { class: "govuk-grid-row" }, [
      element("div", { class: "govuk-grid-column-three-quarters" }, [controls, canvas]),
      element("div", { class: "govuk-grid-column-one-quarter", id: "graph-selected" }, [
        element("p", { class: "govuk-body", text: "Click a node to see it in full and open the file where it is written." })])]),
    element("h3", { class: "govuk-heading-m", id: "graph-nodes-heading", text: "Nodes" }),
    element("p", { class: "govuk-body", text: "Each node's link shows it in full beside the drawing and opens the file where it is written, at its line." }),
    nodeList(graph));
  const { drawCanvas } = await import("./graph-canvas.js");
  state.canvas = drawCanvas(canvas, graph, (vertex) => {
    showSelected(vertex);
    openSource(vertex);
  });
}

async function draw(event) {
  event.preventDefault();
  const result = document.getElementById("graph-result");
  const request = {};
  const edit = currentEdit();
  if (edit) Object.assign(request, { path: edit.path, text: edit.text });
  const pasted = document.getElementById("graph-contact").value.trim();
  const scenario = document.getElementById("graph-scenario").value;
  let what = null;
  if (pasted) {
    try {
      request.contact = JSON.parse(pasted);
      what = "the pasted contact";
    } catch {
      result.replaceChildren(errorSummary("The pasted contact is not JSON"));
      return;
    }
  } else if (scenario) {
    request.scenario = scenario;
    what = scenario;
  }
  result.replaceChildren(element("p", { class: "govuk-body", text: "Drawing the graph…" }));
  const answer = await drawGraph(request);
  if (!answer.ok) {
    const error = answer.json.error ?? {};
    const at = error.path !== undefined ? ` (at ${error.path || "the whole contact"})` : "";
    const problems = (answer.json.diagnostics ?? []).filter((d) => d.severity === "error")
      .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
    const summary = errorSummary(`${error.message ?? `The graph could not be drawn (status ${answer.status})`}${at}`, problems);
    result.replaceChildren(summary);
    summary.focus();
    return;
  }
  await show(answer.json, what);
  state.canvas.fit();
}

// Fills the scenario list from the pack's files and wires the form.
export function startGraphView(files) {
  const picker = document.getElementById("graph-scenario");
  picker.append(element("option", { value: "", text: "None: the graph alone" }));
  for (const path of files.filter((f) => f.startsWith("scenarios/") && f.endsWith(".json")))
    picker.append(element("option", { value: path, text: path.slice("scenarios/".length) }));
  document.getElementById("graph-pick").addEventListener("submit", draw);
}

// For the browser test: where a node is drawn on the canvas (pixels from its top left).
window.frontdoorGraph = {
  renderedPosition: (label) => {
    const vertex = state.graph?.vertices.find((v) => v.label === label);
    return vertex && state.canvas ? state.canvas.renderedPosition(vertex) : null;
  },
};
