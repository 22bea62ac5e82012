// Keeps the reader's place in a chapter: on arrival it goes to the #section of the URL, and when the language changes
// it goes back to the section that was in view. Section slugs are the same in every language, so the same element
// id exists in the new text.
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Sections whose heading is above this line (px from the viewport top) count as "being read". */
const READING_LINE = 120;

interface KeepPlaceOptions {
  /** The language asked for; when it changes the place is remembered. */
  lang: string;
  /** The language of the text on screen (the previous one while the new text loads). */
  shownLang: string | undefined;
  /** The URL hash without '#', or ''. */
  hash: string;
}

export function useKeepPlace({ lang, shownLang, hash }: KeepPlaceOptions): void {
  const inView = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const arrived = useRef(false);
  const askedLang = useRef(lang);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (inView.current = sectionInView()));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);

  // NOTE: a layout effect, so the jump happens before the new text is painted at the old scroll offset.
  useLayoutEffect(() => {
    if (shownLang === undefined) return;
    if (!arrived.current) {
      arrived.current = true;
      if (hash) goTo(hash, true);
      inView.current = hash || null;
    }
    if (askedLang.current !== lang) {
      askedLang.current = lang;
      pending.current = inView.current;
    }
    if (pending.current && shownLang === lang) {
      goTo(pending.current, false);
      pending.current = null;
    }
  }, [lang, shownLang, hash]);
}

/** The slug of the last section whose heading has scrolled above the reading line; null at the top of the page. */
function sectionInView(): string | null {
  let current: string | null = null;
  for (const heading of document.querySelectorAll<HTMLElement>('[data-section-heading]')) {
    if (heading.getBoundingClientRect().top > READING_LINE) break;
    current = heading.id;
  }
  return current;
}

function goTo(id: string, moveFocus: boolean): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  // A deep link moves keyboard focus there too; a language switch leaves focus on the language select.
  if (moveFocus) target.focus({ preventScroll: true });
}
