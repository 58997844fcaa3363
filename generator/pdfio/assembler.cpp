// In the module: received pages as form XObjects for a PDF agendapack
// writes itself. qpdf copies each page, with what it draws with (fonts,
// pictures, nested forms), out of its file; the writer gives the copies
// object numbers in the file it is writing and appends them, as they are,
// to its own update. (qpdf once placed them by reading the whole saved pack
// and writing it again: a fifth of an archive's build.)
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include "module.hpp"

namespace agendapack::pdfio {

struct Forms {
    // Each received file stays open until its pages are written.
    std::map<const ReceivedPdf*, std::pair<std::unique_ptr<QPDF>, std::vector<QPDFPageObjectHelper>>> sources;
    QPDF copies;                          // the forms, copied into a file of their own
    std::vector<QPDFObjectHandle> forms;  // a placement's form
    std::mutex writing;                   // qpdf reads change its objects: one file's forms at a time
};

namespace {

// Every indirect object `start` refers to, directly or not, in the order
// first met (dictionary keys in order): the same numbering every run.
void gather(QPDFObjectHandle start, std::set<QPDFObjGen>& seen, std::vector<QPDFObjGen>& found) {
    std::deque<QPDFObjectHandle> waiting{start};
    while (!waiting.empty()) {
        QPDFObjectHandle object = waiting.front();
        waiting.pop_front();
        auto visit = [&](QPDFObjectHandle child) {
            if (child.isIndirect()) {
                if (seen.insert(child.getObjGen()).second) {
                    found.push_back(child.getObjGen());
                    waiting.push_back(child);
                }
            } else if (child.isArray() || child.isDictionary() || child.isStream()) {
                waiting.push_back(child);
            }
        };
        if (object.isStream()) object = object.getDict();
        if (object.isArray())
            for (auto item : object.aitems()) visit(item);
        else if (object.isDictionary())
            for (auto [key, value] : object.ditems()) visit(value);
    }
}

void write_value(QPDFObjectHandle object, const std::map<QPDFObjGen, uint32_t>& numbers, std::string& out, bool top = false);

// A dictionary's entries but those named in `replaced`, then `own` (a
// stream's length and filter, as this writes them).
void write_dictionary(QPDFObjectHandle dict, const std::map<QPDFObjGen, uint32_t>& numbers, std::string& out,
                      const std::set<std::string>& replaced = {}, const std::string& own = "") {
    out += "<<";
    for (auto [key, value] : dict.ditems()) {
        if (value.isNull() || replaced.count(key)) continue;
        out += QPDFObjectHandle::newName(key).unparse() + ' ';
        write_value(value, numbers, out);
        out += ' ';
    }
    out += own + ">>";
}

// One object's text, indirect references renumbered through `numbers`.
void write_value(QPDFObjectHandle object, const std::map<QPDFObjGen, uint32_t>& numbers, std::string& out, bool top) {
    if (!top && object.isIndirect()) {
        auto it = numbers.find(object.getObjGen());
        out += it == numbers.end() ? "null" : std::to_string(it->second) + " 0 R";
        return;
    }
    if (object.isArray()) {
        out += '[';
        for (auto item : object.aitems()) {
            write_value(item, numbers, out);
            out += ' ';
        }
        out += ']';
    } else if (object.isDictionary()) {
        write_dictionary(object, numbers, out);
    } else if (object.isStream()) {
        // The data as it is stored (compressed, its filters kept); a page's
        // form, which qpdf makes from its content streams unfiltered,
        // compressed here. Its length written directly, whatever the
        // source said.
        QPDFObjectHandle dict = object.getDict();
        const bool plain = !dict.hasKey("/Filter");
        std::shared_ptr<Buffer> data;
        if (plain) {
            Pl_Buffer packed("packed");
            Pl_Flate deflate("deflate", &packed, Pl_Flate::a_deflate);
            object.pipeStreamData(&deflate, 0, qpdf_dl_none);
            data = packed.getBufferSharedPointer();
        } else {
            data = object.getRawStreamData();
        }
        const std::string length = "/Length " + std::to_string(data->getSize());
        if (plain) write_dictionary(dict, numbers, out, {"/Length", "/DecodeParms"}, length + " /Filter /FlateDecode");
        else write_dictionary(dict, numbers, out, {"/Length"}, length);
        out += "\nstream\n";
        out.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        out += "\nendstream";
    } else {
        out += object.unparse();
    }
}

}  // namespace

Forms* open_forms(const std::vector<Placement>& placements, std::vector<std::string>& matrices, std::string& error) {
    try {
        auto forms = std::make_unique<Forms>();
        forms->copies.emptyPDF();
        QPDFPageObjectHelper anywhere(QPDFObjectHandle::newDictionary());  // placing is the same on any unrotated page
        matrices.clear();
        for (const auto& placement : placements) {
            auto& [source, pages] = forms->sources[placement.pdf];
            if (!source) {
                source = std::make_unique<QPDF>();
                source->setSuppressWarnings(true);
                source->processMemoryFile(placement.pdf->file_name.c_str(), placement.pdf->bytes.data(), placement.pdf->bytes.size());
                pages = QPDFPageDocumentHelper(*source).getAllPages();
            }
            if (placement.page < 0 || static_cast<size_t>(placement.page) >= pages.size())
                throw std::runtime_error("a received page was placed that its file does not have");
            QPDFObjectHandle form = forms->copies.copyForeignObject(pages[static_cast<size_t>(placement.page)].getFormXObjectForPage());
            const ReceivedPdf::Page& page = placement.pdf->pages[static_cast<size_t>(placement.page)];
            const QPDFObjectHandle::Rectangle rect(placement.x, placement.y, placement.x + page.width * placement.scale,
                                                   placement.y + page.height * placement.scale);
            matrices.push_back(anywhere.getMatrixForFormXObjectPlacement(form, rect, false, true, true).unparse());
            forms->forms.push_back(form);
        }
        return forms.release();
    } catch (const std::exception& e) {
        error = e.what();
        return nullptr;
    }
}

bool write_forms(Forms* forms, const std::vector<size_t>& which, const std::vector<uint32_t>& form_numbers, uint32_t first_dependency,
                 std::vector<FormObject>& objects, uint32_t& dependencies, std::string& error) {
    try {
        if (form_numbers.size() != which.size()) throw std::runtime_error("a number for each form is needed");
        std::lock_guard<std::mutex> lock(forms->writing);
        std::vector<QPDFObjectHandle> mine;
        for (size_t k : which) mine.push_back(forms->forms.at(k));
        // What this file's forms draw with, numbered in the order first met.
        std::set<QPDFObjGen> seen;
        std::vector<QPDFObjGen> needed;
        for (const auto& form : mine) seen.insert(form.getObjGen());
        for (const auto& form : mine) gather(form, seen, needed);
        dependencies = static_cast<uint32_t>(needed.size());
        std::map<QPDFObjGen, uint32_t> numbers;
        for (size_t k = 0; k < mine.size(); ++k) numbers[mine[k].getObjGen()] = form_numbers[k];
        for (size_t k = 0; k < needed.size(); ++k) numbers[needed[k]] = first_dependency + static_cast<uint32_t>(k);
        objects.clear();
        auto add = [&](QPDFObjectHandle object, uint32_t number) {
            FormObject written{number, {}, object.isStream()};
            write_value(object, numbers, written.body, true);
            objects.push_back(std::move(written));
        };
        for (size_t k = 0; k < mine.size(); ++k) add(mine[k], form_numbers[k]);
        for (size_t k = 0; k < needed.size(); ++k) add(forms->copies.getObjectByObjGen(needed[k]), first_dependency + static_cast<uint32_t>(k));
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

void close_forms(Forms* forms) { delete forms; }

}  // namespace agendapack::pdfio
