/**
 * A live story's page, kept fresh while it is open (src/components/LiveCoverage.astro). Every
 * POLL_MS it asks for the story's JSON Feed (src/feeds/channels.ts `updatesChannel`) past any
 * cache (`cache: 'no-cache'`: revalidated, so a 304 costs a few bytes); it asks nothing while the
 * tab is hidden, and asks at once when it is shown again. New updates go in at the top when the
 * reader is there; a reader further down gets an "N new updates" button instead, so nothing moves
 * under their eyes. Arrivals are announced in the polite live region; key events join their list;
 * a feed marked `expired` ends the polling with "Coverage has ended".
 *
 * Nothing is built from feed text by concatenation: each update is a copy of the page's template,
 * its words set as text and its body the feed's `content_html`, which the build sanitised (parsed
 * by DOMParser, whose documents run no script, then moved in). No third-party code; kept under
 * 2 KB gzipped (`npm run size`).
 */

/** How often an open page asks for new updates: Newspack polls every 10 s, the Guardian about every 30. */
const POLL_MS = 30_000;

/** The feed as the script reads it: JSON Feed 1.1 with the `_live` extension (src/feeds/items.ts `FeedItem.live`). */
interface Feed {
  expired?: boolean;
  items: {
    id: string;
    title: string;
    content_html: string;
    _live: { datetime: string; time: string; titled: boolean; key: boolean; byline?: string };
  }[];
}

/** The element id an update's permalink points at: its fragment, decoded as a browser decodes it (src/model/live.ts `updatePermalink`). */
const anchorOf = (permalink: string) => decodeURIComponent(new URL(permalink).hash.slice(1));

const plural = (count: number) => `${count} new update${count === 1 ? '' : 's'}`;

/** Starts polling for the live section on this page, if there is one and it has a feed (coverage running). */
export function startLive(root: HTMLElement | null = document.querySelector<HTMLElement>('[data-live-feed]')): void {
  const feed = root?.dataset['liveFeed'];
  if (!root || !feed) return;
  const find = <T extends Element>(selector: string, within: ParentNode = root) => within.querySelector<T>(selector)!;
  const list = find<HTMLElement>('.live__updates');
  const template = find<HTMLTemplateElement>('.live__template');
  const button = find<HTMLButtonElement>('.live__new');
  const status = find<HTMLElement>('.live__status');
  const keyEvents = find<HTMLElement>('.key-events');
  const keyList = find<HTMLOListElement>('ol', keyEvents);
  // The cap the build lists key events to (src/model/live.ts KEY_EVENTS_LIMIT), read from the page.
  const keyLimit = Number(keyList.dataset['limit']);
  const seen = new Set([...list.children].map((update) => update.id));
  let waiting: HTMLElement[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  // Each new key update's entry in the key events list, added when the update is shown.
  const keyEntries = new WeakMap<HTMLElement, HTMLLIElement>();

  const build = (item: Feed['items'][number]): HTMLElement => {
    const id = anchorOf(item.id);
    const update = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    update.id = id;
    update.setAttribute('aria-labelledby', `${id}-heading`);
    const link = find<HTMLAnchorElement>('.live-update__time', update);
    link.href = `#${id}`;
    const time = document.createElement('time');
    time.dateTime = item._live.datetime;
    time.textContent = item._live.time;
    link.replaceChildren(time);
    find<HTMLElement>('.live-update__key', update).hidden = !item._live.key;
    const heading = find<HTMLElement>('.live-update__title', update);
    heading.id = `${id}-heading`;
    heading.textContent = item.title;
    heading.classList.toggle('visually-hidden', !item._live.titled);
    const byline = find<HTMLElement>('.byline', update);
    byline.textContent = item._live.byline ?? '';
    byline.hidden = !item._live.byline;
    const body = new DOMParser().parseFromString(item.content_html, 'text/html').body;
    find<HTMLElement>('.live-update__body', update).append(...body.childNodes);
    if (item._live.key) {
      const entry = document.createElement('li');
      const to = entry.appendChild(document.createElement('a'));
      to.href = `#${id}`;
      to.append(time.cloneNode(true), ' ', Object.assign(document.createElement('span'), { textContent: item.title }));
      keyEntries.set(update, entry);
    }
    return update;
  };

  // Newest first, as the page lists them; key events join their list as their update is shown.
  const show = (updates: HTMLElement[]) => {
    list.prepend(...updates);
    const entries = updates.flatMap((update) => keyEntries.get(update) ?? []);
    keyList.prepend(...entries);
    while (keyList.children.length > keyLimit) keyList.lastElementChild!.remove();
    if (entries.length > 0) keyEvents.hidden = false;
  };

  const offer = () => {
    button.hidden = waiting.length === 0;
    button.textContent = waiting.length > 0 ? `Show ${plural(waiting.length)}` : '';
  };

  const poll = async () => {
    timer = undefined;
    try {
      const response = await fetch(feed, { cache: 'no-cache' });
      if (response.ok) {
        const data = (await response.json()) as Feed;
        const fresh = data.items.filter((item) => !seen.has(anchorOf(item.id))).map(build);
        for (const update of fresh) seen.add(update.id);
        if (fresh.length > 0) {
          // "At the top": the list's first update has not scrolled above the window.
          if (waiting.length === 0 && list.getBoundingClientRect().top >= 0) show(fresh);
          else waiting = [...fresh, ...waiting];
          offer();
          status.textContent = plural(fresh.length);
        }
        if (data.expired) {
          ended = true;
          find<HTMLElement>('.live__ended').hidden = false;
          document.querySelector('.labels__live')?.remove();
          status.textContent = `${fresh.length > 0 ? `${plural(fresh.length)}. ` : ''}${find<HTMLElement>('.live__ended').textContent}`;
        }
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }
    schedule();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = ended || document.hidden ? undefined : setTimeout(poll, POLL_MS);
  };

  button.addEventListener('click', () => {
    const first = waiting[0];
    show(waiting);
    waiting = [];
    offer();
    first?.focus();
  });
  // A hidden tab asks nothing; shown again, it asks at once.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) schedule();
    else if (!ended) void poll();
  });
  schedule();
}
