// Records stored at fromSeq..toSeq, by seq: a seek on the (chain, seq) index.
MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq >= toInteger($fromSeq) AND r.seq <= toInteger($toSeq)
RETURN r {.chain, .seq, .at, .prevHash, .hash, .canonical, .action, .outcome, .reason, .actorSubject, .actorRole,
          .creditor, .caseId, .personId, .bindingId, .requestId} AS record
ORDER BY r.seq
