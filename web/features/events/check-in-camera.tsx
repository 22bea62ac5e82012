// The phone's camera as a QR scanner: the rear camera (playsInline for iOS), a few frames a second drawn to a canvas
// and decoded in a Web Worker (on the main thread where workers are refused); one code is reported once, then the
// scanner waits while the page shows the answer.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeFrame } from './scan-decode.ts';

const FRAME_EVERY_MS = 200;
const MAX_WIDTH = 640;
/** The same code seen again this soon is the same person still holding it up, not a second scan. */
const SAME_CODE_MS = 4_000;

type Decoder = (pixels: Uint8ClampedArray, width: number, height: number) => Promise<string | null>;

function makeDecoder(): { decode: Decoder; stop(): void } {
  try {
    const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module' });
    let pending: ((text: string | null) => void) | null = null;
    worker.onmessage = (e: MessageEvent<string | null>) => pending?.(e.data);
    return {
      decode: (pixels, width, height) =>
        new Promise((resolve) => {
          pending = resolve;
          worker.postMessage({ pixels, width, height }, [pixels.buffer]);
        }),
      stop: () => worker.terminate(),
    };
  } catch {
    return { decode: async (pixels, width, height) => decodeFrame(pixels, width, height), stop: () => undefined };
  }
}

export function CheckInCamera({ onCode, paused }: { onCode(code: string): void; paused: boolean }) {
  const { t } = useTranslation('event-check-in');
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const decoder = makeDecoder();
    const canvas = document.createElement('canvas');
    const last = { code: '', at: 0 };
    const tick = async () => {
      const v = video.current;
      if (!stopped && v && v.readyState >= 2 && !pausedRef.current) {
        const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        ctx?.drawImage(v, 0, 0, canvas.width, canvas.height);
        const frame = ctx?.getImageData(0, 0, canvas.width, canvas.height);
        const text = frame ? await decoder.decode(frame.data, frame.width, frame.height) : null;
        if (text && (text !== last.code || Date.now() - last.at > SAME_CODE_MS)) onCodeRef.current(text);
        if (text) Object.assign(last, { code: text, at: Date.now() });
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), FRAME_EVERY_MS);
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (stopped || !video.current) return stream.getTracks().forEach((track) => track.stop());
        video.current.srcObject = stream;
        await video.current.play();
        void tick();
      } catch {
        setError(t('camera.unavailable'));
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      decoder.stop();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on, t]);

  return (
    <div className="check-in-camera">
      {on ? (
        <>
          <video ref={video} playsInline muted aria-label={t('camera.view')} />
          <button type="button" className="button secondary" onClick={() => setOn(false)}>
            {t('camera.stop')}
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => (setError(null), setOn(true))}>
          {t('camera.start')}
        </button>
      )}
      {error && (
        <p className="alert notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
