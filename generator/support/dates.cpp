#include "support.hpp"

#include <array>
#include <charconv>

namespace agendapack {

namespace {

const std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
const std::array<const char*, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

std::optional<int> digits(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string ordinal_suffix(int day) {
    if (day % 100 >= 11 && day % 100 <= 13) return "th";
    switch (day % 10) {
        case 1: return "st";
        case 2: return "nd";
        case 3: return "rd";
        default: return "th";
    }
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = digits(text.substr(0, 4));
    auto m = digits(text.substr(5, 2));
    auto d = digits(text.substr(8, 2));
    if (!y || !m || !d || *y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
    return Date{*y, *m, *d};
}

int weekday(const Date& date) {
    // Sakamoto's method: 0 = Sunday, shifted so 0 = Monday.
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = date.year - (date.month < 3 ? 1 : 0);
    int sunday_based = (y + y / 4 - y / 100 + y / 400 + offsets[date.month - 1] + date.day) % 7;
    return (sunday_based + 6) % 7;
}

std::string month_name(int month) { return kMonths.at(month - 1); }

std::string iso(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

std::string long_date_with_weekday(const Date& d) {
    return std::string(kWeekdays[weekday(d)]) + ", " + std::to_string(d.day) + ordinal_suffix(d.day) + " " +
           month_name(d.month) + ", " + std::to_string(d.year);
}

std::string weekday_date(const Date& d) { return std::string(kWeekdays[weekday(d)]) + ", " + day_month_year(d); }

std::string day_month_year(const Date& d) {
    return std::to_string(d.day) + " " + month_name(d.month) + " " + std::to_string(d.year);
}

std::string upper_date(const Date& d) { return to_upper(day_month_year(d)); }

std::string padded_day_month(const Date& d) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", d.day);
    return std::string(buffer) + " " + month_name(d.month);
}

int municipal_year_start(const Date& d) { return d.month >= 5 ? d.year : d.year - 1; }

std::string municipal_year_label(int start_year) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", start_year, (start_year + 1) % 100);
    return buffer;
}

std::optional<std::string> printed_time(std::string_view hh_mm) {
    if (hh_mm.size() != 5 || hh_mm[2] != ':') return std::nullopt;
    auto h = digits(hh_mm.substr(0, 2));
    auto m = digits(hh_mm.substr(3, 2));
    if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
    int hour12 = *h % 12 == 0 ? 12 : *h % 12;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%d.%02d %s", hour12, *m, *h < 12 ? "am" : "pm");
    return std::string(buffer);
}

}  // namespace agendapack
