import { THEME_KEY } from '../chrome';

/**
 * Applies the reader's stored theme before the first paint (ThemeScript.astro puts it inline in
 * the head: a bundled module would run after the page was painted in the system scheme).
 */
export const THEME_SCRIPT = `try{var theme=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(theme==='light'||theme==='dark')document.documentElement.dataset.theme=theme}catch(e){}`;

/**
 * Every inline script any page carries, as the page carries it. The Content-Security-Policy in
 * `_headers` allows exactly these by hash (src/integrations/headers.ts); the hostile-content
 * browser test fails on any page whose scripts the policy blocks.
 */
export const INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT];
