#include "load.hpp"

namespace agendapack::load {

CsvTable parse_csv(const std::string& file, const std::string& input) {
    CsvTable table;
    table.file = file;
    // The file system checks what it reads from disk; this is the same check
    // for text from anywhere else (tests, memory), with the same message.
    check_text(file, input);
    std::string text = input.compare(0, 3, "\xEF\xBB\xBF") == 0 ? input.substr(3) : input;

    int line = 1, column = 1;
    std::vector<std::string> row;
    std::vector<int> columns;
    std::string cell;
    int row_line = 1, cell_column = 1;
    bool cell_open = false;
    bool quoted = false, after_quote = false, row_open = false;
    auto end_cell = [&] {
        row.push_back(cell);
        columns.push_back(cell_open ? cell_column : column);
        cell.clear();
        after_quote = false;
        cell_open = false;
    };
    auto end_row = [&] {
        end_cell();
        if (table.header.empty()) {
            table.header = row;
            table.header_columns = columns;
        } else {
            if (row.size() != table.header.size())
                throw InputError({file, row_line, 1}, "row has " + std::to_string(row.size()) + " cells but the header has " +
                                                        std::to_string(table.header.size()));
            table.rows.push_back({row_line, row, columns});
            table.rows.back().file = file;
        }
        row.clear();
        columns.clear();
        row_open = false;
    };

    for (size_t i = 0; i < text.size();) {
        size_t n = utf8_length(text, i);
        if (n == 0) throw InputError({file, line, column}, "the file is not UTF-8 text (bad byte sequence)");
        char c = text[i];
        if (!row_open) {
            row_open = true;
            row_line = line;
        }
        if (!cell_open && c != ',' && c != '\n' && c != '\r') {
            cell_open = true;
            cell_column = column;
        }
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                    column += 2;
                    continue;
                }
                quoted = false;
                after_quote = true;
            } else {
                cell.append(text, i, n);
                if (c == '\n') {
                    ++line;
                    column = 0;
                }
            }
        } else if (c == ',') {
            end_cell();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // CRLF: handled by the '\n' that follows.
        } else if (c == '\n') {
            end_row();
            ++line;
            column = 0;
        } else if (c == '"') {
            if (!cell.empty() || after_quote)
                throw InputError({file, line, column}, "a quote inside an unquoted cell: quote the whole cell and double the quote (\"\")");
            quoted = true;
        } else {
            if (after_quote)
                throw InputError({file, line, column}, "text after a closing quote: a quoted cell must end at a comma or the end of the line");
            cell.append(text, i, n);
        }
        i += n;
        ++column;
    }
    if (quoted) throw InputError({file, row_line, 1}, "a quoted cell is never closed");
    if (row_open) end_row();
    if (table.header.empty()) throw InputError({file, 1, 1}, "the file is empty: it needs at least a header row");
    // The first header cell may be a blank corner above the row labels.
    for (size_t k = 1; k < table.header.size(); ++k)
        if (trim(table.header[k]).empty())
            throw InputError({file, 1, 1}, "header cell " + std::to_string(k + 1) + " is empty: every column but the first needs a name");
    return table;
}

SourceLocation CsvTable::Row::at(size_t cell) const {
    return {file, line, cell < columns.size() ? columns[cell] : 1};
}

CsvTable load_csv(const FileSystem& fs, const std::string& data_dir, const std::string& relative,
                  const SourceLocation& referenced_from) {
    if (relative.find("..") != std::string::npos || (!relative.empty() && relative[0] == '/'))
        throw InputError(referenced_from, "'" + relative + "' must be a path inside data/");
    std::string path = join_path(data_dir, relative);
    auto text = fs.read(path);
    if (!text) throw InputError(referenced_from, "data file '" + path + "' does not exist");
    return parse_csv(path, *text);
}

}  // namespace agendapack::load
