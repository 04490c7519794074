#include "posix_rule.hpp"

namespace frontdoor::time::detail {
namespace {

// ASCII only: <cctype> answers according to the process's C locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Walks the rule text once; every read either consumes what it expects or leaves `reason` set.
struct Reader {
    std::string_view text;
    std::size_t pos = 0;
    std::string reason;

    bool at_end() const { return pos == text.size(); }
    char peek() const { return at_end() ? '\0' : text[pos]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    bool fail(std::string sentence) {
        if (reason.empty()) reason = std::move(sentence);
        return false;
    }

    // A number of at most `max_digits` digits, or -1 when there is no digit here.
    int number(std::size_t max_digits) {
        int value = -1;
        for (std::size_t n = 0; n < max_digits && is_digit(peek()); ++n) {
            value = (value < 0 ? 0 : value * 10) + (text[pos++] - '0');
        }
        return value;
    }

    // An abbreviation: three or more letters, or "<...>" quoted letters, digits and signs ("<+0330>").
    bool name(std::string& out, const char* which) {
        const std::size_t first = pos;
        if (take('<')) {
            while (is_letter(peek()) || is_digit(peek()) || peek() == '+' || peek() == '-') ++pos;
            if (!take('>') || pos - first < 5) {
                return fail(std::string("the ") + which +
                            " abbreviation in <> must be at least three letters, digits or signs");
            }
            out = std::string(text.substr(first + 1, pos - first - 2));
            return true;
        }
        while (is_letter(peek())) ++pos;
        if (pos - first < 3)
            return fail(std::string("the ") + which + " abbreviation must be at least three letters, like GMT or BST");
        out = std::string(text.substr(first, pos - first));
        return true;
    }

    // [+-]hh[:mm[:ss]] as signed seconds, hours at most `max_hours`.
    bool duration(int& out, int max_hours, const char* what) {
        const std::size_t first = pos;
        int sign = 1;
        if (take('-')) {
            sign = -1;
        } else {
            take('+');
        }
        const int hours = number(3);
        int minutes = 0;
        int seconds = 0;
        if (hours >= 0 && take(':')) {
            minutes = number(2);
            if (minutes >= 0 && take(':')) seconds = number(2);
        }
        if (hours < 0 || hours > max_hours || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
            return fail(std::string("the ") + what + " \"" + std::string(text.substr(first, pos - first)) +
                        "\" should be hours, optionally with :minutes and :seconds, at most " +
                        std::to_string(max_hours) + " hours");
        }
        out = sign * (hours * 3600 + minutes * 60 + seconds);
        return true;
    }

    bool day_rule(PosixDayRule& out, const char* which) {
        const std::size_t first = pos;
        bool ok = false;
        if (take('M')) {
            out.kind = PosixDayRule::Kind::month_week_day;
            out.month = number(2);
            const bool first_dot = take('.');
            out.week = number(1);
            const bool second_dot = take('.');
            out.weekday = number(1);
            ok = first_dot && second_dot && out.month >= 1 && out.month <= 12 && out.week >= 1 && out.week <= 5 &&
                 out.weekday >= 0 && out.weekday <= 6;
        } else if (take('J')) {
            out.kind = PosixDayRule::Kind::julian_no_leap;
            out.day = number(3);
            ok = out.day >= 1 && out.day <= 365;
        } else {
            out.kind = PosixDayRule::Kind::zero_based;
            out.day = number(3);
            ok = out.day >= 0 && out.day <= 365;
        }
        out.text = std::string(text.substr(first, pos - first));
        if (ok) return true;
        return fail(std::string("the ") + which + " of daylight-saving time \"" + out.text +
                    "\" should be Mmonth.week.weekday (month 1-12, week 1-5 where 5 means the last, weekday 0-6 "
                    "from Sunday), Jday (1-365) or day (0-365)");
    }

    bool transition(PosixDayRule& rule, int& time, const char* which) {
        if (!take(',')) return fail(std::string("a comma and the ") + which + " of daylight-saving time are missing");
        if (!day_rule(rule, which)) return false;
        time = 2 * 3600;
        return !take('/') || duration(time, 167, "time of day");
    }
};

}  // namespace

std::optional<PosixRule> parse_posix_rule(std::string_view text, std::string* why) {
    PosixRule rule;
    Reader in{text, 0, {}};
    bool ok = in.name(rule.std_name, "standard-time") &&
              (is_digit(in.peek()) || in.peek() == '+' || in.peek() == '-' ||
               in.fail("the standard-time abbreviation must be followed by its offset, like GMT0 or EST5")) &&
              in.duration(rule.std_offset, 24, "offset");
    // POSIX counts offsets westward ("EST5" is five hours behind UTC); everything else here counts east.
    rule.std_offset = -rule.std_offset;
    if (ok && !in.at_end()) {
        rule.has_dst = true;
        ok = in.name(rule.dst_name, "daylight-saving");
        rule.dst_offset = rule.std_offset + 3600;
        if (ok && in.at_end()) {
            ok = in.fail("it names a daylight-saving time but not when it starts and ends, like ,M3.5.0/1,M10.5.0/2");
        }
        if (ok && in.peek() != ',') {
            ok = in.duration(rule.dst_offset, 24, "daylight-saving offset");
            rule.dst_offset = -rule.dst_offset;
        }
        ok = ok && in.transition(rule.start, rule.start_time, "start") && in.transition(rule.end, rule.end_time, "end");
    }
    if (ok && !in.at_end())
        ok = in.fail("there is unexpected text \"" + std::string(text.substr(in.pos)) + "\" at the end");
    if (ok && (rule.std_offset % 60 != 0 || rule.dst_offset % 60 != 0)) {
        ok = in.fail("offsets must be whole minutes, because times are written with +hh:mm");
    }
    if (ok) return rule;
    if (why != nullptr) {
        *why = "the time-zone rule \"" + std::string(text) + "\" is not understood: " + in.reason +
               " (a rule looks like GMT0BST,M3.5.0/1,M10.5.0/2)";
    }
    return std::nullopt;
}

}  // namespace frontdoor::time::detail
