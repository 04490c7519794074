// What the workspace's browser tests share: the options they are run with, the checks they count,
// the real `frontdoor workspace` on a free loopback port, Debian's Chromium, and axe-core run
// under the page's own Content-Security-Policy.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const { values: options } = parseArgs({
  options: { cli: { type: "string" }, rules: { type: "string" }, web: { type: "string" },
             screenshots: { type: "string" }, chromium: { type: "string", default: "/usr/bin/chromium" } },
});
export const STEP_MS = 15000;
export const failures = [];

export function check(condition, what) {
  if (!condition) {
    failures.push(what);
    console.log("FAIL " + what);
  } else console.log("ok   " + what);
}

// Starts `frontdoor COMMAND ARGS...` (command "serve" or "workspace"; a workspace also gets the
// built pages and no file watching) on port 0 of loopback, and resolves with its address and a
// function that stops it, once it prints the address; rejects (and stops it) if it exits first or
// has not started within 30 s.
export function startFrontdoor(command, args) {
  const own = command === "workspace" ? ["--web", options.web, "--no-watch"] : [];
  const child = spawn(options.cli, [command, ...args, "--listen", "127.0.0.1:0", ...own, "--threads", "2"],
                      { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => child.kill("SIGTERM");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`frontdoor ${command} did not start within 30 s`));
    }, 30000);
    let out = "";
    child.stdout.on("data", (data) => {
      out += data;
      const found = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (found) {
        clearTimeout(timer);
        resolve({ base: found[1], stop });
      }
    });
    child.on("exit", (code) => reject(new Error(`frontdoor ${command} exited (${code}) before listening`)));
  });
}

// Debian's Chromium, headless, with a profile in `work`.
export function launchChromium(work) {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  return chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: options.chromium, args, headless: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern: the page is tested under its own policy (no bypassCSP).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function checkAccessible(page, where) {
  const violations = await axeViolations(page);
  check(violations.length === 0, `axe: no violations ${where}: ${violations.join("; ")}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(options.screenshots, `workspace-${name}.png`), fullPage: true });
}

// Selects the first match of `text` with the editor's search panel and types `replacement` over it.
export async function replaceInEditor(page, text, replacement) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+f");
  const search = page.locator(".cm-search input[name=search]");
  await search.fill(text);
  await search.dispatchEvent("change");  // the search panel takes its query on change or keyup
  await search.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.type(replacement);
}

// An error that ended a test's steps, counted as a failure.
export function recordFailure(error) {
  failures.push(String(error.stack ?? error));
  console.log("FAIL " + (error.stack ?? error));
}

// Stops what a test started (the browser context, the workspace, its scratch directory), prints
// the result and exits with it: 1 when any check failed.
export async function finishTest({ context, stopWorkspace, work }) {
  if (context) await context.close();
  stopWorkspace?.();
  rmSync(work, { recursive: true, force: true });
  console.log(failures.length ? `${failures.length} failed` : "all passed");
  process.exit(failures.length ? 1 : 0);
}

// Fails the test if it has not finished within `seconds`: a hung browser never hangs CI.
export function failAfter(seconds) {
  setTimeout(() => {
    console.log(`FAIL the browser test did not finish within ${seconds} s`);
    process.exit(1);
  }, seconds * 1000).unref();
}

// Runs a browser test from start to end: a scratch copy of --rules, `prepare(work, pack)` (which may
// change the copy, start what the test needs and return {workspaceArguments, stop, ...}), the real
// workspace on it, Chromium, a page at `path` once the page is ready (none when path is null), then
// `steps({page, base, work, pack, context, ...prepared})`. Every error in the page's console is a
// failure but those matching `expectedErrors`: Chromium logs each refusal a test provokes (a 422,
// say) as a failed load. Stops all it started, and exits with the result.
export async function runWorkspaceTest({ name, path = "/", expectedErrors = null, prepare, steps }) {
  mkdirSync(options.screenshots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), `frontdoor-${name}-`));
  const pack = join(work, "pack");
  cpSync(options.rules, pack, { recursive: true });
  let context, stopWorkspace, prepared = {};
  try {
    prepared = (await prepare?.(work, pack)) ?? {};
    let base;
    ({ base, stop: stopWorkspace } = await startFrontdoor("workspace", [pack, ...(prepared.workspaceArguments ?? ["--no-auth"])]));
    context = await launchChromium(work);
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const pageErrors = [];  // a script the Content-Security-Policy blocks, or one that throws, shows here
    page.on("console", (message) => {
      if (message.type() === "error" && !expectedErrors?.test(message.text())) pageErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    if (path !== null) {
      await page.goto(base + path);
      await page.waitForSelector("body[data-ready=true]", { timeout: STEP_MS });
    }
    await steps({ page, base, work, pack, context, ...prepared });
    check(pageErrors.length === 0, `no errors in the page's console: ${pageErrors.join("; ")}`);
  } catch (error) {
    recordFailure(error);
  } finally {
    await prepared.stop?.();
    await finishTest({ context, stopWorkspace, work });
  }
}
