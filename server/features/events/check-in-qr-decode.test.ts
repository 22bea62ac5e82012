// The scanner's decoding, tested on generated images: a real signed registration code drawn as a QR code is read back
// by the same decodeFrame the page's worker runs on camera frames, also when small, noisy or set in a larger frame.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signRegistrationCode, verifyRegistrationCode } from './registration-code.ts';
import { registrationIdOfPayload } from '#shared/events/check-in-code.ts';
import { qrPath, qrRgba } from '#web/features/events/qr-matrix.ts';
import { decodeFrame } from '#web/features/events/scan-decode.ts';

const ring = [{ id: 'k1', key: randomBytes(32) }];

/** The image placed in a larger grey frame, as a camera sees a phone screen or a sheet of paper. */
function inFrame(img: { data: Uint8ClampedArray; width: number }, frame: number, offset: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(frame * frame * 4).fill(180);
  for (let y = 0; y < img.width; y++) out.set(img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4), ((y + offset) * frame + offset) * 4);
  return out;
}

describe('decoding a generated QR code', () => {
  test('a signed registration code survives drawing and decoding', () => {
    const id = randomUUID();
    const code = signRegistrationCode(ring, id);
    const img = qrRgba(code, 4);
    const read = decodeFrame(img.data, img.width, img.height);
    expect(read).toBe(code);
    expect(verifyRegistrationCode(ring, read!)).toBe(id);
    expect(registrationIdOfPayload(read!)).toBe(id);
  });

  test('small, off-centre in a larger frame and with noise, it still reads', () => {
    const code = signRegistrationCode(ring, randomUUID());
    const img = qrRgba(code, 3);
    const frame = inFrame(img, 320, 57);
    let seed = 7;
    for (let i = 0; i < frame.length; i += 4) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const n = (seed % 41) - 20;
      for (let c = 0; c < 3; c++) frame[i + c] = frame[i + c]! + n;
    }
    expect(decodeFrame(frame, 320, 320)).toBe(code);
  });

  test('a frame without a code reads as nothing', () => {
    const blank = new Uint8ClampedArray(200 * 200 * 4).fill(255);
    expect(decodeFrame(blank, 200, 200)).toBeNull();
  });

  test('the page’s SVG path has one square per dark module inside its quiet zone', () => {
    const { d, viewBox } = qrPath('PH1.test', 4);
    expect(viewBox).toBeGreaterThan(21 + 8 - 1);
    expect(d).toMatch(/^M\d+ \d+h1v1h-1z/);
  });
});
