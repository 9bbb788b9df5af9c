// Allocation looks up the debtor's own quarantined number without scanning the quarantine.
CREATE INDEX relay_number_last_person IF NOT EXISTS FOR (n:RelayNumber) ON (n.pool, n.lastPersonId);
