#pragma once
// Shared set-up for the decision-log tests (test_records_*.cpp): a scratch directory, the Hackney
// pack and a changed copy of it, the scenario contacts, and raw SQL on a log file, which is what
// someone with write access to the file could do.
#include "frontdoor/records.hpp"

#include <sqlite3.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
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

// The contact of every Hackney scenario, as compact JSON, in file-name order.
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

// Runs SQL on the log file directly, outside Frontdoor.
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

}  // namespace records_test
