// Strict parsing of "YYYY-MM-DD" dates and RFC 3339 times. The refusal sentences are read by the
// people who fill in referral forms, so they name the calendar rule that was broken and show a
// correct example instead of a format code.
#include "calendar_names.hpp"
#include "civil_time.hpp"
#include "engine/json/echo_value.hpp"

namespace frontdoor::time {
namespace {

constexpr const char* datetime_example =
    "expected a time with seconds and an offset, like 2024-03-30T20:00:00Z or 2024-03-30T20:00:00+01:00";

// Reads exactly `count` decimal digits at `pos`; -1 when any of them is missing or not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void set_why(std::string* why, std::string sentence) {
    if (why != nullptr) *why = std::move(sentence);
}

// Input is quoted back to the reader, shortened when it is long.
std::string quoted(std::string_view text) { return "\"" + engine::echo_value(text) + "\""; }

enum class DateCheck { not_shaped, impossible, ok };

// Checks a "YYYY-MM-DD" at the start of `text`. `not_shaped` leaves `why` alone so that the caller
// can say which form it expected; `impossible` explains which calendar rule the date breaks.
DateCheck check_date(std::string_view text, DayNumber& out, std::string* why) {
    const int year = digits_at(text, 0, 4);
    const int month = digits_at(text, 5, 2);
    const int day = digits_at(text, 8, 2);
    if (year < 0 || month < 0 || day < 0 || text[4] != '-' || text[7] != '-') return DateCheck::not_shaped;
    const std::string shown(text.substr(0, 10));
    if (month < 1 || month > 12) {
        set_why(why,
                shown + " is not a date: there is no month " + std::to_string(month) + " (months run from 01 to 12)");
        return DateCheck::impossible;
    }
    const int length = days_in_month(year, month);
    if (day == 0) {
        set_why(why, shown + " is not a date: days of the month start at 01");
        return DateCheck::impossible;
    }
    if (day > length) {
        if (month == 2 && day == 29) {
            set_why(why, shown + " is not a date: " + std::to_string(year) +
                             " is not a leap year, so it has no 29 February");
        } else {
            std::string name(detail::month_names[static_cast<std::size_t>(month - 1)]);
            if (month == 2) name += " " + std::to_string(year);
            set_why(why, shown + " is not a date: " + name + " has " + std::to_string(length) + " days");
        }
        return DateCheck::impossible;
    }
    out = *day_number(year, month, day);
    return DateCheck::ok;
}

// A specific hint for the commonest ways a time misses the required form, or "" when none fits.
std::string datetime_hint(std::string_view text) {
    if (text.size() >= 11 && (text[10] == 't' || text[10] == ' ')) {
        return "put an upper-case T between the date and the time";
    }
    if (text.size() == 10) return "it is a date without a time";
    if (!text.empty() && text.back() == 'z') return "the Z at the end must be upper case";
    if (text.size() >= 16 && digits_at(text, 11, 2) >= 0 && text[13] == ':' && digits_at(text, 14, 2) >= 0 &&
        (text.size() == 16 || text[16] != ':')) {
        return "it has no seconds";
    }
    if (text.size() >= 19 && text[16] == ':' && digits_at(text, 17, 2) >= 0) {
        std::size_t pos = 19;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            if (pos == text.size() || text[pos] < '0' || text[pos] > '9') {
                return "a decimal point must be followed by at least one digit";
            }
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        }
        if (pos == text.size()) return "it has no offset from UTC";
    }
    return "";
}

std::optional<Instant> refuse_shape(std::string_view text, std::string* why) {
    const std::string hint = datetime_hint(text);
    set_why(why, quoted(text) + " is not a time: " + (hint.empty() ? "" : hint + "; ") + datetime_example);
    return std::nullopt;
}

}  // namespace

std::optional<DayNumber> parse_date(std::string_view text, std::string* why) {
    DayNumber day = 0;
    if (text.size() == 10) {
        const DateCheck result = check_date(text, day, why);
        if (result == DateCheck::ok) return day;
        if (result == DateCheck::impossible) return std::nullopt;
    }
    set_why(why, "expected a date written year-month-day, like 2024-03-30, but got " + quoted(text));
    return std::nullopt;
}

std::optional<Instant> parse_datetime(std::string_view text, std::string* why) {
    DayNumber day = 0;
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return refuse_shape(text, why);
    const DateCheck date = check_date(text, day, why);
    if (date == DateCheck::not_shaped) return refuse_shape(text, why);
    const int hour = digits_at(text, 11, 2);
    const int minute = digits_at(text, 14, 2);
    const int second = digits_at(text, 17, 2);
    if (hour < 0 || minute < 0 || second < 0) return refuse_shape(text, why);

    std::size_t pos = 19;
    std::int64_t fraction = 0;
    if (text[pos] == '.') {
        const std::size_t first = ++pos;
        for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
            if (pos - first < 6) fraction = fraction * 10 + (text[pos] - '0');
        }
        if (pos == first) return refuse_shape(text, why);
        for (std::size_t scale = pos - first; scale < 6; ++scale) fraction *= 10;
    }
    int offset_sign = 0;
    int offset_hours = 0;
    int offset_minutes = 0;
    if (pos + 1 == text.size() && text[pos] == 'Z') {
        offset_sign = 1;
    } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-') && text[pos + 3] == ':') {
        offset_sign = text[pos] == '+' ? 1 : -1;
        offset_hours = digits_at(text, pos + 1, 2);
        offset_minutes = digits_at(text, pos + 4, 2);
    }
    if (offset_sign == 0 || offset_hours < 0 || offset_minutes < 0) return refuse_shape(text, why);

    // Range problems are reported only once the whole text has the right shape, and the date's own
    // problem comes first because it is the one a person is most likely to have typed.
    if (date == DateCheck::impossible) return std::nullopt;
    // The text quoted back is built only for a refusal: a time read is not a string built and freed.
    auto shown = [&] { return quoted(text); };
    if (hour > 23) {
        set_why(why, shown() + " is not a time: hours run from 00 to 23");
        return std::nullopt;
    }
    if (minute > 59) {
        set_why(why, shown() + " is not a time: minutes run from 00 to 59");
        return std::nullopt;
    }
    if (second > 59) {
        set_why(why, shown() + " is not a time: seconds run from 00 to 59 (a leap second is not accepted)");
        return std::nullopt;
    }
    if (offset_hours > 23 || offset_minutes > 59) {
        set_why(why, shown() + " is not a time: the offset " + std::string(text.substr(pos)) +
                         " is impossible (offset hours run from 00 to 23, minutes from 00 to 59)");
        return std::nullopt;
    }
    const std::int64_t local_seconds = std::int64_t{day} * seconds_per_day + hour * 3600 + minute * 60 + second;
    const std::int64_t offset_seconds = offset_sign * (offset_hours * 3600 + offset_minutes * 60);
    const Instant instant = (local_seconds - offset_seconds) * micros_per_second + fraction;
    if (!in_range_instant(instant)) {
        set_why(why, shown() + " is outside the times Frontdoor handles: 0000-01-02T00:00:00Z to 9999-12-30T23:59:59Z");
        return std::nullopt;
    }
    return instant;
}

}  // namespace frontdoor::time
