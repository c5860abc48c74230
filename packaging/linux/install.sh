#!/bin/sh
# Installerer Råderumsspillet @VERSION@ uden internet: laver et virtuelt miljø i .venv ved
# siden af denne fil og installerer spillet fra mappen wheels/. Kør den igen på en ny pc.
# Vælg selv Python med PYTHON=/sti/til/python3.@PY_MINOR@ sh install.sh
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
want=@PY@
check='import sys; sys.exit(0 if sys.version_info[:2] == (@PY_MAJOR@, @PY_MINOR@) and sys.maxsize > 2**32 else 1)'

if [ ! -f "$here/wheels/@WHEEL@" ]; then
    echo "Mappen wheels/ mangler ved siden af install.sh." >&2
    echo "Pak hele zip-filen ud, og kør sh install.sh i den udpakkede mappe." >&2
    exit 1
fi

fits() {
    command -v "$1" >/dev/null 2>&1 && "$1" -c "$check" >/dev/null 2>&1
}

if [ -n "${PYTHON:-}" ]; then
    set -- "$PYTHON"
else
    set -- "python$want" python3 python
fi
python=
for candidate in "$@"; do
    if fits "$candidate"; then
        python=$candidate
        break
    fi
done

if [ -z "$python" ]; then
    echo "Python $want (64-bit) blev ikke fundet på denne pc." >&2
    echo "Denne pakke (@BUNDLE@) passer kun til Python $want, 64-bit." >&2
    for candidate in "$@"; do
        if command -v "$candidate" >/dev/null 2>&1 && found=$("$candidate" --version 2>&1); then
            echo "  Fundet: $candidate er $found" >&2
        fi
    done
    echo "Tag den pakke, der passer til pc'ens Python (der er pakker til Python @PYTHONS@)," >&2
    echo "eller installér Python $want, fx: sudo apt install python$want python$want-venv" >&2
    exit 1
fi

echo "Installerer Råderumsspillet @VERSION@ med $("$python" --version 2>&1) i $here/.venv ..."
if ! "$python" -m venv --clear "$here/.venv"; then
    echo "Kunne ikke lave det virtuelle miljø i $here/.venv." >&2
    echo "På Debian og Ubuntu mangler ofte pakken python$want-venv: sudo apt install python$want-venv" >&2
    exit 1
fi

# Kun mappen wheels/: ingen pakkeindeks, og pip-indstillinger på pc'en bliver ikke læst.
if ! PIP_CONFIG_FILE=/dev/null "$here/.venv/bin/python" -m pip install --isolated --quiet \
    --no-index --only-binary=:all: --find-links "$here/wheels" --no-cache-dir \
    --disable-pip-version-check "raaderum==@VERSION@"; then
    echo "Installationen fra mappen wheels/ mislykkedes (se beskeden ovenfor)." >&2
    exit 1
fi

"$here/.venv/bin/python" -P -m game --version
echo "Færdig. Start spillet med sh start.sh"
