#include "engine/evaluate/decision_arena.hpp"

#include <memory>
#include <new>

namespace frontdoor::engine {

Value* DecisionArena::values(std::size_t count) {
    auto* items = static_cast<Value*>(allocate(count * sizeof(Value), alignof(Value)));
    std::uninitialized_default_construct_n(items, count);
    made_.emplace_back(items, count);
    return items;
}

char* DecisionArena::chars(std::size_t size) { return static_cast<char*>(allocate(size, 1)); }

void DecisionArena::reset() {
    for (std::span<Value> made : made_) std::destroy(made.begin(), made.end());
    made_.clear();
    block_ = 0;
    used_ = 0;
}

void* DecisionArena::allocate(std::size_t bytes, std::size_t alignment) {
    while (block_ < blocks_.size()) {
        std::size_t start = (used_ + alignment - 1) / alignment * alignment;
        if (start + bytes <= blocks_[block_].size) {
            used_ = start + bytes;
            return blocks_[block_].bytes.get() + start;
        }
        ++block_;
        used_ = 0;
    }
    // A new block, kept from now on; one larger than usual for a value that does not fit in one.
    std::size_t size = bytes > block_bytes ? bytes : block_bytes;
    blocks_.push_back(Block{std::make_unique_for_overwrite<std::byte[]>(size), size});
    block_ = blocks_.size() - 1;
    used_ = bytes;
    return blocks_.back().bytes.get();
}

}  // namespace frontdoor::engine
