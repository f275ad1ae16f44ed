// bench.mjs measures articleclean in headless Chromium beside a hello-world
// Go wasm and beside Readability.js (+ DOMPurify), and prints one table:
// sizes, start-up, first vs warm call, per-page times on the corpus sample
// and synthetic pages, and growth per byte up to 20 MB. Every figure comes
// from this run on this machine; ratios are what to compare.
//
// Beside each figure stands the floor (internal/benchfloor): the required
// dependencies alone, x/net/html parsing and bluemonday sanitizing the
// page, with no cleaning of ours. What the floor already spends no design
// that keeps those dependencies can save.
//
//   node tests/bench/bench.mjs [--loads N] [--reps N] [--quick]
//
// It builds the .wasm itself (Go on PATH; the flags of build.sh) beside a
// hello-world, and needs web/ (runtime.js, wasm_exec.js), Chromium, and the
// devDependencies
// @mozilla/readability and dompurify. Corpus pages are read in place from
// ../shared/corpus with the sampling rule of internal/benchpages.

import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { repoRoot, webDir, launchBrowser, browserSkipReason } from '../lib.mjs';
import { measureBoth } from './wasmsize.mjs';
import { synthetic } from './synthetic.mjs';

const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '7' },
    reps: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
  },
});
const LOADS = Number(args.loads);
// The contenders timed on each page, interleaved.
const KINDS = ['ours', 'rd', 'rd+dp', 'floor'];
const REPS = Number(args.reps);

// The corpus sample: the same rule as internal/benchpages.Sample.
const SAMPLE_QUOTA = { 'chinese-dev': 35, defuddle: 50, readability: 50, 'wcxb-dev': 100 };
const SIZES = [['10KB', 10 << 10], ['100KB', 100 << 10], ['1MB', 1 << 20], ['10MB', 10 << 20]];
const GROWTH = [['10KB', 10 << 10], ['100KB', 100 << 10], ['1MB', 1 << 20], ['5MB', 5 << 20], ['10MB', 10 << 20], ['20MB', 20 << 20]];

function corpusDir() {
  const c = process.env.ARTICLECLEAN_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
  return existsSync(c) ? c : null;
}

function corpusSample(root) {
  const out = [];
  for (const set of Object.keys(SAMPLE_QUOTA).sort()) {
    const dir = join(root, set, 'pages');
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort();
    const step = Math.max(1, Math.floor(names.length / SAMPLE_QUOTA[set]));
    for (let i = 0; i < names.length && Math.floor(i / step) < SAMPLE_QUOTA[set]; i += step) {
      out.push({ name: `${set}/${names[i].replace(/\.html\.gz$/, '')}`, bytes: gunzipSync(readFileSync(join(dir, names[i]))) });
    }
  }
  return out;
}

// The pages the browser fetches: web/ for articleclean, the peers from
// node_modules, the hello-world wasm, and the inputs under /input/.
const HTML_BENCH = `<!DOCTYPE html><meta charset="utf-8"><title>bench</title>
<script src="/wasm_exec.js"></script>
<script src="/peer/Readability.js"></script>
<script src="/peer/purify.min.js"></script>`;

const MIME = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

function serve(files, inputs) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    let body = null;
    let type = 'application/octet-stream';
    if (path === '/bench.html') {
      body = HTML_BENCH;
      type = MIME['.html'];
    } else if (path.startsWith('/input/')) {
      body = inputs.get(path.slice(7));
      type = 'text/plain; charset=utf-8';
    } else if (files.has(path)) {
      body = readFileSync(files.get(path));
      type = MIME[path.slice(path.lastIndexOf('.'))] ?? type;
    }
    if (body == null) {
      res.writeHead(404).end();
      return;
    }
    // no-store: every fresh load fetches and compiles the wasm again.
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

// In-page helpers, installed once per page.
async function installHelpers(page) {
  await page.evaluate(() => {
    globalThis.__bench = {
      async startOurs() {
        // Catch the instance so the wasm memory can be read later.
        const orig = WebAssembly.instantiateStreaming;
        WebAssembly.instantiateStreaming = async (...a) => {
          const r = await orig.apply(WebAssembly, a);
          globalThis.__benchInstance = r.instance;
          return r;
        };
        const origI = WebAssembly.instantiate;
        WebAssembly.instantiate = async (...a) => {
          const r = await origI.apply(WebAssembly, a);
          globalThis.__benchInstance = r.instance ?? r;
          return r;
        };
        const t0 = performance.now();
        const rt = await import('/runtime.js');
        await rt.start({ wasmURL: '/articleclean.wasm' });
        if (typeof globalThis.cleanArticle !== 'function') throw new Error('cleanArticle missing after start');
        return performance.now() - t0;
      },
      // Starts a plain Go program that publishes globalThis[name] and then
      // calls globalThis[name + 'Ready']; returns the ms that took.
      async startGo(url, name) {
        const t0 = performance.now();
        const go = new Go();
        const ready = new Promise((r) => { globalThis[`${name}Ready`] = r; });
        const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
        go.run(instance);
        await ready;
        if (typeof globalThis[name] !== 'function') throw new Error(`${name} missing`);
        globalThis[`${name}Instance`] = instance;
        return performance.now() - t0;
      },
      // The floor: internal/benchfloor, the required dependencies alone.
      startFloor() {
        return this.startGo('/floor.wasm', '__floor');
      },
      floorMemory() {
        return globalThis.__floorInstance?.exports?.mem?.buffer?.byteLength ?? NaN;
      },
      startHello() {
        return this.startGo('/hello.wasm', '__hello');
      },
      async input(name) {
        return (await fetch(`/input/${name}`)).text();
      },
      memory() {
        return globalThis.__benchInstance?.exports?.mem?.buffer?.byteLength ?? NaN;
      },
      time(kind, html) {
        const t0 = performance.now();
        if (kind === 'ours') {
          cleanArticle(html);
        } else if (kind === 'floor') {
          __floor(html);
        } else {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const art = new Readability(doc).parse();
          if (kind === 'rd+dp' && art && art.content) DOMPurify.sanitize(art.content);
        }
        return performance.now() - t0;
      },
    };
  });
}

async function freshPage(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/bench.html`);
  await installHelpers(page);
  return { page, close: () => context.close() };
}

const fmtMs = (x) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '–');
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '–');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

async function main() {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`bench: ${skip}`);
    return;
  }
  const peerDir = join(repoRoot, 'node_modules');
  const readabilityJS = join(peerDir, '@mozilla', 'readability', 'Readability.js');
  const purifyJS = join(peerDir, 'dompurify', 'dist', 'purify.min.js');
  for (const p of [readabilityJS, purifyJS]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run npm ci`);
  }

  const rows = [];
  const row = (...cells) => rows.push(cells.map(String));

  // Sizes, built fresh with the same flags as build.sh.
  const size = measureBoth({ keep: true, floor: true });
  row('size', 'articleclean.wasm raw / gzip / brotli', `${kb(size.ours.raw)} / ${kb(size.ours.gzip)} / ${kb(size.ours.brotli)}`, '');
  row('size', 'hello-world wasm raw / gzip / brotli', `${kb(size.hello.raw)} / ${kb(size.hello.gzip)} / ${kb(size.hello.brotli)}`, '');
  row('size', 'brotli ratio to hello (target ≤ 2.2x, ≤ 1000 KB)', fmtX(size.ratio), size.ratio <= 2.2 && size.ours.brotli <= 1e6 ? 'met' : 'MISSED');
  row('size', 'floor (x/net/html + bluemonday only) raw / gzip / brotli', `${kb(size.floor.raw)} / ${kb(size.floor.gzip)} / ${kb(size.floor.brotli)}`,
    `${fmtX(size.floor.brotli / size.hello.brotli)} of hello`);
  console.error(`bench: sizes done (${fmtX(size.ratio)})`);

  const inputs = new Map();
  const five = synthetic(5 << 10);
  inputs.set('5KB', five);
  const sample = corpusDir() ? corpusSample(corpusDir()) : [];
  const dec = new TextDecoder('utf-8');
  sample.forEach((p, i) => inputs.set(`c${i}`, dec.decode(p.bytes)));
  const sizes = args.quick ? SIZES.slice(0, 2) : SIZES;
  const growth = args.quick ? GROWTH.slice(0, 3) : GROWTH;
  for (const [label, n] of [...sizes, ...growth]) {
    if (!inputs.has(`s${label}`)) inputs.set(`s${label}`, synthetic(n));
  }

  const files = new Map([
    ['/wasm_exec.js', join(webDir, 'wasm_exec.js')],
    ['/runtime.js', join(webDir, 'runtime.js')],
    // The binary just built and measured, so every row is about one build.
    ['/articleclean.wasm', size.files.ours],
    ['/hello.wasm', size.files.hello],
    ['/floor.wasm', size.files.floor],
    ['/peer/Readability.js', readabilityJS],
    ['/peer/purify.min.js', purifyJS],
  ]);
  const server = await serve(files, inputs);
  const browser = await launchBrowser();
  try {
    // Start-up: fresh contexts (no cache), alternating the two programs.
    const startOurs = [];
    const startHello = [];
    const startFloor = [];
    const firstCall = [];
    const warmCall = [];
    for (let i = 0; i < LOADS; i++) {
      {
        const { page, close } = await freshPage(browser, server.url);
        startHello.push(await page.evaluate(() => __bench.startHello()));
        await close();
      }
      {
        const { page, close } = await freshPage(browser, server.url);
        startFloor.push(await page.evaluate(() => __bench.startFloor()));
        await close();
      }
      const { page, close } = await freshPage(browser, server.url);
      startOurs.push(await page.evaluate(() => __bench.startOurs()));
      const calls = await page.evaluate(async () => {
        const html = await __bench.input('5KB');
        const out = [];
        for (let k = 0; k < 11; k++) out.push(__bench.time('ours', html));
        return out;
      });
      firstCall.push(calls[0]);
      warmCall.push(median(calls.slice(1)));
      await close();
    }
    const so = median(startOurs);
    const sh = median(startHello);
    row('start-up', `hello-world: fetch+compile+instantiate+run, median of ${LOADS} ms`, fmtMs(sh), '');
    row('start-up', 'articleclean until cleanArticle exists, ms', fmtMs(so), '');
    row('start-up', 'ratio to hello (target ≤ 1.5x)', fmtX(so / sh), so / sh <= 1.5 ? 'met' : 'MISSED');
    const sf = median(startFloor);
    row('start-up', 'floor until __floor exists, ms', fmtMs(sf), `${fmtX(sf / sh)} of hello`);
    const fc = median(firstCall);
    const wc = median(warmCall);
    row('first call', '5 KB page: first call / warm call, ms', `${fmtMs(fc)} / ${fmtMs(wc)}`, '');
    row('first call', 'first / warm (target ≤ 3x)', fmtX(fc / wc), fc / wc <= 3 ? 'met' : 'MISSED');
    console.error('bench: start-up done');

    // Per page, one long-lived page for all three contenders, interleaved
    // so that machine noise hits them alike; each time is the median of
    // REPS runs.
    const { page, close } = await freshPage(browser, server.url);
    await page.evaluate(() => __bench.startOurs());
    await page.evaluate(() => __bench.startFloor());
    const perPage = async (name, reps) => page.evaluate(async ([n, r, KINDS]) => {
      const html = await __bench.input(n);
      const res = {};
      for (const kind of KINDS) res[kind] = [];
      for (let k = 0; k < r; k++) {
        for (const kind of KINDS) res[kind].push(__bench.time(kind, html));
      }
      return res;
    }, [name, reps, KINDS]);
    const times = Object.fromEntries(KINDS.map((k) => [k, []]));
    const ratios = [];
    for (let i = 0; i < sample.length; i++) {
      const r = await perPage(`c${i}`, REPS);
      const m = {};
      for (const k of Object.keys(times)) {
        m[k] = median(r[k]);
        times[k].push(m[k]);
      }
      ratios.push(m.ours / m['rd+dp']);
    }
    if (sample.length > 0) {
      const names = { ours: 'cleanArticle', rd: 'Readability.js (DOMParser+parse)', 'rd+dp': 'Readability.js + DOMPurify', floor: 'floor (x/net/html parse + bluemonday)' };
      for (const k of Object.keys(times)) {
        row(`corpus ${sample.length} pages`, `${names[k]}: p50 / p95 / max ms`,
          `${fmtMs(quantile(times[k], 0.5))} / ${fmtMs(quantile(times[k], 0.95))} / ${fmtMs(Math.max(...times[k]))}`, '');
      }
      const r50 = quantile(times.ours, 0.5) / quantile(times['rd+dp'], 0.5);
      const r95 = quantile(times.ours, 0.95) / quantile(times['rd+dp'], 0.95);
      row(`corpus ${sample.length} pages`, 'cleanArticle / Rd+DP at p50 (target ≤ 0.5x)', fmtX(r50), r50 <= 0.5 ? 'met' : 'MISSED');
      row(`corpus ${sample.length} pages`, 'cleanArticle / Rd+DP at p95 (target ≤ 0.7x)', fmtX(r95), r95 <= 0.7 ? 'met' : 'MISSED');
      row(`corpus ${sample.length} pages`, 'per-page ratio cleanArticle / Rd+DP: median / p95', `${fmtX(median(ratios))} / ${fmtX(quantile(ratios, 0.95))}`, '');
      row(`corpus ${sample.length} pages`, 'floor / Rd+DP at p50 / p95',
        `${fmtX(quantile(times.floor, 0.5) / quantile(times['rd+dp'], 0.5))} / ${fmtX(quantile(times.floor, 0.95) / quantile(times['rd+dp'], 0.95))}`, '');
    } else {
      row('corpus', '../shared/corpus is absent', '–', '');
    }
    console.error('bench: corpus done');
    for (const [label] of sizes) {
      const reps = label.endsWith('MB') && label !== '1MB' ? 1 : REPS;
      const r = await perPage(`s${label}`, reps);
      const o = median(r.ours);
      const d = median(r['rd+dp']);
      row(`synthetic ${label}`, 'cleanArticle / Readability / Rd+DP / floor ms (ratio to Rd+DP)',
        `${fmtMs(o)} / ${fmtMs(median(r.rd))} / ${fmtMs(d)} / ${fmtMs(median(r.floor))}`, fmtX(o / d));
    }
    await close();
    console.error('bench: synthetic done');

    // Growth: ns per byte in a fresh page per size, so the wasm memory
    // reading for the largest page is its own peak.
    let nsAt100K = NaN;
    for (const [label, n] of growth) {
      const { page: gp, close: gclose } = await freshPage(browser, server.url);
      await gp.evaluate(() => __bench.startOurs());
      const r = await gp.evaluate(async ([name, reps]) => {
        const html = await __bench.input(name);
        // Warm-up calls first: the growth column is about the clean, not
        // about the first call's lazy set-up or code still waiting for
        // V8's optimising tier (which a handful of calls brings in).
        const warm = await __bench.input('s100KB');
        for (let k = 0; k < 4; k++) __bench.time('ours', warm);
        const before = __bench.memory();
        const t = [];
        for (let k = 0; k < reps; k++) t.push(__bench.time('ours', html));
        return { t, before, after: __bench.memory(), len: html.length };
      }, [`s${label}`, n > (1 << 20) ? 1 : REPS]);
      await gclose();
      const ns = (median(r.t) * 1e6) / n;
      if (label === '100KB') nsAt100K = ns;
      const last = label === growth[growth.length - 1][0];
      row(`growth ${label}`, `ns/byte${last ? ' (target ≤ 2x of 100 KB)' : ''}; wasm memory before → after`,
        `${ns.toFixed(0)} ns/B; ${(r.before / 1048576).toFixed(0)} → ${(r.after / 1048576).toFixed(0)} MiB (${(r.after / n).toFixed(1)}x input)`,
        last ? `${fmtX(ns / nsAt100K)} ${ns / nsAt100K <= 2 ? 'met' : 'MISSED'}; memory ${r.after / n <= 8 ? 'met' : 'MISSED'} (≤ 8x)` : '');
    }
    // The floor's memory on the largest page, in a fresh page of its own.
    {
      const [label, n] = growth[growth.length - 1];
      const { page: fp, close: fclose } = await freshPage(browser, server.url);
      await fp.evaluate(() => __bench.startFloor());
      const mem = await fp.evaluate(async (name) => {
        __bench.time('floor', await __bench.input(name));
        return __bench.floorMemory();
      }, `s${label}`);
      await fclose();
      row(`growth ${label}`, 'floor: wasm memory after one call', `${(mem / 1048576).toFixed(0)} MiB (${(mem / n).toFixed(1)}x input)`, '');
    }
  } finally {
    await browser.close();
    server.close();
    size.files.cleanup();
  }

  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['what', 'measure', 'value', 'ratio / target']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

await main();
