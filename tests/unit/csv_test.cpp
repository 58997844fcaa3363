#include <catch2/catch.hpp>

#include "load/load.hpp"

using namespace agendapack;
using namespace agendapack::load;

namespace {

std::string error_of(const std::string& text) {
    try {
        parse_csv("t.csv", text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("RFC 4180: quotes, doubled quotes, commas and newlines in cells, CRLF, BOM") {
    CsvTable t = parse_csv("t.csv", "\xEF\xBB\xBFName,Note\r\n\"Smith, J\",\"said \"\"yes\"\"\"\r\nLee,\"two\nlines\"\r\n");
    REQUIRE(t.header == std::vector<std::string>{"Name", "Note"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells == std::vector<std::string>{"Smith, J", "said \"yes\""});
    CHECK(t.rows[1].cells == std::vector<std::string>{"Lee", "two\nlines"});
    CHECK(t.rows[1].line == 3);
}

TEST_CASE("cells such as -, n/a and New are kept as written") {
    CsvTable t = parse_csv("t.csv", "Indicator,Aug-24\nVisits,-\nPlans,n/a\nReviews,New\nLast,\n");
    CHECK(t.rows[0].cells[1] == "-");
    CHECK(t.rows[1].cells[1] == "n/a");
    CHECK(t.rows[2].cells[1] == "New");
    CHECK(t.rows[3].cells[1] == "");
}

TEST_CASE("bad CSV is reported at its line and column") {
    CHECK(error_of("A,B\n1,2,3\n") == "t.csv:2:1: row has 3 cells but the header has 2");
    CHECK(error_of("A,B\n1,\"open\n") == "t.csv:2:1: a quoted cell is never closed");
    CHECK(error_of("A,B\n1,x\"y\n") == "t.csv:2:4: a quote inside an unquoted cell: quote the whole cell and double the quote (\"\")");
    CHECK(error_of("A,B\n\"a\"b,c\n") == "t.csv:2:4: text after a closing quote: a quoted cell must end at a comma or the end of the line");
    CHECK(error_of("A,B\n1,caf\xE9\n") == "t.csv:2:6: the file is not UTF-8 text (the byte 0xE9 here is no UTF-8 character): save it as UTF-8");
    CHECK(error_of("") == "t.csv:1:1: the file is empty: it needs at least a header row");
    CHECK(error_of("A,\n1,2\n") == "t.csv:1:1: header cell 2 is empty: every column but the first needs a name");
}

TEST_CASE("a blank corner cell heads the row labels") {
    CsvTable t = parse_csv("t.csv", ",2020,2021\nDrug offences,5,7\n");
    CHECK(t.header[0] == "");
    CHECK(t.rows[0].cells[0] == "Drug offences");
}
