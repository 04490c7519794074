// The checked standard output (standard_output.hpp).
#include "standard_output.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <unistd.h>

namespace frontdoor::cli {

StandardOutput::StandardOutput() { setp(buffer_, buffer_ + sizeof buffer_); }

int StandardOutput::install() {
    if (::fcntl(STDOUT_FILENO, F_GETFD) < 0) return errno;
    std::signal(SIGPIPE, SIG_IGN);
    static StandardOutput sink;
    std::cout.rdbuf(&sink);
    std::cout.exceptions(std::ios::badbit);
    return 0;
}

void StandardOutput::write_all(const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t written = ::write(STDOUT_FILENO, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            if (first_error_ == 0) first_error_ = written < 0 ? errno : EIO;
            throw OutputFailed{first_error_};
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

void StandardOutput::drain() {
    std::size_t size = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
    write_all(buffer_, size);
}

StandardOutput::int_type StandardOutput::overflow(int_type c) {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize StandardOutput::xsputn(const char* data, std::streamsize size) {
    auto room = epptr() - pptr();
    if (size <= room) {
        std::memcpy(pptr(), data, static_cast<std::size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    drain();
    write_all(data, static_cast<std::size_t>(size));
    return size;
}

int StandardOutput::sync() {
    drain();
    return 0;
}

void StandardOutput::finish() {
    std::cout.flush();
    if (!std::cout.good()) throw OutputFailed{first_error_ != 0 ? first_error_ : EIO};
    if (::close(STDOUT_FILENO) != 0 && errno != EINTR) throw OutputFailed{errno};
}

void StandardOutput::abandon() {
    std::cout.exceptions(std::ios::goodbit);
    std::cout.setstate(std::ios::badbit);
}

std::string StandardOutput::describe(const OutputFailed& failure) {
    return std::string("cannot write to standard output: ") + std::strerror(failure.error);
}

}  // namespace frontdoor::cli
