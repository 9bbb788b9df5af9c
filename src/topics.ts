import type { Config } from './config.js';
import type { TopicSpec } from './platform/event-bus.js';

export interface Topics {
  identityUpdates: string;
  identityUpdatesDlq: string;
  contactRefreshed: string;
  audit: string;
}

/** Topic names, behind an optional prefix so several environments can share one cluster. */
export function topicNames(prefix = ''): Topics {
  return {
    identityUpdates: `${prefix}identity.updates.v1`,
    identityUpdatesDlq: `${prefix}identity.updates.dlq.v1`,
    contactRefreshed: `${prefix}contact.refreshed.v1`,
    audit: `${prefix}audit.v1`,
  };
}

/** Every topic the service reads or writes; created at start-up because brokers must not auto-create. */
export function topicSpecs(kafka: Config['kafka']): TopicSpec[] {
  const names = topicNames(kafka.topicPrefix);
  const spec = (topic: string, config: Record<string, string> = {}): TopicSpec => ({
    topic,
    partitions: kafka.partitions,
    replicationFactor: kafka.replicationFactor,
    config,
  });
  return [
    spec(names.identityUpdates),
    // Dead letters are kept for 30 days so providers can inspect and resend them.
    spec(names.identityUpdatesDlq, { 'retention.ms': String(30 * 24 * 3600 * 1000) }),
    spec(names.contactRefreshed),
    spec(names.audit),
  ];
}
