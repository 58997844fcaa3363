// The last phase: put rendered files into output/ so that a reader never
// sees a half-written site. Everything is written to a staging folder first,
// then each top-level entry is swapped in with a rename.
#pragma once

#include <string>
#include <vector>

#include "../render/html/html.hpp"

namespace agendapack::publish {

// Replaces the managed entries of out_dir (index.html, assets/, meetings/<id>/)
// with `files`. Entries of out_dir that agendapack did not write (README.md)
// are left alone. `prune_meetings`: remove meeting folders not in `files`.
void publish(const std::string& out_dir, const std::vector<render::html::OutputFile>& files, bool prune_meetings);

}  // namespace agendapack::publish
