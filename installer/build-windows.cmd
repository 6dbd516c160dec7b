@echo off
rem Builds the Windows app image and .msi: the same as build-windows.ps1, for cmd.exe users.
rem Usage: installer\build-windows.cmd [-Version 0.1.0-SNAPSHOT] [-Dest DIR] [-AppImageOnly]
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build-windows.ps1" %*
exit /b %ERRORLEVEL%
