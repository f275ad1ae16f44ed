// build.mjs assembles the browser extension from web/extension/ and the
// module files in web/ (which `./build.sh` must have built: the wasm and
// wasm_exec.js are not committed), draws its icons, and zips it.
//
//   node web/extension/build.mjs [--out dist/extension] [--zip dist/articleclean-extension.zip]
//
// `./build.sh extension` runs it after building the wasm. The functions are
// exported for tests/extension.test.mjs, which assembles into a temporary
// folder.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';

const here = fileURLToPath(new URL('./', import.meta.url));
const webDir = fileURLToPath(new URL('../', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The extension's own files, copied as they are. */
export const EXTENSION_FILES = ['manifest.json', 'background.js', 'reader.html', 'reader.js', 'reader.css'];

/** The module files from web/, copied to lib/ (reader.js imports lib/articleclean.js). */
export const LIB_FILES = ['articleclean.js', 'articleclean.worker.js', 'runtime.js', 'outputs.js', 'wasm_exec.js', 'articleclean.wasm'];

/** Icon sizes the manifest names (toolbar at 1x and 2x, extensions page, store). */
export const ICON_SIZES = [16, 32, 48, 128];

/**
 * Copies the extension into out (emptied first) and draws the icons.
 *
 * @param {string} out
 * @returns {string[]} the files written, relative to out, with / separators
 */
export function assemble(out) {
  for (const f of LIB_FILES) {
    if (!existsSync(join(webDir, f))) {
      throw new Error(`web/${f} is missing: run ./build.sh first (it builds the wasm and copies wasm_exec.js)`);
    }
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'lib'), { recursive: true });
  mkdirSync(join(out, 'icons'), { recursive: true });
  for (const f of EXTENSION_FILES) copyFileSync(join(here, f), join(out, f));
  for (const f of LIB_FILES) copyFileSync(join(webDir, f), join(out, 'lib', f));
  for (const size of ICON_SIZES) writeFileSync(join(out, 'icons', `icon-${size}.png`), iconPNG(size));
  const files = listFiles(out);
  // go build leaves the wasm executable; nothing in an extension should be.
  for (const f of files) chmodSync(join(out, f), 0o644);
  return files;
}

/** Every file under dir, relative, sorted, with / separators. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Zips dir into zipPath with the `zip` command when there is one, else with
 * writeZip. Entries are relative to dir, as the browser stores expect
 * (manifest.json at the top).
 */
export function zipDir(dir, zipPath, { preferCommand = true } = {}) {
  rmSync(zipPath, { force: true });
  mkdirSync(dirname(zipPath), { recursive: true });
  if (preferCommand) {
    const r = spawnSync('zip', ['-q', '-X', '-r', resolve(zipPath), '.'], { cwd: dir, stdio: 'inherit' });
    if (!r.error && r.status === 0) return 'zip';
  }
  const entries = listFiles(dir).map((name) => ({ name, data: readFileSync(join(dir, name)) }));
  writeFileSync(zipPath, writeZip(entries));
  return 'node';
}

// ---- PNG ----------------------------------------------------------------

// The icon: a rounded square in the page's accent blue with a white title
// bar and three lines of text, drawn at 4×4 samples per pixel so the small
// sizes stay smooth. Coordinates are fractions of the icon's side.
const ICON_BG = [0x24, 0x56, 0xb8];
const ICON_FG = [0xff, 0xff, 0xff];
const ICON_SQUARE = { inset: 0.04, radius: 0.22 };
const ICON_BARS = [
  { x0: 0.2, x1: 0.8, y0: 0.2, y1: 0.33 }, // the title
  { x0: 0.2, x1: 0.8, y0: 0.44, y1: 0.52 },
  { x0: 0.2, x1: 0.8, y0: 0.6, y1: 0.68 },
  { x0: 0.2, x1: 0.62, y0: 0.76, y1: 0.84 },
];
const SAMPLES = 4;

/** Draws the icon at size×size as an RGBA PNG. */
export function iconPNG(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inSquare = 0;
      let inBar = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          inSquare++;
          if (ICON_BARS.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) inBar++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + px) * 4;
      const barShare = inSquare ? inBar / inSquare : 0;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round(ICON_BG[c] * (1 - barShare) + ICON_FG[c] * barShare);
      }
      rgba[i + 3] = Math.round((255 * inSquare) / n);
    }
  }
  return encodePNG(size, size, rgba);
}

function insideRoundedSquare(x, y) {
  const { inset, radius } = ICON_SQUARE;
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  return dx * dx + dy * dy <= radius * radius;
}

/** Encodes 8-bit RGBA pixels as a PNG (no filtering: icons are tiny). */
export function encodePNG(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

// ---- ZIP ----------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG and ZIP use it (ISO 3309, reflected, 0xEDB88320). */
export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// A fixed timestamp (1 January 2000, DOS format) so the same files always
// give the same zip.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * Writes a ZIP archive (deflate, no ZIP64: an extension is far below 4 GB).
 *
 * @param {{name: string, data: Buffer}[]} entries
 * @returns {Buffer}
 */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

// ---- command ------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const out = resolve(flag('--out', join(repoRoot, 'dist', 'extension')));
  const zipPath = resolve(flag('--zip', join(repoRoot, 'dist', 'articleclean-extension.zip')));
  try {
    const files = assemble(out);
    const how = zipDir(out, zipPath);
    console.log(`extension: ${files.length} files in ${relative(process.cwd(), out) || '.'}; ` +
      `${relative(process.cwd(), zipPath)} (${(statSync(zipPath).size / 1024).toFixed(0)} KB, by ${how === 'zip' ? 'zip' : 'the Node writer'})`);
    console.log('Load it unpacked: chrome://extensions → Developer mode → Load unpacked → choose that folder.');
  } catch (err) {
    console.error(`build.mjs: ${err.message}`);
    process.exit(1);
  }
}
