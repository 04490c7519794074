#pragma once
// Thin RAII wrappers over the SQLite C API, turning every error into an exception that carries
// SQLite's own message. Text and blobs are bound without copying: a statement is always stepped
// before the bound strings go away.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace frontdoor::records {

[[noreturn]] inline void sqlite_fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

inline void sqlite_execute(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw std::runtime_error(text);
    }
}

class Statement {
public:
    // `flags` as sqlite3_prepare_v3's: SQLITE_PREPARE_PERSISTENT for a statement kept and used again.
    Statement(sqlite3* db, const char* sql, unsigned flags = 0) : db_(db) {
        if (sqlite3_prepare_v3(db, sql, -1, flags, &statement_, nullptr) != SQLITE_OK)
            sqlite_fail(db, "cannot read the log");
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int column, std::string_view text) {
        check(sqlite3_bind_text(statement_, column, text.data(), length(text), SQLITE_STATIC));
        return *this;
    }
    Statement& bind_blob(int column, std::string_view bytes) {
        check(sqlite3_bind_blob(statement_, column, bytes.data(), length(bytes), SQLITE_STATIC));
        return *this;
    }
    Statement& bind(int column, std::int64_t value) {
        check(sqlite3_bind_int64(statement_, column, value));
        return *this;
    }
    Statement& bind(int column, const std::optional<std::string>& text) {
        if (text) return bind(column, std::string_view(*text));
        check(sqlite3_bind_null(statement_, column));
        return *this;
    }
    // True while there is a row to read; false when done.
    bool step() {
        int status = sqlite3_step(statement_);
        if (status == SQLITE_ROW) return true;
        if (status == SQLITE_DONE) return false;
        sqlite_fail(db_, "the decision log");
    }
    void reset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
    bool is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
    // Text and blobs alike, byte for byte.
    std::string bytes(int column) const {
        const void* data = sqlite3_column_blob(statement_, column);
        int size = sqlite3_column_bytes(statement_, column);
        return data ? std::string(static_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string();
    }

private:
    static int length(std::string_view text) {
        if (text.size() > 1'000'000'000) throw std::runtime_error("a value is too large for the decision log");
        return static_cast<int>(text.size());
    }
    void check(int status) {
        if (status != SQLITE_OK) sqlite_fail(db_, "cannot write to the log");
    }
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

}  // namespace frontdoor::records
