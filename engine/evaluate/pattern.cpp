#include "engine/evaluate/pattern.hpp"

#include "dsl/compile_pattern.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>

namespace frontdoor::engine {

namespace {

void add_escape(std::bitset<128>& set, char c, bool& ok) {
    switch (c) {
        case 'd':
            for (char x = '0'; x <= '9'; ++x) set.set(static_cast<std::size_t>(x));
            return;
        case 'w':
            for (char x = '0'; x <= '9'; ++x) set.set(static_cast<std::size_t>(x));
            for (char x = 'a'; x <= 'z'; ++x) set.set(static_cast<std::size_t>(x));
            for (char x = 'A'; x <= 'Z'; ++x) set.set(static_cast<std::size_t>(x));
            set.set('_');
            return;
        default:
            // An escaped punctuation character stands for itself; letters and digits have special
            // meanings (\s, \b, \1, \u...) that the simple matcher leaves to RE2.
            if (static_cast<unsigned char>(c) < 128 && !std::isalnum(static_cast<unsigned char>(c)))
                set.set(static_cast<std::size_t>(c));
            else ok = false;
    }
}

// Reads "{m}", "{m,}", "{m,n}" at `i`; false when it is not a well-formed quantifier.
bool read_braces(const std::string& s, std::size_t& i, int& min, int& max) {
    std::size_t j = i + 1;
    auto number = [&](int& out) {
        if (j >= s.size() || !std::isdigit(static_cast<unsigned char>(s[j]))) return false;
        long value = 0;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && value < 100000)
            value = value * 10 + (s[j++] - '0');
        out = static_cast<int>(value);
        return true;
    };
    if (!number(min)) return false;
    max = min;
    if (j < s.size() && s[j] == ',') {
        ++j;
        max = INT_MAX;
        if (j < s.size() && s[j] != '}' && !number(max)) return false;
    }
    if (j >= s.size() || s[j] != '}' || max < min) return false;
    i = j + 1;
    return true;
}

}  // namespace

Pattern::Pattern(const std::string& source) {
    dsl::CompiledPattern compiled = dsl::compile_pattern(source);
    if (!compiled.regex) throw std::invalid_argument("the pattern \"" + source + "\" is refused: " + compiled.problem);
    regex_ = std::move(compiled.regex);
    simple_ = compile_simple(source);
    if (!simple_) atoms_.clear();
}

bool Pattern::compile_simple(const std::string& s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '^') anchored_start_ = true, ++i;
    while (i < s.size()) {
        char c = s[i];
        if (c == '$' && i + 1 == s.size()) {
            anchored_end_ = true;
            return true;
        }
        Atom atom;
        bool ok = true;
        if (c == '[') {
            ++i;
            if (i < s.size() && s[i] == '^') return false;
            bool first = true;
            while (i < s.size() && (s[i] != ']' || first)) {
                first = false;
                char low = s[i];
                if (low == '\\') {
                    if (i + 1 >= s.size()) return false;
                    add_escape(atom.chars, s[i + 1], ok);
                    i += 2;
                    continue;
                }
                if (static_cast<unsigned char>(low) >= 128 || low == '[') return false;
                if (i + 2 < s.size() && s[i + 1] == '-' && s[i + 2] != ']') {
                    char high = s[i + 2];
                    if (high == '\\' || static_cast<unsigned char>(high) >= 128 || high < low) return false;
                    for (int x = low; x <= high; ++x) atom.chars.set(static_cast<std::size_t>(x));
                    i += 3;
                } else {
                    atom.chars.set(static_cast<std::size_t>(low));
                    ++i;
                }
            }
            if (i >= s.size()) return false;
            ++i;
        } else if (c == '\\') {
            if (i + 1 >= s.size()) return false;
            add_escape(atom.chars, s[i + 1], ok);
            i += 2;
        } else if (std::string_view("^$.|()?*+{}]").find(c) != std::string_view::npos ||
                   static_cast<unsigned char>(c) >= 128) {
            return false;
        } else {
            atom.chars.set(static_cast<std::size_t>(c));
            ++i;
        }
        if (!ok) return false;
        if (i < s.size()) {
            char q = s[i];
            if (q == '?') atom.min = 0, ++i;
            else if (q == '*') atom.min = 0, atom.max = INT_MAX, ++i;
            else if (q == '+') atom.max = INT_MAX, ++i;
            else if (q == '{' && !read_braces(s, i, atom.min, atom.max)) return false;
            // Each atom costs up to `max` steps from each position: bounded, the time stays linear.
            if (atom.max > simple_max_repeat) return false;
            if (i < s.size() && std::string_view("?*+{").find(s[i]) != std::string_view::npos)
                return false;  // lazy or stacked
        }
        atoms_.push_back(atom);
    }
    return true;
}

bool Pattern::search(std::string_view text) const {
    if (!simple_) return dsl::pattern_search(*regex_, text);
    const std::size_t n = text.size();
    // reach[p]: some way of matching the atoms so far ends at position p. Both rows live on the
    // stack for texts of up to 127 bytes.
    std::array<char, 256> here;
    std::vector<char> elsewhere;
    char* reach = here.data();
    if (2 * (n + 1) > here.size()) {
        elsewhere.resize(2 * (n + 1));
        reach = elsewhere.data();
    }
    char* next = reach + n + 1;
    std::fill(reach, reach + n + 1, anchored_start_ ? 0 : 1);
    reach[0] = 1;
    for (const Atom& atom : atoms_) {
        std::fill(next, next + n + 1, 0);
        bool any = false;
        for (std::size_t p = 0; p <= n; ++p) {
            if (!reach[p]) continue;
            std::size_t q = p;
            long count = 0;
            if (atom.min == 0) next[q] = 1, any = true;
            while (q < n && count < atom.max) {
                auto byte = static_cast<unsigned char>(text[q]);
                if (byte >= 128 || !atom.chars.test(byte)) break;
                ++q;
                if (++count >= atom.min) next[q] = 1, any = true;
            }
        }
        if (!any) return false;
        std::swap(reach, next);
    }
    if (anchored_end_) return reach[n] != 0;
    return std::any_of(reach, reach + n + 1, [](char r) { return r != 0; });
}

}  // namespace frontdoor::engine
