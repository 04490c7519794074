"""Builds the extension frontdoor._frontdoor with the project's CMake (pybind11's cmake_example way),
so that `python3 -m pip install --no-build-isolation bindings/python` works offline from the source
tree. FRONTDOOR_SOURCE_DIR names the source root when this directory was copied elsewhere;
FRONTDOOR_CMAKE_BUILD_DIR reuses an existing, configured build instead of a fresh one. The fresh build is the
project's tested configuration (RelWithDebInfo) with warnings left as warnings: an installer should
not fail on a newer compiler's new warning (g++ 12 at -O2 warns falsely in dsl/, GCC bug 105329)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        source = Path(os.environ.get("FRONTDOOR_SOURCE_DIR") or HERE.parents[1]).resolve()
        build = os.environ.get("FRONTDOOR_CMAKE_BUILD_DIR")
        if not build:
            build = str(Path(self.build_temp).resolve() / "cmake")
            subprocess.run(["cmake", "-S", str(source), "-B", build, "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                            "-DFRONTDOOR_WERROR=OFF",
                            f"-DPython_EXECUTABLE={sys.executable}", "-DFRONTDOOR_TESTS=OFF",
                            "-DFRONTDOOR_BENCHMARKS=OFF"], check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(["cmake", "--build", build, "--target", "frontdoor_python", "-j", jobs], check=True)
        built = sorted((Path(build) / "bindings" / "python" / "frontdoor").glob("_frontdoor*.so"))
        if not built:
            raise RuntimeError(f"the CMake build in {build} made no frontdoor/_frontdoor*.so")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], target)


setup(packages=["frontdoor"], ext_modules=[CMakeExtension("frontdoor._frontdoor")], cmdclass={"build_ext": CMakeBuild},
      zip_safe=False)
