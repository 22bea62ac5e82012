// The scanner's decoding step, one pure function over a frame's RGBA pixels: the page's Web Worker runs it on camera
// frames, and the tests run it on a QR code rendered from a real registration code.
import jsQRModule from 'jsqr';

type Decode = typeof jsQRModule.default;
// NOTE: jsqr is a CommonJS module with a "default" export: Node hands over the exports object, Vite (and Vitest) the
// function itself; this reads it either way.
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** The text of the QR code in the frame, or null when none is found. */
export function decodeFrame(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  // NOTE: printed and on-screen codes are dark on light; skipping the inverted pass halves the work per frame.
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  const text = found?.data.trim();
  return text ? text : null;
}
