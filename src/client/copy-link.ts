/**
 * Copy buttons: the "Copy link" button of the share links (src/components/ShareLinks.astro) and
 * each feed address's "Copy" (src/components/FeedAddress.astro). A button ships hidden and is
 * shown only where this script runs and the page may write to the clipboard (the Async
 * Clipboard API needs a secure context), so no reader meets a button that does nothing.
 */

/** How long "Link copied" stays before the status line empties, so a second copy is announced again. */
const STATUS_MS = 4000;

/** How long a feed address's button says "Copied" before it reads "Copy" again. */
const COPIED_MS = 2000;

/**
 * Shows `button` and copies `text` on each click, where the page may write to the clipboard;
 * else leaves it hidden. `start` runs as a click begins, `done` once the clipboard has answered
 * (true when the text was copied).
 */
export function offerCopy(button: HTMLButtonElement, text: string | undefined, { start, done }: { start?: () => void; done: (copied: boolean) => void }): void {
  if (!window.isSecureContext || !navigator.clipboard?.writeText || !text) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    start?.();
    try {
      await navigator.clipboard.writeText(text);
      done(true);
    } catch {
      done(false);
    }
  });
}

/**
 * Wires one share block: `button` carries the address to copy in `data-copy-link`, `status` is
 * its polite live region, where the outcome is announced.
 */
export function startCopyLink(button: HTMLButtonElement, status: HTMLElement): void {
  let clear: ReturnType<typeof setTimeout> | undefined;
  offerCopy(button, button.dataset['copyLink'], {
    start: () => {
      clearTimeout(clear);
      status.textContent = '';
    },
    done: (copied) => {
      status.textContent = copied ? 'Link copied' : 'The link could not be copied: copy it from the address bar.';
      clear = setTimeout(() => (status.textContent = ''), STATUS_MS);
    },
  });
}

/**
 * Wires a feed address's copy button: the address is in `data-copy`; the button reads "Copied"
 * for a moment once it is on the clipboard (a failed copy leaves it as it was: the address stays
 * selectable beside it).
 */
export function startCopyAddress(button: HTMLButtonElement): void {
  offerCopy(button, button.dataset['copy'], {
    done: (copied) => {
      if (!copied) return;
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = 'Copy'), COPIED_MS);
    },
  });
}
