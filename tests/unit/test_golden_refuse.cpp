// Golden tests of refusals: each folder under tests/golden/refuse holds a small pack (pack.rules), a
// contact (input.json) and expected.json, exactly what `frontdoor eval --rules <folder>
// <folder>/input.json` prints for it: one line naming the JSON path at fault and the message. The
// command must exit 1 (refused), and the library's refusal must carry the same path and message.
// Each folder is its own case, golden.refuse.<folder>.
#include "frontdoor/frontdoor.hpp"

#include "golden_cases.hpp"
#include "read_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

struct Printed {
    int status;
    std::string output;  // standard output only
};

Printed eval_with_cli(const fs::path& folder) {
    std::string command = "'" + std::string(FRONTDOOR_CLI) + "' eval --rules '" + folder.string() + "' '" +
                          (folder / "input.json").string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

void refuse_folder(const fs::path& folder) {
    std::string expected = read_text(folder / "expected.json");
    auto loaded = frontdoor::Pack::load_directory(folder.string());
    INFO(frontdoor::render_all(loaded.diagnostics));
    REQUIRE(loaded.pack);
    frontdoor::Decided decided = loaded.pack->decide(read_text(folder / "input.json"));
    INFO("decided: " << decided.json);
    CHECK(decided.refused);
    nlohmann::json error = nlohmann::json::parse(expected).at("error");
    CHECK(decided.path == error.at("path").get<std::string>());
    CHECK(decided.message == error.at("message").get<std::string>());

    Printed printed = eval_with_cli(folder);
    CHECK(printed.status == 1);
    CHECK(printed.output == expected);
}

const golden::RegisterFolders refuse_folders("refuse", refuse_folder);

}  // namespace

TEST_CASE("golden.refuse: each folder is a case of its own", "[golden]") { golden::check_registered("refuse", 4); }
