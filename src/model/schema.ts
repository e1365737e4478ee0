import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { SITE } from '../site.ts';
import { dropUnprintable, normalizeName } from '../text.ts';
import { isoWithOffset, readDate, toArticleDate } from './dates.ts';
import { deskProblem, findDesk } from './desks.ts';
import { readLanguage } from './language.ts';
import { tagSlug } from './tags.ts';

/** A value as an editor would read it in a message: `"18/06/2024"`, `12`, `a list`. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a group of fields';
  return JSON.stringify(value) ?? String(value);
}

/**
 * The message for a value of the wrong kind, saying which of the two it is: a required field
 * that is missing, or one that holds something else (and what).
 */
const expecting = (expected: string) => (issue: { input?: unknown }) => {
  if (issue.input === undefined) return `missing: this field is required, ${expected}`;
  // YAML reads 1984, 1.10, 0x1F, yes, .inf or an empty value as a number, a flag or nothing:
  // quotes keep what was typed.
  const unquoted = issue.input === null || typeof issue.input === 'number' || typeof issue.input === 'boolean';
  return `${expected}, found ${shown(issue.input)}${unquoted && expected.endsWith('as text') ? ' (put the value in double quotes to keep it as typed)' : ''}`;
};

// Control characters and noncharacters cannot appear on a page or in a feed (src/text.ts): they
// are dropped here, once, so every output shows the same text.
const text = (what: string) =>
  z
    .string({ error: expecting(`expected ${what} as text`) })
    .overwrite(dropUnprintable)
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` })
    // Text of nothing but invisible characters (format characters, blank braille, Hangul fillers)
    // would be an empty headline, link or chip on the page.
    .refine((value) => /[^\s\p{Cf}\u2800\u3164\uFFA0\u115F\u1160]/u.test(value), {
      error: `expected ${what}, found only invisible characters`,
    });

const date = (what: string) =>
  z.unknown().transform((value, ctx) => {
    const reading = readDate(value, SITE.timeZone);
    if ('canonical' in reading) return reading.canonical;
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `missing: this field is required, expected ${what} as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00`,
      });
      return z.NEVER;
    }
    const typed = typeof value === 'string' ? value.trim() : shown(value);
    const message =
      reading.problem === 'skipped'
        ? `expected ${what} as a time that happened in ${SITE.timeZone}, found "${typed}": clocks went forward that night and skipped it. Give the offset it was meant in, e.g. ${reading.wall}${reading.offsets[0]}`
        : reading.problem === 'repeated'
          ? `expected ${what} as a time that happened once in ${SITE.timeZone}, found "${typed}", which happened twice: clocks went back that night. Give its offset: ${reading.wall}${reading.offsets[0]} for the first, ${reading.wall}${reading.offsets[1]} for the second`
          : `expected ${what} as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00, found ${shown(value)}${reading.why ? `: ${reading.why}` : ''}`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

const webUrl = z
  .url({
    protocol: /^https?$/,
    error: 'expected an absolute http(s) address like https://example.com/story',
  })
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    error: 'expected an address without a user name or password in it',
  })
  // Stored as the WHATWG URL parser writes it: spaces, quotes and < > percent-encoded.
  .transform((value) => (URL.canParse(value) ? new URL(value).href : value));

/**
 * An object that rejects fields it does not know, saying which and what it takes instead: a
 * misspelt field must never vanish silently.
 */
function strictFields<T extends z.ZodRawShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownFieldMessage(key, known)).join('; ');
      if (issue.code === 'invalid_type') return expecting(`expected ${what} with the fields ${known.join(', ')}`)(issue);
      return undefined;
    },
  });
}

/**
 * What to say about a field the schema does not know: that it is unknown, the known field it is
 * most likely a misspelling of (at most a third of its letters away, by Levenshtein distance),
 * and every field that is allowed there.
 */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const nearest = closest(key, [...known]);
  const likely = distance(key.toLowerCase(), nearest.toLowerCase()) <= Math.max(1, Math.floor(key.length / 3));
  return `unknown field "${key}"${likely ? ` (did you mean "${nearest}"?)` : ''}: expected only ${known.join(', ')}`;
}

/**
 * Whether canonical date `later` comes before `earlier`. A bare day is the whole day in the
 * newsroom's zone, so a correction dated 2024-06-18 may follow an article published at 09:30 that day.
 */
function isBefore(later: string, earlier: string): boolean {
  const a = toArticleDate(later, SITE.timeZone);
  const b = toArticleDate(earlier, SITE.timeZone);
  if (a.dateOnly || b.dateOnly)
    return isoWithOffset(a, SITE.timeZone).slice(0, 10) < isoWithOffset(b, SITE.timeZone).slice(0, 10);
  return a.instant < b.instant;
}

/**
 * Updates and corrections come on or after publication. Zod runs an object's refinements only
 * when every field passed, so the content check also runs this through `articleDatesSchema`, so
 * an editor sees these problems in the same pass as any other.
 */
function checkDateOrder(data: { published: string; updated?: string | undefined; corrections?: { date: string }[] | undefined }, ctx: z.RefinementCtx): void {
  if (data.updated !== undefined && isBefore(data.updated, data.published)) {
    ctx.addIssue({ code: 'custom', message: 'expected the update date to be on or after the publication date', path: ['updated'] });
  }
  data.corrections?.forEach((correction, index) => {
    if (isBefore(correction.date, data.published)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a correction dated on or after the publication date (${data.published}), found ${correction.date}`,
        path: ['corrections', index, 'date'],
      });
    }
  });
}

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
    /**
     * The desk the article belongs to, e.g. "Asia": one of SITE.desks (src/site.ts), matched
     * ignoring case and spacing and stored as the desk's own spelling. Any other name is refused.
     */
    section: text('a section name').transform((name, ctx) => {
      const desk = findDesk(name);
      if (desk) return desk.name;
      ctx.addIssue({ code: 'custom', message: deskProblem(name) });
      return z.NEVER;
    }),
    /** Topics, as an editor would file them. At least one; each becomes a page under /tags/. */
    tags: z
      .array(
        text('a tag')
          .overwrite(normalizeName)
          .refine((tag) => tagSlug(tag) !== '', {
            error: 'expected a tag with at least one letter, digit or emoji',
          }),
        { error: expecting('expected a list of tags') },
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
      // Spelled as profiles are (src/text.ts normalizeName), so a name typed on a Mac or pasted with a zero-width space still finds its profile.
      .array(text('a writer name').overwrite(normalizeName), { error: expecting('expected a list of names') })
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
        afterParagraph: z
          .int({ error: expecting('expected a whole number of paragraphs') })
          .min(0, { error: 'expected a whole number of paragraphs, 0 or more' })
          .default(0),
      },
      'the image',
    )
      .refine((image) => image.src === undefined || image.alt !== undefined, {
        error: 'expected alt text describing the picture when src is given',
        path: ['alt'],
      })
      .optional(),
    /**
     * The language the copy is written in, as a BCP 47 tag (`ar`, `zh-Hans`, `pt-BR`); leave it
     * out for the site's own (SITE.lang). The article carries it as `lang` (with `dir` for scripts
     * that run right to left); feeds, JSON-LD and search say it too. Stored canonical.
     */
    language: z
      .string({ error: expecting('expected a language tag like "en", "zh-Hans" or "ar"') })
      .transform((typed, ctx) => {
        const language = readLanguage(typed);
        if (language) return language.tag;
        ctx.addIssue({
          code: 'custom',
          message: `expected a language tag like "en", "zh-Hans" or "ar" (BCP 47), found ${shown(typed)}`,
        });
        return z.NEVER;
      })
      .optional(),
    /**
     * Corrections, in the open: each with the date it was made (same forms as `published`) and
     * what was wrong, in inline Markdown ("An earlier version misstated *the date* of …"). Shown
     * at the article's foot; the latest one is the article's modified time.
     */
    corrections: z
      .array(
        strictFields(
          {
            /** When the correction was made. */
            date: date('the correction date'),
            /**
             * What was corrected: inline Markdown (emphasis, links, code), one paragraph. The
             * content check refuses blocks, pictures and raw HTML (src/markdown/inline.ts).
             */
            text: text('the correction text'),
          },
          'a correction',
        ),
        { error: expecting('expected a list of corrections, each with date and text') },
      )
      .min(1, { error: 'expected at least one correction, or leave the field out' })
      .optional(),
    /** Drafts are built only in preview, never published. */
    draft: z.boolean({ error: expecting('expected true or false') }).default(false),
  },
  'front matter',
).superRefine(checkDateOrder);

/**
 * Only the dates of an article's front matter, other fields let through: what the content check
 * runs when the whole schema failed, to report date order in the same pass (`checkDateOrder`).
 */
export const articleDatesSchema = z
  .looseObject({
    published: date('the publication date'),
    updated: date('the update date').optional(),
    corrections: z.array(z.looseObject({ date: date('the correction date') })).optional(),
  })
  .superRefine(checkDateOrder);

/** Front matter after validation: what the model layer reads. */
export type ArticleData = z.output<typeof articleSchema>;

/**
 * A writer's profile, `content/authors/<slug>.yaml` (or AUTHORS_DIR): the file name is the URL
 * slug of their page, /authors/<slug>/. A byline name equal to `name` links there. Unknown keys
 * are rejected, as in articles.
 */
export function authorSchemaFor<Picture extends z.ZodType>(picture: Picture) {
  return strictFields(
    {
      /** The name exactly as bylines print it: the match between an article and this profile (both normalised: src/text.ts normalizeName). */
      name: text("the writer's name").overwrite(normalizeName),
      /** The job, as the newsroom titles it, e.g. "Asia correspondent". */
      role: text('the writer\'s role, e.g. "Asia correspondent"'),
      /** A short biography, plain text, shown on the writer's page. */
      bio: text('a short biography'),
      /** A portrait: a picture file beside the profile, what it shows, and who took it. */
      image: strictFields(
        {
          /** The picture: a path relative to the profile file (in a build, Astro's `image()` reads it). */
          src: picture,
          /** What the picture shows, for readers who cannot see it. */
          alt: text('alt text'),
          /** Who took or owns the picture. */
          credit: text('a picture credit').optional(),
        },
        'the image',
      ).optional(),
      /** Where else to find the writer: a social profile, a newsletter, an e-mail page. */
      links: z
        .array(
          strictFields(
            {
              /** The link's words, e.g. "Bluesky". */
              name: text('a link name'),
              /** Its address. */
              url: webUrl,
            },
            'a link',
          ),
          { error: expecting('expected a list of links, each with name and url') },
        )
        .optional(),
    },
    "a writer's profile",
  );
}

/** A writer's profile with the portrait as a path: what `npm run check` validates. */
export const authorSchema = authorSchemaFor(text('an image path'));

/** A writer's profile after validation. */
export type AuthorData = z.output<typeof authorSchema>;
