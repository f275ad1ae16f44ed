// lib.mjs holds what the JavaScript tests share: where things are, the
// acceptance seed, and a Chromium started the way this project allows
// (Debian's binary, no downloads, no network beyond 127.0.0.1).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const webDir = fileURLToPath(new URL('../web/', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
export const moduleURL = new URL('../web/articleclean.js', import.meta.url);

// The seed lives in the shared folder beside the repository and is never
// committed; build.sh copies it to web/sample.txt (ignored by git) for the
// page, or the invented web/sample.html where the seed is absent.
const seedCandidates = [
  process.env.ARTICLECLEAN_SEED,
  fileURLToPath(new URL('../../shared/seed/000_264c4bb1c048f56c.txt', import.meta.url)),
].filter(Boolean);

export const seedPath = seedCandidates.find((p) => existsSync(p)) ?? null;

/** @returns {Buffer|null} the acceptance seed's bytes, or null when absent. */
export function seedBytes() {
  return seedPath ? readFileSync(seedPath) : null;
}

/** What the seed must give, from reading the file itself. */
export const SEED = {
  title: '【视频】G20外长峰会：北京和莫斯科拒绝签署联合声明',
  urlHas: 'rfi.fr',
  published: '2023-03-02',
  youtubeID: 'itaHeusNkWw',
  image: 'blinken-lavrov.jpg',
};

export const chromiumPath = process.env.ARTICLECLEAN_CHROMIUM ?? '/usr/bin/chromium';
export const requireBrowser = process.env.ARTICLECLEAN_REQUIRE_BROWSER === '1';

/**
 * Tells the browser tests whether to run: a string is the reason to skip.
 * With ARTICLECLEAN_REQUIRE_BROWSER=1 a missing browser fails instead.
 */
export function browserSkipReason() {
  if (existsSync(chromiumPath)) return false;
  if (requireBrowser) {
    throw new Error(`no Chromium at ${chromiumPath} and ARTICLECLEAN_REQUIRE_BROWSER=1`);
  }
  return `no Chromium at ${chromiumPath}: install it (apt-get install chromium) to run the browser tests`;
}

/** Starts headless Chromium; every request off 127.0.0.1 is refused. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  return browser;
}

/** A browser context whose requests may only reach 127.0.0.1. */
export async function localContext(browser, opts = {}) {
  const context = await browser.newContext(opts);
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  return context;
}

/**
 * Legacy-charset pages built from known byte sequences: each entry's bytes
 * spell `text` in that charset, and the page declares it with <meta>.
 */
export const CHARSET_CASES = [
  { charset: 'gbk', text: '中文', bytes: [0xd6, 0xd0, 0xce, 0xc4] },
  { charset: 'big5', text: '中文', bytes: [0xa4, 0xa4, 0xa4, 0xe5] },
  { charset: 'shift_jis', text: '日本語', bytes: [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea] },
  { charset: 'euc-kr', text: '한국어', bytes: [0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee] },
  { charset: 'windows-1251', text: 'Привет', bytes: [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2] },
  // 0x93/0x94 are curly quotes in windows-1252 but C1 controls in Latin-1,
  // so this also catches a decoder that treats the label as ISO-8859-1.
  { charset: 'windows-1252', text: 'café “ok”', bytes: [0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94] },
];

/** Builds the page for one CHARSET_CASES entry as bytes. */
export function charsetPage({ charset, bytes }) {
  const ascii = (s) => [...s].map((c) => c.charCodeAt(0));
  const para = [...ascii('<p>'), ...bytes, ...ascii(' - the same words again and again, enough to be an article. '), ...bytes, ...ascii('</p>')];
  const out = [
    ...ascii(`<!DOCTYPE html><html><head><meta charset="${charset}"><title>`), ...bytes,
    ...ascii('</title></head><body><article>'),
  ];
  for (let i = 0; i < 6; i++) out.push(...para);
  out.push(...ascii('</article></body></html>'));
  return Uint8Array.from(out);
}
