// Reads the workspace:impact answer as it arrives: JSON lines, {"progress": {"lines": N}} every
// 500 lines and at the end, then {"report": ...}. Lines are handled as they come, so the page stays usable.
export async function readImpactStream(response, onProgress) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let report = null;
  const take = (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.progress) onProgress(message.progress.lines);
    else if (message.report) report = message.report;
    else if (message.error) throw new Error(message.error.message);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffered.indexOf("\n")) >= 0) {
      take(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
    }
  }
  take(buffered + decoder.decode());
  if (!report) throw new Error("the answer ended before the report: run it again");
  return report;
}
