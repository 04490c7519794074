#pragma once
// The pack that decides requests now. A request takes one snapshot at its start and is decided
// wholly by it; swapping in a new pack (a reload, later) never changes a snapshot in use.
#include "frontdoor/frontdoor.hpp"

#include <atomic>
#include <memory>
#include <string>

namespace frontdoor::http {

struct ActiveSnapshot {
    std::shared_ptr<const Pack> pack;
    std::string active_since;  // UTC, e.g. "2026-12-04T20:30:00.123Z": when it became active
};

class ActivePack {
public:
    explicit ActivePack(std::shared_ptr<const Pack> pack);
    // The pack in force now; never null. Thread-safe, lock-free for readers on the hot path.
    std::shared_ptr<const ActiveSnapshot> current() const { return current_.load(std::memory_order_acquire); }
    // Makes `pack` the active one, stamped with the time now, and returns the snapshot it replaced.
    // Thread-safe; requests already holding the old snapshot finish with it.
    std::shared_ptr<const ActiveSnapshot> swap(std::shared_ptr<const Pack> pack);

private:
    std::atomic<std::shared_ptr<const ActiveSnapshot>> current_;
};

// The time now in UTC as "YYYY-MM-DDTHH:MM:SS.mmmZ". Used to stamp, never to decide.
std::string utc_now_text();

}  // namespace frontdoor::http
