// Declarations from the parse tree: the pack, calendars, types, the input, definitions and the
// output, with their type expressions and citations.
#include "dsl/parse_tree_nodes.hpp"

#include "dsl/grammar.hpp"

namespace frontdoor::dsl {

using namespace grammar;
using ast::ExprKind;

namespace {

int day_index(const std::string& day) {
    static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i)
        if (day == days[i]) return i;
    return -1;
}

}  // namespace

TypeExpr TreeConverter::type(const ParseNode& node) {
    TypeExpr out;
    out.span = span(node);
    const ParseNode& shape = *node.children.front();
    if (shape.is_type<list_type>() || shape.is_type<set_type>()) {
        out.kind = shape.is_type<list_type>() ? TypeExpr::Kind::list : TypeExpr::Kind::set;
        out.element = std::make_shared<TypeExpr>(type(*shape.children.front()));
    } else {
        out.name = trimmed(shape.children.front()->string_view());
    }
    out.nullable = child_of<nullable>(node) != nullptr;
    return out;
}

ast::Citation TreeConverter::citation(const ParseNode* node) {
    ast::Citation out;
    if (!node) return out;
    out.present = true;
    out.span = span(*node);
    out.text = unquote(*node->children.front());
    return out;
}

ast::Label TreeConverter::label(const ParseNode& node) {
    ast::Label out;
    const ParseNode* declared = child_of<declared_label>(node);
    if (!declared) return out;
    out.present = true;
    out.span = span(*declared->children.front());
    out.text = unquote(*declared->children.front());
    return out;
}

void TreeConverter::declaration(const ParseNode& node, ast::Pack& out) {
    if (node.is_type<pack_decl>()) pack(node, out);
    else if (node.is_type<calendar_decl>()) calendar(node, out);
    else if (node.is_type<enum_decl>()) enumeration(node, out);
    else if (node.is_type<record_decl>()) record(node, out);
    else if (node.is_type<input_decl>()) input(node, out);
    else if (node.is_type<let_decl>()) let(node, out);
    else if (node.is_type<decision_decl>()) decision(node, out);
    else if (node.is_type<table_decl>()) table(node, out);
    else if (node.is_type<output_decl>()) output(node, out);
    else if (node.is_type<exclusive_decl>()) exclusive_sets(node, out);
    else if (node.is_type<exclusive_rows_decl>()) exclusive_rows(node, out);
}

void TreeConverter::pack(const ParseNode& node, ast::Pack& out) {
    ast::Manifest manifest;
    manifest.span = span(*node.children[0]);
    manifest.name = trimmed(node.children[0]->string_view());
    manifest.version = unquote(*node.children[1]);
    manifest.version_span = span(*node.children[1]);
    manifest.citation = citation(child_of<grammar::citation>(node));
    out.manifests.push_back(std::move(manifest));
}

void TreeConverter::calendar(const ParseNode& node, ast::Pack& out) {
    ast::Calendar calendar;
    calendar.span = span(*node.children[0]);
    calendar.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& item = *node.children[i];
        if (item.is_type<timezone_item>()) {
            calendar.timezone = unquote(*item.children[0]);
            calendar.timezone_rule = unquote(*item.children[1]);
            calendar.timezone_span = span(*item.children[1]);
        } else if (item.is_type<holidays_item>()) {
            calendar.holidays.push_back(
                {unquote(*item.children[0]), unquote(*item.children[1]), span(item), span(*item.children[0])});
        } else if (item.is_type<opening>()) {
            const ParseNode& range = *item.children[0];
            ast::OpeningHours hours{};
            hours.span = span(item);
            std::vector<int> days;
            for (const auto& day : range.children) {
                std::string word = trimmed(day->children.front()->string_view());
                int index = day_index(word);
                if (index < 0)
                    diagnostics_.error(
                        span(*day), "unknown day '" + word +
                                        "'; expected monday, tuesday, wednesday, thursday, friday, saturday or sunday");
                days.push_back(index < 0 ? 0 : index);
            }
            hours.first_day = days.front();
            hours.last_day = days.back();
            auto seconds = [&](const ParseNode& t) {
                std::string_view text = t.string_view();
                int h = (text[0] - '0') * 10 + (text[1] - '0');
                int m = (text[3] - '0') * 10 + (text[4] - '0');
                if (h > 24 || m > 59 || (h == 24 && m != 0))
                    diagnostics_.error(span(t), "not a time of day: expected 00:00 to 24:00");
                return h * 3600 + m * 60;
            };
            hours.open_seconds = seconds(*item.children[1]);
            hours.close_seconds = seconds(*item.children[2]);
            calendar.opening.push_back(hours);
        }
    }
    out.calendars.push_back(std::move(calendar));
}

void TreeConverter::enumeration(const ParseNode& node, ast::Pack& out) {
    ast::Enum decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& member = *node.children[i]->children.front();
        decl.members.emplace_back(unquote(member), span(member));
        decl.labels.push_back(label(*node.children[i]));
    }
    out.enums.push_back(std::move(decl));
}

void TreeConverter::record(const ParseNode& node, ast::Pack& out) {
    ast::Record decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& field_node = *node.children[i];
        ast::Field field;
        field.name = trimmed(field_node.children[0]->string_view());
        field.span = span(*field_node.children[0]);
        for (std::size_t j = 1; j < field_node.children.size(); ++j) {
            const ParseNode& part = *field_node.children[j];
            if (part.is_type<optional_marker>()) field.optional = true;
            else if (part.is_type<type_expr>()) {
                field.type = type(part);
                field.type.optional = field.optional;
            } else if (part.is_type<matching_constraint>()) {
                field.matching = unquote(*part.children[0]);
                field.matching_span = span(*part.children[0]);
            } else if (part.is_type<length_constraint>())
                field.length = std::make_pair(integer(*part.children[0]), integer(*part.children[1]));
            else if (part.is_type<at_most_constraint>()) field.at_most = integer(*part.children[0]);
            else if (part.is_type<unique_constraint>()) field.unique = true;
            else if (part.is_type<default_value>()) field.default_value = expression(*part.children[0]);
        }
        decl.fields.push_back(std::move(field));
    }
    out.records.push_back(std::move(decl));
}

void TreeConverter::input(const ParseNode& node, ast::Pack& out) {
    ast::Input decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.type = type(*node.children[1]);
    for (std::size_t i = 2; i < node.children.size(); ++i) {
        const ParseNode& refusal_node = *node.children[i];
        ast::Refusal refusal;
        refusal.span = span(refusal_node);
        std::size_t at = 0;
        if (refusal_node.children[0]->is_type<each_binding>()) {
            const ParseNode& each = *refusal_node.children[0];
            refusal.each_variable = trimmed(each.children[0]->string_view());
            refusal.each_list = expression(*each.children[1]);
            at = 1;
        }
        refusal.condition = expression(*refusal_node.children[at]);
        refusal.at = expression(*refusal_node.children[at + 1]->children.front());
        refusal.because = unquote(*refusal_node.children[at + 2]->children.front());
        refusal.citation = citation(child_of<grammar::citation>(refusal_node));
        decl.refusals.push_back(std::move(refusal));
    }
    out.inputs.push_back(std::move(decl));
}

void TreeConverter::let(const ParseNode& node, ast::Pack& out) {
    ast::Let decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.label = label(node);
    std::size_t at = decl.label.present ? 2 : 1;
    if (node.children[at]->is_type<declared_type>()) {
        const ParseNode& declared = *node.children[at];
        decl.declared = type(*declared.children.back());
        decl.declared->optional = declared.children.size() > 1;
        ++at;
    }
    decl.value = expression(*node.children[at]);
    decl.citation = citation(child_of<grammar::citation>(node));
    out.lets.push_back(std::move(decl));
}

void TreeConverter::decision(const ParseNode& node, ast::Pack& out) {
    ast::Decision decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.label = label(node);
    std::size_t after_name = decl.label.present ? 2 : 1;
    bool optional = node.children[after_name]->is_type<optional_marker>();
    std::size_t at_type = after_name + (optional ? 1 : 0);
    decl.type = type(*node.children[at_type]);
    decl.type.optional = optional;
    decl.policy =
        node.children[at_type + 1]->is_type<collect_policy>() ? ast::HitPolicy::collect : ast::HitPolicy::first_match;
    for (std::size_t i = at_type + 2; i < node.children.size(); ++i) {
        const ParseNode& row_node = *node.children[i];
        ast::Row row;
        row.span = span(row_node);
        std::size_t at = 0;
        if (row_node.children[0]->is_type<row_label>()) {
            const ParseNode& label = *row_node.children[0]->children[0];
            row.name = trimmed(label.string_view());
            row.name_span = span(label);
            at = 1;
        }
        if (row_node.is_type<each_row>()) {
            const ParseNode& each = *row_node.children[at];
            row.each_variable = trimmed(each.children[0]->string_view());
            row.each_list = expression(*each.children[1]);
            ++at;
        }
        row.value = expression(*row_node.children[at]);
        for (std::size_t j = at + 1; j < row_node.children.size(); ++j) {
            const ParseNode& part = *row_node.children[j];
            if (part.is_type<row_condition>()) row.condition = expression(*part.children.front());
            else if (part.is_type<row_otherwise>()) row.otherwise = true;
            else if (part.is_type<grammar::citation>()) row.citation = citation(&part);
        }
        decl.rows.push_back(std::move(row));
    }
    out.decisions.push_back(std::move(decl));
}

void TreeConverter::table(const ParseNode& node, ast::Pack& out) {
    ast::Table decl;
    decl.span = span(*node.children[0]);
    decl.name = trimmed(node.children[0]->string_view());
    decl.label = label(node);
    std::size_t at = decl.label.present ? 2 : 1;
    decl.key_type = type(*node.children[at]);
    decl.value_type = type(*node.children[at + 1]);
    for (std::size_t i = at + 2; i < node.children.size(); ++i) {
        const ParseNode& entry_node = *node.children[i];
        ast::TableEntry entry;
        entry.span = span(entry_node);
        if (!entry_node.children[0]->is_type<row_otherwise>()) entry.key = expression(*entry_node.children[0]);
        entry.value = expression(*entry_node.children[1]);
        entry.citation = citation(child_of<grammar::citation>(entry_node));
        decl.entries.push_back(std::move(entry));
    }
    out.tables.push_back(std::move(decl));
}

void TreeConverter::output(const ParseNode& node, ast::Pack& out) {
    ast::Output decl;
    decl.span = span(node);
    decl.times_in = trimmed(node.children[0]->string_view());
    decl.times_span = span(*node.children[0]);
    for (std::size_t i = 1; i < node.children.size(); ++i) {
        const ParseNode& field = *node.children[i];
        decl.fields.push_back(
            {trimmed(field.children[0]->string_view()), span(*field.children[0]), expression(*field.children[1])});
    }
    out.outputs.push_back(std::move(decl));
}

void TreeConverter::exclusive_sets(const ParseNode& node, ast::Pack& out) {
    ast::ExclusiveSets decl;
    decl.span = span(*node.children[0]);
    decl.partition = node.children[0]->is_type<partition_word>();
    for (const auto& part : node.children)
        if (part->is_type<name>()) decl.sets.emplace_back(trimmed(part->string_view()), span(*part));
    decl.citation = citation(child_of<grammar::citation>(node));
    out.exclusive_sets.push_back(std::move(decl));
}

void TreeConverter::exclusive_rows(const ParseNode& node, ast::Pack& out) {
    ast::ExclusiveRows decl;
    decl.span = span(*node.children[0]);
    decl.decision = trimmed(node.children[1]->string_view());
    decl.decision_span = span(*node.children[1]);
    for (std::size_t i = 2; i < node.children.size(); ++i)
        if (node.children[i]->is_type<name>())
            decl.rows.emplace_back(trimmed(node.children[i]->string_view()), span(*node.children[i]));
    decl.citation = citation(child_of<grammar::citation>(node));
    out.exclusive_rows.push_back(std::move(decl));
}

}  // namespace frontdoor::dsl
