// Frontdoor's workspace API (docs/workspace.md). Every engine answer comes from the server; this
// module only sends requests and reads their JSON.

// With `frontdoor workspace --tokens`, the bearer token the user gave (token-view.js), kept for
// this browser tab only.
const tokenKey = "frontdoor-token";
export const hasToken = () => Boolean(sessionStorage.getItem(tokenKey));
export const setToken = (token) => sessionStorage.setItem(tokenKey, token);

async function call(method, url, body) {
  const options = { method, headers: {} };
  const token = sessionStorage.getItem(tokenKey);
  if (token) options.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = { error: { status: response.status, message: "the server's answer is not JSON" } };
  }
  return { status: response.status, ok: response.ok, json };
}

export const listFiles = () => call("GET", "/v1/workspace/files");
export const readFile = (path) => call("GET", "/v1/workspace/file?path=" + encodeURIComponent(path));
export const checkFile = (path, text) => call("POST", "/v1/workspace:check", { path, text });
export const formatFile = (path, text) => call("POST", "/v1/workspace:format", { path, text });
export const saveFile = (path, text, saveWithErrors) =>
  call("POST", "/v1/workspace:save", { path, text, format: true, save_with_errors: saveWithErrors });
export const runScenarios = (path, text) => call("POST", "/v1/workspace:test", path ? { path, text } : undefined);
// Rewrites the scenario file `scenario` (scenarios/NAME.json) to expect what the pack as edited now decides.
export const acceptScenario = (scenario, path, text) =>
  call("POST", "/v1/workspace:accept", path ? { scenario, path, text } : { scenario });
export const describePack = () => call("GET", "/v1/pack");
// The pack's input declaration as a JSON Schema: what the trainer's form is made from.
export const describeInput = () => call("GET", "/v1/schema");
// The walkthrough of {scenario} or {contact}, with what_if [{field, value} | {field, absent}].
export const walkThrough = (request) => call("POST", "/v1/workspace:walkthrough", request);
// The decision graph as `frontdoor graph --format json` draws it, of the pack as edited ({path, text}),
// with the path of {scenario} or {contact} marked.
export const drawGraph = (request) => call("POST", "/v1/workspace:graph", request);
// Publishing (docs/workspace.md): where to, the published pack against the draft; and publishing.
export const publishState = () => call("GET", "/v1/workspace/publish");
export const publishPack = () => call("POST", "/v1/workspace:publish", {});
// The impact of the pack as edited ({path, text}, or null for the saved pack) over `contacts` (the
// contacts file's text, one a line), or over the service's decision log when `contacts` is null:
// the streamed response itself (impact-stream.js reads it as it arrives).
export function runImpact(edit, contacts) {
  const headers = { "Content-Type": "application/x-ndjson" };
  const token = sessionStorage.getItem(tokenKey);
  if (token) headers.Authorization = `Bearer ${token}`;
  const request = contacts === null ? { ...(edit ?? {}), log: true } : { ...(edit ?? {}) };
  const body = JSON.stringify(request) + "\n" + (contacts ?? "");
  return fetch("/v1/workspace:impact", { method: "POST", headers, body });
}
