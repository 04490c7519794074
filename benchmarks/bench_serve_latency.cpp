// An open-loop HTTP load generator for `frontdoor serve` (wrk, from Debian, only closes the loop:
// it cannot hold a fixed rate). It posts JSON contacts round robin to a URL path at a fixed rate
// over keep-alive connections and prints the latency percentiles, each measured from the moment
// the request was due (not from when it could be sent), so a server that falls behind is charged
// for the queue it causes (no coordinated omission).
//
//   bench_serve_latency --port P --contacts FILE --rate R --seconds S [--connections C]
//                       [--path /v1/decisions?explain=false] [--host 127.0.0.1]
//
// Each connection is one thread with one request outstanding: connection k sends request
// k, k+C, k+2C, ... of the schedule (one every C/R seconds), each when due or, if the previous
// answer came late, at once. Bounded: it stops after S seconds of schedule (R*S requests) and gives
// up on a response after 10 s. Prints one line:
//   rate 1000/s: 10000 requests, 10000 ok (200), achieved 999/s, p50 0.21 ms p99 0.80 ms p99.9 2.10 ms max 3.0 ms
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string contacts;
    std::string path = "/v1/decisions";
    double rate = 1000;
    double seconds = 10;
    int connections = 16;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string name = argv[i], value = argv[i + 1];
        if (name == "--host") o.host = value;
        else if (name == "--port") o.port = std::atoi(value.c_str());
        else if (name == "--contacts") o.contacts = value;
        else if (name == "--path") o.path = value;
        else if (name == "--rate") o.rate = std::atof(value.c_str());
        else if (name == "--seconds") o.seconds = std::atof(value.c_str());
        else if (name == "--connections") o.connections = std::atoi(value.c_str());
        else throw std::runtime_error("unknown option " + name);
    }
    if (o.port <= 0 || o.contacts.empty() || o.rate <= 0 || o.seconds <= 0 || o.connections <= 0)
        throw std::runtime_error("usage: bench_serve_latency --port P --contacts FILE --rate R --seconds S");
    return o;
}

std::vector<std::string> requests_for(const Options& o) {
    std::ifstream in(o.contacts);
    std::vector<std::string> requests;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        requests.push_back("POST " + o.path + " HTTP/1.1\r\nHost: " + o.host +
                           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(line.size()) +
                           "\r\n\r\n" + line);
    }
    if (requests.empty()) throw std::runtime_error("no contacts in " + o.contacts);
    return requests;
}

int connect_to(const Options& o) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(o.port));
    ::inet_pton(AF_INET, o.host.c_str(), &address.sin_addr);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot connect to " + o.host + ":" + std::to_string(o.port));
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
}

// Reads one response (head, then Content-Length bytes of body); returns its status, 0 on failure.
int read_response(int fd, std::string& buffer) {
    char chunk[65536];
    auto fill = [&] {
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t head_end;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos)
        if (!fill()) return 0;
    std::size_t length = 0;
    auto at = buffer.find("Content-Length: ");
    if (at != std::string::npos && at < head_end) length = std::strtoul(buffer.c_str() + at + 16, nullptr, 10);
    while (buffer.size() < head_end + 4 + length)
        if (!fill()) return 0;
    int status = buffer.size() > 12 ? std::atoi(buffer.c_str() + 9) : 0;
    buffer.erase(0, head_end + 4 + length);
    return status;
}

struct Tally {
    std::mutex mutex;
    std::vector<double> micros;
    std::size_t ok = 0, failed = 0;
};

void run_connection(const Options& o, const std::vector<std::string>& requests, int k, Clock::time_point start,
                    std::size_t total, Tally& tally) {
    int fd = connect_to(o);
    std::string buffer;
    std::vector<double> micros;
    std::size_t ok = 0, failed = 0;
    auto interval = std::chrono::duration<double>(1.0 / o.rate);
    for (std::size_t i = static_cast<std::size_t>(k); i < total; i += static_cast<std::size_t>(o.connections)) {
        auto due = start + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(i));
        std::this_thread::sleep_until(due);
        const std::string& request = requests[i % requests.size()];
        int status = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size())
                         ? read_response(fd, buffer)
                         : 0;
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - due).count());
        status == 200 ? ++ok : ++failed;
        if (status == 0) break;  // the connection is gone: stop this connection's schedule
    }
    ::close(fd);
    std::lock_guard lock(tally.mutex);
    tally.micros.insert(tally.micros.end(), micros.begin(), micros.end());
    tally.ok += ok;
    tally.failed += failed;
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) try {
    Options o = parse(argc, argv);
    std::vector<std::string> requests = requests_for(o);
    auto total = static_cast<std::size_t>(o.rate * o.seconds);
    Tally tally;
    auto start = Clock::now() + std::chrono::milliseconds(100);
    std::vector<std::thread> threads;
    for (int k = 0; k < o.connections; ++k)
        threads.emplace_back([&, k] { run_connection(o, requests, k, start, total, tally); });
    for (auto& t : threads) t.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(tally.micros.begin(), tally.micros.end());
    std::printf("rate %.0f/s: %zu requests, %zu ok (200), %zu failed, achieved %.0f/s, p50 %.2f ms p99 %.2f ms "
                "p99.9 %.2f ms max %.2f ms\n",
                o.rate, tally.micros.size(), tally.ok, tally.failed, static_cast<double>(tally.micros.size()) / wall,
                percentile(tally.micros, 0.5) / 1000, percentile(tally.micros, 0.99) / 1000,
                percentile(tally.micros, 0.999) / 1000, tally.micros.empty() ? 0 : tally.micros.back() / 1000);
    return tally.failed == 0 ? 0 : 1;
} catch (const std::exception& error) {
    std::fprintf(stderr, "bench_serve_latency: %s\n", error.what());
    return 2;
}
