// Private to the module: its verbs, gathered in module.cpp.
#pragma once

#include "pdfio.hpp"

namespace agendapack::pdfio {

bool inspect(const std::string& bytes, const std::string& name, Summary& out, std::string& error);
bool read(const std::string& bytes, const std::string& name, ReceivedPdf& out, std::string& error);
bool assemble(const std::string& pack, const std::vector<Placement>& placements, std::string& out, std::string& error);

}  // namespace agendapack::pdfio
