"""Plain-Danish reasons for the operating system's refusals to read or write a file.

The system's own text ("No space left on device", "[Errno 17] File exists: '…'") never reaches
the user: every ``OSError`` is translated from its ``errno`` (and on Windows its ``winerror``)
into a short Danish phrase that fits after "spillet kunne ikke gemmes: ".
"""

from __future__ import annotations

import errno

_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: "disken er fuld",
    errno.EROFS: "mappen ligger på et skrivebeskyttet drev",
    errno.EACCES: "ingen adgang – mappen eller filen er skrivebeskyttet",
    errno.EPERM: "ingen adgang – mappen eller filen er skrivebeskyttet",
    errno.EEXIST: "der findes allerede en fil med det navn",
    errno.ENAMETOOLONG: "stien eller filnavnet er for langt",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.EISDIR: "der ligger en mappe med det navn",
    errno.ENOENT: "mappen eller filen findes ikke (længere)",
    errno.EFBIG: "filen bliver større, end systemet tillader",
    errno.EIO: "drevet svarer ikke – er USB-nøglen eller netværksdrevet fjernet?",
    errno.EMFILE: "der er for mange åbne filer",
    errno.ENFILE: "der er for mange åbne filer",
    errno.EBUSY: "filen er i brug af et andet program",
    errno.ENODEV: "drevet findes ikke (længere)",
    errno.ENXIO: "drevet findes ikke (længere)",
    errno.EINVAL: "navnet er ikke gyldigt på dette drev",
    errno.ELOOP: "stien går i ring (for mange genveje)",
    errno.EXDEV: "filen kan ikke flyttes mellem to drev",
    errno.ENOTEMPTY: "mappen er ikke tom",
}
for _name, _text in (
    ("EDQUOT", "din lagerkvote er brugt op"),
    ("ESTALE", "netværksdrevet er ikke længere tilgængeligt"),
    ("ETIMEDOUT", "netværksdrevet svarer ikke"),
    ("EHOSTDOWN", "netværksdrevet svarer ikke"),
    ("ENETDOWN", "netværket er nede"),
    ("ENETUNREACH", "netværket er nede"),
    ("ECONNRESET", "forbindelsen til netværksdrevet blev afbrudt"),
    ("ETXTBSY", "filen er i brug af et andet program"),
    ("ENOLCK", "drevet kan ikke låse filer"),
    ("EILSEQ", "navnet indeholder tegn, som drevet ikke kan gemme"),
):
    _number = getattr(errno, _name, None)
    if _number is not None:
        _BY_ERRNO.setdefault(_number, _text)

_BY_WINERROR: dict[int, str] = {
    5: "ingen adgang – mappen eller filen er skrivebeskyttet",
    19: "drevet er skrivebeskyttet",
    21: "drevet er ikke klar – er USB-nøglen sat i?",
    32: "filen er i brug af et andet program (fx OneDrive eller et antivirusprogram)",
    33: "filen er låst af et andet program",
    39: "disken er fuld",
    53: "netværksdrevet kan ikke findes",
    64: "forbindelsen til netværksdrevet blev afbrudt",
    112: "disken er fuld",
    123: "navnet er ikke gyldigt på dette drev",
    206: "stien eller filnavnet er for langt",
    1224: "filen er åben i et andet program",
}

_CODES: dict[int, str] = {
    errno.ENOSPC: "disk_full",
    errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.ENOTDIR: "not_a_folder",
    errno.EEXIST: "exists",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ENOENT: "missing",
}
if hasattr(errno, "EDQUOT"):
    _CODES[errno.EDQUOT] = "disk_full"


def os_reason(error: OSError) -> str:
    """A short Danish phrase for why the system refused (no file name, no system text)."""
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int) and winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    if isinstance(error, PermissionError):
        return _BY_ERRNO[errno.EACCES]
    if isinstance(error, FileNotFoundError):
        return _BY_ERRNO[errno.ENOENT]
    if error.errno is not None:
        return f"styresystemet afviste handlingen (fejlkode {error.errno})"
    return "styresystemet afviste handlingen"


def os_code(error: OSError) -> str:
    """A stable English code for the kind of refusal ("disk_full", "read_only", "no_access",
    "not_a_folder", "exists", "name_too_long", "missing" or "other"), for the window to pick a
    remedy (e.g. offer another folder)."""
    if getattr(error, "winerror", None) in (39, 112):
        return "disk_full"
    if error.errno is not None and error.errno in _CODES:
        return _CODES[error.errno]
    return "other"
