#pragma once
// Names to their positions, found with one hash and one comparison: a small open-addressed table
// built once when a pack loads (engine/load/compile_inputs.cpp), one for each record's fields and
// one for each enumeration's members. The one-pass contact reader (read_in_one_pass.hpp) finds a
// member's field and a text's enumeration member with it, instead of a scan or a bisection.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace frontdoor::engine {

class NameTable {
public:
    NameTable() = default;
    // Name i is found as i. The names are copied: the table does not point into what built it.
    explicit NameTable(const std::vector<std::string>& names) {
        std::size_t capacity = 4;
        while (capacity < names.size() * 2) capacity *= 2;
        slots_.resize(capacity);
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::size_t at = hash(names[i]) & (capacity - 1);
            while (slots_[at].index >= 0) at = (at + 1) & (capacity - 1);
            slots_[at] = Slot{names[i], static_cast<int>(i)};
        }
    }
    // The position of `name`, or -1 when it is not one of the names.
    int find(std::string_view name) const {
        if (slots_.empty()) return -1;
        std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash(name) & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (slot.index < 0) return -1;
            if (slot.name == name) return slot.index;
        }
    }

private:
    struct Slot {
        std::string name;
        int index = -1;
    };
    // Length, first, middle and last byte, mixed by one multiplication: enough to tell apart the
    // names of one record or one enumeration, and a name is found before all its bytes are read
    // twice. Names that share all four still find their own slots by probing and comparing.
    static std::size_t hash(std::string_view name) {
        if (name.empty()) return 0;
        auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(name[i])); };
        std::uint64_t key =
            (std::uint64_t{name.size()} << 24) | (byte(0) << 16) | (byte(name.size() / 2) << 8) | byte(name.size() - 1);
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32);
    }
    std::vector<Slot> slots_;  // a power of two, at most half full
};

}  // namespace frontdoor::engine
