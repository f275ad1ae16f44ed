// articleclean.js is the public module: it turns messy web HTML into clean,
// safe article markup with the articleclean WebAssembly program. It works in
// browsers and in Node.js 20+.
//
//   import { cleanArticle } from 'articleclean';
//   const article = await cleanArticle(html, { url: location.href });
//
// By default the program runs in a dedicated worker (a Web Worker, or a
// worker_threads Worker in Node.js) so a large page never blocks the caller's
// thread, and a call that takes too long can be stopped: the worker is
// terminated and a fresh one started for the next call.

import { start, resolveURL } from './runtime.js';

const isNode = typeof process === 'object' && process !== null &&
  typeof process.versions === 'object' && process.versions !== null &&
  typeof process.versions.node === 'string';

/** Milliseconds a call may take in worker mode unless options.timeout says otherwise. */
export const DEFAULT_TIMEOUT = 10000;

let engine = null;

/**
 * Loads the WebAssembly program. Calling it is optional: the first call to
 * cleanArticle or isReaderable loads with the defaults.
 *
 * @param {{wasmURL?: string|URL, worker?: boolean}} [opts]
 * @returns {Promise<{version: string}>}
 */
export async function load({ wasmURL, worker = true } = {}) {
  const url = wasmURL === undefined
    ? new URL('./articleclean.wasm', import.meta.url)
    : await resolveURL(wasmURL);
  const key = `${worker ? 'worker' : 'thread'} ${url.href}`;
  if (engine !== null && engine.key !== key) {
    await terminate();
  }
  if (engine === null) {
    const e = worker ? new WorkerEngine(url) : new ThreadEngine(url);
    e.key = key;
    engine = e;
  }
  const current = engine;
  try {
    await current.ready();
  } catch (err) {
    if (engine === current) engine = null;
    throw err;
  }
  return { version: current.version };
}

/**
 * Cleans one page. See articleclean.d.ts for the options and the result.
 *
 * @param {string|ArrayBuffer|ArrayBufferView} input
 * @param {object} [options]
 * @returns {Promise<object>}
 */
export function cleanArticle(input, options) {
  return call('clean', input, options);
}

/**
 * Tells cheaply whether input probably holds an article.
 *
 * @param {string|ArrayBuffer|ArrayBufferView} input
 * @param {object} [options]
 * @returns {Promise<boolean>}
 */
export function isReaderable(input, options) {
  return call('isReaderable', input, options);
}

/** @returns {Promise<string>} the program's version (a git description). */
export async function version() {
  if (engine === null) await load();
  await engine.ready();
  return engine.version;
}

/**
 * Stops the worker; pending calls reject. A later call loads again.
 *
 * @returns {Promise<void>}
 */
export async function terminate() {
  const e = engine;
  engine = null;
  if (e !== null) await e.terminate();
}

async function call(fn, input, options) {
  let timeout = DEFAULT_TIMEOUT;
  let opts = options;
  if (options !== undefined && options !== null && typeof options === 'object' && 'timeout' in options) {
    const { timeout: t, ...rest } = options;
    if (t !== undefined && t !== null) {
      if (typeof t !== 'number' || !(t > 0)) {
        throw new TypeError(`${fnName(fn)}: options.timeout must be a positive number of milliseconds`);
      }
      timeout = t;
    }
    opts = rest;
  }
  if (engine === null) await load();
  return engine.call(fn, input, opts, timeout);
}

function fnName(fn) {
  return fn === 'clean' ? 'cleanArticle' : 'isReaderable';
}

function rebuildError(name, message) {
  return new (name === 'TypeError' ? TypeError : Error)(message);
}


// ThreadEngine runs the program on the caller's thread: no worker start-up
// cost, but a call blocks the thread and options.timeout cannot stop it.
class ThreadEngine {
  constructor(url) {
    this.url = url;
    this.api = null;
    this.starting = null;
    this.version = '';
  }

  ready() {
    if (this.api !== null) return Promise.resolve();
    if (this.starting === null) {
      this.starting = start({ wasmURL: this.url }).then((api) => {
        this.api = api;
        this.version = api.version;
        // After a fatal Go error the next call starts a fresh program.
        api.exited.then(() => { if (this.api === api) this.api = null; });
      }).finally(() => { this.starting = null; });
    }
    return this.starting;
  }

  async call(fn, input, options) {
    await this.ready();
    const f = fn === 'clean' ? this.api.cleanArticle : this.api.isReaderable;
    return options === undefined ? f(input) : f(input, options);
  }

  async terminate() {
    // The Go program cannot be unloaded from a thread; it stays idle and a
    // later load() reuses it.
    this.api = null;
  }
}

// WorkerEngine runs the program in one worker, one call at a time, so each
// call's timeout measures only that call.
class WorkerEngine {
  constructor(url) {
    this.url = url;
    this.version = '';
    this.queue = [];
    this.current = null;
    this.worker = null;
    this.starting = null; // Promise while a worker is starting
    this.nextID = 1;
    this.closed = false;
    this.module = compile(url).catch(() => null); // null: each worker loads the URL itself
  }

  ready() {
    if (this.worker !== null && this.starting === null) return Promise.resolve();
    if (this.starting === null) this.spawn();
    return this.starting;
  }

  spawn() {
    let settle;
    this.starting = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this.starting.catch(() => {}); // rejection is reported to callers, not as unhandled
    const startup = (async () => {
      const module = await this.module;
      const w = await newWorker(new URL('./articleclean.worker.js', import.meta.url));
      this.worker = w;
      w.ref();
      w.onMessage((msg) => this.onMessage(w, msg));
      w.onError((err) => this.onCrash(w, err));
      const init = { type: 'init', wasmURL: this.url.href };
      try {
        w.post(module ? { ...init, wasmModule: module } : init);
      } catch {
        w.post(init); // a host that cannot send compiled modules to workers
      }
      this.onReady = settle;
    })();
    startup.catch((err) => {
      this.starting = null;
      this.worker = null;
      settle.reject(err);
      this.failQueued(err);
    });
  }

  onMessage(w, msg) {
    if (w !== this.worker || !msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'ready': {
        this.version = String(msg.version ?? '');
        const s = this.onReady;
        this.onReady = null;
        this.starting = null;
        s?.resolve();
        this.pump();
        break;
      }
      case 'fatal':
        this.onCrash(w, new Error(msg.message));
        break;
      case 'result': {
        const job = this.current;
        if (!job || job.id !== msg.id) return;
        this.current = null;
        clearTimeout(job.timer);
        if (msg.ok) job.resolve(msg.value);
        else job.reject(rebuildError(msg.name, msg.message));
        this.pump();
        break;
      }
    }
  }

  // onCrash handles a worker that can no longer answer: while starting, the
  // start fails; afterwards the current call fails and a new worker starts.
  onCrash(w, err) {
    if (w !== this.worker) return;
    const error = err instanceof Error ? err : new Error(`articleclean: worker failed: ${err}`);
    this.worker = null;
    w.terminate();
    if (this.starting !== null) {
      const s = this.onReady;
      this.onReady = null;
      this.starting = null;
      s?.reject(error);
      this.failQueued(error);
      return;
    }
    const job = this.current;
    this.current = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    if (this.queue.length > 0 && !this.closed) this.ready().catch(() => {});
  }

  failQueued(err) {
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  call(fn, input, options, timeout) {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('articleclean: terminated'));
        return;
      }
      this.queue.push({ id: this.nextID++, fn, input, options, timeout, resolve, reject, timer: null });
      this.ready().then(() => this.pump(), () => {});
    });
  }

  pump() {
    if (this.current !== null || this.starting !== null || this.worker === null) {
      if (this.worker === null && this.starting === null && this.queue.length > 0 && !this.closed) {
        this.ready().catch(() => {});
      }
      return;
    }
    const w = this.worker;
    const job = this.queue.shift();
    if (!job) {
      w.unref(); // an idle worker must not keep Node.js running
      return;
    }
    const { message, transfer } = callMessage(job);
    try {
      w.post(message, transfer);
    } catch (err) {
      // Only uncloneable input gets here (a function, a DOM node…).
      job.reject(new TypeError(`${fnName(job.fn)}: input and options must be plain data (${err?.message ?? err})`));
      this.pump();
      return;
    }
    this.current = job;
    w.ref();
    job.timer = setTimeout(() => this.onTimeout(w, job), job.timeout);
  }

  onTimeout(w, job) {
    if (this.current !== job || w !== this.worker) return;
    this.current = null;
    this.worker = null;
    w.terminate();
    job.reject(new Error(`articleclean: ${fnName(job.fn)} timed out after ${job.timeout} ms; the worker was restarted`));
    if (!this.closed) this.ready().catch(() => {});
  }

  async terminate() {
    this.closed = true;
    const err = new Error('articleclean: terminated');
    const job = this.current;
    this.current = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(err);
    }
    this.failQueued(err);
    if (this.onReady) {
      this.onReady.reject(err);
      this.onReady = null;
    }
    this.starting = null;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

// callMessage builds the worker message for a job. ArrayBuffer input is
// transferred (the caller's buffer is detached, no copy is made); a view is
// copied first so the caller's buffer stays usable.
function callMessage(job) {
  let input = job.input;
  const transfer = [];
  if (input instanceof ArrayBuffer) {
    transfer.push(input);
  } else if (ArrayBuffer.isView(input) && input.buffer instanceof ArrayBuffer) {
    input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength).slice();
    transfer.push(input.buffer);
  }
  return {
    message: { type: 'call', id: job.id, fn: job.fn, input, options: job.options },
    transfer,
  };
}

// compile builds the WebAssembly module once on the caller's side, so a
// worker restarted after a timeout starts without downloading it again.
async function compile(url) {
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`articleclean: could not load ${url.href}: HTTP ${resp.status}`);
  const type = (resp.headers.get('content-type') ?? '').split(';')[0].trim();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(resp);
  }
  return WebAssembly.compile(await resp.arrayBuffer());
}

// newWorker wraps a browser Worker or a Node.js worker_threads Worker in
// one small interface.
async function newWorker(url) {
  if (typeof globalThis.Worker === 'function' && !isNode) {
    const w = new globalThis.Worker(url, { type: 'module', name: 'articleclean' });
    return {
      post: (m, t) => w.postMessage(m, t ?? []),
      onMessage: (fn) => { w.onmessage = (e) => fn(e.data); },
      onError: (fn) => {
        w.onerror = (e) => {
          e.preventDefault?.();
          fn(new Error(`articleclean: worker failed: ${e.message || 'could not load articleclean.worker.js'}`));
        };
        w.onmessageerror = () => fn(new Error('articleclean: a worker message could not be read'));
      },
      terminate: () => w.terminate(),
      ref: () => {},
      unref: () => {},
    };
  }
  const { Worker } = await import('node:worker_threads');
  // A worker inherits the parent's flags; --input-type (from `node -e`)
  // is refused for a worker loaded from a file.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const w = new Worker(url, { name: 'articleclean', execArgv });
  return {
    post: (m, t) => w.postMessage(m, t ?? []),
    onMessage: (fn) => w.on('message', fn),
    onError: (fn) => {
      w.on('error', (err) => fn(new Error(`articleclean: worker failed: ${err?.message ?? err}`)));
      w.on('exit', (code) => fn(new Error(`articleclean: worker exited with code ${code}`)));
    },
    terminate: () => w.terminate().then(() => {}),
    ref: () => w.ref(),
    unref: () => w.unref(),
  };
}
