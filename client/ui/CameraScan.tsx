import { useEffect, useRef, useState } from 'react';
import { useLatest } from '../use-latest.ts';
import { ErrorLine } from './message-lines.tsx';

/** The parts of the Shape Detection API used here; not yet in TypeScript's DOM library. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

/** Boarding passes use these symbologies (Resolution 792); a voucher's code is a QR. */
const PASS_FORMATS = ['pdf417', 'aztec', 'qr_code', 'data_matrix'];

/** The button's and the viewfinder's words, in the app's language. */
export interface CameraWords {
  start: string;
  stop: string;
  /** What to show the camera; also the video's accessible name. */
  hint: string;
  error: string;
}

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/** The formats this browser can read from the camera, or none when it offers no BarcodeDetector. */
function useSupportedFormats(): string[] {
  const [formats, setFormats] = useState<string[]>([]);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector || !navigator.mediaDevices?.getUserMedia) return;
    let live = true;
    Detector.getSupportedFormats()
      .then((f) => live && setFormats(f.filter((x) => PASS_FORMATS.includes(x))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return formats;
}

/** A camera scan button, shown only where the browser can decode boarding-pass barcodes (kiosk and outlet). */
export function CameraScan({ onScan, words }: { onScan: (text: string) => void; words: CameraWords }) {
  const formats = useSupportedFormats();
  const [on, setOn] = useState(false);
  const [error, setError] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useLatest(onScan);

  useEffect(() => {
    const Detector = detectorClass();
    if (!on || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((tr) => tr.stop());
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          detector
            .detect(video.current)
            .then((codes) => {
              const first = codes[0];
              if (first && !stopped) {
                stopped = true;
                setOn(false);
                handler.current(first.rawValue);
              }
            })
            .catch(() => undefined);
        }, 300);
      })
      .catch(() => {
        setError(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on, formats, handler]);

  if (!formats.length) return null;
  return (
    <div className="camera">
      <button
        type="button"
        onClick={() => {
          setError(false);
          setOn(!on);
        }}
        aria-pressed={on}
      >
        {on ? words.stop : words.start}
      </button>
      {on && (
        <>
          <p>{words.hint}</p>
          <video ref={video} muted playsInline aria-label={words.hint} />
        </>
      )}
      <ErrorLine text={error && words.error} />
    </div>
  );
}
