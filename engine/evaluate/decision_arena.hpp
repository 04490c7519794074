#pragma once
// The memory for the lists, records and texts one decision makes, so that a decision takes nothing
// from the heap once its thread has decided a few (issue 15).
//
// Who owns it and for how long: the thread that decides. Pack::decide keeps one per thread beside
// its trace, hands it to the evaluation, and calls reset() once the decision's JSON is written and
// the trace emptied. Values made in it own nothing (Value::borrowed): they, and every value an
// evaluation with an arena copies, stay valid until reset(), and must not outlive it. Its blocks are
// kept across reset(): emptied, never freed, until the thread ends. Never shared between threads.
#include "engine/evaluate/value.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace frontdoor::engine {

class DecisionArena {
public:
    DecisionArena() = default;
    DecisionArena(const DecisionArena&) = delete;
    DecisionArena& operator=(const DecisionArena&) = delete;
    ~DecisionArena() { reset(); }

    // `count` absent values, destroyed at reset() (a value put in one may own what it points at).
    Value* values(std::size_t count);
    // `size` bytes of text.
    char* chars(std::size_t size);
    // Destroys the values handed out and makes every block free again, keeping them.
    void reset();

private:
    void* allocate(std::size_t bytes, std::size_t alignment);

    static constexpr std::size_t block_bytes = 64 << 10;
    struct Block {
        std::unique_ptr<std::byte[]> bytes;
        std::size_t size;
    };
    std::vector<Block> blocks_;
    std::size_t block_ = 0;  // the block being filled
    std::size_t used_ = 0;   // bytes used in it
    std::vector<std::span<Value>> made_;
};

}  // namespace frontdoor::engine
