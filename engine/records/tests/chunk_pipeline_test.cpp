// ChunkPipeline, which spreads replay, impact and batch chunks over threads: results are merged in
// submission order whatever the threads' timing, and a chunk whose work throws stops the merging
// there, so that no result after the gap is merged (a batch must never release or record past a
// chunk it could not decide).
#include "engine/records/chunk_pipeline.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

std::vector<int> run_pipeline(unsigned threads, int chunks, int failing_chunk) {
    std::vector<int> merged;
    frontdoor::records::ChunkPipeline<int, int> pipeline(
        threads,
        [&](int& chunk) {
            // Early chunks take longest, so that later ones finish first and must wait their turn.
            std::this_thread::sleep_for(std::chrono::microseconds(chunk % 3 == 0 ? 500 : 0));
            if (chunk == failing_chunk) throw std::runtime_error("chunk failed");
            return chunk * 10;
        },
        [&](int&& result) { merged.push_back(result); });
    for (int chunk = 0; chunk < chunks; ++chunk) pipeline.submit(chunk);
    pipeline.finish();
    return merged;
}

}  // namespace

TEST_CASE("a chunk pipeline merges every result in submission order", "[chunk pipeline]") {
    unsigned threads = GENERATE(1u, 2u, 5u);
    std::vector<int> expected;
    for (int chunk = 0; chunk < 200; ++chunk) expected.push_back(chunk * 10);
    CHECK(run_pipeline(threads, 200, -1) == expected);
}

TEST_CASE("a chunk pipeline rethrows a chunk's failure and merges nothing after it", "[chunk pipeline]") {
    unsigned threads = GENERATE(1u, 2u, 5u);
    std::vector<int> got;
    frontdoor::records::ChunkPipeline<int, int> pipeline(
        threads,
        [](int& chunk) -> int {
            if (chunk == 30) throw std::runtime_error("chunk failed");
            return chunk;
        },
        [&](int&& result) { got.push_back(result); });
    CHECK_THROWS_WITH(([&] {
                          for (int chunk = 0; chunk < 200; ++chunk) pipeline.submit(chunk);
                          pipeline.finish();
                      }()),
                      "chunk failed");
    REQUIRE(got.size() <= 30);
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == static_cast<int>(i));
}

TEST_CASE("a chunk pipeline of N threads works on N threads, the calling one among them", "[chunk pipeline]") {
    unsigned threads = GENERATE(2u, 3u);
    std::mutex mutex;
    std::set<std::thread::id> working;
    frontdoor::records::ChunkPipeline<int, int> pipeline(
        threads,
        [&](int& chunk) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            std::lock_guard<std::mutex> lock(mutex);
            working.insert(std::this_thread::get_id());
            return chunk;
        },
        [](int&&) {});
    for (int chunk = 0; chunk < 100; ++chunk) pipeline.submit(chunk);
    pipeline.finish();
    INFO("threads: " << threads);
    CHECK(working.size() <= threads);
    CHECK(working.count(std::this_thread::get_id()) == 1);
}
