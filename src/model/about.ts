import type { AboutPage as AboutPageNode, NewsMediaOrganizationLeaf, WebPage, WithContext } from 'schema-dts';
import { SITE } from '../site.ts';
import { absoluteUrl, pathWithBase, paths } from './urls.ts';

/**
 * The publication's own pages (`content/pages/<slug>.md`, or PAGES_DIR), built at
 * /about/<slug>/ and listed at /about/: who publishes the site and the standards it keeps, the
 * Trust Project's "best practices" indicator. A page's `role` says which standard it is, and so
 * which property of the publisher's structured data points at it (`PAGE_ROLES`).
 */

/** The schema.org properties of a news organisation that point at one of its policies. */
type PolicyProperty = keyof NewsMediaOrganizationLeaf &
  (
    | 'publishingPrinciples'
    | 'masthead'
    | 'ethicsPolicy'
    | 'correctionsPolicy'
    | 'verificationFactCheckingPolicy'
    | 'unnamedSourcesPolicy'
    | 'ownershipFundingInfo'
    | 'diversityPolicy'
    | 'actionableFeedbackPolicy'
  );

/** What a role means, for editors (docs/editing.md words the same), and where structured data puts its page. */
export interface PageRoleInfo {
  /** What such a page says. */
  meaning: string;
  /**
   * The property of the publisher (NewsMediaOrganization, schema.org and the Trust Project's
   * indicators) whose value is the page's address; `contactPoint` makes a ContactPoint of it.
   */
  property: PolicyProperty | 'contactPoint';
}

/**
 * The roles a page may have, in the order /about/ lists them, each with the property it fills
 * (schema.org NewsMediaOrganization; https://thetrustproject.org "best practices"). A role belongs
 * to one page at most.
 */
export const PAGE_ROLES = {
  about: { meaning: 'who publishes the site and the principles it works by', property: 'publishingPrinciples' },
  masthead: { meaning: 'who runs the newsroom', property: 'masthead' },
  ethics: { meaning: 'the ethics code the newsroom keeps', property: 'ethicsPolicy' },
  'corrections-policy': { meaning: 'how errors are corrected, and where', property: 'correctionsPolicy' },
  verification: { meaning: 'how facts are checked before publication', property: 'verificationFactCheckingPolicy' },
  'unnamed-sources': { meaning: 'when a source may go unnamed', property: 'unnamedSourcesPolicy' },
  'ownership-funding': { meaning: 'who owns and funds the publication', property: 'ownershipFundingInfo' },
  contact: { meaning: 'how to reach the newsroom', property: 'contactPoint' },
  diversity: { meaning: 'the diversity of staff and of sources', property: 'diversityPolicy' },
  feedback: { meaning: 'how readers take part and are answered', property: 'actionableFeedbackPolicy' },
} as const satisfies Record<string, PageRoleInfo>;

/** A page's role: a key of `PAGE_ROLES`. */
export type PageRole = keyof typeof PAGE_ROLES;

/** Every role, in `PAGE_ROLES` order. */
export const PAGE_ROLE_NAMES = Object.keys(PAGE_ROLES) as PageRole[];

/** The role a typed value names, ignoring case, surrounding space, and spaces or underscores for its hyphens (`Corrections policy`); undefined for none. */
export function findRole(typed: string): PageRole | undefined {
  const key = typed.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return Object.hasOwn(PAGE_ROLES, key) ? (key as PageRole) : undefined;
}

/** One of the publication's pages, as /about/ and its own page show it. */
export interface AboutPage {
  /** The URL slug: the file name, slugged as articles' are. */
  slug: string;
  /** The file, for error messages. */
  file: string;
  title: string;
  /** One sentence saying what the page holds: under its title, in the /about/ list and in search results. */
  description: string;
  role: PageRole | undefined;
  /** The body as HTML (site-relative links under the base), rendered by the article pipeline. */
  html: string;
}

/** The order /about/ lists pages in: by role (`PAGE_ROLES` order), pages without one last, then by title and slug. */
export function compareAboutPages(a: Pick<AboutPage, 'role' | 'title' | 'slug'>, b: Pick<AboutPage, 'role' | 'title' | 'slug'>): number {
  const rank = (page: Pick<AboutPage, 'role'>) => (page.role ? PAGE_ROLE_NAMES.indexOf(page.role) : PAGE_ROLE_NAMES.length);
  return rank(a) - rank(b) || a.title.localeCompare(b.title, SITE.locale) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * What structured data says of the publisher that content decides: the page (slug) holding each
 * role. One object per build, in the props of every page that shows the publisher, so adding a
 * policy page re-renders them.
 */
export interface Publisher {
  /** Role → the slug of the page with that role, in `PAGE_ROLES` order; roles no page has are absent. */
  policies: Partial<Record<PageRole, string>>;
}

/** The publisher of a set of pages (`Publisher`). Roles must be unique (the content check and the build refuse two pages with one). */
export function publisherOf(pages: readonly Pick<AboutPage, 'role' | 'slug'>[]): Publisher {
  const policies: Publisher['policies'] = {};
  for (const role of PAGE_ROLE_NAMES) {
    const page = pages.find((candidate) => candidate.role === role);
    if (page) policies[role] = page.slug;
  }
  return { policies };
}

/** The `@id` of the publisher's node: the home page's address with `#publisher`, the same on every page, so others refer to it. */
export function publisherId(site: URL | string): string {
  return `${absoluteUrl(paths.home(), site)}#publisher`;
}

/** The publication's principles page (role `about`), absolute: an article's `publishingPrinciples`; undefined when there is none. */
export function principlesUrl(publisher: Publisher, site: URL | string): string | undefined {
  const slug = publisher.policies.about;
  return slug === undefined ? undefined : absoluteUrl(paths.aboutPage(slug), site);
}

/**
 * The publisher as one schema.org NewsMediaOrganization with a stable `@id` (`publisherId`): name,
 * address, logo (an ImageObject with its size, SITE.publisher.logo), `sameAs` (SITE.publisher),
 * and each policy property pointing at the page with its role (`PAGE_ROLES`). A property whose
 * role no page has is left out, never empty and never a dead link.
 */
export function publisherNode(publisher: Publisher, site: URL | string): WithContext<NewsMediaOrganizationLeaf> {
  const { logo, sameAs } = SITE.publisher;
  // A size in schema.org is a QuantitativeValue; E37 is UN/CEFACT's code for the pixel.
  const node: WithContext<NewsMediaOrganizationLeaf> = {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': publisherId(site),
    name: SITE.title,
    url: absoluteUrl(paths.home(), site),
    logo: { '@type': 'ImageObject', url: absoluteUrl(pathWithBase(logo.path), site), width: { '@type': 'QuantitativeValue', value: logo.width, unitCode: 'E37' }, height: { '@type': 'QuantitativeValue', value: logo.height, unitCode: 'E37' } },
    ...(sameAs.length > 0 && { sameAs: [...sameAs] }),
  };
  const policies: { [Property in PolicyProperty]?: string } = {};
  for (const role of PAGE_ROLE_NAMES) {
    const slug = publisher.policies[role];
    if (slug === undefined) continue;
    const url = absoluteUrl(paths.aboutPage(slug), site);
    const { property } = PAGE_ROLES[role];
    if (property === 'contactPoint') node.contactPoint = { '@type': 'ContactPoint', contactType: 'newsroom', url };
    else policies[property] = url;
  }
  return { ...node, ...policies };
}

/** The /about/ page as schema.org sees it: an AboutPage about the publisher (`publisherId`, whose node the page carries too). */
export function aboutIndexNode(title: string, site: URL | string): WithContext<AboutPageNode> {
  return { '@context': 'https://schema.org', '@type': 'AboutPage', name: title, url: absoluteUrl(paths.about(), site), about: { '@id': publisherId(site) } };
}

/**
 * One of the publication's pages as schema.org sees it: an AboutPage for the `about` role, a
 * WebPage otherwise, published by the publisher (`publisherId`, whose node the page carries too).
 */
export function aboutPageNode(page: Pick<AboutPage, 'slug' | 'title' | 'description' | 'role'>, site: URL | string): WithContext<AboutPageNode | WebPage> {
  const common = {
    '@context': 'https://schema.org',
    name: page.title,
    description: page.description,
    url: absoluteUrl(paths.aboutPage(page.slug), site),
    publisher: { '@id': publisherId(site) },
  } as const;
  return page.role === 'about' ? { ...common, '@type': 'AboutPage', about: { '@id': publisherId(site) } } : { ...common, '@type': 'WebPage' };
}
