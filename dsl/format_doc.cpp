#include "dsl/format_doc.hpp"

#include <algorithm>

namespace frontdoor::dsl::format {

namespace {

Doc make(DocKind kind, std::vector<Doc> parts, std::string value = {}, int indent = 0) {
    auto node = std::make_shared<DocNode>();
    node->kind = kind;
    node->text = std::move(value);
    node->indent = indent;
    node->hard = std::any_of(parts.begin(), parts.end(), [](const Doc& d) { return d->hard; });
    node->parts = std::move(parts);
    return node;
}

enum class Mode { flat, broken };

// One piece of work for the renderer: a document, the indentation of its new lines and whether
// its breaks are taken. For a fill, `from` is the first part still to print.
struct Command {
    int indent;
    Mode mode;
    const DocNode* doc;
    std::size_t from = 0;
};

class Renderer {
public:
    explicit Renderer(int width) : width_(width) {}
    std::string run(const Doc& root);

private:
    bool fits(std::vector<Command> next, bool with_rest) const;
    void print_fill(const Command& command);
    void new_line(int indent);

    int width_;
    int column_ = 0;
    std::string out_;
    std::string suffix_;
    std::vector<Command> stack_;
};

// Whether `next` (and, with `with_rest`, what follows it up to the next break) fits on the rest of
// the line. A break that will be taken ends the measure: what comes after it is on another line.
bool Renderer::fits(std::vector<Command> next, bool with_rest) const {
    int room = width_ - column_;
    std::size_t rest = stack_.size();
    std::reverse(next.begin(), next.end());
    while (room >= 0) {
        if (next.empty()) {
            if (!with_rest || rest == 0) return true;
            next.push_back(stack_[--rest]);
            continue;
        }
        Command command = next.back();
        next.pop_back();
        const DocNode& doc = *command.doc;
        switch (doc.kind) {
            case DocKind::text: room -= display_width(doc.text); break;
            case DocKind::line:
                if (command.mode == Mode::broken || doc.hard) return true;
                room -= display_width(doc.text);
                break;
            case DocKind::concat:
            case DocKind::fill:
                for (std::size_t i = doc.parts.size(); i-- > command.from;)
                    next.push_back({command.indent, command.mode, doc.parts[i].get()});
                break;
            case DocKind::nest:
            case DocKind::align: next.push_back({command.indent, command.mode, doc.parts.front().get()}); break;
            case DocKind::group:
                next.push_back({command.indent, doc.hard ? Mode::broken : command.mode, doc.parts.front().get()});
                break;
            case DocKind::line_suffix: break;
        }
    }
    return false;
}

void Renderer::new_line(int indent) {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += suffix_;
    suffix_.clear();
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent), ' ');
    column_ = indent;
}

// A fill prints each content flat when it fits on the rest of the line, and keeps a separator flat
// when, printed where the content before it ended, it and the content after it fit. A separator
// that holds a comment always breaks. (Prettier's fill, deciding each separator only once the
// content before it has been printed, so that a content spanning lines is measured from its end.)
void Renderer::print_fill(const Command& command) {
    const auto& parts = command.doc->parts;
    std::size_t i = command.from;
    if (i >= parts.size()) return;
    const DocNode* doc = parts[i].get();
    bool last = i + 1 >= parts.size();
    Command flat{command.indent, Mode::flat, doc};
    Command broken{command.indent, Mode::broken, doc};
    bool keep_flat = false;
    if (i % 2 == 0) {
        keep_flat = !doc->hard && fits({flat}, last);
    } else if (!last) {
        Command following{command.indent, Mode::flat, parts[i + 1].get()};
        keep_flat = !doc->hard && fits({flat, following}, i + 2 >= parts.size());
    }
    if (!last) stack_.push_back({command.indent, command.mode, command.doc, i + 1});
    stack_.push_back(keep_flat ? flat : broken);
}

std::string Renderer::run(const Doc& root) {
    stack_.push_back({0, Mode::broken, root.get()});
    while (!stack_.empty()) {
        Command command = stack_.back();
        stack_.pop_back();
        const DocNode& doc = *command.doc;
        switch (doc.kind) {
            case DocKind::text:
                out_ += doc.text;
                column_ += display_width(doc.text);
                break;
            case DocKind::line:
                if (command.mode == Mode::flat && !doc.hard) {
                    out_ += doc.text;
                    column_ += display_width(doc.text);
                } else {
                    new_line(command.indent);
                }
                break;
            case DocKind::concat:
                for (std::size_t i = doc.parts.size(); i-- > 0;)
                    stack_.push_back({command.indent, command.mode, doc.parts[i].get()});
                break;
            case DocKind::nest:
                stack_.push_back({command.indent + doc.indent, command.mode, doc.parts.front().get()});
                break;
            case DocKind::align: stack_.push_back({column_, command.mode, doc.parts.front().get()}); break;
            case DocKind::group: {
                Command flat{command.indent, Mode::flat, doc.parts.front().get()};
                bool flat_ok = !doc.hard && (command.mode == Mode::flat || fits({flat}, true));
                stack_.push_back(flat_ok ? flat : Command{command.indent, Mode::broken, doc.parts.front().get()});
                break;
            }
            case DocKind::fill: print_fill(command); break;
            case DocKind::line_suffix: suffix_ += doc.text; break;
        }
    }
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += suffix_;
    return out_;
}

}  // namespace

Doc text(std::string s) { return make(DocKind::text, {}, std::move(s)); }

Doc line(std::string flat) { return make(DocKind::line, {}, std::move(flat)); }

Doc softline() { return line(""); }

Doc hardline() {
    auto node = std::make_shared<DocNode>();
    node->kind = DocKind::line;
    node->hard = true;
    return node;
}

Doc concat(std::vector<Doc> parts) { return make(DocKind::concat, std::move(parts)); }

Doc nest(int by, Doc doc) { return make(DocKind::nest, {std::move(doc)}, {}, by); }

Doc align(Doc doc) { return make(DocKind::align, {std::move(doc)}); }

Doc group(Doc doc) { return make(DocKind::group, {std::move(doc)}); }

Doc fill(std::vector<Doc> parts) { return make(DocKind::fill, std::move(parts)); }

Doc line_suffix(std::string comment) {
    auto node = std::make_shared<DocNode>();
    node->kind = DocKind::line_suffix;
    node->text = std::move(comment);
    node->hard = true;
    return node;
}

int display_width(std::string_view text) {
    int width = 0;
    for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return width;
}

std::string render(const Doc& doc, int width) { return Renderer(width).run(doc); }

}  // namespace frontdoor::dsl::format
