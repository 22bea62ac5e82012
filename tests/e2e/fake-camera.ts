// A fake camera for Chromium: the QR code of a text, rasterised into a Y4M video file that Chromium plays as the
// camera (--use-file-for-fake-video-capture). Grey-scale: the Y plane carries the code, U and V are neutral.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;
const BLACK = 16;
const WHITE = 235;
const QUIET_ZONE = 4;

/** Writes a Y4M file showing the QR code of `content` in the middle of a white frame, and returns its path. */
export function writeQrVideo(content: string, file: string): string {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const scale = Math.floor((HEIGHT - 40) / (modules.size + 2 * QUIET_ZONE));
  const side = modules.size * scale;
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const y = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      if (modules.get(Math.floor(row / scale), Math.floor(col / scale))) y[(top + row) * WIDTH + left + col] = BLACK;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
  return file;
}

/** Chromium's flags for a camera that plays `file` and is allowed without asking. */
export function fakeCameraArgs(file: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
