#include "yaml_fields.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <string_view>
#include <unordered_set>

namespace agendapack::load {

SourceLocation YamlText::at(const YamlMark& mark) const {
    if (mark.line < 0) return {file, 0, 0};
    return {file, mark.line + first_line, mark.column + 1};
}

void YamlText::fail(const YamlNode& node, const std::string& message) const { throw InputError(at(node), message); }

namespace {

YamlMark mark_of(const YAML::Mark& mark) { return {mark.pos, mark.line, mark.column}; }

// yaml-cpp's messages name parser states; officers need to know what to type.
std::string plain_yaml_message(const std::string& message) {
    static const std::pair<const char*, const char*> plain[] = {
        {"end of sequence flow not found", "a list opened with '[' is never closed with ']'"},
        {"end of map flow not found", "a mapping opened with '{' is never closed with '}'"},
        {"illegal map value", "unexpected ': ' inside a value: put the whole value in double quotes"},
        {"end of sequence not found", "a list item is indented differently from the items before it"},
        {"end of map not found", "a key is indented differently from the keys before it"},
        {"unknown escape character", "unknown escape after '\\' in a double-quoted value: write '\\\\' for a backslash"},
    };
    for (const auto& [raw, words] : plain)
        if (message == raw) return std::string("YAML syntax error: ") + words;
    return "YAML syntax error: " + message;
}

// The lists and mappings still open where the parser gave up on a text,
// outermost first: yaml-cpp reports where it stopped, which for a '[' never
// closed is the end of the text, and for nesting too deep the end of the
// line, not where the trouble starts. Read again, on the error path only.
class OpenCollections : public YAML::EventHandler {
public:
    struct Open {
        YAML::Mark mark;
        bool sequence;
        bool flow;  // written [ ] or { }
    };
    std::vector<Open> open;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value style) override {
        open.push_back({mark, true, style == YAML::EmitterStyle::Flow});
    }
    void OnSequenceEnd() override { pop(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value style) override {
        open.push_back({mark, false, style == YAML::EmitterStyle::Flow});
    }
    void OnMapEnd() override { pop(); }

private:
    void pop() {
        if (!open.empty()) open.pop_back();
    }
};

std::vector<OpenCollections::Open> open_where_parsing_stops(const std::string& text) {
    std::istringstream in(text);
    OpenCollections collections;
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(collections);
    } catch (const YAML::Exception&) {
    }
    return collections.open;
}

}  // namespace

std::unique_ptr<const YamlTree> parse_yaml(const YamlText& source) {
    check_utf8(source.text, {source.file, source.first_line, 1});
    try {
        return YamlTree::parse(source.text);
    } catch (const YAML::DeepRecursion& e) {
        const auto open = open_where_parsing_stops(source.text);
        throw InputError(source.at(mark_of(open.empty() ? e.mark : open.back().mark)),
                         "YAML syntax error: lists and mappings are nested " + std::to_string(open.size()) +
                             " deep here, too deep to read (no agendapack file needs more than a few levels): look for "
                             "brackets never closed, or lines indented further and further");
    } catch (const YAML::ParserException& e) {
        // A '[' or '{' never closed: at the bracket, not where the text ran out.
        const bool list = e.msg == "end of sequence flow not found", mapping = e.msg == "end of map flow not found";
        if (list || mapping) {
            const auto open = open_where_parsing_stops(source.text);
            for (auto it = open.rbegin(); it != open.rend(); ++it)
                if (it->flow && it->sequence == list) throw InputError(source.at(mark_of(it->mark)), plain_yaml_message(e.msg));
        }
        throw InputError(source.at(mark_of(e.mark)), plain_yaml_message(e.msg));
    }
}

namespace {

std::string describe(const YamlNode& node) {
    if (node.is_map()) return "a mapping";
    if (node.is_list()) return "a list";
    if (node.is_scalar()) return "'" + node.text() + "'";
    return "nothing";
}

}  // namespace

Fields::Fields(const YamlText& source, const YamlNode& node, std::vector<std::string> known, std::string what)
    : source_(source), node_(node), what_(std::move(what)) {
    if (!node.is_map()) source.fail(node, what_ + " must be a mapping of keys to values, not " + describe(node));
    // Most mappings have a few keys (a person, a document), checked by
    // search, which allocates nothing; one may also hold tens of thousands
    // (people.yaml, a glossary's terms), checked against hash sets, so that
    // checking stays linear.
    constexpr size_t kSearched = 16;
    const bool many = node.size() > kSearched, many_known = known.size() > kSearched;
    std::unordered_set<std::string_view> allowed, seen;
    if (many_known) allowed.insert(known.begin(), known.end());
    if (many) seen.reserve(node.size());
    const auto entries = node.entries();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        const YamlNode key_node = (*it).key;
        if (!key_node.is_scalar()) source.fail(key_node, "a key in " + what_ + " must be a plain word");
        const std::string& key = key_node.text();  // held by the tree, which outlives this loop
        bool repeated = false;
        if (many) repeated = !seen.insert(key).second;
        else
            for (auto earlier = entries.begin(); earlier != it && !repeated; ++earlier) repeated = (*earlier).key.text() == key;
        if (repeated) source.fail(key_node, "duplicate key '" + key + "' in " + what_);
        const bool is_known = many_known ? allowed.count(key) > 0 : std::find(known.begin(), known.end(), key) != known.end();
        if (!is_known) source.fail(key_node, unknown_name("key", key, known) + " in " + what_);
    }
}

bool Fields::has(const std::string& key) const { return bool(node_[key]); }

YamlNode Fields::node(const std::string& key) const { return node_[key]; }

YamlNode Fields::require(const std::string& key) const {
    YamlNode value = node_[key];
    if (!value) source_.fail(node_, what_ + " is missing the required key '" + key + "'");
    return value;
}

std::string scalar_string(const YamlText& source, const YamlNode& value, const std::string& key) {
    if (!value.is_scalar()) source.fail(value, "'" + key + "' must be text, not " + describe(value));
    return value.text();
}

Date scalar_date(const YamlText& source, const YamlNode& value, const std::string& key) {
    std::string text = scalar_string(source, value, key);
    auto date = parse_iso_date(text);
    if (!date) source.fail(value, "'" + key + "' must be a date written YYYY-MM-DD, not '" + text + "'");
    return *date;
}

void require_sequence(const YamlText& source, const YamlNode& value, const std::string& key) {
    if (!value.is_list()) source.fail(value, "'" + key + "' must be a list, not " + describe(value));
}

model::Markdown scalar_markdown(const YamlText& source, const YamlNode& value, const std::string& key) {
    model::Markdown md;
    md.text = scalar_string(source, value, key);
    md.origin = source.at(value);
    // A block scalar (| or >) starts its text on the line after the indicator.
    const auto& mark = value.mark();
    if (mark.pos >= 0 && static_cast<size_t>(mark.pos) < source.text.size()) {
        char indicator = source.text[mark.pos];
        if (indicator == '|' || indicator == '>') {
            md.origin.line += 1;
            md.origin.column = 1;
        }
    }
    return md;
}

std::string Fields::string(const std::string& key) const { return scalar_string(source_, require(key), key); }

std::optional<std::string> Fields::optional_string(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    return scalar_string(source_, node_[key], key);
}

std::string Fields::string_or(const std::string& key, const std::string& fallback) const {
    return optional_string(key).value_or(fallback);
}

Date Fields::date(const std::string& key) const { return scalar_date(source_, require(key), key); }

std::optional<Date> Fields::optional_date(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    return scalar_date(source_, node_[key], key);
}

bool Fields::boolean_or(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    std::string text = scalar_string(source_, node_[key], key);
    if (auto value = parse_yes_no(text)) return *value;
    source_.fail(node_[key], "'" + key + "' must be true or false, not '" + text + "'");
}

int Fields::integer_or(const std::string& key, int fallback) const {
    if (!has(key)) return fallback;
    std::string text = scalar_string(source_, node_[key], key);
    try {
        size_t used = 0;
        int value = std::stoi(text, &used);
        if (used == text.size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
    source_.fail(node_[key], "'" + key + "' must be a whole number, not '" + text + "'");
}

std::vector<std::string> Fields::strings(const std::string& key) const {
    std::vector<std::string> out;
    if (!has(key)) return out;
    YamlNode list = node_[key];
    require_sequence(source_, list, key);
    for (const auto& item : list.items()) out.push_back(scalar_string(source_, item, key));
    return out;
}

model::Markdown Fields::markdown(const std::string& key) const {
    if (!has(key)) return model::Markdown{"", where()};
    return scalar_markdown(source_, node_[key], key);
}

}  // namespace agendapack::load
