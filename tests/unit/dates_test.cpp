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
