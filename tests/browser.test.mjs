// Headless-Chromium tests of the page and of the module in a real browser:
// no console errors under the page's CSP, the sample round trip, the
// contract fields, a large page not blocking the main thread, legacy
// charsets decoded by the browser's TextDecoder, and a narrow screen.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import {
  artifactsDir, browserSkipReason, launchBrowser, localContext, seedPath, SEED,
  CHARSET_CASES, charsetPage,
} from './lib.mjs';

const skip = browserSkipReason();
if (skip) console.log(`# skipping browser tests: ${skip}`);

describe('in Chromium', { skip }, () => {
  let server;
  let browser;
  let context;
  let page;
  const problems = [];

  before(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    server = await serve();
    browser = await launchBrowser();
    context = await localContext(browser, { viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      // Remote images in the preview are refused on purpose (tests stay on
      // 127.0.0.1); anything else logged as an error is a problem.
      if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|net::ERR_NAME_NOT_RESOLVED/.test(m.text())) {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('version').textContent !== '', null, { timeout: 20000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the page with no console errors', () => {
    assert.deepEqual(problems, []);
  });

  it('"Try the sample" then "Clean" shows the title and an image in the preview', async () => {
    await page.click('#sample');
    await page.waitForFunction(() => document.getElementById('html').value.length > 500);
    await page.click('#clean');
    await page.waitForSelector('#result:not([hidden])', { timeout: 20000 });
    await page.waitForFunction(() => !document.getElementById('clean').disabled);
    const title = await page.textContent('#result-title');
    if (seedPath) assert.equal(title, SEED.title);
    else assert.ok(title.length > 10, `title: ${title}`);
    const frame = page.frameLocator('#preview');
    await frame.locator('article').waitFor();
    assert.ok(await frame.locator('img').count() >= 1, 'no image in the preview');
    // The preview must not be able to run script, whatever the content.
    assert.equal(await page.getAttribute('#preview', 'sandbox'), '');
    const counts = await page.$$eval('#removed li', (lis) => lis.length);
    assert.equal(counts, 5);
    assert.ok(await page.$$eval('#explain-body tr', (trs) => trs.length) > 1, 'no explanation rows');
    // A viewport shot: full-page shots leave out-of-process (sandboxed) frames blank.
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'page-sample.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(problems, []);
  });

  it('Ctrl+Enter cleans and the tabs show HTML, Markdown and text', async () => {
    await page.check('#opt-markdown');
    await page.fill('#html', '<html><head><title>Keyboard</title></head><body><article><h2>Part</h2><p>A paragraph written to be cleaned with the keyboard shortcut alone.</p></article></body></html>');
    await page.focus('#html');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => /keyboard shortcut/.test(document.getElementById('out-text').textContent), null, { timeout: 10000 });
    await page.click('#tab-markdown');
    assert.match(await page.textContent('#out-markdown'), /keyboard shortcut/);
    await page.click('#tab-html');
    assert.match(await page.textContent('#out-html'), /<p>/);
    await page.click('#tab-text');
    assert.match(await page.textContent('#out-text'), /keyboard shortcut/);
    await page.click('#tab-preview');
    // Options are remembered across reloads.
    await page.reload();
    await page.waitForFunction(() => document.getElementById('version').textContent !== '');
    assert.equal(await page.isChecked('#opt-markdown'), true);
    await page.uncheck('#opt-markdown');
  });

  it('module cleanArticle in page JS returns every contract field', async () => {
    const r = await page.evaluate(async () => {
      const m = await import('./articleclean.js');
      const html = await (await fetch('sample.html')).text();
      const res = await m.cleanArticle(html, { markdown: true, explain: true, url: 'https://news.example.org/a/b' });
      return { res, version: await m.version(), readerable: await m.isReaderable(html) };
    });
    const { res } = r;
    assert.equal(typeof r.version, 'string');
    assert.equal(typeof r.readerable, 'boolean');
    for (const k of ['title', 'content', 'textContent', 'markdown']) assert.equal(typeof res[k], 'string', k);
    assert.equal(typeof res.length, 'number');
    for (const k of ['byline', 'dir', 'lang', 'excerpt', 'siteName', 'publishedTime', 'url', 'leadImage']) {
      assert.ok(k in res, `missing ${k}`);
      assert.ok(res[k] === null || typeof res[k] === 'string', `${k}: ${typeof res[k]}`);
    }
    for (const k of ['ads', 'trackers', 'attributes', 'params', 'elements']) assert.equal(typeof res.removed[k], 'number');
    assert.ok(Array.isArray(res.removals));
    assert.ok(res.content.length > 0);
    assert.doesNotMatch(res.content, /<script|onload=|onclick=/i);
  });

  it('errors keep their type across the worker boundary', async () => {
    const names = await page.evaluate(async () => {
      const m = await import('./articleclean.js');
      const name = (p) => p.then(() => 'resolved', (e) => e.constructor.name);
      return [await name(m.cleanArticle(42)), await name(m.cleanArticle(''))];
    });
    assert.deepEqual(names, ['TypeError', 'Error']);
  });

  // The point is the main thread, not the cleaner's speed (the Go benchmarks
  // and the eval command track that), so a call that hits its timeout
  // still counts: the timer must have kept firing all the while.
  it('a 20 MB page in the worker does not block the main thread', { timeout: 120000 }, async () => {
    const r = await page.evaluate(async () => {
      const m = await import('./articleclean.js');
      const para = '<div class="x"><p>Twenty megabytes of text, one paragraph after another, to keep the cleaner busy.</p></div>\n';
      const big = `<html><head><title>Big</title></head><body><article>${para.repeat(Math.ceil(20e6 / para.length))}</article></body></html>`;
      let ticks = 0;
      let maxGap = 0;
      let prev = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - prev);
        prev = now;
        ticks++;
      }, 20);
      const t0 = performance.now();
      let outcome;
      try {
        const res = await m.cleanArticle(big, { timeout: 30000 });
        outcome = `ok ${res.length}`;
      } catch (e) {
        outcome = `${e.constructor.name}: ${e.message}`;
      }
      clearInterval(timer);
      return { size: big.length, ms: performance.now() - t0, ticks, maxGap, outcome };
    });
    console.log(`# 20 MB page: ${JSON.stringify(r)}`);
    assert.ok(r.size >= 20e6);
    assert.match(r.outcome, /^ok |timed out/, r.outcome);
    // A blocked main thread would fire the timer once at the end.
    assert.ok(r.ticks >= Math.floor(r.ms / 20 / 4), `only ${r.ticks} ticks in ${Math.round(r.ms)} ms`);
    assert.ok(r.maxGap < 1000, `main thread stalled for ${Math.round(r.maxGap)} ms`);
  });

  it('a call that times out rejects and the next call works', async () => {
    const r = await page.evaluate(async () => {
      const m = await import('./articleclean.js');
      const big = '<p>words words words words</p>'.repeat(200000);
      let first;
      try {
        await m.cleanArticle(big, { timeout: 1 });
        first = 'resolved';
      } catch (e) {
        first = e.message;
      }
      const second = await m.cleanArticle('<title>After</title><p>After the timeout this still works fine.</p>');
      return { first, second: second.textContent };
    });
    assert.match(r.first, /timed out/);
    assert.match(r.second, /still works/);
  });

  for (const c of CHARSET_CASES) {
    it(`decodes ${c.charset} bytes`, async () => {
      const text = await page.evaluate(async (bytes) => {
        const m = await import('./articleclean.js');
        const res = await m.cleanArticle(Uint8Array.from(bytes));
        return res.textContent;
      }, [...charsetPage(c)]);
      assert.ok(text.includes(c.text), `${c.charset}: ${JSON.stringify(text.slice(0, 80))}`);
    });
  }

  it('fits a 375 px wide screen', async () => {
    const small = await context.newPage();
    await small.setViewportSize({ width: 375, height: 740 });
    await small.goto(server.url);
    await small.waitForFunction(() => document.getElementById('version').textContent !== '');
    await small.click('#sample');
    await small.waitForFunction(() => document.getElementById('html').value.length > 500);
    await small.click('#clean');
    await small.waitForSelector('#result:not([hidden])', { timeout: 20000 });
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    await small.screenshot({ path: join(artifactsDir, 'page-375.png'), fullPage: true });
    await small.close();
    assert.ok(width <= 375, `page is ${width} px wide`);
  });

  it('ends with no console errors', () => {
    assert.deepEqual(problems, []);
  });
});
