// The Pro Health wordmark: an abstract mark (two leaves meeting in a circle, neutral on purpose) and the name.
export function BrandMark({ className = 'brand-mark' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="17" fill="#ffffff" />
      <path d="M18 6.5c-5.6 2.6-8.4 7-8.4 12.2 0 3.6 1.6 6.8 4.6 9.3 1-5.6 2.3-9.6 3.8-12.6-1.9 4.3-2.6 8.6-2.4 13.9 1 .3 1.6.4 2.4.4 6.3 0 10.4-4.3 10.4-10.3C28.4 13.6 24.6 9 18 6.5z" fill="#00607a" />
      <path d="M18.1 15.3c1.4 3.3 2 7.3 1.6 13.5" fill="none" stroke="#ffffff" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

export function Wordmark() {
  return (
    <>
      <BrandMark />
      <span className="brand-name">Pro Health</span>
    </>
  );
}
