"""gunicorn's access log without bearer secrets (`make run` and the README's production command).

Cancel and confirmation links, password-reset links and old bookmarks carry tokens; whoever
reads a log must not be able to use them. The log keeps method, path, status and timing: query
strings and the referrer are left out and long token-like path segments are masked.
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

# Signed tokens (Django signing, password reset) are long runs of URL-safe characters. A page
# slug that long is masked too: it only loses its readability in the log, never a secret.
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_:\-]{24,}(?=/|$)")
MASK = "[token]"


def masked_path(path: str) -> str:
    return TOKEN_SEGMENT.sub(MASK, path or "")


class AccessLogger(Logger):
    """`--logger-class cms.access_log.AccessLogger`: every format atom is free of secrets."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = masked_path(atoms.get("U") or "")
        atoms["U"] = path
        atoms["r"] = f"{atoms.get('m')} {path} {atoms.get('H')}"
        atoms["q"] = "-"
        atoms["f"] = "-"
        return atoms
