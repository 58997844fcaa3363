// Work on several threads: every index once, results by index, and the
// error reported is the lowest index's, whatever order the work was taken in.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include "support/parallel.hpp"

using agendapack::parallel_for;
using agendapack::parallel_for_scheduled;

TEST_CASE("parallel_for runs each index once and rethrows the lowest index's error") {
    for (int jobs : {1, 2, 4}) {
        std::vector<std::atomic<int>> runs(50);
        CHECK_THROWS_WITH(parallel_for(jobs, runs.size(),
                                       [&](size_t i) {
                                           ++runs[i];
                                           if (i == 7 || i == 30) throw std::runtime_error("index " + std::to_string(i));
                                       }),
                          "index 7");
        for (const auto& n : runs) CHECK(n == 1);
    }
}

TEST_CASE("a schedule changes the order work is taken in, not which error is reported") {
    const std::vector<size_t> heaviest_first = {4, 3, 2, 1, 0};
    for (int jobs : {1, 2}) {
        std::vector<size_t> taken;
        std::mutex mutex;
        CHECK_THROWS_WITH(parallel_for_scheduled(jobs, heaviest_first,
                                                 [&](size_t i) {
                                                     {
                                                         std::lock_guard<std::mutex> lock(mutex);
                                                         taken.push_back(i);
                                                     }
                                                     if (i == 1 || i == 3) throw std::runtime_error("index " + std::to_string(i));
                                                 }),
                          "index 1");
        REQUIRE(taken.size() == 5);
        if (jobs == 1) CHECK(taken == heaviest_first);
    }
}
