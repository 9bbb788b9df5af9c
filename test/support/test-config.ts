import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/platform/logger.js';

/** The suite's config: the servers the global fixture prepared, an ephemeral HTTP port. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...process.env, PORT: '0', ...overrides });
}

export function testLogger(): Logger {
  return createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
}

export function canRestartLocalInfra(): boolean {
  return process.env.RECONTACT_TEST_LOCAL_INFRA === '1';
}

/** A name no other test (or earlier run) uses, so tests are independent and re-runnable. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
