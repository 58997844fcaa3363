// `agendapack new meeting --committee SLUG --date YYYY-MM-DD`: the command
// line of the scaffold module.
#include "new_command.hpp"

#include <cstdlib>
#include <iostream>

#include "../scaffold/scaffold.hpp"

namespace agendapack::app {

const char* kNewUsage =
    "usage: agendapack new meeting --committee SLUG --date YYYY-MM-DD [--content DIR] [--data DIR]\n"
    "       agendapack new report --meeting ID --item N [--content DIR] [--data DIR]\n"
    "\n"
    "  Writes content/SLUG/YYYY-MM-DD/meeting.yaml (time and venue as at the committee's last meeting,\n"
    "  the issue date the statutory notice needs, the minutes item) and a first draft of the previous\n"
    "  meeting's minutes, and adds the date to the municipal year's meetings when it is missing.\n"
    "  `new report` writes the report meeting.yaml lists for item N (its file named like 07-….md) with\n"
    "  the sections of the cover-sheet form in force. Neither writes over a file.\n";

int run_new(const std::vector<std::string>& args) {
    if (args.empty() || (args[0] != "meeting" && args[0] != "report")) {
        std::cerr << "agendapack: new " << (args.empty() ? "needs what to make" : "cannot make '" + args[0] + "'") << "\n" << kNewUsage;
        return 2;
    }
    load::ContentPaths paths;
    std::string committee, date_text, meeting, item_text;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size()) {
            std::cerr << "agendapack: " << flag << (flag.rfind("--", 0) == 0 ? " needs a value" : ": unexpected") << "\n" << kNewUsage;
            return 2;
        }
        const std::string& value = args[++i];
        if (flag == "--committee") committee = value;
        else if (flag == "--date") date_text = value;
        else if (flag == "--meeting") meeting = value;
        else if (flag == "--item") item_text = value;
        else if (flag == "--content") paths.content = value;
        else if (flag == "--data") paths.data = value;
        else {
            std::cerr << "agendapack: unknown option '" << flag << "'\n" << kNewUsage;
            return 2;
        }
    }
    const bool report = args[0] == "report";
    const auto date = parse_iso_date(date_text);
    char* end = nullptr;
    const long item = std::strtol(item_text.c_str(), &end, 10);
    if (!report && (committee.empty() || !date)) {
        std::cerr << "agendapack: new meeting needs --committee and --date written YYYY-MM-DD\n" << kNewUsage;
        return 2;
    }
    if (report && (meeting.empty() || item_text.empty() || *end != '\0' || item < 1 || item > 99)) {
        std::cerr << "agendapack: new report needs --meeting and --item, a number from 1 to 99\n" << kNewUsage;
        return 2;
    }
    DiskFileSystem fs;
    // Sources as `build` reads them: inside their folders, within their limits.
    const SourceFileSystem sources({paths.content, paths.data, "templates"});
    try {
        const scaffold::Written written = report ? scaffold::new_report(sources, fs, paths, meeting, static_cast<int>(item))
                                                 : scaffold::new_meeting(sources, fs, paths, committee, *date);
        for (const auto& file : written.files) std::cout << "wrote " << file << "\n";
        for (const auto& note : written.notes) std::cout << note << "\n";
        if (!report) std::cout << "next: list the items under 'agenda' and write their reports; `agendapack check` says what is missing\n";
        return 0;
    } catch (const InputError& error) {
        std::cerr << error.what() << "\n";
        return 1;
    } catch (const InputErrors& errors) {
        for (const auto& error : errors.errors()) std::cerr << error.what() << "\n";
        std::cerr << "agendapack: fix these first (agendapack check shows each with its line)\n";
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "agendapack: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace agendapack::app
