#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace agendapack;

TEST_CASE("ISO dates parse strictly") {
    CHECK(parse_iso_date("2024-09-26") == Date{2024, 9, 26});
    CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("2024-09-31"));
    CHECK_FALSE(parse_iso_date("26/09/2024"));
    CHECK_FALSE(parse_iso_date("2024-9-26"));
    CHECK_FALSE(parse_iso_date("2024-13-01"));
}

TEST_CASE("one ISO date prints in every style the pack uses") {
    Date meeting{2024, 9, 26};
    CHECK(long_date_with_weekday(meeting) == "Thursday, 26th September, 2024");
    CHECK(long_date_with_weekday({2023, 3, 30}) == "Thursday, 30th March, 2023");
    CHECK(long_date_with_weekday({2022, 7, 21}) == "Thursday, 21st July, 2022");
    CHECK(long_date_with_weekday({2024, 8, 22}) == "Thursday, 22nd August, 2024");
    CHECK(long_date_with_weekday({2024, 10, 3}) == "Thursday, 3rd October, 2024");
    CHECK(long_date_with_weekday({2024, 9, 11}) == "Wednesday, 11th September, 2024");
    CHECK(weekday_date({2024, 9, 18}) == "Wednesday, 18 September 2024");
    CHECK(upper_date(meeting) == "26 SEPTEMBER 2024");
    CHECK(day_month_year({2024, 8, 8}) == "8 August 2024");
    CHECK(padded_day_month({2024, 8, 8}) == "08 August");
}

TEST_CASE("the municipal year starts in May") {
    CHECK(municipal_year_start({2024, 5, 1}) == 2024);
    CHECK(municipal_year_start({2025, 4, 30}) == 2024);
    CHECK(municipal_year_start({2023, 3, 30}) == 2022);
    CHECK(municipal_year_label(2024) == "2024-25");
    CHECK(municipal_year_label(1999) == "1999-00");
}

TEST_CASE("24-hour times print as the front sheet does") {
    CHECK(printed_time("17:30") == "5.30 pm");
    CHECK(printed_time("10:00") == "10.00 am");
    CHECK(printed_time("12:15") == "12.15 pm");
    CHECK(printed_time("00:05") == "12.05 am");
    CHECK_FALSE(printed_time("5.30pm"));
    CHECK_FALSE(printed_time("24:00"));
}

#include "support/working_days.hpp"

TEST_CASE("bank holidays of England and Wales, substitutes included") {
    for (const char* day : {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
                            "2024-12-26", "2022-01-03", "2022-12-26", "2022-12-27", "2021-12-27", "2021-12-28", "2025-04-18"})
        CHECK(bank_holiday(*parse_iso_date(day)));
    for (const char* day : {"2024-03-28", "2024-05-13", "2022-12-28", "2024-09-26"}) CHECK_FALSE(bank_holiday(*parse_iso_date(day)));
    CHECK(iso(add_days(*parse_iso_date("2024-02-28"), 2)) == "2024-03-01");
    CHECK(iso(add_days(*parse_iso_date("2025-01-01"), -1)) == "2024-12-31");
}

TEST_CASE("an agenda is published five clear working days before its meeting") {
    // The example's 26 September 2024 meeting was issued on 18 September.
    CHECK(iso(statutory_issue_date(*parse_iso_date("2024-09-26"))) == "2024-09-18");
    // Over a bank holiday weekend: Monday 26 August 2024 does not count.
    CHECK(iso(statutory_issue_date(*parse_iso_date("2024-08-29"))) == "2024-08-20");
    // Over Christmas and Boxing Day.
    CHECK(iso(statutory_issue_date(*parse_iso_date("2025-01-02"))) == "2024-12-20");
}
