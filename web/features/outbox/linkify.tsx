// Email text with its web links made clickable. Only http(s) links: nothing else in an email body becomes a link.
import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** Splits text into strings and links; trailing sentence punctuation stays outside the link. */
export function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} rel="noopener noreferrer">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return parts;
}
