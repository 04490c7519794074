// Opening a PostgreSQL decision log: appending makes the log's tables in the URL's database (in
// the connection's current schema) unless they are there; reading needs them there already. Any
// tables named so must be a Frontdoor decision log of this layout, laid out exactly as Frontdoor
// makes it to be written to.
#include "engine/records/postgres_store.hpp"

namespace frontdoor::records {

namespace {

// Tables named so that are not a log (or a log of another layout) are never written to or read.
void check_mark(PgConnection& connection) {
    PgResult mark = connection.run(
        "SELECT coalesce(obj_description(c.oid, 'pg_class'), '') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'records'");
    std::string found = mark.rows() ? mark.bytes(0, 0) : "";
    if (found == postgres_log_mark) return;
    if (found.rfind("Frontdoor decision log", 0) == 0)
        throw std::runtime_error(connection.location() + " is a decision log of another layout version");
    throw std::runtime_error(connection.location() +
                             " is not a Frontdoor decision log (its 'records' table is not one)");
}

}  // namespace

// Settings of the session, whatever the server's or the role's defaults: a commit returns only
// once it is on disk (which is what lets eval acknowledge a decision after it); a writer waits for
// another's lock at most 10 s, as with SQLite; nothing in a log is read in a time zone or encoding
// that could change it.
void set_postgres_session(PgConnection& connection) {
    connection.execute("SET synchronous_commit TO on; SET lock_timeout TO '10s'; SET client_encoding TO 'UTF8'");
}

std::unique_ptr<RecordStore> open_postgres_store(const std::string& url, bool append) {
    auto connection = std::make_unique<PgConnection>(url, postgres_location_for_messages(url));
    set_postgres_session(*connection);
    if (append) create_postgres_log(*connection);
    if (!postgres_log_exists(*connection)) throw std::runtime_error("no decision log at " + connection->location());
    check_mark(*connection);
    auto expected = expected_postgres_layout(*connection);
    // A log laid out otherwise is still opened for reading, so that verify can report it.
    if (append) {
        std::string problem = postgres_layout_problem(*connection, expected);
        if (!problem.empty())
            throw std::runtime_error("refusing to write to " + connection->location() + ": " + problem);
    }
    return std::make_unique<PostgresStore>(std::move(connection), std::move(expected));
}

}  // namespace frontdoor::records
