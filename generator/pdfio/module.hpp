// Private to the module: its verbs, gathered in module.cpp.
#pragma once

#include "pdfio.hpp"

namespace agendapack::pdfio {

bool inspect(const std::string& bytes, const std::string& name, Summary& out, std::string& error);
bool read(const std::string& bytes, const std::string& name, ReceivedPdf& out, std::string& error);
Forms* open_forms(const std::vector<Placement>& placements, std::vector<std::string>& matrices, std::string& error);
bool write_forms(Forms* forms, const std::vector<size_t>& which, const std::vector<uint32_t>& form_numbers, uint32_t first_dependency,
                 std::vector<FormObject>& objects, uint32_t& dependencies, std::string& error);
void close_forms(Forms* forms);

}  // namespace agendapack::pdfio
