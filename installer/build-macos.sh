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

version_arg="" dest=target/installer app_image_only=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --version) version_arg=$2; shift 2 ;;
        --dest) dest=$2; shift 2 ;;
        --app-image-only) app_image_only=true; shift ;;
        *) echo "build-macos.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done
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
[[ "$version" == 0.* ]] && version="1.${version#0.}"
mkdir -p "$dest"
dest=$(cd "$dest" && pwd) stage=$dest/stage

echo "[installer] staging the class path"
stage_inputs "$stage"
echo "[installer] finding the runtime modules (jdeps)"
modules=$(runtime_modules "$stage")
echo "[installer] linking the runtime: $modules"
link_runtime "$stage" "$modules" "$dest/runtime"

echo "[installer] building the app image"
rm -rf "${dest:?}/$name.app"
java_opts=()
while IFS= read -r line; do java_opts+=("$line"); done < <(java_option_args)
"$(jdk_tool jpackage)" --type app-image --dest "$dest" --name "$name" --app-version "$version" \
    --vendor "$(conf vendor)" --description "$(conf description)" --copyright "$(conf copyright)" \
    --input "$stage/app" --main-jar "$(conf main.jar)" --main-class "$(conf main.class)" \
    --runtime-image "$dest/runtime" --icon installer/icons/twinbench.icns \
    --mac-package-identifier org.twinbench.TwinBench --mac-package-name "$name" "${java_opts[@]}"
echo "[installer] app image: $dest/$name.app"

if $app_image_only; then
    exit 0
fi
echo "[installer] building the .dmg"
associations=()
while IFS= read -r line; do associations+=("$line"); done < <(association_files "$stage" "$(pwd)/installer/icons/twinbench.icns")
rm -f "$dest"/*.dmg
"$(jdk_tool jpackage)" --type dmg --dest "$dest" --app-image "$dest/$name.app" --name "$name" \
    --app-version "$version" --vendor "$(conf vendor)" --description "$(conf description)" \
    --copyright "$(conf copyright)" --about-url "$(conf about.url)" \
    --license-file "$stage/app/LICENSE.txt" "${associations[@]}" \
    --mac-package-identifier org.twinbench.TwinBench --mac-package-name "$name"
echo "[installer] package: $(ls "$dest"/*.dmg)"
