// The outcome transitions as a grouped bar chart drawn in SVG: one group per outcome before, one
// bar per outcome after, each bar labelled with its outcome and count in text (nothing is told by
// colour alone). The transition table beside it is its text alternative.
const svgNs = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// transitions: [{before, after, count, changed}] with before/after as display text.
export function transitionChart(transitions) {
  const groups = new Map();
  for (const t of transitions) {
    if (!groups.has(t.before)) groups.set(t.before, []);
    groups.get(t.before).push(t);
  }
  const most = Math.max(1, ...transitions.map((t) => t.count));
  const barHeight = 28, gap = 6, groupGap = 22, labelWidth = 0, chartWidth = 640, barRoom = 360;
  let y = 10;
  const parts = [];
  for (const [before, bars] of groups) {
    parts.push(svg("text", { x: 0, y: y + 14, class: "impact-chart__group" }, `Before: ${before}`));
    y += 22;
    for (const bar of bars) {
      const width = Math.max(2, Math.round((bar.count / most) * barRoom));
      const group = svg("g", { class: bar.changed ? "impact-chart__bar impact-chart__bar--changed" : "impact-chart__bar" });
      group.append(
        svg("rect", { x: labelWidth + 16, y, width, height: barHeight, ...(bar.changed ? { "stroke-dasharray": "4 2" } : {}) }),
        svg("text", { x: labelWidth + 24 + width, y: y + 19, class: "impact-chart__label" },
          `${bar.changed ? "now" : "still"} ${bar.after}: ${bar.count}`),
      );
      parts.push(group);
      y += barHeight + gap;
    }
    y += groupGap;
  }
  const total = transitions.reduce((sum, t) => sum + t.count, 0);
  const chart = svg("svg", {
    role: "img",
    viewBox: `0 0 ${chartWidth} ${y}`,
    width: "100%",
    class: "impact-chart",
    "aria-label": `Outcomes before and after for ${total} contacts: ` +
      transitions.map((t) => `${t.before} to ${t.after}, ${t.count}`).join("; "),
  });
  chart.append(...parts);
  return chart;
}
