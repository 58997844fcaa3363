// RAG ratings and direction of travel: the rules councils apply by hand to
// performance scorecards, applied the same way every month.
#include "compute.hpp"

namespace agendapack::compute {

Rag rate(double value, double target, Polarity polarity, const Tolerance& tolerance) {
    if (polarity == Polarity::None) return Rag::None;
    // How far the value falls short of the target, in the good direction.
    double shortfall = polarity == Polarity::Higher ? target - value : value - target;
    if (shortfall <= 0) return Rag::Green;
    return shortfall <= tolerance.of(target) ? Rag::Amber : Rag::Red;
}

Movement direction_of_travel(const std::vector<std::optional<double>>& values, Polarity polarity, const Tolerance& stable_within) {
    std::vector<double> known;
    for (const auto& v : values)
        if (v) known.push_back(*v);
    Movement m;
    if (known.size() < 2) return m;
    m.from = known[known.size() - 2];
    m.to = known.back();
    double change = m.to - m.from;
    if (std::abs(change) < stable_within.of(m.from) || change == 0) {
        m.direction = Direction::Stable;
        m.sign = 0;
        return m;
    }
    m.sign = change > 0 ? 1 : -1;
    if (polarity == Polarity::None) m.direction = Direction::None;
    else m.direction = (m.sign > 0) == (polarity == Polarity::Higher) ? Direction::Improving : Direction::Worsening;
    return m;
}

std::string rag_word(Rag rag) {
    switch (rag) {
        case Rag::Red: return "Red";
        case Rag::Amber: return "Amber";
        case Rag::Green: return "Green";
        default: return "";
    }
}

std::string direction_word(Direction d) {
    switch (d) {
        case Direction::Improving: return "Improving";
        case Direction::Stable: return "Stable";
        case Direction::Worsening: return "Worsening";
        default: return "";
    }
}

}  // namespace agendapack::compute
