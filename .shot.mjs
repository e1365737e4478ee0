import { chromium } from 'playwright';
const [,, url, out, w, scheme, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +(h||900) }, colorScheme: scheme });
await p.goto(url); await p.screenshot({ path: out }); await b.close();
