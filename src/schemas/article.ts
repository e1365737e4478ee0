/**
 * An article's front matter (`content/articles/*.md`, or CONTENT_DIR): every field, with its doc
 * comment, once. The build's collection (src/content.config.ts) and `npm run check`
 * (src/checks/content.ts) validate with this one schema.
 */
import { z } from 'astro/zod';
import { typeProblem } from '../checks/article-types.ts';
import { sectionProblem } from '../checks/sections.ts';
import { DEFAULT_TYPE, findType } from '../model/article-types.ts';
import { CORRECTION_KIND_NAMES, DEFAULT_CORRECTION_KIND, findCorrectionKind } from '../model/corrections.ts';
import { isoWithOffset, toArticleDate } from '../model/dates.ts';
import { findSection } from '../model/sections.ts';
import { readLanguage } from '../model/language.ts';
import { tagSlug } from '../model/tags.ts';
import { SITE } from '../site.ts';
import { normalizeName } from '../names.ts';
import { date, strictFields, text, webUrl } from './fields.ts';
import { expecting, shown } from './messages.ts';

/**
 * Whether canonical date `later` comes before `earlier` (an article's notes and updates against
 * its publication, a live update against its story's: src/checks/updates.ts). A bare day is the whole day in the
 * newsroom's zone, so a correction dated 2024-06-18 may follow an article published at 09:30 that day.
 */
export function isBefore(later: string, earlier: string): boolean {
  const a = toArticleDate(later, SITE.timeZone);
  const b = toArticleDate(earlier, SITE.timeZone);
  if (a.dateOnly || b.dateOnly)
    return isoWithOffset(a, SITE.timeZone).slice(0, 10) < isoWithOffset(b, SITE.timeZone).slice(0, 10);
  return a.instant < b.instant;
}

/**
 * Updates and corrections come on or after publication, and no two notes share an instant. Zod runs an object's refinements only
 * when every field passed, so the content check also runs this through `articleRulesSchema`, so
 * an editor sees these problems in the same pass as any other.
 */
function checkDateOrder(data: { published: string; updated?: string | undefined; corrections?: { date: string }[] | undefined }, ctx: z.RefinementCtx): void {
  // Each note is known by its instant (its anchor, and its id in the corrections feeds:
  // src/model/corrections.ts `correctionAnchor`), so no two may share one.
  const seen = new Map<number, number>();
  data.corrections?.forEach((correction, index) => {
    const instant = toArticleDate(correction.date, SITE.timeZone).instant.getTime();
    const first = seen.get(instant);
    if (first === undefined) seen.set(instant, index);
    else
      ctx.addIssue({
        code: 'custom',
        message: `expected each note at a time of its own: corrections.${first} is dated ${correction.date} too; give one of them its time of day, e.g. ${correction.date.length === 10 ? `${correction.date}T10:00:00` : 'a minute later'}`,
        path: ['corrections', index, 'date'],
      });
  });
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

/**
 * A part needs its series: `part: 2` alone would number a piece in nothing. Like `checkDateOrder`,
 * an object rule: the content check runs it through `articleRulesSchema` when other fields fail.
 */
function checkPart(data: { series?: string | undefined; part?: number | undefined }, ctx: z.RefinementCtx): void {
  if (data.part !== undefined && data.series === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a series with the part: name the series this is part of, or leave part out', path: ['part'] });
  }
}

/** The most characters a dateline's place may have: "SAN CRISTÓBAL DE LAS CASAS, Mexico" fits, a sentence does not. */
export const DATELINE_LENGTH = 60;

/**
 * Where the story was reported from, as the copy's lead-in gives it (`BRUSSELS`, `GAZA CITY`):
 * one line of text, spacing normalised, at most DATELINE_LENGTH characters.
 */
const datelineField = text('a place name like BRUSSELS')
  .overwrite(normalizeName)
  .refine((value) => [...value].length <= DATELINE_LENGTH, {
    error: (issue) => `expected a place name like BRUSSELS of at most ${DATELINE_LENGTH} characters, found ${[...String(issue.input)].length}`,
  })
  // The page sets the dash after the place itself.
  .refine((value) => !/[\s\-‐‑‒–—―:,]$/.test(value), { error: (issue) => `expected the place alone, like BRUSSELS, without the dash or colon after it (the page adds " — "), found ${shown(issue.input)}` });

/**
 * The dateline's place from front matter as written, by the schema's own rule (`datelineField`):
 * what the Markdown pipeline sets at the head of the copy (src/markdown/rehype-dateline.ts).
 * Undefined for none, or for a value the schema refuses (the build then stops on it).
 */
export function readDateline(frontmatter: Readonly<Record<string, unknown>>): string | undefined {
  const read = datelineField.safeParse(frontmatter['dateline']);
  return read.success ? read.data : undefined;
}

/** The most characters a standfirst may have: a generous two sentences. */
export const STANDFIRST_LENGTH = 1000;

/** Characters as a reader counts them: code points, so an emoji or a rare CJK character is one, not two UTF-16 units. */
const characters = (value: string) => [...value].length;

/**
 * A byline: the authors' names as the copy gives them, at least one. Spelled as profiles are
 * (src/names.ts normalizeName), so a name typed on a Mac or pasted with a zero-width space still
 * finds its profile. An article's and a live update's byline (src/schemas/update.ts).
 */
export const bylineField = z
  .array(text('an author name').overwrite(normalizeName), { error: expecting('expected a list of names') })
  .min(1, { error: 'expected at least one name' })
  .optional();

/** The front matter of one article in `content/articles/`. Unknown keys are rejected. */
export const articleSchema = strictFields(
  {
    /** The headline, exactly as published. */
    title: text('a headline'),
    /**
     * One or two sentences under the headline; also the summary in feeds and search results. At
     * most STANDFIRST_LENGTH characters: it heads every feed item, whole, even where the feed's
     * byte budget leaves out the article's text (src/feeds/budget.ts).
     */
    standfirst: text('a standfirst (the summary under the headline)').refine((value) => characters(value) <= STANDFIRST_LENGTH, {
      error: (issue) => `expected a standfirst of at most ${STANDFIRST_LENGTH} characters (one or two sentences), found ${characters(String(issue.input))}`,
    }),
    /**
     * When the article was first published. A bare date (2024-06-18) is that calendar day in the
     * site's time zone; a time needs an offset (2024-06-18T09:30:00-04:00) or is read in that zone.
     * Stored as `YYYY-MM-DD` or a UTC ISO instant.
     */
    published: date('the publication date'),
    /** When the article was last substantively changed (same forms as `published`). */
    updated: date('the update date').optional(),
    /**
     * The section the article belongs to, e.g. "Asia": one of SITE.sections (src/site.ts), matched
     * ignoring case and spacing and stored as the section's own spelling. Any other name is refused.
     */
    section: text('a section name').transform((name, ctx) => {
      const section = findSection(name);
      if (section) return section.name;
      ctx.addIssue({ code: 'custom', message: sectionProblem(name) });
      return z.NEVER;
    }),
    /**
     * Where the story was reported from, e.g. `BRUSSELS`: set before the first paragraph in small
     * capitals ("BRUSSELS — …", src/markdown/rehype-dateline.ts) and given to structured data as
     * the article's `dateline` and the Place it was created in. At most DATELINE_LENGTH characters.
     */
    dateline: datelineField.optional(),
    /**
     * What kind of piece this is (src/model/article-types.ts ARTICLE_TYPES): `news` (the default),
     * `analysis`, `opinion`, `explainer`, `review`, `interview`, `obituary`, `letter` or
     * `sponsored`; case ignored. Every kind but news is labelled above the headline wherever the
     * piece appears, and has its own listing at /types/<type>/.
     */
    type: z
      .string({ error: expecting('expected a type like "analysis" or "opinion"') })
      .transform((typed, ctx) => {
        const type = findType(typed);
        if (type) return type;
        ctx.addIssue({ code: 'custom', message: typeProblem(typed) });
        return z.NEVER;
      })
      .default(DEFAULT_TYPE),
    /**
     * Where the piece stands on the front page (src/model/front.ts): `lead` asks to lead it, `top`
     * to be among the top stories, each for SITE.leadHours after publication. Leave it out for
     * neither.
     */
    prominence: z
      .string({ error: expecting('expected "lead" or "top" (or leave prominence out)') })
      .transform((typed, ctx) => {
        const prominence = typed.trim().toLowerCase();
        if (prominence === 'lead' || prominence === 'top') return prominence;
        ctx.addIssue({ code: 'custom', message: `expected "lead" or "top" (or leave prominence out), found ${shown(typed)}` });
        return z.NEVER;
      })
      .optional(),
    /**
     * The series (a running story told over several pieces) this piece belongs to, by name: pieces
     * naming the same series, case, spacing and invisible characters ignored, are listed together at
     * /series/<slug>/ and linked from each other.
     */
    series: text('a series name')
      .overwrite(normalizeName)
      // Said once: an empty or invisible name is refused by text() already.
      .refine((name) => normalizeName(name) === '' || tagSlug(name) !== '', { error: 'expected a series name with at least one letter, digit or emoji' })
      .optional(),
    /** Which part of its series this piece is (1, 2, …): the series' reading order. Needs `series`; no two pieces may claim one part. */
    part: z
      .int({ error: expecting('expected a whole number, the part of the series (1, 2, …)') })
      .min(1, { error: 'expected a part of 1 or more' })
      .optional(),
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
    /** The authors' names, when the copy gives them. Never guessed: leave it out when unknown. */
    byline: bylineField,
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
     * Corrections, in the open: each with the date it was made (same forms as `published`), its
     * kind (a correction unless it says otherwise) and what was wrong, in inline Markdown ("An
     * earlier version misstated *the date* of …"). Shown at the article's foot; the latest one is
     * the article's modified time.
     */
    corrections: z
      .array(
        strictFields(
          {
            /** When the correction was made. */
            date: date('the correction date'),
            /**
             * What kind of note this is (src/model/corrections.ts CORRECTION_KINDS): `correction`
             * (the default: an error put right), `clarification` (nothing was wrong, something was
             * unclear or missing) or `editors-note` (a word from the editors about the piece); case
             * ignored. Each kind has its own heading at the article's foot; corrections and
             * clarifications are listed at /corrections/.
             */
            kind: z
              .string({ error: expecting('expected a kind: correction, clarification or editors-note') })
              .transform((typed, ctx) => {
                const kind = findCorrectionKind(typed);
                if (kind) return kind;
                ctx.addIssue({ code: 'custom', message: `expected one of the kinds ${CORRECTION_KIND_NAMES.join(', ')}, found ${shown(typed)}` });
                return z.NEVER;
              })
              .default(DEFAULT_CORRECTION_KIND),
            /**
             * What was corrected: inline Markdown (emphasis, links, code), one paragraph. The
             * content check refuses blocks, pictures and raw HTML (src/markdown/inline.ts).
             */
            text: text('the correction text'),
          },
          'a correction',
        ),
        { error: expecting('expected a list of corrections, each with date and text (and kind, if not a correction)') },
      )
      .min(1, { error: 'expected at least one correction, or leave the field out' })
      .optional(),
    /**
     * A live story (src/model/live.ts): `true` while coverage runs, its updates (content/updates/,
     * or UPDATES_DIR) shown newest first under the body, the page labelled "Live" and refreshed by
     * a small script; `false` once coverage has ended (the updates stay, the page reads as a
     * finished story). Leave it out for a piece that was never live: no update may name it.
     */
    live: z.boolean({ error: expecting('expected true (coverage running) or false (coverage ended)') }).optional(),
    /** Drafts are built only in preview, never published. */
    draft: z.boolean({ error: expecting('expected true or false') }).default(false),
  },
  'front matter',
).superRefine((data, ctx) => {
  checkDateOrder(data, ctx);
  checkPart(data, ctx);
});

/**
 * Only the dates, series and part of an article's front matter, other fields let through: what the
 * content check runs when the whole schema failed, to report the object's own rules in the same
 * pass (`checkDateOrder`, `checkPart`).
 */
export const articleRulesSchema = z
  .looseObject({
    published: date('the publication date'),
    updated: date('the update date').optional(),
    corrections: z.array(z.looseObject({ date: date('the correction date') })).optional(),
    series: z.unknown().optional(),
    part: z.unknown().optional(),
  })
  .superRefine((data, ctx) => {
    checkDateOrder(data, ctx);
    checkPart({ series: data.series === undefined ? undefined : String(data.series), part: typeof data.part === 'number' ? data.part : undefined }, ctx);
  });

/** Front matter after validation: what the model layer reads. */
export type ArticleData = z.output<typeof articleSchema>;

/** Front matter as written, before validation fills defaults: what the Markdown renderer is handed. */
export type ArticleFrontMatter = z.input<typeof articleSchema>;
