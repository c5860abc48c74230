#!/bin/sh
# Starter Råderumsspillet fra .venv ved siden af denne fil (lavet af install.sh).
# Argumenter går videre til spillet, fx sh start.sh play --fullscreen eller sh start.sh --help
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd -P)
python="$here/.venv/bin/python"

# -L too: on another pc the link to the Python that made .venv points nowhere (-e is false)
if [ ! -e "$python" ] && [ ! -L "$python" ]; then
    echo "Spillet er ikke installeret endnu. Kør først sh install.sh i samme mappe." >&2
    exit 1
fi
if ! "$python" -c '' >/dev/null 2>&1; then
    echo "Installationen i $here/.venv blev lavet på en anden pc eller med en anden Python." >&2
    echo "Kør sh install.sh igen her. Det kræver ikke internet." >&2
    exit 1
fi
# Spillets beskeder skriver kommandoer, som de køres her (ikke "raaderum import ...").
RAADERUM_LAUNCHER="sh start.sh"
export RAADERUM_LAUNCHER
# -P: en mappe der hedder game/ i den aktuelle mappe må ikke skygge for spillet.
exec "$python" -P -m game "$@"
