#include "run.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>

#include "../publish/publish.hpp"
#include "../support/parallel.hpp"
#include "../support/site_paths.hpp"
#include "record.hpp"

namespace agendapack::build {

namespace {

// One meeting of the site in this run. Only small facts are kept: what
// the site-wide pages need is folded into a bounded index as it arrives.
struct Slot {
    const compute::MeetingPlan* plan = nullptr;
    bool wanted = false;  // in this run's selection
    bool build = false;   // its sources changed, or it was never built
    bool known = false;   // its summary is known (built now, or recorded)
    bool strict = false;
    std::vector<Warning> warnings;
};

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
    DiskFileSystem disk;
    OutputFileSystem& output = options.output ? *options.output : disk;
    compose::GlossaryUseIndex uses;
    std::mutex mutex;  // guards uses, slots' summaries and the counters below

    auto learn = [&](size_t index, Slot& slot, const MeetingSummary& summary) {
        uses.add(index, summary.glossary_uses);
        slot.known = true;
        slot.strict = summary.strict;
        slot.warnings = summary.warnings;
    };

    // Which meetings to build: the selection, less those whose recorded key
    // is still theirs and whose folder still stands. The others lend the
    // site-wide pages their recorded summaries (even with --rebuild).
    std::vector<Slot> slots(plans.size());
    std::vector<size_t> to_build;
    for (size_t i = 0; i < plans.size(); ++i) {
        Slot& slot = slots[i];
        slot.plan = &plans[i];
        slot.wanted = options.only.empty() ||
                      std::find(options.only.begin(), options.only.end(), plans[i].id) != options.only.end();
        std::optional<BuildRecord> recorded;
        if (writing)
            if (auto text = output.read(join_path(options.out, paths::build_record(plans[i].id)))) recorded = parse_record(*text);
        auto files_stand = [&](const BuildRecord& entry) {
            if (entry.files.empty()) return false;
            for (const auto& [path, size] : entry.files)
                if (output.read_size(join_path(options.out, path)) != size) return false;
            return true;
        };
        bool current = recorded && options.use_cache && files_stand(*recorded) &&
                       build.meeting_key(plans[i], build.rehash(recorded->inputs)) == recorded->key;
        slot.build = slot.wanted && !current;
        if (slot.build) to_build.push_back(i);
        else if (slot.wanted) ++result.unchanged;
        if (!slot.build && recorded) learn(i, slot, recorded->summary);
    }

    // One edition a folder: the members' edition carries exempt business, so
    // it is never written over the public site, nor the public over it.
    const std::string edition = options.audience == compute::Audience::Members ? "members" : "public";
    if (writing) {
        std::string held;
        if (auto record = output.read(join_path(options.out, paths::edition_record()))) held = trim(*record);
        else if (output.exists(join_path(options.out, paths::index_page()))) held = "public";  // built before editions were recorded
        if (!held.empty() && held != edition)
            throw std::runtime_error(options.out + "/ holds the " + (held == "members" ? "members' edition, with exempt business" : "public edition") +
                                     ": build the " + (edition == "members" ? "members' edition" : "public edition") +
                                     " into a folder of its own (--out), never over it");
    }

    std::optional<publish::Publisher> publisher;
    if (writing) publisher.emplace(output, options.out);

    // Build on `jobs` threads; each meeting's files go to staging at once
    // and its trees are freed. A meeting's errors are kept and the others go
    // on, so all are reported together.
    std::vector<InputError> errors;
    size_t done = 0;
    // Fewer meetings than threads (`--meeting`, one edited report): the
    // threads left over go to each meeting's own work.
    const int per_meeting = std::max(1, options.jobs / static_cast<int>(std::max<size_t>(to_build.size(), 1)));
    const Worker worker = build.worker(per_meeting);
    parallel_for(options.jobs, to_build.size(), [&](size_t n) {
        const size_t index = to_build[n];
        Slot& slot = slots[index];
        try {
            MeetingOutput output = build.build_meeting(slot.plan->id, worker);
            BuildRecord entry{build.meeting_key(*slot.plan, output.inputs), std::move(output.inputs), std::move(output.summary), {}};
            for (const auto& file : output.files) entry.files[file.path] = file.bytes.size();
            if (publisher) {
                for (auto& file : output.files) publisher->write(file.path, std::move(file.bytes));
                publisher->write(paths::build_record(slot.plan->id), format_record(entry));
            }
            std::lock_guard<std::mutex> lock(mutex);
            result.files += output.files.size();
            learn(index, slot, entry.summary);
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
    });
    result.built = to_build.size();

    // The same error can come from two meetings (a shared file): report it once.
    sort_errors(errors);
    result.errors = std::move(errors);
    std::sort(result.failures.begin(), result.failures.end());
    if (!result.errors.empty() || !result.failures.empty()) return result;

    // Warnings of the meetings asked for, in the site's order.
    for (const Slot& slot : slots) {
        if (!slot.known) result.site_pages = false;
        if (slot.wanted)
            for (const auto& w : slot.warnings) result.warnings.push_back({w, slot.strict && !w.advisory});
    }
    if (!result.ok()) return result;

    // Without every meeting's uses, the glossary pages already published stay.
    for (auto& file : build.build_site(uses, result.site_pages)) {
        ++result.files;
        if (publisher) publisher->write(file.path, std::move(file.bytes));
    }
    if (!publisher) return result;
    publisher->write(paths::edition_record(), edition + "\n");

    std::set<std::string> keep;
    for (const Slot& slot : slots)
        if (!slot.build) keep.insert(slot.plan->id);
    publisher->commit(keep, options.only.empty());
    return result;
}

}  // namespace agendapack::build
