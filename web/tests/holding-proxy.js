// A loopback proxy between a test's page and the real server that passes every byte on as it comes,
// except that it can hold back the end of one streamed answer: from the first line that starts with
// a given prefix until the test lets it go. A test that must act while a run is still going (click,
// type, look) then does not race the server: the run cannot finish before the test says so.
//
//   const proxy = await startHoldingProxy("http://127.0.0.1:8123");
//   const held = proxy.holdNext("/v1/workspace:impact", '{"report"');  // the next such answer
//   ... act while the page shows progress ...
//   await held.reached;   // the answer's held line has come from the server
//   held.release();       // it goes on to the page
//   await proxy.stop();
import http from "node:http";

export function startHoldingProxy(target) {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let pending = null;  // the hold the next matching answer takes

  const server = http.createServer((request, response) => {
    const hold = pending && request.url === pending.path ? pending : null;
    if (hold) pending = null;
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: request.method,
                                   path: request.url, headers: request.headers, agent }, (answer) => {
      response.writeHead(answer.statusCode, answer.statusMessage, answer.headers);
      if (!hold) return answer.pipe(response);
      let text = "", holding = false;
      answer.setEncoding("utf8");
      answer.on("data", (piece) => {
        if (holding) return void (text += piece);
        text += piece;
        const at = text.startsWith(hold.prefix) ? 0 : text.indexOf("\n" + hold.prefix);
        if (at < 0) {
          const lineEnd = text.lastIndexOf("\n") + 1;  // a partial line may be the prefix's start
          response.write(text.slice(0, lineEnd));
          text = text.slice(lineEnd);
          return;
        }
        const cut = at === 0 ? 0 : at + 1;
        response.write(text.slice(0, cut));
        text = text.slice(cut);
        holding = true;
        hold.reach();
      });
      answer.on("end", async () => {
        if (holding) await hold.released;
        response.end(text);
      });
      answer.on("error", () => response.destroy());
    });
    forward.on("error", () => response.destroy());
    request.pipe(forward);
  });

  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve({
        base: `http://127.0.0.1:${server.address().port}`,
        // Holds the next answer to a request for `path` from its first line starting with `prefix`.
        holdNext(path, prefix) {
          let reach, release;
          const hold = { path, prefix, reached: new Promise((r) => (reach = r)), released: new Promise((r) => (release = r)) };
          hold.reach = reach;
          pending = hold;
          return { reached: hold.reached, release };
        },
        stop() {
          agent.destroy();
          server.closeAllConnections();
          return new Promise((done) => server.close(done));
        },
      });
    });
  });
}
