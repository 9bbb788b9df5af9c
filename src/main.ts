import { startService } from './compose.js';
import type { Config } from './config.js';
import { withLocalInfra } from './local-config.js';
import { createLogger } from './platform/logger.js';

/**
 * Brings the service up: local servers first when no external ones are configured, then the
 * composed service; stops gracefully on SIGINT/SIGTERM (in-flight batches finish and commit).
 */
export async function runService(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const effective = config.useLocalInfra ? await withLocalInfra(config, (line) => log.info({ component: 'infra' }, line)) : config;
  const service = await startService(effective, log);
  log.info(
    { http: service.url, kafka: effective.kafka.brokers.join(','), neo4j: effective.neo4j.uri },
    'recontact is running',
  );
  announce(service.url, effective);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const forced = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs }, 'graceful stop timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forced.unref();
    service.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A human summary on stderr, beside the JSON logs on stdout. */
function announce(url: string, config: Config): void {
  process.stderr.write(
    [
      '',
      `recontact is up`,
      `  HTTP   ${url}  (try: curl -s ${url}/readyz)`,
      `  Kafka  ${config.kafka.brokers.join(',')}`,
      `  Neo4j  ${config.neo4j.uri}`,
      config.useLocalInfra ? '  Local servers keep running after Ctrl-C; stop them with: npm run infra:down' : '',
      '',
    ].join('\n'),
  );
}
