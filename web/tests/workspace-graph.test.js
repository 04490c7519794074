// The workspace's graph view in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) against the real `frontdoor workspace` on a temporary copy of the pack. It does
// what a policy lead does and asserts what they see: draw the graph, read a row's name, condition
// and citation in the list of nodes and in the side panel, open the file where a node is written
// at its line (from the list and by clicking the node on the canvas), pick a scenario and see its
// path marked, with the nodes the list says are "on this contact's path" exactly those the CLI's
// `frontdoor graph --contact` marks applied; axe-core finds no WCAG 2.2 AA violation.
//
//   node web/tests/workspace-graph.test.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { check, checkAccessible, failAfter, options, runWorkspaceTest, screenshot, STEP_MS }
  from "./browser-harness.js";

const SCENARIO = "scenarios/009-level-3-csc-screening.json";

function cliGraph(pack, ...contact) {
  const args = ["graph", "--rules", pack, "--format", "json", ...(contact.length ? ["--contact", contact[0]] : [])];
  return JSON.parse(execFileSync(options.cli, args, { encoding: "utf8" }));
}

// The text of the editor's line where the cursor is, and the file open.
async function editorAt(page) {
  await page.locator(".cm-activeLine").first().waitFor({ timeout: STEP_MS });
  return { file: await page.locator("#editor-heading").textContent(), line: await page.locator(".cm-activeLine").first().textContent() };
}

function lineOf(pack, source) {
  return readFileSync(join(pack, source.file), "utf8").split("\n")[source.line - 1];
}

async function drawAlone(page, pack) {
  await page.getByRole("button", { name: "Draw the graph" }).click();
  await page.locator("#graph-nodes li").first().waitFor({ timeout: STEP_MS });
  await page.locator("#graph-canvas canvas").first().waitFor({ timeout: STEP_MS });
  const graph = cliGraph(pack);
  check(await page.locator("#graph-nodes li").count() === graph.vertices.length,
        `the list has one item per node of the graph: ${graph.vertices.length}`);
  const row = graph.vertices.find((v) => v.kind === "row" && v.name && v.citation && v.condition.length > 10);
  const item = page.locator(`#graph-nodes li[data-label="${row.label}"]`);
  const text = await item.textContent();
  check(text.includes(row.label) && text.includes(`when ${row.condition}`) && text.includes(`[${row.citation}]`),
        `a row's name, condition and citation are in the list: ${text}`);
  check(await page.locator("#graph-nodes strong.workspace-graph-marker").count() === 0, "without a contact, no node is marked on a path");
  await checkAccessible(page, "with the graph drawn");
  await screenshot(page, "graph");
  await page.locator("#graph").screenshot({ path: join(options.screenshots, "workspace-graph-only.png") });

  // From the list (by keyboard: the link is focused and Enter pressed): the file at the row's line.
  await item.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((file) => document.getElementById("editor-heading").textContent === file, row.source.file, { timeout: STEP_MS });
  const at = await editorAt(page);
  check(at.file === row.source.file && at.line === lineOf(pack, row.source),
        `the list's link opens ${row.source.file} at line ${row.source.line}: ${at.file}: ${at.line}`);
  const panel = await page.locator("#graph-selected-node").textContent();
  check(panel.includes(row.condition) && panel.includes(row.citation) && panel.includes(`${row.source.file}:${row.source.line}`),
        `the side panel shows the node picked in the list, in full: ${panel.slice(0, 200)}`);
  return graph;
}

async function clickOnCanvas(page, pack, graph) {
  // A node in another file than the one open, found on the canvas where it is drawn.
  const open = await page.locator("#editor-heading").textContent();
  const row = graph.vertices.find((v) => v.kind === "row" && v.source.file !== open && v.citation);
  await page.locator("#graph-canvas").scrollIntoViewIfNeeded();
  // The zoom and fit buttons, then the node clicked where the drawing puts it.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Fit to the frame" }).click();
  const position = await page.evaluate((label) => window.frontdoorGraph.renderedPosition(label), row.label);
  const box = await page.locator("#graph-canvas").boundingBox();
  check(position && position.x > 0 && position.y > 0 && position.x < box.width && position.y < box.height,
        `the node ${row.label} is drawn inside the frame: ${JSON.stringify(position)}`);
  await page.mouse.click(box.x + position.x, box.y + position.y);
  await page.waitForFunction((file) => document.getElementById("editor-heading").textContent === file, row.source.file, { timeout: STEP_MS });
  const at = await editorAt(page);
  check(at.file === row.source.file && at.line === lineOf(pack, row.source),
        `clicking ${row.label} on the canvas opens ${row.source.file} at line ${row.source.line}: ${at.file}: ${at.line}`);
  const panel = await page.locator("#graph-selected-node").textContent();
  check(panel.includes(row.label) && panel.includes(row.condition) && panel.includes(row.citation),
        `the side panel shows the node clicked in full: ${panel.slice(0, 200)}`);
}

async function pathOfScenario(page, pack) {
  await page.getByLabel("Show the path of a scenario").selectOption(SCENARIO);
  await page.getByRole("button", { name: "Draw the graph" }).click();
  await page.locator("#graph-nodes li[data-state]:not([data-state=''])").first().waitFor({ timeout: STEP_MS });
  const graph = cliGraph(pack, join(pack, SCENARIO));
  const expected = graph.vertices.filter((v) => v.state === "applied").map((v) => v.label).sort();
  const marked = (await page.locator("#graph-nodes li").evaluateAll((items) => items
    .filter((li) => li.querySelector(".workspace-graph-marker")?.textContent === "On this contact's path")
    .map((li) => li.dataset.label))).sort();
  check(expected.length > 5 && JSON.stringify(marked) === JSON.stringify(expected),
        `the list's nodes on this contact's path are those \`graph --contact\` marks applied: ${marked.length} of ${expected.length}`);
  const tried = await page.locator("#graph-nodes li", { hasText: "Tried, not applied" }).count();
  check(tried === graph.vertices.filter((v) => v.state === "not applied").length, `the rows tried and not applied are said so: ${tried}`);
  check((await page.locator("#graph-summary").textContent()).includes(`${expected.length} are on the path of ${SCENARIO}`),
        "the summary says how many nodes are on the path, in words");
  await checkAccessible(page, "with a scenario's path");
  // A row on the path picked in the list: the drawing centres it at a zoom where labels are read.
  const applied = graph.vertices.find((v) => v.kind === "row" && v.state === "applied" && v.citation);
  await page.locator(`#graph-nodes li[data-label="${applied.label}"] a`).click();
  await page.locator("#graph-selected-node").waitFor({ timeout: STEP_MS });
  check((await page.locator("#graph-selected-node").textContent()).includes("On this contact's path"),
        "the side panel says the node is on this contact's path");
  await page.waitForTimeout(500);  // the drawing is redrawn sharp once the zoom settles
  await page.locator("#graph-result > .govuk-grid-row").screenshot({ path: join(options.screenshots, "workspace-graph-path.png") });
}

async function refusedContact(page, pack) {
  const contact = JSON.parse(readFileSync(join(pack, SCENARIO), "utf8")).contact;
  contact.child.expected_birth_date = "2025-01-01";
  await page.getByText("Or paste a contact to see its path").click();
  await page.getByLabel("The contact whose path to show, as JSON").fill(JSON.stringify(contact));
  await page.getByRole("button", { name: "Draw the graph" }).click();
  const error = page.locator("#graph-error");
  await error.waitFor({ timeout: STEP_MS });
  const text = await error.textContent();
  check(text.includes("/child/expected_birth_date") && text.includes("not both"), `a refused contact is named with its path: ${text}`);
}

failAfter(90);
// (The refused contact's 422 is logged by Chromium as a failed load: expected, so not counted.)
runWorkspaceTest({ name: "graph", path: "/#graph", expectedErrors: /status of 422/, steps: async ({ page, pack }) => {
  const graph = await drawAlone(page, pack);
  await clickOnCanvas(page, pack, graph);
  await pathOfScenario(page, pack);
  await refusedContact(page, pack);
} });
