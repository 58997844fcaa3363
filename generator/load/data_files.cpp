#include "data_files.hpp"

namespace agendapack::load {

const CsvTable& DataFiles::csv(const std::string& relative, const SourceLocation& from) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = csvs_.find(relative);
    if (it == csvs_.end()) it = csvs_.emplace(relative, load_csv(fs_, data_dir_, relative, from)).first;
    return it->second;
}

const model::Scorecard& DataFiles::scorecard(const std::string& csv, const SourceLocation& csv_from, const std::string& rules,
                                             const SourceLocation& rules_from) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string key = csv + "\n" + rules;
    auto it = scorecards_.find(key);
    if (it == scorecards_.end()) it = scorecards_.emplace(key, load_scorecard(fs_, data_dir_, csv, csv_from, rules, rules_from)).first;
    return it->second;
}

const model::Glossary& DataFiles::glossary(const std::string& relative, const SourceLocation& from) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = glossaries_.find(relative);
    if (it == glossaries_.end()) it = glossaries_.emplace(relative, load_glossary(fs_, data_dir_, relative, from)).first;
    return it->second;
}

std::shared_ptr<const ReceivedPdf> DataFiles::received_pdf(const std::string& path, const std::string& name,
                                                           const SourceLocation& listed_at) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = received_.find(path); it != received_.end()) return it->second;
    }
    auto bytes = fs_.read(path);
    if (!bytes) throw InputError(listed_at, "document '" + name + "' was removed while the site was being built");
    auto received = read_received_pdf(std::move(*bytes), name, listed_at);
    std::lock_guard<std::mutex> lock(mutex_);
    return received_.emplace(path, std::move(received)).first->second;
}

const std::optional<std::string>& DataFiles::file(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(path);
    if (it == files_.end()) it = files_.emplace(path, fs_.read(path)).first;
    return it->second;
}

}  // namespace agendapack::load
