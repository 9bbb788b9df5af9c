// Ingest: one (:Record) per (sourceId, sourceRecordId) holding that source's current view, and the
// ledger of applied event ids that makes every write idempotent.
CREATE CONSTRAINT record_key IF NOT EXISTS FOR (r:Record) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT applied_event_id IF NOT EXISTS FOR (a:AppliedEvent) REQUIRE a.eventId IS UNIQUE;
CREATE INDEX record_source IF NOT EXISTS FOR (r:Record) ON (r.sourceId);
// Identifier nodes: phones in E.164, emails canonical, national ids only as keyed HMAC fingerprints.
CREATE CONSTRAINT phone_e164 IF NOT EXISTS FOR (p:Phone) REQUIRE p.e164 IS UNIQUE;
CREATE CONSTRAINT email_address IF NOT EXISTS FOR (e:Email) REQUIRE e.address IS UNIQUE;
CREATE CONSTRAINT national_id_fingerprint IF NOT EXISTS FOR (n:NationalId) REQUIRE n.fingerprint IS UNIQUE;
// Third parties' numbers are kept apart, as fingerprints only: matching evidence, never a contact.
CREATE CONSTRAINT third_party_fingerprint IF NOT EXISTS FOR (t:ThirdPartyPhone) REQUIRE t.fingerprint IS UNIQUE;
