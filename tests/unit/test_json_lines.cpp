// JsonLinesReader (frontdoor/json_lines.hpp): lines by number, line ends, too-long lines, CR-only
// files, block boundaries and read errors, as eval --jsonl and replay --contacts see them.
#include "frontdoor/json_lines.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace {

struct Read {
    std::size_t number;
    std::string text, refusal;
    bool operator==(const Read&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Read& read) {
    return out << read.number << ": '" << read.text << "' / '" << read.refusal << "'";
}

std::vector<Read> read_all(frontdoor::JsonLinesReader& reader) {
    std::vector<Read> out;
    frontdoor::JsonLine line;
    while (reader.next(line)) out.push_back({line.number, std::string(line.text), line.refusal});
    return out;
}

std::vector<Read> read_all(const std::string& text, std::size_t limit = 1 << 20, std::size_t block = 7) {
    frontdoor::InputLimits limits;
    limits.document_bytes = limit;
    frontdoor::JsonLinesReader reader(frontdoor::text_blocks(text), limits, block);
    return read_all(reader);
}

}  // namespace

TEST_CASE("lines end with LF or CRLF, the last needs no end, and blank lines keep their numbers", "[json lines]") {
    std::vector<Read> expected{{1, "{\"a\":1}", ""}, {3, "[2]", ""}, {5, "3", ""}};
    for (std::size_t block : {1, 2, 3, 7, 64}) {
        INFO("block " << block);
        CHECK(read_all("{\"a\":1}\n \t\r\n[2]\r\n\n3", 1 << 20, block) == expected);
        CHECK(read_all("{\"a\":1}\n\n[2]\n\n3\n", 1 << 20, block) == expected);
    }
    CHECK(read_all("").empty());
    CHECK(read_all("\n\r\n").empty());
}

TEST_CASE("a line over the limit is refused by number and skipped to its end, however long", "[json lines]") {
    std::string too_long = "[" + std::string(100'000, '1') + "]";
    auto lines = read_all("[1]\n" + too_long + "\r\n[2]\n" + std::string(17, 'x') + "\n", 16, 5);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == Read{1, "[1]", ""});
    CHECK(lines[1] ==
          Read{2, "", "the line has 100002 bytes, more than 16 (the limit for a document); it was skipped"});
    CHECK(lines[2] == Read{3, "[2]", ""});
    CHECK(lines[3] == Read{4, "", "the line has 17 bytes, more than 16 (the limit for a document); it was skipped"});
    // Exactly at the limit, with or without a CR LF end.
    CHECK(read_all(std::string(16, '7') + "\r\n" + std::string(16, '8'), 16, 3) ==
          std::vector<Read>{{1, std::string(16, '7'), ""}, {2, std::string(16, '8'), ""}});
}

TEST_CASE("a file whose lines end with CR only is refused, saying so", "[json lines]") {
    const std::string hint = "lines end with CR only (old Mac line endings); use LF or CRLF";
    CHECK(read_all("{\"a\":1}\r{\"a\":2}\r") ==
          std::vector<Read>{{1, "", "the line holds a carriage return (CR) that does not end it: " + hint}});
    // The last CR ends the line, as a CR LF would: 81 bytes.
    auto long_file = read_all(std::string(40, '1') + "\r" + std::string(40, '2') + "\r", 16, 5);
    REQUIRE(long_file.size() == 1);
    CHECK(long_file[0].refusal ==
          "the line has 81 bytes, more than 16 (the limit for a document); it was skipped; " + hint);
}

TEST_CASE("a read error is an error naming the input, after the lines before it", "[json lines]") {
    std::size_t calls = 0;
    frontdoor::JsonLinesReader reader([&](char* into, std::size_t) -> std::size_t {
        if (++calls == 1) {
            std::string text = "[1]\n[2]\n[3";
            std::copy(text.begin(), text.end(), into);
            return text.size();
        }
        throw frontdoor::ReadError("cannot read contacts.jsonl: Input/output error");
    });
    frontdoor::JsonLine line;
    REQUIRE(reader.next(line));
    CHECK(line.text == "[1]");
    REQUIRE(reader.next(line));
    CHECK(line.text == "[2]");
    CHECK_THROWS_WITH(reader.next(line), "cannot read contacts.jsonl: Input/output error");
}

TEST_CASE("a directory given as a file is a read error naming it", "[json lines]") {
    auto directory = std::filesystem::temp_directory_path().string();
    frontdoor::JsonLinesReader reader(frontdoor::file_blocks(directory));
    frontdoor::JsonLine line;
    CHECK_THROWS_WITH(reader.next(line), "cannot read " + directory + ": Is a directory");
    CHECK_THROWS_WITH(frontdoor::file_blocks(directory + "/no-such-file.jsonl"),
                      "cannot read " + directory + "/no-such-file.jsonl: No such file or directory");
}

TEST_CASE("a whole document is read up to one byte over the limit", "[json lines]") {
    frontdoor::InputLimits limits;
    limits.document_bytes = 10;
    CHECK(frontdoor::read_document(frontdoor::text_blocks("{\"a\": 1}"), limits) == "{\"a\": 1}");
    CHECK(frontdoor::read_document(frontdoor::text_blocks(std::string(1000, ' ')), limits).size() == 11);
}
