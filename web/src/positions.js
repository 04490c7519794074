// The engine counts columns in characters (Unicode code points) from 1; CodeMirror counts
// positions in UTF-16 code units from 0. These convert one to the other.

// The document position of 1-based character `column` on 1-based `lineNumber`.
export function positionOf(doc, lineNumber, column) {
  if (lineNumber < 1 || lineNumber > doc.lines) return doc.length;
  const line = doc.line(lineNumber);
  let offset = 0;
  let characters = 1;
  for (const character of line.text) {
    if (characters >= column) break;
    offset += character.length;
    characters += 1;
  }
  return line.from + Math.min(offset, line.length);
}
