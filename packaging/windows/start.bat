@echo off
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "OLD_CP=%%c"
chcp 65001 >nul
rem Starter Råderumsspillet fra .venv ved siden af denne fil (lavet af installer.bat).
rem Alle stier går ud fra denne fils mappe, så den virker fra et USB-stik med et vilkårligt
rem drevbogstav. Argumenter går videre til spillet, fx play --fullscreen.
title Råderumsspillet
set "PY=%~dp0.venv\Scripts\python.exe"
set "STATUS=1"

if not exist "%PY%" goto not_installed
"%PY%" -c "pass" >nul 2>&1
if errorlevel 1 goto other_pc

rem Spillets beskeder skriver kommandoer, som de køres her (ikke "raaderum import ...").
set RAADERUM_LAUNCHER="Start Råderumsspillet.bat"
rem -P: en mappe, der hedder game, i den aktuelle mappe må ikke skygge for spillet.
"%PY%" -P -m game %*
if errorlevel 1 goto crashed
set "STATUS=0"
goto end

:not_installed
echo Spillet er ikke installeret endnu.
echo Pak hele zip-filen ud, og dobbeltklik først på installer.bat i samme mappe.
goto wait

:other_pc
echo Spillets Python i mappen .venv kunne ikke starte.
echo Som regel er installationen lavet på en anden pc eller med en anden Python:
echo dobbeltklik så på installer.bat igen på denne pc. Det kræver ikke internet.
echo Må pc'en kun køre godkendte programmer (fx AppLocker), så bed IT godkende
echo mappen "%~dp0".
goto wait

:crashed
echo.
echo Spillet stoppede med en fejl (se beskeden ovenfor).
goto wait

:wait
echo.
pause

:end
chcp %OLD_CP% >nul
exit /b %STATUS%
