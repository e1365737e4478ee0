/** The `id` of each page's `<main>`: the skip link's target. */
export const MAIN_ID = 'main';

/** Where the theme toggle stores the reader's choice ('light' | 'dark'). */
export const THEME_KEY = 'broadsheet-theme';
