// How the workspace's editor holds up with a 1 MB rule file (issue 13: "a 1 MB rule file edits
// without lag"), in a real headless Chromium against the real `frontdoor workspace` on a copy of
// the pack with one more file, large.rules, of generated tables (about 2,400 of them, each a
// warning: no rule reads it, so the editor also carries thousands of lint marks).
//
// It measures, and prints as text and as one JSON line:
// - the baseline: typing at the end of a small file (thresholds.rules), as below;
// - opening the file: from the click to the text in the editor, and to the first check's answer;
// - typing at the end and at the start of the file: each key's latency as the browser's Event
//   Timing API gives it (input to the next paint; the API reports only events of 16 ms or more, so
//   the keys it does not report took less), and the long tasks (50 ms or more) while typing;
// - a typo at the end: from the last key to its squiggle, through the linter's 400 ms wait and the
//   server's check of the whole pack.
// It checks what a user would see (the typed text is there, the typo's diagnostic is at its line),
// never a time: the figures go to docs/performance.md.
//
//   node web/tests/large-rule-file.bench.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
// FRONTDOOR_LARGE_FILE_BYTES sets the file's size (1,000,000 unless given; a rule file may have 1 MiB).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check, failAfter, runWorkspaceTest, screenshot, STEP_MS }
  from "./browser-harness.js";

const BYTES = Number(process.env.FRONTDOOR_LARGE_FILE_BYTES ?? 1000000);
const TYPED = "# a note typed at the keyboard";
const TYPO = 'table typed_table label "typed": rag -> duraton\n';
const TYPO_ROW = '"red" -> 4 hours [source "typed"]';

function largeRuleFile(bytes) {
  const tables = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const table = `# Response times for partner group ${i} (generated, for the file's size only).
table partner_group_${i}_response label "time partner group ${i} has to answer": rag -> duration
  "red" -> 4 hours     [source "generated table ${i}: red, within 4 hours"]
  "amber" -> 24 hours  [source "generated table ${i}: amber, within 24 hours"]
  "green" -> 72 hours  [source "generated table ${i}: green, within 72 hours"]

`;
    tables.push(table);
    size += table.length;
  }
  return tables.join("");
}

// Collects the page's slow events (by interaction) and long tasks from its first script on.
function observePerformance() {
  window.benchSlowKeys = new Map();
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      const slowest = window.benchSlowKeys.get(entry.interactionId) ?? 0;
      window.benchSlowKeys.set(entry.interactionId, Math.max(slowest, entry.duration));
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
}

async function resetCounters(page) {
  await page.evaluate(() => { window.benchSlowKeys.clear(); window.benchLongTasks.length = 0; });
}

async function counters(page) {
  return page.evaluate(() => ({ slow: [...window.benchSlowKeys.values()], long: [...window.benchLongTasks] }));
}

// The editor's whole text as the linter sends it to the server to check: the first check that holds
// `typed`, or (none within STEP_MS) the last one sent. On a loaded machine a pause between two keys
// can let the linter check a text with only some of them; the keys must all arrive in a later check.
async function checkedTextWith(page, typed) {
  let last = "";
  try {
    const request = await page.waitForRequest((r) => {
      if (!r.url().endsWith("/v1/workspace:check")) return false;
      last = JSON.parse(r.postData()).text;
      return last.includes(typed);
    }, { timeout: STEP_MS });
    return JSON.parse(request.postData()).text;
  } catch {
    return last;
  }
}

async function typeAt(page, where) {
  await page.keyboard.press(where === "end" ? "Control+End" : "Control+Home");
  if (where === "end") await page.keyboard.press("Enter");
  await resetCounters(page);
  const checked = checkedTextWith(page, TYPED);
  const started = Date.now();
  await page.keyboard.type(TYPED, { delay: 40 });
  const elapsed = Date.now() - started;
  const text = await checked;
  const { slow, long } = await counters(page);
  check(where === "end" ? text.endsWith("\n" + TYPED) : text.startsWith(TYPED + "# "),
        `typing at the ${where}: every key is in the text the linter checks`);
  if (where === "start") await page.keyboard.press("Enter");
  const sorted = [...slow].sort((a, b) => a - b);
  return { keys: TYPED.length, ms: elapsed, reported_keys: slow.length,
           median_key_ms: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0, slowest_key_ms: Math.max(0, ...slow),
           long_tasks: long.length, longest_task_ms: Math.max(0, ...long) };
}

async function typoSquiggle(page, lines) {
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(TYPO);
  const answered = page.waitForResponse((r) => r.url().endsWith("/v1/workspace:check")
                                         && JSON.parse(r.request().postData()).text.includes(TYPO_ROW), { timeout: STEP_MS });
  await page.keyboard.type(TYPO_ROW);
  const started = Date.now();
  const answer = await (await answered).json();
  await page.locator(".cm-lintRange-error").first().waitFor({ timeout: STEP_MS });
  const ms = Date.now() - started;
  const typo = answer.diagnostics.find((d) => d.severity === "error");
  check(typo?.file === "large.rules" && typo.line >= lines && typo.message.includes("did you mean 'duration'"),
        `the typo's diagnostic is at its line with its fix (${JSON.stringify(typo)}; the file had ${lines} lines)`);
  return { ms };
}

// Opens `file` from the file list: resolves with the times to its first lines shown and to the
// answer of its first check, and that answer.
async function openFile(page, file, firstWords) {
  const started = Date.now();
  const firstCheck = page.waitForResponse((r) => r.url().endsWith("/v1/workspace:check")
                                          && JSON.parse(r.request().postData()).path === file, { timeout: STEP_MS * 2 });
  await page.getByRole("link", { name: file }).click();
  await page.getByRole("heading", { name: file }).waitFor({ timeout: STEP_MS });
  await page.locator(".cm-content").getByText(firstWords, { exact: false }).first().waitFor({ timeout: STEP_MS * 2 });
  const shown = Date.now() - started;
  const response = await firstCheck;
  return { shown_ms: shown, checked_ms: Date.now() - started, held: JSON.parse(response.request().postData()).text,
           answer: await response.json() };
}

async function run(page, base, pack, text) {
  const lines = text.split("\n").length;
  await page.goto(base);
  const small = await openFile(page, "thresholds.rules", "The continuum of need");
  check(small.held === readFileSync(join(pack, "thresholds.rules"), "utf8"), "the editor holds thresholds.rules");
  await page.locator(".cm-content").click();
  const baseline = await typeAt(page, "end");
  const large = await openFile(page, "large.rules", "partner_group_0_response");
  check(large.held === text, `the editor holds the whole large file (${large.held.length} of ${text.length} characters)`);
  check(large.answer.clean === true && large.answer.diagnostics.length > 1000,
        `the large file checks clean, with its ${large.answer.diagnostics.length} warnings`);
  const opened = { shown_ms: large.shown_ms, checked_ms: large.checked_ms, warnings: large.answer.diagnostics.length };
  await page.locator(".cm-content").click();
  const end = await typeAt(page, "end");
  const start = await typeAt(page, "start");
  const typo = await typoSquiggle(page, lines);
  await screenshot(page, "large-rule-file");
  return { bytes: text.length, lines, opened, baseline_small_file: baseline, typing_at_end: end, typing_at_start: start,
           typo_squiggle: typo };
}

function report(result) {
  const key = (t) => `${t.keys} keys in ${t.ms} ms; input to paint: median ${t.median_key_ms} ms, slowest `
    + `${t.slowest_key_ms} ms (of the ${t.reported_keys} interactions of 16 ms or more); `
    + `${t.long_tasks} long tasks (longest ${t.longest_task_ms} ms)`;
  console.log(`large.rules: ${result.bytes} bytes, ${result.lines} lines, ${result.opened.warnings} warnings`);
  console.log(`opened: text shown after ${result.opened.shown_ms} ms, checked after ${result.opened.checked_ms} ms`);
  console.log(`baseline, typing at the end of thresholds.rules (5 kB): ${key(result.baseline_small_file)}`);
  console.log(`typing at the end: ${key(result.typing_at_end)}`);
  console.log(`typing at the start: ${key(result.typing_at_start)}`);
  console.log(`a typo's squiggle: ${result.typo_squiggle.ms} ms after the last key (400 ms of it the linter's wait)`);
  console.log(JSON.stringify(result));
}

failAfter(150);
const text = largeRuleFile(BYTES);
runWorkspaceTest({
  name: "large-file",
  path: null,
  prepare: (work, pack) => writeFileSync(join(pack, "large.rules"), text),
  steps: async ({ page, base, pack, context }) => {
    await context.addInitScript(observePerformance);
    report(await run(page, base, pack, text));
  },
});
