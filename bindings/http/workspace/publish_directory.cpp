#include "publish_directory.hpp"

#include "workspace.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <set>
#include <thread>

namespace frontdoor::http {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t largest_pack_file = 64u << 20;

bool is_regular_file_here(const fs::path& path) {
    std::error_code error;
    return fs::symlink_status(path, error).type() == fs::file_type::regular;
}

// The *.rules files directly in `directory` (regular files, no hidden names) and the data files
// its pack names when it loads: the files a publish may replace or remove.
std::set<std::string> pack_files_in(const std::string& directory) {
    std::set<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (name.front() != '.' && name.ends_with(".rules") && is_regular_file_here(it->path())) names.insert(name);
    }
    LoadResult current = Pack::load_directory(directory);
    if (current.pack)
        for (const auto& [path, text] : current.pack->files()) names.insert(path);
    return names;
}

void sync_directory(const std::string& directory) {
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::string read_record(const fs::path& record) {
    if (!is_regular_file_here(record)) return "";
    return read_workspace_file(record, 4096).value_or("?");
}

// Creates the folders of `path` (relative) inside `directory`, one by one, refusing to go through
// anything that is not a real folder (a symbolic link, say), so nothing is created outside it.
std::string make_folders(const std::string& directory, const std::string& path) {
    fs::path at = directory;
    for (const auto& part : fs::path(path).parent_path()) {
        at /= part;
        std::error_code error;
        auto type = fs::symlink_status(at, error).type();
        if (type == fs::file_type::directory) continue;
        if (type != fs::file_type::not_found || part == ".." || !fs::create_directory(at, error))
            return "cannot make the folder of '" + path + "' in " + directory;
    }
    return "";
}

std::string write_pack_files(const Pack& draft, const std::string& directory, const PublishChanges& changes) {
    std::set<std::string> writing(changes.added.begin(), changes.added.end());
    writing.insert(changes.changed.begin(), changes.changed.end());
    for (const auto& [path, text] : draft.files()) {
        if (!writing.count(path)) continue;
        if (std::string problem = make_folders(directory, path); !problem.empty()) return problem;
        ResolvedPath at = resolve_workspace_path(directory, path, false);
        if (at.refused()) return at.problem;
        if (std::string problem = write_workspace_file(at.path, text); !problem.empty())
            return "'" + path + "' " + problem;
    }
    for (const auto& path : changes.removed) {
        ResolvedPath at = resolve_workspace_path(directory, path, true);
        std::error_code error;
        if (at.refused() || !is_regular_file_here(at.path)) continue;
        if (!fs::remove(at.path, error) && error) return "cannot remove '" + path + "': " + error.message();
    }
    return "";
}

}  // namespace

PublishChanges compare_with_directory(const Pack& draft, const std::string& directory) {
    PublishChanges changes;
    std::set<std::string> draft_names;
    for (const auto& [path, text] : draft.files()) {
        draft_names.insert(path);
        ResolvedPath at = resolve_workspace_path(directory, path, false);
        if (at.refused() || !is_regular_file_here(at.path)) {
            changes.added.push_back(path);
            continue;
        }
        if (read_workspace_file(at.path, largest_pack_file) != text) changes.changed.push_back(path);
    }
    for (const auto& name : pack_files_in(directory))
        if (!draft_names.count(name)) changes.removed.push_back(name);
    std::sort(changes.added.begin(), changes.added.end());
    std::sort(changes.changed.begin(), changes.changed.end());
    return changes;
}

std::string publish_to_directory(const Pack& draft, const std::string& directory, const PublishChanges& changes) {
    const std::string marker = (fs::path(directory) / publishing_marker).string();
    int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return "another publish is writing " + directory + " (" + marker +
                   " is there); wait for it, or remove that file if no publish is running";
        return "cannot create " + marker + ": " + std::strerror(errno);
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    bool noted = ::write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size());
    ::close(fd);
    std::string problem = noted ? write_pack_files(draft, directory, changes) : "cannot write " + marker;
    if (problem.empty()) {
        auto now = std::chrono::system_clock::now().time_since_epoch();
        std::string record = draft.digest() + " " +
                             std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()) + "\n";
        if (std::string failed = write_workspace_file(fs::path(directory) / published_record, record); !failed.empty())
            problem = "'" + std::string(published_record) + "' " + failed;
    }
    sync_directory(directory);
    ::unlink(marker.c_str());
    sync_directory(directory);
    return problem;
}

LoadResult load_settled_directory(const std::string& directory, std::chrono::milliseconds patience,
                                  const std::function<bool()>& stop) {
    const fs::path marker = fs::path(directory) / publishing_marker;
    const fs::path record = fs::path(directory) / published_record;
    auto deadline = std::chrono::steady_clock::now() + patience;
    for (;;) {
        if (!fs::exists(fs::symlink_status(marker))) {
            std::string before = read_record(record);
            LoadResult loaded = Pack::load_directory(directory);
            if (!fs::exists(fs::symlink_status(marker)) && read_record(record) == before) return loaded;
        }
        if (std::chrono::steady_clock::now() >= deadline || (stop && stop())) {
            Diagnostic waited;
            waited.file = directory;
            waited.message = "a publish has been writing this directory for " +
                             std::to_string(patience.count() / 1000) + " s (" + marker.string() +
                             " is there); nothing was loaded. Remove that file if no publish is running";
            LoadResult gave_up;
            gave_up.diagnostics.push_back(std::move(waited));
            return gave_up;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace frontdoor::http
