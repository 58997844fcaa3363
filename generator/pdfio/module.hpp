// Private to the module: its three verbs, gathered in module.cpp.
#pragma once

#include "pdfio.hpp"

namespace agendapack::pdfio {

bool inspect(const std::string& bytes, const std::string& name, Summary& out, std::string& error);
bool read(const std::string& bytes, const std::string& name, ReceivedPdf& out, std::string& error);
bool extract(const std::string& pack, const std::vector<std::pair<int, int>>& ranges, std::vector<std::string>& out, std::string& error);
bool assemble(const std::string& pack, const std::vector<Placement>& placements, std::string& out, std::string& error);

}  // namespace agendapack::pdfio
