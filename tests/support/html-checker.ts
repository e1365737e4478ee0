import { execFileSync, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './paths';

/** The Nu HTML Checker (the W3C validator's engine), as the vnu-jar package ships it. */
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

function hasJava(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian's Java runtime when `java` is missing (needs root and the Debian mirrors). */
export function ensureJava(): void {
  if (hasJava()) return;
  console.log('[e2e] java is missing: installing Debian default-jre-headless with apt-get');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'default-jre-headless'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!hasJava()) throw new Error('default-jre-headless installed, but `java` still does not run');
}

interface NuMessage {
  type: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * A short run's Java: the quick compiler only (-XX:TieredStopAtLevel=1), which halves the
 * checker's processor time on a site of 18 pages or of 369 and takes a fifth less time, as the
 * optimising compiler's work never pays back in a run of seconds; with it, the checker's schema
 * evaluation needs more than the default thread stack (it says so, asking for at least 512k).
 */
const JAVA_OPTIONS = ['-XX:TieredStopAtLevel=1', '-Xss4m'];

/**
 * Every error the Nu HTML Checker finds in the HTML files under `dir`, one line each:
 * `articles/x/index.html:1.3646: Stray start tag "script".` (with the text around it).
 */
export function nuHtmlErrors(dir: string): string[] {
  ensureJava();
  const result = spawnSync('java', [...JAVA_OPTIONS, '-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'json', dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // The checker writes its report to standard error and exits 1 when it found errors.
  const report = JSON.parse(result.stderr) as { messages: NuMessage[] };
  if (result.status !== 0 && report.messages.length === 0) throw new Error(`the Nu HTML Checker failed:\n${result.stderr}`);
  return report.messages.map(
    (m) => `${relative(dir, fileURLToPath(m.url))}:${m.lastLine ?? '?'}.${m.firstColumn ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`,
  );
}
