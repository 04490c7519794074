#pragma once
// Golden tests are folders, one Catch2 case each (STYLE.md 13; DuckDB's test_sqllogictest.cpp):
// every folder under tests/golden/<kind>/ is registered at start-up as the case
// `golden.<kind>.<folder>`, so `ctest -R golden.check.cycle` runs one folder and a failing folder
// does not hide the others. tests/CMakeLists.txt relinks the test program when a folder is added or
// removed, so that catch_discover_tests finds the new case: no list of cases is kept by hand.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace golden {

// Runs the golden case held in `folder`. A file the case needs that is missing fails it (read_text
// REQUIREs it): a folder without its expected file is never skipped.
using RunFolder = void (*)(const std::filesystem::path& folder);

// Every entry of tests/golden/<kind>, folders or not, sorted. Throws if <kind> cannot be listed.
std::vector<std::filesystem::path> entries(std::string_view kind);

// The case a folder of tests/golden/<kind> is registered as: "golden.<kind>.<folder>".
std::string case_name(std::string_view kind, const std::filesystem::path& folder);

// Registers one case per folder of tests/golden/<kind>, tagged [golden][<kind>], each running `run`
// on its folder. Define one at namespace scope per kind; the cases' source line is that definition
// (__builtin_FILE and __builtin_LINE, which g++ and clang 14 both have; clang 14 lacks
// std::source_location). A kind that cannot be listed is a start-up error: Catch2 reports it and
// the test program fails before running anything.
struct RegisterFolders {
    RegisterFolders(std::string_view kind, RunFolder run, const char* file = __builtin_FILE(),
                    int line = __builtin_LINE());
};

// Checks that tests/golden/<kind> holds only folders, named in lower-case letters, digits and
// hyphens (a name Catch2 and CTest take as it is), that each is registered as its own case, and that
// there are at least `minimum` of them (so that a broken scan cannot pass by finding nothing).
void check_registered(std::string_view kind, std::size_t minimum);

}  // namespace golden
