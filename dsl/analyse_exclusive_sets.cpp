// What `exclusive` and `partition` declare: no member of the enumeration sits in two of the sets,
// and, for a partition, every member sits in one.
#include "dsl/analyse_pack.hpp"

#include <map>

namespace frontdoor::dsl {

namespace {

const ast::Let& let_named(const CheckedPack& pack, const std::string& name) {
    return pack.syntax.lets[pack.definitions[pack.definition_by_name.at(name)].syntax_index];
}

void report_unplaced(const CheckedPack& pack, const ast::ExclusiveSets& decl, int enumeration,
                     const std::map<int, std::string>& placed, Diagnostics& diagnostics) {
    const EnumInfo& info = pack.enums[enumeration];
    for (const auto& e : pack.syntax.enums) {
        if (e.name != info.name) continue;
        for (const auto& [member, span] : e.members)
            if (!placed.count(info.index_of(member)))
                diagnostics.warning(span,
                                    "\"" + member + "\" of '" + info.name + "' is in none of the sets of the partition",
                                    {"the partition is declared at " + location_of(pack, decl.span)});
    }
}

}  // namespace

void analyse_exclusive_sets(const CheckedPack& pack, Diagnostics& diagnostics) {
    for (const auto& decl : pack.syntax.exclusive_sets) {
        std::map<int, std::string> placed;  // member -> the first set it is in
        int enumeration = -1;
        for (const auto& [name, span] : decl.sets) {
            for (const auto& item : let_named(pack, name).value->args) {
                int member = item->resolved.enum_member;
                if (member < 0 || !item->type) continue;
                enumeration = item->type->decl;
                auto [it, fresh] = placed.emplace(member, name);
                if (!fresh && it->second != name)
                    diagnostics.warning(item->span,
                                        "\"" + item->text + "\" is in both '" + it->second + "' and '" + name +
                                            "', which are declared exclusive",
                                        {"declared at " + location_of(pack, decl.span)});
            }
        }
        if (decl.partition && enumeration >= 0) report_unplaced(pack, decl, enumeration, placed, diagnostics);
    }
}

}  // namespace frontdoor::dsl
