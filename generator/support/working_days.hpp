// Working days in England and Wales: weekends and the bank holidays that
// follow fixed rules (New Year's Day, Good Friday, Easter Monday, the early
// May, spring and summer Mondays, Christmas and Boxing Day, each moved off a
// weekend as the proclamations move them). One-off holidays (a coronation,
// a jubilee) are not known here.
#pragma once

#include "support.hpp"

namespace agendapack {

Date add_days(const Date& date, int days);
bool bank_holiday(const Date& date);
bool working_day(const Date& date);
// The latest day an agenda can be published for a meeting: five clear
// working days before it (Local Government Act 1972, s.100B), the day of
// publication and the day of the meeting not counted.
Date statutory_issue_date(const Date& meeting);

}  // namespace agendapack
