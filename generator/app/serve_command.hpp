#pragma once

#include <string>
#include <vector>

namespace agendapack::app {

// `agendapack serve …` with the words after "serve"; the exit status.
int run_serve(const std::vector<std::string>& args);

}  // namespace agendapack::app
