// The manifest's version is sent in a header of every response of the decision service
// (X-Frontdoor-Pack-Version), printed by `check` and written in logs, so it must be one line of
// printable text: a control character (a new line written `\n`, a tab, a NUL) would let a rule file
// add headers of its own to the service's responses, or lines to its output.
#include "dsl/analyse_pack.hpp"

#include <cstdio>

namespace frontdoor::dsl {

namespace {

// The offset in `text` of its first C0 control character or DEL, or npos.
std::size_t first_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) return i;
    }
    return std::string_view::npos;
}

}  // namespace

void check_manifest(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& manifest : pack.syntax.manifests) {
        std::size_t at = first_control(manifest.version);
        if (at == std::string_view::npos) continue;
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X",
                      static_cast<unsigned>(static_cast<unsigned char>(manifest.version[at])));
        diagnostics.error(manifest.version_span,
                          std::string("the pack's version holds a control character (") + code +
                              "): a version is one line of printable text, since every response of the "
                              "decision service names it in a header");
    }
}

}  // namespace frontdoor::dsl
