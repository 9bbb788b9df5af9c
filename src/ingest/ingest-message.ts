/** The parts of a consumed Kafka message the ingest path reads; independent of the Kafka client. */
export interface IngestMessage {
  key?: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string | undefined>;
}

export const SOURCE_ID_HEADER = 'source-id';
export const SIGNATURE_HEADER = 'signature';

export function headerText(message: IngestMessage, name: string): string | undefined {
  const raw = message.headers[name];
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
}
