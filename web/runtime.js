// runtime.js starts the articleclean WebAssembly program in the current
// global scope (a page, a Web Worker, a Node.js thread) and defines the
// throwing functions globalThis.cleanArticle and globalThis.isReaderable.
//
// It is the low-level layer: most callers want articleclean.js, which runs
// this in a worker, adds timeouts and returns promises.
//
// The Go side (wasm/main.go) cannot throw JavaScript exceptions, so it
// publishes globalThis.__articleclean whose functions return
// {ok: true, value} or {ok: false, name, message}; the wrappers here turn
// the second shape into a thrown Error or TypeError.

const isNode = typeof process === 'object' && process !== null &&
  typeof process.versions === 'object' && process.versions !== null &&
  typeof process.versions.node === 'string';

// One Go program per global scope: wasm_exec.js and the bridge both use
// globalThis, so a second instance would overwrite the first one's hooks.
let running = null;

/**
 * Starts the WebAssembly program once per global scope.
 *
 * @param {object} [opts]
 * @param {string|URL} [opts.wasmURL] where articleclean.wasm is; defaults to
 *   the file next to this module.
 * @param {ArrayBuffer|ArrayBufferView|WebAssembly.Module} [opts.wasmBytes]
 *   the program itself (bytes or an already compiled module); wins over
 *   wasmURL.
 * @param {string|URL} [opts.execURL] where Go's wasm_exec.js is; defaults to
 *   the file next to this module. Only loaded when globalThis.Go is missing.
 * @returns {Promise<{cleanArticle: Function, isReaderable: Function,
 *   version: string, exited: Promise<void>}>}
 */
export function start(opts = {}) {
  if (running === null) {
    running = boot(opts).catch((err) => {
      running = null;
      throw err;
    });
  }
  return running;
}

async function boot({ wasmURL, wasmBytes, execURL } = {}) {
  if (typeof globalThis.Go !== 'function') {
    await import(await moduleSpecifier(execURL ?? new URL('./wasm_exec.js', import.meta.url)));
    if (typeof globalThis.Go !== 'function') {
      throw new Error('articleclean: wasm_exec.js did not define globalThis.Go');
    }
  }
  const go = new globalThis.Go();
  const instance = await instantiate(wasmURL, wasmBytes, go.importObject);

  let signalReady;
  const ready = new Promise((resolve) => { signalReady = resolve; });
  const previousHook = globalThis.__articlecleanReady;
  globalThis.__articlecleanReady = () => {
    signalReady();
    if (typeof previousHook === 'function') previousHook();
  };

  // go.run settles only when the Go program exits, which it does only on a
  // fatal error (main blocks forever), so it is watched, never awaited.
  let dead = null;
  let runPromise;
  try {
    runPromise = go.run(instance);
  } catch (err) {
    runPromise = Promise.reject(err);
  }
  const exited = runPromise
    .then(
      () => { dead = new Error('articleclean: the WebAssembly program stopped'); },
      (err) => { dead = new Error(`articleclean: the WebAssembly program crashed: ${err?.message ?? err}`); },
    )
    .finally(() => {
      // A later start() must build a fresh instance instead of reusing this one.
      running = null;
      delete globalThis.__articleclean;
    });

  if (!globalThis.__articleclean) {
    await Promise.race([ready, exited, pollForBridge(() => dead !== null)]);
  }
  const bridge = globalThis.__articleclean;
  if (dead !== null || !bridge || typeof bridge.clean !== 'function') {
    throw dead ?? new Error('articleclean: the WebAssembly program did not start');
  }

  const unwrap = (fnName) => (...args) => {
    if (dead !== null) throw dead;
    let r;
    try {
      r = bridge[fnName](...args);
    } catch (err) {
      // Reaching here means the Go runtime itself failed (it returns errors as
      // values otherwise): report it as an Error, never as a bare string.
      throw new Error(`articleclean: ${err?.message ?? err}`);
    }
    if (r && r.ok === true) return r.value;
    const Ctor = r && r.name === 'TypeError' ? TypeError : Error;
    throw new Ctor(r && typeof r.message === 'string' ? r.message : 'articleclean: unknown failure');
  };

  const cleanArticle = unwrap('clean');
  const isReaderable = unwrap('isReaderable');
  const version = String(bridge.version ?? 'dev');
  globalThis.cleanArticle = cleanArticle;
  globalThis.isReaderable = isReaderable;
  globalThis.articlecleanVersion = version;
  return { cleanArticle, isReaderable, version, exited };
}

// pollForBridge covers a bridge that was published before the ready hook
// was installed, or a build whose main does not call the hook.
function pollForBridge(stop) {
  return new Promise((resolve) => {
    const tick = () => {
      if (globalThis.__articleclean || stop()) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
}

async function moduleSpecifier(where) {
  if (where instanceof URL) return where.href;
  const s = String(where);
  if (isNode && !/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    // A plain file path in Node: import() wants a file: URL.
    const { pathToFileURL } = await import('node:url');
    return pathToFileURL(s).href;
  }
  return s;
}

async function instantiate(wasmURL, wasmBytes, imports) {
  if (wasmBytes instanceof WebAssembly.Module) {
    return WebAssembly.instantiate(wasmBytes, imports);
  }
  if (wasmBytes != null) {
    const bytes = ArrayBuffer.isView(wasmBytes)
      ? new Uint8Array(wasmBytes.buffer, wasmBytes.byteOffset, wasmBytes.byteLength)
      : wasmBytes;
    return (await WebAssembly.instantiate(bytes, imports)).instance;
  }
  const url = await resolveURL(wasmURL ?? new URL('./articleclean.wasm', import.meta.url));
  if (url.protocol === 'file:') {
    // Node's fetch does not read files.
    const { readFile } = await import('node:fs/promises');
    return (await WebAssembly.instantiate(await readFile(url), imports)).instance;
  }
  const resp = await fetch(url);
  if (!resp.ok) {
    throw new Error(`articleclean: could not load ${url.href}: HTTP ${resp.status}`);
  }
  const type = resp.headers.get('content-type') ?? '';
  if (typeof WebAssembly.instantiateStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
    return (await WebAssembly.instantiateStreaming(resp, imports)).instance;
  }
  // Servers that send the wrong MIME type still work, only slower to start.
  return (await WebAssembly.instantiate(await resp.arrayBuffer(), imports)).instance;
}

/**
 * Turns a URL, an absolute address or a path (a file path in Node.js, else
 * relative to the page) into a URL. Shared with articleclean.js.
 */
export async function resolveURL(where) {
  if (where instanceof URL) return where;
  const s = String(where);
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return new URL(s);
  if (isNode) {
    const { pathToFileURL } = await import('node:url');
    return pathToFileURL(s);
  }
  return new URL(s, globalThis.location?.href ?? import.meta.url);
}
