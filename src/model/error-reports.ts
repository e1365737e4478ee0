/**
 * "Report an error": a `mailto:` address (RFC 6068) to the newsroom's address (SITE.errorReportsTo)
 * with the headline in the subject and the article's address in the body, so the report says
 * which piece it is about. Subject and body are percent-encoded as RFC 6068 §2 asks (a space is
 * %20, never +, which mail programs would show). Throws when `address` is not one mailbox
 * (`name@host.tld`, nothing a mailto would read as more headers).
 */
export function errorReportLink(address: string, headline: string, articleUrl: string): string {
  const problem = errorAddressProblem(address);
  if (problem) throw new Error(`SITE.errorReportsTo: ${problem}`);
  const subject = `Error report: ${headline}`;
  const body = `About ${articleUrl}\n\nWhat is wrong, and how do you know?\n`;
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * What is wrong with an error-report address (SITE.errorReportsTo), worded for the editor; undefined
 * when it is one mailbox, `name@host.tld`, with nothing a `mailto:` would read as more: no scheme,
 * no second address, no header. The content check asks this before every build
 * (src/checks/content.ts), naming src/site.ts and the setting.
 */
export function errorAddressProblem(address: string): string | undefined {
  return /^[^\s@?#&%,;:/<>"]+@[^\s@?#&%,;:/<>"]+\.[^\s@?#&%,;:/<>"]+$/.test(address)
    ? undefined
    : `expected one e-mail address like corrections@example.org (no "mailto:"), found "${address}"`;
}
