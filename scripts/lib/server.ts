import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  close: () => Promise<void>;
}

/** The rules of a Netlify/Cloudflare-style `_headers` file: a path pattern, then its headers. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Serves a folder as a plain static host would: files as they are, `index.html` for folders,
 * `404.html` for everything else, nothing rewritten; optionally at a sub-path (`mount`). Like
 * Netlify and Cloudflare Pages it applies the folder's `_headers` file (CSP included), so
 * browser tests run under the policy readers get. Listens on 127.0.0.1 only.
 */
export async function serveStatic(dir: string, { mount = '/' }: { mount?: string } = {}): Promise<StaticServer> {
  const headerFile = join(dir, '_headers');
  const rules = existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, 'utf8')) : [];
  const files = sirv(dir, { dev: false, etag: false, dotfiles: true });
  const notFoundPage = join(dir, '404.html');
  const notFound = (res: ServerResponse) => {
    const body = existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found';
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
  // A host serving the folder at a sub-path (GitHub Pages project sites, a /news/ folder):
  // the prefix is the folder's place on the host, nothing more. Outside it there is nothing.
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = decodeURI(url.split('?')[0] ?? '/');
    for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    if (!url.startsWith(mount)) return notFound(res);
    req.url = `/${url.slice(mount.length)}`;
    return files(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
