import type { Actor } from '../actor.js';
import type { AuditLog } from '../audit/audit-entry.js';
import { AppError, ValidationError } from '../errors.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { normalizePhone } from '../resolve/normalize/phone.js';

export interface CreditorLine {
  creditor: string;
  number: string;
  registeredAt: string;
}

/**
 * The creditor's own outbound lines: only calls from these reach a debtor through a relay, and a
 * debtor's call-back is routed to one of them. Business numbers, not personal data.
 */
export class CreditorLines {
  constructor(
    private readonly deps: { graph: Neo4jGraph; audit: AuditLog; isRelayNumber: (e164: string) => boolean; clock: () => Date },
  ) {}

  async register(actor: Actor, requestId: string, creditor: string, number: string, countryHint?: string): Promise<{ created: boolean; line: CreditorLine }> {
    const phone = normalizePhone(number, countryHint);
    if (!phone.ok) throw new ValidationError('request body is invalid at: number', [{ path: 'number', message: `not a possible phone number (${phone.reason})` }]);
    const e164 = phone.value.e164;
    if (this.deps.isRelayNumber(e164)) throw new AppError('LINE_IS_RELAY_NUMBER', 'A relay number cannot be a creditor line', { httpStatus: 409 });
    const result = await this.deps.graph.write((tx) =>
      tx.run<CreditorLine & { created: boolean }>(
        `MERGE (l:CreditorLine {key: $creditor + '|' + $e164})
           ON CREATE SET l.creditor = $creditor, l.e164 = $e164, l.registeredAt = $now, l.created = true
         WITH l, coalesce(l.created, false) AS created REMOVE l.created
         RETURN l.creditor AS creditor, l.e164 AS number, l.registeredAt AS registeredAt, created`,
        { creditor, e164, now: this.deps.clock().toISOString() },
      ),
    );
    const { created, ...line } = result.records[0]!.toObject();
    await this.deps.audit.append({
      action: 'creditor.line.register',
      actor,
      outcome: 'allowed',
      resources: { creditor },
      details: { line: e164 },
      requestId,
    });
    return { created, line };
  }

  async list(creditor: string): Promise<CreditorLine[]> {
    const result = await this.deps.graph.read((tx) =>
      tx.run<CreditorLine>('MATCH (l:CreditorLine {creditor: $creditor}) RETURN l.creditor AS creditor, l.e164 AS number, l.registeredAt AS registeredAt ORDER BY number', { creditor }),
    );
    return result.records.map((r) => r.toObject());
  }
}
