// Privacy in headless Chromium: cleaning never fetches anything (neither the
// page's thread nor the module's worker makes a request during a call), and
// showing the result leaks as little as a reader view can: only image
// requests, none to a tracking pixel, no Referer, no tracking parameters,
// and with images: 'drop' no request at all. Every request off 127.0.0.1 is
// aborted before it leaves the machine, but still counted.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';
import { browserSkipReason, launchBrowser } from './lib.mjs';

const skip = browserSkipReason();
if (skip) console.log(`# skipping privacy tests: ${skip}`);

// A page path no file answers to: the route below serves an empty document
// there, so nothing but the module runs in the page.
const BLANK = '__privacy_blank__.html';

const para = (n) => `<p>Paragraph ${n} of the harbour story: the ferry crews counted passengers, the weather held, and the town council argued about the timetable for another long evening of debate.</p>`;

// An invented article that points at external resources in every way a page
// can; each host ends in .invalid so nothing could resolve even unrouted.
const ARTICLE = `<!DOCTYPE html><html><head>
<base href="http://cdn.invalid/base/">
<meta http-equiv="refresh" content="0; url=http://tracker.invalid/refresh">
<title>The harbour ferry timetable</title>
<link rel="stylesheet" href="http://cdn.invalid/site.css">
<link rel="preload" href="http://cdn.invalid/font.woff2" as="font">
<link rel="prefetch" href="http://cdn.invalid/next.html">
<link rel="dns-prefetch" href="//tracker.invalid">
<link rel="icon" href="http://cdn.invalid/favicon.ico">
<script src="http://tracker.invalid/analytics.js"></script>
<style>body{background:url(http://cdn.invalid/bg-style.png)}@import url(http://cdn.invalid/imported.css);</style>
</head><body background="http://cdn.invalid/body-bg.png">
<header style="background-image:url(http://cdn.invalid/header-bg.png)">Harbour News</header>
<article>
<h1>The harbour ferry timetable</h1>
${para(1)}
<figure><img src="http://cdn.invalid/photos/ferry.jpg?utm_source=feed&amp;utm_medium=rss&amp;fbclid=abc&amp;w=800" srcset="http://cdn.invalid/photos/ferry-400.jpg?utm_campaign=x 400w, http://cdn.invalid/photos/ferry-800.jpg?fbclid=y 800w" alt="The ferry at dawn" width="800" height="500"><figcaption>The ferry at dawn.</figcaption></figure>
${para(2)}
<p style="background:url(http://cdn.invalid/para-bg.png)">A styled paragraph about the harbour master, who kept notes on every crossing for twenty years and shared them.</p>
<img src="http://tracker.invalid/pixel.gif?id=42" width="1" height="1" alt="">
<img src="http://tracker.invalid/beacon?ev=view" style="display:none">
<picture><source srcset="http://cdn.invalid/photos/map.webp?utm_source=x" type="image/webp"><img src="relative/map.png?gclid=z&amp;zoom=3" alt="Map of the crossing"></picture>
${para(3)}
<video poster="http://cdn.invalid/video/poster.jpg?utm_content=v" src="http://cdn.invalid/video/clip.mp4" controls></video>
<iframe src="http://tracker.invalid/embed" width="560" height="315"></iframe>
<object data="http://cdn.invalid/flash.swf"></object>
<embed src="http://cdn.invalid/embed.swf">
<audio src="http://cdn.invalid/audio.mp3" controls></audio>
<p><a href="http://cdn.invalid/more?utm_source=a" ping="http://tracker.invalid/ping" attributionsrc="http://tracker.invalid/attr">Read more</a> about <span style="background:url('http://cdn.invalid/span.png')">the port</span>.</p>
<svg width="10" height="10"><image href="http://cdn.invalid/svg-image.png"></image></svg>
<form action="http://tracker.invalid/form"><input type="image" src="http://cdn.invalid/input.png"></form>
<table background="http://cdn.invalid/table-bg.png"><tr><td>Departures</td><td>Every hour</td></tr></table>
${para(4)}
${para(5)}
</article>
<script>new Image().src = 'http://tracker.invalid/js-beacon';</script>
<noscript><img src="http://tracker.invalid/noscript.gif"></noscript>
</body></html>`;

// The tracking URLs of ARTICLE: no request may ever go to them.
const TRACKING = /tracker\.invalid|pixel|beacon/;
const TRACKING_PARAM = /^(utm_|fbclid$|gclid$)/i;

describe('privacy in Chromium', { skip }, () => {
  let server;
  let browser;
  let context;
  let page;
  // Every request seen, in order, whether routed on or aborted.
  const seen = [];
  const sockets = [];
  const offHost = [];

  // Requests and web sockets seen since `from`.
  const since = (from) => seen.slice(from.requests);
  const mark = () => ({ requests: seen.length, sockets: sockets.length });
  const describeReqs = (reqs) => reqs.map((r) => `${r.resourceType()} ${r.url()}`).join('\n');

  before(async () => {
    server = await serve();
    browser = await launchBrowser();
    // A tall viewport so every lazy image in the result is in view and loads.
    context = await browser.newContext({ viewport: { width: 1200, height: 6000 } });
    const known = new Set();
    const record = (req) => {
      if (known.has(req)) return;
      known.add(req);
      seen.push(req);
    };
    // The context's event covers every page and worker; the page's is
    // listened to as well in case a request is reported to one only.
    context.on('request', record);
    await context.route('**/*', (route) => {
      const req = route.request();
      const u = new URL(req.url());
      if (u.hostname === '127.0.0.1' && u.pathname === `/${BLANK}`) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><head><title>privacy</title></head><body><div id="live"></div></body></html>' });
      }
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') {
        return route.continue();
      }
      offHost.push(req.url());
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('request', record);
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(server.url + BLANK);
    await page.evaluate(async () => {
      const m = await import('./articleclean.js');
      await m.load();
      globalThis.__ac = m;
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the recorder sees the worker\'s own requests (so zero below means zero)', () => {
    const urls = seen.map((r) => r.url());
    assert.ok(urls.some((u) => u.endsWith('/articleclean.worker.js')), `worker script not seen:\n${urls.join('\n')}`);
    assert.ok(urls.some((u) => u.endsWith('/articleclean.wasm')), `wasm fetch (made inside the worker) not seen:\n${urls.join('\n')}`);
  });

  let kept;

  it('cleaning a page full of external references makes no request (string and bytes)', async (t) => {
    const from = mark();
    const r = await page.evaluate(async (html) => {
      const m = globalThis.__ac;
      const asString = await m.cleanArticle(html, { url: 'https://news.example.org/harbour' });
      const asBytes = await m.cleanArticle(new TextEncoder().encode(html));
      const readerable = await m.isReaderable(html);
      // Give anything the calls might have started time to show up.
      await new Promise((ok) => setTimeout(ok, 500));
      return { asString, asBytes, readerable };
    }, ARTICLE);
    const made = since(from);
    t.diagnostic(`requests during 3 calls: ${made.length}, web sockets: ${sockets.length - from.sockets}`);
    assert.equal(made.length, 0, `the cleaner made requests:\n${describeReqs(made)}`);
    assert.equal(sockets.length - from.sockets, 0, `web sockets: ${sockets.slice(from.sockets)}`);
    assert.equal(r.readerable, true);
    for (const res of [r.asString, r.asBytes]) {
      assert.match(res.textContent, /harbour story/);
      assert.match(res.content, /<img\b/, 'the article\'s images should be kept by default');
      // Attributes whose only job is tracking never survive.
      assert.doesNotMatch(res.content, /\sping=|attributionsrc/i);
      assert.doesNotMatch(res.content, TRACKING, 'a tracking URL survived in content');
    }
    kept = r.asString;
  });

  it('showing the content makes image requests only, without Referer or tracking parameters', async (t) => {
    assert.ok(kept, 'needs the previous test');
    const from = mark();
    const imgs = await page.evaluate(async (content) => {
      const live = document.getElementById('live');
      live.innerHTML = content;
      const all = [...live.querySelectorAll('img')];
      // An aborted image fires error; wait for every image to settle.
      await Promise.all(all.map((img) => (img.complete ? null : new Promise((ok) => {
        img.addEventListener('load', ok, { once: true });
        img.addEventListener('error', ok, { once: true });
      }))));
      await new Promise((ok) => setTimeout(ok, 500));
      return all.map((img) => ({ src: img.currentSrc || img.src, policy: img.referrerPolicy }));
    }, kept.content);
    const made = since(from);
    const types = {};
    for (const r of made) types[r.resourceType()] = (types[r.resourceType()] ?? 0) + 1;
    t.diagnostic(`showing content (${imgs.length} <img>): ${made.length} requests ${JSON.stringify(types)}, web sockets: ${sockets.length - from.sockets}`);

    assert.ok(imgs.length > 0);
    assert.ok(made.length > 0, 'no image request at all: the check below would prove nothing');
    const notImage = made.filter((r) => r.resourceType() !== 'image');
    assert.equal(notImage.length, 0, `requests other than images:\n${describeReqs(notImage)}`);
    assert.equal(sockets.length - from.sockets, 0);
    // Every image shown was requested, so the header checks cover them all.
    for (const { src } of imgs) {
      assert.ok(made.some((r) => r.url() === src), `no request seen for ${src}`);
    }
    for (const r of made) {
      const u = new URL(r.url());
      assert.doesNotMatch(r.url(), TRACKING, 'request to a tracking URL');
      const params = [...u.searchParams.keys()].filter((k) => TRACKING_PARAM.test(k));
      assert.deepEqual(params, [], `tracking parameters in ${r.url()}`);
      assert.equal(r.headers().referer, undefined, `Referer sent with ${r.url()}`);
    }
    for (const { src, policy } of imgs) assert.equal(policy, 'no-referrer', src);
  });

  it('control: an <img> without referrerpolicy does send a Referer (the check above can fail)', async () => {
    const from = mark();
    await page.evaluate(async () => {
      const img = new Image();
      const done = new Promise((ok) => { img.onload = ok; img.onerror = ok; });
      img.src = 'http://cdn.invalid/control.png';
      document.getElementById('live').append(img);
      await done;
    });
    const made = since(from);
    assert.equal(made.length, 1, describeReqs(made));
    assert.ok(made[0].headers().referer?.startsWith(server.url), `Referer: ${made[0].headers().referer}`);
  });

  it("with images: 'drop', showing the content makes no request at all", async (t) => {
    const from = mark();
    const r = await page.evaluate(async (html) => {
      const m = globalThis.__ac;
      const res = await m.cleanArticle(html, { url: 'https://news.example.org/harbour', images: 'drop' });
      const live = document.getElementById('live');
      live.innerHTML = '';
      live.innerHTML = res.content;
      await new Promise((ok) => setTimeout(ok, 1000));
      return { content: res.content, text: res.textContent };
    }, ARTICLE);
    const made = since(from);
    t.diagnostic(`images: 'drop': ${made.length} requests while cleaning and showing`);
    assert.match(r.text, /harbour story/);
    assert.doesNotMatch(r.content, /<img\b|<picture\b|<source\b|poster=/i);
    assert.equal(made.length, 0, `requests:\n${describeReqs(made)}`);
    assert.equal(sockets.length - from.sockets, 0);
  });

  it('nothing but 127.0.0.1 was ever let through', (t) => {
    const through = seen.filter((r) => {
      const u = new URL(r.url());
      return !['127.0.0.1'].includes(u.hostname) && u.protocol !== 'data:' && u.protocol !== 'blob:';
    });
    // Every off-host request went through the route and was aborted there.
    assert.equal(offHost.length, through.length, `${offHost.length} aborted, ${through.length} off-host seen`);
    t.diagnostic(`off-host requests aborted in all: ${offHost.length}`);
  });
});
