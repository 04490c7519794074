// A pack's digest has one definition (engine/load/digest_pack.hpp): the loader's Pack::digest() and the
// digest `audit verify` recomputes from the files a log stored must agree byte for byte, for a pack
// with a data file and with file names whose byte order differs from a locale's (capitals before
// lower case, '_' before letters, UTF-8 after ASCII), or every record of that pack would be
// reported as tampered with.
#include "test_records_fixture.hpp"

#include "engine/load/digest_pack.hpp"

#include <openssl/evp.h>

using namespace records_test;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// In byte order of their names, which no locale's collation gives: "Holidays.json" < "Zeta.rules"
// < "a_b.rules" < "ab.rules" < "z.rules" < "\u00e9.rules".
const Files files_in_byte_order = {
    {"Holidays.json", R"({"england-and-wales": {"division": "england-and-wales", "events": [
  {"title": "Good Friday", "date": "2024-03-29", "notes": "", "bunting": false}]}})"},
    {"Zeta.rules", "pack digest_order version \"1\" [source \"t\"]\n"
                   "calendar office\n  timezone \"Europe/London\" rules \"GMT0BST,M3.5.0/1,M10.5.0/2\"\n"
                   "  open monday to friday 09:00 to 17:00\n"
                   "  holidays from \"Holidays.json\" division \"england-and-wales\"\n"},
    {"a_b.rules", "record doc\n  at: datetime\ninput x: doc\n"},
    {"ab.rules", "let later = x.at + 3 working days of office [source \"t\"]\n"},
    {"z.rules", "output times in office\n  later = later\n"},
    {"\xc3\xa9.rules", "# a rule file with a non-ASCII name\n"},
};

// SHA-256 of "<path>\0<byte length>\0<bytes>" for each file in the order given: the definition in
// docs/language.md, computed independently of the engine.
std::string expected_digest(const Files& files) {
    std::string bytes;
    for (const auto& [path, content] : files) bytes += path + '\0' + std::to_string(content.size()) + '\0' + content;
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    REQUIRE(EVP_Digest(bytes.data(), bytes.size(), hash, &length, EVP_sha256(), nullptr) == 1);
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i)
        out += "0123456789abcdef"[hash[i] >> 4], out += "0123456789abcdef"[hash[i] & 15];
    return out;
}

}  // namespace

TEST_CASE("the digest verify recomputes from a log's stored files is the loader's digest", "[records][digest]") {
    ScratchDir dir;
    fs::create_directories(dir.path / "pack");
    for (const auto& [name, content] : files_in_byte_order)
        std::ofstream(dir.path / "pack" / name, std::ios::binary) << content;
    auto loaded = frontdoor::Pack::load_directory(dir.file("pack"));
    for (const auto& d : loaded.diagnostics) INFO(d.file << ":" << d.line << ": " << d.message);
    REQUIRE(loaded.pack);
    const std::string expected = expected_digest(files_in_byte_order);
    CHECK(loaded.pack->digest() == expected);
    CHECK(loaded.pack->files() == files_in_byte_order);
    Files reversed(files_in_byte_order.rbegin(), files_in_byte_order.rend());
    CHECK(frontdoor::engine::digest_pack(reversed) == expected);
    auto from_memory = frontdoor::Pack::load_files("in-memory", reversed);
    REQUIRE(from_memory.pack);
    CHECK(from_memory.pack->digest() == expected);

    std::string contact = R"({"at": "2024-03-28T12:00:00Z"})";
    auto decided = loaded.pack->decide(contact);
    REQUIRE_FALSE(decided.refused);
    CHECK(decided.json.find(expected) != std::string::npos);
    auto log = frontdoor::DecisionLog::open(dir.file("log.db"), frontdoor::DecisionLog::Access::append);
    REQUIRE(log->append(*loaded.pack, {{contact, decided.json}}).size() == 1);
    auto report = verify(dir.file("log.db"));
    INFO(report.problem);
    CHECK(report.ok());
    CHECK(report.packs == 1);
    std::string error;
    auto stored = log->pack(expected, &error);
    INFO(error);
    REQUIRE(stored);
    CHECK(stored->digest() == expected);
}
