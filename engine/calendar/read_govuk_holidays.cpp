// Reads the holiday list that gov.uk publishes at https://www.gov.uk/bank-holidays.json. A policy
// lead edits this file by hand to add next year's dates, so every refusal says where the problem
// is in words they can act on.
#include "calendar.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace frontdoor::time {
namespace {

constexpr const char* file_name = "the bank-holidays file";

std::optional<std::vector<Holiday>> refuse(std::string* why, std::string sentence) {
    if (why != nullptr) *why = std::move(sentence);
    return std::nullopt;
}

// The line on which a byte offset falls, counting from 1, so that a text editor can find it.
std::size_t line_of(std::string_view text, std::size_t byte) {
    const std::size_t end = std::min(byte, text.size());
    return 1 +
           static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// Throws the name of the first field an object of the file gives twice: nlohmann would keep the
// last silently, so a division pasted in a second time, or an event with two dates, would drop
// what the first one says without a word.
class RepeatedFieldCheck {
public:
    struct Repeated {
        std::string field;
    };

    bool operator()(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        const auto level = static_cast<std::size_t>(depth);
        if (event == nlohmann::json::parse_event_t::object_start) {
            if (names_.size() < level + 2) names_.resize(level + 2);
            names_[level + 1].clear();
        } else if (event == nlohmann::json::parse_event_t::key && level < names_.size() &&
                   !names_[level].insert(parsed.get<std::string>()).second) {
            throw Repeated{parsed.get<std::string>()};
        }
        return true;
    }

private:
    std::vector<std::set<std::string>> names_;  // the field names of each object being read, by depth
};

}  // namespace

std::optional<std::vector<Holiday>> read_govuk_holidays(std::string_view json_text, std::string_view division,
                                                        std::string* why) {
    nlohmann::json document;
    try {
        RepeatedFieldCheck repeated;
        document = nlohmann::json::parse(json_text.begin(), json_text.end(), std::ref(repeated));
    } catch (const RepeatedFieldCheck::Repeated& found) {
        return refuse(why, std::string(file_name) + " gives \"" + found.field +
                               "\" twice in one object: keep one (the last would silently replace the first)");
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts the byte just past the problem, from 1.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        return refuse(why, std::string(file_name) + " is not valid JSON: there is a mistake on line " +
                               std::to_string(line_of(json_text, at)) +
                               " (look for a missing comma, quote or bracket)");
    } catch (const nlohmann::json::exception&) {
        // nlohmann reports a number beyond a double's range (1e400) as out_of_range.
        return refuse(why, std::string(file_name) + " is not valid JSON: it holds a number that is too large");
    }
    if (!document.is_object()) {
        return refuse(why, std::string(file_name) +
                               " should hold one entry per division, such as \"england-and-wales\", "
                               "inside { and }");
    }
    const std::string wanted(division);
    const auto found = document.find(wanted);
    if (found == document.end()) {
        std::string present;
        for (const auto& item : document.items()) present += (present.empty() ? "" : ", ") + item.key();
        return refuse(why, std::string(file_name) + " has no division \"" + wanted + "\"" +
                               (present.empty() ? " (it has none at all)" : " (it has " + present + ")"));
    }
    const std::string where = std::string("in ") + file_name + ", division \"" + wanted + "\"";
    if (!found->is_object() || !found->contains("events") || !(*found)["events"].is_array()) {
        return refuse(why, where + " should have a list called \"events\"");
    }

    const nlohmann::json& events = (*found)["events"];
    std::vector<Holiday> holidays;
    holidays.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const nlohmann::json& event = events[i];
        const std::string which = where + ", event " + std::to_string(i + 1);
        if (!event.is_object()) return refuse(why, which + " should have a \"title\" and a \"date\" inside { and }");
        const auto title = event.find("title");
        if (title == event.end() || !title->is_string() || title->get_ref<const std::string&>().empty()) {
            return refuse(why, which + " has no \"title\" written in quotes");
        }
        const std::string& name = title->get_ref<const std::string&>();
        const auto date = event.find("date");
        if (date == event.end() || !date->is_string()) {
            return refuse(why, which + " (\"" + name + "\") has no \"date\" written in quotes, like \"2024-12-25\"");
        }
        std::string reason;
        const std::optional<DayNumber> day = parse_date(date->get_ref<const std::string&>(), &reason);
        if (!day) return refuse(why, which + " (\"" + name + "\"): " + reason);
        holidays.push_back(Holiday{*day, name});
    }
    return holidays;
}

}  // namespace frontdoor::time
