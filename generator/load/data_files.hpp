// The files a meeting's documents name — CSV tables, scorecards and their
// rules, glossaries, pictures — read and parsed here, once each, for
// compose, which reads no file itself. One per meeting build (or index),
// shared by the threads composing that meeting's documents; what it reads
// goes through the file system it is given, so a build can record it as the
// meeting's inputs.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "load.hpp"

namespace agendapack::load {

class DataFiles {
public:
    DataFiles(const FileSystem& fs, std::string data_dir) : fs_(fs), data_dir_(std::move(data_dir)) {}
    DataFiles(const DataFiles&) = delete;
    DataFiles& operator=(const DataFiles&) = delete;

    // A CSV inside data/, parsed; errors at `from` (where a document names it) or in the file.
    const CsvTable& csv(const std::string& relative, const SourceLocation& from);
    // A scorecard CSV and its rules file inside data/.
    const model::Scorecard& scorecard(const std::string& csv, const SourceLocation& csv_from, const std::string& rules,
                                      const SourceLocation& rules_from);
    // A glossary YAML inside data/.
    const model::Glossary& glossary(const std::string& relative, const SourceLocation& from);
    // A document body the index let go of, read again from its file.
    model::Markdown body(const model::Markdown& released) const { return read_body(fs_, released); }
    // A PDF appendix, read whole (pages, words, ink, bookmarks); errors at `listed_at`.
    std::shared_ptr<const ReceivedPdf> received_pdf(const std::string& path, const std::string& name, const SourceLocation& listed_at);
    // A file's bytes by its path (pictures beside their documents); nullopt when there is none.
    const std::optional<std::string>& file(const std::string& path);

private:
    const FileSystem& fs_;
    std::string data_dir_;
    std::map<std::string, CsvTable> csvs_;
    std::map<std::string, model::Scorecard> scorecards_;  // by "csv\nrules"
    std::map<std::string, model::Glossary> glossaries_;
    std::map<std::string, std::optional<std::string>> files_;
    std::map<std::string, std::shared_ptr<const ReceivedPdf>> received_;
    // A meeting's documents may be composed on several threads; each file is
    // read once, by whichever asks first (entries never move once made).
    std::mutex mutex_;
};

}  // namespace agendapack::load
