// Tests of the browser extension (web/extension/): its manifest and build
// without a browser, then the unpacked extension in headless Chromium
// reading an invented article page full of ads served on 127.0.0.1.
//
// How the extension is triggered. A click on the toolbar button grants
// activeTab, the permission that lets the service worker read the tab; a
// test cannot click browser UI (and keys sent by the DevTools protocol go to
// the page, not to the browser's shortcut for the button), so no synthetic
// input grants activeTab. The test therefore assembles the extension into a
// temporary folder exactly as `./build.sh extension` does and adds one thing
// to that copy's manifest: host_permissions for http://127.0.0.1/*, which
// gives the service worker the same access to the test page that activeTab
// gives it to the clicked tab. It then calls the very functions the click and
// the context-menu item are wired to (onActionClicked, onMenuClicked) in the
// service worker with the article's tab, so capture, hand-over and reader
// page are the shipped code. The shipped manifest itself is checked
// statically (exact permissions, no host permissions).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { serve } from './serve.mjs';
import { artifactsDir, browserSkipReason, chromiumPath, webDir } from './lib.mjs';
import {
  assemble, crc32, iconPNG, ICON_SIZES, writeZip, zipDir, EXTENSION_FILES, LIB_FILES,
} from '../web/extension/build.mjs';

const extSrc = join(webDir, 'extension');
const testdata = join(extSrc, 'testdata');
const manifest = JSON.parse(readFileSync(join(extSrc, 'manifest.json'), 'utf8'));
const wasmBuilt = LIB_FILES.every((f) => existsSync(join(webDir, f)));

// What the fixture's ads and furniture say; none of it may reach the reader.
const AD_TEXTS = [
  'MEGA FERRY SALE', 'Buy now and save 70%', 'Casino Royale Online',
  'Hot singles in Skerry Point', // added by the page's script after load
];
const CLUTTER_TEXTS = ['Trending now', 'All rights reserved', 'Who pays for the insurance'];
const TITLE = 'Lighthouse keepers return to Skerry Point';
const BODY_TEXT = 'the spiral stair takes only eight people at a time';

describe('extension files', () => {
  it('asks for the four permissions and nothing else', () => {
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts',
      'web_accessible_resources', 'externally_connectable']) {
      assert.equal(manifest[key], undefined, `manifest has ${key}`);
    }
  });

  it('allows WebAssembly on its own pages and nothing more', () => {
    assert.deepEqual(manifest.content_security_policy, {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
  });

  it('names files that exist: service worker, icons, and the pages they load', () => {
    assert.equal(manifest.background.service_worker, 'background.js');
    assert.deepEqual(manifest.background.scripts, ['background.js'], 'Firefox reads background.scripts');
    for (const f of EXTENSION_FILES) assert.ok(existsSync(join(extSrc, f)), `web/extension/${f}`);
    const icons = new Set([...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)]);
    for (const p of icons) {
      const m = /^icons\/icon-(\d+)\.png$/.exec(p);
      assert.ok(m && ICON_SIZES.includes(Number(m[1])), `icon ${p} is not one build.mjs draws`);
    }
    const html = readFileSync(join(extSrc, 'reader.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)/, 'inline script (the policy would refuse it)');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler');
    for (const [, ref] of html.matchAll(/\s(?:src|href)="([^"#][^"]*)"/g)) {
      assert.ok(!/^(https?:)?\/\//i.test(ref), `external reference ${ref}`);
      assert.ok(existsSync(join(extSrc, ref)) || ref.startsWith('icons/'), `reader.html loads missing ${ref}`);
    }
    assert.match(readFileSync(join(extSrc, 'reader.js'), 'utf8'), /from '\.\/lib\/articleclean\.js'/);
  });

  it('the page capture never loads WebAssembly into the page', () => {
    const bg = readFileSync(join(extSrc, 'background.js'), 'utf8');
    const capture = bg.slice(bg.indexOf('function capturePage'), bg.indexOf('\n}\n', bg.indexOf('function capturePage')));
    assert.match(capture, /outerHTML/);
    assert.match(capture, /location\.href/);
    const code = bg.replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /WebAssembly|\.wasm|files:\s*\[/, 'background.js must not instantiate or inject the cleaner');
  });

  it('draws each icon as a PNG of its size', () => {
    for (const size of ICON_SIZES) {
      const png = iconPNG(size);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.toString('latin1', 12, 16), 'IHDR');
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
      assert.equal(png.readUInt32BE(29), crc32(png.subarray(12, 29)), 'IHDR CRC');
    }
  });

  it('CRC-32 matches the standard check value', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });

  it('the Node zip writer gives an archive whose entries read back', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
      { name: 'lib/empty.txt', data: Buffer.alloc(0) },
      { name: 'icons/icon-16.png', data: iconPNG(16) },
      { name: 'big.txt', data: Buffer.from('lighthouse '.repeat(5000)) },
    ];
    const back = readZip(writeZip(entries));
    assert.deepEqual(back.map((e) => e.name), entries.map((e) => e.name));
    back.forEach((e, i) => assert.ok(e.data.equals(entries[i].data), `${e.name} differs`));
  });

  it('assembles the folder and the zip', { skip: !wasmBuilt && 'run ./build.sh first' }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'articleclean-ext-'));
    try {
      const files = assemble(join(tmp, 'extension'));
      const want = [...EXTENSION_FILES, ...LIB_FILES.map((f) => `lib/${f}`),
        ...ICON_SIZES.map((s) => `icons/icon-${s}.png`)].sort();
      assert.deepEqual(files, want);
      assert.ok(!files.some((f) => f.includes('testdata') || f.endsWith('build.mjs')), 'tooling shipped');
      zipDir(join(tmp, 'extension'), join(tmp, 'ext.zip'), { preferCommand: false });
      const names = readZip(readFileSync(join(tmp, 'ext.zip'))).map((e) => e.name).sort();
      assert.deepEqual(names, want);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

const skip = browserSkipReason() || (!wasmBuilt && 'web/articleclean.wasm is missing: run ./build.sh first');
if (skip) console.log(`# skipping extension browser tests: ${skip}`);

describe('extension in Chromium', { skip }, () => {
  let tmp;
  let server;
  let context;
  let sw;
  let extId;
  const problems = [];

  before(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'articleclean-ext-'));
    const extDir = join(tmp, 'extension');
    assemble(extDir);
    // Test only: host access to 127.0.0.1 instead of the activeTab grant a
    // real click gives (see the comment at the top).
    const m = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
    m.host_permissions = ['http://127.0.0.1/*'];
    writeFileSync(join(extDir, 'manifest.json'), JSON.stringify(m, null, 2));

    const site = join(tmp, 'site');
    mkdirSync(join(site, 'images'), { recursive: true });
    copyFileSync(join(testdata, 'article.html'), join(site, 'article.html'));
    copyFileSync(join(testdata, 'late-ad.js'), join(site, 'late-ad.js'));
    writeFileSync(join(site, 'site.css'), 'body{font-family:sans-serif}');
    writeFileSync(join(site, 'images', 'skerry.png'), iconPNG(128));
    writeFileSync(join(site, 'big.html'), bigPage(readFileSync(join(testdata, 'article.html'), 'utf8')));
    server = await serve({ root: site });

    const { chromium } = await import('playwright-core');
    // Extensions need a persistent profile and the new headless mode, which
    // Playwright would not pick for headless: true, so the flag is ours.
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: chromiumPath,
      headless: false,
      viewport: { width: 1000, height: 900 },
      acceptDownloads: true,
      args: [
        '--headless=new', '--no-sandbox', '--disable-gpu',
        '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      ],
    });
    [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 20000 });
    extId = new URL(sw.url()).host;
    assert.match(sw.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  // openArticle opens url in a tab and returns the page and its tab id, as
  // the service worker sees it.
  async function openArticle(path) {
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(() => document.documentElement.dataset.lateAd === 'added');
    const href = page.url();
    const tab = await sw.evaluate(async (u) => {
      const [t] = await chrome.tabs.query({ url: u });
      return t ? { id: t.id, index: t.index, windowId: t.windowId, url: t.url, title: t.title } : null;
    }, href);
    assert.ok(tab, `the service worker cannot see the tab of ${href}`);
    return { page, tab };
  }

  // trigger runs one of the service worker's listeners and returns the
  // reader page it opened, once the article (or an error) shows.
  async function trigger(listener, tab) {
    const opened = context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${extId}/reader.html`),
      timeout: 20000,
    });
    const expr = listener === 'menu'
      ? (t) => onMenuClicked({ menuItemId: 'articleclean-open-reader' }, t) // eslint-disable-line no-undef
      : (t) => onActionClicked(t); // eslint-disable-line no-undef
    const [reader] = await Promise.all([opened, sw.evaluate(expr, tab)]);
    watch(reader);
    await reader.waitForFunction(() => !document.getElementById('article').hidden ||
      !document.getElementById('error').hidden, null, { timeout: 60000 });
    return reader;
  }

  function watch(page) {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  }

  it('the toolbar button opens the article in reader view, without the ads', async () => {
    const { page, tab } = await openArticle('article.html');
    const reader = await trigger('action', tab);
    assert.equal(await reader.locator('#error').isHidden(), true, await reader.locator('#error').textContent());
    assert.equal(await reader.textContent('#title'), TITLE);
    assert.equal(await reader.textContent('#site'), 'The Harbour Gazette');
    assert.match(await reader.textContent('#meta'), /Morag Lindqvist/);
    assert.match(await reader.textContent('#meta'), /\b\d+ min read\b/);
    assert.equal(await reader.getAttribute('#meta time', 'datetime'), '2024-05-14T08:30:00Z');
    const text = (await reader.textContent('#content')).replace(/\s+/g, ' ');
    assert.ok(text.includes(BODY_TEXT), 'the article body is missing');
    for (const ad of [...AD_TEXTS, ...CLUTTER_TEXTS]) {
      assert.ok(!text.includes(ad), `"${ad}" reached the reader view`);
    }
    const whole = await reader.evaluate(() => document.body.innerText);
    for (const ad of AD_TEXTS) assert.ok(!whole.includes(ad), `"${ad}" is on the reader page`);
    // Relative links and images were resolved against the page's address,
    // and the image loaded from the test server.
    assert.equal(await reader.getAttribute('#content a[href$="/lighthouse/tours"]', 'href'),
      `${server.url}lighthouse/tours`);
    await reader.waitForFunction(() => document.querySelector('#content img')?.naturalWidth === 128);
    assert.match(await reader.title(), new RegExp(`^${TITLE}`));
    assert.match(await reader.textContent('#footer'), /removed [1-9]\d* ads/);
    // A small page is also kept in session storage, for a reader opened
    // after the service worker was stopped.
    const id = new URL(reader.url()).searchParams.get('id');
    const stored = await sw.evaluate(async (k) => (await chrome.storage.session.get(k))[k]?.url ?? null, `page:${id}`);
    assert.equal(stored, page.url());
    await reader.screenshot({ path: join(artifactsDir, 'extension.png') });
    await reader.close();
    await page.close();
  });

  it('the context-menu item does the same', async () => {
    const { page, tab } = await openArticle('article.html');
    const reader = await trigger('menu', tab);
    assert.equal(await reader.textContent('#title'), TITLE);
    await reader.close();
    await page.close();
  });

  it('copy and download buttons give HTML, Markdown and text; the theme toggles', async () => {
    const { page, tab } = await openArticle('article.html');
    const reader = await trigger('action', tab);
    const want = { html: /<h2>Tours from June<\/h2>/, markdown: /^## Tours from June$/m, text: /^Tours from June$/m };
    for (const [kind, re] of Object.entries(want)) {
      const [dl] = await Promise.all([reader.waitForEvent('download'), reader.click(`[data-download="${kind}"]`)]);
      const body = readFileSync(await dl.path(), 'utf8');
      assert.match(body, re, `download ${kind}`);
      assert.ok(!AD_TEXTS.some((ad) => body.includes(ad)), `download ${kind} holds an ad`);
      assert.match(dl.suggestedFilename(), /^Lighthouse-keepers-return-to-Skerry-Point\.(html|md|txt)$/);
    }
    // Reading the clipboard back needs a permission DevTools cannot grant to
    // an extension origin, so the page's clipboard records what it is given.
    await reader.evaluate(() => {
      window.copied = {};
      navigator.clipboard.writeText = async (t) => { window.copied.last = t; };
    });
    for (const [kind, re] of Object.entries(want)) {
      await reader.click(`[data-copy="${kind}"]`);
      await reader.waitForFunction((k) => document.querySelector(`[data-copy="${k}"]`).textContent === 'Copied', kind);
      const clip = await reader.evaluate(() => window.copied.last);
      assert.match(clip, re, `copy ${kind}`);
    }

    const bg = () => reader.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await reader.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await reader.click('#theme'); // auto → light
    assert.equal(await bg(), light);
    await reader.click('#theme'); // light → dark
    assert.equal(await reader.getAttribute('html', 'data-theme'), 'dark');
    assert.notEqual(await bg(), light);
    await reader.screenshot({ path: join(artifactsDir, 'extension-dark.png') });
    // The choice is remembered for the next reader tab.
    assert.equal(await sw.evaluate(async () => (await chrome.storage.local.get('theme')).theme), 'dark');
    await reader.click('#theme'); // dark → auto
    await reader.close();
    await page.close();
  });

  it('a page too big for session storage is handed over in memory', async () => {
    const { page, tab } = await openArticle('big.html');
    const size = await page.evaluate(() => document.documentElement.outerHTML.length);
    assert.ok(size > 7 * 1024 * 1024, `big.html is only ${size} characters`);
    const reader = await trigger('action', tab);
    assert.equal(await reader.locator('#error').isHidden(), true, await reader.locator('#error').textContent());
    assert.equal(await reader.textContent('#title'), TITLE);
    const text = await reader.textContent('#content');
    assert.ok(!AD_TEXTS.some((ad) => text.includes(ad)), 'an ad reached the reader view');
    const id = new URL(reader.url()).searchParams.get('id');
    assert.equal(await sw.evaluate(async (k) => Object.keys(await chrome.storage.session.get(k)).length, `page:${id}`), 0,
      'a page over the session share should not be stored there');
    await reader.close();
    await page.close();
  });

  it('reads the session copy when the service worker no longer has the page', async () => {
    const html = readFileSync(join(testdata, 'article.html'), 'utf8');
    await sw.evaluate((page) => chrome.storage.session.set({ 'page:stored-only': page }),
      { html, url: `${server.url}article.html`, title: 'stored', at: Date.now() });
    const reader = await context.newPage();
    watch(reader);
    await reader.goto(`chrome-extension://${extId}/reader.html?id=stored-only`);
    await reader.waitForSelector('#article:not([hidden])', { timeout: 30000 });
    assert.equal(await reader.textContent('#title'), TITLE);
    await reader.close();
  });

  it('a page the browser forbids opens a reader tab that says why', async () => {
    const page = await context.newPage();
    await page.goto('chrome://version');
    const tab = await sw.evaluate(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return { id: t.id, index: t.index, windowId: t.windowId };
    });
    const reader = await trigger('action', tab);
    assert.match(await reader.textContent('#error'), /does not let extensions read this page/);
    assert.equal(await reader.locator('#article').isHidden(), true);
    await reader.close();
    await page.close();
  });

  it('logged no errors in the reader pages', () => {
    assert.deepEqual(problems, []);
  });
});

// bigPage pads the article with the kind of markup that makes real pages
// big (repeated teaser cards and inline data), to well over the size the
// service worker keeps in session storage.
function bigPage(article) {
  const card = (i) => `<div class="related-card"><a href="/story/${i}">` +
    `<span class="teaser">Related story number ${i} about the harbour and the weather</span></a></div>\n`;
  const cards = [];
  for (let i = 0; i < 62000; i++) cards.push(card(i));
  return article.replace('<footer class="site-footer">',
    `<section class="related" aria-label="More stories">\n${cards.join('')}</section>\n<footer class="site-footer">`);
}

// readZip reads a ZIP archive's entries through its central directory, as
// a browser store would.
function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    out.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
