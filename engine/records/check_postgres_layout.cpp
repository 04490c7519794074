// The layout of a PostgreSQL decision log, owned here: the schema a new log is made with, and the
// check that the log's three tables have exactly that shape and nothing attached to them. As with
// SQLite (check_log_layout.cpp), a trigger, a rule, a row-level security policy, a table
// inheriting from records (whose rows a read of records would include) or a changed column can
// change, hide or discard records while the hash chain still holds; a log with any of them is
// refused for writing and reported by verify. The expected layout is read back from the same
// schema made in the session's temporary schema, so that it is worded exactly as the server words
// the real one, whatever its version.
#include "engine/records/postgres_store.hpp"

#include <vector>

namespace frontdoor::records {

namespace {

// Every text column compares byte by byte (COLLATE "C"), as SQLite's do: the database's own
// collation could order or compare recording times and digests otherwise. The input, the contact
// id, the decision and file names and contents are bytea: kept byte for byte whatever the
// database's encoding.
const char* const postgres_log_schema = R"(
CREATE TABLE packs (digest text COLLATE "C" PRIMARY KEY);
CREATE TABLE pack_files (
  digest text COLLATE "C" NOT NULL, path bytea NOT NULL, content bytea NOT NULL,
  PRIMARY KEY (digest, path));
CREATE TABLE records (
  id bigint PRIMARY KEY, contact_id bytea, input bytea NOT NULL, decision bytea NOT NULL,
  pack_digest text COLLATE "C" NOT NULL, engine_version text COLLATE "C" NOT NULL,
  recorded_at text COLLATE "C" NOT NULL, previous_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL);
CREATE INDEX records_by_contact ON records (contact_id);
CREATE INDEX records_by_time ON records (recorded_at);
COMMENT ON TABLE records IS 'Frontdoor decision log, layout 1';
)";

// One line per thing that shapes what is written or read: each table, its columns, indexes,
// triggers, rules, policies, inheriting tables and comment. NAMESPACE is replaced by the
// condition naming the schema.
const char* const layout_query = R"(
WITH t AS (
  SELECT c.oid, c.relname, c.relkind, c.relrowsecurity, n.nspname FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE NAMESPACE AND c.relname IN ('packs', 'pack_files', 'records'))
SELECT 'the table ''' || relname || '''' || CASE WHEN relkind <> 'r' THEN ' of kind ' || relkind::text ELSE '' END
       || CASE WHEN relrowsecurity THEN ' with row-level security' ELSE '' END FROM t
UNION ALL
SELECT 'the column ''' || t.relname || '.' || a.attname || ''' (' || a.attnum || ', ' ||
       format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END ||
       coalesce(' collate ' || co.collname, '') || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') ||
       CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END || ')'
  FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
UNION ALL
SELECT 'the index ''' || i.relname || ''' (' ||
       replace(replace(pg_get_indexdef(x.indexrelid), ' ON ' || quote_ident(t.nspname) || '.', ' ON '),
               ' ON pg_temp.', ' ON ') || ')'
  FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
UNION ALL
SELECT 'a trigger ''' || g.tgname || ''' on ''' || t.relname || '''' FROM t JOIN pg_trigger g ON g.tgrelid = t.oid
  WHERE NOT g.tgisinternal
UNION ALL
SELECT 'a rule ''' || r.rulename || ''' on ''' || t.relname || '''' FROM t JOIN pg_rewrite r ON r.ev_class = t.oid
UNION ALL
SELECT 'a policy ''' || p.polname || ''' on ''' || t.relname || '''' FROM t JOIN pg_policy p ON p.polrelid = t.oid
UNION ALL
SELECT 'a table ''' || ch.relname || ''' inheriting from ''' || t.relname || ''''
  FROM t JOIN pg_inherits h ON h.inhparent = t.oid JOIN pg_class ch ON ch.oid = h.inhrelid
UNION ALL
SELECT 'the comment ''' || obj_description(t.oid, 'pg_class') || ''' on ''' || t.relname || ''''
  FROM t WHERE obj_description(t.oid, 'pg_class') IS NOT NULL
ORDER BY 1
)";

std::set<std::string> read_layout(PgConnection& connection, const std::string& namespace_condition) {
    std::string sql = layout_query;
    sql.replace(sql.find("NAMESPACE"), 9, namespace_condition);
    PgResult rows = connection.run(sql.c_str());
    std::set<std::string> lines;
    for (int row = 0; row < rows.rows(); ++row) lines.insert(rows.bytes(row, 0));
    return lines;
}

}  // namespace

std::set<std::string> expected_postgres_layout(PgConnection& connection) {
    bool nested = connection.in_transaction();
    connection.execute(nested ? "SAVEPOINT frontdoor_layout" : "BEGIN");
    try {
        connection.execute("SET LOCAL search_path TO pg_temp");
        connection.execute(postgres_log_schema);
        auto lines = read_layout(connection, "n.oid = pg_my_temp_schema()");
        connection.execute(nested ? "ROLLBACK TO SAVEPOINT frontdoor_layout" : "ROLLBACK");
        if (nested) connection.execute("RELEASE SAVEPOINT frontdoor_layout");
        return lines;
    } catch (...) {
        try {
            connection.execute(nested ? "ROLLBACK TO SAVEPOINT frontdoor_layout" : "ROLLBACK");
        } catch (...) {  // the connection is gone
        }
        throw;
    }
}

bool postgres_log_exists(PgConnection& connection) {
    return connection
               .run("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relname = 'records'")
               .rows() > 0;
}

void create_postgres_log(PgConnection& connection) {
    connection.execute("BEGIN");
    try {
        // 'FDLG': writers starting together on a new log queue here; the first makes the tables.
        connection.execute("SELECT pg_advisory_xact_lock(1178881095)");
        if (!postgres_log_exists(connection)) connection.execute(postgres_log_schema);
        connection.execute("COMMIT");
    } catch (...) {
        try {
            connection.execute("ROLLBACK");
        } catch (...) {  // the connection is gone
        }
        throw;
    }
}

std::string postgres_layout_problem(PgConnection& connection, const std::set<std::string>& expected) {
    std::set<std::string> found = read_layout(connection, "n.nspname = current_schema()");
    std::string extra, missing;
    for (const std::string& line : found)
        if (!expected.count(line)) extra += (extra.empty() ? "it has " : "; ") + line + " that Frontdoor does not make";
    for (const std::string& line : expected)
        if (!found.count(line)) missing += (missing.empty() ? "it lacks " : "; ") + line;
    if (extra.empty() && missing.empty()) return "";
    return "the log's layout is not the one Frontdoor makes: " + extra +
           (extra.empty() || missing.empty() ? "" : "; ") + missing;
}

}  // namespace frontdoor::records
