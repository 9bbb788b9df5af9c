// The erasure tombstones among a chunk's records, by the keyed HMAC of each record key: one index
// seek per distinct record, so screening a chunk costs about as much as one of its MERGEs.
UNWIND $fingerprints AS fingerprint
MATCH (t:ErasureTombstone {fingerprint: fingerprint})
RETURN fingerprint, t.legalBasis AS legalBasis
