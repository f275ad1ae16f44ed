// Static checks of web/ and of the development server: the preview's CSP
// hash, the npm package's file list, the type definitions, and MIME types.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { webDir } from './lib.mjs';

const read = (name) => readFileSync(join(webDir, name), 'utf8');

describe('web/ files', () => {
  it('the preview style hash matches its text, in the page and the preview policies', async () => {
    const { PREVIEW_CSS, PREVIEW_CSS_SHA256 } = await import(new URL('../web/preview-style.js', import.meta.url).href);
    const want = `sha256-${createHash('sha256').update(PREVIEW_CSS, 'utf8').digest('base64')}`;
    assert.equal(PREVIEW_CSS_SHA256, want, 'update PREVIEW_CSS_SHA256 and index.html after editing PREVIEW_CSS');
    const csp = read('index.html').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(csp, 'index.html has no CSP meta');
    assert.ok(csp.includes(`'${want}'`), 'index.html CSP lacks the preview style hash');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  });

  it('the page makes no request off its own origin', () => {
    const html = read('index.html');
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    for (const ref of refs) assert.ok(!/^(https?:)?\/\//i.test(ref), `external reference ${ref}`);
    assert.match(html, /<iframe id="preview"[^>]*\ssandbox=""/);
  });

  it('the npm package lists files that exist and exports them', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.equal(pkg.name, 'articleclean');
    assert.equal(pkg.type, 'module');
    for (const f of pkg.files) {
      assert.ok(existsSync(join(webDir, f)), `web/${f} is listed in files but missing (run ./build.sh)`);
    }
    const targets = [];
    const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
    walk(pkg.exports);
    for (const t of targets) {
      assert.ok(pkg.files.includes(t.replace(/^\.\//, '')) || t === './package.json', `export ${t} not in files`);
    }
  });

  it('the type definitions name every option and result field', () => {
    const dts = read('articleclean.d.ts');
    const fields = ['title', 'byline', 'dir', 'lang', 'content', 'textContent', 'length', 'excerpt', 'siteName',
      'publishedTime', 'url', 'leadImage', 'removed', 'markdown?', 'removals?',
      'ads', 'trackers', 'attributes', 'params', 'elements', 'kind', 'rule', 'path'];
    const options = ['url?', 'extract?', 'keepClasses?', 'markdown?', 'explain?', 'maxBytes?', 'timeout?'];
    for (const f of [...fields, ...options]) {
      assert.match(dts, new RegExp(`\\n\\s+${f.replace('?', '\\?')}:`), `articleclean.d.ts lacks ${f}`);
    }
    for (const fn of ['load', 'cleanArticle', 'isReaderable', 'version', 'terminate']) {
      assert.match(dts, new RegExp(`export declare function ${fn}\\(`));
    }
  });
});

describe('development server', () => {
  let server;
  before(async () => { server = await serve(); });
  after(() => server.close());

  const get = (path) => new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });

  const types = [
    ['/', 'text/html'],
    ['/articleclean.js', 'text/javascript'],
    ['/style.css', 'text/css'],
    ['/articleclean.wasm', 'application/wasm'],
  ];
  for (const [path, type] of types) {
    it(`serves ${path} as ${type}`, async () => {
      const res = await get(path);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'].split(';')[0], type);
    });
  }

  it('answers 404 for a missing file and refuses paths out of web/', async () => {
    assert.equal((await get('/no-such-file.js')).statusCode, 404);
    for (const path of ['/../go.mod', '/%2e%2e/go.mod', '/..%2fgo.mod', '/..%5cgo.mod']) {
      const code = (await get(path)).statusCode;
      assert.ok(code === 403 || code === 404, `${path}: got ${code}`);
    }
  });
});
