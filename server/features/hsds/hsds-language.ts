// Which language an HSDS answer's descriptions are in: the `lang` parameter, else the best of Accept-Language among
// ours (Norwegian "no" and "nn" count as Bokmål, which is what we keep), else English.
import type { Language } from './hsds-serialize.ts';

const OURS: Record<string, Language> = { en: 'en', ro: 'ro', nb: 'nb', no: 'nb', nn: 'nb' };

export function chooseLanguage(lang: Language | undefined, acceptLanguage: string | undefined): Language {
  if (lang) return lang;
  const ranked = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { language: OURS[tag.trim().toLowerCase().split('-')[0] ?? ''], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((c): c is { language: Language; q: number; index: number } => c.language !== undefined && c.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? 'en';
}
