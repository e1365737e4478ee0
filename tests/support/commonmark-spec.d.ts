/** The commonmark-spec package (no types of its own): the CommonMark spec's text and its examples, as its index.js reads them from spec.txt. */
declare module 'commonmark-spec' {
  /** One example: Markdown (a tab written as →) and the HTML the spec expects. */
  export interface Example {
    markdown: string;
    html: string;
    /** The spec section's heading. */
    section: string;
    /** Its number in the spec, from 1. */
    number: number;
  }
  const spec: { text: string; tests: Example[] };
  export default spec;
}
