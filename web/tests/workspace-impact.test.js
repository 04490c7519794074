// The Impact view in a real headless Chromium against the real `frontdoor workspace` on a
// temporary copy of the pack. A threshold changed in the editor (not saved), the sample contacts
// uploaded as a file: the transition table's rows and the chart's labels are those of `frontdoor
// replay --with-rules --format json` for the change saved, and a changed contact opens to its
// fields before and after. Then 25,000 contacts: the progress text is seen part way ("N of 25000
// contacts" with N below 25,000), the page answers a click while it runs (the page is loaded
// through a loopback proxy that holds the report back until the click was answered, so a busy
// machine cannot end the run first), and the report comes.
// A changed contact's "Walk through this contact" walks it through in the trainer's view. Asking
// for the decision log of a workspace that keeps none puts the reason in the error summary.
// axe-core finds no WCAG 2.2 AA violation. Screenshots go to --screenshots.
//
//   node web/tests/workspace-impact.test.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check, checkAccessible, failAfter, options, replaceInEditor, runWorkspaceTest, screenshot, STEP_MS }
  from "./browser-harness.js";
import { startHoldingProxy } from "./holding-proxy.js";

const BEFORE = "level_2_indicators_for_level_3 = 3";
const AFTER = "level_2_indicators_for_level_3 = 2";
const LARGE = 25000;

function samples(pack) {
  const dir = join(pack, "scenarios");
  return readdirSync(dir).filter((n) => n.endsWith(".json")).sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), "utf8")).contact);
}

function contactsFile(work, name, contacts, count) {
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ ...contacts[i % contacts.length], contact_id: `IMPACT-${i}` }));
  const path = join(work, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

const outcomeText = (v) => (v === null ? "refused" : typeof v === "object" && v.code !== undefined ? String(v.code)
  : typeof v === "string" ? v : JSON.stringify(v));

function cliReport(pack, edited, contacts) {
  const run = spawnSync(options.cli, ["replay", "--contacts", contacts, "--rules", pack, "--with-rules", edited,
                                      "--format", "json"], { encoding: "utf8", timeout: 60000 });
  return JSON.parse(run.stdout);
}

async function runImpact(page, file) {
  await page.setInputFiles("#impact-file", file);
  await page.getByRole("button", { name: "See the impact" }).click();
}

async function smallRun(page, work, pack) {
  await page.getByRole("link", { name: "thresholds.rules" }).click();
  await page.getByRole("heading", { name: "thresholds.rules" }).waitFor({ timeout: STEP_MS });
  await replaceInEditor(page, BEFORE, AFTER);
  await page.getByText("Checked: the pack has no errors.").waitFor({ timeout: STEP_MS });
  const edited = join(work, "edited");
  cpSync(pack, edited, { recursive: true });
  const rules = join(edited, "thresholds.rules");
  writeFileSync(rules, readFileSync(rules, "utf8").replace(BEFORE, AFTER));
  const file = contactsFile(work, "samples.jsonl", samples(pack), samples(pack).length);
  const expected = cliReport(pack, edited, file);
  check(expected.changed > 0, `the CLI finds changed decisions: ${expected.changed}`);

  await runImpact(page, file);
  await page.getByText(/^Finished: /).waitFor({ timeout: STEP_MS });
  const rows = await page.locator("#impact-transitions tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  const wanted = expected.outcome_transitions.map((t) => {
    const before = outcomeText(t.before), after = outcomeText(t.after);
    return [before, JSON.stringify(t.before) === JSON.stringify(t.after) ? `${after} (unchanged)` : after, String(t.count)];
  });
  check(JSON.stringify(rows) === JSON.stringify(wanted),
        `the transition table is the CLI's, changed first: ${JSON.stringify(rows)} against ${JSON.stringify(wanted)}`);
  const labels = await page.locator("svg.impact-chart text.impact-chart__label").allTextContents();
  const changed = expected.outcome_transitions.filter((t) => JSON.stringify(t.before) !== JSON.stringify(t.after));
  check(changed.every((t) => labels.includes(`now ${outcomeText(t.after)}: ${t.count}`)),
        `each changed transition is a bar labelled with its outcome and count: ${labels}`);
  const aria = await page.locator("svg.impact-chart").getAttribute("aria-label");
  check(changed.every((t) => aria.includes(`${outcomeText(t.before)} to ${outcomeText(t.after)}, ${t.count}`)),
        `the chart's label tells it in words: ${aria}`);
  const ruleRows = await page.locator("#impact-rules tbody tr").count();
  check(ruleRows === expected.rules.length && ruleRows > 0, `the rules that made the difference: ${ruleRows}`);

  const first = expected.contacts.find((c) => c.fields.length > 0);
  const contact = page.locator(".impact-contact").filter({ hasText: first.label + " " }).first();
  await contact.locator("summary").click();
  const shown = await contact.locator(".govuk-details__text").textContent();
  check(await contact.evaluate((d) => d.open) && first.fields.every((f) => shown.includes(f.field) && shown.includes(f.after)),
        `a changed contact opens in one click to its fields before and after: ${shown.slice(0, 300)}`);
  const walked = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:walkthrough"));
  await contact.getByRole("button", { name: "Walk through this contact" }).click();
  const walkthrough = await walked;
  const request = JSON.parse(walkthrough.request().postData());
  check(walkthrough.status() === 200 && request.contact?.contact_id === first.contact_id,
        `the changed contact is walked through in the trainer's view: ${walkthrough.status()} ${request.contact?.contact_id}`);
  await checkAccessible(page, "with the impact report");
  await screenshot(page, "impact");
  await page.locator("#impact").screenshot({ path: join(options.screenshots, "workspace-impact-view.png") });
}

// Runs the impact of LARGE contacts through the holding proxy, which passes the progress lines on as
// the server writes them but holds the report back until the test lets it go: the run cannot end
// before the click, however busy the machine. Once the progress is part way, a details element is
// clicked; the page must answer it (its click and toggle events are stamped by the page's own clock)
// while the status still says the run is going. Then the report goes on, and the run finishes.
async function largeRun(page, work, pack, proxy) {
  const started = Date.now();
  const count = LARGE;
  const file = contactsFile(work, `large-${count}.jsonl`, samples(pack), count);
  const details = page.locator("#walkthrough details").first();
  await details.evaluate((d) => {
    window.seenProgress = [];
    window.toggledAt = null;
    window.clickedAt = null;
    d.addEventListener("toggle", () => { window.toggledAt ??= performance.now(); });
    d.querySelector("summary").addEventListener("click", () => { window.clickedAt ??= performance.now(); });
    // Every text the progress showed, from the mutation records: several progress lines read in one
    // chunk are shown one after another before the observer runs, and each is kept.
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "characterData") window.seenProgress.push(record.target.data);
        for (const node of record.addedNodes) window.seenProgress.push(node.textContent);
      }
    }).observe(document.getElementById("impact-progress-text"), { childList: true, characterData: true, subtree: true });
  });
  const wasOpen = await details.evaluate((d) => d.open);
  const held = proxy.holdNext("/v1/workspace:impact", '{"report"');
  await runImpact(page, file);
  await page.waitForFunction((total) => window.seenProgress.some((t) => {
    const n = Number(/^(\d+) of /.exec(t)?.[1]);
    return n > 0 && n < total;
  }), count, { timeout: 60000, polling: 20 });
  await details.locator("summary").click({ timeout: 30000 });
  await page.waitForFunction(() => window.clickedAt !== null && window.toggledAt !== null, null, { timeout: 30000 });
  const status = await page.locator("#impact-status").textContent();
  check((await details.evaluate((d) => d.open)) !== wasOpen, "the page answers a click (a details element toggles) while the impact runs");
  check(!status.startsWith("Finished"), `the run was still going when the click was answered: ${status}`);
  await held.reached;
  held.release();
  await page.getByText(/^Finished: /).waitFor({ timeout: 60000 });
  const seen = await page.evaluate(() => window.seenProgress);
  check(seen.some((t) => new RegExp(`^\\d+ of ${count} contacts$`).test(t) && Number(t.split(" ")[0]) < count),
        `the progress was shown part way: ${seen.slice(0, 5).join(", ")} ... ${seen.slice(-2).join(", ")}`);
  check((await page.locator("#impact-progress-text").textContent()) === `${count} of ${count} contacts`, "and finished");
  const total = await page.locator("#impact-summary").textContent();
  check(total.includes(String(count)), `the summary counts ${count} contacts: ${total.slice(0, 120)}`);
  check(await page.locator(".impact-contact").count() <= 50, "the changed contacts are shown a page at a time");
  console.log(`${count} contacts in ${Date.now() - started} ms`);
  await checkAccessible(page, `after ${count} contacts`);
  await screenshot(page, "impact-large");
}

// This workspace was started without --record: asking for its decision log is refused in words.
async function noLog(page) {
  await page.getByLabel("The service's decision log").check();
  await page.getByRole("button", { name: "See the impact" }).click();
  const summary = page.locator(".govuk-error-summary");
  await summary.waitFor({ timeout: STEP_MS });
  const text = await summary.textContent();
  check(text.includes("keeps no decision log") && text.includes("--record"), `no decision log: the error summary says so: ${text}`);
  check(await page.locator("#impact-progress").isHidden(), "and no progress is left showing");
}

failAfter(150);
// The 409 the decision-log request is answered is the browser's own console line, expected.
// The page is loaded through the holding proxy, so that the large run's report can be held back.
runWorkspaceTest({ name: "impact", expectedErrors: /status of 409/, steps: async ({ page, base, work, pack }) => {
  const proxy = await startHoldingProxy(base);
  try {
    await page.goto(proxy.base + "/");
    await page.waitForSelector("body[data-ready=true]", { timeout: STEP_MS });
    await smallRun(page, work, pack);
    await largeRun(page, work, pack, proxy);
    await noLog(page);
  } finally {
    await proxy.stop();
  }
} });
