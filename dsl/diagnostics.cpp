#include "dsl/diagnostics.hpp"

#include "dsl/utf8.hpp"
#include "frontdoor/display_text.hpp"

#include <algorithm>
#include <tuple>

namespace frontdoor {

namespace {

// Text of a diagnostic (its message, the source line under it) with each byte that is not UTF-8
// shown as '?', so that a diagnostic is always valid text (it reaches terminals and JSON).
std::string printable(std::string_view line) {
    std::string out;
    for (std::size_t at = 0; at < line.size();) {
        std::size_t length = dsl::utf8_sequence_length(line, at);
        if (length == 0) {
            out += '?';
            ++at;
        } else {
            out.append(line.substr(at, length));
            at += length;
        }
    }
    return out;
}

// How many columns one character of a source line takes once escaped for display: 1, or the
// length of its escape ("\u{1b}": 6).
std::size_t shown_width(std::string_view character) {
    std::string shown = escape_for_display(character);
    return shown == character ? 1 : shown.size();
}

// The caret under the diagnostic's column and its tildes under the rest of its width, as the line
// is shown (escaped): one space per column before it (a tab stays a tab, so the caret lines up), an
// escaped character as wide as its escape.
std::string caret_line(const Diagnostic& d) {
    std::string out;
    std::size_t underlined = 0;
    std::uint32_t column = 1;
    std::string_view line = d.line_text;
    for (std::size_t at = 0; at < line.size() && column < d.column + d.width; ++column) {
        std::size_t length = std::max<std::size_t>(1, dsl::utf8_sequence_length(line, at));
        std::string_view character = line.substr(at, length);
        at += length;
        std::size_t width = shown_width(character);
        if (column >= d.column) underlined += width;
        else if (character == "\t") out += '\t';
        else out.append(width, ' ');
    }
    for (; column < d.column + d.width; ++column) {  // past the end of the line
        if (column >= d.column) ++underlined;
        else out += ' ';
    }
    out += '^';
    out.append(std::max<std::size_t>(underlined, 1) - 1, '~');
    return out;
}

}  // namespace

// Text for a terminal: every part quoted from a file (its name, the message, the source line, the
// notes) passed through escape_for_display, so that a control character a rule file holds is shown
// (\u{1b}), never obeyed. The Diagnostic's own fields keep the text as written (JSON escapes it).
std::string render(const Diagnostic& d) {
    static const char* const names[] = {"error", "warning", "note"};
    std::string out = escape_for_display(d.file);
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += ": ";
    out += names[static_cast<int>(d.severity)];
    out += ": " + escape_for_display(d.message) + "\n";
    if (d.line > 0) out += "  " + escape_for_display(d.line_text) + "\n  " + caret_line(d) + "\n";
    for (const auto& note : d.notes) out += "  note: " + escape_for_display(note) + "\n";
    return out;
}

std::string render_all(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += render(d);
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace frontdoor

namespace frontdoor::dsl {

void Diagnostics::error(Span span, std::string message, std::vector<std::string> notes) {
    add(Severity::error, span, std::move(message), std::move(notes));
}

void Diagnostics::warning(Span span, std::string message, std::vector<std::string> notes) {
    add(Severity::warning, span, std::move(message), std::move(notes));
}

void Diagnostics::error(Span span, std::string message, Span related, std::string note) {
    add(Severity::error, span, std::move(message), {});
    list_.push_back(located(Severity::note, related, printable(note)));
    attached_.push_back(true);
}

void Diagnostics::pack_error(std::string file, std::string message) {
    Diagnostic d;
    d.file = std::move(file);
    d.message = std::move(message);
    list_.push_back(std::move(d));
    attached_.push_back(false);
}

bool Diagnostics::has_errors() const { return frontdoor::has_errors(list_); }

void Diagnostics::add(Severity severity, Span span, std::string message, std::vector<std::string> notes) {
    Diagnostic d = located(severity, span, printable(message));
    for (auto& note : notes) d.notes.push_back(printable(note));
    list_.push_back(std::move(d));
    attached_.push_back(false);
}

Diagnostic Diagnostics::located(Severity severity, Span span, std::string message) const {
    Diagnostic d;
    d.severity = severity;
    d.message = std::move(message);
    if (span.file < sources_.size()) {
        const Source& source = sources_[span.file];
        LineColumn at = source.locate(span.begin);
        d.file = source.name();
        d.line = at.line;
        d.column = at.column;
        d.line_text = printable(source.line_text(at.line));
        std::uint32_t line_end = source.locate(source.line_end(at.line)).column;
        std::uint32_t end_column = span.end > span.begin ? source.locate(span.end).column : at.column + 1;
        if (source.locate(span.end > span.begin ? span.end : span.begin).line != at.line) end_column = line_end;
        d.width = end_column > at.column ? end_column - at.column : 1;
    }
    return d;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    // Each diagnostic with the notes attached to it (which may point above it) is sorted as one.
    std::vector<std::vector<Diagnostic>> groups;
    for (std::size_t i = 0; i < list_.size(); ++i) {
        if (attached_[i] && !groups.empty()) groups.back().push_back(list_[i]);
        else groups.push_back({list_[i]});
    }
    auto key = [](const std::vector<Diagnostic>& g) {
        const Diagnostic& d = g.front();
        return std::tie(d.file, d.line, d.column, d.message);
    };
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    groups.erase(
        std::unique(groups.begin(), groups.end(), [&](const auto& a, const auto& b) { return key(a) == key(b); }),
        groups.end());
    std::vector<Diagnostic> out;
    for (auto& group : groups) out.insert(out.end(), group.begin(), group.end());
    return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string with_article(const std::string& phrase) {
    static const char* const sounds_like_you[] = {"uni", "use", "usu", "uti", "eu", "one", "once"};
    static const char* const silent_h[] = {"hour", "honest", "honour"};
    auto starts = [&](const char* prefix) { return phrase.rfind(prefix, 0) == 0; };
    bool vowel = !phrase.empty() && std::string_view("aeiouAEIOU").find(phrase.front()) != std::string_view::npos;
    for (const char* prefix : sounds_like_you) vowel = vowel && !starts(prefix);
    for (const char* prefix : silent_h) vowel = vowel || starts(prefix);
    return (vowel ? "an " : "a ") + phrase;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

}  // namespace frontdoor::dsl

namespace frontdoor {

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
    std::string best = dsl::closest_name(name, candidates);
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace frontdoor
