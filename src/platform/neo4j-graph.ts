import neo4j, { isRetryableError, type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { retryUntil } from './retry.js';
import { withTimeout } from './with-timeout.js';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
}

export type Params = Record<string, unknown>;

/** How long a transaction, or a read, is retried after transient failures. */
const MAX_RETRY_MS = 15_000;

/**
 * Transactions begun (each retry counts again) and statements sent since start-up. Each statement
 * is a round trip to the server and so is each commit: a benchmark divides these by its requests.
 */
export interface GraphTraffic {
  readTransactions: number;
  writeTransactions: number;
  statements: number;
}

/**
 * The Neo4j boundary. Writes go through transaction functions, which the driver may run more than
 * once on a transient failure: every write passed here must be idempotent.
 */
export class Neo4jGraph {
  readonly driver: Driver;
  readonly traffic: GraphTraffic = { readTransactions: 0, writeTransactions: 0, statements: 0 };

  constructor(private readonly settings: Neo4jSettings) {
    this.driver = neo4j.driver(
      settings.uri,
      neo4j.auth.basic(settings.user, settings.password ?? ''),
      {
        maxConnectionPoolSize: 50,
        connectionAcquisitionTimeout: 10_000,
        connectionTimeout: 5_000,
        maxTransactionRetryTime: MAX_RETRY_MS,
        disableLosslessIntegers: true,
        // Usage statistics for the driver's vendor: one more message per transaction, for nothing we use.
        telemetryDisabled: true,
        logging: { level: 'error', logger: () => undefined },
      },
    );
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => {
        this.traffic.readTransactions++;
        return work(this.counting(tx));
      });
    } finally {
      await session.close();
    }
  }

  /** `timeoutMs`: the server rolls back an attempt that runs longer, so a late commit cannot happen. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    const config = options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs };
    try {
      return await session.executeWrite((tx) => {
        this.traffic.writeTransactions++;
        return work(this.counting(tx));
      }, config);
    } finally {
      await session.close();
    }
  }

  /**
   * One read statement as an auto-commit transaction: a single round trip, where a transaction
   * function needs three (begin, run, commit) for the same snapshot. Retried on a transient failure
   * as a transaction function would be.
   */
  async readOnce<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<QueryResult<R>> {
    return retryUntil(() => this.autoCommit<R>('READ', cypher, params), {
      deadlineMs: MAX_RETRY_MS,
      initialDelayMs: 100,
      retryIf: isRetryableError,
    });
  }

  /**
   * One write statement as an auto-commit transaction: one round trip where a transaction function
   * needs two (begin with the statement, then commit). Not retried: after a lost connection the
   * commit may or may not have happened, and only the caller knows how to tell (`isRolledBack`
   * in transient-errors.ts says when it surely did not). `timeoutMs`: the server rolls back a statement that runs longer.
   */
  async writeOnce<R extends RecordShape = RecordShape>(
    cypher: string,
    params: Params,
    options: { timeoutMs?: number } = {},
  ): Promise<QueryResult<R>> {
    return this.autoCommit<R>('WRITE', cypher, params, options.timeoutMs);
  }

  /** A single auto-commit statement: schema changes can't share a transaction with data writes. */
  async run<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<QueryResult<R>> {
    this.traffic.statements++;
    return this.driver.executeQuery<QueryResult<R>>(cypher, params, { database: this.settings.database });
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(this.run('RETURN 1 AS ok'), timeoutMs, 'Neo4j');
  }

  /** One statement in its own session as an auto-commit transaction, counted as one transaction. */
  private async autoCommit<R extends RecordShape>(mode: 'READ' | 'WRITE', cypher: string, params: Params, timeoutMs?: number): Promise<QueryResult<R>> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session[mode] });
    this.traffic[mode === 'READ' ? 'readTransactions' : 'writeTransactions']++;
    this.traffic.statements++;
    try {
      return await session.run<R>(cypher, params, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  /** The transaction as the work sees it, counting its statements; everything else is the driver's. */
  private counting(tx: ManagedTransaction): ManagedTransaction {
    const counted = Object.create(tx) as ManagedTransaction;
    counted.run = <R extends RecordShape = RecordShape>(query: Parameters<ManagedTransaction['run']>[0], parameters?: Params) => {
      this.traffic.statements++;
      return tx.run<R>(query, parameters);
    };
    return counted;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
