// Smoke test of the bundled language server: starts `node server/main.js --stdio`, sends one
// `initialize` request (and `initialized`, then a `didOpen` of a broken agreement), prints the
// server's answer and any diagnostics it publishes within a few seconds, then shuts it down.
// Exit 0 when `initialize` was answered with capabilities. Usage: node scripts/smoke-server.mjs [server.js]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = path.resolve(process.argv[2] ?? path.join(here, '..', 'server', 'main.js'));
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });

function send(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
}

let buffer = Buffer.alloc(0);
let initialized = false;
const timer = setTimeout(() => finish(initialized ? 0 : 1, initialized ? '' : 'no answer to initialize within 10 s'), 10_000);

function finish(code, why) {
  clearTimeout(timer);
  if (why) console.error(`smoke: ${why}`);
  send({ id: 2, method: 'shutdown' });
  send({ method: 'exit' });
  setTimeout(() => { child.kill(); process.exit(code); }, 300);
}

child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const head = buffer.indexOf('\r\n\r\n');
    if (head < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())?.[1]);
    if (buffer.length < head + 4 + length) return;
    const msg = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString('utf8'));
    buffer = buffer.subarray(head + 4 + length);
    if (msg.id === 1) {
      if (!msg.result?.capabilities) return finish(1, `initialize failed: ${JSON.stringify(msg.error ?? msg)}`);
      initialized = true;
      console.log(`initialize → ${msg.result.serverInfo?.name ?? 'server'}; capabilities: ${Object.keys(msg.result.capabilities).join(', ')}`);
      send({ method: 'initialized', params: {} });
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///smoke/broken.icx', languageId: 'icx', version: 1, text: 'agreement X {\n  version 1\n  currency\n}\n' } } });
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      console.log(`publishDiagnostics ${msg.params.uri}: ${msg.params.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? ''} ${d.message}`).join(' | ') || '(none)'}`);
      finish(0);
    } else if (msg.id !== undefined && msg.method !== undefined) {
      send({ id: msg.id, result: null }); // a request from the server (e.g. workspace/configuration)
    }
  }
});
child.on('exit', (code) => { if (!initialized) { console.error(`smoke: server exited (${code}) before answering`); process.exit(1); } });
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } } });
