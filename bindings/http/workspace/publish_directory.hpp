#pragma once
// Publishing a pack into the directory a running service watches (docs/workspace.md, Publishing),
// so that the service never loads half of it. The publisher creates the marker file
// PUBDIR/.frontdoor-publishing (exclusively: one publish at a time), writes each file by rename,
// removes the pack files the new pack no longer has, records the publish in
// PUBDIR/.frontdoor-published (its digest and time, by rename) and removes the marker. The
// service's reload (load_settled_directory) waits while the marker is there, and loads again when
// the record changed while it was reading, so a reload that overlaps a publish never activates a
// mix of the old pack's files and the new one's. Neither file ends in .rules: the loader ignores them.
#include "frontdoor/frontdoor.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace frontdoor::http {

inline constexpr const char* publishing_marker = ".frontdoor-publishing";
inline constexpr const char* published_record = ".frontdoor-published";

// What publishing `draft` would change in `directory`, each list of paths relative to it, sorted.
struct PublishChanges {
    std::vector<std::string> added, changed, removed;
    bool empty() const { return added.empty() && changed.empty() && removed.empty(); }
};

// Compares the draft's files with the directory's. Removed are the pack files the draft lacks:
// the directory's *.rules files and the data files its own pack names (when it loads). Nothing
// else in the directory is ever counted, changed or removed.
PublishChanges compare_with_directory(const Pack& draft, const std::string& directory);

// Writes `draft` into `directory` as described above; returns "" or why it failed (the marker is
// removed either way, except when another publish holds it).
std::string publish_to_directory(const Pack& draft, const std::string& directory, const PublishChanges& changes);

// Pack::load_directory(directory) once no publish is writing it: waits while the marker is
// there, and loads again when the directory changed during the load; after `patience` it gives
// up with an error diagnostic saying a publish is still in progress (or left its marker behind).
// `stop`, when given, is asked between waits: true ends the wait at once (the service is stopping).
LoadResult load_settled_directory(const std::string& directory,
                                  std::chrono::milliseconds patience = std::chrono::seconds(30),
                                  const std::function<bool()>& stop = {});

}  // namespace frontdoor::http
