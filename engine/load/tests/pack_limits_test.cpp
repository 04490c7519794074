// Which files a pack reads (issue 11, section 1): the data files its syntax tree names, inside its
// directory, regular files only, within the size limits; every other case is an error naming the
// file and why, at the string's file:line:col when a rule names it.
#include "engine/load/pack_limits.hpp"
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

const char* const holidays_json = R"({"england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "Christmas Day", "date": "2024-12-25", "notes": "", "bunting": true}]}})";

// A small pack whose calendar reads its holidays from `data_name`.
std::string rules_naming(const std::string& data_name, const std::string& comment = "") {
    return "pack p version \"1\" [source \"t\"]\n" + comment +
           "calendar office\n"
           "  timezone \"UTC\" rules \"UTC0\"\n"
           "  open monday to friday 09:00 to 17:00\n"
           "  holidays from \"" +
           data_name +
           "\" division \"england-and-wales\"\n"
           "record item\n  count: integer\ninput x: item\n"
           "let doubled: integer = x.count + x.count [source \"s\"]\n"
           "output times in office\n  doubled = doubled\n";
}

// A directory of its own, removed with everything in it at the end of the test.
struct ScratchPack {
    fs::path root;
    fs::path pack;
    ScratchPack() {
        std::random_device random;
        root =
            fs::temp_directory_path() / ("frontdoor-pack-files-" + std::to_string(random()) + std::to_string(random()));
        pack = root / "pack";
        fs::create_directories(pack);
    }
    ~ScratchPack() {
        std::error_code ignored;
        fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(root, ignored);
    }
    void write(const fs::path& path, const std::string& text) const { std::ofstream(path, std::ios::binary) << text; }
    std::string rendered() const {
        return frontdoor::render_all(frontdoor::Pack::load_directory(pack.string()).diagnostics);
    }
    frontdoor::LoadResult load() const { return frontdoor::Pack::load_directory(pack.string()); }
};

std::string rendered_from_memory(std::vector<std::pair<std::string, std::string>> files) {
    return frontdoor::render_all(frontdoor::Pack::load_files("mem", std::move(files)).diagnostics);
}

}  // namespace

TEST_CASE("a data file named only in a comment is not read and does not change the digest", "[pack-files]") {
    ScratchPack with_comment, without;
    with_comment.write(
        with_comment.pack / "p.rules",
        rules_naming("h.json", "# holidays from \"/proc/self/environ\"\n# holidays from \"notes.json\"\n"));
    with_comment.write(with_comment.pack / "h.json", holidays_json);
    with_comment.write(with_comment.pack / "notes.json", "{\"secret\": 1}");
    without.write(without.pack / "p.rules", rules_naming("h.json", "#\n#\n"));
    without.write(without.pack / "h.json", holidays_json);
    auto a = with_comment.load();
    auto b = without.load();
    INFO(frontdoor::render_all(a.diagnostics));
    REQUIRE(a.pack);
    REQUIRE(b.pack);
    std::vector<std::string> names;
    for (const auto& [name, text] : a.pack->files()) names.push_back(name);
    CHECK(names == std::vector<std::string>{"h.json", "p.rules"});
    // The two packs differ only in the comment's text, so their digests differ by that alone; a
    // pack with the comment and without notes.json has the same digest as one with it.
    fs::remove(with_comment.pack / "notes.json");
    auto c = with_comment.load();
    REQUIRE(c.pack);
    CHECK(c.pack->digest() == a.pack->digest());
}

TEST_CASE("a data file path that leaves the pack is an error at the string's position", "[pack-files]") {
    ScratchPack scratch;
    scratch.write(scratch.root / "outside.json", holidays_json);
    scratch.write(scratch.pack / "h.json", holidays_json);
    auto at = [&](const std::string& name) {
        scratch.write(scratch.pack / "p.rules", rules_naming(name));
        return scratch.rendered();
    };
    std::string prefix = scratch.pack.string() + "/p.rules:5:17: error: the holiday file '";
    CHECK(at("/etc/passwd") ==
          prefix + "/etc/passwd' is an absolute path; name a file inside the pack directory, relative to it\n"
                   "    holidays from \"/etc/passwd\" division \"england-and-wales\"\n"
                   "                  ^~~~~~~~~~~~~\n");
    CHECK(
        at("../outside.json")
            .rfind(
                prefix +
                    "../outside.json' has a '..' component; name a file inside the pack directory without '.' or '..'\n",
                0) == 0);
    CHECK(at("sub/../h.json").rfind(prefix + "sub/../h.json' has a '..' component;", 0) == 0);
    CHECK(at("./h.json").rfind(prefix + "./h.json' has a '.' component;", 0) == 0);
    CHECK(at("").rfind(prefix + "' is empty; name a file inside the pack directory\n", 0) == 0);
    fs::create_symlink(scratch.root / "outside.json", scratch.pack / "link.json");
    CHECK(at("link.json").rfind(prefix + "link.json' resolves to a file outside the pack directory\n", 0) == 0);
    fs::create_symlink("h.json", scratch.pack / "inside.json");
    scratch.write(scratch.pack / "p.rules", rules_naming("inside.json"));
    auto inside = scratch.load();
    INFO(frontdoor::render_all(inside.diagnostics));
    CHECK(inside.pack);
}

TEST_CASE("a data file that is not a regular file is an error naming it and why", "[pack-files]") {
    ScratchPack scratch;
    auto at = [&](const std::string& name) {
        scratch.write(scratch.pack / "p.rules", rules_naming(name));
        return scratch.rendered();
    };
    std::string prefix = scratch.pack.string() + "/p.rules:5:17: error: the holiday file '";
    CHECK(at("missing.json").rfind(prefix + "missing.json' does not exist in the pack directory\n", 0) == 0);
    fs::create_directory(scratch.pack / "dir.json");
    CHECK(at("dir.json").rfind(prefix + "dir.json' is a directory, not a regular file\n", 0) == 0);
    REQUIRE(mkfifo((scratch.pack / "fifo.json").c_str(), 0600) == 0);
    CHECK(at("fifo.json").rfind(prefix + "fifo.json' is a FIFO (named pipe), not a regular file\n", 0) == 0);
    fs::create_symlink("nowhere.json", scratch.pack / "dangling.json");
    CHECK(at("dangling.json").rfind(prefix + "dangling.json' is a symbolic link whose target does not exist\n", 0) ==
          0);
    fs::create_symlink("loop-b.json", scratch.pack / "loop-a.json");
    fs::create_symlink("loop-a.json", scratch.pack / "loop-b.json");
    CHECK(at("loop-a.json").rfind(prefix + "loop-a.json' is a symbolic link loop\n", 0) == 0);
    CHECK(at("/dev/null").rfind(prefix + "/dev/null' is an absolute path;", 0) == 0);
    fs::create_symlink("/dev/null", scratch.pack / "device.json");
    CHECK(at("device.json").rfind(prefix + "device.json' resolves to a file outside the pack directory\n", 0) == 0);
}

TEST_CASE("a *.rules entry that is not a regular file inside the pack is an error naming it", "[pack-files]") {
    ScratchPack scratch;
    scratch.write(scratch.pack / "p.rules", rules_naming("h.json"));
    scratch.write(scratch.pack / "h.json", holidays_json);
    scratch.write(scratch.root / "outside.rules", "let x: integer = 1 [source \"s\"]\n");
    std::string dir = scratch.pack.string();
    SECTION("a directory") {
        fs::create_directory(scratch.pack / "d.rules");
        CHECK(scratch.rendered() ==
              dir + "/d.rules: error: the rule file 'd.rules' is a directory, not a regular file\n");
    }
    SECTION("a FIFO, which never blocks the loader") {
        REQUIRE(mkfifo((scratch.pack / "f.rules").c_str(), 0600) == 0);
        CHECK(scratch.rendered() ==
              dir + "/f.rules: error: the rule file 'f.rules' is a FIFO (named pipe), not a regular file\n");
    }
    SECTION("a dangling link") {
        fs::create_symlink("gone.rules", scratch.pack / "g.rules");
        CHECK(scratch.rendered() ==
              dir + "/g.rules: error: the rule file 'g.rules' is a symbolic link whose target does not exist\n");
    }
    SECTION("a symlink loop") {
        fs::create_symlink("l2.rules", scratch.pack / "l1.rules");
        fs::create_symlink("l1.rules", scratch.pack / "l2.rules");
        CHECK(scratch.rendered() == dir + "/l1.rules: error: the rule file 'l1.rules' is a symbolic link loop\n" + dir +
                                        "/l2.rules: error: the rule file 'l2.rules' is a symbolic link loop\n");
    }
    SECTION("a symlink out of the pack") {
        fs::create_symlink(scratch.root / "outside.rules", scratch.pack / "out.rules");
        CHECK(scratch.rendered() ==
              dir + "/out.rules: error: the rule file 'out.rules' resolves to a file outside the pack directory\n");
    }
    SECTION("a device") {
        fs::create_symlink("/dev/zero", scratch.pack / "zero.rules");
        CHECK(scratch.rendered() ==
              dir + "/zero.rules: error: the rule file 'zero.rules' resolves to a file outside the pack directory\n");
    }
}

TEST_CASE("a pack directory that is missing, not a directory or a link loop is a clear error", "[pack-files]") {
    ScratchPack scratch;
    std::string dir = scratch.pack.string();
    CHECK(frontdoor::render_all(frontdoor::Pack::load_directory(dir + "/nope").diagnostics) ==
          dir + "/nope: error: the pack directory does not exist\n");
    scratch.write(scratch.pack / "file", "x");
    CHECK(frontdoor::render_all(frontdoor::Pack::load_directory(dir + "/file").diagnostics) ==
          dir + "/file: error: the pack directory is not a directory: a pack is a directory of .rules files\n");
    fs::create_symlink("loop2", scratch.pack / "loop1");
    fs::create_symlink("loop1", scratch.pack / "loop2");
    CHECK(frontdoor::render_all(frontdoor::Pack::load_directory(dir + "/loop1").diagnostics) ==
          dir + "/loop1: error: the pack directory is a symbolic link loop\n");
}

TEST_CASE("files over the size limits are refused, naming the file, its size and the limit", "[pack-files]") {
    using frontdoor::engine::max_data_file_bytes;
    using frontdoor::engine::max_rule_file_bytes;
    ScratchPack scratch;
    std::string dir = scratch.pack.string();
    scratch.write(scratch.pack / "p.rules", rules_naming("h.json"));
    scratch.write(scratch.pack / "h.json", std::string(max_data_file_bytes + 1, ' '));
    CHECK(scratch.rendered().rfind(dir + "/p.rules:5:17: error: the holiday file 'h.json' is " +
                                       std::to_string(max_data_file_bytes + 1) + " bytes, over the limit of " +
                                       std::to_string(max_data_file_bytes) + " bytes for a data file\n",
                                   0) == 0);
    scratch.write(scratch.pack / "big.rules", std::string(max_rule_file_bytes + 1, '#'));
    CHECK(scratch.rendered() == dir + "/big.rules: error: the rule file 'big.rules' is " +
                                    std::to_string(max_rule_file_bytes + 1) + " bytes, over the limit of " +
                                    std::to_string(max_rule_file_bytes) + " bytes for a rule file\n");
    CHECK(rendered_from_memory({{"big.rules", std::string(max_rule_file_bytes + 1, '#')}}) ==
          "mem/big.rules: error: the rule file 'big.rules' is " + std::to_string(max_rule_file_bytes + 1) +
              " bytes, over the limit of " + std::to_string(max_rule_file_bytes) + " bytes for a rule file\n");
}

TEST_CASE("a pack's files together are limited in size", "[pack-files]") {
    using frontdoor::engine::max_pack_bytes;
    using frontdoor::engine::max_rule_file_bytes;
    std::vector<std::pair<std::string, std::string>> files;
    std::uint64_t total = 0;
    for (int i = 0; total <= max_pack_bytes; ++i) {
        files.emplace_back("part" + std::to_string(10 + i) + ".rules", std::string(max_rule_file_bytes, '#'));
        total += max_rule_file_bytes;
    }
    std::string name = files.back().first;
    CHECK(rendered_from_memory(files) ==
          "mem/" + name + ": error: the rule file '" + name + "' brings the pack's files to " + std::to_string(total) +
              " bytes, over the limit of " + std::to_string(max_pack_bytes) + " bytes for a whole pack\n");
}

TEST_CASE("a pack held in memory takes relative names only, and only files its rules name", "[pack-files]") {
    std::string rules = rules_naming("h.json");
    CHECK(rendered_from_memory({{"p.rules", rules}, {"h.json", holidays_json}, {"extra.json", "{}"}}) ==
          "mem/extra.json: error: the file 'extra.json' is neither a rule file nor a data file a rule names\n");
    CHECK(
        rendered_from_memory({{"p.rules", rules}, {"h.json", holidays_json}, {"../up.rules", "#"}}) ==
        "mem/../up.rules: error: the rule file '../up.rules' has a '..' component; name a file inside the pack directory without '.' or '..'\n");
    CHECK(
        rendered_from_memory({{"p.rules", rules}, {"h.json", holidays_json}, {"/abs.rules", "#"}}) ==
        "mem//abs.rules: error: the rule file '/abs.rules' is an absolute path; name a file inside the pack directory, relative to it\n");
    CHECK(rendered_from_memory({{"p.rules", rules_naming("/etc/passwd")}})
              .rfind("mem/p.rules:5:17: error: the holiday file '/etc/passwd' is an absolute path;", 0) == 0);
    CHECK(
        rendered_from_memory({{"p.rules", rules_naming("p.rules")}})
            .rfind(
                "mem/p.rules:5:17: error: the holiday file 'p.rules' is a rule file (*.rules); a data file has another name\n",
                0) == 0);
    auto loaded = frontdoor::Pack::load_files("mem", {{"p.rules", rules}, {"h.json", holidays_json}});
    INFO(frontdoor::render_all(loaded.diagnostics));
    CHECK(loaded.pack);
}
