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

own_disk() {
    echo "Pak zip-filen ud i din egen mappe på pc'en (fx i Dokumenter), og kør sh install.sh der." >&2
}

# A folder that cannot be written (read-only, or another user's) is said as such: the link
# test below cannot tell it from a drive that holds no links, and said "FAT" for both.
probe="$here/.raaderum-skriv-$$"
if ! (: >"$probe") 2>/dev/null; then
    echo "Der kan ikke skrives i mappen $here." >&2
    echo "Mappen er skrivebeskyttet, eller den tilhører en anden bruger, og install.sh skal" >&2
    echo "lave mappen .venv i den." >&2
    own_disk
    exit 1
fi
rm -f "$probe"

echo "Installerer Råderumsspillet @VERSION@ med $("$python" --version 2>&1) i $here/.venv ..."
if ! "$python" -m venv --clear "$here/.venv"; then
    echo "Kunne ikke lave det virtuelle miljø i $here/.venv." >&2
    probe="$here/.raaderum-link-$$"
    if ! ln -s install.sh "$probe" 2>/dev/null; then
        # the folder can be written (checked above), but an FAT or exFAT stick holds no
        # symbolic links, and venv needs them on Linux
        echo "Mappen ligger på et drev, der ikke kan rumme links (fx et FAT-formateret USB-stik)." >&2
        own_disk
    else
        rm -f "$probe"
        echo "På Debian og Ubuntu mangler ofte pakken python$want-venv; bed IT om at installere den" >&2
        echo "(sudo apt install python$want-venv)." >&2
    fi
    exit 1
fi

# Kun mappen wheels/: ingen pakkeindeks, og pip-indstillinger på pc'en bliver ikke læst.
if ! PIP_CONFIG_FILE=/dev/null "$here/.venv/bin/python" -m pip install --isolated --quiet \
    --no-index --only-binary=:all: --find-links "$here/wheels" --no-cache-dir \
    --disable-pip-version-check "raaderum==@VERSION@"; then
    echo "Installationen fra mappen wheels/ mislykkedes (se beskeden ovenfor)." >&2
    exit 1
fi

if ! started=$("$here/.venv/bin/python" -P -m game --version 2>&1); then
    # numpy's and pygame's compiled parts cannot be loaded from a drive mounted noexec (a
    # stick that may not run programs): the game's own folder must be on the pc's disk
    echo "Spillet kunne ikke starte fra $here." >&2
    echo "(Teknisk: $(printf '%s\n' "$started" | tail -n 1))" >&2
    echo "Ligger mappen på et USB-stik, der ikke må køre programmer, kan spillet ikke køre derfra." >&2
    own_disk
    exit 1
fi
echo "$started"
echo "Færdig. Start spillet med sh start.sh"
