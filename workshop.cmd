@echo off
rem The course's front door on Windows: workshop grade | test | hint | doctor | verify | manifest | mutate | new
rem It builds the grader (course-grader, with the kit it runs) when needed, through the Maven Wrapper,
rem then runs its command line.
setlocal
cd /d "%~dp0"

set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" -version >nul 2>&1
if errorlevel 1 (
  echo workshop: no Java found. Install JDK 17 or newer and set JAVA_HOME ^(see docs\setup.md^). 1>&2
  exit /b 2
)

set "STAMP=course-grader\target\workshop.classpath"
if not exist "%STAMP%" goto build
if not exist "course-grader\target\classes" goto build
goto run

:build
echo Building the grader (the first run downloads Maven and the libraries; later runs skip this)... 1>&2
call mvnw.cmd -q -B -pl course-grader -am -Dmaven.test.skip=true package 1>&2
if errorlevel 1 (
  echo workshop: building the grader failed ^(see above^). Try: workshop doctor 1>&2
  exit /b 2
)

:run
set /p KITCP=<"%STAMP%"
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "course-grader\target\classes;%KITCP%" dev.arcade.grader.cli.Main %*
exit /b %ERRORLEVEL%
