// The ledger of applied migrations: one (:Migration {id}) per file, never two.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
