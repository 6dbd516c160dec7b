# Shared steps of build-linux.sh and build-macos.sh (sourced, not run). Works from the repository
# root on the output of `mvn -B -DskipTests package`: target/twinbench.jar and target/lib/.
# Stages the class path, computes the runtime modules with jdeps, links the runtime with jlink.

# parse_args SCRIPT ARGS...: the options every build script takes. Sets version_arg, app_image_only,
# dest (absolute) and stage (dest/stage).
parse_args() {
    local script=$1
    shift
    version_arg="" dest=target/installer app_image_only=false
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --version) version_arg=$2; shift 2 ;;
            --dest) dest=$2; shift 2 ;;
            --app-image-only) app_image_only=true; shift ;;
            *) echo "$script: unknown option '$1'" >&2; exit 2 ;;
        esac
    done
    mkdir -p "$dest"
    dest=$(cd "$dest" && pwd)
    stage=$dest/stage
}

# build_runtime: stages the class path and links dest/runtime (the platform variables of
# stage_inputs must be set).
build_runtime() {
    echo "[installer] staging the class path"
    stage_inputs "$stage"
    echo "[installer] finding the runtime modules (jdeps)"
    local modules
    modules=$(runtime_modules "$stage")
    echo "[installer] linking the runtime: $modules"
    link_runtime "$stage" "$modules" "$dest/runtime"
}

# build_app_image NAME VERSION ICON [JPACKAGE OPTIONS...]: the jpackage app image in dest.
build_app_image() {
    local name=$1 version=$2 icon=$3 java_opts=() line
    shift 3
    while IFS= read -r line; do java_opts+=("$line"); done < <(java_option_args)
    echo "[installer] building the app image"
    rm -rf "${dest:?}/$name" "${dest:?}/$name.app"
    "$(jdk_tool jpackage)" --type app-image --dest "$dest" --name "$name" --app-version "$version" \
        --vendor "$(conf vendor)" --description "$(conf description)" --copyright "$(conf copyright)" \
        --input "$stage/app" --main-jar "$(conf main.jar)" --main-class "$(conf main.class)" \
        --runtime-image "$dest/runtime" --icon "$icon" "${java_opts[@]}" "$@"
}

# write_start_script IMAGE NAME: IMAGE/bin/twinbench, a script that starts the JVM bin/NAME starts (the same Java,
# options, class path and main class, read from lib/app/NAME.cfg) without what jpackage's Linux launcher does first
# on every start: ask the package manager which package owns it (rpm -qf, dpkg -S, then dpkg -L, twice: 0.6-0.8 s
# on a machine with 1,500 packages; jdk.jpackage's LinuxPackage.c), and it maps the class archive the .deb's postinst
# makes itself, so the window starts in this one JVM (ui.StartupArchive starts a second only to give it the archive).
# The .deb's menu entry and /usr/bin/twinbench run it; docs/window.md, "Start-up".
write_start_script() {
    local image=$1 name=$2 cfg line key value main="" classpath="" options=""
    cfg=$image/lib/app/$name.cfg
    [[ -f "$cfg" ]] || { echo "$cfg: no launcher configuration" >&2; exit 2; }
    while IFS= read -r line; do
        key=${line%%=*} value=${line#*=}
        value=${value//\$APPDIR/\$app/lib/app}
        case "$value" in *[\"\`\\]*) echo "$cfg: cannot quote '$value' in a script" >&2; exit 2 ;; esac
        case "$key" in
            app.mainclass) main=$value ;;
            app.classpath) classpath=${classpath:+$classpath:}$value ;;
            java-options) options="$options \"$value\"" ;;
        esac
    done < "$cfg"
    [[ -n "$main" && -n "$classpath" ]] || { echo "$cfg: no main class or class path" >&2; exit 2; }
    {
        echo '#!/bin/sh'
        echo "# Starts $name as bin/$name does, without its launcher's package-manager queries (installer/common.sh,"
        echo "# write_start_script; generated from lib/app/$name.cfg)."
        echo 'app=$(dirname "$(dirname "$(readlink -f "$0")")")'
        echo '# The class archive postinst made for these files (ui.StartupArchive): mapped here, the window needs no second JVM.'
        echo 'archive='
        echo 'for file in "$app"/lib/app/startup-*.jsa; do [ -f "$file" ] && archive=$file; done'
        echo 'if [ -n "$archive" ]; then'
        echo "    exec \"\$app/lib/runtime/bin/java\"$options \"-Djpackage.app-path=\$app/bin/$name\" \"-XX:SharedArchiveFile=\$archive\" -Xshare:auto '-Xlog:cds*=off' -cp \"$classpath\" $main \"\$@\""
        echo 'fi'
        echo "exec \"\$app/lib/runtime/bin/java\"$options \"-Djpackage.app-path=\$app/bin/$name\" -cp \"$classpath\" $main \"\$@\""
    } > "$image/bin/twinbench"
    chmod 755 "$image/bin/twinbench"
}

# build_package TYPE NAME VERSION IMAGE ICON [JPACKAGE OPTIONS...]: the installer of TYPE from the
# app image IMAGE, with the licence and the file associations (shown with ICON).
build_package() {
    local type=$1 name=$2 version=$3 image=$4 icon=$5 associations=() line
    shift 5
    while IFS= read -r line; do associations+=("$line"); done < <(association_files "$stage" "$icon")
    echo "[installer] building the .$type"
    rm -f "$dest"/*."$type"
    "$(jdk_tool jpackage)" --type "$type" --dest "$dest" --app-image "$image" --name "$name" \
        --app-version "$version" --vendor "$(conf vendor)" --description "$(conf description)" \
        --copyright "$(conf copyright)" --about-url "$(conf about.url)" \
        --license-file "$stage/app/LICENSE.txt" "${associations[@]}" "$@"
    echo "[installer] package: $(ls "$dest"/*."$type") ($(du -sh "$dest"/*."$type" | cut -f1))"
}

conf() { # conf KEY -> the value of KEY in installer/app.conf
    local line
    line=$(grep -E "^$1=" installer/app.conf) || { echo "installer/app.conf: no key '$1'" >&2; exit 2; }
    printf '%s\n' "${line#*=}"
}

jdk_tool() { # jdk_tool NAME -> path of a JDK tool, from JAVA_HOME first, else from the PATH
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then
        echo "$JAVA_HOME/bin/$1"
    elif command -v "$1" >/dev/null; then
        command -v "$1"
    else
        echo "$1 not found: install a full JDK 17+ (it ships jlink, jdeps and jpackage) or set JAVA_HOME" >&2
        exit 2
    fi
}

java_home() { # the JDK whose jmods jlink links from: JAVA_HOME, else the one that owns jlink
    if [[ -n "${JAVA_HOME:-}" && -d "$JAVA_HOME/jmods" ]]; then
        echo "$JAVA_HOME"
    else
        dirname "$(dirname "$(readlink -f "$(jdk_tool jlink)")")"
    fi
}

# The project version, numeric as jpackage wants it (0.1.0-SNAPSHOT -> 0.1.0).
app_version() {
    local raw=${1:-}
    if [[ -z "$raw" ]]; then
        raw=$(unzip -p target/twinbench.jar org/twinbench/version.properties | sed -n 's/^version=//p' | tr -d '\r')
    fi
    echo "${raw%%-*}"
}

# stage_inputs OUT: OUT/app holds twinbench.jar, lib/*.jar (no JavaFX, no native jars of other
# platforms) and the licence; OUT/javafx holds the JavaFX platform jars (modules for jlink).
# The caller names its platform as the libraries spell it:
#   FX_CLASSIFIER  JavaFX jar classifier     (linux, linux-aarch64, mac, mac-aarch64)
#   CPP_PLATFORM   JavaCPP preset classifier (linux-x86_64, macosx-arm64, ...)
#   ONNX_NATIVE    ONNX Runtime native dir   (linux-x64, linux-aarch64, osx-x64, osx-aarch64)
#   SQLITE_NATIVE  sqlite-jdbc native dir    (Linux/x86_64, Linux/aarch64, Mac/x86_64, Mac/aarch64)
stage_inputs() {
    local out=$1
    [[ -f target/twinbench.jar && -d target/lib ]] || {
        echo "target/twinbench.jar is missing: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
    rm -rf "$out/app" "$out/javafx"
    mkdir -p "$out/app/lib" "$out/javafx"
    cp target/twinbench.jar "$out/app/"
    local jar name
    for jar in target/lib/*.jar; do
        name=$(basename "$jar")
        case "$name" in
            javafx-*-"$FX_CLASSIFIER".jar) cp "$jar" "$out/javafx/" ;;
            javafx-*) ;;                                    # the empty jar without classifier
            *-"$CPP_PLATFORM".jar) cp "$jar" "$out/app/lib/" ;;
            *-linux-*.jar|*-macosx-*.jar|*-windows-*.jar) ;;  # JavaCPP natives of other platforms
            *) cp "$jar" "$out/app/lib/" ;;
        esac
    done
    [[ -n "$(ls "$out/javafx")" ]] || {
        echo "no javafx-*-$FX_CLASSIFIER.jar in target/lib: build on the platform you package for" >&2; exit 2; }
    # Multi-platform jars carry native libraries for every OS; keep this platform's only.
    keep_natives "$out/app/lib/onnxruntime-"*.jar '^ai/onnxruntime/native/' "^ai/onnxruntime/native/$ONNX_NATIVE/"
    keep_natives "$out/app/lib/sqlite-jdbc-"*.jar '^org/sqlite/native/' "^org/sqlite/native/$SQLITE_NATIVE/"
    cat installer/licence/NOTICE.txt LICENSE > "$out/app/LICENSE.txt"
    # The classes a run of the window loads (listed by `mvn package`, ui.StartupArchiveBuild): once installed, the
    # Linux package makes the window's class archive from them (installer/linux/postinst; docs/window.md, "Start-up").
    if [[ "$(uname -s)" == Linux && -f target/startup-archive/classes-on-class-path.lst ]]; then
        cp target/startup-archive/classes-on-class-path.lst "$out/app/startup-classes.lst"
    fi
}

# keep_natives JAR PREFIX_RE KEEP_RE: deletes the entries under PREFIX_RE that KEEP_RE does not match.
keep_natives() {
    local jar=$1 prefix=$2 keep=$3
    [[ -f "$jar" ]] || return 0
    if ! command -v zip >/dev/null; then
        echo "note: 'zip' is missing, $(basename "$jar") keeps the native libraries of every OS" >&2
        return 0
    fi
    unzip -Z1 "$jar" | grep -E "$prefix" | grep -vE "$keep" | grep -v '/$' > "$jar.drop" || true
    if [[ -s "$jar.drop" ]]; then
        zip -q -d "$jar" -@ < "$jar.drop"
    fi
    rm -f "$jar.drop"
}

# runtime_modules STAGE: the JDK modules the class path needs (jdeps) + JavaFX + app.conf extras.
runtime_modules() {
    local stage=$1 cp
    cp=$(find "$stage/app/lib" -name '*.jar' | sort | paste -sd: -)
    local jdk
    jdk=$("$(jdk_tool jdeps)" --print-module-deps --ignore-missing-deps --multi-release 17 \
            --class-path "$cp" "$stage/app/twinbench.jar")
    echo "$jdk,$(conf javafx.modules | tr ' ' ','),$(conf extra.modules | tr ' ' ',')"
}

# link_runtime STAGE MODULES OUT: a trimmed Java runtime holding MODULES (JDK and JavaFX), with the
# class-data-sharing archive of its classes that a JDK ships (--generate-cds-archive runs the image's
# bin/java, so the native commands stay) and bin/java, with which the launcher starts the window's JVM
# on a second archive of the app's classes (ui.StartupArchive, docs/window.md#start-up).
link_runtime() {
    local stage=$1 modules=$2 out=$3
    rm -rf "$out"
    "$(jdk_tool jlink)" --module-path "$(java_home)/jmods:$stage/javafx" --add-modules "$modules" \
        --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
        --output "$out"
}

# association_files STAGE ICON: copies the file-association property files with this OS's icon.
association_files() {
    local stage=$1 icon=$2 f
    mkdir -p "$stage/associations"
    for f in installer/associations/*.properties; do
        { cat "$f"; echo "icon=$icon"; } > "$stage/associations/$(basename "$f")"
        echo "--file-associations"
        echo "$stage/associations/$(basename "$f")"
    done
}

# java_option_args: "--java-options X" for every option in app.conf, one word per line.
java_option_args() {
    local o
    for o in $(conf java.options); do
        echo "--java-options"
        echo "$o"
    done
}
