#include "tags.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "compressor.hpp"
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

void StructureTree::append_to(std::string& file, uint32_t next_object) const {
    // What the saved file's trailer says (libharu writes it one entry a line).
    const size_t trailer = file.rfind("trailer");
    const size_t startxref = file.rfind("startxref");
    if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer)
        throw std::runtime_error("the saved pack has no trailer to update");
    std::string carried;  // /Root, /Info, /ID, as they are
    for (size_t at = file.find('\n', trailer) + 1; at < startxref;) {
        size_t end = file.find('\n', at);
        if (end == std::string::npos || end > startxref) end = startxref;
        std::string line = file.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.rfind("/Root", 0) == 0 || line.rfind("/Info", 0) == 0 || line.rfind("/ID", 0) == 0) carried += line + "\n";
        at = end + 1;
    }
    const std::string previous = std::to_string(std::stoul(file.substr(startxref + 9)));

    // Object numbers: the root keeps its own; elements follow the file's
    // last object, then the object streams, then the cross-reference stream.
    auto element_object = [&](size_t e) { return next_object + static_cast<uint32_t>(e); };
    auto parent_of = [&](int parent) { return parent < 0 ? root_ : element_object(static_cast<size_t>(parent)); };
    std::vector<std::pair<uint32_t, std::string>> objects;  // compressed into object streams
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
        objects.emplace_back(root_, std::move(r));
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
        objects.emplace_back(element_object(e), std::move(o));
    }

    // Object streams of at most 100 objects each, as qpdf makes them.
    Compressor deflater;
    constexpr size_t kPerStream = 100;
    uint32_t next = next_object + static_cast<uint32_t>(elements_.size());
    std::map<uint32_t, std::pair<uint32_t, uint32_t>> in_stream;  // object → (stream, index)
    std::map<uint32_t, size_t> at;                                 // object written plainly → offset
    if (!file.empty() && file.back() != '\n') file += '\n';
    for (size_t first = 0; first < objects.size(); first += kPerStream) {
        const size_t last = std::min(objects.size(), first + kPerStream);
        const uint32_t stream = next++;
        std::string offsets, bodies;
        for (size_t k = first; k < last; ++k) {
            offsets += std::to_string(objects[k].first) + " " + std::to_string(bodies.size()) + " ";
            bodies += objects[k].second + "\n";
            in_stream[objects[k].first] = {stream, static_cast<uint32_t>(k - first)};
        }
        const std::string packed = deflater.compress(offsets + bodies);
        at[stream] = file.size();
        file += std::to_string(stream) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(last - first) + "/First " +
                std::to_string(offsets.size()) + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" + packed +
                "\nendstream\nendobj\n";
    }

    // The cross-reference stream: type 2 entries for objects in streams,
    // type 1 for the streams and itself; /Prev the saved file's table.
    const uint32_t xref = next++;
    at[xref] = file.size();
    std::map<uint32_t, std::string> rows;
    auto row = [](uint8_t type, uint32_t field2, uint16_t field3) {
        std::string r(7, '\0');
        r[0] = static_cast<char>(type);
        for (int i = 0; i < 4; ++i) r[1 + i] = static_cast<char>((field2 >> (24 - 8 * i)) & 0xFF);
        r[5] = static_cast<char>(field3 >> 8);
        r[6] = static_cast<char>(field3 & 0xFF);
        return r;
    };
    for (const auto& [object, place] : in_stream) rows[object] = row(2, place.first, static_cast<uint16_t>(place.second));
    for (const auto& [object, offset] : at) rows[object] = row(1, static_cast<uint32_t>(offset), 0);
    std::string index, data;
    for (auto it = rows.begin(); it != rows.end();) {
        auto run_end = it;
        uint32_t count = 0;
        while (run_end != rows.end() && run_end->first == it->first + count) {
            data += run_end->second;
            ++run_end;
            ++count;
        }
        index += std::to_string(it->first) + " " + std::to_string(count) + " ";
        it = run_end;
    }
    const std::string packed = deflater.compress(data);
    file += std::to_string(xref) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref + 1) + "/Index[" + index + "]/W[1 4 2]\n" + carried +
            "/Prev " + previous + "/Filter/FlateDecode/Length " + std::to_string(packed.size()) + ">>\nstream\n" + packed +
            "\nendstream\nendobj\nstartxref\n" + std::to_string(at[xref]) + "\n%%EOF\n";
}

}  // namespace agendapack::render::pdf
