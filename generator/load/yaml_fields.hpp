// Strict reading of YAML mappings: every key known, none repeated, every
// value of the expected type, all errors at file:line:col. YAML itself
// (and yaml-cpp, which reads it) accepts duplicate keys silently and has
// no notion of a schema.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../model/model.hpp"
#include "../support/support.hpp"
#include "yaml_tree.hpp"

namespace agendapack::load {

// A YAML text and where it sits in its file (front matter starts below line 1).
struct YamlText {
    std::string file;
    std::string text;
    int first_line = 1;

    SourceLocation at(const YamlMark& mark) const;
    SourceLocation at(const YamlNode& node) const { return at(node.mark()); }
    [[noreturn]] void fail(const YamlNode& node, const std::string& message) const;
};

// Parses text, turning yaml-cpp's exceptions into InputErrors; an empty
// document is an empty mapping. The tree's nodes live as long as it does.
std::unique_ptr<const YamlTree> parse_yaml(const YamlText& source);

class Fields {
public:
    // Checks `node` is a mapping whose keys are all in `known` and unrepeated.
    Fields(const YamlText& source, const YamlNode& node, std::vector<std::string> known, std::string what);

    bool has(const std::string& key) const;
    YamlNode node(const std::string& key) const;  // invalid node when absent
    SourceLocation where() const { return source_.at(node_); }
    const YamlText& source() const { return source_; }

    std::string string(const std::string& key) const;  // required
    std::optional<std::string> optional_string(const std::string& key) const;
    std::string string_or(const std::string& key, const std::string& fallback) const;
    Date date(const std::string& key) const;
    std::optional<Date> optional_date(const std::string& key) const;
    bool boolean_or(const std::string& key, bool fallback) const;
    int integer_or(const std::string& key, int fallback) const;
    std::vector<std::string> strings(const std::string& key) const;  // list of scalars; [] when absent
    model::Markdown markdown(const std::string& key) const;          // "" when absent
    // Required key: an error naming the mapping when it is missing.
    YamlNode require(const std::string& key) const;

private:
    const YamlText& source_;
    YamlNode node_;
    std::string what_;
};

// Converters for single values, shared by Fields and list readers.
std::string scalar_string(const YamlText& source, const YamlNode& value, const std::string& key);
Date scalar_date(const YamlText& source, const YamlNode& value, const std::string& key);
model::Markdown scalar_markdown(const YamlText& source, const YamlNode& value, const std::string& key);
void require_sequence(const YamlText& source, const YamlNode& value, const std::string& key);

}  // namespace agendapack::load
