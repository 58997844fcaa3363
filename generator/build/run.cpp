#include "run.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "../publish/publish.hpp"
#include "../support/site_paths.hpp"
#include "cache.hpp"

namespace agendapack::build {

namespace {

struct Slot {
    const compute::MeetingPlan* plan = nullptr;
    bool wanted = false;                 // in this run's selection
    std::optional<CacheEntry> previous;  // what the cache says of it
    bool build = false;
    std::optional<CacheEntry> fresh;     // after building
};

Cache read_cache(const std::string& out) {
    DiskFileSystem disk;
    auto text = disk.read(join_path(out, paths::build_cache()));
    return text ? parse_cache(*text) : Cache{};
}

bool before(const InputError& a, const InputError& b) {
    const SourceLocation &x = a.where(), &y = b.where();
    return std::tie(x.file, x.line, x.column, a.message()) < std::tie(y.file, y.line, y.column, b.message());
}

}  // namespace

bool RunResult::ok() const {
    if (!errors.empty() || !failures.empty()) return false;
    for (const auto& note : warnings)
        if (note.error) return false;
    return true;
}

RunResult run(const Build& build, const RunOptions& options) {
    RunResult result;
    const auto& plans = build.plans();
    result.meetings = plans.size();
    const bool writing = !options.out.empty();
    // Read even with use_cache off: the meetings not built this time still
    // lend the site-wide pages their summaries.
    Cache cache = writing ? read_cache(options.out) : Cache{};

    // Which meetings to build: the selection, less those whose key is unchanged
    // and whose folder still stands.
    std::vector<Slot> slots(plans.size());
    std::vector<size_t> to_build;
    for (size_t i = 0; i < plans.size(); ++i) {
        Slot& slot = slots[i];
        slot.plan = &plans[i];
        slot.wanted = options.only.empty() ||
                      std::find(options.only.begin(), options.only.end(), plans[i].id) != options.only.end();
        if (auto found = cache.find(plans[i].id); found != cache.end()) slot.previous = found->second;
        if (!slot.wanted) continue;
        bool current = options.use_cache && slot.previous && std::filesystem::is_directory(std::filesystem::path(options.out) / paths::meeting_folder(plans[i].id)) &&
                       build.meeting_key(plans[i], build.rehash(slot.previous->inputs)) == slot.previous->key;
        slot.build = !current;
        if (slot.build) to_build.push_back(i);
        else ++result.unchanged;
    }

    std::optional<publish::Publisher> publisher;
    if (writing) publisher.emplace(options.out);

    // Build on `jobs` threads; each meeting's files go to staging at once
    // and its trees are freed.
    std::mutex mutex;
    std::vector<InputError> errors;
    std::atomic<size_t> next{0};
    size_t done = 0;
    auto work = [&]() {
        std::unique_ptr<Worker> worker;
        for (size_t n; (n = next++) < to_build.size();) {
            Slot& slot = slots[to_build[n]];
            try {
                if (!worker) worker = build.worker();
                MeetingOutput output = build.build_meeting(slot.plan->id, *worker);
                if (publisher)
                    for (const auto& file : output.files) publisher->write(file.path, file.bytes);
                CacheEntry entry{build.meeting_key(*slot.plan, output.inputs), std::move(output.inputs), std::move(output.summary)};
                std::lock_guard<std::mutex> lock(mutex);
                result.files += output.files.size();
                slot.fresh = std::move(entry);
            } catch (const InputError& error) {
                std::lock_guard<std::mutex> lock(mutex);
                errors.push_back(error);
            } catch (const std::exception& error) {
                std::lock_guard<std::mutex> lock(mutex);
                result.failures.push_back(slot.plan->id + ": " + error.what());
            }
            std::lock_guard<std::mutex> lock(mutex);
            ++done;
            if (options.progress) options.progress(done, to_build.size());
        }
    };
    const size_t threads = std::clamp<size_t>(options.jobs < 1 ? 1 : size_t(options.jobs), 1, std::max<size_t>(to_build.size(), 1));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    result.built = to_build.size();

    // The same error can come from two meetings (a shared file): report it once.
    std::sort(errors.begin(), errors.end(), before);
    errors.erase(std::unique(errors.begin(), errors.end(),
                             [](const InputError& a, const InputError& b) { return !before(a, b) && !before(b, a); }),
                 errors.end());
    if (errors.size() > kMaxErrors) {
        result.more_errors = errors.size() - kMaxErrors;
        errors.erase(errors.begin() + kMaxErrors, errors.end());
    }
    result.errors = std::move(errors);
    std::sort(result.failures.begin(), result.failures.end());
    if (!result.errors.empty() || !result.failures.empty()) return result;

    // Every meeting's summary, in plan order: built now, or as cached.
    std::vector<MeetingSummary> summaries;
    for (const Slot& slot : slots) {
        const CacheEntry* entry = slot.fresh ? &*slot.fresh : slot.previous ? &*slot.previous : nullptr;
        if (!entry) {
            result.site_pages = false;
            continue;
        }
        if (slot.wanted)
            for (const auto& w : entry->summary.warnings) result.warnings.push_back({w, entry->summary.strict});
        summaries.push_back(entry->summary);
    }
    if (!result.ok()) return result;

    for (auto& file : build.build_site(summaries)) {
        // Without every meeting's uses a glossary page would be incomplete:
        // the one already published stays.
        if (!result.site_pages && file.path.rfind("glossaries/", 0) == 0) continue;
        ++result.files;
        if (publisher) publisher->write(file.path, file.bytes);
    }
    if (!publisher) return result;

    Cache next_cache;
    std::set<std::string> keep;
    for (const Slot& slot : slots) {
        if (slot.fresh) next_cache[slot.plan->id] = *slot.fresh;
        else if (slot.previous) next_cache[slot.plan->id] = *slot.previous;
        if (!slot.build) keep.insert(slot.plan->id);
    }
    publisher->write(paths::build_cache(), format_cache(next_cache));
    publisher->commit(keep, options.only.empty());
    return result;
}

}  // namespace agendapack::build
