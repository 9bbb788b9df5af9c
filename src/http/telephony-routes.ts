import { Router } from 'express';
import { callIdSchema, callOutcomeRequest, creditorIdSchema, registerLineRequest, routeCallRequest } from '../../contracts/api/telephony.v1.js';
import { NotFoundError } from '../errors.js';
import type { CreditorLines } from '../relay/creditor-lines.js';
import type { TelephonyRouter } from '../relay/telephony-router.js';
import { actorOf, type Guard } from './route-guard.js';
import { validated } from './validate.js';

/** The telephony layer's webhooks, and the admin routes that register creditors' lines. */
export function telephonyRoutes(deps: { router: TelephonyRouter; lines: CreditorLines; guard: Guard; clock: () => Date }): Router {
  const router = Router();

  router.post('/v1/telephony/route', ...deps.guard(['telephony']), async (req, res) => {
    const body = validated(routeCallRequest, req.body, 'request body');
    res.json(await deps.router.route(actorOf(req), body, req.requestId));
  });

  router.post('/v1/telephony/calls/:callId/outcome', ...deps.guard(['telephony']), async (req, res) => {
    const callId = validated(callIdSchema, req.params.callId, 'call id');
    const body = validated(callOutcomeRequest, req.body, 'request body');
    const endedAt = body.endedAt === undefined ? deps.clock() : new Date(body.endedAt);
    const known = await deps.router.recordOutcome(actorOf(req), callId, body.answered, endedAt, req.requestId);
    if (!known) throw new NotFoundError('CALL_NOT_FOUND', 'No connected call with this id');
    res.status(204).end();
  });

  router.post('/v1/creditors/:creditorId/lines', ...deps.guard(['admin']), async (req, res) => {
    const creditor = validated(creditorIdSchema, req.params.creditorId, 'creditor id');
    const body = validated(registerLineRequest, req.body, 'request body');
    const { created, line } = await deps.lines.register(actorOf(req), req.requestId, creditor, body.number, body.countryHint);
    res.status(created ? 201 : 200).json(line);
  });

  router.get('/v1/creditors/:creditorId/lines', ...deps.guard(['admin']), async (req, res) => {
    const creditor = validated(creditorIdSchema, req.params.creditorId, 'creditor id');
    res.json({ lines: await deps.lines.list(creditor) });
  });

  return router;
}
