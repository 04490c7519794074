// The JSON reader's limits, as a caller of Pack::decide sees them: each refusal names the JSON path
// where the limit was exceeded and the limit itself; inputs just inside a limit are read as before.
#include "frontdoor/frontdoor.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <string>

namespace {

const frontdoor::Pack& bundled_sample_pack() {
    static auto pack = frontdoor::Pack::load_directory(FRONTDOOR_SOURCE_DIR "/rules/hackney").pack;
    REQUIRE(pack);
    return *pack;
}

frontdoor::Decided decide(const std::string& text) { return bundled_sample_pack().decide(text); }

// Processor time since `start`, in seconds: unlike the wall clock, it does not grow when other
// tests share the machine.
double seconds_since(std::clock_t start) { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }

std::string repeated(const std::string& item, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? "," : "") + item;
    return out;
}

std::string numbered_members(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    return out;
}

}  // namespace

TEST_CASE("an array of more than 10000 items is refused at its path", "[input limits]") {
    auto over = decide(R"({"indicators":[)" + repeated("\"young_carer\"", 10'001) + "]}");
    CHECK(over.refused);
    CHECK(over.path == "/indicators");
    CHECK(over.message == "more than 10000 items (the limit for an array)");
    // 10000 items are read, and refused for what they say (the same indicator twice).
    auto at = decide(R"({"indicators":[)" + repeated("\"young_carer\"", 10'000) + "]}");
    CHECK(at.message.find("limit") == std::string::npos);
}

TEST_CASE("an object of more than 10000 members is refused at its path, quickly", "[input limits]") {
    std::string text = R"({"child":{)" + numbered_members(200'000) + "}}";
    std::clock_t started = std::clock();
    auto over = decide(text);
    CHECK(seconds_since(started) < 1.0);
    CHECK(over.path == "/child");
    CHECK(over.message == "more than 10000 members (the limit for an object)");
}

TEST_CASE("a key given twice is found in a large object with the same refusal as in a small one", "[input limits]") {
    auto small = decide(R"({"child":{"a":1,"b":2,"a":3}})");
    CHECK(small.path == "/child/a");
    CHECK(small.message == "not valid JSON: the field 'a' is given twice in one object");
    auto large = decide(R"({"child":{)" + numbered_members(5'000) + R"(,"k4321":1}})");
    CHECK(large.path == "/child/k4321");
    CHECK(large.message == "not valid JSON: the field 'k4321' is given twice in one object");
}

TEST_CASE("a text of more than 64 KiB is refused at its path", "[input limits]") {
    auto value = decide(R"({"contact_id":")" + std::string(65'537, 'x') + "\"}");
    CHECK(value.path == "/contact_id");
    CHECK(value.message == "text of more than 65536 bytes (the limit for a text value)");
    auto name = decide("{\"" + std::string(65'537, 'x') + "\":1}");
    CHECK(name.path == "");
    CHECK(name.message == "a field name of more than 65536 bytes (the limit for a text value)");
}

TEST_CASE("a refusal quotes at most 200 characters of a value, then its size", "[input limits]") {
    std::string id;
    for (int i = 0; i < 1000; ++i) id += "\xC3\xA9";  // é, two bytes
    auto long_value = decide(R"({"contact_id":")" + id + "\"}");
    CHECK(long_value.path == "/contact_id");
    CHECK(long_value.message.rfind("\"" + id.substr(0, 400) + "\xE2\x80\xA6 (2000 bytes)\" is not in the expected form",
                                   0) == 0);
    auto unknown = decide("{\"" + std::string(5000, 'q') + "\":1}");
    CHECK(unknown.message.rfind("unknown field '" + std::string(200, 'q') + "\xE2\x80\xA6 (5000 bytes)'.", 0) == 0);
    // A value of 200 characters is quoted whole.
    auto short_value = decide(R"({"contact_id":")" + id.substr(0, 400) + "\"}");
    CHECK(short_value.message.rfind("\"" + id.substr(0, 400) + "\" is not in the expected form", 0) == 0);
}

TEST_CASE("a document of more than 4 MiB, or of more than 100000 values, is refused as a whole", "[input limits]") {
    auto big = decide("{}" + std::string(4 << 20, ' '));
    CHECK(big.path == "");
    CHECK(big.message == "the document has more than 4194304 bytes (the limit for a document)");
    // 11 arrays of 10,000 numbers: within the item limit, over the limit on values.
    auto many = decide(R"({"indicators":[)" + repeated("[" + repeated("0", 10'000) + "]", 11) + "]}");
    CHECK(many.path == "/indicators/9/9988");  // 2 + 9 * 10,001 + 1 values before it
    CHECK(many.message == "more than 100000 values in one document (the limit for a document)");
}

TEST_CASE("a byte-order mark before a document is skipped", "[input limits]") {
    auto plain = decide(R"({"contact_id":"C-1"})");
    auto marked = decide("\xEF\xBB\xBF"
                         R"({"contact_id":"C-1"})");
    CHECK(marked.path == plain.path);
    CHECK(marked.message == plain.message);
    auto twice = decide("\xEF\xBB\xBF\xEF\xBB\xBF{}");
    CHECK(twice.message == "not valid JSON: expected a JSON value (at byte 3)");
}

TEST_CASE("a long date or time is quoted cut at a character boundary, never inside one", "[input limits]") {
    std::string time = "a";
    for (int i = 0; i < 300; ++i) time += "\xC3\xA9";  // é: the old 40-byte cut split one in two
    auto refused = decide(R"({"contact_id":"C-1","received_at":")" + time + "\"}");
    CHECK(refused.path == "/received_at");
    CHECK(refused.message.rfind("\"" + time.substr(0, 399) + "\xE2\x80\xA6 (601 bytes)\" is not a time", 0) == 0);
}
