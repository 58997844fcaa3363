#include "yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

namespace agendapack::load {

namespace {

const YamlTree::Node& at(const YamlTree* tree, uint32_t index) { return tree->node(index); }

}  // namespace

bool YamlNode::is_map() const { return tree_ && at(tree_, index_).kind == YamlTree::Kind::Map; }
bool YamlNode::is_list() const { return tree_ && at(tree_, index_).kind == YamlTree::Kind::List; }
bool YamlNode::is_scalar() const { return tree_ && at(tree_, index_).kind == YamlTree::Kind::Scalar; }
bool YamlNode::is_null() const { return tree_ && at(tree_, index_).kind == YamlTree::Kind::Null; }

const std::string& YamlNode::text() const {
    static const std::string none;
    return is_scalar() ? at(tree_, index_).text : none;
}

YamlMark YamlNode::mark() const { return tree_ ? at(tree_, index_).mark : YamlMark{}; }

size_t YamlNode::size() const {
    if (!tree_) return 0;
    const auto& node = at(tree_, index_);
    if (node.kind == YamlTree::Kind::Map) return node.count / 2;
    return node.kind == YamlTree::Kind::List ? node.count : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
    if (!is_map()) return {};
    for (const auto& [k, value] : entries())
        if (k.is_scalar() && k.text() == key) return value;
    return {};
}

YamlNode YamlNode::item(size_t index) const {
    if (!is_list() || index >= size()) return {};
    return {tree_, tree_->child(at(tree_, index_).first + static_cast<uint32_t>(index))};
}

YamlNode::Range<YamlNode> YamlNode::items() const {
    if (!is_list()) return {tree_, 0, 0};
    const auto& node = at(tree_, index_);
    return {tree_, node.first, node.count};
}

YamlNode::Range<YamlEntry> YamlNode::entries() const {
    if (!is_map()) return {tree_, 0, 0};
    const auto& node = at(tree_, index_);
    return {tree_, node.first, node.count};
}

YamlNode YamlNode::empty_map() {
    static const std::unique_ptr<const YamlTree> empty = YamlTree::parse("");
    return empty->root();
}

// Builds the tree from yaml-cpp's events. A collection's children arrive
// mixed with its descendants', so each open collection gathers its own
// and moves them into the tree's one children array when it closes.
class YamlTreeBuilder : public YAML::EventHandler {
public:
    explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(YamlTree::Kind::Null, mark, anchor, {}); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override { attach(anchors_.at(anchor)); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        add(YamlTree::Kind::Scalar, mark, anchor, value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open_.push_back({add(YamlTree::Kind::List, mark, anchor, {}), {}});
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open_.push_back({add(YamlTree::Kind::Map, mark, anchor, {}), {}});
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        uint32_t index;
        std::vector<uint32_t> children;
    };

    uint32_t add(YamlTree::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor, const std::string& text) {
        const auto index = static_cast<uint32_t>(tree_.nodes_.size());
        tree_.nodes_.push_back({kind, {mark.pos, mark.line, mark.column}, text, 0, 0});
        if (anchor != YAML::NullAnchor) anchors_[anchor] = index;
        attach(index);
        return index;
    }
    void attach(uint32_t index) {
        if (!open_.empty()) open_.back().children.push_back(index);
    }
    void close() {
        Open done = std::move(open_.back());
        open_.pop_back();
        auto& node = tree_.nodes_[done.index];
        node.first = static_cast<uint32_t>(tree_.children_.size());
        node.count = static_cast<uint32_t>(done.children.size());
        tree_.children_.insert(tree_.children_.end(), done.children.begin(), done.children.end());
    }

    YamlTree& tree_;
    std::vector<Open> open_;
    std::unordered_map<YAML::anchor_t, uint32_t> anchors_;
};

std::unique_ptr<const YamlTree> YamlTree::parse(const std::string& text) {
    auto tree = std::make_unique<YamlTree>();
    {
        std::istringstream in(text);
        YAML::Parser parser(in);
        YamlTreeBuilder builder(*tree);
        parser.HandleNextDocument(builder);
    }
    // No document, or a document of nothing: an empty mapping.
    if (tree->nodes_.empty() || tree->nodes_[0].kind == Kind::Null) {
        tree->nodes_.clear();
        tree->children_.clear();
        tree->nodes_.push_back({Kind::Map, {}, {}, 0, 0});
    }
    return tree;
}

}  // namespace agendapack::load
