/**
 * Astro's map of the pictures content entries use, by import id (`./photo.jpg?astroContentImageFlag=&importer=<file>`):
 * the module `render()` itself reads to resolve a body's picture placeholders
 * (astro/src/content/runtime.ts `updateImageReferencesInBody`). Astro ships no type for it.
 */
declare module 'astro:asset-imports' {
  const pictures: Map<string, import('astro').ImageMetadata>;
  export default pictures;
}
