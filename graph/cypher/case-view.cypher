// A case as its creditor may see it: state, reachability, confidence inputs. Never a number.
MATCH (c:Case {key: $key})
OPTIONAL MATCH (c)-[m:CONCERNS]->(p:Person)
RETURN c.caseId AS caseId, c.creditor AS creditor, c.state AS state, c.registeredAt AS registeredAt,
       p.id AS personId, p.reachability AS reachability, m.score AS matchScore,
       CASE WHEN p.contactsRefreshedAt IS NULL THEN null ELSE toString(p.contactsRefreshedAt) END AS lastRefreshedAt,
       reduce(acc = [], rs IN [(p)<-[:RESOLVES_TO]-(r:Record) WHERE r.restrictions IS NOT NULL | r.restrictions] | acc + rs) AS restrictions, coalesce(c.erased, false) AS erased
