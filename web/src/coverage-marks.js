// The coverage marks in the editor: each row of the open file that no scenario reached in the last
// run (the server's :test answer names them with their file and line) gets a marker in its own
// gutter and a line decoration, both saying "no scenario reaches this row" in words (a tooltip),
// never by colour alone; CodeMirror hides its gutters from assistive technology, so the line's
// own title carries the words too (and the scenarios panel says how many rows are marked). The
// marks move with the text as it is edited.
import { RangeSet, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, GutterMarker, gutter } from "@codemirror/view";

export const uncoveredLabel = "no scenario reaches this row";
const setMarks = StateEffect.define();

class UncoveredMarker extends GutterMarker {
  constructor(names) {
    super();
    this.names = names;
  }
  eq(other) {
    return other.names === this.names;
  }
  toDOM() {
    const marker = document.createElement("span");
    marker.className = "workspace-uncovered-marker";
    marker.textContent = "○";
    marker.title = `${uncoveredLabel}: ${this.names}`;
    return marker;
  }
}

const empty = { lines: Decoration.none, markers: RangeSet.empty };
const marksField = StateField.define({
  create: () => empty,
  update(marks, transaction) {
    for (const effect of transaction.effects) if (effect.is(setMarks)) return effect.value;
    if (!transaction.docChanged) return marks;
    return { lines: marks.lines.map(transaction.changes), markers: marks.markers.map(transaction.changes) };
  },
  provide: (field) => EditorView.decorations.from(field, (marks) => marks.lines),
});

// The editor extensions that show the marks.
export function coverageMarks() {
  return [
    marksField,
    gutter({
      class: "workspace-coverage-gutter",
      markers: (view) => view.state.field(marksField).markers,
      lineMarkerChange: (update) => update.startState.field(marksField) !== update.state.field(marksField),
    }),
  ];
}

// Marks, in `view` showing the file `path`, each line an item of `uncovered` ([{file, line, name}])
// names; clears the marks first, so an empty list removes them all.
export function showUncovered(view, path, uncovered) {
  const byLine = new Map();
  for (const item of uncovered.filter((u) => u.file === path && u.line >= 1 && u.line <= view.state.doc.lines)) {
    byLine.set(item.line, [...(byLine.get(item.line) ?? []), item.name]);
  }
  const lines = [], markers = [];
  for (const [line, names] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const from = view.state.doc.line(line).from;
    const text = names.join("; ");
    lines.push(Decoration.line({ class: "workspace-uncovered", attributes: { title: `${uncoveredLabel}: ${text}` } }).range(from));
    markers.push(new UncoveredMarker(text).range(from));
  }
  view.dispatch({ effects: setMarks.of({ lines: Decoration.set(lines), markers: RangeSet.of(markers) }) });
}
