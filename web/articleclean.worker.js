// articleclean.worker.js runs the WebAssembly program off the main thread,
// for articleclean.js. It is a module worker in browsers and a
// worker_threads worker in Node.js; the protocol is the same in both:
//
//   in:  {type: 'init', wasmURL?, wasmModule?}
//        {type: 'call', id, fn: 'clean' | 'isReaderable', input, options}
//   out: {type: 'ready', version}
//        {type: 'result', id, ok: true, value}
//        {type: 'result', id, ok: false, name, message}
//        {type: 'fatal', message}   (the program can no longer work)
//
// One call runs at a time: the Go program is single-threaded, and the
// caller's timeout must measure only its own call.

import { start } from './runtime.js';

// In a browser the handler must exist before the first await, or messages
// sent while the module was still evaluating could be dispatched to nobody.
const browserPort = (() => {
  if (typeof globalThis.WorkerGlobalScope !== 'function' || !(globalThis instanceof globalThis.WorkerGlobalScope)) {
    return null;
  }
  let handler = null;
  const early = [];
  globalThis.onmessage = (e) => (handler ? handler(e.data) : early.push(e.data));
  return {
    on: (fn) => { handler = fn; early.splice(0).forEach(fn); },
    post: (m) => globalThis.postMessage(m),
  };
})();

const port = await connect();
let api = null;

port.on(async (msg) => {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'init') {
    try {
      api = await start({ wasmURL: msg.wasmURL, wasmBytes: msg.wasmModule });
      api.exited.then(() => port.post({ type: 'fatal', message: 'articleclean: the WebAssembly program stopped' }));
      port.post({ type: 'ready', version: api.version });
    } catch (err) {
      port.post({ type: 'fatal', message: err?.message ?? String(err) });
    }
    return;
  }
  if (msg.type === 'call') {
    if (api === null) {
      port.post({ type: 'result', id: msg.id, ok: false, name: 'Error', message: 'articleclean: not started' });
      return;
    }
    const fn = msg.fn === 'isReaderable' ? api.isReaderable : api.cleanArticle;
    try {
      const value = msg.options === undefined ? fn(msg.input) : fn(msg.input, msg.options);
      port.post({ type: 'result', id: msg.id, ok: true, value });
    } catch (err) {
      port.post({
        type: 'result', id: msg.id, ok: false,
        name: err instanceof TypeError ? 'TypeError' : 'Error',
        message: err?.message ?? String(err),
      });
    }
  }
});

// connect hides the difference between a browser worker and a Node.js one.
async function connect() {
  if (browserPort) return browserPort;
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) throw new Error('articleclean.worker.js must run as a worker');
  return {
    on: (fn) => parentPort.on('message', fn),
    post: (m) => parentPort.postMessage(m),
  };
}
