import { z } from 'astro/zod';
import { SITE } from '../site.ts';
import { dropUnprintable } from '../text.ts';
import { canonicalDate, toArticleDate } from './dates.ts';
import { normalizeTagName, tagSlug } from './tags.ts';

// Control characters and noncharacters cannot appear on a page or in a feed (src/text.ts): they
// are dropped here, once, so every output shows the same text.
const text = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .overwrite(dropUnprintable)
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` });

const date = (what: string) =>
  z.unknown().transform((value, ctx) => {
    const canonical = canonicalDate(value, SITE.timeZone);
    if (canonical === null) {
      ctx.addIssue({
        code: 'custom',
        message: `expected ${what} as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00, found ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return canonical;
  });

const webUrl = z.url({
  protocol: /^https?$/,
  error: 'expected an absolute http(s) address like https://example.com/story',
});

/**
 * An object that rejects fields it does not know, saying which and what it takes instead: a
 * misspelt field must never vanish silently.
 */
function strictFields<T extends z.ZodRawShape>(shape: T, what: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `"${key}"`).join(', ');
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: expected only ${known}`;
      }
      if (issue.code === 'invalid_type') return `expected ${what} with the fields ${known}`;
      return undefined;
    },
  });
}

const instantOf = (canonical: string) => toArticleDate(canonical, SITE.timeZone).instant.getTime();

/** The front matter of one article in `content/articles/`. Unknown keys are rejected. */
export const articleSchema = strictFields(
  {
    /** The headline, exactly as published. */
    title: text('a headline'),
    /** One or two sentences under the headline; also the summary in feeds and search results. */
    standfirst: text('a standfirst (the summary under the headline)'),
    /**
     * When the article was first published. A bare date (2024-06-18) is that calendar day in the
     * site's time zone; a time needs an offset (2024-06-18T09:30:00-04:00) or is read in that zone.
     * Stored as `YYYY-MM-DD` or a UTC ISO instant.
     */
    published: date('the publication date'),
    /** When the article was last substantively changed (same forms as `published`). */
    updated: date('the update date').optional(),
    /** The desk the article belongs to, e.g. "Asia". */
    section: text('a section name'),
    /** Topics, as an editor would file them. At least one; each becomes a page under /tags/. */
    tags: z
      .array(
        text('a tag')
          .overwrite(normalizeTagName)
          .refine((tag) => tagSlug(tag) !== '', {
            error: 'expected a tag with at least one letter, digit or emoji',
          }),
        { error: 'expected a list of tags' },
      )
      .min(1, { error: 'expected at least one tag' }),
    /** Where this copy comes from: the publication's name and the original address. */
    source: strictFields(
      {
        /** The publication, credited on the page and in feeds. */
        name: text('the source publication name'),
        /** The original article's address. */
        url: webUrl,
      },
      'the source',
    ).optional(),
    /** The writers' names, when the copy gives them. Never guessed: leave it out when unknown. */
    byline: z
      .array(text('a writer name'), { error: 'expected a list of names' })
      .min(1, { error: 'expected at least one name' })
      .optional(),
    /** The article's picture, or its caption alone when the picture itself is not available. */
    image: strictFields(
      {
        /** The picture: a path relative to the article file, or an https address. Leave out when unavailable. */
        src: text('an image path').optional(),
        /** What the picture shows, for readers who cannot see it. Required with `src`. */
        alt: text('alt text').optional(),
        /** The caption, word for word. */
        caption: text('a caption'),
        /** Who took or owns the picture, e.g. "Kevin Dietsch/Getty Images". */
        credit: text('a picture credit').optional(),
        /** Where the figure sits: after this many paragraphs of the body (0, the default, leads the body). */
        afterParagraph: z.int({ error: 'expected a whole number of paragraphs' }).min(0).default(0),
      },
      'the image',
    )
      .refine((image) => image.src === undefined || image.alt !== undefined, {
        error: 'expected alt text describing the picture when src is given',
        path: ['alt'],
      })
      .optional(),
    /** Drafts are built only in preview, never published. */
    draft: z.boolean({ error: 'expected true or false' }).default(false),
  },
  'front matter',
).refine((data) => data.updated === undefined || instantOf(data.updated) >= instantOf(data.published), {
  error: 'expected the update date to be on or after the publication date',
  path: ['updated'],
});

/** Front matter after validation: what the model layer reads. */
export type ArticleData = z.output<typeof articleSchema>;
