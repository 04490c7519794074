// The layout of a SQLite decision log, owned here: the schema a new log is made with, and the
// check that a log being opened has exactly that schema and nothing else. A trigger, a view, an
// extra index or a changed column can change or discard records as they are written, or show
// something else than what is stored, while the hash chain still holds; so a log that differs in
// any way is refused for writing and reported by verify (docs/audit.md, docs/security.md).
#include "engine/records/sqlite_statement.hpp"
#include "engine/records/sqlite_store.hpp"

#include <map>
#include <vector>

namespace frontdoor::records {

namespace {

const char* const schema = R"(
CREATE TABLE packs (digest TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
CREATE TABLE pack_files (
  digest TEXT NOT NULL, path TEXT NOT NULL, content BLOB NOT NULL,
  PRIMARY KEY (digest, path)) WITHOUT ROWID;
CREATE TABLE records (
  id INTEGER PRIMARY KEY, contact_id TEXT, input BLOB NOT NULL, decision TEXT NOT NULL,
  pack_digest TEXT NOT NULL, engine_version TEXT NOT NULL, recorded_at TEXT NOT NULL,
  previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX records_by_contact ON records (contact_id);
CREATE INDEX records_by_time ON records (recorded_at);
)";

// One entry of sqlite_master, with a table's columns as PRAGMA table_xinfo gives them (name, type,
// not null, default, place in the primary key, hidden), one string per column.
struct SchemaObject {
    std::string type, table, sql;
    std::vector<std::pair<std::string, std::string>> columns;
};
using Layout = std::map<std::string, SchemaObject>;

Layout read_layout(sqlite3* db) {
    Layout layout;
    Statement objects(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master");
    while (objects.step()) layout[objects.bytes(1)] = {objects.bytes(0), objects.bytes(2), objects.bytes(3), {}};
    for (auto& [name, object] : layout) {
        if (object.type != "table") continue;
        Statement columns(db, "SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk, hidden "
                              "FROM pragma_table_xinfo(?)");
        columns.bind(1, std::string_view(name));
        while (columns.step())
            object.columns.emplace_back(columns.bytes(0), columns.bytes(1) + "|" + columns.bytes(2) + "|" +
                                                              columns.bytes(3) + "|" + columns.bytes(4) + "|" +
                                                              columns.bytes(5));
    }
    return layout;
}

// The layout a new log has, read back from a database made in memory with the same schema.
const Layout& expected_layout() {
    static const Layout layout = [] {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot make the expected decision log layout in memory");
        }
        try {
            sqlite_execute(db, schema);
            Layout made = read_layout(db);
            sqlite3_close(db);
            return made;
        } catch (...) {
            sqlite3_close(db);
            throw;
        }
    }();
    return layout;
}

// How a table's columns differ from the expected ones, or "" when only its text differs.
std::string column_difference(const SchemaObject& found, const SchemaObject& expected) {
    std::map<std::string, std::string> want(expected.columns.begin(), expected.columns.end());
    std::map<std::string, std::string> have(found.columns.begin(), found.columns.end());
    for (const auto& [column, declared] : have) {
        if (!want.count(column)) return ": it has a column '" + column + "' that Frontdoor does not make";
        if (want[column] != declared) return ": its column '" + column + "' is declared differently";
    }
    for (const auto& [column, declared] : want)
        if (!have.count(column)) return ": its column '" + column + "' is missing";
    return found.columns == expected.columns ? "" : ": its columns are in another order";
}

}  // namespace

const char* log_schema() { return schema; }

std::string log_layout_problem(sqlite3* db) {
    const Layout& expected = expected_layout();
    Layout found = read_layout(db);
    std::vector<std::string> problems;
    for (const auto& [name, object] : found) {
        auto want = expected.find(name);
        if (want == expected.end()) {
            problems.push_back((object.type == "index" ? "an " : "a ") + object.type + " '" + name + "'" +
                               (object.table != name ? " on '" + object.table + "'" : std::string()) +
                               " that Frontdoor does not make");
        } else if (want->second.type != object.type || want->second.sql != object.sql ||
                   want->second.columns != object.columns) {
            std::string detail = object.type == "table" ? column_difference(object, want->second) : "";
            problems.push_back("the " + object.type + " '" + name + "' defined differently" +
                               (detail.empty() ? " from the one Frontdoor makes" : detail));
        }
    }
    for (const auto& [name, object] : expected)
        if (!found.count(name)) problems.push_back("no " + object.type + " '" + name + "'");
    std::string out;
    for (const auto& problem : problems) out += (out.empty() ? "" : "; ") + problem;
    return out.empty() ? "" : "the log's layout is not the one Frontdoor makes: it has " + out;
}

}  // namespace frontdoor::records
