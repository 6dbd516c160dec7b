#!/bin/bash
# Writes src/main/resources/org/twinbench/ui/startup-classes.txt: the classes the window loads from the class path
# and the JDK's modules (not the JDK's shared archive) until its first frame is drawn, in the order it loads them.
# org.twinbench.ui.StartupClasses loads and links them on a thread of its own while the toolkit starts. Run it
# after a change to what the window shows at start-up, with the jar built (mvn -o -q package -DskipTests) and
# DISPLAY set (e.g. an Xvfb display):  scripts/startup-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/twinbench.jar
out=src/main/resources/org/twinbench/ui/startup-classes.txt
mkdir -p "$(dirname "$out")"
log=$(mktemp)
trace=$(mktemp)
trap 'rm -f "$log" "$trace"' EXIT
java -Dtwinbench.startup.trace=true -Dtwinbench.startup.preload=false -Xlog:class+load:file="$log":uptime \
    -jar "$jar" 2>"$trace" &
pid=$!
for _ in $(seq 1 600); do
    grep -q '^startup first_frame' "$trace" && break
    kill -0 $pid 2>/dev/null || { echo "the window ended before its first frame:" >&2; cat "$trace" >&2; exit 1; }
    sleep 0.1
done
kill $pid
wait $pid 2>/dev/null || true
shown=$(awk '$2 == "first_frame" {print $3 / 1000}' "$trace")
[ -n "$shown" ] || { echo "no first frame within a minute" >&2; exit 1; }
# "[1.234s] name source: file:…" or "…source: jrt:/…"; hidden classes (lambdas) and the shared archive's are left out.
awk -v shown="$shown" -F'[][]' '{ t = $2 + 0 } t <= shown' "$log" \
    | grep -E ' source: (file:|jrt:)' | sed -E 's/^\[[^]]*\] ([^ ]+) source: .*/\1/' | grep -v '/' \
    | awk '!seen[$0]++' > "$out"
echo "$(wc -l < "$out") classes loaded in ${shown}s until the first frame: $out"
