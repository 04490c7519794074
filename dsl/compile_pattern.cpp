#include "dsl/compile_pattern.hpp"

#include <re2/re2.h>

namespace frontdoor::dsl {

namespace {

// Every option is stated, not left to RE2's defaults:
//   UTF-8       contacts are UTF-8 JSON text; a pattern matches code points, not bytes.
//   never_nl    off: ECMAScript's [^a] and \s match a newline, and so must RE2's.
//   dot_nl      off: '.' is translated to ECMAScript's "any but a line terminator" anyway.
//   never_capture  on: only whether the text matches is asked, never what a group matched.
//   longest_match  off: the first match is as good as any for a yes or no, and faster.
//   log_errors  off: a refused pattern is reported as a diagnostic, never printed to stderr.
//   posix_syntax off: Perl's \d \w \b, which ECMAScript shares.
RE2::Options pattern_options() {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_posix_syntax(false);
    options.set_longest_match(false);
    options.set_log_errors(false);
    options.set_max_mem(pattern_max_memory);
    options.set_literal(false);
    options.set_never_nl(false);
    options.set_dot_nl(false);
    options.set_never_capture(true);
    options.set_case_sensitive(true);
    return options;
}

}  // namespace

CompiledPattern compile_pattern(std::string_view ecmascript) {
    CompiledPattern compiled;
    std::string translated;
    if (!translate_pattern(ecmascript, translated, compiled.problem)) return compiled;
    auto regex = std::make_shared<const RE2>(translated, pattern_options());
    if (!regex->ok()) {
        compiled.problem =
            regex->error_code() == RE2::ErrorPatternTooLarge
                ? "it needs more than the " + std::to_string(pattern_max_memory >> 20) + " MiB a pattern may use"
                : "it is not a valid regular expression (" + regex->error() + ")";
        return compiled;
    }
    compiled.regex = std::move(regex);
    return compiled;
}

bool pattern_search(const re2::RE2& regex, std::string_view text) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

}  // namespace frontdoor::dsl
