// A QR code as modules, from the qrcode package: an SVG path for the person's page (drawn by React, no HTML strings)
// and an RGBA image for tests of the scanner's decoding.
import QRCode from 'qrcode';

/** The dark modules of the code for this text; error correction M (15 %) survives a scratched print or a glare. */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/** One SVG path drawing every dark module as a unit square, in a viewBox of size + 2 × quiet zone. */
export function qrPath(text: string, quiet = 4): { d: string; viewBox: number } {
  const { size, dark } = qrModules(text);
  let d = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (dark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  return { d, viewBox: size + 2 * quiet };
}

/** The code as RGBA pixels, black on white, `scale` pixels per module, with the standard four-module quiet zone. */
export function qrRgba(text: string, scale = 4, quiet = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const { size, dark } = qrModules(text);
  const width = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      if (row >= 0 && col >= 0 && row < size && col < size && dark(row, col)) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height: width };
}
