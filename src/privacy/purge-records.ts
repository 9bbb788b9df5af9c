import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../platform/cypher-file.js';

export interface Purge {
  deleted: number;
  /** Persons that had only these records, deleted with them. */
  emptiedPersons: string[];
}

/**
 * The records whose resolution may change once these are gone. Read before the purge: afterwards
 * nothing leads from the purged records to them.
 */
export async function neighboursOf(tx: ManagedTransaction, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const result = await tx.run<{ keys: string[] }>(cypher('record-neighbours'), { keys });
  return (result.records[0]?.get('keys') ?? []).sort();
}

/** Deletes records, the identifier nodes only they held, and persons left without records. */
export async function purgeRecords(tx: ManagedTransaction, keys: string[], now: Date): Promise<Purge> {
  if (keys.length === 0) return { deleted: 0, emptiedPersons: [] };
  const result = await tx.run<{ deleted: number; emptiedPersons: string[] }>(cypher('purge-records'), { keys, now: now.toISOString() });
  const row = result.records[0];
  return { deleted: row?.get('deleted') ?? 0, emptiedPersons: row?.get('emptiedPersons') ?? [] };
}
