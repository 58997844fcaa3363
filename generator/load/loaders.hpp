// Private to the load module: the per-file readers load_site() composes.
#pragma once

#include <map>

#include "load.hpp"
#include "yaml_fields.hpp"

namespace agendapack::load {

using PeopleRegistry = std::map<std::string, model::Person>;

model::BlockVersion read_block_version(const Fields& f);
model::VersionedBlock read_versions(const YamlText& source, const YamlNode& list, const std::string& key);
std::vector<model::DatedText> read_dated_texts(const YamlText& source, const YamlNode& list, const std::string& key,
                                               const std::string& text_key);
model::Person read_person(const YamlText& source, const YamlNode& node, const PeopleRegistry& people,
                          const std::string& what);
PeopleRegistry load_people(const FileSystem& fs, const std::string& path);
model::Council load_council(const FileSystem& fs, const std::string& content_dir);
// content/cover-sheets.yaml, earliest form first; none when there is no such file.
std::vector<model::CoverForm> load_cover_forms(const FileSystem& fs, const std::string& content_dir);

// A committee's own files (committee.yaml, its year files) and the names of
// its meeting folders, which load_site reads together with every other
// committee's, on `jobs` threads.
struct CommitteeFolder {
    model::Committee committee;
    std::vector<std::string> meeting_folders;
};
CommitteeFolder load_committee(const FileSystem& fs, const std::string& dir, const std::string& slug, const LoadOptions& options,
                               const model::Council& council);
// Runs `step`; with options.errors, the InputError(s) it throws are collected
// instead and loading goes on.
template <typename Step>
void collecting(const LoadOptions& options, Step&& step) {
    if (!options.errors) return step();
    collect_into(*options.errors, step);
}
model::MunicipalYear load_municipal_year(const FileSystem& fs, const std::string& path, int start_year,
                                         const model::Council& council);
// Appointed members as printed: "Name, Body" text, {name, represents} or {vacancy: Role}.
std::vector<std::string> read_appointed_members(const YamlText& source, const YamlNode& list);
std::vector<model::Contact> read_contacts(const YamlText& source, const YamlNode& list, const PeopleRegistry& people);
model::Meeting load_meeting(const FileSystem& fs, const std::string& dir, const std::string& folder,
                            const model::Council& council, const model::Committee& committee);
model::GlossaryEntry read_glossary_entry(const YamlText& source, const YamlNode& node);
// Cover-sheet fields written in meeting.yaml over a report read from a template.
void apply_cover_overrides(const YamlText& source, const YamlNode& overrides, model::Document& report, const model::Council& council);
// `exempt: N` — a paragraph of Schedule 12A, 1 to 7.
model::ExemptParagraph exempt_paragraph(const YamlText& source, const YamlNode& node);
bool names_pdf(const std::string& relative);  // "x.pdf", any case
// A PDF appendix: `title` as meeting.yaml gives it, else the file's own
// metadata (the file is then opened and checked here), else its file name.
model::Document load_received_pdf(const FileSystem& fs, const std::string& meeting_dir, const std::string& relative,
                                  const SourceLocation& listed_at, const std::optional<std::string>& title);
model::Document load_document(const FileSystem& fs, const std::string& meeting_dir, const std::string& relative,
                              const SourceLocation& referenced_from, const model::Council& council);

}  // namespace agendapack::load
