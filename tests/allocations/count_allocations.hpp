#pragma once
// A count of the calls to the global operator new (every form) on the calling thread, kept by the
// replacements in count_allocations.cpp: what a block of code allocates on the heap through C++.
// (Calls to malloc itself are not counted; the engine allocates through new.)
#include <cstddef>

namespace frontdoor::testing {

// Allocations made by this thread since it started.
std::size_t allocations_on_this_thread();

// The allocations made by this thread while an instance lived.
class AllocationCount {
public:
    AllocationCount() : start_(allocations_on_this_thread()) {}
    std::size_t so_far() const { return allocations_on_this_thread() - start_; }

private:
    std::size_t start_;
};

}  // namespace frontdoor::testing
