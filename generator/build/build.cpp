#include "build.hpp"

#include <set>

#include "../render/pdf/archival.hpp"
#include "../support/hash.hpp"
#include "../support/sha256.hpp"
#include "../support/parallel.hpp"
#include "../support/site_paths.hpp"

namespace agendapack::build {

Build::Build(const FileSystem& fs, Options options)
    : fs_(fs), options_(std::move(options)), words_(std::make_unique<Lexicon>(options_.words)) {}

void Build::index() {
    // Everything index() reads is recorded, so each meeting's key can name
    // the sources that reach it.
    RecordingFileSystem recording(fs_);
    std::vector<InputError> errors;
    site_ = load::load_site(recording, options_.paths, {/*keep_text=*/false, &errors, options_.jobs});
    // Every file's errors at once; nothing is planned from a broken site.
    if (!errors.empty()) {
        sort_errors(errors);
        throw InputErrors(std::move(errors));
    }
    plans_ = compute::plan_site(site_, options_.audience);
    for (size_t i = 0; i < plans_.size(); ++i) plan_by_id_[plans_[i].id] = i;
    records_ = compute::prepare_records(site_, plans_);
    templates_ = render::html::load_templates(recording, options_.templates);
    // The members' edition is not for search engines.
    templates_.noindex = options_.audience == compute::Audience::Members;
    templates_.council = site_.council.name;
    templates_.accent = site_.council.website.accent;
    if (!site_.council.website.logo_file.empty()) templates_.logo = paths::logo(site_.council.website.logo_file).substr(7);  // past "assets/"
    style_ = render::pdf::load_style(recording, options_.templates);
    fonts_ = std::make_unique<render::pdf::Fonts>(style_);
    std::map<std::string, uint64_t> inputs = recording.reads();
    hashes_ = inputs;
    // Fonts are large and outside the sources: their size and time stand for them.
    for (const std::string& font : {style_.font_regular, style_.font_bold, style_.font_italic, style_.font_bold_italic,
                                    style_.font_fallback, style_.font_fallback_bold, style_.font_mono, style_.font_fallback_mono})
        inputs[font] = fs_.stamp(font).value_or(kMissingFile);
    // So is the word list: a new one can change what the acronym check says.
    inputs[options_.words] = fs_.stamp(options_.words).value_or(kMissingFile);
    // And the colour profile every PDF embeds for PDF/A.
    inputs[render::pdf::srgb_profile_path()] = fs_.stamp(render::pdf::srgb_profile_path()).value_or(kMissingFile);
    digest_sources(inputs);
    release_bodies();
}

// Once minutes are numbered and decisions collected, the index needs no
// document's text (reports and appendices were let go as they were read):
// each meeting's build reads its own again, so memory does not grow with the
// archive's words.
void Build::release_bodies() {
    for (auto& committee : site_.committees)
        for (auto& meeting : committee.meetings)
            load::release_text(meeting, join_path(join_path(options_.paths.content, committee.slug), meeting.folder), true);
}

compose::Bodies Build::read_bodies(const compute::MeetingPlan& plan, const load::DataFiles& data) {
    compose::Bodies bodies;
    for (const compute::PlacedDocument* placed : plan.documents())
        if (placed->source->body.released) bodies[&placed->source->body] = data.body(placed->source->body);
    return bodies;
}

const compute::MeetingPlan* Build::find(const std::string& id) const {
    auto it = plan_by_id_.find(id);
    return it == plan_by_id_.end() ? nullptr : &plans_[it->second];
}

compose::Context Build::context(const FileSystem& fs) const {
    compose::Context context{site_, std::make_shared<load::DataFiles>(fs, options_.paths.data)};
    context.records = &records_;
    context.words = words_.get();
    return context;
}

compose::ComposedMeeting Build::compose(const compute::MeetingPlan& plan, const compose::Context& context, int threads) const {
    compose::Bodies bodies = read_bodies(plan, *context.data);
    compose::Context with_bodies = context;
    with_bodies.bodies = &bodies;
    return compose::compose_meeting(with_bodies, plan, threads);
}

LaidOutMeeting Build::lay_out(const compute::MeetingPlan& plan, const Worker& worker, const FileSystem& fs) const {
    const compose::Context context = this->context(fs);
    LaidOutMeeting out;
    out.composed = compose(plan, context, worker.threads);
    // Two passes: the documents' layout gives the agenda its "(Pages X - Y)"
    // and every page reference its number.
    out.pack = render::pdf::lay_out_pack(out.composed, style_, worker.fonts, worker.threads);
    out.composed.agenda = compose::compose_agenda(context, plan, render::pdf::item_page_ranges(*out.pack));
    render::pdf::resolve_page_refs(out.composed, *out.pack);
    render::pdf::lay_out_front(*out.pack, out.composed);
    render::pdf::place_in_pack(out.composed, *out.pack);
    return out;
}

MeetingOutput Build::build_meeting(const std::string& id, const Worker& worker) const {
    const compute::MeetingPlan* plan = find(id);
    if (!plan) throw std::invalid_argument("no meeting '" + id + "'");
    RecordingFileSystem recording(fs_);
    LaidOutMeeting laid = lay_out(*plan, worker, recording);
    // The document pages need nothing of the PDF: with a thread to spare
    // they are made while it is written.
    render::pdf::WrittenPack written;
    std::vector<render::html::OutputFile> pages;
    parallel_for(worker.threads, 2, [&](size_t part) {
        if (part == 0) {
            written = render::pdf::write_pack(*laid.pack, laid.composed, worker.threads);
        } else {
            pages = render::html::render_documents(laid.composed, templates_);
        }
    });
    laid.pack.reset();

    MeetingOutput out;
    out.summary.id = id;
    out.summary.pack = {paths::pack_name(id), written.bytes.size(), written.pages, {}};
    for (auto& item : written.items) {
        out.summary.pack.items.push_back({item.item, paths::item_pdf_name(id, item.item), item.bytes.size(), item.pages});
        pages.push_back({paths::meeting_folder(id) + "/" + paths::item_pdf_name(id, item.item), std::move(item.bytes)});
    }
    out.summary.glossary_uses = std::move(laid.composed.glossary_uses);
    out.summary.warnings = std::move(laid.composed.warnings);
    out.summary.strict = plan->committee->strict_acronyms;
    out.files = std::move(pages);
    out.files.push_back(render::html::render_meeting_page(laid.composed, templates_, &out.summary.pack));
    out.files.push_back({paths::pack_file(id), std::move(written.bytes)});
    out.inputs = recording.reads();
    out.files.push_back({paths::provenance_file(id), provenance(*plan, out.inputs, out.files.back().bytes)});
    out.files.push_back({paths::meeting_data(id), compose::meeting_data(*plan)});
    return out;
}

// What an archivist needs to regenerate the pack years later and show it is
// the same: the SHA-256 of the pack and of every source it was built from
// (the council's and the committee's files, the meeting's own, the data it
// read, templates, style, fonts and word list), and the generator.
// No clock: the same sources give the same manifest.
std::string Build::provenance(const compute::MeetingPlan& plan, const std::map<std::string, uint64_t>& inputs, const std::string& pack) const {
    std::set<std::string> sources(global_sources_.begin(), global_sources_.end());
    if (auto committee = committee_sources_.find(plan.committee->slug); committee != committee_sources_.end())
        sources.insert(committee->second.begin(), committee->second.end());
    if (auto own = meeting_sources_.find(plan.id); own != meeting_sources_.end())
        for (const auto& [path, _] : own->second) sources.insert(path);
    for (const auto& [path, _] : inputs) sources.insert(path);
    std::string json = "{\n  \"pack\": " + json_string(paths::pack_name(plan.id)) + ",\n  \"sha256\": " + json_string(sha256_hex(pack)) +
                       ",\n  \"meeting\": " + json_string(plan.id) + ",\n  \"generator\": " + json_string(options_.generator) +
                       ",\n  \"audience\": " + json_string(options_.audience == compute::Audience::Members ? "members" : "public") +
                       ",\n  \"archival\": {\"standard\": \"PDF/A-2u\", \"received_as_they_came\": [";
    // The pack claims PDF/A-2u for what agendapack draws; pages of PDFs
    // received from others are placed as they came, unchecked, and may
    // stop it conforming: an archivist is told which.
    bool first_received = true;
    for (const compute::PlacedDocument* placed : plan.documents()) {
        if (!placed->source || !placed->source->received) continue;
        json += std::string(first_received ? "" : ", ") + json_string(placed->source->received->file);
        first_received = false;
    }
    json += "]},\n  \"sources\": [";
    bool first = true;
    for (const auto& path : sources) {
        json += std::string(first ? "" : ",") + "\n    {\"path\": " + json_string(path) + ", \"sha256\": " + json_string(source_sha256(path)) + "}";
        first = false;
    }
    return json + "\n  ]\n}\n";
}

// A source's SHA-256, read once a build (sources do not change during one).
std::string Build::source_sha256(const std::string& path) const {
    {
        std::lock_guard<std::mutex> lock(hashes_mutex_);
        if (auto it = sha256_.find(path); it != sha256_.end()) return it->second;
    }
    const auto bytes = fs_.read(path);
    const std::string digest = bytes ? sha256_hex(*bytes) : "missing";
    std::lock_guard<std::mutex> lock(hashes_mutex_);
    return sha256_.emplace(path, digest).first->second;
}

// The site's pages that belong to no one meeting.
std::vector<compose::SitePage> Build::site_pages(const compose::Context& context) const {
    std::vector<compose::SitePage> pages = compose::committee_pages(context, plans_);
    pages.push_back(compose::accessibility_statement(context, plans_));
    return pages;
}

std::vector<render::html::OutputFile> Build::build_site(const compose::GlossaryUseIndex& uses, bool complete_uses) const {
    const compose::Context context = this->context();
    std::vector<doc::Document> glossary_pages;
    for (const auto& [path, glossary] : site_.glossaries) glossary_pages.push_back(compose::compose_glossary_page(context, glossary, uses));
    std::vector<render::html::OutputFile> files =
        render::html::render_site_pages(compose::site_index(site_, plans_), templates_, glossary_pages, site_pages(context),
                                        compose::search_index(context, plans_));
    if (!complete_uses) std::erase_if(files, [](const auto& file) { return paths::is_glossary_page(file.path); });
    for (auto& file : compose::open_data(context, plans_)) files.push_back({std::move(file.path), std::move(file.bytes)});
    files.push_back({paths::favicon(), compose::favicon(site_.council)});
    if (!site_.council.website.logo_file.empty()) files.push_back({paths::logo(site_.council.website.logo_file), site_.council.website.logo_bytes});
    for (const auto& tracker : compose::export_trackers(context)) {
        files.push_back({paths::tracker_csv(tracker.committee), tracker.csv});
        files.push_back({paths::tracker_json(tracker.committee), tracker.json});
    }
    return files;
}

// ---- what reaches a meeting ------------------------------------------------

void Build::digest_sources(const std::map<std::string, uint64_t>& reads) {
    // content/<committee>/<meeting folder>/… belongs to that meeting;
    // content/<committee>/… to every meeting of the committee; the rest
    // (council.yaml, people.yaml, data files read while indexing, templates,
    // style, fonts) to every meeting.
    std::map<std::string, std::string> meeting_by_folder;  // "<slug>/<folder>" → id
    for (const auto& plan : plans_) meeting_by_folder[plan.committee->slug + "/" + plan.meeting->folder] = plan.id;
    std::map<std::string, Hasher> committees;
    Hasher global;
    global.add(options_.generator);
    global.add(options_.audience == compute::Audience::Members ? "members" : "public");
    const std::string content = join_path(options_.paths.content, "");
    for (const auto& [path, hash] : reads) {
        if (path.rfind(content, 0) == 0) {
            std::string rest = path.substr(content.size());
            auto slash = rest.find('/');
            if (slash != std::string::npos) {
                std::string slug = rest.substr(0, slash);
                auto second = rest.find('/', slash + 1);
                if (second != std::string::npos) {
                    auto meeting = meeting_by_folder.find(rest.substr(0, second));
                    if (meeting != meeting_by_folder.end()) {
                        meeting_sources_[meeting->second][path] = hash;
                        continue;
                    }
                }
                committees[slug].add(path).add(hash);
                committee_sources_[slug].push_back(path);
                continue;
            }
        }
        global.add(path).add(hash);
        global_sources_.push_back(path);
    }
    global_digest_ = global.digest();
    for (const auto& committee : site_.committees) {
        Hasher h = committees[committee.slug];
        h.add(committee_facts(committee));
        committee_digests_[committee.slug] = h.digest();
    }
}

// What a meeting learns from the committee's other meetings: their ids,
// dates and documents (links, "approved at the meeting of"), minute numbers
// and every decision (the tracker).
uint64_t Build::committee_facts(const model::Committee& committee) const {
    Hasher h;
    for (const auto& plan : plans_) {
        if (plan.committee != &committee) continue;
        h.add(plan.id);
        for (const auto* placed : plan.documents())
            h.add(placed->id).add(placed->title).add(uint64_t(placed->source->kind)).add(iso(placed->source->minutes.held));
    }
    const std::string prefix = committee.slug + "/";
    for (auto it = records_.minute_starts.lower_bound(prefix); it != records_.minute_starts.end() && it->first.rfind(prefix, 0) == 0; ++it)
        h.add(it->first).add(uint64_t(it->second));
    if (auto found = records_.resolutions.find(committee.slug); found != records_.resolutions.end())
        for (const auto& r : found->second)
            h.add(r.id).add(r.title).add(compute::decision_words(r)).add(r.minutes_document).add(r.meeting_id);
    return h.digest();
}

std::string Build::meeting_key(const compute::MeetingPlan& plan, const std::map<std::string, uint64_t>& inputs) const {
    Hasher h;
    h.add(global_digest_);
    auto committee = committee_digests_.find(plan.committee->slug);
    h.add(committee == committee_digests_.end() ? 0 : committee->second);
    if (auto own = meeting_sources_.find(plan.id); own != meeting_sources_.end())
        for (const auto& [path, hash] : own->second) h.add(path).add(hash);
    for (const auto& [path, hash] : inputs) h.add(path).add(hash);
    return h.hex();
}

std::map<std::string, uint64_t> Build::rehash(const std::map<std::string, uint64_t>& inputs) const {
    std::map<std::string, uint64_t> now;
    for (const auto& [path, _] : inputs) {
        {
            std::lock_guard<std::mutex> lock(hashes_mutex_);
            if (auto known = hashes_.find(path); known != hashes_.end()) {
                now[path] = known->second;
                continue;
            }
        }
        uint64_t hash = kMissingFile;
        try {
            auto text = fs_.read(path);
            if (text) hash = hash_bytes(*text);
        } catch (const InputError&) {
            hash = kUnreadableFile;  // changed: the meeting's build reads it again and reports why it cannot
        }
        std::lock_guard<std::mutex> lock(hashes_mutex_);
        now[path] = hashes_[path] = hash;
    }
    return now;
}

}  // namespace agendapack::build
