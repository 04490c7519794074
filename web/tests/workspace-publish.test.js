// Publishing to a running decision service, in a real headless Chromium: a real `frontdoor serve
// --rules PUBDIR` and the real `frontdoor workspace DIR --publish-to PUBDIR --publish-service URL`,
// each on a temporary copy of the pack. A threshold changed and saved in the editor; Publish shows
// what changes in PUBDIR and asks to confirm; a form posted from another site cannot publish it
// (403, nothing published); publishing is refused while scenarios fail (the
// error summary names them); once their new results are accepted, Publish puts the pack in force,
// and the banner's digest is the one the service's GET /v1/pack answers. axe-core finds no WCAG
// 2.2 AA violation. A workspace without --publish-to says how to enable publishing. Screenshots
// go to --screenshots.
//
//   node web/tests/workspace-publish.test.js --cli build/frontdoor --rules rules/hackney \
//        --web web/dist --screenshots build/screenshots
import { cpSync, readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { check, checkAccessible, failAfter, options, replaceInEditor, runWorkspaceTest, screenshot, startFrontdoor, STEP_MS }
  from "./browser-harness.js";

async function activeDigest(serviceBase) {
  return (await (await fetch(serviceBase + "/v1/pack")).json()).digest;
}

async function openPublish(page, changed) {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.locator("#publish-changes").waitFor({ timeout: STEP_MS });
  const shown = await page.locator("#publish-changes").textContent();
  check(shown.includes("Changed (1)") && shown.includes(changed), `the confirmation shows what changes: ${shown}`);
}

async function publishNow(page) {
  const answered = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:publish"));
  await page.getByRole("button", { name: "Publish now" }).click();
  return (await answered).json();
}

async function publishEdited(page, base, serviceBase, pack) {
  const before = await activeDigest(serviceBase);
  const shownBefore = await page.locator("#publish-published [data-digest]").getAttribute("data-digest");
  check(shownBefore === before, `the panel shows the service's active digest: ${shownBefore} ${before}`);
  check((await page.locator("#publish-differs").textContent()).startsWith("Yes"), "nothing to publish at first");

  await page.getByRole("link", { name: "thresholds.rules" }).click();
  await page.getByRole("heading", { name: "thresholds.rules" }).waitFor({ timeout: STEP_MS });
  await replaceInEditor(page, "level_2_indicators_for_level_3 = 3", "level_2_indicators_for_level_3 = 2");
  await page.getByText("Checked: the pack has no errors.").waitFor({ timeout: STEP_MS });
  const saved = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:save"));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  check((await (await saved).json()).saved === true, "the changed threshold is saved");
  await page.getByRole("button", { name: "Refresh" }).click();
  await page.getByText("No: publishing would change the published rules").waitFor({ timeout: STEP_MS });

  await crossSiteForm(page.context(), base, serviceBase, before);

  await openPublish(page, "thresholds.rules");
  await checkAccessible(page, "with the publish confirmation");
  await screenshot(page, "publish-confirm");
  const refused = await publishNow(page);
  await page.locator(".govuk-error-summary").waitFor({ timeout: STEP_MS });
  const summary = await page.locator(".govuk-error-summary").textContent();
  const failing = refused.failing ?? [];
  check(refused.published === false && failing.length > 0 && summary.includes("scenarios fail")
        && failing.every((f) => summary.includes(f.file)), `refused while scenarios fail, naming them: ${summary}`);
  check(await activeDigest(serviceBase) === before, "the refused pack is not active on the service");
  await checkAccessible(page, "with publishing refused");
  await screenshot(page, "publish-refused");

  for (const f of failing) {
    const answer = await fetch(base + "/v1/workspace:accept", { method: "POST", headers: { "Content-Type": "application/json" },
                                                                body: JSON.stringify({ scenario: `scenarios/${f.file}` }) });
    check(answer.ok, `accepted the new result of ${f.file}`);
  }
  await openPublish(page, "thresholds.rules");
  const published = await publishNow(page);
  await page.getByText("is now active on the service").waitFor({ timeout: STEP_MS });
  const banner = await page.locator(".govuk-notification-banner").textContent();
  const bannerDigest = await page.locator("#published-digest").textContent();
  const active = await activeDigest(serviceBase);
  check(published.active === true && bannerDigest === active && active !== before,
        `the banner's digest is the one the service has active: ${bannerDigest} ${active}`);
  check(banner.includes("Published: pack hackney_mash version 2023-10, digest " + active.slice(7, 19)),
        `the banner names the pack, version and short digest: ${banner}`);
  check(readFileSync(join(pack, "thresholds.rules"), "utf8").includes("level_2_indicators_for_level_3 = 2"),
        "the published rules are the saved ones");
  await page.getByText("Yes: nothing to publish").waitFor({ timeout: STEP_MS });
  await checkAccessible(page, "with the pack published");
  await screenshot(page, "publish-active");
}

// A page of another site (a second loopback server, so another origin) posts a form to the
// workspace, as any page the policy lead has open could: text/plain, which needs no CORS preflight,
// shaped as JSON asking to publish even though scenarios fail. The workspace runs without
// authentication, so only its refusal of requests from another site stops it: the browser shows the
// 403's words, and the service's active pack is unchanged.
async function crossSiteForm(context, base, serviceBase, before) {
  const name = '{"even_if_scenarios_fail":true,"padding":"';
  const html = `<!doctype html><title>Another site</title><form method="post" enctype="text/plain"
    action="${base}/v1/workspace:publish"><input type="hidden" name='${name}' value='"}'></form>
    <script>document.forms[0].submit()</script>`;
  const other = http.createServer((request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  const page = await context.newPage();
  try {
    const answered = page.waitForResponse((response) => response.url().endsWith("/v1/workspace:publish"));
    await page.goto(`http://127.0.0.1:${other.address().port}/`);
    const answer = await answered;
    const body = await answer.text();
    check(answer.status() === 403 && body.includes("answers only requests from its own pages"),
          `a form posted from another site is refused: ${answer.status()} ${body}`);
    check(await activeDigest(serviceBase) === before, "and nothing was published");
  } finally {
    await page.close();
    other.close();
  }
}

// A workspace without --publish-to: the panel and the Publish button say how to enable publishing.
async function notConfigured(context, work) {
  const plain = join(work, "plain");
  cpSync(options.rules, plain, { recursive: true });
  const { base, stop } = await startFrontdoor("workspace", [plain, "--no-auth"]);
  try {
    const page = await context.newPage();
    await page.goto(base + "/");
    await page.waitForSelector("body[data-ready=true]", { timeout: STEP_MS });
    check((await page.locator("#publish-why").textContent()).includes("--publish-to"), "the panel says how to enable publishing");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.locator(".govuk-error-summary").waitFor({ timeout: STEP_MS });
    check((await page.locator(".govuk-error-summary").textContent()).includes("--publish-to PUBDIR"),
          "the Publish button explains how to enable it");
    await checkAccessible(page, "with publishing not set up");
    await page.close();
  } finally {
    stop();
  }
}

failAfter(90);
// The refused publish is a 422 the browser logs as a failed resource: expected, and shown on the page.
runWorkspaceTest({
  name: "publish",
  expectedErrors: /status of 422/,
  prepare: async (work) => {
    const published = join(work, "published");
    cpSync(options.rules, published, { recursive: true });
    const { base: serviceBase, stop } = await startFrontdoor("serve", ["--rules", published, "--no-auth"]);
    return { serviceBase, workspaceArguments: ["--no-auth", "--publish-to", published, "--publish-service", serviceBase],
             stop };
  },
  steps: async ({ page, base, serviceBase, pack, context, work }) => {
    await publishEdited(page, base, serviceBase, pack);
    await notConfigured(context, work);
  },
});
