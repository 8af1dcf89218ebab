// Reads a node process's memory through its inspector (activated from outside
// with SIGUSR1): a full garbage collection first, so that the figures count
// live objects only. Usage: node [--experimental-websocket] heap-probe.mjs PORT
// Prints process.memoryUsage() of the inspected process as JSON.
const port = process.argv[2];
const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const socket = new WebSocket(target.webSocketDebuggerUrl);
const pending = new Map();
let nextId = 1;

socket.addEventListener("message", (event) => {
  const message = JSON.parse(event.data);
  pending.get(message.id)?.(message);
});

function send(method, params = {}) {
  const id = nextId++;
  socket.send(JSON.stringify({ id, method, params }));

  return new Promise((resolve) => pending.set(id, resolve));
}

await new Promise((resolve, reject) => {
  socket.addEventListener("open", resolve);
  socket.addEventListener("error", reject);
});
await send("HeapProfiler.collectGarbage");
const reply = await send("Runtime.evaluate", {
  expression: "JSON.stringify(process.memoryUsage())",
  returnByValue: true,
});
socket.close();
process.stdout.write(reply.result.result.value + "\n");
