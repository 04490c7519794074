// The graph view's drawing (graph-view.js loads this module only when the graph is first drawn, so
// the editor does not pay for it): the engine's graph JSON laid out left to right by dagre in
// cytoscape, each node labelled with its name, condition and citation, the contact's path marked by
// line style and words in the label, never by colour alone.
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";

cytoscape.use(dagre);

const shapes = { input: "barrel", "input field": "barrel", definition: "rectangle", row: "round-rectangle",
                 output: "tag", refusal: "octagon" };
const markers = { applied: "✔ on the path", "not applied": "✖ tried, not applied" };
const lineCharacters = 34;

// `text` cut at a word to at most `limit` characters, with "…".
function shorten(text, limit) {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// The lines of a node's label: its name (or label), `when` and its condition, its citation, and
// with a contact what the contact did there.
export function labelLines(vertex) {
  const named = vertex.kind === "row" || vertex.kind === "input field" || vertex.label.startsWith(`${vertex.kind} `);
  const lines = [named ? vertex.label : `${vertex.kind} ${vertex.label}`];
  if (vertex.kind === "row") {
    lines.push(shorten(vertex.condition === "otherwise" || vertex.condition === "always" || vertex.condition.startsWith("for each ")
      ? vertex.condition : `when ${vertex.condition}`, 2 * lineCharacters));
    if (vertex.citation) lines.push(`[${shorten(vertex.citation, 2 * lineCharacters)}]`);
  }
  if (markers[vertex.state]) lines.push(markers[vertex.state]);
  return lines;
}

function elements(graph) {
  const state = new Map(graph.vertices.map((v) => [v.id, v.state]));
  const nodes = graph.vertices.map((v) => {
    const lines = labelLines(v);
    const height = 20 + 17 * lines.reduce((sum, line) => sum + Math.ceil(line.length / lineCharacters), 0);
    return { data: { id: String(v.id), label: lines.join("\n"), shape: shapes[v.kind] ?? "rectangle", height },
             classes: v.state ? v.state.replace(" ", "-") : "" };
  });
  const edges = graph.edges.map((e, index) => ({
    data: { id: `e${index}`, source: String(e.from), target: String(e.to) },
    classes: state.get(e.from) === "applied" && state.get(e.to) === "applied" ? "on-path" : state.get(e.to) ? "off-path" : "",
  }));
  return [...nodes, ...edges];
}

const style = [
  { selector: "node", style: {
    shape: "data(shape)", width: 240, height: "data(height)", label: "data(label)", "text-wrap": "wrap",
    "text-max-width": 228, "text-valign": "center", "text-halign": "center", "font-size": 13, color: "#0b0c0c",
    "background-color": "#ffffff", "border-width": 1, "border-color": "#505a5f", "font-family": "sans-serif" } },
  { selector: "node.applied", style: { "border-width": 5, "border-color": "#0b0c0c", "background-color": "#d9ead3",
                                       "font-weight": "bold" } },
  { selector: "node.not-applied", style: { "border-width": 2, "border-style": "dashed", "border-color": "#505a5f" } },
  { selector: "node.not-tried", style: { color: "#505a5f" } },
  { selector: "node:selected", style: { "underlay-color": "#ffdd00", "underlay-opacity": 1, "underlay-padding": 10 } },
  { selector: "edge", style: { width: 1.5, "line-color": "#505a5f", "target-arrow-color": "#505a5f",
                               "target-arrow-shape": "triangle", "curve-style": "bezier" } },
  { selector: "edge.on-path", style: { width: 5, "line-color": "#0b0c0c", "target-arrow-color": "#0b0c0c" } },
  { selector: "edge.off-path", style: { "line-style": "dashed", width: 1 } },
];

// Draws `graph` in `container`; `onPick(vertex)` when a node is clicked or tapped. Returns the
// controls the view's buttons use.
export function drawCanvas(container, graph, onPick) {
  const cy = cytoscape({
    container, elements: elements(graph), style, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 3,
    textureOnViewport: false, motionBlur: false, pixelRatio: "auto",
    layout: { name: "dagre", rankDir: "LR", nodeSep: 20, rankSep: 80, edgeSep: 10 },
  });
  const byId = new Map(graph.vertices.map((v) => [String(v.id), v]));
  cy.on("tap", "node", (event) => onPick(byId.get(event.target.id())));
  const zoomBy = (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  return {
    fit: () => cy.fit(undefined, 20),
    zoomIn: () => zoomBy(1.4),
    zoomOut: () => zoomBy(1 / 1.4),
    // Selects the node of `vertex` and centres it at a zoom where its text can be read.
    show(vertex) {
      const node = cy.getElementById(String(vertex.id));
      cy.elements().unselect();
      node.select();
      cy.zoom(Math.max(cy.zoom(), 1));
      cy.center(node);
    },
    // Where the node of `vertex` is drawn, in pixels from the container's top left (for tests).
    renderedPosition: (vertex) => cy.getElementById(String(vertex.id)).renderedPosition(),
    destroy: () => cy.destroy(),
  };
}
