/**
 * The "Copy link" button of the share links (src/components/ShareLinks.astro). The button ships
 * hidden and is shown only where this script runs and the page may write to the clipboard
 * (the Async Clipboard API needs a secure context), so no reader meets a button that does nothing.
 */

/** How long "Link copied" stays before the status line empties, so a second copy is announced again. */
const STATUS_MS = 4000;

/**
 * Wires one share block: `button` carries the address to copy in `data-copy-link`, `status` is
 * its polite live region, where the outcome is announced.
 */
export function startCopyLink(button: HTMLButtonElement, status: HTMLElement): void {
  if (!window.isSecureContext || !navigator.clipboard?.writeText) return;
  const address = button.dataset['copyLink'];
  if (!address) return;
  let clear: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener('click', async () => {
    clearTimeout(clear);
    status.textContent = '';
    try {
      await navigator.clipboard.writeText(address);
      status.textContent = 'Link copied';
    } catch {
      status.textContent = 'The link could not be copied: copy it from the address bar.';
    }
    clear = setTimeout(() => (status.textContent = ''), STATUS_MS);
  });
}
