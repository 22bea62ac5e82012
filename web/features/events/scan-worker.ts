// The scanner's Web Worker: decodes camera frames off the main thread, so the page stays responsive on old phones.
import { decodeFrame } from './scan-decode.ts';

interface Frame {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
}

self.onmessage = (event: MessageEvent<Frame>) => {
  const { pixels, width, height } = event.data;
  self.postMessage(decodeFrame(pixels, width, height));
};
