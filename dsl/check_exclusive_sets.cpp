// `exclusive A, B` and `partition A, B`: each name must be a let whose value is a list of members
// of one enumeration, written out, the same enumeration for every set of the declaration.
#include "dsl/analyse_pack.hpp"

namespace frontdoor::dsl {

namespace {

// The enumeration a let's written-out list of members holds, or -1 (reported at `at`).
int enumeration_of_set(const CheckedPack& pack, const std::string& name, Span at, Diagnostics& diagnostics) {
    auto found = pack.definition_by_name.find(name);
    if (found == pack.definition_by_name.end()) {
        std::vector<std::string> names;
        for (const auto& definition : pack.definitions)
            if (definition.kind == DefinitionKind::let) names.push_back(definition.name);
        diagnostics.error(at, "unknown set '" + name + "'" + did_you_mean(name, names));
        return -1;
    }
    const Definition& definition = pack.definitions[found->second];
    const TypeRef& type = definition.type;
    bool members = type && (type->kind == TypeKind::set || type->kind == TypeKind::list) && type->element &&
                   type->element->kind == TypeKind::enumeration;
    bool written = definition.kind == DefinitionKind::let &&
                   pack.syntax.lets[definition.syntax_index].value->kind == ast::ExprKind::list;
    if (!members || !written) {
        diagnostics.error(at, "'" + name + "' is not a set of enumeration members written out, like 'let " + name +
                                  ": set of <enum> = [\"a\", \"b\"]'");
        return -1;
    }
    return type->element->decl;
}

}  // namespace

void check_exclusive_sets(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& decl : pack.syntax.exclusive_sets) {
        int first = -1;
        for (const auto& [name, span] : decl.sets) {
            int e = enumeration_of_set(pack, name, span, diagnostics);
            if (e < 0) continue;
            if (first < 0) first = e;
            else if (e != first)
                diagnostics.error(span, "'" + name + "' holds members of '" + pack.enums[e].name +
                                            "', the sets before it of '" + pack.enums[first].name +
                                            "'; exclusive sets hold members of one enumeration");
        }
        for (std::size_t i = 0; i < decl.sets.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (decl.sets[i].first == decl.sets[j].first)
                    diagnostics.error(decl.sets[i].second,
                                      "'" + decl.sets[i].first + "' is named twice in this declaration");
    }
}

}  // namespace frontdoor::dsl
