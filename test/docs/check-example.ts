import { z } from 'zod';
import { API_SCHEMAS } from '../../contracts/api/openapi.js';
import { API_ROUTES, type RouteSpec } from '../../contracts/api/routes.js';
import { contactRefreshedV1 } from '../../contracts/contact-refreshed.v1.js';
import { sourceDefinitionSchema } from '../../contracts/source-registry.js';
import { decodeIdentityUpdate } from '../../src/ingest/decode-event.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { createEventProjector } from '../../src/ingest/project-event.js';
import { providerMessage } from '../../src/ingest/provider-message.js';
import type { DocExample } from './doc-examples.js';

const SCHEMAS: Record<string, z.ZodType> = {
  ...Object.fromEntries(API_SCHEMAS.map((s) => [String(z.globalRegistry.get(s)?.id), s as z.ZodType])),
  ContactRefreshedV1: contactRefreshedV1,
  SourceDefinition: sourceDefinitionSchema,
};

/** Values the checked (not run) shell examples' variables stand for. */
const VARIABLES: Record<string, string> = {
  PERSON: '3f0c6f0e-8a5e-4c43-9a53-0d6a0b1e2f11',
  TOKEN: 'token',
  BINDING: '0b1f3a52-6c1e-4d0a-9f67-1c2d3e4f5a6b',
};

function schemaNamed(id: string, where: string): z.ZodType {
  const schema = SCHEMAS[id];
  if (schema === undefined) throw new Error(`${where}: no contract schema is called ${id}`);
  return schema;
}

function routeById(operationId: string, where: string): RouteSpec {
  const route = API_ROUTES.find((r) => r.operationId === operationId);
  if (route === undefined) throw new Error(`${where}: no API operation is called ${operationId}`);
  return route;
}

function mustParse(schema: z.ZodType, value: unknown, where: string): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`, { cause: error });
  }
}

/** A JSON block checked against a request, a success response or a named contract. */
export function checkJson(example: DocExample): void {
  const value = parseJson(example.code, example.where);
  const { request, response, schema } = example.params;
  if (request !== undefined) {
    const body = routeById(request, example.where).body;
    if (body === undefined) throw new Error(`${example.where}: ${request} takes no body`);
    mustParse(schemaNamed(body, example.where), value, example.where);
  } else if (response !== undefined) {
    const route = routeById(response, example.where);
    const ok = Object.entries(route.responses).find(([status, id]) => Number(status) < 300 && id !== null);
    if (ok === undefined) throw new Error(`${example.where}: ${response} answers no body`);
    mustParse(schemaNamed(ok[1]!, example.where), value, example.where);
  } else if (schema !== undefined) {
    mustParse(schemaNamed(schema, example.where), value, example.where);
  } else {
    throw new Error(`${example.where}: a checked json block names request=, response= or schema=`);
  }
}

/** An event decoded exactly as ingest decodes it, signed with the suite's key for the source. */
export function checkEvent(example: DocExample, env: NodeJS.ProcessEnv): void {
  const source = example.params.source;
  const event = parseJson(example.code, example.where) as { sourceId?: unknown; sourceRecordId?: unknown };
  if (source === undefined || event.sourceId !== source) throw new Error(`${example.where}: the event must be from source=${String(source)}`);
  const registry = loadSourceRegistry(env.SOURCE_REGISTRY_FILE ?? '', env);
  const key = registry.keyFor(source);
  if (key === undefined) throw new Error(`${example.where}: source ${source} has no key in the test registry`);
  const message = providerMessage({ ...event, sourceId: source, sourceRecordId: String(event.sourceRecordId) }, key);
  const decoded = decodeIdentityUpdate({ ...message, key: Buffer.from(message.key) }, registry, new Date());
  if (!decoded.ok) throw new Error(`${example.where}: ${decoded.rejection.reason} ${JSON.stringify(decoded.rejection.problems ?? decoded.rejection.detail)}`);
  const projected = createEventProjector({ fingerprintKey: Buffer.alloc(32, 1), clock: () => new Date() })(decoded.event, decoded.source);
  if (!projected.ok) throw new Error(`${example.where}: ${projected.rejection.reason} ${JSON.stringify(projected.rejection.problems ?? projected.rejection.detail)}`);
}

/** Shell words of one command: quotes, escapes, `$VAR` expansion and line continuations, as bash reads them. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const expand = (text: string) => text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => VARIABLES[name] ?? 'x');
  const s = command.replace(/\\\n/g, ' ');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      word = (word ?? '') + s.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; i < s.length && s[i] !== '"'; i++) text += s[i] === '\\' && /["\\$`]/.test(s[i + 1] ?? '') ? s[++i] : s[i];
      word = (word ?? '') + expand(text);
    } else if (c === '$') {
      const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(s.slice(i));
      word = (word ?? '') + (m ? expand(m[0]) : '$');
      i += (m?.[0].length ?? 1) - 1;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function templateMatches(template: string, path: string): boolean {
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return pattern.test(path);
}

/** Every curl of a shell block must name a published route, and its `-d` body satisfy the route's schema. */
export function checkCurls(example: DocExample): number {
  const commands = example.code.replace(/\\\n/g, ' ').split('\n').filter((l) => /^\s*curl\b/.test(l));
  if (commands.length === 0) throw new Error(`${example.where}: a checked sh block must hold at least one curl`);
  for (const command of commands) {
    const words = shellWords(command.replace(/\s+#.*$/, ''));
    let method: string | undefined;
    let body: string | undefined;
    let url: string | undefined;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (w === '-X') method = words[++i];
      else if (w === '-d' || w === '--data') body = words[++i];
      else if (w === '-H') i++;
      else if (/^https?:\/\//.test(w)) url = w;
    }
    if (url === undefined) throw new Error(`${example.where}: no URL in ${command.trim().slice(0, 80)}`);
    const path = new URL(url).pathname;
    const verb = (method ?? (body === undefined ? 'GET' : 'POST')).toLowerCase();
    const route = API_ROUTES.find((r) => r.method === verb && templateMatches(r.path, path));
    if (route === undefined) throw new Error(`${example.where}: ${verb.toUpperCase()} ${path} is not an API route`);
    if (body !== undefined) {
      if (route.body === undefined) throw new Error(`${example.where}: ${route.operationId} takes no body`);
      mustParse(schemaNamed(route.body, example.where), parseJson(body, example.where), `${example.where} (${route.operationId})`);
    }
  }
  return commands.length;
}
