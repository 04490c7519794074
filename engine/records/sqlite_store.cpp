// Reading and writing a SQLite decision log. An append is one IMMEDIATE transaction: it takes the
// write lock before reading the head, so two recorders never chain onto the same record.
#include "engine/records/sqlite_store.hpp"

#include "engine/records/hash_record.hpp"
#include "engine/records/sqlite_statement.hpp"

namespace frontdoor::records {

namespace {

const char* const record_columns =
    "SELECT id, contact_id, input, decision, pack_digest, engine_version, recorded_at, previous_hash, hash "
    "FROM records";

Record read_record(const Statement& row) {
    Record record;
    record.id = row.integer(0);
    if (!row.is_null(1)) record.contact_id = row.bytes(1);
    record.input = row.bytes(2);
    record.decision = row.bytes(3);
    record.pack_digest = row.bytes(4);
    record.engine_version = row.bytes(5);
    record.recorded_at = row.bytes(6);
    record.previous_hash = row.bytes(7);
    record.hash = row.bytes(8);
    return record;
}

// Rolls back unless committed, so that an exception anywhere leaves the log as it was.
class WriteTransaction {
public:
    explicit WriteTransaction(sqlite3* db) : db_(db) { sqlite_execute(db_, "BEGIN IMMEDIATE"); }
    ~WriteTransaction() {
        if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        sqlite_execute(db_, "COMMIT");
        done_ = true;
    }

private:
    sqlite3* db_;
    bool done_ = false;
};

}  // namespace

// What every append runs, prepared once: preparing them for each group took a writer tens of
// microseconds a commit. SQLite prepares a kept statement again by itself when the schema changes
// (and append compares the layout then, before anything is written).
struct SqliteStore::AppendStatements {
    explicit AppendStatements(sqlite3* db)
        : last(db, "SELECT id, hash FROM records ORDER BY id DESC LIMIT 1", SQLITE_PREPARE_PERSISTENT),
          add_pack(db, "INSERT OR IGNORE INTO packs (digest) VALUES (?)", SQLITE_PREPARE_PERSISTENT),
          add_file(db, "INSERT INTO pack_files (digest, path, content) VALUES (?, ?, ?)", SQLITE_PREPARE_PERSISTENT),
          add_record(db,
                     "INSERT INTO records (id, contact_id, input, decision, pack_digest, engine_version, "
                     "recorded_at, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     SQLITE_PREPARE_PERSISTENT) {}
    Statement last, add_pack, add_file, add_record;
};

SqliteStore::SqliteStore(sqlite3* db) : db_(db) {}

SqliteStore::~SqliteStore() {
    if (checkpointer_) WalCheckpointer::unwatch(db_);
    checkpointer_.reset();
    statements_.reset();  // finalized before the connection closes
    cookie_.reset();
    sqlite3_close_v2(db_);  // the last connection to close checkpoints what is left
}

std::int64_t SqliteStore::schema_version() {
    if (!cookie_) cookie_ = std::make_unique<Statement>(db_, "PRAGMA schema_version", SQLITE_PREPARE_PERSISTENT);
    Statement& cookie = *cookie_;
    cookie.reset();
    if (!cookie.step()) throw std::runtime_error("cannot read the decision log's schema version");
    std::int64_t version = cookie.integer(0);
    cookie.reset();
    return version;
}

ChainHead SqliteStore::read_head() {
    Statement& last = statements_->last;
    last.reset();
    ChainHead head{0, genesis_hash()};
    if (last.step()) head = {last.integer(0), last.bytes(1)};
    last.reset();
    return head;
}

void SqliteStore::insert(const AppendBatch& batch) {
    // Reset on the way out, with or without an error: no statement stays busy into the commit or
    // the rollback, or keeps pointers to the batch's strings.
    struct Resetting {
        AppendStatements& statements;
        ~Resetting() {
            statements.add_pack.reset();
            statements.add_file.reset();
            statements.add_record.reset();
        }
    } resetting{*statements_};
    Statement& add_pack = statements_->add_pack;
    Statement& add_file = statements_->add_file;
    for (const PackToStore& pack : batch.packs) {
        add_pack.reset();
        add_pack.bind(1, std::string_view(pack.digest)).step();
        if (sqlite3_changes(db_) == 0) continue;  // stored before: content-addressed, never replaced
        for (const auto& [path, content] : *pack.files) {
            add_file.reset();
            add_file.bind(1, std::string_view(pack.digest))
                .bind(2, std::string_view(path))
                .bind_blob(3, content)
                .step();
        }
    }
    Statement& add_record = statements_->add_record;
    for (const Record& r : batch.records) {
        add_record.reset();
        add_record.bind(1, r.id).bind(2, r.contact_id).bind_blob(3, r.input).bind(4, std::string_view(r.decision));
        add_record.bind(5, std::string_view(r.pack_digest)).bind(6, std::string_view(r.engine_version));
        add_record.bind(7, std::string_view(r.recorded_at)).bind(8, std::string_view(r.previous_hash));
        add_record.bind(9, std::string_view(r.hash)).step();
    }
}

void SqliteStore::append(const std::function<AppendBatch(const ChainHead&)>& build) {
    if (checkpointer_) checkpointer_->wait_for_turn();
    WriteTransaction transaction(db_);
    // Checked again under the write lock: a trigger added since the log was opened is caught
    // before anything is written, not after. SQLite bumps the schema cookie with every change to
    // the schema (and this connection reads its schema afresh when it has moved), so the layout is
    // compared again only when the cookie is not the one last found good.
    std::int64_t cookie = schema_version();
    if (cookie != layout_checked_at_) {
        if (std::string problem = layout_problem(); !problem.empty())
            throw std::runtime_error(problem + "; nothing was written to it");
        layout_checked_at_ = cookie;
    }
    // Prepared once the layout is known to be Frontdoor's, so a changed one is reported as such.
    if (!statements_) statements_ = std::make_unique<AppendStatements>(db_);
    insert(build(read_head()));
    transaction.commit();
}

void SqliteStore::scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) {
    // Only the conditions asked for, so that SQLite can use the id, contact and time indexes.
    std::string sql = std::string(record_columns) + " WHERE 1";
    if (filter.id) sql += " AND id = ?1";
    if (filter.contact_id) sql += " AND contact_id = ?2";
    if (!filter.from.empty()) sql += " AND recorded_at >= ?3";
    if (!filter.to.empty()) sql += " AND substr(recorded_at, 1, length(?4)) <= ?4";
    Statement select(db_, (sql + " ORDER BY id").c_str());
    if (filter.id) select.bind(1, *filter.id);
    if (filter.contact_id) select.bind(2, filter.contact_id);
    if (!filter.from.empty()) select.bind(3, std::string_view(filter.from));
    if (!filter.to.empty()) select.bind(4, std::string_view(filter.to));
    while (select.step())
        if (!visit(read_record(select))) break;
}

std::vector<std::string> SqliteStore::pack_digests() {
    Statement select(db_, "SELECT digest FROM packs ORDER BY digest");
    std::vector<std::string> out;
    while (select.step()) out.push_back(select.bytes(0));
    return out;
}

std::optional<StoredPack> SqliteStore::pack(const std::string& digest) {
    Statement known(db_, "SELECT 1 FROM packs WHERE digest = ?");
    if (!known.bind(1, std::string_view(digest)).step()) return std::nullopt;
    StoredPack pack{digest, {}};
    Statement files(db_, "SELECT path, content FROM pack_files WHERE digest = ? ORDER BY path");
    files.bind(1, std::string_view(digest));
    while (files.step()) pack.files.emplace_back(files.bytes(0), files.bytes(1));
    return pack;
}

}  // namespace frontdoor::records
