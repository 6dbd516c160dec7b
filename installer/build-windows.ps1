# Builds the Windows distribution of TwinBench from `mvn -B -DskipTests package` output:
#   target\installer\runtime         trimmed Java runtime (jlink: jdeps' JDK modules + JavaFX)
#   target\installer\TwinBench       app image: TwinBench.exe (window) and twinbench-cli.exe (console)
#   target\installer\TwinBench-*.msi installer (jpackage; needs the WiX Toolset 3.x on the PATH)
# Usage: powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Version 0.1.0-SNAPSHOT]
#        [-Dest DIR] [-AppImageOnly]      (or installer\build-windows.cmd with the same arguments)
# `mvn -Pinstaller package` runs it on Windows. Needs a JDK 17+ with jpackage (set JAVA_HOME).
# The same steps as installer/common.sh + build-linux.sh; keep the three scripts in step.
param(
    [string]$Version = "",
    [string]$Dest = "target\installer",
    [switch]$AppImageOnly
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
Add-Type -AssemblyName System.IO.Compression.FileSystem

function Conf([string]$key) {
    $line = Get-Content installer\app.conf | Where-Object { $_ -like "$key=*" } | Select-Object -First 1
    if (-not $line) { throw "installer\app.conf: no key '$key'" }
    return $line.Substring($key.Length + 1)
}

function JdkTool([string]$name) {
    if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$name.exe")) { return "$env:JAVA_HOME\bin\$name.exe" }
    $found = Get-Command "$name.exe" -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    throw "$name not found: install a full JDK 17+ (it ships jlink, jdeps and jpackage) or set JAVA_HOME"
}

function Invoke-Tool([string]$tool, [string[]]$arguments) {
    & $tool @arguments
    if ($LASTEXITCODE -ne 0) { throw "$(Split-Path -Leaf $tool) failed with exit code $LASTEXITCODE" }
}

# Deletes the entries under $prefix that do not start with $keep (native libraries of other OSes).
function Keep-Natives([string]$jar, [string]$prefix, [string]$keep) {
    $zip = [System.IO.Compression.ZipFile]::Open($jar, [System.IO.Compression.ZipArchiveMode]::Update)
    try {
        $drop = @($zip.Entries | Where-Object { $_.FullName.StartsWith($prefix) -and -not $_.FullName.StartsWith($keep) })
        foreach ($entry in $drop) { $entry.Delete() }
    } finally { $zip.Dispose() }
}

if (-not (Test-Path target\twinbench.jar) -or -not (Test-Path target\lib)) {
    throw "target\twinbench.jar is missing: run 'mvn -B -DskipTests package' first"
}
if (-not $Version) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path target\twinbench.jar))
    try {
        $reader = New-Object System.IO.StreamReader($zip.GetEntry("org/twinbench/version.properties").Open())
        $Version = ($reader.ReadToEnd() -split "`n" | Where-Object { $_ -like "version=*" }).Substring(8).Trim()
        $reader.Dispose()
    } finally { $zip.Dispose() }
}
$appVersion = ($Version -split "-")[0]   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
$name = Conf "name"
New-Item -ItemType Directory -Force $Dest | Out-Null
$Dest = (Resolve-Path $Dest).Path
$stage = "$Dest\stage"

Write-Host "[installer] staging the class path"
Remove-Item -Recurse -Force "$stage\app", "$stage\javafx" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$stage\app\lib", "$stage\javafx" | Out-Null
Copy-Item target\twinbench.jar "$stage\app\"
foreach ($jar in Get-ChildItem target\lib\*.jar) {
    $n = $jar.Name
    if ($n -like "javafx-*-win.jar") { Copy-Item $jar.FullName "$stage\javafx\" }
    elseif ($n -like "javafx-*") { }                                   # the empty jar without classifier
    elseif ($n -like "*-windows-x86_64.jar") { Copy-Item $jar.FullName "$stage\app\lib\" }
    elseif ($n -like "*-linux-*.jar" -or $n -like "*-macosx-*.jar" -or $n -like "*-windows-*.jar") { }
    else { Copy-Item $jar.FullName "$stage\app\lib\" }
}
if (-not (Get-ChildItem "$stage\javafx\*.jar")) { throw "no javafx-*-win.jar in target\lib: build on Windows" }
foreach ($jar in Get-ChildItem "$stage\app\lib\onnxruntime-*.jar") { Keep-Natives $jar.FullName "ai/onnxruntime/native/" "ai/onnxruntime/native/win-x64/" }
foreach ($jar in Get-ChildItem "$stage\app\lib\sqlite-jdbc-*.jar") { Keep-Natives $jar.FullName "org/sqlite/native/" "org/sqlite/native/Windows/x86_64/" }
Get-Content installer\licence\NOTICE.txt, LICENSE | Set-Content -Encoding ASCII "$stage\app\LICENSE.txt"   # plain ASCII: jpackage turns it into RTF for WiX

Write-Host "[installer] finding the runtime modules (jdeps)"
$classPath = (Get-ChildItem "$stage\app\lib\*.jar" | ForEach-Object { $_.FullName }) -join ";"
$jdkModules = & (JdkTool jdeps) --print-module-deps --ignore-missing-deps --multi-release 17 --class-path $classPath "$stage\app\twinbench.jar"
if ($LASTEXITCODE -ne 0) { throw "jdeps failed" }
$modules = (@(($jdkModules | Select-Object -Last 1).Trim()) + ((Conf "javafx.modules") -split " ") + ((Conf "extra.modules") -split " ")) -join ","
Write-Host "[installer] linking the runtime: $modules"
$javaHome = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { Split-Path -Parent (Split-Path -Parent (JdkTool jlink)) }
Remove-Item -Recurse -Force "$Dest\runtime" -ErrorAction SilentlyContinue
Invoke-Tool (JdkTool jlink) @("--module-path", "$javaHome\jmods;$stage\javafx", "--add-modules", $modules,
    "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands", "--compress=2",
    "--output", "$Dest\runtime")

$common = @("--name", $name, "--app-version", $appVersion, "--vendor", (Conf "vendor"),
    "--description", (Conf "description"), "--copyright", (Conf "copyright"))
$javaOptions = @()
foreach ($o in ((Conf "java.options") -split " ")) { $javaOptions += @("--java-options", $o) }

Write-Host "[installer] building the app image"
Remove-Item -Recurse -Force "$Dest\$name" -ErrorAction SilentlyContinue
Invoke-Tool (JdkTool jpackage) (@("--type", "app-image", "--dest", $Dest, "--input", "$stage\app",
    "--main-jar", (Conf "main.jar"), "--main-class", (Conf "main.class"), "--runtime-image", "$Dest\runtime",
    "--icon", "installer\icons\twinbench.ico",
    "--add-launcher", "twinbench-cli=installer\windows\twinbench-cli.properties") + $common + $javaOptions)
Write-Host "[installer] app image: $Dest\$name"
if ($AppImageOnly) { exit 0 }

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw "WiX Toolset 3.x (candle.exe, light.exe) is not on the PATH: jpackage needs it for the .msi"
}
Write-Host "[installer] building the .msi"
New-Item -ItemType Directory -Force "$stage\associations" | Out-Null
$associations = @()
foreach ($f in Get-ChildItem installer\associations\*.properties) {
    $target = "$stage\associations\$($f.Name)"
    (Get-Content $f.FullName) + "icon=$((Resolve-Path installer\icons\twinbench.ico).Path -replace '\\','/')" | Set-Content $target
    $associations += @("--file-associations", $target)
}
Remove-Item "$Dest\*.msi" -ErrorAction SilentlyContinue
# A fixed upgrade code lets a newer .msi replace an installed older one.
Invoke-Tool (JdkTool jpackage) (@("--type", "msi", "--dest", $Dest, "--app-image", "$Dest\$name",
    "--about-url", (Conf "about.url"), "--license-file", "$stage\app\LICENSE.txt",
    "--win-menu", "--win-menu-group", $name, "--win-shortcut", "--win-dir-chooser",
    "--win-upgrade-uuid", "6f1d2c7e-5a43-4f0b-9a57-2b9e1f3c8d10") + $common + $associations)
Write-Host "[installer] package: $((Get-ChildItem "$Dest\*.msi").FullName)"
