import { existsSync, readFileSync, statSync } from 'node:fs';
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
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Where and how `serveStatic` serves. */
export interface ServeOptions {
  /** The folder's place on the host, with a trailing slash: `/` or `/news/`. */
  mount?: string;
  /** The port to listen on; 0 (the default) takes any free one. */
  port?: number;
}

/**
 * Serves a folder as a plain static host would: files as they are, `index.html` for folders,
 * the folder's `404.html` with status 404 for everything else, nothing rewritten; optionally at
 * a sub-path (`mount`), whose address without the trailing slash redirects to it. Like Netlify
 * and Cloudflare Pages it applies the folder's `_headers` file (CSP and the feeds' content
 * types), so browser tests run under the policy readers get. `npm run preview` is this server
 * (scripts/preview.ts); left running, it serves each new build once `npm run build` swaps it in.
 * Listens on 127.0.0.1 only.
 */
export async function serveStatic(dir: string, { mount = '/', port = 0 }: ServeOptions = {}): Promise<StaticServer> {
  // sirv lists the folder's files and sizes once; `npm run build` replaces the folder whole (a
  // rename), so a preview left running follows the new folder by reading it again when it changes.
  let served:
    { folder: bigint | undefined; rules: ReturnType<typeof parseHeadersFile>; files: ReturnType<typeof sirv> } | undefined;
  const current = () => {
    const folder = existsSync(dir) ? statSync(dir, { bigint: true }).ino : undefined;
    if (served?.folder !== folder || !served) {
      const headerFile = join(dir, '_headers');
      served = {
        folder,
        rules: existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, 'utf8')) : [],
        files: sirv(dir, { dev: false, etag: false, dotfiles: true }),
      };
    }
    return served;
  };
  const notFoundPage = join(dir, '404.html');
  const notFound = (res: ServerResponse) => {
    const body = existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found';
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
  // A host serving the folder at a sub-path (GitHub Pages project sites, a /news/ folder):
  // the prefix is the folder's place on the host, nothing more. Outside it there is nothing.
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    let path: string;
    try {
      path = decodeURI(url.split('?')[0] ?? '/');
    } catch {
      return res.writeHead(400).end('Bad request: the address holds a broken %-escape');
    }
    const { rules, files } = current();
    for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    // Hosts answer a folder's address without its slash (/news) with a redirect to the folder.
    if (mount !== '/' && path === mount.slice(0, -1))
      return res.writeHead(301, { location: `${mount}${url.slice(path.length)}` }).end();
    if (!url.startsWith(mount)) return notFound(res);
    req.url = `/${url.slice(mount.length)}`;
    return files(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${listening}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
