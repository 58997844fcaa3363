// Private to compose: the options of agendapack's fenced blocks (```table,
// ```scorecard, ```chart). One `name: value` per line, not YAML, so a caption
// like "Pupils (Source: DfE)" needs no quoting; lists are split by " | ".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../load/load.hpp"
#include "compose.hpp"

namespace agendapack::compose {

class FenceOptions {
public:
    FenceOptions(const std::string& block, const std::string& body, const SourceLocation& where, std::vector<std::string> known);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    const std::string& get(const std::string& name) const;  // the option must be there
    std::string get_or(const std::string& name, const std::string& fallback) const;
    SourceLocation at(const std::string& name) const;  // where its value starts
    std::vector<std::string> list(const std::string& name) const;  // "a | b | c"
    bool yes_no(const std::string& name, bool fallback) const;
    const std::string& require(const std::string& name, const std::string& hint) const;
    doc::Inlines inline_markdown(const std::string& name) const;
    doc::Block source_note(const std::string& role) const;  // "Source: …" from the `source` option
    const SourceLocation& where() const { return where_; }
    const std::string& block() const { return block_; }

private:
    std::string block_;
    SourceLocation where_;
    std::map<std::string, std::pair<std::string, SourceLocation>> values_;
};

doc::Block table_from_fence(const Context& context, const FenceOptions& options);
doc::Blocks scorecard_from_fence(const Context& context, const FenceOptions& options);
doc::Blocks chart_from_fence(const Context& context, const FenceOptions& options);
doc::Blocks glossary_from_fence(const Context& context, const FenceOptions& options);
doc::Block tracker_from_fence(const Context& context, const FenceOptions& options);

}  // namespace agendapack::compose
