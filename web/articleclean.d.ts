/**
 * articleclean: turn messy web HTML into clean, safe, readable article
 * markup, with a Go program compiled to WebAssembly. Works in browsers and
 * in Node.js 20+.
 *
 * ```js
 * import { cleanArticle } from 'articleclean';
 * const article = await cleanArticle(html, { url: location.href });
 * document.querySelector('main').innerHTML = article.content; // already sanitized
 * ```
 */

/**
 * What to clean: HTML as text, or as bytes in any charset (the page's
 * `<meta charset>`, a byte-order mark, or sniffing decides; legacy charsets
 * are decoded with the host's `TextDecoder`). A feed-export item (a comment
 * line, a Markdown title link, `------`, then HTML) is accepted too.
 *
 * In worker mode an `ArrayBuffer` is transferred to the worker, so the
 * caller's buffer is detached (byteLength 0) afterwards; a typed array or
 * `DataView` is copied and stays usable.
 */
export type Input = string | ArrayBuffer | ArrayBufferView;

/** Options for {@link cleanArticle} and {@link isReaderable}. */
export interface Options {
  /**
   * The page's address: the base for relative links and images, and the
   * result's `url` when the page names none. Must be an absolute http(s)
   * address, or the call rejects with an `Error`.
   */
  url?: string;
  /**
   * Find the main article (true, the default) or keep the whole input,
   * still cleaned and sanitized (false).
   */
  extract?: boolean;
  /** Keep `class` attributes in `content` (default false). */
  keepClasses?: boolean;
  /** Also return the article as Markdown in `result.markdown` (default false). */
  markdown?: boolean;
  /** Also return `result.removals`: each removal and the rule behind it (default false). */
  explain?: boolean;
  /**
   * `'keep'` (the default) keeps the article's images; `'drop'` removes them
   * all, so showing `content` makes no network request at all.
   */
  images?: 'keep' | 'drop';
  /** Refuse inputs larger than this many bytes (default 32 MiB). */
  maxBytes?: number;
  /**
   * Milliseconds the call may run in the worker before it rejects with an
   * `Error` whose message says it timed out; the worker is then restarted so
   * later calls work. Measured from when the worker starts this call, not
   * while it waits behind others. Default 10000. Ignored with
   * `load({ worker: false })`, where a call cannot be interrupted.
   */
  timeout?: number;
}

/** How much of each kind of clutter was removed. */
export interface RemovedCounts {
  /** Advertisement blocks. */
  ads: number;
  /** Tracking pixels, beacons and tracking scripts. */
  trackers: number;
  /** Attributes dropped (event handlers, styles, data-*, unknown ones…). */
  attributes: number;
  /** Tracking parameters dropped from URLs (utm_*, fbclid…). */
  params: number;
  /** Other clutter elements (navigation, share bars, forms, comments…). */
  elements: number;
}

/** One removal, with `explain: true`. */
export interface Removal {
  /** Which counter of {@link RemovedCounts} it added to. */
  kind: 'ad' | 'tracker' | 'element' | 'attribute' | 'param';
  /** The name of the rule that removed it. */
  rule: string;
  /** A short CSS-like path to where it was in the input. */
  path: string;
}

/**
 * The cleaned article. Field names follow Mozilla Readability's `parse()`
 * result, so code written for Readability reads it unchanged.
 */
export interface Article {
  /** The article's title ("" when none was found). */
  title: string;
  /** The author line, or null. */
  byline: string | null;
  /** Text direction ("ltr" or "rtl"), or null. */
  dir: string | null;
  /** The language tag (e.g. "zh-CN"), or null. */
  lang: string | null;
  /** The article as clean, sanitized HTML: safe to insert into a page. */
  content: string;
  /** The article's plain text. */
  textContent: string;
  /** The length of `textContent` in UTF-16 code units (JavaScript's `.length`). */
  length: number;
  /** A short summary: the page's description or the first paragraph, or null. */
  excerpt: string | null;
  /** The site's name, or null. */
  siteName: string | null;
  /** When the article was published, ISO 8601, or null. */
  publishedTime: string | null;
  /** The article's canonical address, or null. */
  url: string | null;
  /** The page's lead image address, or null. */
  leadImage: string | null;
  /** What was removed, counted by kind. */
  removed: RemovedCounts;
  /** The article as Markdown; present only with `markdown: true`. */
  markdown?: string;
  /** Every removal and why; present only with `explain: true`. */
  removals?: Removal[];
}

/** Options for {@link load}. */
export interface LoadOptions {
  /** Where articleclean.wasm is; defaults to the file next to this module. */
  wasmURL?: string | URL;
  /**
   * Run in a dedicated worker (true, the default: a Web Worker in browsers,
   * a worker_threads Worker in Node.js), or on the calling thread (false:
   * starts faster, but a call blocks the thread and cannot time out).
   */
  worker?: boolean;
}

/** The default of {@link Options.timeout}, in milliseconds. */
export declare const DEFAULT_TIMEOUT: number;

/**
 * Loads the WebAssembly program. Optional: the first call to
 * {@link cleanArticle} or {@link isReaderable} loads with the defaults.
 * Loading again with other options terminates the current instance first.
 * Rejects when the program cannot be fetched or started.
 */
export declare function load(options?: LoadOptions): Promise<{ version: string }>;

/**
 * Cleans one page.
 *
 * Rejects with a `TypeError` for input or options of the wrong type (a
 * number, a function, `extract: "yes"`…), and with an `Error` for input
 * that cannot be cleaned (empty, too large, a bad `url`) or a timeout.
 */
export declare function cleanArticle(input: Input, options?: Options): Promise<Article>;

/**
 * Tells cheaply whether the input probably holds an article (like
 * Readability's `isProbablyReaderable`): it decodes and parses but does not
 * clean. Rejects like {@link cleanArticle}.
 */
export declare function isReaderable(input: Input, options?: Options): Promise<boolean>;

/** The program's version (its git description), loading it if needed. */
export declare function version(): Promise<string>;

/**
 * Stops the worker and frees it; pending calls reject with an `Error`. A
 * later call loads again. With `worker: false` the program stays in memory
 * (a thread cannot unload it) and is reused.
 */
export declare function terminate(): Promise<void>;
