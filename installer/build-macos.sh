#!/usr/bin/env bash
# Builds the macOS distribution of TwinBench from `mvn -B -DskipTests package` output:
#   target/installer/runtime          trimmed Java runtime (jlink: jdeps' JDK modules + JavaFX)
#   target/installer/TwinBench.app    app image (jpackage)
#   target/installer/TwinBench-*.dmg  disk image (jpackage; uses hdiutil, part of macOS)
# Usage: installer/build-macos.sh [--version 0.1.0-SNAPSHOT] [--dest DIR] [--app-image-only]
# `mvn -Pinstaller package` runs it on a Mac. Needs a JDK 17+ with jpackage (set JAVA_HOME).
# The .dmg is unsigned: see installer/README.md for signing and notarising.
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh

parse_args build-macos.sh "$@"
[[ "$(uname -s)" == Darwin ]] || { echo "build-macos.sh builds on macOS only; see installer/README.md" >&2; exit 2; }
case "$(uname -m)" in
    x86_64) FX_CLASSIFIER=mac         CPP_PLATFORM=macosx-x86_64 ONNX_NATIVE=osx-x64     SQLITE_NATIVE=Mac/x86_64 ;;
    arm64)  FX_CLASSIFIER=mac-aarch64 CPP_PLATFORM=macosx-arm64  ONNX_NATIVE=osx-aarch64 SQLITE_NATIVE=Mac/aarch64 ;;
    *) echo "build-macos.sh: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
name=$(conf name)
# jpackage refuses a major version 0 on macOS (CFBundleVersion must start at 1), so a pre-1.0 build
# is numbered 1.<minor>.<patch> in the bundle; `TwinBench --version` still prints the project version.
version=$(app_version "$version_arg")
if [[ "$version" == 0.* ]]; then
    version="1.${version#0.}"
fi
bundle=(--mac-package-identifier org.twinbench.TwinBench --mac-package-name "$name")

build_runtime
build_app_image "$name" "$version" installer/icons/twinbench.icns "${bundle[@]}"
echo "[installer] app image: $dest/$name.app"
if $app_image_only; then
    exit 0
fi
build_package dmg "$name" "$version" "$dest/$name.app" "$(pwd)/installer/icons/twinbench.icns" "${bundle[@]}"
