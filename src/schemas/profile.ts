/**
 * An author's profile (`content/authors/<slug>.yaml`, or AUTHORS_DIR): every field, with its doc
 * comment, once. The build's collection (src/content.config.ts, with Astro's `image()` for the
 * portrait) and `npm run check` (src/checks/authors.ts, with the portrait as a path) validate with it.
 */
import { z } from 'astro/zod';
import { nameKey, normalizeName } from '../names.ts';
import { strictFields, text, webUrl } from './fields.ts';
import { expecting, shown } from './messages.ts';

/**
 * A fediverse handle, `@name@host`: the name in letters, digits, `_`, `.` and `-`; the host a DNS
 * name with at least one dot, each label letters, digits and inner hyphens (at most 63), the last
 * starting with a letter (no IP address), and no port.
 */
const FEDIVERSE_HANDLE = /^@[A-Za-z0-9_.-]+@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * An author's profile, `content/authors/<slug>.yaml` (or AUTHORS_DIR): the file name is the URL
 * slug of their page, /authors/<slug>/. A byline name equal to `name` links there. Unknown keys
 * are rejected, as in articles.
 */
export function authorSchemaFor<Picture extends z.ZodType>(picture: Picture) {
  return strictFields(
    {
      /** The name exactly as bylines print it: the match between an article and this profile (both normalised: src/text.ts normalizeName). */
      name: text("the author's name").overwrite(normalizeName),
      /** The job, as the newsroom titles it, e.g. "Asia correspondent". */
      role: text('the author\'s role, e.g. "Asia correspondent"'),
      /** A short biography, plain text, shown on the author's page. */
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
      /** Where else to find the person: a social profile, a newsletter, an e-mail page. */
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
      /** Subjects the author writes about, as the newsroom names them, e.g. "Shipping". At least one; each once. Shown on their page and in its JSON-LD (`knowsAbout`). */
      expertise: z
        .array(text('a subject').overwrite(normalizeName), { error: expecting('expected a list of subjects') })
        .min(1, { error: 'expected at least one subject' })
        .superRefine((subjects, ctx) => {
          const seen = new Map<string, string>();
          subjects.forEach((subject, index) => {
            const key = nameKey(subject);
            const first = seen.get(key);
            if (first === undefined) seen.set(key, subject);
            else ctx.addIssue({ code: 'custom', path: [index], message: `expected each subject once, found "${subject}" again (as "${first}")` });
          });
        })
        .optional(),
      /** Their fediverse handle, `@name@host` (e.g. `@jane@social.example`): their articles name it for Mastodon's author attribution (`fediverse:creator`). */
      fediverse: text('a fediverse handle')
        .refine((handle) => FEDIVERSE_HANDLE.test(handle), {
          error: (issue) => `expected a fediverse handle like @name@host, found ${shown(issue.input)}`,
        })
        .optional(),
    },
    "an author's profile",
  );
}

/** An author's profile with the portrait as a path: what `npm run check` validates. */
export const authorSchema = authorSchemaFor(text('an image path'));

/** An author's profile after validation. */
export type AuthorData = z.output<typeof authorSchema>;
