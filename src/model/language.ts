/** A language as Broadsheet uses it: a canonical BCP 47 tag and the direction its script runs. */
export interface Language {
  /** Canonical BCP 47 (RFC 5646) tag, e.g. `en`, `zh-Hans`, `ar`. */
  tag: string;
  /** How its script runs: `rtl` for Arabic, Hebrew, Thaana and the rest, else `ltr`. */
  direction: 'ltr' | 'rtl';
}

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Reads a BCP 47 language tag as an editor types it (`ar`, `zh-hans`, `pt-BR`), or undefined when
 * it is not one a browser knows: malformed (`en_GB`) or a language CLDR has no name for
 * (`english`). The tag comes back canonical (`zh-Hans`), with the direction of its script from
 * CLDR's text info (`Intl.Locale#getTextInfo`, ECMA-402 Intl Locale Info proposal).
 */
export function readLanguage(typed: string): Language | undefined {
  let tag: string;
  try {
    [tag = ''] = Intl.getCanonicalLocales(typed.trim());
  } catch {
    return undefined;
  }
  if (!tag || names.of(tag) === undefined) return undefined;
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
  const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  return { tag, direction };
}

const siteLanguages = new Map<string, Language | undefined>();

/**
 * The `lang` and `dir` attributes an element holding copy in `language` needs inside a page in
 * the site's language (`site`, a BCP 47 tag): none when they match, `lang` when the language
 * differs, and `dir` when the direction does too.
 */
export function languageAttributes(language: Language, site: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  // Asked for on every card of every listing page: the site's language is read once.
  let home = siteLanguages.get(site);
  if (!home) siteLanguages.set(site, (home = readLanguage(site)));
  return {
    ...(language.tag !== home?.tag && { lang: language.tag }),
    ...(language.direction !== (home?.direction ?? 'ltr') && { dir: language.direction }),
  };
}
