// `frontdoor audit show`: a recorded decision for an auditor, as text, Markdown or JSON, each
// record checked on its own (its hash and its link) before it is shown.
#include "commands.hpp"
#include "exit_status.hpp"

#include "frontdoor/display_text.hpp"
#include "frontdoor/records.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

namespace frontdoor::cli {

namespace {

using Json = nlohmann::ordered_json;

// Text and Markdown differ only in a few marks, so one renderer serves both.
struct Style {
    bool markdown;
    std::string code(const std::string& text) const {
        if (!markdown) return text;
        std::string fence = text.find('`') == std::string::npos ? "`" : "`` ";
        std::string close = fence == "`" ? "`" : " ``";
        return fence + text + close;
    }
    void heading(std::ostream& out, const std::string& title) const {
        out << (markdown ? "\n### " : "\n") << title << "\n";
        if (markdown) out << "\n| | |\n|---|---|\n";
    }
    void row(std::ostream& out, const std::string& name, const std::string& value) const {
        std::string escaped;  // a table cell ends at a bare '|', even inside code
        for (char c : value) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
        if (markdown) out << "| " << name << " | " << escaped << " |\n";
        else out << "  " << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << value << "\n";
    }
};

// A fact read, as "name = value".
std::string read_text(const Json& reads) {
    std::string out;
    for (const auto& [name, value] : reads.items()) out += (out.empty() ? "" : "; ") + name + " = " + value.dump();
    return out.empty() ? "nothing" : out;
}

void show_explanation(std::ostream& out, const Json& explanation, const Style& style) {
    out << (style.markdown ? "\n### Explanation\n\n" : "\nExplanation (in the order it was worked out)\n");
    std::string item = style.markdown ? "   - " : "       ";
    std::size_t step = 0;
    for (const Json& entry : explanation) {
        out << (style.markdown ? "" : "  ") << ++step << ". " << (style.markdown ? "**" : "") << entry.value("rule", "")
            << (style.markdown ? "**" : "") << "\n";
        for (const auto& [key, value] : entry.items()) {
            if (key == "rule") continue;
            if (key == "source" || key == "when")
                out << item << key << ": " << style.code(value.get<std::string>()) << "\n";
            else if (key == "reads") out << item << "read: " << style.code(read_text(value)) << "\n";
            else if (key != "not_matched") out << item << key << ": " << style.code(value.dump()) << "\n";
            if (key != "not_matched") continue;
            for (const Json& row : value)
                out << item << "row "
                    << (row.contains("row_name") ? row.value("row_name", "") : std::to_string(row.value("row", 0)))
                    << " did not match (" << row.value("source", "") << "): " << style.code(row.value("failed", ""))
                    << " with " << style.code(read_text(row["reads"])) << "\n";
        }
    }
}

// The shown record's own check: its hash and its link to the record before it (DecisionLog::
// check_record). A record that fails is shown under a warning that cannot be missed.
std::string integrity_text(const Record& record, const std::string& problem) {
    if (!problem.empty()) return "NOT INTACT: " + problem;
    return "intact: its content matches its hash, and it follows on from " +
           (record.id <= 1 ? std::string("the start of the log") : "record " + std::to_string(record.id - 1)) +
           " (audit verify checks the whole log)";
}

void warn_not_intact(std::ostream& out, const std::string& problem, const Style& style) {
    std::string what = "What follows is what the log holds now, which may not be what was recorded; "
                       "frontdoor audit verify checks the whole log.";
    if (style.markdown) out << "\n> **WARNING: this record is not intact.** " << problem << ". " << what << "\n";
    else out << "!!! WARNING: THIS RECORD IS NOT INTACT: " << problem << "\n!!! " << what << "\n";
}

// A log laid out otherwise than Frontdoor makes it (DecisionLog::layout_problem): a trigger or a
// view may have changed what was written or what is read, so every record shown is in doubt.
void warn_layout(std::ostream& out, const std::string& problem, const Style& style) {
    std::string what = "A trigger, view or changed table may alter what was written or what is read; "
                       "frontdoor audit verify checks the whole log.";
    if (style.markdown)
        out << "> **WARNING: this log is not as Frontdoor made it.** " << problem << ". " << what << "\n";
    else out << "!!! WARNING: THIS LOG IS NOT AS FRONTDOOR MADE IT: " << problem << "\n!!! " << what << "\n";
}

void show_record(std::ostream& out, const Record& record, const std::string& problem, const Style& style) {
    out << (style.markdown ? "\n## Record " : "Record ") << record.id << "\n";
    if (!problem.empty()) warn_not_intact(out, problem, style);
    // The library's reading of the decision: JSON nested within the reader's depth, else its text.
    Json decision = Json::parse(record_json(record, problem))["decision"];
    Json ruleset = decision.is_object() ? decision.value("ruleset", Json::object()) : Json::object();
    style.heading(out, "Recorded");
    style.row(out, "contact", record.contact_id ? style.code(*record.contact_id) : "(none)");
    style.row(out, "recorded at", record.recorded_at + " (UTC)");
    style.row(out, "pack",
              ruleset.value("name", "?") + " version " + ruleset.value("version", "?") + ", " +
                  style.code(record.pack_digest));
    style.row(out, "engine", record.engine_version);
    style.row(out, "hash", style.code(record.hash));
    style.row(out, "previous hash", style.code(record.previous_hash));
    style.row(out, "integrity", integrity_text(record, problem));
    style.heading(out, "Decision");
    if (!decision.is_object()) style.row(out, "(not JSON)", style.code(record.decision));
    if (decision.is_object())
        for (const auto& [key, value] : decision.items())
            if (key != "ruleset" && key != "explanation") style.row(out, key, style.code(value.dump()));
    if (decision.is_object() && decision.contains("explanation")) show_explanation(out, decision["explanation"], style);
    std::string fence = "```";
    while (record.input.find(fence) != std::string::npos) fence += '`';
    if (style.markdown)
        out << "\n### Input (exactly as received)\n\n" << fence << "json\n" << record.input << "\n" << fence << "\n";
    else out << "\nInput (exactly as received)\n" << record.input << "\n";
}
}  // namespace

int show_records(const DecisionLog& log, const Args& args) {
    bool by_contact = false, by_record = false, has_format = false;
    RecordFilter filter;
    std::string contact = option(args, "--contact", &by_contact), record = option(args, "--record", &by_record);
    std::string format = option(args, "--format", &has_format);
    if (by_contact == by_record || (has_format && format != "text" && format != "md" && format != "json")) {
        std::cerr << "frontdoor audit show: give --contact ID or --record N, and --format text, md or json\n";
        return exit_usage;
    }
    if (by_contact) filter.contact_id = contact;
    if (by_record &&
        (record.empty() || record.size() > 18 || record.find_first_not_of("0123456789") != std::string::npos)) {
        std::cerr << "frontdoor audit show: --record takes a record number, e.g. --record 17\n";
        return exit_usage;
    }
    if (by_record) filter.id = std::stoll(record);
    std::vector<Record> found = log.find(filter);
    if (found.empty()) {
        std::cerr << "frontdoor audit show: no record " << (by_contact ? "for contact " + contact : record) << "\n";
        return exit_refused;
    }
    std::string layout = log.layout_problem();
    std::vector<std::string> problems;
    for (Record& r : found) {
        problems.push_back(log.check_record(r));
        // A compact explanation is shown in full (the check above covers the bytes as stored); one
        // that the log's packs cannot write in full is shown as stored.
        try {
            r.decision = log.full_decision(r);
        } catch (const std::runtime_error&) {
        }
    }
    if (format == "json") {
        // The library's one line per record (bytes that are not UTF-8 already replaced), indented.
        Json all = Json::array();
        for (std::size_t i = 0; i < found.size(); ++i) all.push_back(Json::parse(record_json(found[i], problems[i])));
        std::cout << all.dump(2) << "\n";
    } else {
        // Text for a person: what the log holds is escaped so that a terminal shows it rather than
        // obeys it (control and bidirectional characters).
        std::ostringstream text;
        if (!layout.empty()) warn_layout(text, layout, Style{format == "md"});
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (i > 0 || !layout.empty()) text << "\n";
            show_record(text, found[i], problems[i], Style{format == "md"});
        }
        std::cout << escape_for_display(text.str());
    }
    // Also on standard error, where a script reading the JSON or a reader of a long record sees it.
    bool intact = layout.empty();
    if (!layout.empty())
        std::cerr << "frontdoor audit show: WARNING: " << layout << "; run frontdoor audit verify on the whole log\n";
    for (const std::string& problem : problems) {
        if (problem.empty()) continue;
        std::cerr << "frontdoor audit show: WARNING: " << problem << "; run frontdoor audit verify on the whole log\n";
        intact = false;
    }
    return intact ? exit_ok : exit_refused;
}

}  // namespace frontdoor::cli
