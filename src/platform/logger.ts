import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Personal fields are redacted wherever they appear in a log object, so a careless `log.info({ event })`
 * cannot leak a number or ID. Add a path here before logging any new personal field.
 */
export const REDACTED_PATHS = [
  'phone',
  'number',
  'to',
  'from',
  'nationalId',
  'value',
  'email',
  'password',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.phone',
  '*.number',
  '*.to',
  '*.from',
  '*.nationalId',
  '*.email',
  '*.password',
  'subject',
  '*.subject',
  'phones',
  '*.phones',
  'nationalIds',
  '*.nationalIds',
  'relations',
  '*.relations',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'recontact' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as pino.DestinationStream | undefined,
  );
}
