import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { withTimeout } from './with-timeout.js';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
}

export type Params = Record<string, unknown>;

/**
 * The Neo4j boundary. Writes go through transaction functions, which the driver may run more than
 * once on a transient failure: every write passed here must be idempotent.
 */
export class Neo4jGraph {
  readonly driver: Driver;

  constructor(private readonly settings: Neo4jSettings) {
    this.driver = neo4j.driver(
      settings.uri,
      neo4j.auth.basic(settings.user, settings.password ?? ''),
      {
        maxConnectionPoolSize: 50,
        connectionAcquisitionTimeout: 10_000,
        connectionTimeout: 5_000,
        maxTransactionRetryTime: 15_000,
        disableLosslessIntegers: true,
        logging: { level: 'error', logger: () => undefined },
      },
    );
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /** A single auto-commit statement: schema changes can't share a transaction with data writes. */
  async run<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<QueryResult<R>> {
    return this.driver.executeQuery<QueryResult<R>>(cypher, params, { database: this.settings.database });
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(this.run('RETURN 1 AS ok'), timeoutMs, 'Neo4j');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
