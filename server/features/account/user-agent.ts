// Reduces a User-Agent header to a browser and an operating system: enough to recognise a session, no more.
import type { BROWSERS, OPERATING_SYSTEMS } from '#shared/auth/account.schema.ts';

type Browser = (typeof BROWSERS)[number];
type Os = (typeof OPERATING_SYSTEMS)[number];

// NOTE: order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS also says "Mac OS X".
const BROWSER_PATTERNS: [RegExp, Browser][] = [
  [/Edg(e|A|iOS)?\//, 'edge'],
  [/OPR\/|Opera/, 'opera'],
  [/Firefox\/|FxiOS\//, 'firefox'],
  [/Chrome\/|CriOS\//, 'chrome'],
  [/Safari\//, 'safari'],
];

const OS_PATTERNS: [RegExp, Os][] = [
  [/Windows/, 'windows'],
  [/iPhone|iPad|iPod/, 'ios'],
  [/Android/, 'android'],
  [/CrOS/, 'chromeos'],
  [/Mac OS X|Macintosh/, 'macos'],
  [/Linux/, 'linux'],
];

export function summariseUserAgent(userAgent: string | null): { browser: Browser; os: Os } {
  const ua = userAgent ?? '';
  return {
    browser: BROWSER_PATTERNS.find(([re]) => re.test(ua))?.[1] ?? 'other',
    os: OS_PATTERNS.find(([re]) => re.test(ua))?.[1] ?? 'other',
  };
}
