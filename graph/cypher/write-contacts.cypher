// A person's ranked contact points and best contact, replaced. Only the person's own records feed
// them: third-party evidence never becomes a contact point.
// Rewritten only when the digest of what they say changed; scores decay with time and are left out
// of the digest, so a stored score is as of the last change of the person's contacts.
UNWIND $persons AS x
MATCH (p:Person {id: x.personId})
WITH p, x
WHERE coalesce(p.contactsDigest, '') <> x.digest
CALL (p) {
  MATCH (p)-[old:HAS_CONTACT|BEST_CONTACT]->()
  DELETE old
}
SET p.reachability = x.reachability, p.contactsRefreshedAt = datetime(), p.contactsDigest = x.digest, p.bestContactScore = x.bestScore,
    p.bestContactLastSeenAt = x.bestLastSeenAt
FOREACH (c IN x.phones |
  MERGE (ph:Phone {e164: c.value})
  CREATE (p)-[:HAS_CONTACT {rank: c.rank, score: c.score, status: c.status, reachable: c.reachable, sources: c.sources,
                            corroboration: c.corroboration, verified: c.verified,
                            firstSeenAt: c.firstSeenAt, lastSeenAt: c.lastSeenAt}]->(ph))
FOREACH (c IN x.emails |
  MERGE (em:Email {address: c.value})
  CREATE (p)-[:HAS_CONTACT {rank: c.rank, score: c.score, status: c.status, reachable: c.reachable, sources: c.sources,
                            corroboration: c.corroboration, verified: c.verified,
                            firstSeenAt: c.firstSeenAt, lastSeenAt: c.lastSeenAt}]->(em))
FOREACH (e164 IN CASE WHEN x.best IS NULL THEN [] ELSE [x.best] END |
  MERGE (ph:Phone {e164: e164})
  CREATE (p)-[:BEST_CONTACT]->(ph))
