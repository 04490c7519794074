// The Python extension frontdoor._frontdoor: the public C++ API in Python's spelling. It translates
// and never decides; the package around it (frontdoor/*.py) adds dicts, pickling and the errors'
// Python classes. Deciding releases the GIL, so threads deciding on one pack run in parallel.
#include "convert_impact_report.hpp"
#include "find_line_cuts.hpp"
#include "frontdoor/batch.hpp"
#include "frontdoor/frontdoor.hpp"
#include "frontdoor/replay.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <sys/mman.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;
using frontdoor::Pack;

namespace {

const char* severity_name(frontdoor::Severity severity) {
    switch (severity) {
        case frontdoor::Severity::error: return "error";
        case frontdoor::Severity::warning: return "warning";
        case frontdoor::Severity::note: return "note";
    }
    return "error";
}

// (pack or None, [Diagnostic(...)]): the package's Diagnostic class makes each one.
py::tuple to_python(frontdoor::LoadResult result) {
    py::object make = py::module_::import("frontdoor.diagnostics").attr("Diagnostic");
    py::list diagnostics;
    for (const auto& d : result.diagnostics) {
        diagnostics.append(make(severity_name(d.severity), d.file, d.line, d.column, d.message, frontdoor::render(d)));
    }
    py::object pack = result.pack ? py::cast(std::const_pointer_cast<Pack>(result.pack)) : py::none();
    return py::make_tuple(pack, diagnostics);
}

// How the Python side names a decision's explanation (frontdoor/pack.py, explanation_form): none,
// full (the decision schema's), or compact ("$ref"s into Pack::explanation_dictionary).
enum class Explanation { none = 0, full = 1, compact = 2 };

frontdoor::DecideOptions decide_options(int explanation) {
    auto form = static_cast<Explanation>(explanation);
    if (form != Explanation::none && form != Explanation::full && form != Explanation::compact)
        throw std::invalid_argument("explanation is 0 (none), 1 (full) or 2 (compact)");
    return frontdoor::DecideOptions{.explain = form != Explanation::none,
                                    .compact_explanation = form == Explanation::compact};
}

// Decides with the GIL released; a refusal is raised as frontdoor.Refused(path, message).
std::string decide_json(const Pack& pack, const std::string& text, int explanation) {
    const frontdoor::DecideOptions options = decide_options(explanation);
    frontdoor::Decided decided;
    {
        py::gil_scoped_release release;
        decided = pack.decide(text, options);
    }
    if (decided.refused) {
        py::object refused = py::module_::import("frontdoor.errors").attr("Refused");
        PyErr_SetObject(refused.ptr(), refused(decided.path, decided.message).ptr());
        throw py::error_already_set();
    }
    return std::move(decided.json);
}

// Seconds for `count` C++ decisions of `text` (GIL released): the baseline the Python overhead
// benchmark (benchmarks/bench_python_overhead.py) subtracts.
double time_cpp_decide(const Pack& pack, const std::string& text, bool explain, std::size_t count) {
    py::gil_scoped_release release;
    auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < count; ++i) {
        frontdoor::Decided decided = pack.decide(text, frontdoor::DecideOptions{explain});
        if (decided.refused) throw std::invalid_argument("the benchmark contact was refused: " + decided.message);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Answers written straight into a Python bytes object of an estimated size, so that the answers
// are not built in a std::string and then copied into bytes (a second 25 MiB a partition, each
// page of it faulted in afresh on a Dask worker; docs/performance.md, "Dask"). Answers beyond the
// estimate go to `overflow`. Untouched pages of the estimate cost nothing; taking() shrinks the
// object to what was written. Written to with the GIL released: no other code sees the object.
class AnswerBytes {
public:
    explicit AnswerBytes(std::size_t capacity)
        : bytes_(
              py::reinterpret_steal<py::object>(PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(capacity)))),
          capacity_(capacity) {
        if (!bytes_) throw py::error_already_set();
        ask_for_huge_pages(PyBytes_AS_STRING(bytes_.ptr()), capacity);
    }

    void append(std::string_view group) {
        if (overflow_.empty() && used_ + group.size() <= capacity_) {
            std::memcpy(PyBytes_AS_STRING(bytes_.ptr()) + used_, group.data(), group.size());
            used_ += group.size();
        } else {
            overflow_ += group;
        }
    }

    // The answers as bytes (the GIL held).
    py::object taking() {
        if (!overflow_.empty()) {
            std::string all(PyBytes_AS_STRING(bytes_.ptr()), used_);
            all += overflow_;
            return py::bytes(all);
        }
        PyObject* raw = bytes_.release().ptr();
        if (_PyBytes_Resize(&raw, static_cast<Py_ssize_t>(used_)) != 0) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(raw);
    }

private:
    // 25 MiB of explained answers are 6,400 page faults of 4 KiB, each a costly trap on a virtual
    // machine; with transparent huge pages ("madvise" mode) they are a dozen of 2 MiB. Only the
    // whole 2 MiB pages inside the buffer are marked; where the kernel cannot, nothing changes.
    static void ask_for_huge_pages(char* data, std::size_t size) {
#ifdef MADV_HUGEPAGE
        constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
        const auto start = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
        const auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(huge - 1);
        if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#else
        (void)data;
        (void)size;
#endif
    }

    py::object bytes_;
    std::size_t capacity_;
    std::size_t used_ = 0;
    std::string overflow_;
};

// The bytes of a Python bytes object, read in place: a partition's slice (16 MiB) is not copied into
// a std::string, whose fresh pages a Dask worker would fault in for every partition. The caller's
// reference keeps the object alive, and bytes are immutable, so the view holds with the GIL released.
std::string_view bytes_view(const py::bytes& bytes) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    if (PyBytes_AsStringAndSize(bytes.ptr(), &data, &size) != 0) throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
}

// A batch's slice, as `frontdoor eval --jsonl` reads and answers it: `text` holds whole lines (it
// starts at a line start and ends after an LF or at the end of its file) and its first line is
// line `first_line` of its file. Returns (the answers, one line each ending in LF, the number
// decided, [(line, path, message)] for each refusal). The GIL is released while deciding; a read
// cannot fail on bytes in memory.
py::tuple decide_lines(const Pack& pack, const py::bytes& slice, std::size_t first_line, int explanation,
                       unsigned threads) {
    const std::string_view text = bytes_view(slice);
    const frontdoor::DecideOptions decide = decide_options(explanation);
    // Room for every answer at once: answers grown by doubling would map, fill and unmap fresh pages
    // at every step, which cost a 4 MiB slice 40% more time than deciding it in small calls
    // (docs/performance.md, "Dask"). An explained answer is 10-13 times its contact, one without the
    // explanation about its size.
    AnswerBytes answers(text.size() * (decide.explain ? 16 : 2) + 4096);
    frontdoor::BatchSummary summary;
    {
        py::gil_scoped_release release;
        frontdoor::JsonLinesReader lines(frontdoor::view_blocks(text));
        frontdoor::BatchOptions options;
        options.decide = decide;
        options.threads = std::max(threads, 1u);
        options.first_line = first_line;
        options.list_refusals = true;
        options.release_bytes = 64 << 10;  // each answer straight into `answers`: no second large buffer
        summary = frontdoor::decide_batch(pack, lines, nullptr, options,
                                          [&](std::string_view group) { answers.append(group); });
    }
    std::vector<std::tuple<std::size_t, std::string, std::string>> refusals;
    refusals.reserve(summary.refusals.size());
    for (auto& refusal : summary.refusals)
        refusals.emplace_back(refusal.line, std::move(refusal.path), std::move(refusal.message));
    return py::make_tuple(answers.taking(), summary.decided, refusals);
}

// The impact of `after` against `before` on a slice of a contacts file (whole lines, its first line
// being line `first_line` of the file; `source`, when not empty, the file's name in the labels), as
// a report tuple; one thread, the GIL released. A slice in memory cannot fail to read.
frontdoor::python::ReportTuple assess_impact_lines(const Pack& before, const Pack& after, const py::bytes& slice,
                                                   std::size_t first_line, const std::string& source) {
    const std::string_view text = bytes_view(slice);
    frontdoor::ImpactReport report;
    {
        py::gil_scoped_release release;
        frontdoor::JsonLinesReader lines(frontdoor::view_blocks(text));
        report = frontdoor::assess_contacts_impact(lines, before, after, 1, first_line, {}, source);
    }
    return frontdoor::python::to_tuple(report);
}

frontdoor::python::ReportTuple merge_impact(const std::vector<frontdoor::python::ReportTuple>& parts) {
    std::vector<frontdoor::ImpactReport> reports;
    for (const auto& part : parts) reports.push_back(frontdoor::python::from_tuple(part));
    return frontdoor::python::to_tuple(frontdoor::merge_impact(std::move(reports)));
}

// ([(offset, line)], size): find_line_cuts with the GIL released; an OSError (errno, strerror, path)
// when the file cannot be read, as open() raises.
py::tuple line_cuts(const std::string& path, std::uint64_t partition_bytes) {
    frontdoor::python::LineCuts found;
    bool read = false;
    int error = 0;
    {
        py::gil_scoped_release release;
        read = frontdoor::python::find_line_cuts(path, partition_bytes, found);
        error = errno;
    }
    if (!read) {
        errno = error;
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path.c_str());
        throw py::error_already_set();
    }
    return py::make_tuple(py::cast(found.cuts), found.size);
}

std::vector<std::pair<std::string, py::bytes>> pack_files(const Pack& pack) {
    std::vector<std::pair<std::string, py::bytes>> files;
    for (const auto& [name, content] : pack.files()) files.emplace_back(name, py::bytes(content));
    return files;
}

}  // namespace

PYBIND11_MODULE(_frontdoor, m) {
    m.doc() = "Frontdoor's C++ API; use the frontdoor package, not this module.";
    py::class_<Pack, std::shared_ptr<Pack>>(m, "Pack")
        .def_property_readonly("name", &Pack::name)
        .def_property_readonly("version", &Pack::version)
        .def_property_readonly("digest", &Pack::digest)
        .def("files", &pack_files)
        .def("input_schema", &Pack::input_schema)
        .def("decide_json", &decide_json, py::arg("text"), py::arg("explanation"))
        .def("decide_lines", &decide_lines, py::arg("text"), py::arg("first_line"), py::arg("explanation"),
             py::arg("threads"))
        .def("explanation_dictionary", &Pack::explanation_dictionary)
        .def("expand_explanation",
             [](const Pack& pack, const std::string& decision) { return pack.expand_explanation(decision); })
        .def("time_cpp_decide", &time_cpp_decide);
    m.def("line_cuts", &line_cuts, py::arg("path"), py::arg("partition_bytes"));
    m.def("load_directory", [](const std::string& directory) { return to_python(Pack::load_directory(directory)); });
    m.def("load_files", [](const std::string& label, std::vector<std::pair<std::string, std::string>> files) {
        return to_python(Pack::load_files(label, std::move(files)));
    });
    m.def("refusal_json", [](std::size_t line, const std::string& path, const std::string& message) {
        frontdoor::Decided decided;
        decided.refused = true;
        decided.path = path;
        decided.message = message;
        return frontdoor::refusal_json(line, decided);
    });
    m.def("assess_impact_lines", &assess_impact_lines, py::arg("before"), py::arg("after"), py::arg("text"),
          py::arg("first_line"), py::arg("source") = "");
    m.def("merge_impact", &merge_impact);
    // The report rendered by the library, as bytes: the same as `frontdoor replay` prints.
    m.def("impact_text", [](const frontdoor::python::ReportTuple& t) {
        return py::bytes(frontdoor::impact_text(frontdoor::python::from_tuple(t)));
    });
    m.def("impact_json", [](const frontdoor::python::ReportTuple& t) {
        return py::bytes(frontdoor::impact_json(frontdoor::python::from_tuple(t)) + "\n");
    });
    m.def("engine_version", [] { return std::string(frontdoor::engine_version()); });
}
