#!/usr/bin/env bash
# Builds the Linux distribution of TwinBench from `mvn -B -DskipTests package` output:
#   target/installer/runtime        trimmed Java runtime (jlink: jdeps' JDK modules + JavaFX)
#   target/installer/TwinBench      app image (jpackage): bin/TwinBench runs the GUI and the CLI
#   target/installer/*.deb          Debian package (jpackage; needs dpkg-deb and fakeroot)
# Usage: installer/build-linux.sh [--version 0.1.0-SNAPSHOT] [--dest DIR] [--app-image-only]
# `mvn -Pinstaller package` runs it. Needs a JDK 17+ with jpackage; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

parse_args build-linux.sh "$@"
[[ "$(uname -s)" == Linux ]] || { echo "build-linux.sh builds on Linux only; see installer/README.md" >&2; exit 2; }
case "$(uname -m)" in
    x86_64)  FX_CLASSIFIER=linux         CPP_PLATFORM=linux-x86_64 ONNX_NATIVE=linux-x64     SQLITE_NATIVE=Linux/x86_64 ;;
    aarch64) FX_CLASSIFIER=linux-aarch64 CPP_PLATFORM=linux-arm64  ONNX_NATIVE=linux-aarch64 SQLITE_NATIVE=Linux/aarch64 ;;
    *) echo "build-linux.sh: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
name=$(conf name)
version=$(app_version "$version_arg")

build_runtime
build_app_image "$name" "$version" installer/icons/twinbench.png
write_start_script "$dest/$name" "$name"
echo "[installer] app image: $dest/$name ($(du -sh "$dest/$name" | cut -f1))"
if $app_image_only; then
    exit 0
fi

# Without the Debian tools (e.g. on Fedora) the app image is still a complete, runnable result.
for tool in dpkg-deb fakeroot; do
    if ! command -v "$tool" >/dev/null; then
        echo "[installer] '$tool' is missing: no .deb built (apt-get install -y dpkg-dev fakeroot)" >&2
        exit 0
    fi
done
# installer/linux overrides jpackage's templates (desktop entry with %f, postinst/prerm that put
# `twinbench` on the PATH); the menu icon must sit beside them under the launcher's name.
rm -rf "$stage/resources" && cp -r installer/linux "$stage/resources"
cp installer/icons/twinbench.png "$stage/resources/$name.png"
# The payload is mostly jars and a jlink image, already deflated: xz -6 takes minutes and saves
# little, so compress lightly unless the caller chose otherwise.
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-xz} DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1}
build_package deb "$name" "$version" "$dest/$name" "$(pwd)/installer/icons/twinbench.png" \
    --resource-dir "$stage/resources" --linux-package-name twinbench \
    --linux-deb-maintainer "twinbench@users.noreply.github.com" \
    --linux-menu-group "Science;Education;" --linux-app-category science --linux-shortcut
