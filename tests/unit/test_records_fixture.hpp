#pragma once
// Shared set-up for the decision-log tests (test_records_*.cpp, engine/records/tests): a scratch
// directory, the sample pack and a changed copy of it, the scenario contacts, a scratch log on each
// backend, and raw SQL on a log's tables, which is what someone with write access to them could do.
//
// A case about the log's behaviour runs once per backend:
//     ScratchLog scratch(GENERATE(from_range(backends())));
//     INFO(scratch.backend_name());
// SQLite always; PostgreSQL too when FRONTDOOR_TEST_POSTGRES_URL names a database (each log then is
// a fresh schema of it, dropped after). tests/contract/check_decision_log_postgres.py starts a
// private server and runs the [records] cases so.
#include "frontdoor/records.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace records_test {

namespace fs = std::filesystem;

// A directory of its own, removed with everything in it at the end of the test.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::random_device random;
        path = fs::temp_directory_path() / ("frontdoor-records-" + std::to_string(random()) + std::to_string(random()));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

// The sample pack: the bundled one in rules/ (its name is said here only; the tests stay general).
inline std::string sample_pack_dir() { return std::string(FRONTDOOR_SOURCE_DIR) + "/rules/hackney"; }

inline std::shared_ptr<const frontdoor::Pack> sample_pack() {
    static auto pack = frontdoor::Pack::load_directory(sample_pack_dir()).pack;
    REQUIRE(pack);
    return pack;
}

// The sample pack with three different level-2 indicators for level 3 lowered to two.
inline std::shared_ptr<const frontdoor::Pack> sample_pack_lowered_threshold() {
    static auto pack = [] {
        auto files = sample_pack()->files();
        for (auto& [path, text] : files) {
            auto at = text.find("let level_2_indicators_for_level_3 = 3");
            if (at != std::string::npos) text[at + std::string("let level_2_indicators_for_level_3 = ").size()] = '2';
        }
        return frontdoor::Pack::load_files("sample-changed", files).pack;
    }();
    REQUIRE(pack);
    return pack;
}

// The contact of every scenario of the sample pack, as compact JSON, in file-name order.
inline std::vector<std::string> scenario_contacts() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(sample_pack_dir() + "/scenarios"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& file : files) {
        std::ifstream in(file);
        auto scenario = nlohmann::json::parse(in);
        if (scenario.contains("contact")) out.push_back(scenario["contact"].dump());
    }
    REQUIRE(out.size() > 100);
    return out;
}

// Decides `contacts` with `pack` and records every decision (refusals are not recorded).
inline std::size_t record(const std::string& log_path, const frontdoor::Pack& pack,
                          const std::vector<std::string>& contacts, std::size_t group = 16) {
    auto log = frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::append);
    std::vector<frontdoor::DecisionLog::Entry> entries;
    std::size_t recorded = 0;
    for (const std::string& contact : contacts) {
        auto decided = pack.decide(contact);
        if (decided.refused) continue;
        entries.push_back({contact, decided.json});
        if (entries.size() == group) recorded += log->append(pack, std::exchange(entries, {})).size();
    }
    recorded += log->append(pack, entries).size();
    return recorded;
}

inline frontdoor::VerifyReport verify(const std::string& log_path, const std::string& head = "") {
    return frontdoor::DecisionLog::open(log_path, frontdoor::DecisionLog::Access::read)->verify(head);
}

// Runs SQL on a SQLite log file directly, outside Frontdoor.
inline void tamper(const std::string& log_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(log_path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(sql << ": " << message);
    REQUIRE(status == SQLITE_OK);
}

// Runs SQL on a PostgreSQL database directly, through libpq, outside Frontdoor; "" when it ran,
// else the server's message.
inline std::string run_postgres(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    std::string message;
    if (PQstatus(connection) != CONNECTION_OK) {
        message = PQerrorMessage(connection);
    } else {
        PGresult* result = PQexec(connection, sql.c_str());
        ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) message = PQresultErrorMessage(result);
        PQclear(result);
    }
    PQfinish(connection);
    return message;
}

// A fresh schema in the test database (FRONTDOOR_TEST_POSTGRES_URL), dropped with everything in it
// at the end of the test; its URL selects it through libpq's `options`. Without the variable, the
// URL is empty.
struct PostgresSchema {
    std::string url;
    std::string base;
    std::string name;
    PostgresSchema() {
        const char* env = std::getenv("FRONTDOOR_TEST_POSTGRES_URL");
        if (!env) return;
        base = env;
        std::random_device random;
        name = "t" + std::to_string(random()) + std::to_string(random());
        std::string problem = run_postgres(base, "CREATE SCHEMA " + name);
        INFO("CREATE SCHEMA " << name << " in " << base << ": " << problem);
        REQUIRE(problem.empty());
        url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name;
    }
    ~PostgresSchema() {
        if (!name.empty()) run_postgres(base, "SET client_min_messages TO warning; DROP SCHEMA " + name + " CASCADE");
    }
    PostgresSchema(const PostgresSchema&) = delete;
    PostgresSchema& operator=(const PostgresSchema&) = delete;
    // Runs SQL in this schema.
    void run(const std::string& sql) const {
        std::string problem = run_postgres(url, sql);
        INFO(sql << ": " << problem);
        REQUIRE(problem.empty());
    }
};

enum class Backend { sqlite, postgres };

// The backends a case about the log's behaviour runs on: SQLite, and PostgreSQL when the test
// database is given.
inline std::vector<Backend> backends() {
    if (std::getenv("FRONTDOOR_TEST_POSTGRES_URL")) return {Backend::sqlite, Backend::postgres};
    return {Backend::sqlite};
}

// A log nobody has written to yet, on one backend: a file in a scratch directory, or a fresh schema.
struct ScratchLog {
    Backend backend;
    ScratchDir dir;
    std::optional<PostgresSchema> schema;
    std::string location;
    explicit ScratchLog(Backend on) : backend(on) {
        if (backend == Backend::sqlite) {
            location = dir.file("log.db");
        } else {
            schema.emplace();
            REQUIRE_FALSE(schema->url.empty());
            location = schema->url;
        }
    }
    std::string backend_name() const {
        return backend == Backend::sqlite ? "backend: SQLite" : "backend: PostgreSQL, " + location;
    }
    bool on_postgres() const { return backend == Backend::postgres; }
    // Runs SQL on the log's tables directly, outside Frontdoor, worded for the backend.
    void tamper(const std::string& sqlite_sql, const std::string& postgres_sql) const {
        if (on_postgres()) schema->run(postgres_sql);
        else records_test::tamper(location, sqlite_sql);
    }
    void tamper(const std::string& sql) const { tamper(sql, sql); }
    // A SQL literal of text for a column PostgreSQL keeps as bytea (the input, contact id, decision,
    // and a stored file's path and content): there it is the text's UTF-8 bytes.
    std::string text_literal(const std::string& text) const {
        std::string quoted = "'";
        for (char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
        quoted += "'";
        return on_postgres() ? "convert_to(" + quoted + ", 'UTF8')" : quoted;
    }
};

}  // namespace records_test
