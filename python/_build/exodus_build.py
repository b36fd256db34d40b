"""The PEP 517 build backend of the exodus Python package (standard library
only).

It writes a wheel holding python/exodus/*.py and, when it finds them, the
built library (libexodus.so.MAJOR) and command (exodus) under exodus/_lib/,
so the installed package works without the source tree. The version is the
library's own (exo_version()), read from the library it bundles, else from
include/exodus.h. Where to look: $EXODUS_LIBRARY and $EXODUS (files), else
../build/ beside this python/ folder (a checkout after make).

A wheel that bundles the library is tagged for this platform
(py3-none-linux_x86_64); without it the wheel is pure Python and the
package looks for an installed libexodus at import time.
"""

import base64
import ctypes
import hashlib
import os
import re
import sysconfig
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(HERE)
NAME = "exodus"


def _find_library():
    env = os.environ.get("EXODUS_LIBRARY")
    if env:
        if not os.path.isfile(env):
            raise OSError("EXODUS_LIBRARY=%s: no such file" % env)
        return env
    build = os.path.join(ROOT, "build")
    if os.path.isdir(build):
        for f in sorted(os.listdir(build)):
            if re.fullmatch(r"libexodus\.so\.\d+", f):
                return os.path.join(build, f)
    return None


def _find_command():
    env = os.environ.get("EXODUS")
    if env:
        return env if os.path.isfile(env) else None
    exe = os.path.join(ROOT, "build", "exodus")
    return exe if os.path.isfile(exe) else None


def _version(lib):
    if lib:
        try:
            f = ctypes.CDLL(os.path.realpath(lib)).exo_version
            f.restype = ctypes.c_char_p
            return f().decode()
        except OSError:
            pass
    header = os.path.join(ROOT, "include", "exodus.h")
    with open(header) as f:
        text = f.read()
    parts = [re.search(r"#define EXO_VERSION_%s (\d+)" % k, text).group(1)
             for k in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def _metadata(version):
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n"
            "Summary: Is this organisation in a talent death spiral? "
            "Python over libexodus\nRequires-Python: >=3.9\n"
            "Provides-Extra: pandas\n"
            "Requires-Dist: pandas; extra == \"pandas\"\n"
            "Requires-Dist: numpy; extra == \"pandas\"\n"
            "Provides-Extra: plot\n"
            "Requires-Dist: matplotlib; extra == \"plot\"\n"
            % (NAME, version))


def _record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return "%s,sha256=%s,%d" % (arcname, digest.rstrip(b"=").decode(),
                                len(data))


def _files():
    """(arcname, bytes, mode) of the package and what it bundles."""
    pkg = os.path.join(HERE, NAME)
    for f in sorted(os.listdir(pkg)):
        if f.endswith(".py"):
            with open(os.path.join(pkg, f), "rb") as fh:
                yield "%s/%s" % (NAME, f), fh.read(), 0o644
    lib = _find_library()
    if lib:
        with open(os.path.realpath(lib), "rb") as fh:
            yield ("%s/_lib/%s" % (NAME, os.path.basename(lib)), fh.read(),
                   0o755)
        exe = _find_command()
        if exe:
            with open(exe, "rb") as fh:
                yield "%s/_lib/exodus" % NAME, fh.read(), 0o755


def _tag(bundled):
    if not bundled:
        return "py3-none-any", "true"
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return "py3-none-%s" % plat, "false"


def get_requires_for_build_wheel(config_settings=None):
    """Nothing beyond the standard library."""
    return []


def get_requires_for_build_sdist(config_settings=None):
    """Nothing beyond the standard library."""
    return []


def build_wheel(wheel_directory, config_settings=None,
                metadata_directory=None):
    """Writes the wheel into 'wheel_directory'; returns its file name."""
    lib = _find_library()
    version = _version(lib)
    files = list(_files())
    tag, purelib = _tag(lib is not None)
    name = "%s-%s-%s.whl" % (NAME, version, tag)
    info = "%s-%s.dist-info" % (NAME, version)
    meta = [
        ("%s/METADATA" % info, _metadata(version).encode()),
        ("%s/WHEEL" % info, ("Wheel-Version: 1.0\nGenerator: exodus_build\n"
                             "Root-Is-Purelib: %s\nTag: %s\n"
                             % (purelib, tag)).encode()),
        ("%s/top_level.txt" % info, b"exodus\n"),
    ]
    record = []
    path = os.path.join(wheel_directory, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data, mode in files:
            zi = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            zi.external_attr = (0o100000 | mode) << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
            record.append(_record_line(arcname, data))
        for arcname, data in meta:
            z.writestr(arcname, data)
            record.append(_record_line(arcname, data))
        record.append("%s/RECORD,," % info)
        z.writestr("%s/RECORD" % info, "\n".join(record) + "\n")
    return name


def build_sdist(sdist_directory, config_settings=None):
    """A source archive of python/ (pyproject.toml, _build, exodus)."""
    import tarfile
    version = _version(_find_library())
    base = "%s-%s" % (NAME, version)
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as t:
        for rel in ("pyproject.toml", "_build/exodus_build.py"):
            t.add(os.path.join(HERE, rel), arcname="%s/%s" % (base, rel))
        pkg = os.path.join(HERE, NAME)
        for f in sorted(os.listdir(pkg)):
            if f.endswith(".py"):
                t.add(os.path.join(pkg, f),
                      arcname="%s/%s/%s" % (base, NAME, f))
        info = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n"
                % (NAME, version)).encode()
        import io
        ti = tarfile.TarInfo("%s/PKG-INFO" % base)
        ti.size = len(info)
        t.addfile(ti, io.BytesIO(info))
    return name
