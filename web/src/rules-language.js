// Highlighting for the rule language (docs/language.md): keywords, strings, comments, numbers.
// Only colours: what is valid is the engine's to say, through the diagnostics.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

const keywords = new Set(
  ("pack version source calendar timezone rules open holidays from division enum record optional list set of " +
    "null matching length to at most unique default input refuse because let decision first match collect table " +
    "output times and or not in when otherwise if then else exists is absent true false where by for each " +
    "working date datetime exclusive partition any all count filter latest earliest integer decimal text boolean " +
    "duration days day hours hour minutes minute seconds second months month label row rows").split(" "),
);

const rules = StreamLanguage.define({
  name: "frontdoor-rules",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match("#")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.peek() === '"') {
      stream.next();
      let escaped = false;
      while (!stream.eol()) {
        const c = stream.next();
        if (c === '"' && !escaped) break;
        escaped = c === "\\" && !escaped;
      }
      return "string";
    }
    if (stream.match(/^-?\d[\d_]*(\.\d+)?/)) return "number";
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
      return keywords.has(stream.current()) ? "keyword" : "variableName";
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
});

// Colours with a contrast of at least 4.5:1 on white (WCAG 2.2 AA).
const style = HighlightStyle.define([
  { tag: tags.keyword, color: "#4c2c92", fontWeight: "bold" },
  { tag: tags.string, color: "#8a1f11" },
  { tag: tags.comment, color: "#505a5f", fontStyle: "italic" },
  { tag: tags.number, color: "#00703c" },
]);

export function rulesLanguage() {
  return [rules, syntaxHighlighting(style)];
}
