#include "active_pack.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace frontdoor::http {

std::string utc_now_text() {
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t seconds = system_clock::to_time_t(now);
    auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

ActivePack::ActivePack(std::shared_ptr<const Pack> pack)
    : current_(std::make_shared<const ActiveSnapshot>(ActiveSnapshot{std::move(pack), utc_now_text()})) {}

std::shared_ptr<const ActiveSnapshot> ActivePack::swap(std::shared_ptr<const Pack> pack) {
    auto next = std::make_shared<const ActiveSnapshot>(ActiveSnapshot{std::move(pack), utc_now_text()});
    return current_.exchange(std::move(next), std::memory_order_acq_rel);
}

}  // namespace frontdoor::http
