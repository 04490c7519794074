#pragma once
// The compact explanation (issue 15): the same entries as the full one, each entry's fixed members
// (its rule, row name, source and condition; a row that did not apply: its row, name and source;
// a constant's whole entry) replaced by "$ref":K, where K is the index of those members' exact bytes
// in the pack's dictionary. An explained decision shrinks by about a third; expanding puts the bytes
// back, so that expand_compact(compact) is byte for byte the full decision, and replay and audit read
// either. A pack's names cannot start with '$', so "$ref" is never a key of a decided value.
#include "engine/explain/explanation_tables.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace frontdoor::engine {

// Builds a pack's dictionary at load (index_explanations.cpp), each run of members once.
class CompactDictionaryBuilder {
public:
    explicit CompactDictionaryBuilder(std::vector<std::string>& dictionary) : dictionary_(dictionary) {}
    // Cuts the fixed members out of `full` (a head, an attempt head or a whole constant entry, as
    // encode_entry_head, encode_attempt_head and encode_constant_entry write them), adds them to the
    // dictionary unless equal bytes are there, and returns the compact text. Throws std::logic_error
    // for a text of another shape.
    std::string compact(std::string_view full);

private:
    std::string reference(std::string_view members);

    std::vector<std::string>& dictionary_;
    std::unordered_map<std::string, std::size_t> index_;
};

// `decision` with every "$ref":K replaced by dictionary[K]. Throws std::invalid_argument, saying
// where, for a text that is not a JSON value's bytes or a K the dictionary does not have.
std::string expand_compact(std::string_view decision, const std::vector<std::string>& dictionary);

// The dictionary as one JSON document: {"ruleset":{name,version,digest},"format":
// "frontdoor-explain-dictionary/1","entries":[{…},…]}, entry K the object {dictionary[K]}.
std::string dictionary_json(const ExplanationTables& tables);

}  // namespace frontdoor::engine
