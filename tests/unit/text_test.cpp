#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace agendapack;

TEST_CASE("lists join with commas and a final and") {
    CHECK(join_with_and({}) == "");
    CHECK(join_with_and({"Able"}) == "Able");
    CHECK(join_with_and({"Able", "Baker"}) == "Able and Baker");
    CHECK(join_with_and({"Able (Chair)", "Baker", "Cole"}) == "Able (Chair), Baker and Cole");
}

TEST_CASE("typos get a suggestion, unrelated words do not") {
    std::vector<std::string> keys{"venue", "time", "date", "agenda"};
    CHECK(closest_match("venu", keys) == "venue");
    CHECK(closest_match("Agenda", keys) == "agenda");
    CHECK(closest_match("location", keys) == "");
    CHECK(unknown_name("key", "tme", keys) == "unknown key 'tme' (did you mean 'time'?)");
    CHECK(unknown_name("key", "colour", keys) == "unknown key 'colour'");
}

TEST_CASE("slugs are lower-case words joined by hyphens") {
    CHECK(slugify("07-Youth Justice Service") == "07-youth-justice-service");
    CHECK(slugify("  Children & Families  ") == "children-families");
}

TEST_CASE("errors carry file, line and column and show the source line") {
    InputError error({"meeting.yaml", 3, 7}, "something is wrong");
    CHECK(std::string(error.what()) == "meeting.yaml:3:7: something is wrong");
    CHECK(source_excerpt("a: 1\nb: 2\nvenue: [x\n", 3, 8) == "venue: [x\n       ^");
    CHECK(source_excerpt("a: 1\n", 9, 1) == "");
    CHECK(format_location({"content/council.yaml", 0, 0}) == "content/council.yaml:1:1");
}

TEST_CASE("the in-memory file system lists folders like the disk") {
    MemoryFileSystem fs;
    fs.add("content/b/meeting.yaml", "x");
    fs.add("content/a.yaml", "y");
    fs.add("content/b/c/d.md", "z");
    CHECK(fs.list("content") == std::vector<std::string>{"a.yaml", "b"});
    CHECK(fs.is_directory("content/b"));
    CHECK_FALSE(fs.is_directory("content/a.yaml"));
    CHECK(fs.read("content/a.yaml") == "y");
    CHECK_FALSE(fs.read("content/missing"));
}

TEST_CASE("figures parse as tables write them and print with separators") {
    CHECK(parse_figure("1,959") == 1959);
    CHECK(parse_figure("81.6%") == Approx(81.6));
    CHECK(parse_figure("£5,000") == 5000);
    CHECK_FALSE(parse_figure("-"));
    CHECK_FALSE(parse_figure("n/a"));
    CHECK(format_figure(-12345.6, 1, true) == "-12,345.6");
    CHECK(format_figure(1234, 0, false) == "1234");
    CHECK(format_figure(-0.004, 2, true) == "0.00");
}

TEST_CASE("yes and no read the same everywhere") {
    for (const char* yes : {"yes", "Yes", "YES", "true", "True", " yes "}) CHECK(parse_yes_no(yes) == true);
    for (const char* no : {"no", "No", "false", "FALSE"}) CHECK(parse_yes_no(no) == false);
    for (const char* neither : {"", "y", "1", "maybe", "yes please"}) CHECK_FALSE(parse_yes_no(neither).has_value());
}

TEST_CASE("one address rule: read as a browser reads it, only http(s), mailto, tel and the site's own") {
    // Forms that slip past a prefix test (OWASP XSS filter-evasion cheat sheet, decoded as cmark decodes entities).
    using namespace std::string_literals;
    for (const std::string& hostile : {"javascript:alert(1)"s, " JaVaScRiPt:alert(1)"s, "java\tscript:alert(1)"s, "java\nscript:alert(1)"s,
                                       "java\rscript:alert(1)"s, "\x01javascript:alert(1)"s, " \x0e javascript:alert(1)"s, "javascript\t:alert(1)"s,
                                       "vbscript:msgbox(1)"s, "data:text/html;base64,PHNjcmlwdD4="s, "file:///etc/passwd"s, "JAVASCRIPT:alert(1)"s,
                                       "livescript:x"s, "jav\0ascript:alert(1)"s}) {
        INFO(hostile);
        CHECK_FALSE(url_problem(hostile).empty());
    }
    for (const char* fine : {"https://www.southampton.gov.uk/", "http://example.org/a:b", "mailto:ann@example.gov.uk", "tel:+442380832390",
                             "07-report.html", "../other/index.html#item-3", "#minute-12", "page.html?a=b:c", "a/b:c"})
        CHECK(url_problem(fine).empty());
    CHECK(url_problem("javascript:x") == "links may go only to http:, https:, mailto: or tel: addresses, or to pages of the site, not to 'javascript:' addresses");
}

TEST_CASE("a very long line is quoted around the place, cut with an ellipsis, the caret still under it") {
    std::string line(500, 'a');
    line[300] = 'X';
    const std::string excerpt = source_excerpt(line + "\n", 1, 301);
    const std::string shown = excerpt.substr(0, excerpt.find('\n')), caret = excerpt.substr(excerpt.find('\n') + 1);
    CHECK(shown.rfind("…", 0) == 0);
    CHECK(shown.size() < 140);
    // The caret's column, in characters, is the X's, in characters ("…" is one).
    CHECK(caret.size() - 1 == 1 + shown.substr(3).find('X'));
}

TEST_CASE("UTF-8 is read as RFC 3629 writes it") {
    CHECK(utf8_length("a", 0) == 1);
    CHECK(utf8_length("\xC2\xA3", 0) == 2);          // £
    CHECK(utf8_length("\xE2\x80\x93", 0) == 3);      // –
    CHECK(utf8_length("\xF0\x9F\x98\x80", 0) == 4);  // an emoji
    CHECK(utf8_length("\xC2", 0) == 0);              // cut short
    CHECK(utf8_length("\xE2\x80", 0) == 0);
    CHECK(utf8_length("\xEF\xFF\xFF", 0) == 0);      // not continuation bytes
    CHECK(utf8_length("\x80", 0) == 0);              // a continuation byte alone
    CHECK(utf8_length("\xC0\xAF", 0) == 0);          // overlong
    CHECK(utf8_length("\xE0\x80\xAF", 0) == 0);
    CHECK(utf8_length("\xED\xA0\x80", 0) == 0);      // a surrogate
    CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
    CHECK(utf8_length("\xF8\x88\x80\x80\x80", 0) == 0);
}

TEST_CASE("a text that is not UTF-8 is an error at its line and column") {
    CHECK_NOTHROW(check_utf8("caf\xC3\xA9\nna\xC3\xAFve\n", {"a.md", 1, 1}));
    CHECK_THROWS_WITH(check_utf8("caf\xC3\xA9\nna\xC3\xAFve \xEF\xFF\xFF\n", {"a.md", 1, 1}),
                      "a.md:2:7: the file is not UTF-8 text (bad byte sequence)");
    // Front matter starts on line 2 of its file.
    CHECK_THROWS_WITH(check_utf8("title: caf\xE9\n", {"a.md", 2, 1}), "a.md:2:11: the file is not UTF-8 text (bad byte sequence)");
}
