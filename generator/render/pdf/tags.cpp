#include "tags.hpp"

#include <hpdf_objects.h>
#include <hpdf_doc.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

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

namespace {

class TreeBuilder {
public:
    explicit TreeBuilder(HPDF_Doc pdf) : pdf_(pdf), mmgr_(pdf->mmgr) {}

    HPDF_Dict element(const char* role, HPDF_Dict parent, HPDF_Array siblings) {
        HPDF_Dict e = HPDF_Dict_New(mmgr_);
        HPDF_Xref_Add(pdf_->xref, e);
        HPDF_Dict_AddName(e, "S", role);
        HPDF_Dict_Add(e, "P", parent);
        HPDF_Array kids = HPDF_Array_New(mmgr_);
        HPDF_Dict_Add(e, "K", kids);
        kids_[e] = kids;
        if (siblings) HPDF_Array_Add(siblings, e);
        return e;
    }

    // Plain ASCII as it is (every reader shows it), anything else as UTF-16.
    void text(HPDF_Dict e, const char* key, const std::string& utf8) {
        if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
            HPDF_Dict_Add(e, key, HPDF_String_New(mmgr_, utf8.c_str(), nullptr));
            return;
        }
        const std::string bytes = utf16_text(utf8);
        HPDF_Dict_Add(e, key, HPDF_Binary_New(mmgr_, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())), static_cast<HPDF_UINT>(bytes.size())));
    }

    // Everything one document of the file contributes.
    struct Part {
        const Structure* structure = nullptr;
        HPDF_Dict sect = nullptr;
        std::vector<HPDF_Dict> elements;
        std::vector<std::vector<int>> children;
    };

    Part& part(const Structure* structure, HPDF_Dict document) {
        auto found = parts_.find(structure);
        if (found != parts_.end()) return found->second;
        Part& p = parts_[structure];
        p.structure = structure;
        p.sect = element("Sect", document, kids_.at(document));
        if (!structure->title.empty()) text(p.sect, "T", structure->title);
        p.elements.assign(structure->nodes.size(), nullptr);
        p.children.resize(structure->nodes.size());
        for (size_t n = 0; n < structure->nodes.size(); ++n)
            if (structure->nodes[n].parent >= 0) p.children[static_cast<size_t>(structure->nodes[n].parent)].push_back(static_cast<int>(n));
        return p;
    }

    // An element is made when its first content is marked, so the tree
    // takes the order the pages are read in (a paragraph's links among its
    // words). A row makes all its cells at once: an empty cell keeps its column.
    HPDF_Dict ensure(Part& p, int node) {
        HPDF_Dict& made = p.elements[static_cast<size_t>(node)];
        if (made) return made;
        const StructNode& n = p.structure->nodes[static_cast<size_t>(node)];
        HPDF_Dict parent = n.parent < 0 ? p.sect : ensure(p, n.parent);
        if (made) return made;  // its row made it, with the row's other cells
        HPDF_Dict e = element(role_name(n.role), parent, kids_.at(parent));
        made = e;
        if (!n.alt.empty()) text(e, "Alt", n.alt);
        if ((n.role == StructNode::Role::TH || n.role == StructNode::Role::TD) &&
            (n.scope != StructNode::Scope::None || n.colspan > 1 || n.rowspan > 1)) {
            HPDF_Dict attributes = HPDF_Dict_New(mmgr_);
            HPDF_Dict_AddName(attributes, "O", "Table");
            if (n.scope != StructNode::Scope::None) HPDF_Dict_AddName(attributes, "Scope", n.scope == StructNode::Scope::Column ? "Column" : "Row");
            if (n.colspan > 1) HPDF_Dict_AddNumber(attributes, "ColSpan", n.colspan);
            if (n.rowspan > 1) HPDF_Dict_AddNumber(attributes, "RowSpan", n.rowspan);
            HPDF_Dict_Add(e, "A", attributes);
        }
        if (n.role == StructNode::Role::TR)
            for (int cell : p.children[static_cast<size_t>(node)]) ensure(p, cell);
        return e;
    }

    // The element's page is its first content's; content on other pages
    // says its page.
    void add_content(HPDF_Dict e, HPDF_Page page, int mcid) {
        auto [at, first] = pages_.emplace(e, page);
        if (first) HPDF_Dict_Add(e, "Pg", page);
        if (at->second == page) {
            HPDF_Array_AddNumber(kids_.at(e), mcid);
            return;
        }
        HPDF_Dict reference = HPDF_Dict_New(mmgr_);
        HPDF_Dict_AddName(reference, "Type", "MCR");
        HPDF_Dict_Add(reference, "Pg", page);
        HPDF_Dict_AddNumber(reference, "MCID", mcid);
        HPDF_Array_Add(kids_.at(e), reference);
    }

    void add_annotation(HPDF_Dict e, HPDF_Page page, HPDF_Annotation annotation) {
        HPDF_Dict reference = HPDF_Dict_New(mmgr_);
        HPDF_Dict_AddName(reference, "Type", "OBJR");
        HPDF_Dict_Add(reference, "Pg", page);
        HPDF_Dict_Add(reference, "Obj", annotation);
        HPDF_Array_Add(kids_.at(e), reference);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mmgr_;
    std::map<HPDF_Dict, HPDF_Array> kids_;
    std::map<HPDF_Dict, HPDF_Page> pages_;
    std::map<const Structure*, Part> parts_;
};

}  // namespace

void add_structure_tree(HPDF_Doc pdf, const std::string& title, const std::vector<TaggedPage>& pages) {
    TreeBuilder tree(pdf);
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Dict root = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf->xref, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict document = tree.element("Document", root, nullptr);
    HPDF_Dict_Add(root, "K", document);
    if (!title.empty()) tree.text(document, "T", title);

    // The parent tree: for each page (its StructParents key), the element
    // of each of its MCIDs; for each link annotation (its StructParent), its element.
    HPDF_Array nums = HPDF_Array_New(mmgr);
    int key = 0;
    std::vector<std::tuple<int, HPDF_Annotation, HPDF_Dict>> annotations;
    for (const TaggedPage& tagged : pages) {
        // Tab order follows the structure (PDF/UA), every page a key of its own.
        HPDF_Dict_AddName(tagged.page, "Tabs", "S");
        HPDF_Dict_AddNumber(tagged.page, "StructParents", key);
        HPDF_Array owners = HPDF_Array_New(mmgr);
        if (tagged.structure && tagged.marks) {
            TreeBuilder::Part& part = tree.part(tagged.structure, document);
            for (size_t mcid = 0; mcid < tagged.marks->size(); ++mcid) {
                HPDF_Dict e = tree.ensure(part, (*tagged.marks)[mcid]);
                tree.add_content(e, tagged.page, static_cast<int>(mcid));
                HPDF_Array_Add(owners, e);
            }
            for (const auto& [annotation, node] : tagged.links) {
                if (node < 0 || static_cast<size_t>(node) >= tagged.structure->nodes.size()) continue;
                HPDF_Dict e = tree.ensure(part, node);
                tree.add_annotation(e, tagged.page, annotation);
                annotations.emplace_back(0, annotation, e);
            }
        }
        HPDF_Array_AddNumber(nums, key);
        HPDF_Array_Add(nums, owners);
        ++key;
    }
    for (auto& [_, annotation, e] : annotations) {
        HPDF_Dict_AddNumber(annotation, "StructParent", key);
        HPDF_Array_AddNumber(nums, key);
        HPDF_Array_Add(nums, e);
        ++key;
    }
    HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf->xref, parent_tree);
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    HPDF_Dict_Add(root, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
}

}  // namespace agendapack::render::pdf
