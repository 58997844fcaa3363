#include <catch2/catch.hpp>

#include "scaffold/scaffold.hpp"

using namespace agendapack;

TEST_CASE("a meeting date is added to a year's list in date order, the list's own style kept") {
    const Date nov = *parse_iso_date("2024-11-14");
    CHECK(scaffold::add_meeting_date("meetings: [2024-07-18, 2024-11-28]\nmembers: []\n", nov) ==
          "meetings: [2024-07-18, 2024-11-14, 2024-11-28]\nmembers: []\n");
    CHECK(scaffold::add_meeting_date("members: []\nmeetings: [2024-07-18]   # the year's dates\n", nov) ==
          "members: []\nmeetings: [2024-07-18, 2024-11-14]   # the year's dates\n");
    CHECK(scaffold::add_meeting_date("meetings:\n    - 2024-07-18\n    - 2025-01-16\nmembers: []\n", nov) ==
          "meetings:\n    - 2024-07-18\n    - 2024-11-14\n    - 2025-01-16\nmembers: []\n");
    CHECK(scaffold::add_meeting_date("meetings:\n  - 2024-07-18", nov) == "meetings:\n  - 2024-07-18\n  - 2024-11-14\n");
    // Listed already: unchanged.
    CHECK(scaffold::add_meeting_date("meetings: [2024-11-14]\n", nov) == "meetings: [2024-11-14]\n");
    // Written across lines in brackets, or absent: left to the officer.
    CHECK_FALSE(scaffold::add_meeting_date("meetings: [2024-07-18,\n  2024-11-28]\n", nov));
    CHECK_FALSE(scaffold::add_meeting_date("members: []\n", nov));
}
