import type { SourceDefinition, SourceRegistryFile } from '../../contracts/source-registry.js';
import { parseSigningKey } from './signing-key.js';

export type EnvLike = Readonly<Record<string, string | undefined>>;

export class SourceKeyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Source signing keys are not usable:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SourceKeyError';
  }
}

/**
 * The providers allowed to send identity updates, with their HMAC keys. Construction fails fast:
 * every active source must have a usable key, so a misconfigured source stops start-up rather than
 * dead-lettering its whole stream. Suspended sources need no key; their events are refused anyway.
 */
export class SourceRegistry {
  readonly #sources = new Map<string, SourceDefinition>();
  readonly #keys = new Map<string, Buffer>();

  constructor(file: SourceRegistryFile, env: EnvLike) {
    const problems: string[] = [];
    const ownerOfKey = new Map<string, string>();
    for (const source of file.sources) {
      this.#sources.set(source.id, source);
      if (source.status !== 'active') continue;
      const parsed = parseSigningKey(env[source.signingKeyEnv]);
      if (!parsed.ok) {
        problems.push(
          `${source.signingKeyEnv} (signing key of source ${source.id}) ${parsed.problem}; ` +
            'set it to hex of at least 32 bytes, e.g. the output of `openssl rand -hex 32`',
        );
        continue;
      }
      const fingerprint = parsed.key.toString('hex');
      const other = ownerOfKey.get(fingerprint);
      if (other !== undefined) {
        problems.push(
          `${source.signingKeyEnv} holds the same key as source ${other}; each source needs its own key`,
        );
      }
      ownerOfKey.set(fingerprint, source.id);
      this.#keys.set(source.id, parsed.key);
    }
    if (problems.length > 0) throw new SourceKeyError(problems);
  }

  get(sourceId: string): SourceDefinition | undefined {
    return this.#sources.get(sourceId);
  }

  /** Undefined for unknown and suspended sources. */
  keyFor(sourceId: string): Buffer | undefined {
    return this.#keys.get(sourceId);
  }

  all(): readonly SourceDefinition[] {
    return [...this.#sources.values()];
  }
}
