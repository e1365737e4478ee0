/**
 * One update to a live story (`content/updates/<name>.md`, or UPDATES_DIR): every field, with its
 * doc comment, once. The build's collection (src/content.config.ts) and `npm run check`
 * (src/checks/updates.ts) validate with it; the rules between an update and its story (it names
 * a live story, it comes after its publication) are src/checks/updates.ts `updateProblems`.
 */
import { z } from 'astro/zod';
import { bylineField } from './article.ts';
import { date, strictFields, text } from './fields.ts';
import { expecting } from './messages.ts';

/** The front matter of one update. Unknown keys are rejected. */
export const updateSchema = strictFields(
  {
    /** The live story the update belongs to: its slug, as in its address (`/articles/<slug>/`). */
    story: text("the live story's slug (as in its address, /articles/<slug>/)"),
    /**
     * When the update was posted: a date and time (same forms as an article's `published`, but
     * never a bare date). An update dated after the build's clock (BUILD_TIME) waits, as a
     * scheduled article does.
     */
    published: date('the time of the update').refine((canonical) => canonical.length > 10, {
      // A bare day would be midnight: listed as the oldest update of its day, shown without a time.
      error: 'expected the time of the update as a date and time like 2026-11-28T09:15, found a date alone',
    }),
    /** The update's own heading, e.g. "Leaders arrive in Vilnius"; without one, its time heads it. */
    title: text("the update's heading").optional(),
    /** A key event (src/model/live.ts): listed under "Key events" at the top of the story. */
    key: z.boolean({ error: expecting('expected true or false') }).default(false),
    /** Who wrote the update, when it is not the story's byline. Never guessed. */
    byline: bylineField,
  },
  'front matter',
);

/** An update's front matter after validation. */
export type UpdateData = z.output<typeof updateSchema>;
