// Node.js tests of the public module web/articleclean.js, on the thread and
// in a worker_threads worker: the acceptance seed, bad input, timeouts and
// concurrency. No browser is needed.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seedBytes, SEED, moduleURL, CHARSET_CASES, charsetPage } from './lib.mjs';

const ac = await import(moduleURL.href);

const seed = seedBytes();
const noSeed = seed ? false : 'the acceptance seed (../shared/seed) is not present';

// Each check on the seed is its own test so a report names what is missing.
// A third element ({ todo: '…' }) marks a check that waits for a pipeline
// stage still being written.
const seedChecks = [
  ['title', (r) => assert.equal(r.title, SEED.title)],
  ['url names the site', (r) => assert.ok(r.url?.includes(SEED.urlHas), `url: ${r.url}`)],
  ['publishedTime', (r) => assert.ok(r.publishedTime?.startsWith(SEED.published), `publishedTime: ${r.publishedTime}`)],
  ['keeps the image', (r) => {
    assert.match(r.content, /<img\b/);
    assert.ok(r.content.includes(SEED.image), 'image file name missing');
  }],
  ['keeps the caption', (r) => assert.match(r.content, /<figcaption\b/)],
  ['links the YouTube video', (r) => assert.match(
    r.content, new RegExp(`<a\\b[^>]*href="https://(www\\.)?(youtube\\.com/(watch\\?v=|embed/)|youtu\\.be/)${SEED.youtubeID}`),
  )],
  ['drops the ad label 广告', (r) => assert.ok(!r.content.includes('广告'), 'ad label kept')],
  ['drops 举报广告', (r) => assert.ok(!r.content.includes('举报广告'))],
  ['drops the read-more button text', (r) => assert.ok(!r.content.includes('继续浏览后续'))],
  ['no <svg>', (r) => assert.ok(!/<svg\b/i.test(r.content))],
  ['no <button>', (r) => assert.ok(!/<button\b/i.test(r.content))],
  ['no data- attributes', (r) => assert.ok(!/\sdata-/i.test(r.content))],
  ['no style=', (r) => assert.ok(!/style=/i.test(r.content))],
  ['no base64 placeholders', (r) => assert.ok(!r.content.includes('base64'))],
  ['textContent and length agree', (r) => {
    assert.equal(typeof r.textContent, 'string');
    assert.equal(r.length, r.textContent.length);
  }],
];

function checkSeed(getResult) {
  for (const [name, fn, opts] of seedChecks) {
    it(name, { skip: noSeed, ...opts }, () => fn(getResult()));
  }
}

const isPlainError = (e) => e instanceof Error && !(e instanceof TypeError);

async function stillWorks() {
  const r = await ac.cleanArticle('<html><head><title>Still here</title></head><body><article><p>The runtime survived the previous call and cleans this paragraph.</p></article></body></html>');
  assert.equal(typeof r.content, 'string');
  assert.match(r.textContent, /runtime survived/);
}

// eitherway accepts a clean rejection or a well-formed result: for input
// that is garbage, both are correct, but a hang or a dead runtime is not.
async function eitherway(p) {
  try {
    const r = await p;
    assert.equal(typeof r, 'object');
    assert.equal(typeof r.content, 'string');
  } catch (err) {
    assert.ok(err instanceof Error, `rejected with a non-Error: ${err}`);
    assert.doesNotMatch(err.message, /timed out/, 'the call hit the timeout');
  }
}

for (const worker of [false, true]) {
  describe(`articleclean.js (${worker ? 'worker' : 'same thread'})`, () => {
    before(async () => {
      const { version } = await ac.load({ worker });
      assert.equal(typeof version, 'string');
      assert.ok(version.length > 0);
    });
    after(() => ac.terminate());

    describe('seed as bytes', () => {
      let r;
      before(async () => { if (seed) r = await ac.cleanArticle(new Uint8Array(seed)); });
      checkSeed(() => r);
    });

    describe('seed as a string', () => {
      let r;
      before(async () => { if (seed) r = await ac.cleanArticle(seed.toString('utf8')); });
      checkSeed(() => r);
    });

    it('returns every contract field with its type', { skip: noSeed }, async () => {
      const r = await ac.cleanArticle(seed, { markdown: true, explain: true });
      for (const k of ['title', 'content', 'textContent']) assert.equal(typeof r[k], 'string', k);
      assert.equal(typeof r.length, 'number');
      for (const k of ['byline', 'dir', 'lang', 'excerpt', 'siteName', 'publishedTime', 'url', 'leadImage']) {
        assert.ok(k in r, `missing ${k}`);
        assert.ok(r[k] === null || typeof r[k] === 'string', `${k} is ${typeof r[k]}`);
      }
      for (const k of ['ads', 'trackers', 'attributes', 'params', 'elements']) {
        assert.equal(typeof r.removed[k], 'number', `removed.${k}`);
      }
      assert.equal(typeof r.markdown, 'string');
      assert.ok(Array.isArray(r.removals));
      for (const rm of r.removals) {
        assert.equal(typeof rm.kind, 'string');
        assert.equal(typeof rm.rule, 'string');
        assert.equal(typeof rm.path, 'string');
      }
      const plain = await ac.cleanArticle(seed);
      assert.ok(!('markdown' in plain), 'markdown without options.markdown');
      assert.ok(!('removals' in plain), 'removals without options.explain');
    });

    it("images: 'drop' removes every image and its address", async () => {
      const page = '<article><h1>Pictures</h1><p>A long enough paragraph about the bridge, its piers and the river below it, written for this test.</p>'
        + '<figure><img src="https://images.example.org/bridge.jpg" alt="The bridge"><figcaption>The bridge at dusk</figcaption></figure>'
        + '<p>Another paragraph, so that the article has some body to it and the figure sits inside the text.</p></article>';
      const kept = await ac.cleanArticle(page, { url: 'https://example.org/a' });
      assert.match(kept.content, /<img\b/);
      const dropped = await ac.cleanArticle(page, { url: 'https://example.org/a', images: 'drop' });
      assert.ok(!/<img\b/.test(dropped.content), dropped.content);
      assert.ok(!dropped.content.includes('images.example.org'));
      assert.ok(dropped.content.includes('The bridge at dusk'));
      await assert.rejects(ac.cleanArticle(page, { images: 'none' }), TypeError);
    });

    it('isReaderable answers a boolean', async () => {
      assert.equal(typeof await ac.isReaderable('<p>hi</p>'), 'boolean');
      if (seed) assert.equal(typeof await ac.isReaderable(seed), 'boolean');
    });

    it('rejects empty input with an Error', async () => {
      await assert.rejects(ac.cleanArticle(''), isPlainError);
      await stillWorks();
    });

    it('rejects a number with a TypeError', async () => {
      await assert.rejects(ac.cleanArticle(42), TypeError);
      await assert.rejects(ac.cleanArticle(null), TypeError);
      await assert.rejects(ac.cleanArticle({}), TypeError);
      await stillWorks();
    });

    it('rejects bad options with the right error type', async () => {
      await assert.rejects(ac.cleanArticle('<p>x</p>', { extract: 'yes' }), TypeError);
      await assert.rejects(ac.cleanArticle('<p>x</p>', 'options'), TypeError);
      await assert.rejects(ac.cleanArticle('<p>x</p>', { timeout: -1 }), TypeError);
      await assert.rejects(ac.cleanArticle('<p>x</p>', { url: 'javascript:alert(1)' }), isPlainError);
      await stillWorks();
    });

    it('survives 0xFF bytes', async () => {
      await eitherway(ac.cleanArticle(new Uint8Array(64 * 1024).fill(0xff)));
      await stillWorks();
    });

    it('survives unterminated tag soup', async () => {
      const soup = '<html><body><div><p>Soup <a href="/x?a=1&b=2><img src=<table><tr><td>' +
        '<script>var x = "</div>'.repeat(50) + '<<<>>><!-- <p class=">never closed';
      await eitherway(ac.cleanArticle(soup));
      await eitherway(ac.cleanArticle(soup, { extract: false }));
      await stillWorks();
    });

    it('survives 10 MB of nested <div> within the timeout', { timeout: 60000 }, async () => {
      const deep = '<div>'.repeat(2 * 1024 * 1024); // 5 bytes each: 10 MiB
      const t0 = Date.now();
      await eitherway(ac.cleanArticle(deep, { timeout: 30000 }));
      assert.ok(Date.now() - t0 < 30000, `took ${Date.now() - t0} ms`);
      await stillWorks();
    });

    it('resolves ten concurrent calls, each with its own result', async () => {
      const calls = Array.from({ length: 10 }, (_, i) => ac.cleanArticle(
        `<html><body><article><p>Concurrent paragraph number ${i} has enough words to be kept as the article body.</p></article></body></html>`,
      ));
      const results = await Promise.all(calls);
      results.forEach((r, i) => assert.match(r.textContent, new RegExp(`number ${i} `)));
    });
  });
}

describe('worker-only behaviour', () => {
  before(() => ac.load({ worker: true }));
  after(() => ac.terminate());

  it('a 1 ms timeout rejects with a timeout error and the next call works', async () => {
    const big = '<html><body>' + '<div><p>Some words in a paragraph that goes on.</p>'.repeat(100000) + '</body></html>';
    await assert.rejects(ac.cleanArticle(big, { timeout: 1 }), (err) => {
      assert.ok(isPlainError(err));
      assert.match(err.message, /timed out/);
      return true;
    });
    await stillWorks();
  });

  it('transfers an ArrayBuffer and copies a view', async () => {
    const bytes = new TextEncoder().encode('<p>Transfer me to the worker, please, with these words.</p>');
    const view = new Uint8Array(bytes.buffer.slice(0));
    const r1 = await ac.cleanArticle(view);
    assert.equal(view.byteLength, bytes.byteLength, 'a view must stay usable');
    const ab = bytes.buffer.slice(0);
    const r2 = await ac.cleanArticle(ab);
    assert.equal(ab.byteLength, 0, 'an ArrayBuffer is transferred, not copied');
    assert.equal(r1.content, r2.content);
  });

  it('rejects uncloneable input with a TypeError', async () => {
    await assert.rejects(ac.cleanArticle(() => '<p>x</p>'), TypeError);
    await stillWorks();
  });

  it('terminate rejects pending calls and a later call starts again', async () => {
    const pending = assert.rejects(ac.cleanArticle('<p>pending</p>'), /terminated/);
    await ac.terminate();
    await pending;
    await stillWorks();
  });
});

describe('legacy charsets in Node.js', () => {
  before(() => ac.load({ worker: false }));
  after(() => ac.terminate());
  // Node's own TextDecoder (v20–v23) decodes windows-1252 as Latin-1, and the
  // WebAssembly build decodes with the host's TextDecoder.
  const nodeBug = {
    'windows-1252': 'Node TextDecoder maps windows-1252 0x80–0x9F like Latin-1; waits for a built-in windows-1252 table in internal/source',
  };
  for (const c of CHARSET_CASES) {
    const broken = nodeBug[c.charset] && new TextDecoder(c.charset).decode(Uint8Array.from(c.bytes)) !== c.text;
    it(`decodes ${c.charset}`, { todo: broken ? nodeBug[c.charset] : undefined }, async () => {
      const r = await ac.cleanArticle(charsetPage(c));
      assert.ok(r.textContent.includes(c.text), `${c.charset}: ${JSON.stringify(r.textContent.slice(0, 80))}`);
    });
  }
});
