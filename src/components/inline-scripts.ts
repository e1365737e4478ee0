import { THEME_KEY } from '../chrome';

/**
 * Applies the reader's stored theme before the first paint (ThemeScript.astro puts it inline in
 * the head: a bundled module would run after the page was painted in the system scheme), and marks
 * the page as one that runs scripts (`data-script` on <html>), so the theme toggle's place is kept
 * from the first paint and nothing moves when its module shows it (chrome.css).
 */
export const THEME_SCRIPT = `var root=document.documentElement;root.dataset.script='';try{var theme=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(theme==='light'||theme==='dark')root.dataset.theme=theme}catch(e){}`;

/**
 * Every inline script any page carries, as the page carries it. The Content-Security-Policy in
 * `_headers` allows exactly these by hash (src/integrations/headers.ts); the hostile-content
 * browser test fails on any page whose scripts the policy blocks.
 */
export const INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT];
