// `agendapack serve`: the preview. Builds the site as `build` does, serves
// output/ on 127.0.0.1 only (cpp-httplib, from Debian), watches content/,
// data/ and templates/ with inotify and builds again — incrementally, so
// only what changed — after each save. Open pages reload themselves after a
// build; while the sources have errors, every page shows them instead of a
// stale copy, and so does the terminal.
#include "serve_command.hpp"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "command.hpp"

namespace agendapack::app {

namespace {

namespace fs = std::filesystem;

const char* kServeUsage =
    "usage: agendapack serve [--port N] [--content DIR] [--data DIR] [--templates DIR] [--out DIR]\n"
    "\n"
    "  Builds the site into --out (default output/), serves it at http://127.0.0.1:N/ (default 8080)\n"
    "  and builds again whenever a file under content/, data/ or templates/ changes; open pages reload\n"
    "  themselves, and show the errors while the sources have any. Ctrl-C stops it.\n";

// Each page asks, every so often, whether a build has finished since it was
// loaded, and reloads when one has.
const char* kReloadScript =
    "(function () {\n"
    "  var seen = null;\n"
    "  function ask() {\n"
    "    fetch('/__agendapack/state', {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (s) {\n"
    "      if (seen !== null && s.generation !== seen) { location.reload(); return; }\n"
    "      seen = s.generation;\n"
    "      setTimeout(ask, 500);\n"
    "    }).catch(function () { setTimeout(ask, 2000); });\n"
    "  }\n"
    "  ask();\n"
    "})();\n";


std::string content_type(const std::string& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},         {".pdf", "application/pdf"},            {".png", "image/png"},
        {".jpg", "image/jpeg"},                {".jpeg", "image/jpeg"},                {".svg", "image/svg+xml"},
        {".ics", "text/calendar; charset=utf-8"}, {".xml", "application/xml"},        {".csv", "text/csv; charset=utf-8"},
        {".ico", "image/x-icon"},              {".txt", "text/plain; charset=utf-8"}, {".webmanifest", "application/manifest+json"}};
    const std::string extension = fs::path(path).extension().string();
    auto it = types.find(extension);
    return it == types.end() ? "application/octet-stream" : it->second;
}

// Watches folders and everything under them (folders made later too).
class Watcher {
public:
    explicit Watcher(const std::vector<std::string>& roots) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        if (fd_ < 0) throw std::runtime_error("cannot watch the sources (inotify)");
        for (const auto& root : roots) watch_tree(root);
    }
    ~Watcher() { close(fd_); }
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    // Waits up to `ms` for changes; true when there were some.
    bool wait(int ms) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, ms) <= 0) return false;
        bool changed = false;
        alignas(inotify_event) char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = read(fd_, buffer, sizeof buffer);
            if (n <= 0) break;
            for (char* at = buffer; at < buffer + n;) {
                const auto* event = reinterpret_cast<const inotify_event*>(at);
                at += sizeof(inotify_event) + event->len;
                changed = true;
                if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)) && event->len > 0) {
                    auto dir = folders_.find(event->wd);
                    if (dir != folders_.end()) watch_tree(join_path(dir->second, event->name));
                }
            }
        }
        return changed;
    }

private:
    void watch_tree(const std::string& dir) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return;
        const int wd = inotify_add_watch(fd_, dir.c_str(),
                                         IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB);
        if (wd >= 0) folders_[wd] = dir;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_directory(ec) && !entry.is_symlink(ec)) watch_tree(entry.path().string());
    }

    int fd_;
    std::map<int, std::string> folders_;
};

// The last build's outcome, shared by the builder and the server's threads.
struct State {
    std::mutex mutex;
    long generation = 0;  // builds finished
    bool ok = false;
    std::string errors;   // what the terminal printed for a failed build
};

// Maps a request's path to a file under `out`; empty when it leaves it.
std::string file_for(const std::string& out, const std::string& path) {
    if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos) return "";
    std::string relative = path.substr(1);
    for (size_t start = 0; start <= relative.size();) {
        const size_t slash = relative.find('/', start);
        const std::string part = relative.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == ".." || part == ".") return "";
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string file = join_path(out, relative);
    std::error_code ec;
    if (relative.empty() || fs::is_directory(file, ec)) file = join_path(file, "index.html");
    return file;
}

bool wants_page(const std::string& path) {
    const std::string extension = fs::path(path).extension().string();
    return extension.empty() || extension == ".html";
}

std::string error_page(const std::string& errors) {
    return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>The sources have errors — agendapack preview</title>"
           "<style>body{font-family:sans-serif;margin:1.5rem;max-width:60rem}pre{white-space:pre;background:#f3f3f3;padding:1rem;"
           "border-left:4px solid #b00020;overflow-x:auto}</style></head><body><main>"
           "<h1>The sources have errors</h1><p>Nothing was built. Fix these and save: this page reloads itself.</p><pre tabindex=\"0\">" +
           escape_markup(errors) + "</pre></main><script src=\"/__agendapack/reload.js\"></script></body></html>\n";
}

std::atomic<bool> stopping{false};
std::atomic<bool> signalled{false};

}  // namespace

int run_serve(const std::vector<std::string>& args) {
    Options options;
    options.command = "build";
    options.run.out = "output";
    options.run.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int port = 8080;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size()) {
            std::cerr << "agendapack: " << flag << " needs a value\n" << kServeUsage;
            return 2;
        }
        const std::string& value = args[++i];
        if (flag == "--port") {
            char* end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || n < 1 || n > 65535) {
                std::cerr << "agendapack: --port takes a number from 1 to 65535\n" << kServeUsage;
                return 2;
            }
            port = static_cast<int>(n);
        } else if (flag == "--content") options.build.paths.content = value;
        else if (flag == "--data") options.build.paths.data = value;
        else if (flag == "--templates") options.build.templates = value;
        else if (flag == "--out") options.run.out = value;
        else {
            std::cerr << "agendapack: unknown option '" << flag << "'\n" << kServeUsage;
            return 2;
        }
    }
    options.build.jobs = options.run.jobs;

    // Ctrl-C and SIGTERM are taken by one thread, which stops the server;
    // every other thread has them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    State state;
    auto build_now = [&] {
        Options run = options;
        std::ostringstream out, err;
        const int status = run_build(run, out, err, false);
        std::cout << out.str() << std::flush;
        std::cerr << err.str() << std::flush;
        std::lock_guard<std::mutex> lock(state.mutex);
        state.ok = status == 0;
        state.errors = err.str();
        ++state.generation;
    };
    std::unique_ptr<Watcher> watcher;
    try {
        watcher = std::make_unique<Watcher>(std::vector<std::string>{options.build.paths.content, options.build.paths.data, options.build.templates});
    } catch (const std::exception& error) {
        std::cerr << "agendapack: " << error.what() << "\n";
        return 1;
    }
    build_now();

    httplib::Server server;
    server.Get("/__agendapack/state", [&](const httplib::Request&, httplib::Response& res) {
        std::lock_guard<std::mutex> lock(state.mutex);
        res.set_header("Cache-Control", "no-store");
        res.set_content("{\"generation\":" + std::to_string(state.generation) + ",\"ok\":" + (state.ok ? "true" : "false") + "}",
                        "application/json");
    });
    server.Get("/__agendapack/reload.js", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(kReloadScript, "text/javascript; charset=utf-8");
    });
    server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        {
            std::lock_guard<std::mutex> lock(state.mutex);
            if (!state.ok && wants_page(req.path)) {
                res.status = 500;
                res.set_content(error_page(state.errors), "text/html; charset=utf-8");
                return;
            }
        }
        const std::string file = file_for(options.run.out, req.path);
        std::ifstream in(file, std::ios::binary);
        if (file.empty() || !in) {
            res.status = 404;
            res.set_content("Not found: " + req.path + "\n", "text/plain; charset=utf-8");
            return;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        std::string body = bytes.str();
        if (fs::path(file).extension() == ".html") {
            const size_t end = body.rfind("</body>");
            body.insert(end == std::string::npos ? body.size() : end, "<script src=\"/__agendapack/reload.js\"></script>");
        }
        res.set_content(std::move(body), content_type(file).c_str());
    });
    if (!server.bind_to_port("127.0.0.1", port)) {
        std::cerr << "agendapack: cannot listen on 127.0.0.1:" << port << " (in use? try --port)\n";
        return 1;
    }

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        signalled = true;
        stopping = true;
        server.stop();
    });
    std::thread builder([&] {
        while (!stopping) {
            if (!watcher->wait(250)) continue;
            // A save is often several events (an editor's temporary file,
            // then a rename): wait for quiet before building.
            while (!stopping && watcher->wait(150)) {
            }
            if (!stopping) build_now();
        }
    });
    std::cout << "agendapack: serving " << options.run.out << "/ at http://127.0.0.1:" << port
              << "/ — pages reload after each build; Ctrl-C stops\n"
              << std::flush;
    server.listen_after_bind();
    stopping = true;
    // The stopper waits for a signal; one that never came (the server
    // stopped by itself) is sent now so the thread can end.
    if (!signalled) kill(getpid(), SIGTERM);
    stopper.join();
    builder.join();
    std::cout << "agendapack: stopped\n";
    return 0;
}

}  // namespace agendapack::app
