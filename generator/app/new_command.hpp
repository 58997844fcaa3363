#pragma once

#include <string>
#include <vector>

namespace agendapack::app {

// `agendapack new …` with the words after "new"; the exit status.
int run_new(const std::vector<std::string>& args);

}  // namespace agendapack::app
