"""Build hook: compile the C walker of sales documents (``src/rakuten_assist/api/_csales.pyx``).

It walks a 10,000-sale page about 2.5 times faster than the pure-Python walker it mirrors,
which makes reading the page (parse, models, DataFrame) about a fifth faster; see
``bench/parse.py``. It is optional: without a C compiler the package installs anyway
and ``_sales_xml`` uses the Python walker, with the same results. The build says which.

Environment:
    RAKUTEN_ASSIST_PURE_PYTHON=1       do not build it.
    RAKUTEN_ASSIST_REQUIRE_COMPILED=1  fail the build if it cannot be built (CI).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "rakuten_assist.api._csales"
SOURCE = "src/rakuten_assist/api/_csales.pyx"


class CompiledWalkerHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles ``_csales`` into the wheel, or next to its source for an editable install."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("RAKUTEN_ASSIST_PURE_PYTHON"):
            self.app.display_info("rakuten-assist: RAKUTEN_ASSIST_PURE_PYTHON is set, no C walker")
            return
        self._work = Path(tempfile.mkdtemp(prefix="rakuten-assist-build-"))
        try:
            built = _compile(Path(self.root), self._work, in_place=version == "editable")
        except Exception as exc:
            if os.environ.get("RAKUTEN_ASSIST_REQUIRE_COMPILED"):
                raise
            self.app.display_warning(
                f"rakuten-assist: the C walker of sales documents was not built ({exc}); "
                "the pure-Python walker will be used (same results; a 10,000-sale page takes "
                "about a fifth longer to read). Install a C compiler and the Python headers, "
                "then reinstall, to build it."
            )
            return
        self.app.display_info(f"rakuten-assist: built the C walker {built.name}")
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":
            build_data["force_include"][str(built)] = f"rakuten_assist/api/{built.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _compile(root: Path, work: Path, *, in_place: bool) -> Path:
    """Cythonize and compile the walker; returns the path of the built extension."""
    import lxml
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    with contextlib.chdir(root):
        extension = Extension(
            MODULE,
            [SOURCE],
            include_dirs=lxml.get_include(),
            # lxml's headers define helpers this module does not use: not worth a warning.
            extra_compile_args=[] if sys.platform == "win32" else ["-Wno-unused-function"],
        )
        modules = cythonize(
            [extension],
            build_dir=str(work / "c"),
            quiet=True,
            compiler_directives={"language_level": 3},
        )
        dist = Distribution({"ext_modules": modules, "package_dir": {"": "src"}})
        command: Any = dist.get_command_obj("build_ext")
        command.build_temp = str(work / "temp")
        if in_place:
            command.inplace = True
        else:
            command.build_lib = str(work / "lib")
        command.ensure_finalized()
        command.run()
        return Path(command.get_ext_fullpath(MODULE)).resolve()
