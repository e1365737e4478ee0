/**
 * The kind of each piece (front matter `type`): what the Trust Project calls its "type of work"
 * indicator and the Guardian its `ArticleDesign`. One table, read by the schema (the allowed
 * values), the labels above headlines, the listings at /types/<type>/, the explanations on
 * /types/, JSON-LD and the feeds' categories, so a new kind is one row here.
 */

/** One kind of piece. */
export interface ArticleTypeInfo {
  /** The label above a headline, in words a reader understands ("Analysis"). */
  label: string;
  /** The listing's title at /types/<type>/ ("Explainers"). */
  heading: string;
  /**
   * The schema.org subtype of NewsArticle (or of Article, for paid content) that fits, given after
   * `NewsArticle` in JSON-LD `@type`; undefined where schema.org has none
   * (https://schema.org/NewsArticle "More specific Types").
   */
  schemaType: string | undefined;
  /** What the label means, for readers: the explanations page (/types/). */
  meaning: string;
  /**
   * Paid for by an advertiser, not the newsroom's work: never the lead or a top story, never
   * related reading, not in the news sitemap, disclosed above the body, its links `sponsored`.
   */
  paid?: true;
}

/**
 * Every kind, in the order the explanations page lists them. `news` is the default and carries no
 * label on pages: a reader assumes reporting unless told otherwise.
 */
export const ARTICLE_TYPES = {
  news: {
    label: 'News',
    heading: 'News',
    schemaType: 'ReportageNewsArticle',
    meaning: 'Reporting: what happened, established by our journalists or by the agencies we credit.',
  },
  analysis: {
    label: 'Analysis',
    heading: 'Analysis',
    schemaType: 'AnalysisNewsArticle',
    meaning: 'Interpretation of the news by a journalist who knows the subject: why it happened and what may follow.',
  },
  opinion: {
    label: 'Opinion',
    heading: 'Opinion',
    schemaType: 'OpinionNewsArticle',
    meaning: 'The writer’s own argument, not the newsroom’s reporting.',
  },
  explainer: {
    label: 'Explainer',
    heading: 'Explainers',
    schemaType: 'BackgroundNewsArticle',
    meaning: 'Background and context to help a reader understand a story.',
  },
  review: {
    label: 'Review',
    heading: 'Reviews',
    schemaType: 'ReviewNewsArticle',
    meaning: 'A critic’s judgement of a book, film, performance, product or event.',
  },
  interview: {
    label: 'Interview',
    heading: 'Interviews',
    schemaType: undefined,
    meaning: 'A conversation, in the words of the person interviewed, with the questions put to them.',
  },
  obituary: {
    label: 'Obituary',
    heading: 'Obituaries',
    schemaType: undefined,
    meaning: 'An account of the life of someone who has died.',
  },
  letter: {
    label: 'Letter',
    heading: 'Letters',
    schemaType: undefined,
    meaning: 'A reader’s letter, published under their name.',
  },
  sponsored: {
    label: 'Paid content',
    heading: 'Paid content',
    schemaType: 'AdvertiserContentArticle',
    meaning: 'Paid for by an advertiser. It is not the work of our newsroom, and it never leads the front page.',
    paid: true,
  },
} as const satisfies Record<string, ArticleTypeInfo>;

/** A piece's kind: a key of ARTICLE_TYPES. */
export type ArticleType = keyof typeof ARTICLE_TYPES;

/** Every kind, in table order. */
export const ARTICLE_TYPE_NAMES = Object.keys(ARTICLE_TYPES) as ArticleType[];

/** The kind a piece is when its front matter names none. */
export const DEFAULT_TYPE: ArticleType = 'news';

/** Whether a kind is shown as a label and has a listing of its own: every kind but the default. */
export function isLabelled(type: ArticleType): boolean {
  return type !== DEFAULT_TYPE;
}

/** Whether pieces of a kind are paid content (ARTICLE_TYPES `paid`): every rule about paid content asks this. */
export function isPaid(type: ArticleType): boolean {
  const info: ArticleTypeInfo = ARTICLE_TYPES[type];
  return info.paid === true;
}

/** The kind a typed value names, ignoring case and surrounding space (`" Analysis"` → `analysis`); undefined for none. */
export function findType(typed: string): ArticleType | undefined {
  const key = typed.trim().toLowerCase();
  return Object.hasOwn(ARTICLE_TYPES, key) ? (key as ArticleType) : undefined;
}

/**
 * JSON-LD `@type` of a piece: `NewsArticle` first, then the kind's schema.org subtype when there is
 * one (`["NewsArticle", "AnalysisNewsArticle"]`), else `["NewsArticle"]`.
 */
export function schemaTypes(type: ArticleType): string[] {
  const subtype: string | undefined = ARTICLE_TYPES[type].schemaType;
  return subtype ? ['NewsArticle', subtype] : ['NewsArticle'];
}
