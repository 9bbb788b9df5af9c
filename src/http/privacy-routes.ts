import { Router, type Request } from 'express';
import { eraseSubjectRequest, liftRestrictionQuery, personIdSchema, restrictSubjectRequest } from '../../contracts/api/subjects.v1.js';
import { ValidationError } from '../errors.js';
import { SubjectNotFoundError } from '../privacy/privacy-errors.js';
import type { PrivacyService } from '../privacy/privacy-service.js';
import { actorOf, type Guard } from './route-guard.js';
import { validated } from './validate.js';

/**
 * Privacy officers' data-subject rights routes. A malformed person id answers exactly like an
 * unknown one (404 SUBJECT_NOT_FOUND), so ids cannot be probed by their shape.
 */
export function privacyRoutes(deps: { privacy: PrivacyService; guard: Guard }): Router {
  const router = Router();
  const officer = deps.guard(['privacy_officer']);
  const call = (req: Request) => ({ actor: actorOf(req), requestId: req.requestId });

  router.post('/v1/subjects/:personId/restrict', ...officer, async (req, res) => {
    const personId = knownPersonId(req.params.personId);
    const body = validated(restrictSubjectRequest, req.body, 'request body');
    res.json(await deps.privacy.restrict(call(req), personId, body));
  });

  router.delete('/v1/subjects/:personId/restrict', ...officer, async (req, res) => {
    const personId = knownPersonId(req.params.personId);
    const query = validated(liftRestrictionQuery, req.query, 'query');
    res.json(await deps.privacy.lift(call(req), personId, query.reason));
  });

  router.post('/v1/subjects/:personId/erase', ...officer, async (req, res) => {
    const personId = knownPersonId(req.params.personId);
    const body = validated(eraseSubjectRequest, req.body, 'request body');
    if (body.confirm !== personId) {
      throw new ValidationError('request body is invalid at: confirm', [{ path: 'confirm', message: 'must repeat the person id of the path' }]);
    }
    res.json(await deps.privacy.erase(call(req), personId, body));
  });

  router.get('/v1/subjects/:personId/report', ...officer, async (req, res) => {
    const personId = knownPersonId(req.params.personId);
    res.json(await deps.privacy.report(call(req), personId));
  });

  return router;
}

function knownPersonId(raw: unknown): string {
  const parsed = personIdSchema.safeParse(raw);
  if (!parsed.success) throw new SubjectNotFoundError();
  return parsed.data;
}
