// A parsed YAML text as one compact, read-only tree. yaml-cpp reads the
// text (its scanner, its errors); its event interface feeds this tree
// instead of yaml-cpp's own nodes, which cost a shared, reference-counted
// allocation per node to make and again to free: for a people.yaml of
// 52,000 people, half the time of loading it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace agendapack::load {

// Where a node starts in its text, 0-based as yaml-cpp counts; -1 when
// the node was not read from a text (the empty mapping of an empty file).
struct YamlMark {
    int pos = -1;
    int line = -1;
    int column = -1;
};

class YamlTree;
struct YamlEntry;

// A handle on one node of a tree: cheap to copy, valid while its tree
// lives. A default handle is "absent": what looking up a missing key gives.
class YamlNode {
public:
    YamlNode() = default;
    YamlNode(const YamlTree* tree, uint32_t index) : tree_(tree), index_(index) {}

    explicit operator bool() const { return tree_ != nullptr; }
    bool is_map() const;
    bool is_list() const;
    bool is_scalar() const;
    bool is_null() const;  // written as nothing, ~ or null
    const std::string& text() const;  // a scalar's text; "" for anything else
    YamlMark mark() const;
    size_t size() const;  // a mapping's entries or a list's items; 0 for the rest

    // A mapping's value for the first entry with this key; absent when
    // there is none or this is not a mapping.
    YamlNode operator[](std::string_view key) const;
    // A list's item at this index; absent past its end or for a non-list.
    YamlNode item(size_t index) const;

    // A list's items, or a mapping's entries (key and value), in written order.
    template <typename T>
    class Range;
    Range<YamlNode> items() const;
    Range<YamlEntry> entries() const;

    // An empty mapping of no text, for a section a file leaves out.
    static YamlNode empty_map();

private:
    const YamlTree* tree_ = nullptr;
    uint32_t index_ = 0;
};

struct YamlEntry {
    YamlNode key, value;
};

class YamlTree {
public:
    enum class Kind : uint8_t { Null, Scalar, List, Map };
    struct Node {
        Kind kind = Kind::Null;
        YamlMark mark;
        std::string text;
        // Children in `children`: a list's items, a mapping's keys and
        // values in turn. An alias is its anchor's node, shared.
        uint32_t first = 0, count = 0;
    };

    // Reads a YAML text's first document; an empty text is an empty
    // mapping. Throws yaml-cpp's exceptions (YAML::ParserException,
    // YAML::DeepRecursion) for text it cannot read.
    static std::unique_ptr<const YamlTree> parse(const std::string& text);

    YamlNode root() const { return {this, 0}; }
    const Node& node(uint32_t index) const { return nodes_[index]; }
    uint32_t child(uint32_t at) const { return children_[at]; }

private:
    friend class YamlTreeBuilder;
    std::vector<Node> nodes_;
    std::vector<uint32_t> children_;
};

template <typename T>
class YamlNode::Range {
public:
    class iterator {
    public:
        iterator(const YamlTree* tree, uint32_t at) : tree_(tree), at_(at) {}
        T operator*() const {
            if constexpr (std::is_same_v<T, YamlEntry>)
                return {YamlNode(tree_, tree_->child(at_)), YamlNode(tree_, tree_->child(at_ + 1))};
            else
                return YamlNode(tree_, tree_->child(at_));
        }
        iterator& operator++() {
            at_ += std::is_same_v<T, YamlEntry> ? 2 : 1;
            return *this;
        }
        bool operator!=(const iterator& other) const { return at_ != other.at_; }
        bool operator==(const iterator& other) const { return at_ == other.at_; }

    private:
        const YamlTree* tree_;
        uint32_t at_;
    };
    Range(const YamlTree* tree, uint32_t first, uint32_t count) : tree_(tree), first_(first), count_(count) {}
    iterator begin() const { return {tree_, first_}; }
    iterator end() const { return {tree_, first_ + count_}; }

private:
    const YamlTree* tree_;
    uint32_t first_, count_;
};

}  // namespace agendapack::load
