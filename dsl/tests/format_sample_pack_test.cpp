// Formatting the bundled sample pack changes nothing it decides: the formatted pack has the same decision
// graph and decides every scenario contact byte for byte as the original (the digest aside, which
// hashes the files' text). Also at a narrow width, where nearly every expression breaks.
#include "test_records_fixture.hpp"

#include "dsl/format_pack.hpp"
#include "frontdoor/frontdoor.hpp"

#include "formatted_pack.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

using format_test::Files;
using format_test::formatted;
using format_test::without;

namespace {

const fs::path sample_pack_source = records_test::sample_pack_dir();

// The pack's rule files and data files, as Pack::load_files takes them.
Files sample_pack_files() {
    Files files;
    for (const auto& entry : fs::directory_iterator(sample_pack_source)) {
        auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".rules" || extension == ".json"))
            files.emplace_back(entry.path().filename().string(), read_text(entry.path()));
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> scenario_contacts() {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(sample_pack_source / "scenarios"))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> contacts;
    for (const auto& path : paths) {
        auto scenario = nlohmann::json::parse(read_text(path));
        if (scenario.contains("contact")) contacts.push_back(scenario["contact"].dump());
    }
    return contacts;
}

}  // namespace

TEST_CASE("formatting the sample pack twice changes nothing", "[fmt][pack]") {
    for (int width : {frontdoor::dsl::canonical_width, 40}) {
        Files once = formatted(sample_pack_files(), width);
        Files twice = formatted(once, width);
        for (std::size_t i = 0; i < once.size(); ++i) {
            INFO(once[i].first << " at width " << width);
            CHECK(twice[i].second == once[i].second);
        }
    }
}

namespace {
// The graph as JSON without where each vertex is written: formatting moves rows to other lines.
nlohmann::json graph_without_positions(const frontdoor::Pack& pack) {
    auto graph = nlohmann::json::parse(pack.graph(frontdoor::GraphFormat::json));
    for (auto& vertex : graph["vertices"]) vertex.erase("source");
    return graph;
}
}  // namespace

TEST_CASE("the formatted sample pack decides every scenario as the original does", "[fmt][pack]") {
    Files original = sample_pack_files();
    auto before = frontdoor::Pack::load_files("sample", original);
    REQUIRE(before.pack);
    auto contacts = scenario_contacts();
    REQUIRE(contacts.size() >= 100);
    for (int width : {frontdoor::dsl::canonical_width, 40}) {
        INFO("width " << width);
        auto after = frontdoor::Pack::load_files("sample", formatted(original, width));
        INFO(frontdoor::render_all(after.diagnostics));
        REQUIRE(after.pack);
        CHECK(graph_without_positions(*after.pack) == graph_without_positions(*before.pack));
        CHECK(after.pack->graph(frontdoor::GraphFormat::dot) == before.pack->graph(frontdoor::GraphFormat::dot));
        for (const auto& contact : contacts) {
            auto expected = before.pack->decide(contact);
            auto actual = after.pack->decide(contact);
            INFO("contact " << contact);
            CHECK(actual.refused == expected.refused);
            CHECK(actual.path == expected.path);
            CHECK(actual.message == expected.message);
            CHECK(without(actual.json, after.pack->digest()) == without(expected.json, before.pack->digest()));
        }
    }
}
