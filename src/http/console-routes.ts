import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';
import { projectRoot } from '../platform/project-root.js';

export interface ConsoleFiles {
  /** index.html and the stylesheet. */
  staticDir: string;
  /** The compiled browser modules (`app.js` and what it imports). */
  scriptDir: string;
}

export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The privacy officers' console: a static page and its modules, no data. Everything it shows comes
 * from the API with the officer's own token, so this router needs no guard; the headers make the
 * page refuse inline script, framing and caching, since it displays audit data on a shared screen.
 */
export function consoleRoutes(files: ConsoleFiles = defaultConsoleFiles()): Router {
  const indexFile = join(files.staticDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`console page not found at ${indexFile}; ship src/http/console/static with the build`);
  if (!existsSync(join(files.scriptDir, 'app.js')))
    throw new Error(`console script not found in ${files.scriptDir}; run npm run build (it compiles src/http/console)`);
  const index = readFileSync(indexFile, 'utf8');
  const serve = { index: false, redirect: false, cacheControl: false, dotfiles: 'ignore' } as const;

  const router = Router();
  router.use('/console', consoleHeaders);
  router.get(['/console', '/console/'], (_req, res) => {
    res.type('html').send(index);
  });
  router.use('/console', express.static(files.staticDir, serve));
  router.use('/console', onlyModules, express.static(files.scriptDir, serve));
  return router;
}

export function defaultConsoleFiles(): ConsoleFiles {
  return {
    staticDir: join(projectRoot(), 'src', 'http', 'console', 'static'),
    scriptDir: join(dirname(fileURLToPath(import.meta.url)), 'console'),
  };
}

const consoleHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};

/** The build folder also holds source maps and declarations; only the modules are served. */
const onlyModules: RequestHandler = (req, _res, next) => {
  next(req.path.endsWith('.js') ? undefined : 'router');
};
