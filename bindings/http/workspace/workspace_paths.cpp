// Path confinement and file access for the workspace (workspace.hpp). A path is first judged as
// text (no way out by "..", an absolute path or a hidden file), then resolved with every symbolic
// link followed: the result must still lie inside the directory's own canonical path.
#include "workspace.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace frontdoor::http {

namespace fs = std::filesystem;

namespace {

ResolvedPath refuse(beast_http::status status, std::string problem) {
    ResolvedPath resolved;
    resolved.status = status;
    resolved.problem = std::move(problem);
    return resolved;
}

// Why `relative` is not a plain relative path, or "".
std::string text_problem(const std::string& relative) {
    if (relative.empty()) return "give a file's path relative to the pack directory, e.g. thresholds.rules";
    if (relative.front() == '/')
        return "the path '" + relative + "' is absolute; give it relative to the pack directory";
    if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos)
        return "the path '" + relative + "' has a backslash or a NUL byte";
    std::stringstream parts(relative);
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part == "..")
            return "the path '" + relative + "' has a '..' component: it could lead outside the pack directory";
        if (part.empty() || part == ".") return "the path '" + relative + "' has an empty or '.' component";
        if (part.front() == '.') return "the path '" + relative + "' names a hidden file";
    }
    if (relative.back() == '/') return "the path '" + relative + "' names a directory, not a file";
    return "";
}

bool inside(const fs::path& root, const fs::path& path) {
    auto [end, _] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return end == root.end();
}

}  // namespace

ResolvedPath resolve_workspace_path(const std::string& directory, const std::string& relative, bool must_exist) {
    if (std::string problem = text_problem(relative); !problem.empty())
        return refuse(beast_http::status::bad_request, problem);
    std::error_code error;
    fs::path root = fs::canonical(directory, error);
    if (error) return refuse(beast_http::status::internal_server_error, "the pack directory cannot be read");
    fs::path resolved = fs::weakly_canonical(root / relative, error);
    if (error || !inside(root, resolved))
        return refuse(beast_http::status::forbidden,
                      "the path '" + relative + "' leads outside the pack directory (through a symbolic link)");
    fs::file_status status = fs::status(resolved, error);
    if (must_exist && !fs::exists(status))
        return refuse(beast_http::status::not_found, "there is no file '" + relative + "'");
    if (fs::exists(status) && !fs::is_regular_file(status))
        return refuse(beast_http::status::bad_request, "'" + relative + "' is not a regular file");
    if (!must_exist && !fs::is_directory(resolved.parent_path(), error))
        return refuse(beast_http::status::not_found, "the folder of '" + relative + "' does not exist");
    ResolvedPath ok;
    ok.path = resolved;
    return ok;
}

std::vector<WorkspaceFile> list_workspace_files(const std::string& directory) {
    std::vector<WorkspaceFile> files;
    std::error_code error;
    fs::path root = fs::canonical(directory, error);
    if (error) return files;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
    for (; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {
            if (it->is_directory(error)) it.disable_recursion_pending();
            continue;
        }
        if (it.depth() >= 1) it.disable_recursion_pending();
        std::string relative = it->path().lexically_relative(root).generic_string();
        ResolvedPath resolved = resolve_workspace_path(root.string(), relative, true);
        if (resolved.refused()) continue;
        files.push_back({relative, fs::file_size(resolved.path, error)});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

std::optional<std::string> read_workspace_file(const fs::path& path, std::size_t limit) {
    std::error_code error;
    auto size = fs::file_size(path, error);
    if (error || size > limit) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return std::nullopt;
    return text.str();
}

std::string write_workspace_file(const fs::path& path, const std::string& text) {
    std::string temporary = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(temporary.data());
    if (fd < 0) return "cannot create a temporary file beside it";
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == text.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(temporary.c_str(), path.c_str()) == 0) return "";
    ::unlink(temporary.c_str());
    return "cannot write it";
}

}  // namespace frontdoor::http
