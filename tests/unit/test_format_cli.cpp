// `frontdoor fmt` as a policy lead runs it: print, --check and --write on a pack directory, and a
// file with a syntax error left alone with its errors printed.
#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string output;  // standard output and standard error
};

Run run(const std::string& arguments) {
    std::string command = std::string(FRONTDOOR_CLI) + " fmt " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("frontdoor fmt prints, checks and rewrites a pack's files", "[fmt][cli]") {
    fs::path dir = fs::temp_directory_path() / "frontdoor-fmt-cli-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    write(dir / "a.rules", "let a = 1  [source \"a\"]\n");
    write(dir / "b.rules", "let   b=2 [source \"b\"]  # two\n");
    std::string d = dir.string();

    Run printed = run(d);
    CHECK(printed.status == 0);
    CHECK(printed.output == "==> " + d + "/a.rules <==\nlet a = 1  [source \"a\"]\n\n==> " + d +
                                "/b.rules <==\nlet b = 2  [source \"b\"]  # two\n");

    Run checked = run("--check " + d);
    CHECK(checked.status == 1);
    CHECK(checked.output == d + "/b.rules\n");

    Run written = run("--write " + d);
    CHECK(written.status == 0);
    CHECK(written.output == d + "/b.rules\n");
    CHECK(read_text(dir / "b.rules") == "let b = 2  [source \"b\"]  # two\n");
    CHECK(run("--check " + d).status == 0);

    write(dir / "c.rules", "let c = (3 [source \"c\"]\n");
    Run broken = run("--write " + (dir / "c.rules").string());
    CHECK(broken.status == 4);  // the rule file does not load: exit_pack_failed
    CHECK(broken.output.find("c.rules:1:12: error: expected ')'") != std::string::npos);
    CHECK(broken.output.find("1 error in " + (dir / "c.rules").string() + ": not formatted") != std::string::npos);
    CHECK(read_text(dir / "c.rules") == "let c = (3 [source \"c\"]\n");
    fs::remove_all(dir);
}
