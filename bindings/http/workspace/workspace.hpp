#pragma once
// `frontdoor workspace DIR` (docs/workspace.md): the pack directory the workspace edits and the
// built front-end it serves. Every file the workspace API names is a path relative to DIR, resolved
// by resolve_workspace_path, which refuses any path that could lead outside DIR.
#include "http/http_types.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace frontdoor::http {

struct Workspace {
    std::string pack_dir;  // as given, without a trailing '/': diagnostics name "<pack_dir>/<file>"
    std::string web_dir;   // the built front-end (web/dist); empty: the page is not served
    // Publishing (handle_workspace_publish.cpp): the directory a running service watches
    // (--publish-to; empty: publishing is not enabled), that service's base URL (--publish-service;
    // empty: the watch alone reloads it) and its admin bearer token (--publish-token-file).
    std::string publish_dir;
    std::string publish_service;
    std::string publish_token;
};

// A workspace path resolved, or why it is refused: 400 for a path that is not a plain relative
// path (empty, absolute, "..", ".", a hidden component, a backslash), 403 for one that leads outside
// the directory through a symbolic link, 404 for a file that does not exist when one must.
struct ResolvedPath {
    std::filesystem::path path;  // absolute, inside the directory; empty when refused
    beast_http::status status = beast_http::status::ok;
    std::string problem;  // names the path and what is wrong with it
    bool refused() const { return !problem.empty(); }
};

// Resolves `relative` inside `directory`; `must_exist`: the file must exist and be a regular file.
ResolvedPath resolve_workspace_path(const std::string& directory, const std::string& relative, bool must_exist);

struct WorkspaceFile {
    std::string path;  // relative to the directory, '/'-separated
    std::uintmax_t bytes = 0;
};
// Every regular file under `directory` (two levels deep: the rule and data files, scenarios/*.json),
// sorted, skipping hidden names and anything a symbolic link takes outside the directory.
std::vector<WorkspaceFile> list_workspace_files(const std::string& directory);

// Reads the file at `path` whole; nothing when it cannot be read or is larger than `limit` bytes.
std::optional<std::string> read_workspace_file(const std::filesystem::path& path, std::size_t limit);

// Writes `text` to `path` by writing a temporary file beside it and renaming it over `path`, so a
// reader (the service's hot reload) sees the old file or the new one, never half of one. Returns
// "" or why it failed.
std::string write_workspace_file(const std::filesystem::path& path, const std::string& text);

}  // namespace frontdoor::http
