// The one object that wires the pipeline (like ninja's State): it owns the
// options, the file system, the templates and style, and the index of the
// whole site; everything that builds pages — the command, the golden runner,
// the benchmark, the test fixture — goes through it.
//
//   index()            load every source and plan every meeting (minutes
//                      numbered, decisions collected) — once
//   build_meeting(id)  a pure function of the index: compose once, lay out,
//                      resolve page references, render → that meeting's files,
//                      its summary, and the inputs it read
//   build_site(…)      the site-wide pages from the meetings' small summaries
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../compose/compose.hpp"
#include "../compute/compute.hpp"
#include "../load/load.hpp"
#include "../render/html/html.hpp"
#include "../render/pdf/pdf.hpp"
#include "../support/support.hpp"

namespace agendapack::build {

struct Options {
    load::ContentPaths paths;
    std::string templates = "templates";
    // Names this generator exactly (version and a hash of the program): a
    // different generator never reuses another's cached output.
    std::string generator = "agendapack";
    int jobs = 1;  // threads for reading the sources (meetings at once)
    // The public edition withholds exempt business; the members' has it all.
    compute::Audience audience = compute::Audience::Public;
    // The word list of ordinary English words, for the acronym check.
    std::string words = Lexicon::kBritishEnglish;
};

// What the site-wide pages need to know of a built meeting. Small, and kept
// in its build record, so an unchanged meeting is never built again just to
// list it.
struct MeetingSummary {
    std::string id;
    render::html::PackLink pack;
    std::vector<compose::GlossaryUse> glossary_uses;
    std::vector<Warning> warnings;
    bool strict = false;  // the committee treats warnings as errors
};

struct MeetingOutput {
    std::vector<render::html::OutputFile> files;  // all under meetings/<id>/
    MeetingSummary summary;
    // Files read while building it (CSV, pictures), with their content hashes.
    std::map<std::string, uint64_t> inputs;
};

// How a meeting is built: with the build's fonts (shared by every thread),
// on `threads` threads of its own. A meeting built while cores are spare
// (`--meeting`, one changed meeting) gets more than one: its documents are
// composed and laid out side by side, and its web pages made while its PDF
// is written.
struct Worker {
    const render::pdf::Fonts& fonts;
    int threads = 1;
};
// A meeting composed and laid out: its trees carry the agenda's page ranges
// and every page reference, as both outputs print them.
struct LaidOutMeeting {
    compose::ComposedMeeting composed;
    std::shared_ptr<render::pdf::Pack> pack;
};

class Build {
public:
    Build(const FileSystem& fs, Options options);
    Build(const Build&) = delete;
    Build& operator=(const Build&) = delete;

    // Loads and plans the whole site: every source read (meetings on
    // options.jobs threads), minutes numbered, decisions collected. Throws
    // InputErrors with every file's errors, or an InputError found later.
    void index();

    const model::Site& site() const { return site_; }
    const std::vector<compute::MeetingPlan>& plans() const { return plans_; }
    const compute::MeetingPlan* find(const std::string& id) const;
    std::vector<compose::SitePage> site_pages(const compose::Context& context) const;
    const compute::Records& records() const { return records_; }
    const render::pdf::Style& style() const { return style_; }
    // The compose context over the index; the data files documents name
    // (load::DataFiles) are read through `fs`.
    compose::Context context(const FileSystem& fs) const;
    compose::Context context() const { return context(fs_); }

    Worker worker(int threads = 1) const { return {*fonts_, std::max(threads, 1)}; }

    // The steps of build_meeting, for tests and the benchmark.
    compose::ComposedMeeting compose(const compute::MeetingPlan& plan) const { return compose(plan, context()); }
    LaidOutMeeting lay_out(const compute::MeetingPlan& plan, const Worker& worker) const { return lay_out(plan, worker, fs_); }

    // One meeting's files. Throws InputError. Safe to call from several
    // threads at once.
    MeetingOutput build_meeting(const std::string& id, const Worker& worker) const;

    // index.html, the glossary pages, the stylesheet and the tracker exports;
    // `uses` gathers the meetings' glossary uses (MeetingSummary). Without
    // every meeting's uses (`complete_uses` false) the glossary pages are
    // left out: incomplete, they would list too few documents.
    std::vector<render::html::OutputFile> build_site(const compose::GlossaryUseIndex& uses, bool complete_uses = true) const;

    // A digest of everything that reaches the meeting: the generator, the
    // templates, style and fonts, the shared sources, the facts other
    // meetings lend it (minute numbers, decisions, the committee's meeting
    // list), its own sources, and `inputs` (what it read while building, with
    // content hashes). Equal keys, equal output.
    std::string meeting_key(const compute::MeetingPlan& plan, const std::map<std::string, uint64_t>& inputs) const;
    // The pack's provenance manifest (JSON): its SHA-256 and its sources'.
    std::string provenance(const compute::MeetingPlan& plan, const std::map<std::string, uint64_t>& inputs, const std::string& pack) const;
    std::string source_sha256(const std::string& path) const;
    // The same files, hashed as they are now. A file read already — while
    // indexing, or for another meeting's check (data files are often
    // shared) — is not read again: the index stands for one moment of the
    // sources.
    std::map<std::string, uint64_t> rehash(const std::map<std::string, uint64_t>& inputs) const;

private:
    compose::ComposedMeeting compose(const compute::MeetingPlan& plan, const compose::Context& context, int threads = 1) const;
    LaidOutMeeting lay_out(const compute::MeetingPlan& plan, const Worker& worker, const FileSystem& fs) const;
    void digest_sources(const std::map<std::string, uint64_t>& reads);
    void release_bodies();
    static compose::Bodies read_bodies(const compute::MeetingPlan& plan, const load::DataFiles& data);
    uint64_t committee_facts(const model::Committee& committee) const;

    const FileSystem& fs_;
    Options options_;
    model::Site site_;
    std::vector<compute::MeetingPlan> plans_;
    std::map<std::string, size_t> plan_by_id_;
    compute::Records records_;
    render::html::Templates templates_;
    render::pdf::Style style_;
    std::unique_ptr<render::pdf::Fonts> fonts_;  // made by index(), once the style names them
    std::unique_ptr<Lexicon> words_;             // read when the acronym check first asks
    // Digests for meeting_key.
    uint64_t global_digest_ = 0;                                 // generator, templates, style, fonts, shared files
    std::map<std::string, uint64_t> committee_digests_;          // by slug: committee.yaml, years, templates …
    std::map<std::string, std::map<std::string, uint64_t>> meeting_sources_;  // by meeting id: its folder's files
    // Hashes of every file read so far, for rehash.
    mutable std::mutex hashes_mutex_;
    mutable std::map<std::string, uint64_t> hashes_;
    mutable std::map<std::string, std::string> sha256_;  // by path, for provenance (under hashes_mutex_)
    std::vector<std::string> global_sources_;             // files every meeting depends on
    std::map<std::string, std::vector<std::string>> committee_sources_;  // by slug: the committee's own files
};

}  // namespace agendapack::build
