/**
 * A page of the publication's own (`content/pages/<slug>.md`, or PAGES_DIR): every field, with
 * its doc comment, once. The build's collection (src/content.config.ts) and `npm run check`
 * (src/checks/pages.ts) validate with it.
 */
import { z } from 'astro/zod';
import { findRole, PAGE_ROLE_NAMES } from '../model/about.ts';
import { strictFields, text } from './fields.ts';
import { expecting, likelyMeant, shown } from './messages.ts';

/** The front matter of one page in `content/pages/`. Unknown keys are rejected. */
export const pageSchema = strictFields(
  {
    /** The page's title, e.g. "How we correct errors". */
    title: text('a page title'),
    /** One sentence saying what the page holds: under the title, in the /about/ list and in search results. */
    description: text('a description (one sentence)'),
    /**
     * Which of the newsroom's standards the page states, if any (src/model/about.ts PAGE_ROLES):
     * `about`, `masthead`, `ethics`, `corrections-policy`, `verification`, `unnamed-sources`,
     * `ownership-funding`, `contact`, `diversity` or `feedback`; case ignored. The publisher's
     * structured data points its policy at the page with that role. One page per role.
     */
    role: z
      .string({ error: expecting(`expected a role: one of ${PAGE_ROLE_NAMES.join(', ')}`) })
      .transform((typed, ctx) => {
        const role = findRole(typed);
        if (role) return role;
        // A close spelling, else the role the typed word begins (`corrections` for corrections-policy).
        const key = typed.trim().toLowerCase();
        const hint = likelyMeant(typed, PAGE_ROLE_NAMES) ?? (key.length >= 4 ? PAGE_ROLE_NAMES.find((role) => role.startsWith(key)) : undefined);
        ctx.addIssue({ code: 'custom', message: `expected one of the roles ${PAGE_ROLE_NAMES.join(', ')}, found ${shown(typed)}${hint ? ` (did you mean "${hint}"?)` : ''}` });
        return z.NEVER;
      })
      .optional(),
  },
  'front matter',
);

/** A page's front matter after validation. */
export type PageData = z.output<typeof pageSchema>;
