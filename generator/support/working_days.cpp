#include "working_days.hpp"

#include <algorithm>
#include <vector>

namespace agendapack {

namespace {

// Days since 1 March of year 0 (a proleptic Gregorian count), and back.
long day_number(const Date& d) {
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int m = d.month <= 2 ? d.month + 9 : d.month - 3;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d.day - 1;
}

Date from_day_number(long n) {
    long y = (10000 * n + 14780) / 3652425;
    long day_of_year = n - (365 * y + y / 4 - y / 100 + y / 400);
    if (day_of_year < 0) {
        --y;
        day_of_year = n - (365 * y + y / 4 - y / 100 + y / 400);
    }
    const long m = (100 * day_of_year + 52) / 3060;
    Date d;
    d.year = static_cast<int>(y + (m + 2) / 12);
    d.month = static_cast<int>((m + 2) % 12 + 1);
    d.day = static_cast<int>(day_of_year - (m * 306 + 5) / 10 + 1);
    return d;
}

// Easter Sunday (the anonymous Gregorian algorithm).
Date easter(int year) {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    return {year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1};
}

// The first (or last) Monday of a month.
Date first_monday(int year, int month) {
    Date d{year, month, 1};
    return add_days(d, (7 - weekday(d)) % 7);
}
Date last_monday(int year, int month) {
    Date d = add_days(Date{month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1}, -1);
    return add_days(d, -weekday(d));
}

// A holiday on a Saturday or Sunday moves to the next weekday not taken.
Date substitute(Date day, const std::vector<Date>& taken) {
    while (weekday(day) >= 5 || std::find(taken.begin(), taken.end(), day) != taken.end()) day = add_days(day, 1);
    return day;
}

}  // namespace

Date add_days(const Date& date, int days) { return from_day_number(day_number(date) + days); }

bool bank_holiday(const Date& date) {
    const int y = date.year;
    std::vector<Date> days;
    days.push_back(substitute({y, 1, 1}, {}));
    const Date sunday = easter(y);
    days.push_back(add_days(sunday, -2));
    days.push_back(add_days(sunday, 1));
    days.push_back(first_monday(y, 5));
    days.push_back(last_monday(y, 5));
    days.push_back(last_monday(y, 8));
    const Date christmas = substitute({y, 12, 25}, {});
    days.push_back(christmas);
    days.push_back(substitute({y, 12, 26}, {christmas}));
    return std::find(days.begin(), days.end(), date) != days.end();
}

bool working_day(const Date& date) { return weekday(date) < 5 && !bank_holiday(date); }

Date statutory_issue_date(const Date& meeting) {
    Date day = meeting;
    for (int clear = 0; clear < 5;) {
        day = add_days(day, -1);
        if (working_day(day)) ++clear;
    }
    // Published on a working day before those five.
    do day = add_days(day, -1);
    while (!working_day(day));
    return day;
}

}  // namespace agendapack
