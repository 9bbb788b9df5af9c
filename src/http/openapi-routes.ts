import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { parse } from 'yaml';
import { projectRoot } from '../platform/project-root.js';

/** The committed contract, as JSON: what clients generate code from is exactly what is reviewed. */
export function openApiRoutes(): Router {
  const document = parse(readFileSync(join(projectRoot(), 'contracts', 'openapi.yaml'), 'utf8')) as unknown;
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
