"""Check that every shared library the Linux bundle links to is in the bundle or expected on the laptop.

    python3 packaging/linux/check_libraries.py build/bundle/toso

The spec trims libraries (Qt plugins nobody uses, the GTK stack, printing and D-Bus libraries taken from the
laptop); this proves no kept file still needs a trimmed one, which the self-check on the build machine cannot
see, because the build machine has every library installed. Reads DT_NEEDED with readelf; exit 1 on a gap.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# From the laptop: the C library and loader, the graphics driver stack (must match the GPU driver), libxcb
# (PyInstaller never bundles it: it must match the X server), and the
# libraries packaging/toso.spec leaves to the system on purpose (HOST_LIBRARIES there).
FROM_HOST = (
    "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libutil.so", "ld-linux", "libresolv.so",
    "libGL.so", "libEGL.so", "libGLX.so", "libGLdispatch.so", "libOpenGL.so", "libgbm.so", "libdrm.so",
    "libvulkan.so", "libxcb.so.1", "libwayland-", "libxkbcommon", "libfontconfig.so", "libfreetype.so",
    "libcups.", "libgnutls.", "libavahi-", "libp11-kit.", "libunistring.", "libidn2.", "libtasn1.", "libnettle.",
    "libhogweed.", "libgmp.", "libdbus-1.", "libsystemd.", "libgcrypt.", "libgpg-error.", "libcap.", "liblz4.",
)  # fmt: skip


def needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file (none for other files)."""
    done = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False)
    return [line.split("[", 1)[1].rstrip("]") for line in done.stdout.splitlines() if "(NEEDED)" in line]


def main(bundle: Path) -> int:
    """Print every unmet dependency; 0 when there is none."""
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    present = {path.name for path in bundle.rglob("*")}
    gaps = []
    for path in files:
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        for name in needed(path):
            if name not in present and not name.startswith(FROM_HOST):
                gaps.append(f"{path.relative_to(bundle)} needs {name}")
    for gap in sorted(gaps):
        print(f"check_libraries: {gap}", file=sys.stderr)
    if gaps:
        print(f"check_libraries: {len(gaps)} libraries missing from the bundle", file=sys.stderr)
        return 1
    print(f"check_libraries: every library the bundle links to is there or expected on the laptop ({len(files)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
