// Officers' shortcuts (`agendapack new …`): files a person would otherwise
// write by hand, filled from what the sources already know, so they pass
// `check` as written. Sources are read through `sources` (the command's
// SourceFileSystem: its links and limits), files written through `fs`.
// Nothing here overwrites a file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../load/load.hpp"

namespace agendapack::scaffold {

struct Written {
    std::vector<std::string> files;  // made, in the order written
    std::vector<std::string> notes;  // what else was done, or is left to do
};

// `new meeting`: the meeting's folder with meeting.yaml (time and venue as
// the committee's last meeting had them, the issue date the statutory
// notice needs, the minutes item for the previous meeting) and a first
// draft of those minutes; the date added to the municipal year's list
// when it is missing. Throws std::runtime_error, writing nothing, when the
// committee or the year file is missing or the folder exists.
Written new_meeting(const FileSystem& sources, OutputFileSystem& fs, const load::ContentPaths& paths, const std::string& committee, const Date& date);

// `new report`: the report the meeting's agenda lists for item `item` (the
// file named "07-…md" for item 7) that does not exist yet, with the front
// matter a report needs and the `##` sections of the cover-sheet form in
// force on the meeting's date. Throws std::runtime_error, writing nothing,
// when the meeting lists no such missing file.
Written new_report(const FileSystem& sources, OutputFileSystem& fs, const load::ContentPaths& paths, const std::string& meeting_id, int item);

// The year file's text with `date` added to its `meetings` list, in date
// order, the list's own style kept; nullopt when the list is written in a
// way this does not edit (then the officer adds it).
std::optional<std::string> add_meeting_date(const std::string& year_file, const Date& date);

}  // namespace agendapack::scaffold
