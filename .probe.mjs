import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage();
p.on('console', m => console.log('console', m.type(), m.text()));
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto('http://127.0.0.1:4396/search/?q=stoltenberg');
await p.waitForTimeout(2000);
console.log(await p.locator('[data-search-status]').textContent(), await p.locator('.search-results li').count());
await b.close();
