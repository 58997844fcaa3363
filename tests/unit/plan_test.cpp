#include <catch2/catch.hpp>

#include "compute/compute.hpp"
#include "load/load.hpp"

using namespace agendapack;

namespace {

model::VersionedBlock versions() {
    model::VersionedBlock block;
    block.versions.push_back({std::nullopt, "Old", {"old", {}}});
    block.versions.push_back({Date{2023, 1, 1}, "New", {"new", {}}});
    block.versions.push_back({Date{2025, 6, 1}, "Newest", {"newest", {}}});
    return block;
}

}  // namespace

TEST_CASE("the wording in force is the latest version on or before the date") {
    model::VersionedBlock block = versions();
    CHECK(compute::version_in_force(block, {2022, 7, 21})->heading == "Old");
    CHECK(compute::version_in_force(block, {2023, 1, 1})->heading == "New");
    CHECK(compute::version_in_force(block, {2024, 9, 26})->heading == "New");
    CHECK(compute::version_in_force(block, {2025, 6, 1})->heading == "Newest");
    block.versions.front().from = Date{2020, 1, 1};
    CHECK(compute::version_in_force(block, {2019, 12, 31}) == nullptr);
}

TEST_CASE("placeholders in standard wording are filled") {
    CHECK(compute::fill_placeholders("Minutes of {dates}; year {municipal_year}.", "8 August 2024", "2024/25") ==
          "Minutes of 8 August 2024; year 2024/25.");
}

TEST_CASE("agenda items are numbered after the standard items, appendices within items") {
    DiskFileSystem fs;
    std::string root = AGENDAPACK_FIXTURE;
    model::Site site = load::load_site(fs, {root + "/content", root + "/data"});
    auto plans = compute::plan_site(site);
    REQUIRE(plans.size() == 1);
    const compute::MeetingPlan& plan = plans[0];
    CHECK(plan.id == "test-panel-2024-09-26");
    CHECK(plan.signatory == "Director of Law and Governance");
    REQUIRE(plan.agenda.size() == 4);
    CHECK(plan.agenda[0].title == "APOLOGIES");
    CHECK(plan.agenda[2].number == 3);
    CHECK(plan.agenda[2].title == "MINUTES OF THE PREVIOUS MEETING");
    CHECK(plan.agenda[2].description.text == "To approve the minutes of 18 July 2024.");
    const auto& item = plan.agenda[3];
    CHECK(item.number == 4);
    REQUIRE(item.documents.size() == 2);
    CHECK(item.documents[0].stamp == "Agenda Item 4");
    CHECK(item.documents[0].appendix_number == 0);
    CHECK(item.documents[1].stamp == "Agenda Item 4, Appendix 1");
    CHECK(item.documents[1].title == "Appendix 1: School place figures");
    CHECK(plan.members.front() == "Councillor Able (Chair)");
}

TEST_CASE("electing a vice chair shifts every item number by one") {
    DiskFileSystem fs;
    std::string root = AGENDAPACK_FIXTURE;
    model::Site site = load::load_site(fs, {root + "/content", root + "/data"});
    model::Meeting& meeting = site.committees[0].meetings[0];
    meeting.elect_vice_chair = true;
    compute::MeetingPlan plan = compute::plan_meeting(site, site.committees[0], meeting);
    CHECK(plan.agenda[0].title == "ELECTION OF VICE CHAIR");
    CHECK(plan.agenda[0].description.text == "To elect the Vice Chair for 2024/25.");
    CHECK(plan.agenda[4].number == 5);
    CHECK(plan.agenda[4].documents[1].stamp == "Agenda Item 5, Appendix 1");
}
