// Accepting a changed expectation and the coverage marks, in a real headless Chromium against the
// real `frontdoor workspace` on a temporary copy of the pack with its first 30 scenarios only (so
// that some rows are reached by none). A changed threshold, not saved, makes scenarios fail;
// "Accept the new result" shows the difference, confirming rewrites that scenario file's
// expectation (its contact and the rule file untouched), and the re-run shows it passing; then,
// in another file, the rows no scenario reaches are marked with the words "no scenario reaches
// this row". axe-core finds no WCAG 2.2 AA violation. Screenshots go to --screenshots.
//
//   node web/tests/workspace-accept.test.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { check, checkAccessible, failAfter, replaceInEditor, runWorkspaceTest, screenshot, STEP_MS }
  from "./browser-harness.js";

const KEPT_SCENARIOS = 30;

async function runScenarios(page) {
  const answered = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:test"));
  await page.getByRole("button", { name: "Run scenarios" }).click();
  const answer = await (await answered).json();
  await page.locator("#scenario-summary").waitFor({ timeout: STEP_MS });
  return answer;
}

async function acceptOne(page, pack) {
  const rules = join(pack, "thresholds.rules");
  const original = readFileSync(rules, "utf8");
  await page.getByRole("link", { name: "thresholds.rules" }).click();
  await page.getByRole("heading", { name: "thresholds.rules" }).waitFor({ timeout: STEP_MS });
  await replaceInEditor(page, "level_2_indicators_for_level_3 = 3", "level_2_indicators_for_level_3 = 2");
  await page.getByText("Checked: the pack has no errors.").waitFor({ timeout: STEP_MS });
  const first = await runScenarios(page);
  const failing = first.scenarios.filter((s) => !s.passed);
  check(failing.length > 0, `a scenario fails with the changed threshold: ${first.failed} failed`);
  const button = page.locator("button[data-accept]").first();
  const name = await button.getAttribute("data-accept");
  const file = join(pack, "scenarios", name);
  const before = JSON.parse(readFileSync(file, "utf8"));
  const fields = failing.find((s) => s.file === name).mismatches;
  await button.click();
  const panel = page.locator("#accept-confirmation");
  await page.getByRole("heading", { name: `Accept the new result of ${name}?` }).waitFor({ timeout: STEP_MS });
  const shown = await panel.textContent();
  check(fields.every((m) => shown.includes(m.field) && shown.includes(m.expected) && shown.includes(m.actual)),
        `the difference is shown before accepting: ${shown}`);
  check(isDeepStrictEqual(JSON.parse(readFileSync(file, "utf8")), before), "nothing is written before it is confirmed");
  check((await page.locator("#accept-unsaved").textContent()).includes("thresholds.rules has changes that are not saved"),
        "accepting against unsaved rules is warned of");
  await checkAccessible(page, "with the difference to accept");
  await screenshot(page, "accept");

  const rerun = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:test"));
  await page.getByRole("button", { name: "Rewrite the expectation" }).click();
  await page.getByText(`Accepted the new result of ${name}`).waitFor({ timeout: STEP_MS });
  const second = await (await rerun).json();
  await page.locator("#scenario-summary").waitFor({ timeout: STEP_MS });
  check(second.scenarios.find((s) => s.file === name)?.passed === true && second.failed === first.failed - 1,
        `the re-run shows ${name} passing: ${second.failed} failed, before ${first.failed}`);
  check(await page.locator(`button[data-accept="${name}"]`).count() === 0, `${name} is no longer in the failures table`);
  const after = JSON.parse(readFileSync(file, "utf8"));
  const expected = { ...before.expect };
  for (const m of fields) expected[m.field] = JSON.parse(m.actual);
  check(isDeepStrictEqual(after.contact, before.contact) && after.scenario === before.scenario
        && isDeepStrictEqual(Object.keys(after), Object.keys(before)), `${name}: everything but the expectation kept`);
  check(isDeepStrictEqual(after.expect, expected), `${name}: the expectation is what was decided: ${JSON.stringify(after.expect)}`);
  check(readFileSync(rules, "utf8") === original, "the rule file is not saved by accepting");
  await checkAccessible(page, "after accepting");
}

async function coverageMarks(page, pack) {
  await page.getByRole("link", { name: "flags.rules" }).click();
  await page.getByRole("heading", { name: "flags.rules" }).waitFor({ timeout: STEP_MS });
  const answer = await runScenarios(page);
  const lines = readFileSync(join(pack, "flags.rules"), "utf8").split("\n");
  const wanted = [...new Set(answer.coverage.uncovered.filter((u) => u.file === "flags.rules").map((u) => u.line))];
  check(wanted.length > 0, `some rows of flags.rules are reached by no scenario: ${wanted}`);
  const marked = page.locator(".cm-line.workspace-uncovered");
  await marked.first().waitFor({ timeout: STEP_MS });
  const texts = await marked.allTextContents();
  check(isDeepStrictEqual(texts, wanted.sort((a, b) => a - b).map((n) => lines[n - 1])),
        `the marked rows are the uncovered ones (${wanted}): ${JSON.stringify(texts)}`);
  const titles = await marked.evaluateAll((nodes) => nodes.map((n) => n.title));
  check(titles.every((t) => t.startsWith("no scenario reaches this row")), `each marked row says so: ${titles}`);
  const markers = await page.locator(".workspace-coverage-gutter .workspace-uncovered-marker")
    .evaluateAll((nodes) => nodes.map((n) => `${n.textContent} ${n.title}`));
  check(markers.length === wanted.length && markers.every((m) => m.startsWith("○ no scenario reaches this row")),
        `a marker in the margin for each, with its words: ${markers}`);
  const note = await page.locator("#coverage-note").textContent();
  check(note.includes("flags.rules no scenario reaches"), `the summary says how many: ${note}`);
  await checkAccessible(page, "with the coverage marks");
  await screenshot(page, "coverage-marks");
}

failAfter(60);
runWorkspaceTest({
  name: "accept",
  prepare: (work, pack) => {
    for (const name of readdirSync(join(pack, "scenarios")).sort().slice(KEPT_SCENARIOS)) rmSync(join(pack, "scenarios", name));
  },
  steps: async ({ page, pack }) => {
    await acceptOne(page, pack);
    await coverageMarks(page, pack);
  },
});
