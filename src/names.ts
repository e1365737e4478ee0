// Code points that show nothing and carry no meaning in a name (soft hyphen, zero-width space,
// direction marks and embeddings, word joiner, byte-order mark). Zero-width joiners and
// non-joiners stay: emoji sequences and Persian or Indic spelling need them.
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * A name as it is kept, shown and compared (a tag, an author in a byline or profile, a section): Unicode
 * NFC (so "Zürich" typed composed or decomposed is one name), no invisible code points, runs of
 * white space as one space, trimmed. The schema applies it to tags and names, so every page,
 * feed, count and match sees the same spelling.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The one rule for "the same name": a name's identity, as every comparison of names reads it
 * (sections matched to a `section`, tag spellings that may share a page, two profiles that may not
 * share a name): `normalizeName`, then lower case by English rules, so "NATO" and "Nato", or
 * "middle  east" and "Middle East", are one name.
 */
export function nameKey(name: string): string {
  return normalizeName(name).toLocaleLowerCase('en');
}
