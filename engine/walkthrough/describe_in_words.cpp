// Values and names as a person says them, for walkthroughs: enumeration members and definitions by
// their declared labels, lists joined with commas and "and", records as their first field with the
// others in brackets, dates and times as words. JSON is for the appendix, never for the story.
#include "engine/explain/render_value.hpp"
#include "engine/walkthrough/narrator.hpp"

namespace frontdoor {

namespace {

// "a", "a and b", "a, b and c"; "empty" for no items.
std::string joined_with_and(const std::vector<std::string>& items) {
    if (items.empty()) return "empty";
    std::string out = items.front();
    for (std::size_t i = 1; i < items.size(); ++i) out += (i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

}  // namespace

std::string Narrator::value(const engine::Value& v, const dsl::TypeRef& type) {
    const auto& items = v.elements();
    if (v.kind != engine::Value::Kind::list || items.size() <= 6) return words(v, type);
    std::string out = "a list of " + std::to_string(items.size()) + " (";
    for (std::size_t i = 0; i < 3; ++i) out += words(items[i], type->element) + ", ";
    return out + "...)";
}

std::string Narrator::words(const engine::Value& v, const dsl::TypeRef& type) {
    if (!v.present()) return "absent";
    if (v.kind == engine::Value::Kind::enumeration && type) {
        const dsl::EnumInfo& info = checked_.enums[static_cast<std::size_t>(type->decl)];
        const std::string& label = info.labels[static_cast<std::size_t>(v.number)];
        return label.empty() ? info.sorted[static_cast<std::size_t>(v.number)] : label;
    }
    if (v.kind == engine::Value::Kind::list && type) {
        std::vector<std::string> items;
        for (const auto& item : v.elements()) items.push_back(words(item, type->element));
        return joined_with_and(items);
    }
    if (v.kind == engine::Value::Kind::record && type) {
        const dsl::RecordInfo& record = checked_.records[static_cast<std::size_t>(type->decl)];
        const auto& fields = v.elements();
        std::string first, rest;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (!fields[i].present()) continue;
            std::string shown = words(fields[i], record.fields[i].value_type);
            if (first.empty()) first = i == 0 ? shown : record.fields[i].name + " " + shown;
            else rest += (rest.empty() ? "" : ", ") + record.fields[i].name + " " + shown;
        }
        return first.empty() ? "empty" : first + (rest.empty() ? "" : " (" + rest + ")");
    }
    return engine::describe_value(pack_, v, type);
}

std::string Narrator::called(int definition) const {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(definition)];
    return d.label.empty() ? d.name : d.label;
}

std::string Narrator::heading_name(int definition) const {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(definition)];
    return d.label.empty() ? d.name : d.label + " (" + d.name + ")";
}

std::string Narrator::rule_called(int definition, int row) const {
    const dsl::Definition& d = checked_.definitions[static_cast<std::size_t>(definition)];
    return called(definition) + ", " + row_called(checked_.syntax.decisions[d.syntax_index], row);
}

std::string Narrator::path_words(const engine::ReadSite& site) const {
    if (site.definition < 0 || checked_.definitions[static_cast<std::size_t>(site.definition)].label.empty())
        return std::string(site.path);
    std::string_view path = site.path;
    std::string out = called(site.definition);
    for (auto dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.')) {
        path.remove_prefix(dot + 1);
        out = std::string(path.substr(0, path.find('.'))) + " of " + out;
    }
    return out;
}

}  // namespace frontdoor
