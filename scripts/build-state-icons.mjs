// Draws the toolbar icons for each connection state from the product icon, once; the PNGs are committed in
// extension/icons/state/. Run again after the product icon changes: node scripts/build-state-icons.mjs
//   on      the product icon (traffic goes through the VPN)
//   off     the same shape in grey (off, connecting, paused at the limit, error: not protected)
//   *-marked an orange corner: web protection is off
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const OUT = 'extension/icons/state';
mkdirSync(OUT, { recursive: true });

const grey = (png) => {
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    const luma = 0.299 * r + 0.587 * g + 0.114 * b;
    // Lighter than the coloured icon, so "off" reads as off on light and dark toolbars alike.
    const v = Math.round(90 + luma * 0.45);
    png.data[i] = v;
    png.data[i + 1] = v;
    png.data[i + 2] = v;
  }
};

/** A filled orange disc with a white ring in the top-left corner (the badge takes the bottom-right). */
const mark = (png) => {
  const size = png.width;
  const radius = size * 0.24;
  const cx = radius + 0.5;
  const cy = radius + 0.5;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (d > radius + 0.5) continue;
      const i = (y * size + x) * 4;
      const ring = d > radius - Math.max(1, size / 16);
      const [r, g, b] = ring ? [255, 255, 255] : [232, 113, 10];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
};

for (const size of [16, 32]) {
  for (const variant of ['on', 'off', 'on-marked', 'off-marked']) {
    const png = PNG.sync.read(readFileSync(`extension/icons/icon-${size}.png`));
    if (variant.startsWith('off')) grey(png);
    if (variant.endsWith('marked')) mark(png);
    writeFileSync(`${OUT}/${variant}-${size}.png`, PNG.sync.write(png));
  }
}
