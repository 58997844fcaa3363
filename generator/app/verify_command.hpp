#pragma once

#include <string>
#include <vector>

namespace agendapack::app {

// `agendapack verify PACK.pdf …` with the words after "verify"; 0 when the
// sources rebuild the pack byte for byte.
int run_verify(const std::vector<std::string>& args);

}  // namespace agendapack::app
