// Fuzz target: the CSV parser (load::parse_csv), RFC 4180 and UTF-8, on any
// bytes. A refusal is an InputError; a table it returns must hold together:
// every row as wide as the header, a start column for every cell.
#include <cstdlib>

#include "fuzz_support.hpp"
#include "load/load.hpp"

using namespace agendapack;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzz::expect_clean([&] {
        load::CsvTable table = load::parse_csv("data/fuzz.csv", text);
        if (table.header.empty() || table.header_columns.size() != table.header.size()) std::abort();
        int last_line = 0;
        for (const auto& row : table.rows) {
            if (row.cells.size() != table.header.size() || row.columns.size() != row.cells.size()) std::abort();
            if (row.line <= last_line) std::abort();  // rows in order, each on a line of its own
            last_line = row.line;
            for (size_t c = 0; c < row.cells.size(); ++c)
                if (row.at(c).column < 1) std::abort();
        }
    });
    return 0;
}
