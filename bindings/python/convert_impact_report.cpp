// ImpactReport <-> tuples, field by field (see convert_impact_report.hpp).
#include "convert_impact_report.hpp"

namespace frontdoor::python {

namespace {

PackTuple pack_tuple(const ComparedPack& p) { return {p.name, p.version, p.digest, p.contacts}; }
ComparedPack pack_of(const PackTuple& t) { return {std::get<0>(t), std::get<1>(t), std::get<2>(t), std::get<3>(t)}; }

std::vector<ChangeTuple> change_tuples(const std::vector<ValueChange>& changes) {
    std::vector<ChangeTuple> out;
    for (const auto& c : changes) out.emplace_back(c.name, c.change, c.before, c.after);
    return out;
}

std::vector<ValueChange> changes_of(const std::vector<ChangeTuple>& tuples) {
    std::vector<ValueChange> out;
    for (const auto& [name, change, before, after] : tuples) out.push_back({name, change, before, after});
    return out;
}

}  // namespace

ReportTuple to_tuple(const ImpactReport& r) {
    ReportTuple t;
    auto& [packs, after, from_log, from, to, compared, changed, refused_before, refused_after, transitions, rules,
           fields, contacts] = t;
    for (const auto& p : r.packs_before) packs.push_back(pack_tuple(p));
    after = pack_tuple(r.pack_after);
    from_log = r.from_log;
    from = r.from;
    to = r.to;
    compared = r.compared;
    changed = r.changed;
    refused_before = r.refused_before;
    refused_after = r.refused_after;
    for (const auto& x : r.transitions) transitions.emplace_back(x.before, x.after, x.count);
    for (const auto& x : r.rules) rules.emplace_back(x.rule, x.change, x.contacts);
    for (const auto& x : r.fields) fields.emplace_back(x.field, x.contacts);
    for (const auto& c : r.contacts)
        contacts.emplace_back(c.label, c.contact_id, c.outcome_before, c.outcome_after, c.refusal_before,
                              c.refusal_after, change_tuples(c.fields), change_tuples(c.explanation),
                              change_tuples(c.decided));
    return t;
}

ImpactReport from_tuple(const ReportTuple& t) {
    const auto& [packs, after, from_log, from, to, compared, changed, refused_before, refused_after, transitions, rules,
                 fields, contacts] = t;
    ImpactReport r;
    for (const auto& p : packs) r.packs_before.push_back(pack_of(p));
    r.pack_after = pack_of(after);
    r.from_log = from_log;
    r.from = from;
    r.to = to;
    r.compared = compared;
    r.changed = changed;
    r.refused_before = refused_before;
    r.refused_after = refused_after;
    for (const auto& [before, after_outcome, count] : transitions)
        r.transitions.push_back({before, after_outcome, count});
    for (const auto& [rule, change, count] : rules) r.rules.push_back({rule, change, count});
    for (const auto& [field, count] : fields) r.fields.push_back({field, count});
    for (const auto& [label, id, ob, oa, rb, ra, changed_fields, explanation, decided] : contacts)
        r.contacts.push_back(
            {label, id, ob, oa, rb, ra, changes_of(changed_fields), changes_of(explanation), changes_of(decided)});
    return r;
}

}  // namespace frontdoor::python
