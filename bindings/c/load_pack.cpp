// The C interface's loading of a pack (from a directory or from memory) and its diagnostics.
#include "c_handles.hpp"

#include <utility>

namespace {

using frontdoor::c_abi::guarded;
using frontdoor::c_abi::LiveDiagnostics;
using frontdoor::c_abi::LivePacks;

// Hands a load's pack and diagnostics to the caller; the status says which of them to read.
int hand_over(frontdoor::LoadResult result, fd_pack** pack, fd_diagnostics** diagnostics) {
    std::unique_ptr<fd_diagnostics> list;
    if (diagnostics != nullptr) {
        list = std::make_unique<fd_diagnostics>();
        for (const auto& d : result.diagnostics) list->rendered.push_back(frontdoor::render(d));
        list->items = std::move(result.diagnostics);
    }
    std::unique_ptr<fd_pack> loaded;
    if (result.pack) loaded = std::make_unique<fd_pack>(fd_pack{std::move(result.pack)});
    if (diagnostics != nullptr) *diagnostics = LiveDiagnostics::give(std::move(list));
    *pack = LivePacks::give(std::move(loaded));
    return *pack != nullptr ? FD_OK : FD_PACK_ERRORS;
}

int start_load(fd_pack** pack, fd_diagnostics** diagnostics) {
    if (pack == nullptr) return FD_INVALID_ARGUMENT;
    *pack = nullptr;
    if (diagnostics != nullptr) *diagnostics = nullptr;
    return FD_OK;
}

}  // namespace

extern "C" {

int fd_pack_load_directory(const char* directory, fd_pack** pack, fd_diagnostics** diagnostics) {
    return guarded([&] {
        if (int status = start_load(pack, diagnostics); status != FD_OK) return status;
        if (directory == nullptr) return static_cast<int>(FD_INVALID_ARGUMENT);
        return hand_over(frontdoor::Pack::load_directory(directory), pack, diagnostics);
    });
}

int fd_pack_load_files(const char* label, const fd_file* files, size_t count, fd_pack** pack,
                       fd_diagnostics** diagnostics) {
    return guarded([&] {
        if (int status = start_load(pack, diagnostics); status != FD_OK) return status;
        if (label == nullptr || (files == nullptr && count > 0)) return static_cast<int>(FD_INVALID_ARGUMENT);
        std::vector<std::pair<std::string, std::string>> copies;
        copies.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            const fd_file& file = files[i];
            if (file.name == nullptr || (file.content == nullptr && file.content_length > 0)) {
                return static_cast<int>(FD_INVALID_ARGUMENT);
            }
            copies.emplace_back(file.name,
                                std::string(file.content == nullptr ? "" : file.content, file.content_length));
        }
        return hand_over(frontdoor::Pack::load_files(label, std::move(copies)), pack, diagnostics);
    });
}

void fd_pack_free(fd_pack* pack) { LivePacks::free(pack); }

const char* fd_pack_name(const fd_pack* pack) { return LivePacks::live(pack) ? pack->pack->name().c_str() : nullptr; }

const char* fd_pack_version(const fd_pack* pack) {
    return LivePacks::live(pack) ? pack->pack->version().c_str() : nullptr;
}

const char* fd_pack_digest(const fd_pack* pack) {
    return LivePacks::live(pack) ? pack->pack->digest().c_str() : nullptr;
}

size_t fd_diagnostics_count(const fd_diagnostics* diagnostics) {
    return LiveDiagnostics::live(diagnostics) ? diagnostics->items.size() : 0;
}

int fd_diagnostics_get(const fd_diagnostics* diagnostics, size_t index, fd_diagnostic* diagnostic) {
    if (!LiveDiagnostics::live(diagnostics) || diagnostic == nullptr || index >= diagnostics->items.size()) {
        return FD_INVALID_ARGUMENT;
    }
    const frontdoor::Diagnostic& d = diagnostics->items[index];
    diagnostic->severity = d.severity == frontdoor::Severity::error     ? FD_SEVERITY_ERROR
                           : d.severity == frontdoor::Severity::warning ? FD_SEVERITY_WARNING
                                                                        : FD_SEVERITY_NOTE;
    diagnostic->file = d.file.c_str();
    diagnostic->line = d.line;
    diagnostic->column = d.column;
    diagnostic->message = d.message.c_str();
    diagnostic->rendered = diagnostics->rendered[index].c_str();
    return FD_OK;
}

void fd_diagnostics_free(fd_diagnostics* diagnostics) { LiveDiagnostics::free(diagnostics); }

}  // extern "C"
