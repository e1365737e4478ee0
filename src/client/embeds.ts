/**
 * Click-to-load video blocks (src/markdown/embeds.ts `rehypeEmbedBlocks`): each block gets a
 * "Play" button that puts the host's player in the block's place. Until a reader presses it the
 * page makes no request to the host; without JavaScript the block's link to the video's page is
 * the way to watch it.
 */

/** Lets the player start at once: the reader asked for it, and the frame is allowed to autoplay. */
function playing(player: string): string | undefined {
  try {
    const url = new URL(player);
    // Only what rehypeEmbedBlocks wrote reaches here (copy's data attributes are sanitised away);
    // the CSP's frame-src names the same players.
    if (url.protocol !== 'https:') return undefined;
    url.searchParams.set('autoplay', '1');
    return url.href;
  } catch {
    return undefined;
  }
}

/** Adds the play button to every block under `root`. */
export function startEmbeds(root: ParentNode = document): void {
  for (const frame of root.querySelectorAll<HTMLElement>('.embed__frame[data-player]')) {
    const src = playing(frame.dataset['player'] ?? '');
    if (!src || frame.querySelector('button')) continue;
    const title = frame.dataset['title'] ?? 'video';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed__play';
    button.textContent = `Play ${title}`;
    button.addEventListener('click', () => {
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = title;
      // `allow` covers full screen too: setting allowfullscreen as well makes Chromium warn.
      iframe.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
      frame.replaceChildren(iframe);
      frame.classList.add('embed__frame--playing');
      iframe.focus();
    });
    frame.prepend(button);
  }
}
