@echo off
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "OLD_CP=%%c"
chcp 65001 >nul
rem Installerer Råderumsspillet @VERSION@ uden internet: laver et virtuelt miljø i .venv ved
rem siden af denne fil og installerer spillet fra mappen wheels. Virker også fra et USB-stik.
rem Kør den igen på en ny pc: .venv hører til den Python, den blev lavet med.
title Råderumsspillet - installation
set "HERE=%~dp0"
set "STATUS=1"
pushd "%HERE%"

if not exist "%HERE%wheels\@WHEEL@" goto not_unpacked

rem Python @PY@, 64-bit: først py-starteren, så den python, der ligger på PATH.
set "PYCMD="
call :try py -@PY@-64
if not defined PYCMD call :try py -@PY@
if not defined PYCMD call :try python
if not defined PYCMD goto no_python

rem En mappe, der ikke kan skrives i, siges som sådan (ikke som en fejl fra venv).
set "PROBE=%HERE%.raaderum-skriv-%RANDOM%"
(type nul >"%PROBE%") >nul 2>&1
if not exist "%PROBE%" goto read_only
del "%PROBE%" >nul 2>&1

echo Installerer Råderumsspillet @VERSION@ i "%HERE%.venv" med Python @PY@:
%PYCMD% -c "import sys; print(sys.executable)"
echo Det tager et par minutter ...
%PYCMD% -m venv --clear "%HERE%.venv"
if errorlevel 1 goto venv_failed

rem Kun mappen wheels: intet pakkeindeks, og pip-indstillinger på pc'en bliver ikke læst.
set "PIP_CONFIG_FILE=nul"
"%HERE%.venv\Scripts\python.exe" -m pip install --isolated --quiet --no-index --only-binary=:all: --find-links "%HERE%wheels" --no-cache-dir --disable-pip-version-check --no-warn-script-location raaderum==@VERSION@
if errorlevel 1 goto pip_failed
"%HERE%.venv\Scripts\python.exe" -P -m game --version
if errorlevel 1 goto pip_failed

echo.
echo Færdig. Start spillet ved at dobbeltklikke på "Start Råderumsspillet.bat".
set "STATUS=0"
goto end

:try
rem Sætter PYCMD, hvis kommandoen er Python @PY@ i 64-bit.
%* -c "import sys; sys.exit(0 if sys.version_info[:2] == (@PY_MAJOR@, @PY_MINOR@) and sys.maxsize > 2**32 else 1)" >nul 2>&1
if errorlevel 1 exit /b
set "PYCMD=%*"
exit /b

:list_pythons
py -0p 2>nul
if not errorlevel 1 exit /b
python --version 2>nul
if not errorlevel 1 exit /b
echo   ingen Python fundet
exit /b

:not_unpacked
echo Mappen "wheels" mangler ved siden af installer.bat.
echo Pak hele zip-filen ud først: højreklik på zip-filen, vælg "Udpak alle", og dobbeltklik
echo så på installer.bat i den udpakkede mappe.
goto end

:no_python
echo Python @PY@ (64-bit) blev ikke fundet på denne pc.
echo Denne pakke (@BUNDLE@) passer kun til Python @PY@, 64-bit.
echo.
echo Python på pc'en:
call :list_pythons
echo.
echo Gør et af følgende:
echo   - Tag den pakke, der passer til pc'ens Python. Der er pakker til Python @PYTHONS@.
echo   - Bed IT installere Python @PY@ (64-bit) fra python.org eller kommunens softwarekatalog.
goto end

:read_only
echo Der kan ikke skrives i mappen "%HERE%".
echo Mappen er skrivebeskyttet, eller du har kun lov at læse i den, og installer.bat skal
echo lave mappen .venv i den. Pak zip-filen ud i din egen mappe, fx på skrivebordet eller
echo i Dokumenter, og dobbeltklik på installer.bat der.
goto end

:venv_failed
echo.
echo Kunne ikke lave det virtuelle miljø i "%HERE%.venv".
echo Luk spillet, hvis det kører. Er mappen skrivebeskyttet, så pak zip-filen ud et andet
echo sted, fx på skrivebordet, og prøv igen.
goto end

:pip_failed
echo.
echo Installationen fra mappen "wheels" mislykkedes (se beskeden ovenfor).
echo Pak zip-filen ud igen, og dobbeltklik på installer.bat på ny.
goto end

:end
popd
echo.
pause
chcp %OLD_CP% >nul
exit /b %STATUS%
