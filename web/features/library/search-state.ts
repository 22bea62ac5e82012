// The search's committed state lives in the URL (?q=&lang=&publication=), so results can be linked and reloaded;
// the text box updates it ~250 ms after the last keystroke.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { isLibraryLanguage, useReaderLanguage } from './reader-language.ts';

const DEBOUNCE_MS = 250;

export interface SearchState {
  /** What is in the text box right now. */
  text: string;
  setText(text: string): void;
  /** The settled query (the URL's q). */
  q: string;
  lang: LibraryLanguage;
  publication: string;
  /** Sets the text and the query at once (submit, "did you mean"). */
  commit(q: string): void;
  setLang(lang: LibraryLanguage): void;
  setPublication(slug: string): void;
}

export function useSearchState(): SearchState {
  const [params, setParams] = useSearchParams();
  const uiLang = useReaderLanguage();
  const q = params.get('q') ?? '';
  const langParam = params.get('lang');
  const lang = isLibraryLanguage(langParam) ? langParam : uiLang;
  const publication = params.get('publication') ?? '';
  const [text, setText] = useState(q);

  const update = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      // NOTE: replace, so typing does not fill the history with one entry per word.
      { replace: true, preventScrollReset: true },
    );

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => update({ q: text }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // NOTE: only a new keystroke restarts the wait; a committed query needs no second timer.
  }, [text]);

  return {
    text,
    setText,
    q,
    lang,
    publication,
    commit: (value) => {
      setText(value);
      update({ q: value });
    },
    setLang: (value) => update({ lang: value === uiLang ? '' : value }),
    setPublication: (slug) => update({ publication: slug }),
  };
}
