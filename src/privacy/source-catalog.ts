import type { SourceDefinition } from '../../contracts/source-registry.js';

/** The registered sources as privacy work needs them (the ingest `SourceRegistry` is one). */
export interface SourceCatalog {
  get(sourceId: string): SourceDefinition | undefined;
  all(): readonly SourceDefinition[];
}
