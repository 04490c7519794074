"""Installs the build into a temporary prefix with `cmake --install`, then builds and runs a small C
program against the installed tree, once with pkg-config and once with CMake's find_package, as a
user of the library would. Exits non-zero, saying why, on any failure."""
import argparse
import os
import subprocess
import sys
import tempfile

PROGRAM = r"""
#include <frontdoor/frontdoor.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char** argv) {
    fd_pack* pack = NULL;
    if (argc != 2 || fd_abi_version() != FRONTDOOR_ABI_VERSION) return 3;
    int status = fd_pack_load_directory(argv[1], &pack, NULL);
    if (status != FD_OK) { fprintf(stderr, "%s\n", fd_status_text(status)); return 1; }
    const char contact[] = "{}";
    fd_refusal refusal = {NULL, NULL};
    char* decision = NULL;
    status = fd_decide(pack, contact, strlen(contact), 0, &decision, NULL, &refusal);
    printf("%s: %s at '%s': %s\n", fd_pack_name(pack), fd_status_text(status), refusal.path, refusal.message);
    fd_refusal_clear(&refusal);
    fd_free(decision);
    fd_pack_free(pack);
    return status == FD_REFUSED ? 0 : 1;
}
"""

CMAKE_PROJECT = """cmake_minimum_required(VERSION 3.20)
project(uses_frontdoor C)
find_package(frontdoor 0.1 REQUIRED)
add_executable(uses_frontdoor main.c)
target_link_libraries(uses_frontdoor PRIVATE frontdoor::c)
"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result.stdout


def find(prefix, name):
    for root, _, files in os.walk(prefix):
        if name in files:
            return os.path.join(root, name)
    sys.exit(f"{name} was not installed under {prefix}")


def check_answer(output, rules):
    expected = "hackney_mash: the contact was refused at '/contact_id': the required field 'contact_id' is missing\n"
    if output != expected:
        sys.exit(f"unexpected output from the installed program: {output!r}")


def main():
    parser = argparse.ArgumentParser()
    for option in ("--build", "--cc", "--cmake", "--rules", "--soversion"):
        parser.add_argument(option, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        prefix = os.path.join(temp, "prefix")
        run([args.cmake, "--install", args.build, "--prefix", prefix])
        library = find(prefix, f"libfrontdoor.so.{args.soversion}")
        soname = run(["objdump", "-p", library])
        if f"SONAME               libfrontdoor.so.{args.soversion}" not in soname:
            sys.exit(f"{library} has no SONAME libfrontdoor.so.{args.soversion}")
        find(prefix, "frontdoor.h")
        pc = find(prefix, "frontdoor.pc")
        main_c = os.path.join(temp, "main.c")
        with open(main_c, "w") as f:
            f.write(PROGRAM)

        env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pc))
        flags = run(["pkg-config", "--cflags", "--libs", "frontdoor"], env=env).split()
        libdir = run(["pkg-config", "--variable=libdir", "frontdoor"], env=env).strip()
        program = os.path.join(temp, "with_pkg_config")
        run([args.cc, "-std=c99", "-Wall", "-Werror", main_c, "-o", program, *flags, f"-Wl,-rpath,{libdir}"])
        check_answer(run([program, args.rules]), args.rules)

        project = os.path.join(temp, "project")
        os.mkdir(project)
        with open(os.path.join(project, "CMakeLists.txt"), "w") as f:
            f.write(CMAKE_PROJECT)
        os.rename(main_c, os.path.join(project, "main.c"))
        build = os.path.join(temp, "project-build")
        run([args.cmake, "-S", project, "-B", build, f"-DCMAKE_PREFIX_PATH={prefix}", f"-DCMAKE_C_COMPILER={args.cc}"])
        run([args.cmake, "--build", build])
        check_answer(run([os.path.join(build, "uses_frontdoor"), args.rules]), args.rules)
    print("installed: pkg-config and find_package(frontdoor) programs built and ran")


if __name__ == "__main__":
    main()
