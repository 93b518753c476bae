@echo off
rem The course's front door on Windows: workshop grade | test | hint | doctor | verify | manifest | mutate | new
rem It builds the grader (course-grader, with the kit it runs) when needed, through the Maven Wrapper,
rem then runs its command line. Keep it in step with the bash script ./workshop.
setlocal
cd /d "%~dp0"

rem A JDK 17 or newer: JAVA_HOME first, then the java on the PATH. A JRE is not enough: the grader
rem compiles the learner's code (and building it needs javac).
set "JAVA_EXE=java"
if not defined JAVA_HOME goto pathjava
if not exist "%JAVA_HOME%\bin\java.exe" goto pathjava
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_HOME%\bin\javac.exe" goto javaok
echo workshop: JAVA_HOME points at a JRE (%JAVA_HOME% has no bin\javac.exe); set it to a JDK 17 or newer (see docs\setup.md). 1>&2
exit /b 2

:pathjava
where javac >nul 2>&1
if not errorlevel 1 goto javaok
where java >nul 2>&1
if errorlevel 1 goto nojava
echo workshop: the java on the PATH is a JRE (no javac); install a JDK 17 or newer and set JAVA_HOME to it (see docs\setup.md). 1>&2
exit /b 2

:javaok
"%JAVA_EXE%" -version >nul 2>&1
if not errorlevel 1 goto checkbuild
:nojava
echo workshop: no Java found. Install JDK 17 or newer and set JAVA_HOME (see docs\setup.md). 1>&2
exit /b 2

rem Built on the first run, and again when the last build is not complete. Maven writes the classpath
rem as workshop.classpath.new; only a build that ended well renames it to the stamp.
:checkbuild
set "STAMP=course-grader\target\workshop.classpath"
set "WHY=first run"
if not exist "%STAMP%" goto build
set "WHY=its classes are missing"
if not exist "course-grader\target\classes\dev\arcade\grader\cli\Main.class" goto build
for /f "usebackq delims=" %%L in ("%STAMP%") do set "KITCP=%%L"
rem every entry of the classpath must still exist (a Maven repository emptied since loses them)
set "WHY=a library it needs is missing"
for %%E in ("%KITCP:;=" "%") do if not "%%~E"=="" if not exist "%%~E" goto build
goto run

:build
rem One build at a time: the lock is a folder (mkdir is atomic); a lock older than 30 minutes is stale.
if not exist "course-grader\target" mkdir "course-grader\target"
set "LOCK=course-grader\target\build.lock"
set /a WAITED=0
:lock
mkdir "%LOCK%" 2>nul && goto locked
if %WAITED%==0 echo workshop: another workshop is building the grader; waiting for it to finish... 1>&2
set /a WAITED+=1
if %WAITED% geq 1800 (rmdir /s /q "%LOCK%" 2>nul & set /a WAITED=1)
timeout /t 1 /nobreak >nul
goto lock
:locked
if %WAITED% gtr 0 if exist "%STAMP%" if exist "course-grader\target\classes\dev\arcade\grader\cli\Main.class" goto unlock
if "%WHY%"=="first run" (
  echo Building the grader ^(on a first run, or after mvnw clean: the first one downloads Maven and the libraries^)... 1>&2
) else (
  echo Building the grader again ^(%WHY%^)... 1>&2
)
del /q "%STAMP%" "%STAMP%.new" 2>nul
call mvnw.cmd -q -B -pl course-grader -am -Dmaven.test.skip=true -Dspotless.check.skip=true -Dmaven.jar.forceCreation=true install 1>&2
if errorlevel 1 goto buildfailed
if not exist "%STAMP%.new" goto buildfailed
move /y "%STAMP%.new" "%STAMP%" >nul
:unlock
rmdir /s /q "%LOCK%" 2>nul
for /f "usebackq delims=" %%L in ("%STAMP%") do set "KITCP=%%L"
goto run

:buildfailed
rmdir /s /q "%LOCK%" 2>nul
echo workshop: building the grader failed (see above); fix what it says, then run workshop again (workshop doctor checks this machine). 1>&2
exit /b 2

:run
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "course-grader\target\classes;%KITCP%" dev.arcade.grader.cli.Main %*
exit /b %ERRORLEVEL%
