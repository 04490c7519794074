#include "golden_cases.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace fs = std::filesystem;

namespace golden {

namespace {

fs::path root(std::string_view kind) { return fs::path(FRONTDOOR_SOURCE_DIR) / "tests/golden" / kind; }

// The invoker Catch2 calls for one folder's case; the registry owns it.
class FolderCase final : public Catch::ITestInvoker {
public:
    FolderCase(RunFolder run, fs::path folder) : run_(run), folder_(std::move(folder)) {}
    void invoke() const override { run_(folder_); }

private:
    RunFolder run_;
    fs::path folder_;
};

bool plain_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace

std::vector<fs::path> entries(std::string_view kind) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(root(kind))) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

std::string case_name(std::string_view kind, const fs::path& folder) {
    return "golden." + std::string(kind) + "." + folder.filename().string();
}

RegisterFolders::RegisterFolders(std::string_view kind, RunFolder run, const char* file, int line) {
    try {
        std::string tags = "[golden][" + std::string(kind) + "]";
        Catch::SourceLineInfo where(file, static_cast<std::size_t>(line));
        for (const auto& folder : entries(kind)) {
            if (!fs::is_directory(folder)) continue;  // check_registered reports it
            Catch::AutoReg registered(new FolderCase(run, folder), where, Catch::StringRef(),
                                      Catch::NameAndTags(case_name(kind, folder), tags));
        }
    } catch (...) {
        Catch::getMutableRegistryHub().registerStartupException();
    }
}

void check_registered(std::string_view kind, std::size_t minimum) {
    std::set<std::string> folders;
    for (const auto& entry : entries(kind)) {
        std::string name = entry.filename().string();
        INFO("tests/golden/" << kind << "/" << name
                             << ": each entry here must be a case folder, named in a-z, 0-9 and '-'");
        CHECK(fs::is_directory(entry));
        CHECK(plain_name(name));
        if (fs::is_directory(entry)) folders.insert(case_name(kind, entry));
    }
    std::string prefix = "golden." + std::string(kind) + ".";
    std::set<std::string> registered;
    for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests())
        if (test.name.rfind(prefix, 0) == 0) registered.insert(test.name);
    INFO("the folders of tests/golden/" << kind << " and the golden." << kind << ".* cases registered");
    CHECK(registered == folders);
    INFO("at least " << minimum << " cases expected");
    CHECK(folders.size() >= minimum);
}

}  // namespace golden
