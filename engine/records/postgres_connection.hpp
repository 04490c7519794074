#pragma once
// Thin RAII wrappers over libpq, turning every error into an exception that carries the server's
// own message. Every parameter and every result travels in binary format, so that text and bytea
// values come and go byte for byte (no escaping, no encoding guessed) and ids as 8-byte integers.
#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::records {

// The type of each parameter, given explicitly so that the server never has to guess one
// (catalog/pg_type_d.h, which only the server's headers have).
enum class PgType : Oid { bytea = 17, int8 = 20, text = 25 };

// A query's parameters. Text and bytea are bound without copying: the strings must outlive the
// call that sends them.
class PgParams {
public:
    PgParams& text(std::string_view value) { return add(PgType::text, value); }
    PgParams& bytes(std::string_view value) { return add(PgType::bytea, value); }
    PgParams& integer(std::int64_t value);

    int size() const { return static_cast<int>(values_.size()); }
    const Oid* types() const { return types_.data(); }
    const char* const* values() const { return values_.data(); }
    const int* lengths() const { return lengths_.data(); }

private:
    PgParams& add(PgType type, std::string_view value);
    std::vector<Oid> types_;
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<std::unique_ptr<char[]>> integers_;  // big-endian copies of integer parameters
};

// One query's answer; the rows are read column by column.
class PgResult {
public:
    explicit PgResult(PGresult* result) : result_(result) {}
    int rows() const { return PQntuples(result_.get()); }
    bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
    // Text and bytea alike, byte for byte.
    std::string bytes(int row, int column) const {
        return std::string(PQgetvalue(result_.get(), row, column),
                           static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
    }
    std::int64_t integer(int row, int column) const;
    // How many rows an INSERT, UPDATE or DELETE touched.
    long changed() const { return std::strtol(PQcmdTuples(result_.get()), nullptr, 10); }
    PGresult* raw() const { return result_.get(); }

private:
    struct Clear {
        void operator()(PGresult* result) const { PQclear(result); }
    };
    std::unique_ptr<PGresult, Clear> result_;
};

// One connection to the server, opened from a libpq connection string or URL. `location` is how
// the log is named in messages (the URL without its password).
class PgConnection {
public:
    PgConnection(const std::string& url, std::string location);
    ~PgConnection() { PQfinish(connection_); }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs `sql` (one statement, or several without parameters) and returns its answer; throws
    // std::runtime_error naming the log and what the server said.
    PgResult run(const char* sql, const PgParams& params = {});
    void execute(const char* sql);
    // Runs `sql`, a COPY ... FROM STDIN, sending `data` as its input.
    void copy_in(const char* sql, const std::string& data);
    bool in_transaction() const { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }
    // True once the connection is gone (the server stopped or restarted, the network failed): every
    // call fails until reconnect().
    bool lost() const { return PQstatus(connection_) == CONNECTION_BAD; }
    // Connects again with the same URL; throws std::runtime_error naming the log when the server
    // still cannot be reached (the connection stays lost, and the next call may try again).
    void reconnect();
    const std::string& location() const { return location_; }

private:
    // Throws unless `result` is a success, with the server's message.
    PgResult checked(PgResult result);
    PGconn* connection_;
    std::string location_;
};

// The URL as it may be shown: any password in it replaced with "***".
std::string postgres_location_for_messages(const std::string& url);

}  // namespace frontdoor::records
