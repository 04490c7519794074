// The workspace in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the real `frontdoor workspace`, started on a free loopback port on a temporary copy of
// the pack. It does what a policy lead does and asserts what they see: a misspelt name gets its
// squiggle and "did you mean"; the quick fix removes it; saving is refused while errors remain (the
// error summary says so); the scenarios all pass, then a changed threshold saved (formatted on
// save, the file on disk checked) makes a scenario fail with its changed field shown; axe-core
// finds no WCAG 2.2 AA violation; with --tokens the page asks for a token. Screenshots go to --screenshots.
//
//   node web/tests/workspace-browser.test.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check, checkAccessible, failAfter, replaceInEditor, runWorkspaceTest, screenshot, startFrontdoor, STEP_MS }
  from "./browser-harness.js";

async function run(page, base, pack) {
  const file = join(pack, "thresholds.rules");
  const original = readFileSync(file, "utf8");
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]", { timeout: STEP_MS });
  await page.getByRole("link", { name: "thresholds.rules" }).click();
  await page.getByRole("heading", { name: "thresholds.rules" }).waitFor({ timeout: STEP_MS });
  await page.getByText("Checked: the pack has no errors.").waitFor({ timeout: STEP_MS });
  await checkAccessible(page, "on the editor");

  // A misspelt name: the squiggle, and the message with its "did you mean".
  await replaceInEditor(page, "where i in level_2_indicators)", "where i in level_2_indicatorz)");
  const squiggle = page.locator(".cm-lintRange-error");
  await squiggle.first().waitFor({ timeout: STEP_MS });
  check((await squiggle.first().textContent()) === "level_2_indicatorz", "the squiggle is under the misspelt name");
  await squiggle.first().hover();
  const tooltip = page.locator(".cm-tooltip-lint");
  await tooltip.waitFor({ timeout: STEP_MS });
  check((await tooltip.textContent()).includes("unknown name 'level_2_indicatorz'; did you mean 'level_2_indicators'?"),
        `the message says did you mean: ${await tooltip.textContent()}`);
  await screenshot(page, "diagnostic");

  // Saving is refused while the error remains: the error summary says so; the file is unchanged.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor({ timeout: STEP_MS });
  const said = await summary.textContent();
  check(said.includes("There is a problem") && said.includes("not saved") && said.includes("level_2_indicatorz"),
        `the error summary says it was not saved, and why: ${said}`);
  check(readFileSync(file, "utf8") === original, "a refused save leaves the file on disk unchanged");
  await checkAccessible(page, "with the error summary");
  await screenshot(page, "save-refused");

  // The quick fix: the diagnostic goes.
  await squiggle.first().hover();
  await page.getByRole("button", { name: "Change to level_2_indicators" }).click();
  await squiggle.first().waitFor({ state: "detached", timeout: STEP_MS });
  await page.getByText("Checked: the pack has no errors.").waitFor({ timeout: STEP_MS });
  check(await squiggle.count() === 0, "the quick fix removes the diagnostic");

  // All scenarios pass on the clean pack.
  await page.getByRole("button", { name: "Run scenarios" }).click();
  await page.locator("#scenario-summary").waitFor({ timeout: STEP_MS });
  const passing = await page.locator("#scenario-summary").textContent();
  check(/Passed \d+ passed, 0 failed/.test(passing), `every scenario passes: ${passing}`);

  // A changed threshold, typed untidily: saved formatted; a scenario now fails on level_of_need.
  await replaceInEditor(page, "level_2_indicators_for_level_3 = 3", "level_2_indicators_for_level_3   =   2");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.locator(".govuk-notification-banner").waitFor({ timeout: STEP_MS });
  const saved = readFileSync(file, "utf8");
  check(saved.includes("let level_2_indicators_for_level_3 = 2") && !saved.includes("   =   "),
        "the saved file on disk has the new threshold, formatted");
  check(saved === original.replace("level_2_indicators_for_level_3 = 3", "level_2_indicators_for_level_3 = 2"),
        "the saved file differs from the original by the threshold alone");
  await page.getByRole("button", { name: "Run scenarios" }).click();
  await page.locator("#scenario-failures").waitFor({ timeout: STEP_MS });
  const failingSummary = await page.locator("#scenario-summary").textContent();
  check(/Failed \d+ passed, [1-9]\d* failed/.test(failingSummary), `a scenario fails: ${failingSummary}`);
  const table = await page.locator("#scenario-failures").textContent();
  check(table.includes("level_of_need"), "the failing scenario is shown with its changed field, level_of_need");
  await checkAccessible(page, "with the results");
  await screenshot(page, "scenarios-failing");
}

// With --tokens the page asks for a token: a wrong one is refused with the error message, the
// right one opens the workspace.
async function signIn(page, pack, work) {
  const tokens = join(work, "tokens");
  const hash = createHash("sha256").update("browser-admin-token").digest("hex");
  writeFileSync(tokens, `sha256:${hash} decide,admin\n`);
  const { base, stop } = await startFrontdoor("workspace", [pack, "--tokens", tokens]);
  try {
    await page.goto(base + "/");
    await page.getByRole("heading", { name: "Sign in to the workspace" }).waitFor({ timeout: STEP_MS });
    await page.getByLabel("Your access token").fill("not-the-token");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("The token was not accepted").waitFor({ timeout: STEP_MS });
    await checkAccessible(page, "on the refused token");
    await screenshot(page, "token-refused");
    await page.getByLabel("Your access token").fill("browser-admin-token");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("link", { name: "thresholds.rules" }).waitFor({ timeout: STEP_MS });
    check(true, "the right token opens the workspace");
  } finally {
    stop();
  }
}

failAfter(100);
// (The refused save's 422 and the 401s before sign-in are logged by Chromium as failed loads:
// expected, so not counted.)
runWorkspaceTest({ name: "workspace", path: null, expectedErrors: /status of (401|422)/,
                   steps: async ({ page, base, pack, work }) => {
  await run(page, base, pack);
  await signIn(page, pack, work);
} });
