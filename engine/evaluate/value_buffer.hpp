#pragma once
// Items gathered one at a time before they become a list or set: the first few live on the stack,
// so that a short list costs one allocation (the list's own) instead of two.
#include "engine/evaluate/value.hpp"

#include <memory>
#include <new>
#include <span>
#include <vector>

namespace frontdoor::engine {

class ValueBuffer {
public:
    ValueBuffer() {}
    ~ValueBuffer() {
        if (spilled_.empty()) std::destroy_n(on_stack(), size_);
    }
    ValueBuffer(const ValueBuffer&) = delete;
    ValueBuffer& operator=(const ValueBuffer&) = delete;

    void push_back(Value value) {
        if (size_ < stack_capacity) {
            new (on_stack() + size_++) Value(std::move(value));  // room used only when needed
            return;
        }
        if (spilled_.empty()) {
            spilled_.reserve(2 * stack_capacity);
            spilled_.insert(spilled_.end(), std::make_move_iterator(on_stack()),
                            std::make_move_iterator(on_stack() + size_));
            std::destroy_n(on_stack(), size_);
        }
        spilled_.push_back(std::move(value));
        ++size_;
    }
    // Empties the buffer, keeping the room it has.
    void clear() {
        if (spilled_.empty()) std::destroy_n(on_stack(), size_);
        else spilled_.clear();
        size_ = 0;
    }
    std::size_t size() const { return size_; }
    // The items so far, to be moved out (Value::list, Value::set) or read.
    std::span<Value> items() {
        return spilled_.empty() ? std::span<Value>(on_stack(), size_) : std::span<Value>(spilled_);
    }

private:
    static constexpr std::size_t stack_capacity = 16;
    Value* on_stack() { return std::launder(reinterpret_cast<Value*>(stack_)); }
    alignas(Value) unsigned char stack_[stack_capacity * sizeof(Value)];
    std::vector<Value> spilled_;
    std::size_t size_ = 0;
};

}  // namespace frontdoor::engine
