// The module's one entry point: its verbs, and the interface version they keep.
#include "module.hpp"

extern "C" __attribute__((visibility("default"))) const agendapack::pdfio::Module* agendapack_pdfio_module() {
    static const agendapack::pdfio::Module module{agendapack::pdfio::kVersion, agendapack::pdfio::inspect, agendapack::pdfio::read,
                                                 agendapack::pdfio::open_forms, agendapack::pdfio::write_forms,
                                                 agendapack::pdfio::close_forms};
    return &module;
}
