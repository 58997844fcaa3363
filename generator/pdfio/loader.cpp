// Finds and loads agendapack-pdfio.so: beside the program (as installed and
// as built), else where the build put it.
#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "pdfio.hpp"

namespace agendapack::pdfio {

namespace {

const Module* load() {
    std::vector<std::string> candidates;
    if (const char* given = std::getenv("AGENDAPACK_PDFIO")) candidates.push_back(given);
    std::error_code ignored;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ignored);
    if (!self.empty()) candidates.push_back((self.parent_path() / "agendapack-pdfio.so").string());
#ifdef AGENDAPACK_PDFIO_BUILT
    candidates.push_back(AGENDAPACK_PDFIO_BUILT);
#endif
    std::string why;
    for (const auto& path : candidates) {
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            why = dlerror();
            continue;
        }
        auto entry = reinterpret_cast<const Module* (*)()>(dlsym(handle, "agendapack_pdfio_module"));
        const Module* module = entry ? entry() : nullptr;
        if (module && module->version == kVersion) return module;
        why = path + " is from another build of agendapack";
    }
    throw std::runtime_error("agendapack cannot read PDF appendices: its module agendapack-pdfio.so is missing beside the program (" + why + ")");
}

}  // namespace

const Module& module() {
    static std::once_flag once;
    static const Module* loaded = nullptr;
    static std::string failure;
    std::call_once(once, [] {
        try {
            loaded = load();
        } catch (const std::exception& error) {
            failure = error.what();
        }
    });
    if (!loaded) throw std::runtime_error(failure);
    return *loaded;
}

}  // namespace agendapack::pdfio
