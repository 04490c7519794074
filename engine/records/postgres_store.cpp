// Reading and writing a PostgreSQL decision log. An append is one transaction that first locks the
// records table in EXCLUSIVE mode: writers (other processes, other machines) queue there, each
// reads the head only once it holds the lock, so no two chain onto the same record; readers are
// never blocked. Records go in by one binary COPY, byte for byte. Durable on commit: the session
// runs with synchronous_commit on (open_postgres_store.cpp).
#include "engine/records/postgres_store.hpp"

#include "engine/records/hash_record.hpp"

#include <cstring>

namespace frontdoor::records {

namespace {

const char* const record_columns =
    "SELECT id, contact_id, input, decision, pack_digest, engine_version, recorded_at, previous_hash, hash "
    "FROM records";

Record read_record(const PgResult& rows, int row) {
    Record record;
    record.id = rows.integer(row, 0);
    if (!rows.is_null(row, 1)) record.contact_id = rows.bytes(row, 1);
    record.input = rows.bytes(row, 2);
    record.decision = rows.bytes(row, 3);
    record.pack_digest = rows.bytes(row, 4);
    record.engine_version = rows.bytes(row, 5);
    record.recorded_at = rows.bytes(row, 6);
    record.previous_hash = rows.bytes(row, 7);
    record.hash = rows.bytes(row, 8);
    return record;
}

// Rolls back unless committed, so that an exception anywhere leaves the log as it was. Owned by
// the outermost caller only: a scan inside another's transaction neither begins nor ends one.
class PgTransaction {
public:
    PgTransaction(PgConnection& connection, const char* begin)
        : connection_(connection), owner_(!connection.in_transaction()) {
        if (owner_) connection_.execute(begin);
    }
    ~PgTransaction() {
        if (owner_ && !done_) {
            try {
                connection_.execute("ROLLBACK");
            } catch (...) {  // the connection is gone: the server rolls back on its own
            }
        }
    }
    void commit() {
        if (owner_) connection_.execute("COMMIT");
        done_ = true;
    }

private:
    PgConnection& connection_;
    bool owner_;
    bool done_ = false;
};

// COPY ... (FORMAT binary): a header, then per row a field count and each field as a 32-bit
// length (-1 for null) and its bytes, all integers big-endian; a trailer of -1.
class CopyRows {
public:
    CopyRows() { out_.append("PGCOPY\n\377\r\n\0", 11).append(8, '\0'); }
    void row(short fields) { integer(fields, 2); }
    void field(std::string_view bytes) {
        if (bytes.size() > 1'000'000'000) throw std::runtime_error("a value is too large for the decision log");
        integer(static_cast<std::int64_t>(bytes.size()), 4);
        out_.append(bytes);
    }
    void field(const std::optional<std::string>& bytes) {
        if (bytes) return field(std::string_view(*bytes));
        integer(-1, 4);
    }
    void field(std::int64_t value) {
        integer(8, 4);
        integer(value, 8);
    }
    const std::string& finish() {
        integer(-1, 2);
        return out_;
    }

private:
    void integer(std::int64_t value, int width) {
        auto bits = static_cast<std::uint64_t>(value);
        for (int i = width - 1; i >= 0; --i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    }
    std::string out_;
};

}  // namespace

void PostgresStore::reconnect_if_lost() {
    if (connection_->lost()) {
        connection_->reconnect();
        set_postgres_session(*connection_);
    }
}

ChainHead PostgresStore::read_head() {
    PgResult last = connection_->run("SELECT id, hash FROM records ORDER BY id DESC LIMIT 1");
    if (last.rows() == 0) return {0, genesis_hash()};
    return {last.integer(0, 0), last.bytes(0, 1)};
}

void PostgresStore::insert(const AppendBatch& batch) {
    for (const PackToStore& pack : batch.packs) {
        PgResult added = connection_->run("INSERT INTO packs (digest) VALUES ($1) ON CONFLICT DO NOTHING",
                                          PgParams().text(pack.digest));
        if (added.changed() == 0) continue;  // stored before: content-addressed, never replaced
        for (const auto& [path, content] : *pack.files)
            connection_->run("INSERT INTO pack_files (digest, path, content) VALUES ($1, $2, $3)",
                             PgParams().text(pack.digest).bytes(path).bytes(content));
    }
    CopyRows rows;
    for (const Record& r : batch.records) {
        rows.row(9);
        rows.field(r.id);
        rows.field(r.contact_id);
        for (const std::string* text :
             {&r.input, &r.decision, &r.pack_digest, &r.engine_version, &r.recorded_at, &r.previous_hash, &r.hash})
            rows.field(std::string_view(*text));
    }
    connection_->copy_in("COPY records (id, contact_id, input, decision, pack_digest, engine_version, recorded_at, "
                         "previous_hash, hash) FROM STDIN (FORMAT binary)",
                         rows.finish());
}

void PostgresStore::append(const std::function<AppendBatch(const ChainHead&)>& build) {
    std::lock_guard<std::mutex> lock(mutex_);
    reconnect_if_lost();
    PgTransaction transaction(*connection_, "BEGIN ISOLATION LEVEL READ COMMITTED");
    // Waits for any other writer's commit; the head read after it is the newest one.
    connection_->execute("LOCK TABLE records IN EXCLUSIVE MODE");
    // Checked again under the lock: a trigger added since the log was opened is caught before
    // anything is written, not after.
    if (std::string problem = postgres_layout_problem(*connection_, expected_); !problem.empty())
        throw std::runtime_error(problem + "; nothing was written to it");
    insert(build(read_head()));
    transaction.commit();
}

void PostgresStore::scan(const RecordFilter& filter, const std::function<bool(Record&&)>& visit) {
    std::unique_lock<std::mutex> lock(mutex_);
    reconnect_if_lost();
    // One snapshot for the whole scan: a verify sees the chain as it was when it began, whatever
    // writers append meanwhile.
    PgTransaction transaction(*connection_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    std::string cursor = "frontdoor_scan_" + std::to_string(++cursors_);
    std::string sql = "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + record_columns + " WHERE true";
    PgParams params;
    int next = 1;
    auto placeholder = [&] { return "$" + std::to_string(next++); };
    if (filter.id) sql += " AND id = " + placeholder(), params.integer(*filter.id);
    if (filter.contact_id) sql += " AND contact_id = " + placeholder(), params.bytes(*filter.contact_id);
    if (!filter.from.empty()) sql += " AND recorded_at >= " + placeholder(), params.text(filter.from);
    if (!filter.to.empty()) {
        std::string to = placeholder();
        sql += " AND substr(recorded_at, 1, length(" + to + ")) <= " + to;
        params.text(filter.to);
    }
    connection_->run((sql + " ORDER BY id").c_str(), params);
    std::string fetch = "FETCH 256 FROM " + cursor;
    for (bool more = true; more;) {
        PgResult rows = connection_->run(fetch.c_str());
        lock.unlock();
        try {
            more = rows.rows() > 0;
            for (int row = 0; more && row < rows.rows(); ++row) more = visit(read_record(rows, row));
        } catch (...) {
            lock.lock();  // the transaction rolls back with the connection held
            throw;
        }
        lock.lock();
    }
    connection_->execute(("CLOSE " + cursor).c_str());
    transaction.commit();
}

std::vector<std::string> PostgresStore::pack_digests() {
    std::lock_guard<std::mutex> lock(mutex_);
    reconnect_if_lost();
    PgResult rows = connection_->run("SELECT digest FROM packs ORDER BY digest");
    std::vector<std::string> out;
    for (int row = 0; row < rows.rows(); ++row) out.push_back(rows.bytes(row, 0));
    return out;
}

std::optional<StoredPack> PostgresStore::pack(const std::string& digest) {
    std::lock_guard<std::mutex> lock(mutex_);
    reconnect_if_lost();
    PgResult known = connection_->run("SELECT 1 FROM packs WHERE digest = $1", PgParams().text(digest));
    if (known.rows() == 0) return std::nullopt;
    StoredPack pack{digest, {}};
    PgResult files = connection_->run("SELECT path, content FROM pack_files WHERE digest = $1 ORDER BY path",
                                      PgParams().text(digest));
    for (int row = 0; row < files.rows(); ++row) pack.files.emplace_back(files.bytes(row, 0), files.bytes(row, 1));
    return pack;
}

std::string PostgresStore::layout_problem() {
    std::lock_guard<std::mutex> lock(mutex_);
    reconnect_if_lost();
    return postgres_layout_problem(*connection_, expected_);
}

}  // namespace frontdoor::records
