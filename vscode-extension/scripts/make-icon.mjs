// Draws images/icon.png (128×128): two opposed arrows (an interconnect, traffic both ways) on a
// rounded dark-blue square. Plain zlib + the PNG chunk format, so no image tool is needed.
// Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const N = 128;
const px = new Uint8Array(N * N * 4);
function set(x, y, [r, g, b, a]) { const i = (y * N + x) * 4; px.set([r, g, b, a], i); }
const BG = [30, 58, 95, 255], TOP = [255, 255, 255, 255], BOTTOM = [255, 160, 40, 255];

const R = 22; // corner radius of the square
for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
  const cx = Math.min(Math.max(x, R), N - 1 - R), cy = Math.min(Math.max(y, R), N - 1 - R);
  if ((x - cx) ** 2 + (y - cy) ** 2 <= R * R) set(x, y, BG);
}
/** A horizontal arrow: shaft from x0 to the head at x1 (x1 < x0 points left), centred on y. */
function arrow(x0, x1, y, colour) {
  const dir = Math.sign(x1 - x0), head = 18;
  for (let x = Math.min(x0, x1 - dir * head); x <= Math.max(x0, x1 - dir * head); x++)
    for (let t = -5; t <= 5; t++) set(x, y + t, colour);
  for (let k = 0; k <= head; k++) { // triangle: widest at the shaft's end, a point at x1
    const x = x1 - dir * k, half = Math.round(k * 0.9);
    for (let t = -half; t <= half; t++) set(x, y + t, colour);
  }
}
arrow(24, 104, 46, TOP);
arrow(104, 24, 84, BOTTOM);

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) { raw[y * (N * 4 + 1)] = 0; Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1); }
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
