#include <catch2/catch.hpp>

#include "compute/compute.hpp"

using namespace agendapack;
using namespace agendapack::compute;

TEST_CASE("higher is better: on target is Green, within the tolerance Amber, beyond it Red") {
    Tolerance five{5, true};  // 5% of a target of 80 is 4 points
    CHECK(rate(85, 80, Polarity::Higher, five) == Rag::Green);
    CHECK(rate(80, 80, Polarity::Higher, five) == Rag::Green);  // exactly on target
    CHECK(rate(79.99, 80, Polarity::Higher, five) == Rag::Amber);
    CHECK(rate(76, 80, Polarity::Higher, five) == Rag::Amber);  // exactly on the Amber edge
    CHECK(rate(75.99, 80, Polarity::Higher, five) == Rag::Red);
}

TEST_CASE("lower is better mirrors the bands above the target") {
    Tolerance five{5, true};  // 5% of 580 is 29
    CHECK(rate(555, 580, Polarity::Lower, five) == Rag::Green);
    CHECK(rate(580, 580, Polarity::Lower, five) == Rag::Green);
    CHECK(rate(609, 580, Polarity::Lower, five) == Rag::Amber);  // exactly target + 29
    CHECK(rate(609.5, 580, Polarity::Lower, five) == Rag::Red);
}

TEST_CASE("a tolerance in points, and no rating without a polarity") {
    Tolerance points{2, false};
    CHECK(rate(88, 90, Polarity::Higher, points) == Rag::Amber);
    CHECK(rate(87.9, 90, Polarity::Higher, points) == Rag::Red);
    CHECK(rate(92, 90, Polarity::Lower, points) == Rag::Amber);
    CHECK(rate(50, 90, Polarity::None, points) == Rag::None);
    CHECK(rag_word(Rag::Amber) == "Amber");
}

TEST_CASE("direction of travel compares the latest value with the one before, by polarity") {
    Tolerance two{2, true};
    Movement up = direction_of_travel({80.0, 85.0}, Polarity::Higher, two);
    CHECK(up.direction == Direction::Improving);
    CHECK(up.sign == 1);
    CHECK(direction_of_travel({80.0, 85.0}, Polarity::Lower, two).direction == Direction::Worsening);
    CHECK(direction_of_travel({576.0, 555.0}, Polarity::Lower, two).direction == Direction::Improving);
    CHECK(direction_of_travel({576.0, 555.0}, Polarity::Higher, two).direction == Direction::Worsening);
}

TEST_CASE("a move inside the stable band is stable; its edge is not") {
    Tolerance two{2, true};  // 2% of 100 is 2
    CHECK(direction_of_travel({100.0, 101.99}, Polarity::Higher, two).direction == Direction::Stable);
    CHECK(direction_of_travel({100.0, 98.01}, Polarity::Lower, two).direction == Direction::Stable);
    CHECK(direction_of_travel({100.0, 102.0}, Polarity::Higher, two).direction == Direction::Improving);
    CHECK(direction_of_travel({100.0, 100.0}, Polarity::None, two).direction == Direction::Stable);
}

TEST_CASE("missing months are skipped; fewer than two values give no direction") {
    Tolerance two{2, true};
    Movement m = direction_of_travel({90.0, std::nullopt, 80.0, std::nullopt}, Polarity::Higher, two);
    CHECK(m.from == 90);
    CHECK(m.to == 80);
    CHECK(m.direction == Direction::Worsening);
    CHECK(direction_of_travel({std::nullopt, 70.0}, Polarity::Higher, two).direction == Direction::None);
    CHECK(direction_of_travel({}, Polarity::Higher, two).direction == Direction::None);
    // Counts with no better way still show which way they moved.
    Movement count = direction_of_travel({113.0, 182.0}, Polarity::None, two);
    CHECK(count.direction == Direction::None);
    CHECK(count.sign == 1);
}
