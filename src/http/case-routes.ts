import { Router } from 'express';
import { caseIdSchema, registerCaseRequest } from '../../contracts/api/cases.v1.js';
import { bindingIdSchema, requestRelay } from '../../contracts/api/relays.v1.js';
import type { CaseService } from '../relay/case-service.js';
import { CaseNotFoundError, BindingNotFoundError } from '../relay/relay-errors.js';
import type { RelayService } from '../relay/relay-service.js';
import { collectorOf, type Guard } from './route-guard.js';
import { validated } from './validate.js';

/**
 * Collectors' routes. A malformed case or binding id answers exactly like an unknown one, so ids
 * cannot be probed by their shape either.
 */
export function caseRoutes(deps: { cases: CaseService; relays: RelayService; guard: Guard }): Router {
  const router = Router();
  const collector = deps.guard(['collector']);

  router.post('/v1/cases', ...collector, async (req, res) => {
    const body = validated(registerCaseRequest, req.body, 'request body');
    const { created, status } = await deps.cases.register({ actor: collectorOf(req), requestId: req.requestId }, body);
    res.status(created ? 201 : 200).location(`/v1/cases/${encodeURIComponent(status.caseId)}`).json(status);
  });

  router.get('/v1/cases/:caseId', ...collector, async (req, res) => {
    const caseId = knownCaseId(req.params.caseId);
    res.json(await deps.cases.status({ actor: collectorOf(req), requestId: req.requestId }, caseId));
  });

  router.delete('/v1/cases/:caseId', ...collector, async (req, res) => {
    await deps.cases.close({ actor: collectorOf(req), requestId: req.requestId }, knownCaseId(req.params.caseId));
    res.status(204).end();
  });

  router.post('/v1/cases/:caseId/relay', ...collector, async (req, res) => {
    const caseId = knownCaseId(req.params.caseId);
    const body = validated(requestRelay, req.body ?? {}, 'request body');
    const { created, binding } = await deps.relays.request({ actor: collectorOf(req), requestId: req.requestId }, caseId, body);
    res.status(created ? 201 : 200).json({ bindingId: binding.id, relayNumber: binding.relayNumber, expiresAt: binding.expiresAt });
  });

  router.delete('/v1/relays/:bindingId', ...collector, async (req, res) => {
    await deps.relays.end({ actor: collectorOf(req), requestId: req.requestId }, knownBindingId(req.params.bindingId));
    res.status(204).end();
  });

  return router;
}

function knownCaseId(raw: unknown): string {
  const parsed = caseIdSchema.safeParse(raw);
  if (!parsed.success) throw new CaseNotFoundError();
  return parsed.data;
}

function knownBindingId(raw: unknown): string {
  const parsed = bindingIdSchema.safeParse(raw);
  if (!parsed.success) throw new BindingNotFoundError();
  return parsed.data;
}
