// Checking an edited file with the rest of its pack (frontdoor/edit_pack.hpp): the edited text is
// read instead of the file on disk, a new file is added, a path out of the directory is a
// diagnostic; and the quick fix of a "did you mean" replaces the span, quoted as the span is.
#include "frontdoor/edit_pack.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

const std::string hackney_folder = FRONTDOOR_SOURCE_DIR "/rules/hackney";

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("load_edited_pack checks the edited text with the rest of the pack on disk") {
    std::string text = read(hackney_folder + "/thresholds.rules");
    auto clean = frontdoor::load_edited_pack(hackney_folder, "thresholds.rules", text);
    CHECK(clean.pack != nullptr);
    std::string edited = replaced(text, "where i in level_2_indicators)", "where i in level_2_indicatorz)");
    auto broken = frontdoor::load_edited_pack(hackney_folder, "thresholds.rules", edited);
    REQUIRE(broken.pack == nullptr);
    REQUIRE(broken.diagnostics.size() == 1);
    const auto& d = broken.diagnostics[0];
    CHECK(d.file == hackney_folder + "/thresholds.rules");
    CHECK(d.message == "unknown name 'level_2_indicatorz'; did you mean 'level_2_indicators'?");
    CHECK(d.line_text.substr(d.column - 1, d.width) == "level_2_indicatorz");
    CHECK(frontdoor::suggested_replacement(d) == std::optional<std::string>("level_2_indicators"));
}

TEST_CASE("load_edited_pack adds a new rule file and refuses a path out of the directory") {
    auto added = frontdoor::load_edited_pack(hackney_folder, "extra.rules",
                                             "let extra_threshold = 4 [source \"x\"]\nlet y = nope [source \"y\"]\n");
    REQUIRE(added.pack == nullptr);
    bool names_new_file = false;
    for (const auto& d : added.diagnostics) names_new_file |= d.file == hackney_folder + "/extra.rules" && d.line == 2;
    CHECK(names_new_file);
    auto outside = frontdoor::load_edited_pack(hackney_folder, "../pack.rules", "");
    REQUIRE(outside.diagnostics.size() == 1);
    CHECK(outside.pack == nullptr);
    CHECK(outside.diagnostics[0].message.find("'..'") != std::string::npos);
}

TEST_CASE("suggested_replacement quotes the name when the span is a quoted text") {
    frontdoor::Diagnostic d;
    d.line = 3;
    d.column = 12;
    d.width = 9;
    d.line_text = "  when x = \"neglekt\" and y";
    d.message = "\"neglekt\" is not a indicator; did you mean 'neglect'?";
    CHECK(frontdoor::suggested_replacement(d) == std::optional<std::string>("\"neglect\""));
    d.message = "\"neglekt\" is not a indicator";
    CHECK_FALSE(frontdoor::suggested_replacement(d).has_value());
    d.message = "unknown name 'x'; did you mean 'y'?";
    d.line = 0;
    CHECK_FALSE(frontdoor::suggested_replacement(d).has_value());
}
