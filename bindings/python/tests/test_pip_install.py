"""`pip install --no-build-isolation` from a copy of the source tree's bindings/python installs a
package that imports and decides in a fresh interpreter. FRONTDOOR_CMAKE_BUILD_DIR (set by CTest)
reuses the test build, so this checks the packaging, not a second compile of the engine."""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def test_pip_install_into_a_target(tmp_path, hackney_dir):
    source = tmp_path / "src"
    shutil.copytree(os.path.dirname(HERE), source, ignore=shutil.ignore_patterns("tests", "__pycache__", "build"))
    target = tmp_path / "site"
    env = dict(os.environ, FRONTDOOR_SOURCE_DIR=os.path.dirname(os.path.dirname(os.path.dirname(HERE))))
    env.pop("PYTHONPATH", None)
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps",
                              "--target", str(target), str(source)], capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    program = ("import frontdoor, sys; p = frontdoor.Pack.load(sys.argv[1]); "
               "print(frontdoor.__file__); print(p.name)")
    run = subprocess.run([sys.executable, "-c", program, hackney_dir], capture_output=True, text=True,
                         env=dict(env, PYTHONPATH=str(target)))
    assert run.returncode == 0, run.stderr
    where, name = run.stdout.splitlines()
    assert where.startswith(str(target)) and name == "hackney_mash"
