// Runs f(0) … f(n-1) on up to `jobs` threads. Each index runs once; results
// go wherever f puts them (by index, so their order never depends on the
// threads). If any throw, the exception of the lowest index is rethrown once
// all have finished.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace agendapack {

// With state of each thread's own: `make()` is called once by each thread
// that takes an index, and f(state, i) is given it (font caches, say).
template <typename Make, typename F>
void parallel_for(int jobs, size_t n, Make&& make, F&& f) {
    std::vector<std::exception_ptr> failures(n);
    std::atomic<size_t> next{0};
    auto work = [&] {
        decltype(make()) state{};
        bool made = false;
        for (size_t i; (i = next++) < n;) {
            try {
                if (!made) state = make(), made = true;
                f(state, i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    const size_t threads = std::min<size_t>(std::max(jobs, 1), std::max<size_t>(n, 1));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    for (auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

template <typename F>
void parallel_for(int jobs, size_t n, F&& f) {
    parallel_for(jobs, n, [] { return 0; }, [&](int, size_t i) { f(i); });
}

// The same, taking the indices in the order `schedule` gives (the heaviest
// first, say, so none starts last and keeps the others waiting); still the
// exception of the lowest index, not the first taken, is rethrown.
template <typename F>
void parallel_for_scheduled(int jobs, const std::vector<size_t>& schedule, F&& f) {
    std::vector<std::exception_ptr> failures(schedule.size());
    parallel_for(jobs, schedule.size(), [&](size_t n) {
        try {
            f(schedule[n]);
        } catch (...) {
            failures[schedule[n]] = std::current_exception();
        }
    });
    for (auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace agendapack
