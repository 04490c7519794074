// json_nests_deeper_than (include/frontdoor/input_limits.hpp): brackets counted outside strings,
// with the contact reader's meaning of depth (engine/json/json_document.cpp): a value is refused
// when more than `depth` arrays and objects are open around it.
#include "frontdoor/input_limits.hpp"

namespace frontdoor {

bool json_nests_deeper_than(std::string_view text, int depth) {
    int open = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case ' ':
            case '\t':
            case '\n':
            case '\r':
            case ',':
            case ':': continue;
            case ']':
            case '}':
                if (open > 0) --open;
                continue;
            default: break;
        }
        // The start of a value (or of anything else: the text need not be JSON).
        if (open > depth) return true;
        if (c == '[' || c == '{') ++open;
        else if (c == '"') in_string = true;
    }
    return false;
}

}  // namespace frontdoor
