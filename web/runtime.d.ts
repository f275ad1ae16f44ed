/**
 * The low-level runtime: starts the articleclean WebAssembly program in the
 * current global scope (page, worker or Node.js thread) and defines the
 * synchronous, throwing `globalThis.cleanArticle` and
 * `globalThis.isReaderable`. Most callers want the promise-based
 * `articleclean` module instead, which runs this in a worker.
 */
import type { Article, Input, Options } from './articleclean.js';

export interface StartOptions {
  /** Where articleclean.wasm is; defaults to the file next to runtime.js. */
  wasmURL?: string | URL;
  /** The program itself, as bytes or a compiled module; wins over wasmURL. */
  wasmBytes?: ArrayBuffer | ArrayBufferView | WebAssembly.Module;
  /** Where Go's wasm_exec.js is; loaded only when globalThis.Go is missing. */
  execURL?: string | URL;
}

export interface Runtime {
  /** Cleans synchronously; throws TypeError or Error like the async version rejects. */
  cleanArticle(input: Input, options?: Omit<Options, 'timeout'>): Article;
  /** Synchronous isReaderable. */
  isReaderable(input: Input, options?: Omit<Options, 'timeout'>): boolean;
  /** The program's version. */
  version: string;
  /** Settles if the Go program ever stops (only after a fatal error). */
  exited: Promise<void>;
}

/**
 * Starts the program once per global scope; later calls return the same
 * runtime (or a new one after the program stopped).
 */
export declare function start(options?: StartOptions): Promise<Runtime>;

/**
 * Turns a URL, an absolute address or a path (a file path in Node.js, else
 * relative to the page) into a URL.
 */
export declare function resolveURL(where: string | URL): Promise<URL>;

declare global {
  /** Defined by start(). */
  var cleanArticle: Runtime['cleanArticle'] | undefined;
  /** Defined by start(). */
  var isReaderable: Runtime['isReaderable'] | undefined;
  /** Defined by start(). */
  var articlecleanVersion: string | undefined;
}
