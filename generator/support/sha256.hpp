// SHA-256, as archivists check files with (sha256sum): for the provenance
// manifest beside each pack. OpenSSL's libcrypto does the work.
#pragma once

#include <string>
#include <string_view>

namespace agendapack {

std::string sha256_hex(std::string_view bytes);  // 64 lower-case hex digits

}  // namespace agendapack
