// The browser XSS test: every shared attack payload (../shared/xss, see its
// README), alone and inside a normal article page, is cleaned with
// cleanArticle in headless Chromium and the result is inserted with
// innerHTML into a live document. The test fails if any marker ran (alert,
// confirm, prompt, print, window.open, the __xss hook, a dialog from any
// frame), if a navigation or popup was attempted, or if the output breaks
// the static rules: allowlisted elements and attributes only, safe URLs as
// the browser itself resolves them, and a stable innerHTML round trip (no
// mutation XSS).
//
// Zero executed is the only passing figure. With ARTICLECLEAN_REQUIRE_BROWSER=1
// a missing Chromium fails the run instead of skipping it.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { browserSkipReason, launchBrowser, localContext } from './lib.mjs';

const payloadDir = process.env.ARTICLECLEAN_XSS_DIR
  ?? fileURLToPath(new URL('../../shared/xss/', import.meta.url));
const harnessHTML = readFileSync(new URL('./xss/page.html', import.meta.url), 'utf8');
const wrapperHTML = readFileSync(new URL('../internal/sanitize/testdata/article_wrapper.html', import.meta.url), 'utf8');

// BATCH payload outputs are inserted together, then the page is given
// SETTLE ms (after images have loaded or failed) for timers and events.
const BATCH = 50;
const SETTLE = 300;

// The option sets each payload is cleaned with: both forms, extraction on
// and off, classes kept or not.
const VARIANTS = [
  { form: 'whole', opts: { extract: true, keepClasses: false } },
  { form: 'whole', opts: { extract: false, keepClasses: true } },
  { form: 'wrapped', opts: { extract: true, keepClasses: true } },
  { form: 'wrapped', opts: { extract: false, keepClasses: false } },
];
const PAGE_URL = 'https://news.example/2024/bridge.html';

function loadPayloads() {
  if (!existsSync(payloadDir)) return null;
  const sets = {};
  for (const f of readdirSync(payloadDir).filter((n) => n.endsWith('.json')).sort()) {
    sets[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(payloadDir, f), 'utf8'));
  }
  return sets;
}

let skip = browserSkipReason();
const sets = loadPayloads();
if (!skip && !sets) skip = `no payloads at ${payloadDir}`;
if (skip) console.log(`# skipping the XSS browser test: ${skip}`);

// inPage runs in the browser: it cleans each item, checks the output
// statically, and inserts it into the live document.
function inPage({ items, pageURL }) {
  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  const MATH_NS = 'http://www.w3.org/1998/Math/MathML';
  const ALLOWED = new Set([
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'section', 'span', 'a',
    'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
    'abbr', 'dfn', 'cite', 'q', 'time', 'var', 'kbd', 'samp', 'code', 'pre', 'bdi', 'bdo', 'wbr',
    'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'img',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'col', 'colgroup',
    'details', 'summary', 'ruby', 'rt', 'rp',
    // MathML presentation elements
    'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace',
    'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover',
    'mtable', 'mtr', 'mtd', 'menclose', 'mpadded', 'mphantom', 'mfenced', 'mstyle',
  ]);
  const ATTRS = {
    '*': ['lang', 'dir', 'title', 'id', 'class'],
    a: ['href', 'rel'],
    img: ['src', 'alt', 'srcset', 'width', 'height', 'loading', 'referrerpolicy'],
    blockquote: ['cite'], q: ['cite'], del: ['cite', 'datetime'], ins: ['cite', 'datetime'],
    time: ['datetime'], ol: ['start', 'reversed', 'type'], li: ['value'],
    td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'], col: ['span'], colgroup: ['span'],
    details: ['open'], math: ['display'], annotation: ['encoding'],
  };
  const MATH_ATTRS = ['mathvariant', 'stretchy', 'fence', 'separator', 'accent', 'columnalign', 'notation'];
  const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
  // What differs between Go's serialiser and the browser's without
  // changing the tree: void-element slashes, which quotes are escaped and
  // how, and no-break spaces.
  const norm = (s) => s.replace(/\/>/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0');

  const inert = document.implementation.createHTMLDocument('');
  const check = (content, keepClasses) => {
    const problems = [];
    // A document made by createHTMLDocument is inert: nothing in it loads
    // or runs, yet a div's innerHTML parses exactly as in the live page.
    const probe = inert.createElement('div');
    probe.innerHTML = content;
    const once = probe.innerHTML;
    const again = inert.createElement('div');
    again.innerHTML = once;
    if (again.innerHTML !== once) problems.push(`browser round trip unstable: ${once} -> ${again.innerHTML}`);
    // The mXSS check proper: what the browser serialises is what we sent.
    if (norm(once) !== norm(content)) problems.push(`innerHTML changes the markup:\n    out   ${content}\n    again ${once}`);
    for (const el of probe.querySelectorAll('*')) {
      const name = el.localName;
      if ((el.namespaceURI !== HTML_NS && el.namespaceURI !== MATH_NS) || !ALLOWED.has(name)) {
        problems.push(`element ${el.namespaceURI} ${name}`);
      }
      for (const attr of el.attributes) {
        const allowed = ATTRS['*'].includes(attr.name) || (ATTRS[name] ?? []).includes(attr.name) ||
          (el.namespaceURI === MATH_NS && MATH_ATTRS.includes(attr.name));
        if (!allowed || attr.namespaceURI !== null || (attr.name === 'class' && !keepClasses && !['code', 'pre'].includes(name))) {
          problems.push(`attribute ${attr.name} on ${name}`);
        }
        if (attr.name === 'id' && !attr.value.startsWith('ac-')) problems.push(`id ${attr.value}`);
        const squeezed = attr.value.toLowerCase().replace(/[\u0000-\u0020\u007f]/g, '');
        if (/(javascript|vbscript|data|livescript):/.test(squeezed)) problems.push(`scheme in ${attr.name}=${attr.value}`);
      }
      const urls = [];
      if (el.hasAttribute('href')) urls.push(['href', el.getAttribute('href')]);
      if (el.hasAttribute('src')) urls.push(['src', el.getAttribute('src')]);
      if (el.hasAttribute('cite')) urls.push(['cite', el.getAttribute('cite')]);
      if (el.hasAttribute('srcset')) {
        for (const c of el.getAttribute('srcset').split(',')) urls.push(['srcset', c.trim().split(/\s+/)[0]]);
      }
      for (const [attr, value] of urls) {
        let u;
        try {
          u = new URL(value, pageURL); // resolved as the browser does
        } catch {
          // A URL the browser cannot parse (say, a host with "<" in it)
          // is a dead link, harmless, but only if it claims http(s).
          if (!/^https?:\/\//i.test(value)) problems.push(`unparseable ${attr}=${value}`);
          continue;
        }
        if (!SAFE_PROTOCOLS.has(u.protocol)) problems.push(`unsafe ${attr}=${value} (${u.protocol})`);
        if (attr === 'srcset' && !/^https?:\/\//i.test(value)) problems.push(`srcset candidate not absolute: ${value}`);
      }
    }
    return problems;
  };

  const live = document.getElementById('live');
  const results = [];
  for (const it of items) {
    let res;
    try {
      res = globalThis.cleanArticle(it.input, it.opts);
    } catch (e) {
      results.push({ key: it.key, error: `${e?.name}: ${e?.message}` });
      continue;
    }
    const problems = check(res.content, it.opts.keepClasses);
    const holder = document.createElement('div');
    holder.dataset.key = it.key;
    holder.innerHTML = res.content; // the way our users insert it
    live.appendChild(holder);
    results.push({ key: it.key, problems });
  }
  return results;
}

// settle waits for the inserted images to load or fail, then for timers.
async function settle(page) {
  await page.evaluate(async (ms) => {
    const imgs = [...document.querySelectorAll('#live img')].filter((i) => !i.complete);
    const loaded = Promise.all(imgs.map((i) => new Promise((ok) => {
      i.addEventListener('load', ok, { once: true });
      i.addEventListener('error', ok, { once: true });
    })));
    await Promise.race([loaded, new Promise((ok) => setTimeout(ok, 2000))]);
    await new Promise((ok) => setTimeout(ok, ms));
  }, SETTLE);
}

describe('XSS payloads in a live page in Chromium', { skip }, () => {
  let server;
  let browser;
  let context;

  before(async () => {
    server = await serve();
    browser = await launchBrowser();
    context = await localContext(browser);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // openHarness opens the harness page and watches for what a payload
  // could do besides calling a marker.
  async function openHarness() {
    const page = await context.newPage();
    const events = [];
    let loaded = false;
    // Routes on the page win over the context's 127.0.0.1-only rule.
    await page.route(`${server.url}__xss__/**`, (route) => route.fulfill({
      status: 200, contentType: 'text/html; charset=utf-8', body: harnessHTML,
    }));
    page.on('dialog', (d) => {
      events.push({ kind: `dialog:${d.type()}`, args: [d.message()] });
      d.dismiss().catch(() => {});
    });
    page.on('popup', (p) => {
      events.push({ kind: 'popup', args: [p.url()] });
      p.close().catch(() => {});
    });
    page.on('framenavigated', (f) => {
      if (loaded && f === page.mainFrame()) events.push({ kind: 'navigation', args: [f.url()] });
    });
    page.on('pageerror', (e) => events.push({ kind: 'pageerror', args: [e.message] }));
    await page.goto(`${server.url}__xss__/page.html`);
    const ready = await page.evaluate(() => window.__ready);
    assert.equal(ready, 'ok', 'the wasm did not start in the harness page');
    loaded = true;
    const drain = async () => {
      const hits = await page.evaluate(() => {
        const h = window.__hits.splice(0);
        if (document.title !== window.__title) h.push({ kind: 'title changed', args: [document.title] });
        const stray = [...document.body.children].filter((c) => c.id !== 'live');
        if (stray.length) h.push({ kind: 'document changed', args: stray.map((c) => c.outerHTML.slice(0, 100)) });
        return h;
      }).catch((e) => [{ kind: 'harness lost', args: [String(e)] }]);
      return [...hits, ...events.splice(0)];
    };
    const clear = () => page.evaluate(() => document.getElementById('live').replaceChildren());
    return { page, drain, clear };
  }

  it('detects a payload that runs or navigates when it is not cleaned (the harness can fail)', async () => {
    const { page, drain } = await openHarness();
    await page.evaluate(() => {
      const live = document.getElementById('live');
      live.innerHTML = '<img src="x" onerror="alert(1)"><img src="y" onerror="__xss()">' +
        '<svg><animate onbegin="confirm(1)" attributeName="x" dur="1s"/></svg>';
    });
    await settle(page);
    let hits = await drain();
    const kinds = new Set(hits.map((h) => h.kind));
    for (const k of ['alert', '__xss', 'confirm']) assert.ok(kinds.has(k), `marker ${k} not seen: ${JSON.stringify(hits)}`);
    // The static checks flag what a broken sanitizer would let through:
    // cleanArticle is swapped for one that returns its input.
    await page.evaluate(() => { globalThis.cleanArticle = (input) => ({ content: input }); });
    const bad = [
      ['unclosed', '<p>a<p>b'],
      ['scheme', '<a href="java&#x09;script:__xss()">x</a>'],
      ['handler', '<img src="x" onerror="__xss()">'],
      ['mxss', '<svg></p><style><a id="</style><img src=1 onerror=__xss()>">'],
      ['clobber', '<form name="cookie"></form><img name="getElementById">'],
      ['srcset', '<img srcset="javascript:__xss() 1x">'],
    ];
    const results = await page.evaluate(inPage, {
      items: bad.map(([key, input]) => ({ key, input, opts: { keepClasses: false } })), pageURL: PAGE_URL,
    });
    for (const r of results) assert.ok(r.problems?.length > 0, `static check missed ${r.key}`);
    await settle(page);
    hits = await drain();
    assert.ok(hits.some((h) => h.kind === '__xss'), `unsafe insertion not detected: ${JSON.stringify(hits)}`);
    await page.evaluate(() => { location.href = '/elsewhere'; });
    await page.waitForTimeout(SETTLE);
    hits = await drain();
    assert.ok(hits.some((h) => h.kind === 'navigation' || h.kind === 'beforeunload'), `navigation not seen: ${JSON.stringify(hits)}`);
    await page.close();
  });

  it('no payload executes, navigates or breaks the static rules', async () => {
    const { page, drain, clear } = await openHarness();
    const items = [];
    for (const [set, payloads] of Object.entries(sets)) {
      for (const p of payloads) {
        for (const [i, v] of VARIANTS.entries()) {
          const input = v.form === 'whole' ? p.payload : wrapperHTML.replace('{{PAYLOAD}}', () => p.payload);
          items.push({ key: `${p.id}#${i}`, set, id: p.id, form: v.form, input, opts: { ...v.opts, url: PAGE_URL } });
        }
      }
    }
    const byKey = new Map(items.map((it) => [it.key, it]));
    const failures = [];
    const executed = new Set();

    const runBatch = async (batch) => {
      const results = await page.evaluate(inPage, {
        items: batch.map(({ key, input, opts }) => ({ key, input, opts })), pageURL: PAGE_URL,
      });
      await settle(page);
      const hits = await drain();
      await clear();
      return { results, hits };
    };

    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      const { results, hits } = await runBatch(batch);
      for (const r of results) {
        const it = byKey.get(r.key);
        if (r.error) {
          if (!(it.form === 'whole' && /empty/.test(r.error))) failures.push(`${r.key} (${it.form} ${JSON.stringify(it.opts)}): ${r.error}`);
        } else if (r.problems.length) {
          failures.push(`${r.key} (${it.form} ${JSON.stringify(it.opts)}):\n  ${r.problems.join('\n  ')}`);
        }
      }
      if (hits.length) {
        // Find the culprits one by one so the report names them.
        for (const it of batch) {
          const alone = await runBatch([it]);
          if (alone.hits.length) {
            executed.add(it.id);
            failures.push(`EXECUTED ${it.key} (${it.form} ${JSON.stringify(it.opts)}): ${JSON.stringify(alone.hits)}\n  payload ${JSON.stringify(it.input).slice(0, 300)}`);
          }
        }
        if (![...batch].some((it) => executed.has(it.id))) {
          failures.push(`batch at ${i}: markers ran but no single payload reproduces them: ${JSON.stringify(hits)}`);
        }
      }
    }

    let total = 0;
    for (const [set, payloads] of Object.entries(sets)) {
      const ex = payloads.filter((p) => executed.has(p.id)).length;
      total += payloads.length;
      console.log(`# ${set}: ${payloads.length} payloads, ${ex} executed`);
    }
    console.log(`# ${total} payloads (${items.length} cleanings), ${executed.size} executed, ${failures.length} failures`);
    await page.close();
    assert.equal(executed.size, 0, failures.join('\n'));
    assert.deepEqual(failures, []);
  });
});
