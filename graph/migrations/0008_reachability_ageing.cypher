// Reachability ageing: persons whose best contact has not been seen for a while are re-ranked.
CREATE INDEX person_best_contact_last_seen IF NOT EXISTS FOR (p:Person) ON (p.bestContactLastSeenAt);
