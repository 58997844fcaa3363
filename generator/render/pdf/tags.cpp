#include "tags.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "content.hpp"

namespace agendapack::render::pdf {

std::string utf16_text(const std::string& utf8) {
    std::string out = "\xFE\xFF";
    auto unit = [&](uint32_t u) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    };
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = decode_utf8(utf8, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

bool printable_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

namespace {

uint32_t object_of(void* libharu_object) { return static_cast<HPDF_Obj_Header*>(libharu_object)->obj_id & 0x00FFFFFF; }

// A text string: plain ASCII as it is (every reader shows it), anything
// else as UTF-16 in hex.
std::string text_string(const std::string& utf8) {
    if (printable_ascii(utf8)) {
        std::string out;
        append_literal(out, utf8);
        return out;
    }
    static const char* hex = "0123456789ABCDEF";
    std::string out = "<";
    for (unsigned char c : utf16_text(utf8)) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out + ">";
}

using Tree = StructureTree;

// Makes the elements of one file's pages, each when its first content is
// met, so the tree takes the order the pages are read in (a paragraph's
// links among its words). A row makes all its cells at once: an empty cell
// keeps its column.
class Builder {
public:
    // Starts the tree with its Document element (element 0), named `title`.
    Builder(std::vector<Tree::Element>& elements, const std::string& title) : elements_(elements) {
        document_ = add("Document", -1);
        if (!title.empty()) elements_[static_cast<size_t>(document_)].extras = "/T" + text_string(title);
    }

    struct Part {
        const Structure* structure = nullptr;
        int sect = -1;
        std::vector<int> made;  // node → element, -1 not yet
        std::vector<std::vector<int>> children;
    };

    Part& part(const Structure* structure) {
        auto found = parts_.find(structure);
        if (found != parts_.end()) return found->second;
        Part& p = parts_[structure];
        p.structure = structure;
        p.sect = add("Sect", document_);
        if (!structure->title.empty()) elements_[static_cast<size_t>(p.sect)].extras = "/T" + text_string(structure->title);
        p.made.assign(structure->nodes.size(), -1);
        p.children.resize(structure->nodes.size());
        for (size_t n = 0; n < structure->nodes.size(); ++n)
            if (structure->nodes[n].parent >= 0) p.children[static_cast<size_t>(structure->nodes[n].parent)].push_back(static_cast<int>(n));
        return p;
    }

    int ensure(Part& p, int node) {
        if (p.made[static_cast<size_t>(node)] >= 0) return p.made[static_cast<size_t>(node)];
        const StructNode& n = p.structure->nodes[static_cast<size_t>(node)];
        const int parent = n.parent < 0 ? p.sect : ensure(p, n.parent);
        if (p.made[static_cast<size_t>(node)] >= 0) return p.made[static_cast<size_t>(node)];  // its row made it
        const int e = add(role_name(n.role), parent);
        p.made[static_cast<size_t>(node)] = e;
        std::string& extras = elements_[static_cast<size_t>(e)].extras;
        if (!n.alt.empty()) extras += "/Alt" + text_string(n.alt);
        if ((n.role == StructNode::Role::TH || n.role == StructNode::Role::TD) &&
            (n.scope != StructNode::Scope::None || n.colspan > 1 || n.rowspan > 1)) {
            extras += "/A<</O/Table";
            if (n.scope != StructNode::Scope::None) extras += n.scope == StructNode::Scope::Column ? "/Scope/Column" : "/Scope/Row";
            if (n.colspan > 1) extras += "/ColSpan " + std::to_string(n.colspan);
            if (n.rowspan > 1) extras += "/RowSpan " + std::to_string(n.rowspan);
            extras += ">>";
        }
        if (n.role == StructNode::Role::TR)
            for (int cell : p.children[static_cast<size_t>(node)]) ensure(p, cell);
        return e;
    }

    int add(const char* role, int parent) {
        Tree::Element e;
        e.role = role;
        e.parent = parent;
        elements_.push_back(std::move(e));
        const int index = static_cast<int>(elements_.size()) - 1;
        if (parent >= 0) elements_[static_cast<size_t>(parent)].kids.push_back({Tree::Kid::Element, static_cast<uint32_t>(index), 0});
        return index;
    }

private:
    std::vector<Tree::Element>& elements_;
    int document_ = -1;
    std::map<const Structure*, Part> parts_;
};

std::string ref(uint32_t object) { return std::to_string(object) + " 0 R"; }

}  // namespace

StructureTree::StructureTree(HPDF_Doc pdf, const std::string& title, const std::vector<TaggedPage>& pages) {
    HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, root);
    root_ = object_of(root);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);

    Builder parts(elements_, title);
    auto add_content = [&](int e, uint32_t page, uint32_t mcid) {
        Element& element = elements_[static_cast<size_t>(e)];
        if (element.page == 0) element.page = page;
        // Content on its own page is an MCID; elsewhere it says its page.
        if (element.page == page) element.kids.push_back({Kid::Mcid, mcid, 0});
        else element.kids.push_back({Kid::MarkedRef, mcid, page});
    };
    std::vector<std::pair<HPDF_Annotation, uint32_t>> annotations;  // and their elements
    for (const TaggedPage& tagged : pages) {
        // Tab order follows the structure (PDF/UA); every page a key of its own.
        HPDF_Dict_AddName(tagged.page, "Tabs", "S");
        HPDF_Dict_AddNumber(tagged.page, "StructParents", static_cast<HPDF_INT32>(parent_tree_.size()));
        const uint32_t page = object_of(tagged.page);
        std::vector<uint32_t> owners;
        if (tagged.structure && tagged.marks) {
            Builder::Part& part = parts.part(tagged.structure);
            for (size_t mcid = 0; mcid < tagged.marks->size(); ++mcid) {
                const int e = parts.ensure(part, (*tagged.marks)[mcid]);
                add_content(e, page, static_cast<uint32_t>(mcid));
                owners.push_back(static_cast<uint32_t>(e));
            }
            for (const auto& [annotation, node] : tagged.links) {
                if (node < 0 || static_cast<size_t>(node) >= tagged.structure->nodes.size()) continue;
                const int e = parts.ensure(part, node);
                elements_[static_cast<size_t>(e)].kids.push_back({Kid::ObjectRef, object_of(annotation), page});
                annotations.emplace_back(annotation, static_cast<uint32_t>(e));
            }
        }
        parent_tree_.push_back(std::move(owners));
    }
    page_keys_ = parent_tree_.size();
    for (const auto& [annotation, e] : annotations) {
        HPDF_Dict_AddNumber(annotation, "StructParent", static_cast<HPDF_INT32>(parent_tree_.size()));
        parent_tree_.push_back({e});
    }
}

void StructureTree::append_to(Update& update, uint32_t next_object) const {
    // Object numbers: the root keeps its own; elements follow from next_object.
    auto element_object = [&](size_t e) { return next_object + static_cast<uint32_t>(e); };
    auto parent_of = [&](int parent) { return parent < 0 ? root_ : element_object(static_cast<size_t>(parent)); };
    {
        std::string r = "<</Type/StructTreeRoot/K " + ref(element_object(0)) + "/ParentTree<</Nums[";
        // A page's key holds its elements by MCID; an annotation's, its element.
        for (size_t key = 0; key < parent_tree_.size(); ++key) {
            r += std::to_string(key) + " ";
            if (key >= page_keys_) {
                r += ref(element_object(parent_tree_[key].front())) + " ";
                continue;
            }
            r += "[";
            for (uint32_t e : parent_tree_[key]) r += ref(element_object(e)) + " ";
            r += "]";
        }
        r += "]>>/ParentTreeNextKey " + std::to_string(parent_tree_.size()) + ">>";
        update.add_packed(root_, std::move(r));
    }
    for (size_t e = 0; e < elements_.size(); ++e) {
        const Element& element = elements_[e];
        std::string o = "<</S/" + std::string(element.role) + "/P " + ref(parent_of(element.parent));
        if (element.page) o += "/Pg " + ref(element.page);
        o += element.extras + "/K[";
        for (const Kid& kid : element.kids) {
            switch (kid.kind) {
                case Kid::Element: o += ref(element_object(kid.a)); break;
                case Kid::Mcid: o += std::to_string(kid.a); break;
                case Kid::MarkedRef: o += "<</Type/MCR/Pg " + ref(kid.page) + "/MCID " + std::to_string(kid.a) + ">>"; break;
                case Kid::ObjectRef: o += "<</Type/OBJR/Pg " + ref(kid.page) + "/Obj " + ref(kid.a) + ">>"; break;
            }
            o += ' ';
        }
        o += "]>>";
        update.add_packed(element_object(e), std::move(o));
    }
}

}  // namespace agendapack::render::pdf
