// The canonical layout means the same as what was written: the formatted text parses to the same
// syntax tree (spans aside) and keeps every comment, in order. Checked on the golden inputs, on
// random fully parenthesised expressions (from which the formatter drops the parentheses the
// grammar does not need), also at a narrow width that forces many line breaks, and with a comment
// put between any two words, as a policy lead may.
#include "test_records_fixture.hpp"

#include "dsl/diagnostics.hpp"
#include "dsl/format_pack.hpp"
#include "dsl/parse.hpp"
#include "dsl/scan_rule_text.hpp"

#include "read_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
namespace ast = frontdoor::dsl::ast;
using frontdoor::dsl::Source;

namespace {

std::string dump(const frontdoor::dsl::TypeExpr& t) {
    std::string out = t.kind == frontdoor::dsl::TypeExpr::Kind::named
                          ? t.name
                          : (t.kind == frontdoor::dsl::TypeExpr::Kind::list ? "list:" : "set:") + dump(*t.element);
    return (t.optional ? "?" : "") + out + (t.nullable ? "|null" : "");
}

std::string dump(const ast::ExprPtr& e) {
    if (!e) return "-";
    // An operator's text is compared as the parser keeps it: a comment after the operator ("or  # why")
    // must not be part of it, or the same expression would differ with and without the comment.
    std::string out =
        "(" + std::to_string(static_cast<int>(e->kind)) + " '" + e->text + "' " + std::to_string(e->number);
    if (e->kind == ast::ExprKind::duration) out += " u" + std::to_string(static_cast<int>(e->unit)) + e->calendar;
    if (!e->variable.empty()) out += " v:" + e->variable + (e->has_where ? " where" : "");
    for (const auto& a : e->args) out += " " + dump(a);
    for (const auto& k : e->keys) out += " by " + dump(k);
    for (const auto& [name, value] : e->fields) out += " " + name + ":" + dump(value);
    return out + ")";
}

std::string dump(const ast::Citation& c) { return c.present ? " [" + c.text + "]" : ""; }
std::string dump(const ast::Label& l) { return l.present ? " label:" + l.text : ""; }

// Everything a pack declares, without positions.
std::string dump(const ast::Pack& p) {
    std::ostringstream out;
    for (const auto& m : p.manifests) out << "pack " << m.name << " " << m.version << dump(m.citation) << "\n";
    for (const auto& c : p.calendars) {
        out << "calendar " << c.name << " " << c.timezone << " " << c.timezone_rule << "\n";
        for (const auto& o : c.opening)
            out << " open " << o.first_day << o.last_day << " " << o.open_seconds << " " << o.close_seconds << "\n";
        for (const auto& h : c.holidays) out << " holidays " << h.file << " " << h.division << "\n";
    }
    for (const auto& e : p.enums) {
        out << "enum " << e.name;
        for (std::size_t i = 0; i < e.members.size(); ++i) out << " " << e.members[i].first << dump(e.labels[i]);
        out << "\n";
    }
    for (const auto& r : p.records) {
        out << "record " << r.name << "\n";
        for (const auto& f : r.fields)
            out << " " << f.name << (f.optional ? " optional " : " ") << dump(f.type) << " " << f.matching.value_or("")
                << (f.length ? std::to_string(f.length->first) + ".." + std::to_string(f.length->second) : "") << " "
                << f.at_most.value_or(-1) << (f.unique ? " unique " : " ") << dump(f.default_value) << "\n";
    }
    for (const auto& i : p.inputs) {
        out << "input " << i.name << " " << dump(i.type) << "\n";
        for (const auto& r : i.refusals)
            out << " refuse " << r.each_variable << dump(r.each_list) << dump(r.condition) << dump(r.at) << r.because
                << dump(r.citation) << "\n";
    }
    for (const auto& l : p.lets)
        out << "let " << l.name << dump(l.label) << " " << (l.declared ? dump(*l.declared) : "") << dump(l.value)
            << dump(l.citation) << "\n";
    for (const auto& d : p.decisions) {
        out << "decision " << d.name << dump(d.label) << " " << dump(d.type) << static_cast<int>(d.policy) << "\n";
        for (const auto& r : d.rows)
            out << " row " << r.each_variable << dump(r.each_list) << dump(r.value) << dump(r.condition) << r.otherwise
                << dump(r.citation) << "\n";
    }
    for (const auto& t : p.tables) {
        out << "table " << t.name << dump(t.label) << " " << dump(t.key_type) << dump(t.value_type) << "\n";
        for (const auto& e : t.entries) out << " " << dump(e.key) << dump(e.value) << dump(e.citation) << "\n";
    }
    for (const auto& o : p.outputs) {
        out << "output " << o.times_in << "\n";
        for (const auto& f : o.fields) out << " " << f.name << dump(f.value) << "\n";
    }
    for (const auto& [span, text] : p.comments)
        out << "comment " << text.substr(0, text.find_last_not_of(" \t\r") + 1) << "\n";
    return out.str();
}

std::string parsed(const std::string& name, const std::string& text) {
    std::vector<Source> sources{Source(name, text)};
    frontdoor::dsl::Diagnostics diagnostics(sources);
    ast::Pack pack;
    frontdoor::dsl::parse_source(sources.front(), 0, pack, diagnostics);
    return frontdoor::render_all(diagnostics.sorted()) + dump(pack);
}

// Offsets of white space between tokens: outside texts and comments.
std::vector<std::size_t> gaps(const std::string& text) {
    std::vector<std::size_t> out;
    frontdoor::dsl::RuleTextScanner scanner(text);
    for (frontdoor::dsl::RuleTextSegment segment; scanner.next(segment);) {
        if (segment.kind != frontdoor::dsl::SegmentKind::code) continue;
        for (std::size_t at = segment.begin; at < segment.end; ++at)
            if (text[at] == ' ' || text[at] == '\n') out.push_back(at);
    }
    return out;
}

// The first line where two dumps differ, both ways round; "" when they are the same.
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream left(a), right(b);
    std::string x, y;
    while (true) {
        bool more_left = static_cast<bool>(std::getline(left, x)),
             more_right = static_cast<bool>(std::getline(right, y));
        if (!more_left && !more_right) return "";
        if (x != y || more_left != more_right) return x + "\n  versus\n" + y;
    }
}

// Puts a comment, at the end of a line, on a line of its own and between empty lines, into each `step`th gap between
// words, and requires the formatted file to mean the same, keep every comment and not change when
// formatted again.
void probe(const std::string& name, const std::string& text, std::size_t step) {
    auto positions = gaps(text);
    for (std::size_t n = 0; n < positions.size(); n += step) {
        for (const char* comment : {"  # probe\n", "\n# probe\n", "\n\n  # probe\n\n"}) {
            std::string source = text.substr(0, positions[n]) + comment + text.substr(positions[n] + 1);
            std::string meaning = parsed(name, source);
            if (meaning.find("error") != std::string::npos) continue;  // e.g. between a call's name and '('
            auto once = frontdoor::dsl::format_rules(Source(name, source));
            INFO(name << " with a comment at offset " << positions[n] << ":\n"
                      << source << "\nformatted:\n"
                      << once.text);
            REQUIRE(once.diagnostics.empty());
            CHECK(first_difference(parsed(name, once.text), meaning) == "");
            CHECK(frontdoor::dsl::format_rules(Source(name, once.text)).text == once.text);
        }
    }
}

// A random expression, every operand in parentheses, so the tree it parses to is the one built.
class RandomExpression {
public:
    explicit RandomExpression(unsigned seed) : random_(seed) {}

    std::string make(int depth) {
        if (depth == 0 || pick(5) == 0) return leaf();
        auto sub = [&] { return "(" + make(depth - 1) + ")"; };
        static const char* const binary[] = {" or ", " and ", " = ",      " != ", " < ",
                                             " >= ", " in ",  " not in ", " + ",  " - "};
        switch (pick(11)) {
            case 0:
            case 1:
            case 2: return sub() + binary[pick(10)] + sub();
            case 3: return (pick(2) ? "not " : "-") + sub();
            case 4: return sub() + (pick(2) ? " exists" : " is absent");
            case 5: return sub() + ".unit";
            case 6: return "first_present(" + make(depth - 1) + ", " + make(depth - 1) + ")";
            case 7: return "if " + make(depth - 1) + " then " + make(depth - 1) + " else " + make(depth - 1);
            case 8:
                return std::string(pick(2) ? "any" : "latest") + "(item in " + make(depth - 1) + " where " +
                       make(depth - 1) + (pick(2) ? " by item.closed, item.opened)" : ")");
            case 9: return "[" + make(depth - 1) + ", " + make(depth - 1) + "]";
            default: return "{code: " + make(depth - 1) + ", unit: " + make(depth - 1) + "}";
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
    std::string leaf() {
        static const char* const leaves[] = {"origin.group.flag_set", "some_level", "3", "\"say \\\"hi\\\"\"",
                                             "24 hours", "10 working days of calendar_a", "date \"2024-02-29\"",
                                             "absent", "true", "last_item.field", "count(origin.items)",
                                             // the word that also opens a citation after '['
                                             "source", "source.kind"};
        return leaves[pick(13)];
    }
    std::mt19937 random_;
};

}  // namespace

TEST_CASE("each golden layout parses to the same declarations and comments as its input", "[golden][fmt]") {
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/fmt")) {
        if (!entry.is_directory()) continue;
        ++cases;
        INFO("golden case " << entry.path().filename().string());
        std::string input = parsed("f.rules", read_text(entry.path() / "input.rules"));
        CHECK(input.find("error") == std::string::npos);
        CHECK(parsed("f.rules", read_text(entry.path() / "expected.rules")) == input);
    }
    REQUIRE(cases >= 8);
}

TEST_CASE("random expressions keep their meaning and their layout when formatted", "[fmt]") {
    RandomExpression random(20240521);
    for (int i = 0; i < 400; ++i) {
        std::string source = "let x = " + random.make(4) +
                             "  [source \"random\"]\n"
                             "decision d: integer (first match)\n  " +
                             random.make(3) + "\n    when " + random.make(4) +
                             "\n    [source \"r\"]\n  1 otherwise [source \"o\"]\n";
        std::string meaning = parsed("r.rules", source);
        REQUIRE(meaning.find("error") == std::string::npos);
        for (int width : {100, 40}) {
            INFO("width " << width << ", source:\n" << source);
            auto formatted = frontdoor::dsl::format_rules(Source("r.rules", source), width);
            REQUIRE(formatted.diagnostics.empty());
            INFO("formatted:\n" << formatted.text);
            CHECK(parsed("r.rules", formatted.text) == meaning);
            CHECK(frontdoor::dsl::format_rules(Source("r.rules", formatted.text), width).text == formatted.text);
        }
    }
}

TEST_CASE("a comment between any two words of a golden input is kept, and stays put", "[fmt]") {
    for (const auto& entry : fs::directory_iterator(fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden/fmt"))
        if (entry.is_directory()) probe(entry.path().filename().string(), read_text(entry.path() / "input.rules"), 1);
}

TEST_CASE("a comment between words of the sample pack is kept, and stays put", "[fmt][pack]") {
    for (const auto& entry : fs::directory_iterator(records_test::sample_pack_dir()))
        if (entry.path().extension() == ".rules") probe(entry.path().filename().string(), read_text(entry.path()), 3);
}
