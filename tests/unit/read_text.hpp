#pragma once
// The whole of a file the tests read (a golden file, a pack file, a data file), byte for byte. A
// file that cannot be opened fails the test: a missing golden file never compares as empty.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path.string());
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
