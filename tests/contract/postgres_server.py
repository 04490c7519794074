"""A private PostgreSQL server for a test: Debian's server binaries, a fresh cluster in a scratch
directory, listening on a unix socket in that directory only (no TCP port), stopped on exit.

PostgreSQL refuses to run as root; as root (CI runs in a fresh container as root) the server runs
as the user `nobody` through `runuser`, with its directories handed to that user. Clients (the
frontdoor commands, psql) connect as the cluster's superuser role `frontdoor`, trusted on the
socket; nothing outside the scratch directory can reach it.
"""
import glob
import os
import pwd
import subprocess

SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests


def skip_status(reason):
    """What a test exits with when no server can run here: skipped (77), but failed (1) under CI=true,
    where scripts/setup.sh installs the server and a skip would hide that the checks never ran."""
    if os.environ.get("CI") == "true":
        print(f"FAIL no PostgreSQL under CI=true: {reason}")
        return 1
    print(f"skipped: {reason}")
    return SKIP


class Unavailable(Exception):
    """No PostgreSQL server can be started here, for the reason given."""


def server_binaries():
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2])):
        if all(os.access(os.path.join(directory, p), os.X_OK) for p in ("initdb", "pg_ctl", "psql")):
            return directory
    raise Unavailable("no PostgreSQL server under /usr/lib/postgresql/*/bin (scripts/setup.sh installs 'postgresql')")


class PostgresServer:
    def __init__(self, scratch):
        self.bin = server_binaries()
        self.home = os.path.join(scratch, "postgres")
        self.data = os.path.join(self.home, "data")
        self.socket = os.path.join(self.home, "socket")
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("nobody")
            except KeyError:
                raise Unavailable("running as root and there is no user 'nobody' to run the server as")
        self.started = False

    def _as_server_user(self, *command):
        prefix = ["runuser", "-u", self.user.pw_name, "--"] if self.user else []
        return subprocess.run(prefix + list(command), capture_output=True, text=True, timeout=120)

    def start(self):
        os.makedirs(self.socket)
        if self.user:
            # The scratch directory (0700, root's) must be passable for the server's user.
            os.chmod(os.path.dirname(self.home), 0o711)
            for path in (self.home, self.socket):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        done = self._as_server_user(os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "frontdoor",
                                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stdout}{done.stderr}")
        return self.resume()

    def resume(self):
        """Starts the server on its cluster again after stop() (what a database coming back looks like)."""
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' -c fsync=on -c synchronous_commit=on"
        done = self._as_server_user(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-o", options,
                                    "-l", os.path.join(self.home, "server.log"), "-w", "-t", "60", "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stdout}{done.stderr}{self.server_log()}")
        self.started = True
        return self

    def server_log(self):
        try:
            with open(os.path.join(self.home, "server.log"), encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self):
        if not self.started:
            return
        done = self._as_server_user(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "fast", "-w", "-t", "60", "stop")
        if done.returncode != 0:
            self._as_server_user(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop")
        self.started = False

    def __enter__(self):
        return self.start()

    def __exit__(self, *_):
        self.stop()

    def url(self, database, password=None):
        user = "frontdoor" + (f":{password}" if password else "")
        return f"postgresql://{user}@/{database}?host={self.socket}"

    def psql(self, database, sql):
        """Runs `sql` as the superuser; returns the rows, one string per row, columns joined by '|'."""
        done = subprocess.run([os.path.join(self.bin, "psql"), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                               "-h", self.socket, "-U", "frontdoor", "-d", database, "-c", sql],
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"psql {sql!r}: {done.stderr}")
        return done.stdout.splitlines()

    def create_database(self, name):
        self.psql("postgres", f"CREATE DATABASE {name}")
        return self.url(name)

